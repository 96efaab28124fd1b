"""Any draft -> numbered paragraphs: .txt and .md (UTF-8 or GB18030), .docx (bounded), an
outline .yaml (its sections filled in), or a rendered document's blocks.

The checker, the importer and ``--fix`` all read drafts through here, so they agree on what
paragraph 3 is.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from . import convert, render
from .errors import DrafterError
from .files.fs import MAX_FILE_BYTES, check_extension, decode, read_bounded
from .render import model
from .safeyaml import format_path

MAX_TEXT_BYTES = MAX_FILE_BYTES  # a draft, not an archive
# One paragraph (a line of a text draft): some 2,000 pages. A longer one is no writer's paragraph
# (a minified web page, a log, a dump) and would cost the checker seconds and hundreds of MB.
MAX_PARAGRAPH_CHARS = 1_000_000
TEXT_DRAFTS = (".txt", ".md", ".markdown")
DRAFT_EXTENSIONS = (".docx", *convert.EXTENSIONS, *TEXT_DRAFTS)  # what read_draft reads besides outlines
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
    date_source: str | None = None  # where the date came from, for the message that uses it
    year_only: bool = False  # the date is only a year (the text's 今年), not a day
    region: str | None = None  # the province it is written in, for glossary.scope
    kind: str | None = None  # speech, report, notice when known
    level: str | None = None  # the unit's level (registers/levels.yaml) when known, for usage.level
    ignores: dict[int, tuple[str, ...]] = field(default_factory=dict)  # paragraph -> rules silenced there

    def set_date(self, when: dt.date | None, source: str) -> None:
        """Use ``when`` as the draft's date (when given), saying where it came from."""
        if when is not None:
            self.date, self.date_source, self.year_only = when, source, False


