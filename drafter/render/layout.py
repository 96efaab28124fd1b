"""Every layout number and font name drafter uses, loaded from ``drafter/layout.yaml``.

The values follow GB/T 9704-2012 《党政机关公文格式》: A4 paper (5.2.1), the margins
that give a 156 mm x 225 mm type area (5.2.2), 3号仿宋 body text with 22 lines of
28 characters a page (5.2.3), the 2号小标宋 title (7.3.1), the four heading levels
(7.3.3) and 4号 page numbers with dashes, odd pages right and even pages left (7.5).

The module keeps the names it has always had (``layout.FONT_BODY``, ``layout.MARGIN_TOP_MM``,
…) for the shipped values. An office changes fonts, colours and margins in its workspace's
``drafter.yaml`` (``unit:``, see ``drafter.unit``); ``resolve(overrides)`` gives a
``Layout`` with the same names and those values, which the .docx writer uses.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import SimpleNamespace

import yaml

DATA_FILE = Path(__file__).with_name("layout.yaml")


def _load_data() -> dict:
    with open(DATA_FILE, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


DATA: dict = _load_data()

# The groups a unit profile may override, and their keys.
OVERRIDABLE = ("fonts", "colours", "margins")


def _names(data: dict) -> dict:
    """The layout's flat names (FONT_BODY, …) from the nested data."""
    page, m, g, s, f = data["page"], data["margins"], data["grid"], data["sizes"], data["fonts"]
    c, i, r = data["colours"], data["indents"], data["rules"]
    names = {
        "PAGE_WIDTH_MM": page["width_mm"], "PAGE_HEIGHT_MM": page["height_mm"],
        "FOOTER_DISTANCE_MM": page["footer_distance_mm"],
        "MARGIN_TOP_MM": m["top"], "MARGIN_BOTTOM_MM": m["bottom"],
        "MARGIN_LEFT_MM": m["left"], "MARGIN_RIGHT_MM": m["right"],
        "LINES_PER_PAGE": g["lines_per_page"], "CHARS_PER_LINE": g["chars_per_line"],
        "LINE_PITCH_TWIPS": g["line_pitch_twips"], "CHAR_SPACING_TWENTIETHS": g["char_spacing_twentieths"],
        "SIZE_TITLE": s["title"], "SIZE_MASTHEAD": s["masthead"], "SIZE_BODY": s["body"],
        "SIZE_FOOTER": s["footer"], "SIZE_IMPRINT": s["imprint"], "SIZE_TABLE": s["table"],
        "FONT_TITLE": f["title"], "FONT_BODY": f["body"], "FONT_HEADING_1": f["heading_1"],
        "FONT_HEADING_2": f["heading_2"], "FONT_HEADING_3": f["heading_3"],
        "FONT_HEADING_4": f["heading_4"], "FONT_FOOTER": f["footer"],
        "RED": str(c["red"]).upper(), "BLACK": str(c["black"]).upper(),
        "FIRST_LINE_INDENT_CHARS": i["first_line"], "SIGNATURE_RIGHT_INDENT_CHARS": i["signature_right"],
        "FOOTER_SIDE_INDENT_CHARS": i["footer_side"],
        "SEPARATOR_RULE_PT": r["separator"], "IMPRINT_RULE_THICK_PT": r["imprint_thick"],
        "IMPRINT_RULE_THIN_PT": r["imprint_thin"],
        "PREVIEW_SUBSTITUTES": dict(data.get("preview_substitutes") or {}),
    }
    # The four fonts a finished document names, for `drafter doctor`.
    names["REQUIRED_FONTS"] = tuple(dict.fromkeys(
        (names["FONT_TITLE"], names["FONT_BODY"], names["FONT_HEADING_2"], names["FONT_HEADING_1"])))
    # Width of the type area in points, and its height in grid lines.
    names["TYPE_WIDTH_MM"] = names["PAGE_WIDTH_MM"] - names["MARGIN_LEFT_MM"] - names["MARGIN_RIGHT_MM"]
    return names


class Layout(SimpleNamespace):
    """One resolved layout: the module's names with a unit profile's values."""

    @property
    def key(self) -> str:
        """A short hash of every value, for caches of what this layout builds."""
        blob = json.dumps(vars(self), sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def resolve(overrides: dict | None = None) -> Layout:
    """The shipped layout with a unit profile's ``fonts``, ``colours`` and ``margins`` on top.

    ``overrides`` holds already validated groups (``drafter.unit.PROFILE``); keys it does
    not give keep the shipped value.
    """
    data = {k: (dict(v) if isinstance(v, dict) else v) for k, v in DATA.items()}
    for group in OVERRIDABLE:
        data[group].update({k: v for k, v in ((overrides or {}).get(group) or {}).items() if v is not None})
    # A unit's own font stands in a preview for the free font of its role (its body font
    # like 仿宋_GB2312's, …), so the preview keeps the serif/sans/kai look.
    subs = data["preview_substitutes"] = dict(DATA.get("preview_substitutes") or {})
    for role, shipped in DATA["fonts"].items():
        if data["fonts"][role] != shipped and shipped in subs:
            subs.setdefault(data["fonts"][role], subs[shipped])
    return Layout(**_names(data))


def landscape(L: Layout) -> Layout:
    """``L`` on the A4 sheet turned a quarter clockwise: each edge keeps its margin, so the
    订口 edge is at the top, where GB/T 9704-2012 8 (公文中的横排表格) puts the head of a
    landscape table on an odd page, and the 天头 to the right. The page number stays the same
    distance below the type area, at the foot of the landscape page: clause 8 asks it to stay
    where the portrait pages have theirs, which matters for a table bound into a portrait
    document, not for a 修改前后对照表 whose every page is landscape (``drafter compare``)."""
    if L.PAGE_WIDTH_MM > L.PAGE_HEIGHT_MM:
        return L
    values = dict(vars(L))
    values.update(PAGE_WIDTH_MM=L.PAGE_HEIGHT_MM, PAGE_HEIGHT_MM=L.PAGE_WIDTH_MM,
                  MARGIN_TOP_MM=L.MARGIN_LEFT_MM, MARGIN_RIGHT_MM=L.MARGIN_TOP_MM,
                  MARGIN_BOTTOM_MM=L.MARGIN_RIGHT_MM, MARGIN_LEFT_MM=L.MARGIN_BOTTOM_MM,
                  FOOTER_DISTANCE_MM=max(5, L.FOOTER_DISTANCE_MM - (L.MARGIN_BOTTOM_MM - L.MARGIN_RIGHT_MM)))
    values["TYPE_WIDTH_MM"] = values["PAGE_WIDTH_MM"] - values["MARGIN_LEFT_MM"] - values["MARGIN_RIGHT_MM"]
    return Layout(**values)


DEFAULT = resolve()
globals().update(vars(DEFAULT))
