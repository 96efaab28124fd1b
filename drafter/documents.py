"""Any draft -> numbered paragraphs: .txt and .md (UTF-8 or GB18030), .docx (bounded), an
outline .yaml (its sections filled in), or a rendered document's blocks.

The checker, the importer and ``--fix`` all read drafts through here, so they agree on what
paragraph 3 is.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field

from . import render
from .errors import DrafterError
from .fsutil import decode, read_bounded
from .render import model
from .safeyaml import format_path

MAX_TEXT_BYTES = 64 * 1024 * 1024  # a draft, not an archive
MAX_DOCX_BYTES = 64 * 1024 * 1024
MAX_DOCX_XML = 256 * 1024 * 1024  # all parts uncompressed: refuses zip bombs


@dataclass
class Paragraph:
    number: int
    text: str
    field: str | None = None  # an outline's field path
    shift: int = 0  # characters of Markdown markup (## , - ) before the text on its line


@dataclass
class Draft:
    file: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    date: dt.date | None = None  # the document's date, for glossary.dated
    region: str | None = None  # the province it is written in, for glossary.scope
    kind: str | None = None  # speech, report, notice when known


PROVINCES = ("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
             "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川",
             "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def detect_date(paragraphs: list[Paragraph]) -> dt.date | None:
    """The 成文日期 near the end, else the date under the title near the start."""
    for para in [*reversed(paragraphs[-6:]), *paragraphs[:6]]:
        for m in reversed(list(_DATE.finditer(para.text))):
            try:
                return dt.date(*(int(g) for g in m.groups()))
            except ValueError:
                continue
    return None


_REGION = re.compile("(" + "|".join(PROVINCES) + ")(?:省|自治区|壮族自治区|回族自治区|维吾尔自治区|市委|市人大)")


def detect_region(paragraphs: list[Paragraph]) -> str | None:
    """The province a draft names, when it names exactly one (湖南省, 广西壮族自治区, 上海市委)."""
    named = {m.group(1) for p in paragraphs for m in _REGION.finditer(p.text)}
    return named.pop() if len(named) == 1 else None


_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?!\d{2}-)|:::.*$)")


def _markdown_draft(path: str, text: str) -> Draft:
    """A Markdown draft, a paragraph a line, without the markup that opens a line."""
    lines, shifts = [], []
    for line in text.splitlines():
        m = _MD_PREFIX.match(line)
        shift = m.end() if m else len(line) - len(line.lstrip())
        lines.append(line[shift:].rstrip())
        shifts.append(shift)
    draft = draft_from_lines(path, lines)
    for para in draft.paragraphs:
        para.shift = shifts[para.number - 1]
    return draft


def _docx_lines(path: str) -> list[str]:
    from .docxverify import open_document  # python-docx is heavy: loaded when a .docx is read

    doc = open_document(path, MAX_DOCX_XML)
    return [p.text for p in docx_paragraphs(doc)]


def docx_paragraphs(doc) -> list:
    """A document's paragraphs in the order findings count them: the body, then table cells.

    A merged cell appears in every row and column it spans; its paragraphs are counted once.
    """
    paragraphs = list(doc.paragraphs)
    seen: set[int] = set()
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                paragraphs.extend(cell.paragraphs)
    return paragraphs


def _outline_paragraphs(path: str, template_dirs: tuple[str, ...]) -> Draft:
    """An outline's text values (its sections filled in), in document order, with field paths."""
    ol = render.load(path, template_dirs)
    paragraphs: list[Paragraph] = []

    def walk(value, where: tuple) -> None:
        if isinstance(value, str):
            if value.strip() and where[-1:] not in (("kind",), ("style",)):
                paragraphs.append(Paragraph(len(paragraphs) + 1, value, format_path(where)))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, where + (i,))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, where + (key,))

    walk(ol.data, ())
    date = ol.data.get("date")
    return Draft(path, paragraphs, date=date, region=ol.data.get("region"), kind=ol.kind.name)


def read_draft(path: str, template_dirs: tuple[str, ...] = ()) -> Draft:
    ext = os.path.splitext(path)[1].lower()
    if ext in (".yaml", ".yml"):
        return _outline_paragraphs(path, template_dirs)
    if ext == ".docx":
        lines = _docx_lines(path)
    elif ext in (".txt", ".md", ".markdown", ""):
        data = read_bounded(path, MAX_TEXT_BYTES)
        if not data.strip():
            raise DrafterError("文件是空的", file=path)
        if b"\x00" in data[:8192]:
            raise DrafterError("这是二进制文件，不是文稿", file=path)
        text = decode(data, path)
        if ext in (".md", ".markdown"):
            return _markdown_draft(path, text)
        lines = text.splitlines()
    else:
        raise DrafterError(f"不支持的文件类型 {ext}，可检查 .docx、.md、.txt", file=path)
    return draft_from_lines(path, lines)


def draft_from_lines(file: str, lines: list[str]) -> Draft:
    """A draft of these paragraphs, its date, province and kind detected from the text."""
    paragraphs = []
    for i, line in enumerate(lines, 1):
        text = line.strip()
        if text:
            paragraphs.append(Paragraph(i, text, shift=len(line) - len(line.lstrip())))
    return Draft(file, paragraphs, date=detect_date(paragraphs), region=detect_region(paragraphs),
                 kind=_detect_kind(paragraphs))


def _detect_kind(paragraphs: list[Paragraph]) -> str | None:
    head = "".join(p.text for p in paragraphs[:4])
    if "通知" in head:
        return "notice"
    if "工作报告" in head:
        return "report"
    if "讲话" in head or "发言" in head:
        return "speech"
    return None


def draft_from_blocks(file: str, blocks, date=None, region=None, kind=None) -> Draft:
    """A rendered document's paragraphs, numbered as reading the written .docx back gives them."""
    lines = [b.text for b in blocks if b.kind not in (model.PAGEBREAK, model.TABLE)]
    for b in blocks:
        if b.kind == model.TABLE:
            lines.extend(cell for row in b.rows for cell in row)
    draft = draft_from_lines(file, lines)
    draft.date, draft.region, draft.kind = date, region or draft.region, kind
    return draft