PROVINCES = ("北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
             "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川",
             "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A signature date typed with dots, dashes or slashes (2026.4.8, 2026-04-08): wrong in form (format.date
# says so), still the draft's date, when it is a line of its own.
_DATE_FIGURES = re.compile(r"^\s*(\d{4})\s*([.．/-])\s*(\d{1,2})\s*\2\s*(\d{1,2})\s*$")
_RANGE = set("至—～~-－–")
TITLE_MONTH = "标题中的年月"  # the date source of a title's bracketed month
_TITLE_MONTH = re.compile(r"[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*[）)]")


_THIS_YEAR = re.compile(r"(?:今年|本年度?)[（(]?(\d{4})年|(\d{4})年(?:[，,]?(?:是|为))?(?:今年|本年)")


def detect_date(paragraphs: list[Paragraph]) -> tuple[dt.date | None, str | None]:
    """The draft's date and where it was found: the 成文日期 near the end, else the date under
    the title near the start, else a year and month in brackets in the title, else the latest year the text calls 今年 or 本年 (as 1 January)."""
    for place, group in (("文末的成文日期", reversed(paragraphs[-6:])), ("标题下的日期", paragraphs[:6])):
        for para in group:
            figures = _DATE_FIGURES.match(para.text) if place == "文末的成文日期" else None
            # a period's first day (2026年5月27日至29日，为期3天) is no date the draft was written on
            found = [m.groups() for m in reversed(list(_DATE.finditer(para.text)))
                     if para.text[m.end():m.end() + 1] not in _RANGE]
            for ymd in found + ([figures.group(1, 3, 4)] if figures else []):
                try:
                    return dt.date(*(int(g) for g in ymd)), place
                except ValueError:
                    continue
    for para in paragraphs[:3]:  # a title's month in brackets: ……工作打算（2026年1月）, 会议日程（2026年1月）
        m = _TITLE_MONTH.search(para.text)
        if m and 1 <= int(m.group(2)) <= 12:
            return dt.date(int(m.group(1)), int(m.group(2)), 1), TITLE_MONTH
    years = [int(m.group(1) or m.group(2)) for p in paragraphs for m in _THIS_YEAR.finditer(p.text)]
    years = [y for y in years if 1949 <= y <= 2100]
    if years:
        return dt.date(max(years), 1, 1), f"文中所说的“今年”（{max(years)}年）"
    return None, None


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


def _docx_lines(path: str) -> tuple[list[str], dict[int, tuple[str, ...]]]:
    from .files.docxverify import document_from, verified_package  # lxml: loaded when a .docx is read

    data = verified_package(path, MAX_DOCX_XML)
    lines = plain_lines(data)
    if lines is not None:
        return lines, {}
    doc = document_from(data, path)  # python-docx is heavy: loaded only for a package that needs it
    paragraphs = docx_paragraphs(doc)
    return [p.text for p in paragraphs], _comment_ignores(doc, paragraphs)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
# The parts python-docx parses when it opens a package (besides every .rels): one that does not
# parse makes it refuse the file, and so the plain reading leaves such a package to it.
_PARSED_TYPES = frozenset(["application/vnd.openxmlformats-package.core-properties+xml", _MAIN, *(
    f"application/vnd.openxmlformats-officedocument.wordprocessingml.{t}+xml"
    for t in ("comments", "footer", "header", "numbering", "settings", "styles"))])
_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def plain_lines(data: bytes) -> list[str] | None:
    """The paragraphs of a verified .docx package as ``docx_paragraphs`` gives their text, read
    from word/document.xml alone, without python-docx: a draft of an archive costs a fraction of
    the time. None when the package needs python-docx after all: a Word comment (it may say
    drafter:ignore), a main part other than word/document.xml, or anything unexpected, so that a
    damaged package still gets python-docx's reading and its message."""
    from lxml import etree  # loaded when a .docx is read

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read("word/document.xml")
            if b"commentRangeStart" in xml or b"commentReference" in xml:
                return None
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
            types = etree.fromstring(zf.read("[Content_Types].xml"), parser)
            if not _plain_package(zf, types, parser):
                return None
        body = etree.fromstring(xml, parser).find(f"{_W}body")
    except Exception:  # noqa: BLE001 - whatever is odd about the package, python-docx reads it
        return None
    if body is None:
        return None
    lines = [_paragraph_text(p) for p in body.iterchildren(f"{_W}p")]
    for table in body.iterchildren(f"{_W}tbl"):  # then each cell's paragraphs, as docx_paragraphs
        for row in table.iterchildren(f"{_W}tr"):
            for cell in row.iterchildren(f"{_W}tc"):
                merge = cell.find(f"{_W}tcPr/{_W}vMerge")
                if merge is not None and merge.get(f"{_W}val", "continue") == "continue":
                    continue  # the lower part of a merged cell: counted with the cell above it
                lines.extend(_paragraph_text(p) for p in cell.iterchildren(f"{_W}p"))
    return lines


def _plain_package(zf, types, parser) -> bool:
    """Whether python-docx would open the package as it is: word/document.xml is registered and
    related as the main part, every part it parses parses, and every relationship inside the
    package points at a part that is there."""
    from lxml import etree  # loaded when a .docx is read

    from .files.docxverify import well_formed  # with lxml

    overrides = {e.get("PartName", "").lstrip("/"): e.get("ContentType") for e in types if e.tag.endswith("Override")}
    defaults = {e.get("Extension", "").lower(): e.get("ContentType") for e in types if e.tag.endswith("Default")}
    names = zf.NameToInfo
    if overrides.get("word/document.xml") != _MAIN or "_rels/.rels" not in names:
        return False  # no main part, or no package relationships to name it: python-docx's to report
    for name in names:
        if name.endswith(".rels"):
            base = posixpath.dirname(posixpath.dirname(name))  # word/_rels/x.rels: relative to word/
            rels = etree.fromstring(zf.read(name), parser)
            if name == "_rels/.rels" and [e.get("Target", "").lstrip("/") for e in rels
                                          if e.get("Type") == _OFFICE_DOCUMENT] != ["word/document.xml"]:
                return False
            for rel in rels:
                target = rel.get("Target", "")
                target = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
                if rel.get("TargetMode") != "External" and posixpath.normpath(target) not in names:
                    return False
        elif (overrides.get(name) or defaults.get(name.rpartition(".")[2].lower())) in _PARSED_TYPES:
            well_formed(zf.read(name))  # XMLSyntaxError: python-docx's to report (a part seen before: not parsed again)
    return True


def _paragraph_text(p) -> str:
    """A paragraph's text as python-docx reads it: its runs and hyperlinks' runs; w:t as written,
    tabs, soft returns and line breaks (not page or column breaks) as characters."""
    out = []
    for child in p.iterchildren(f"{_W}r", f"{_W}hyperlink"):
        for run in (child,) if child.tag == f"{_W}r" else child.iterchildren(f"{_W}r"):
            for e in run.iterchildren():
                if e.tag in _RUN_TEXT:
                    out.append(_RUN_TEXT[e.tag] or e.text or "")
                elif e.tag == f"{_W}br" and e.get(f"{_W}type", "textWrapping") == "textWrapping":
                    out.append("\n")
    return "".join(out)


def _comment_ignores(doc, paragraphs) -> dict[int, tuple[str, ...]]:
    """Paragraphs a Word comment "drafter:ignore rule-id" is anchored in, and the rules it names."""
    try:
        marks = {str(c.comment_id): IGNORE_MARK.search(f"<!-- {c.text} -->") for c in doc.comments}
    except Exception:  # a document without a comments part, or one python-docx cannot read
        return {}
    marks = {cid: ignore_ids(m.group(1)) for cid, m in marks.items() if m}
    out: dict[int, tuple[str, ...]] = {}
    if marks:
        for number, para in enumerate(paragraphs, 1):
            for tag in (f"{_W}commentRangeStart", f"{_W}commentReference"):
                for el in para._p.iter(tag):
                    ids = marks.get(el.get(f"{_W}id"))
                    if ids:
                        out[number] = out.get(number, ()) + ids
    return out


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
    return Draft(path, paragraphs, date=date, date_source="大纲的 date" if date else None,
                 region=ol.data.get("region"), kind=ol.kind.name)


def read_draft(path: str, template_dirs: tuple[str, ...] = ()) -> Draft:
    ext = os.path.splitext(path)[1].lower()
    if os.path.basename(path).startswith("~$") and ext in (".doc", ".docx", ".wps", ".rtf"):
        raise DrafterError("这是 Word/WPS 打开文档时生成的临时锁文件，不是文稿", file=path)
    check_extension(path)
    if ext in (".yaml", ".yml"):
        return _outline_paragraphs(path, template_dirs)
    if ext == ".docx":
        lines, ignores = _docx_lines(path)
        draft = draft_from_lines(path, lines)
        for number, ids in ignores.items():
            draft.ignores[number] = draft.ignores.get(number, ()) + ids
        return draft
    elif ext in convert.EXTENSIONS:  # .doc .wps .rtf through LibreOffice, .pdf through poppler
        lines = convert.read_lines(path, lambda docx: _docx_lines(docx)[0])
    elif ext in TEXT_DRAFTS + ("",):
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
        raise DrafterError(f"不支持的文件类型 {ext}，可检查 .docx、.doc、.wps、.rtf、.pdf、.md、.txt", file=path)
    return draft_from_lines(path, lines)


# A writer accepts a flagged phrase: <!-- drafter:ignore punctuation --> at the end of a
# paragraph, or alone on the line before it; without a rule id, every rule is silenced there.
IGNORE_MARK = re.compile(r"<!--[ \t　]*drafter:ignore\b([^>]{0,200}?)-->")


def ignore_ids(spec: str) -> tuple[str, ...]:
    return tuple(i for i in re.split(r"[\s,，、]+", spec.strip()) if i) or ("*",)


def draft_from_lines(file: str, lines: list[str]) -> Draft:
    """A draft of these paragraphs, its date, province and kind detected from the text, and
    the rules the writer silenced with drafter:ignore marks."""
    paragraphs, ignores, pending = [], {}, ()
    for i, line in enumerate(lines, 1):
        if len(line) > MAX_PARAGRAPH_CHARS:
            raise DrafterError(f"第 {i} 段（行）长达 {len(line)} 字，超过一段 {MAX_PARAGRAPH_CHARS} 字的上限，"
                               "不像文稿（可能是网页源码或数据），已拒绝；如确是文稿，请分段后再检查", file=file)
        mark = IGNORE_MARK.search(line) if "drafter:ignore" in line else None
        if mark:
            line = line[:mark.start()] + line[mark.end():]
        text = line.strip()
        if mark and not text:
            pending += ignore_ids(mark.group(1))
            continue
        if text:
            paragraphs.append(Paragraph(i, text, shift=len(line) - len(line.lstrip())))
            silenced = pending + (ignore_ids(mark.group(1)) if mark else ())
            if silenced:
                ignores[i] = silenced
            pending = ()
    when, source = detect_date(paragraphs)
    # a year (今年) or a title's month (……（2026年1月）) dates the draft only roughly: no day to hold dates against
    return Draft(file, paragraphs, date=when, date_source=source,
                 year_only=bool(source) and ("今年" in source or source == TITLE_MONTH),
                 region=detect_region(paragraphs), kind=_detect_kind(paragraphs), ignores=ignores)


# A 公文's title names its kind: 关于……的通知 / 请示 / 函 / 复函. Speeches and work reports
# are read aloud; the format rules of a 公文 (发文字号, 附件说明, 成文日期) apply to the others.
# A 公文's title: the issuer may come first (云溪镇人大主席团关于……的请示), and a web copy may
# keep a site's name after it (……的通知_百度文库).
_TITLE_KIND = re.compile(r"^(?:[\u4e00-\u9fff（）()]{2,40}?)?关于.{1,80}的(?P<k>通知|请示|复函|函|通报|意见|报告|批复)"
                         r"(?:[ \t　]*[_｜|\-–—][^。，,]{0,30})?$")
TITLE_KINDS = {"通知": "notice", "通报": "notice", "请示": "request", "函": "letter", "复函": "letter",
               "意见": "notice", "报告": "request", "批复": "letter"}
DOCUMENT_KINDS = ("notice", "request", "letter")
_DOC_NUMBER = re.compile(r"[〔\[【（(]\d{2,4}[〕\]】）)]\s*第?\d+\s*号")


def _detect_kind(paragraphs: list[Paragraph]) -> str | None:
    """speech, report, notice, request (请示) or letter (函), by the draft's shape: the title of a
    公文, a 发文字号 line, or the words a speech or a work report is titled with."""
    head = paragraphs[:5]
    for para in head:
        m = _TITLE_KIND.match(para.text.strip())
        if m:
            return TITLE_KINDS[m.group("k")]
    text = "".join(p.text for p in head)
    if "工作报告" in text:
        return "report"
    if "讲话" in text or "发言" in text:
        return "speech"
    if "通知" in text or any(_DOC_NUMBER.search(p.text) for p in head):
        return "notice"
    return None


def draft_from_blocks(file: str, blocks, date=None, region=None, kind=None) -> Draft:
    """A rendered document's paragraphs, numbered as reading the written .docx back gives them."""
    lines = [b.text for b in blocks if b.kind not in (model.PAGEBREAK, model.TABLE)]
    for b in blocks:
        if b.kind == model.TABLE:
            lines.extend(cell for row in b.rows for cell in row)
    draft = draft_from_lines(file, lines)
    draft.date, draft.date_source = (date, "大纲的 date") if date else (None, None)
    draft.region, draft.kind = region or draft.region, kind
    return draft
