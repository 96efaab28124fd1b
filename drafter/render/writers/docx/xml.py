"""WordprocessingML helpers: small functions that set one property on a paragraph or style.

Like python-docx's ``oxml`` layer, this module knows the XML and nothing of GB/T 9704:
callers pass every number in.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import SubElement

W_P, W_PPR, W_PSTYLE, W_VAL = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")
W_R, W_RPR, W_B, W_BCS, W_T = qn("w:r"), qn("w:rPr"), qn("w:b"), qn("w:bCs"), qn("w:t")
W_BR, W_TAB, W_SZ, W_SZCS = qn("w:br"), qn("w:tab"), qn("w:sz"), qn("w:szCs")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Children of w:pPr in the order the schema requires (ECMA-376 17.3.1.26); Word refuses a
# document whose paragraph properties are out of order.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
             "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
             "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
             "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
             "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
_RANK = {qn(f"w:{name}"): i for i, name in enumerate(PPR_ORDER)}


def child(ppr, name: str):
    """The ``w:name`` child of ``ppr``, created in schema order if missing."""
    tag = qn(f"w:{name}")
    found = ppr.find(tag)
    if found is not None:
        return found
    el = OxmlElement(f"w:{name}")
    rank = _RANK.get(tag, len(PPR_ORDER))
    for i, existing in enumerate(ppr):
        if _RANK.get(existing.tag, len(PPR_ORDER)) > rank:
            ppr.insert(i, el)
            return el
    ppr.append(el)
    return el


def ppr_of(p):
    """w:pPr of a w:p element (created first if missing)."""
    ppr = p.find(W_PPR)
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    return ppr


def fonts(rpr_owner, east_asia: str) -> None:
    """Set Latin and East-Asian fonts explicitly, dropping theme fonts that would win over them."""
    if hasattr(rpr_owner, "get_or_add_rPr"):
        rpr = rpr_owner.get_or_add_rPr()
    else:  # w:rPrDefault has no python-docx class
        rpr = rpr_owner.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_owner.append(rpr)
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in list(rfonts.attrib):
        if attr.lower().endswith("theme"):
            del rfonts.attrib[attr]
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        rfonts.set(qn(f"w:{slot}"), east_asia)
    rfonts.set(qn("w:hint"), "eastAsia")


def indent_chars(ppr, *, size: float, first: float = 0, left: float = 0, right: float = 0) -> None:
    """Indents in characters (w:*Chars, which Word and WPS honour) with twips as fallback.

    A negative ``first`` is a hanging indent (w:hanging)."""
    ind = child(ppr, "ind")
    twips_per_char = int(size * 20)
    for attr in list(ind.attrib):
        del ind.attrib[attr]
    if first < 0:
        ind.set(qn("w:hangingChars"), str(int(-first * 100)))
        ind.set(qn("w:hanging"), str(int(-first * twips_per_char)))
    else:
        ind.set(qn("w:firstLineChars"), str(int(first * 100)))
        ind.set(qn("w:firstLine"), str(int(first * twips_per_char)))
    for key, chars in (("left", left), ("right", right)):
        ind.set(qn(f"w:{key}Chars"), str(int(chars * 100)))
        ind.set(qn(f"w:{key}"), str(int(chars * twips_per_char)))


def spacing(ppr, *, before: int | None = None, after: int | None = None, line: int | None = None) -> None:
    """Space before/after a paragraph and an exact line pitch, in twips."""
    el = child(ppr, "spacing")
    if before is not None:
        el.set(qn("w:before"), str(int(before)))
    if after is not None:
        el.set(qn("w:after"), str(int(after)))
    if line is not None:
        el.set(qn("w:line"), str(int(line)))
        el.set(qn("w:lineRule"), "exact")


def flag(ppr, name: str, on: bool = True) -> None:
    """A true/false paragraph property such as keepNext or pageBreakBefore."""
    el = child(ppr, name)
    if not on:
        el.set(W_VAL, "0")


def border(ppr, edge: str, size_pt: float, color: str) -> None:
    bdr = child(ppr, "pBdr")
    el = OxmlElement(f"w:{edge}")
    el.set(W_VAL, "single")
    el.set(qn("w:sz"), str(int(size_pt * 8)))
    el.set(qn("w:space"), "1")
    el.set(qn("w:color"), color)
    order = ("top", "left", "bottom", "right", "between", "bar")
    for i, existing in enumerate(bdr):
        if order.index(existing.tag.split("}")[1]) > order.index(edge):
            bdr.insert(i, el)
            return
    bdr.append(el)


def tab_stops(ppr, stops: list[tuple[int, str]]) -> None:
    """Tab stops at (position in twips, alignment left/right/center)."""
    tabs = child(ppr, "tabs")
    for pos, align in stops:
        tab = OxmlElement("w:tab")
        tab.set(W_VAL, align)
        tab.set(qn("w:pos"), str(int(pos)))
        tabs.append(tab)


def run(p, text: str, *, bold: bool = False, size_half_points: int | None = None, strike: bool = False,
        underline: bool = False):
    """Append a run to the w:p ``p``; tabs and newlines in ``text`` become w:tab and w:br.

    Plain lxml elements (no python-docx proxies): this is the hot path of every document."""
    r = SubElement(p, W_R)
    if bold or size_half_points or strike or underline:
        rpr = SubElement(r, W_RPR)  # children in schema order: b, bCs, strike, sz, szCs, u
        if bold:
            SubElement(rpr, W_B)
            SubElement(rpr, W_BCS)
        if strike:
            SubElement(rpr, qn("w:strike"))
        if size_half_points:
            SubElement(rpr, W_SZ).set(W_VAL, str(size_half_points))
            SubElement(rpr, W_SZCS).set(W_VAL, str(size_half_points))
        if underline:
            SubElement(rpr, qn("w:u")).set(W_VAL, "single")
    if "\n" not in text and "\t" not in text:
        parts = [text]
    else:
        parts = text.replace("\n", "\x00\n\x00").replace("\t", "\x00\t\x00").split("\x00")
    for part in parts:
        if part == "\n":
            SubElement(r, W_BR)
        elif part == "\t":
            SubElement(r, W_TAB)
        elif part:
            t = SubElement(r, W_T)
            t.text = part
            if part != part.strip():
                t.set(XML_SPACE, "preserve")
    return r


def page_field(r) -> None:
    """A PAGE field in the run ``r``."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(XML_SPACE, "preserve")
            instr.text = text
            r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            r.append(t)
