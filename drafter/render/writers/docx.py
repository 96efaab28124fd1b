"""Blocks -> .docx in GB/T 9704-2012 layout, with python-docx.

Every paragraph gets a named style (公文正文, 一级标题, …) that carries its fonts,
East-Asian font included, so a writer who edits the document in Word or WPS keeps the
layout. Numbers and font names come from ``drafter.layout``.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips
from docx.oxml.table import CT_Tbl
from docx.table import Table
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree
from lxml.etree import SubElement

from ... import __version__
from .. import layout as L
from .. import model as M
from ...docxverify import parses
from ...fsutil import cache_dir, cache_get, cache_put

CHAR = Pt(L.SIZE_BODY)  # one character of body text
LINE = Twips(L.LINE_PITCH_TWIPS)

# Style names as a writer sees them in Word's style pane.
BODY = "公文正文"
TITLE = "公文标题"
SUBTITLE = "公文副标题"
NOINDENT = "公文顶格"
HEADINGS = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}
MASTHEAD = "发文机关标志"
DOCNUMBER = "发文字号"
SIGNATURE = "发文机关署名"
IMPRINT = "版记"
TABLE_TEXT = "表格文字"
FOOTER = "页码"


def _fonts(rpr_owner, east_asia: str) -> None:
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


def _style(doc, name: str, *, font: str, size: float, base: str | None = BODY, bold: bool = False,
           align=None, first_indent_chars: float | None = None, color: str | None = None,
           outline_level: int | None = None, keep_next: bool = False):
    styles = doc.styles
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = styles[base]
    style.quick_style = True
    _fonts(style.element, font)
    style.font.size = Pt(size)
    style.font.bold = bold
    if color:
        style.font.color.rgb = RGBColor.from_string(color)
    pf = style.paragraph_format
    if align is not None:
        pf.alignment = align
    if first_indent_chars is not None:
        _indent_chars(style.element.get_or_add_pPr(), first=first_indent_chars, size=size)
    if keep_next:
        pf.keep_with_next = True
    if outline_level is not None:
        lvl = OxmlElement("w:outlineLvl")
        lvl.set(qn("w:val"), str(outline_level))
        style.element.get_or_add_pPr().append(lvl)
    return style


def _indent_chars(ppr, *, first: float = 0, left: float = 0, right: float = 0,
                  size: float = L.SIZE_BODY) -> None:
    """Indents in characters (w:*Chars, which Word and WPS honour) with twips as fallback."""
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.append(ind)
    twips_per_char = int(size * 20)
    for key, chars in (("firstLine", first), ("left", left), ("right", right)):
        ind.set(qn(f"w:{key}Chars"), str(int(chars * 100)))
        ind.set(qn(f"w:{key}"), str(int(chars * twips_per_char)))


def _setup_styles(doc) -> None:
    # Document defaults: every run falls back to body fonts, Chinese language.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    _fonts(rpr_default, L.FONT_BODY)
    rpr = rpr_default.find(qn("w:rPr"))
    for child in list(rpr):
        if child.tag != qn("w:rFonts"):
            rpr.remove(child)
    for tag, attrs in (("w:spacing", {"w:val": L.CHAR_SPACING_TWENTIETHS}),
                       ("w:sz", {"w:val": L.SIZE_BODY * 2}), ("w:szCs", {"w:val": L.SIZE_BODY * 2}),
                       ("w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN"})):
        el = OxmlElement(tag)
        for key, value in attrs.items():
            el.set(qn(key), str(value))
        rpr.append(el)
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is not None:
        defaults.remove(ppr_default)

    # Built-in styles of the base template name theme fonts (Calibri, 等线); a writer who
    # applies one in Word must still get a Chinese font.
    for style in doc.styles:
        rpr = getattr(style.element, "rPr", None)
        if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
            _fonts(style.element, L.FONT_BODY)
    normal = doc.styles["Normal"]
    _fonts(normal.element, L.FONT_BODY)
    normal.font.size = Pt(L.SIZE_BODY)
    normal.font.color.rgb = RGBColor.from_string(L.BLACK)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = LINE
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.widow_control = False  # a full page keeps all 22 lines
    # No punctuation hanging past the type area, no extra space between Chinese and digits.
    for tag in ("w:overflowPunct", "w:autoSpaceDE", "w:autoSpaceDN"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "0")
        normal.element.get_or_add_pPr().append(el)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    _style(doc, BODY, font=L.FONT_BODY, size=L.SIZE_BODY, base="Normal",
           first_indent_chars=L.FIRST_LINE_INDENT_CHARS)
    _style(doc, NOINDENT, font=L.FONT_BODY, size=L.SIZE_BODY, first_indent_chars=0)
    title = _style(doc, TITLE, font=L.FONT_TITLE, size=L.SIZE_TITLE, align=WD_ALIGN_PARAGRAPH.CENTER,
                   first_indent_chars=0, keep_next=True)
    title.paragraph_format.space_after = LINE  # 标题下空一行 (GB/T 9704 7.3.2)
    _style(doc, SUBTITLE, font=L.FONT_HEADING_2, size=L.SIZE_BODY, align=WD_ALIGN_PARAGRAPH.CENTER,
           first_indent_chars=0, keep_next=True)
    heading_fonts = {1: (L.FONT_HEADING_1, False), 2: (L.FONT_HEADING_2, False),
                     3: (L.FONT_HEADING_3, True), 4: (L.FONT_HEADING_4, False)}
    for level, (font, bold) in heading_fonts.items():
        _style(doc, HEADINGS[level], font=font, size=L.SIZE_BODY, bold=bold,
               first_indent_chars=L.FIRST_LINE_INDENT_CHARS, outline_level=level - 1, keep_next=True)
    _style(doc, MASTHEAD, font=L.FONT_TITLE, size=L.SIZE_MASTHEAD, color=L.RED,
           align=WD_ALIGN_PARAGRAPH.CENTER, first_indent_chars=0)
    _style(doc, DOCNUMBER, font=L.FONT_BODY, size=L.SIZE_BODY, align=WD_ALIGN_PARAGRAPH.CENTER,
           first_indent_chars=0)
    _style(doc, SIGNATURE, font=L.FONT_BODY, size=L.SIZE_BODY, align=WD_ALIGN_PARAGRAPH.RIGHT,
           first_indent_chars=0)
    _style(doc, IMPRINT, font=L.FONT_BODY, size=L.SIZE_IMPRINT, first_indent_chars=0)
    _style(doc, TABLE_TEXT, font=L.FONT_BODY, size=L.SIZE_TABLE, align=WD_ALIGN_PARAGRAPH.CENTER,
           first_indent_chars=0).paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    label = _style(doc, "附件标签", font=L.FONT_HEADING_1, size=L.SIZE_BODY, first_indent_chars=0,
                   keep_next=True)
    label.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for name in (TITLE, MASTHEAD):
        no_snap = OxmlElement("w:snapToGrid")  # a 2号 line keeps one line pitch, not two
        no_snap.set(qn("w:val"), "0")
        doc.styles[name].element.get_or_add_pPr().append(no_snap)
    footer = doc.styles["Footer"]
    _fonts(footer.element, L.FONT_FOOTER)
    footer.font.size = Pt(L.SIZE_FOOTER)
    footer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _setup_page(doc) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width = Mm(L.PAGE_WIDTH_MM)
    section.page_height = Mm(L.PAGE_HEIGHT_MM)
    section.top_margin = Mm(L.MARGIN_TOP_MM)
    section.bottom_margin = Mm(L.MARGIN_BOTTOM_MM)
    section.left_margin = Mm(L.MARGIN_LEFT_MM)
    section.right_margin = Mm(L.MARGIN_RIGHT_MM)
    section.footer_distance = Mm(L.FOOTER_DISTANCE_MM)
    section.header_distance = Mm(15)
    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(L.LINE_PITCH_TWIPS))
    sect.append(grid)
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(paragraph, align) -> None:
    """— 1 —, 4号 宋体, one character in from the outer edge (GB/T 9704 7.5)."""
    paragraph.style = "Footer"
    paragraph.alignment = align
    ppr = paragraph._p.get_or_add_pPr()
    side = {"right": 0, "left": 0}
    side["right" if align == WD_ALIGN_PARAGRAPH.RIGHT else "left"] = L.FOOTER_SIDE_INDENT_CHARS
    _indent_chars(ppr, left=side["left"], right=side["right"], size=L.SIZE_FOOTER)
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)
    paragraph.add_run(" —")


def _border(paragraph, edge: str, size_pt: float, color: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    bdr = ppr.find(qn("w:pBdr"))
    if bdr is None:
        bdr = OxmlElement("w:pBdr")
        ppr.append(bdr)
    el = OxmlElement(f"w:{edge}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(int(size_pt * 8)))
    el.set(qn("w:space"), "1")
    el.set(qn("w:color"), color)
    bdr.append(el)


TITLE_MARK = "DRAFTER-TITLE-9f1c"
W_P, W_PPR, W_PSTYLE, W_VAL = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:val")
W_R, W_RPR, W_B, W_BCS, W_T = qn("w:r"), qn("w:rPr"), qn("w:b"), qn("w:bCs"), qn("w:t")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True)
class _Template:
    parts: dict[str, bytes]  # every part of an empty styled document, by zip name
    head: str  # word/document.xml up to the body's content
    tail: str  # from the section properties to the end
    core: str  # docProps/core.xml with TITLE_MARK where the title goes
    style_ids: dict[str, str]


@lru_cache(maxsize=1)
def _template() -> _Template:
    """An empty document with drafter's styles, page set-up and footers.

    python-docx builds it once; each document then only adds its body, so the styles, settings
    and footers are neither rebuilt nor parsed again for every outline of a batch. The result
    is also kept in the user's cache, keyed by drafter's version and this module and the
    layout's source, so a new process need not build it either.
    """
    key = hashlib.sha256(__version__.encode() + Path(__file__).read_bytes()
                         + Path(L.__file__).read_bytes()).hexdigest()[:32]
    cached = cache_dir() / f"docx-template-{key}.pickle"
    template = cache_get(cached, _whole)
    if template is not None:
        return template
    template = _build_template()
    cache_put(cached, template)
    return template


def _whole(template) -> bool:
    """A cached skeleton is used only if every part of it still parses (a damaged one is rebuilt)."""
    if not isinstance(template, _Template) or not isinstance(template.parts, dict):
        return False
    try:
        texts = [template.head + template.tail, template.core.replace(TITLE_MARK, "")]
        return all(parses(t.encode("utf-8") if isinstance(t, str) else t) for t in texts) and all(
            parses(data) for name, data in template.parts.items() if name.endswith((".xml", ".rels")))
    except (TypeError, AttributeError):
        return False


def _build_template() -> _Template:
    doc = Document()
    _setup_styles(doc)
    _setup_page(doc)
    body = doc.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    props = doc.core_properties
    props.author = props.last_modified_by = props.comments = props.keywords = props.subject = ""
    props.title = TITLE_MARK
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    xml = parts.pop("word/document.xml").decode("utf-8")
    cut = xml.index("<w:sectPr", xml.index("<w:body"))
    start = xml.index(">", xml.index("<w:body")) + 1
    core = parts.pop("docProps/core.xml").decode("utf-8")
    return _Template(parts, xml[:start], xml[cut:], core, {s.name: s.style_id for s in doc.styles})


class _Writer:
    def __init__(self) -> None:
        self.t = _template()
        self.style_ids = self.t.style_ids
        self.body = OxmlElement("w:body")
        self.page_break = False
        self.prev: M.Block | None = None

    def paragraph(self, block: M.Block, style: str, *, bold_all: bool = False):
        # The common path builds the XML directly (a few lxml calls a run); python-docx's
        # Paragraph proxy is still returned for the formatting of special blocks.
        p = SubElement(self.body, W_P)
        SubElement(SubElement(p, W_PPR), W_PSTYLE).set(W_VAL, self.style_ids[style])
        for run in block.runs:
            r = SubElement(p, W_R)
            if run.bold or bold_all:
                rpr = SubElement(r, W_RPR)
                SubElement(rpr, W_B)
                SubElement(rpr, W_BCS)
            if "\t" in run.text or "\n" in run.text:
                r.text = run.text  # python-docx turns these into w:tab and w:br
            else:
                t = SubElement(r, W_T)
                t.text = run.text
                if run.text != run.text.strip():
                    t.set(XML_SPACE, "preserve")
        p = Paragraph(p, None)
        if self.page_break:
            p.paragraph_format.page_break_before = True
            self.page_break = False
        return p

    def write(self, blocks: list[M.Block]) -> None:
        for i, block in enumerate(blocks):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            self.block(block, nxt)
            self.prev = block

    def block(self, b: M.Block, nxt: M.Block | None) -> None:
        k = b.kind
        if k == M.PAGEBREAK:
            self.page_break = True
        elif k == M.TITLE:
            self.paragraph(b, TITLE)
        elif k == M.SUBTITLE:
            self.paragraph(b, SUBTITLE)
        elif k == M.HEADING:
            self.paragraph(b, HEADINGS[b.level])
        elif k in (M.PARAGRAPH, M.LEAD):
            self.paragraph(b, BODY)
        elif k in (M.SALUTATION, M.ADDRESSEE):
            self.paragraph(b, NOINDENT)
        elif k == M.MASTHEAD:
            p = self.paragraph(b, MASTHEAD)
            p.paragraph_format.space_after = LINE
            width_pt = (L.PAGE_WIDTH_MM - L.MARGIN_LEFT_MM - L.MARGIN_RIGHT_MM) / 25.4 * 72
            size = min(L.SIZE_MASTHEAD, int(width_pt / max(1, len(b.text))))  # one line
            for run in p.runs:
                run.font.size = Pt(size)
        elif k == M.DOCNUMBER:
            p = self.paragraph(b, DOCNUMBER)
            _border(p, "bottom", L.SEPARATOR_RULE_PT, L.RED)
            p.paragraph_format.space_after = LINE
        elif k == M.ATTACHMENTS:
            p = self.paragraph(b, BODY)
            if self.prev is None or self.prev.kind != M.ATTACHMENTS:
                p.paragraph_format.space_before = LINE  # 正文下空一行 (7.3.4)
            else:  # align later items under the first item's name, after “附件：”
                _indent_chars(p._p.get_or_add_pPr(), left=L.FIRST_LINE_INDENT_CHARS + 3)
        elif k == M.SIGNATURE:
            p = self.paragraph(b, SIGNATURE)
            p.paragraph_format.space_before = LINE * 2
            right = L.SIGNATURE_RIGHT_INDENT_CHARS
            if nxt is not None and nxt.kind == M.DATE:  # centred over the date (7.3.5.1)
                right += max(0, (len(nxt.text) - len(b.text)) / 2)
            _indent_chars(p._p.get_or_add_pPr(), right=right)
        elif k == M.DATE:
            p = self.paragraph(b, SIGNATURE)
            _indent_chars(p._p.get_or_add_pPr(), right=L.SIGNATURE_RIGHT_INDENT_CHARS)
        elif k == M.NOTE:
            self.paragraph(b, BODY)
        elif k == M.LABEL:
            self.paragraph(b, "附件标签")
        elif k == M.TABLE:
            self.table(b)
        elif k == M.CC:
            p = self.paragraph(b, IMPRINT)
            p.paragraph_format.space_before = LINE
            _indent_chars(p._p.get_or_add_pPr(), left=1, right=1, size=L.SIZE_IMPRINT)
            _border(p, "top", L.IMPRINT_RULE_THICK_PT, L.BLACK)
            _border(p, "bottom", L.IMPRINT_RULE_THIN_PT, L.BLACK)
        elif k == M.PRINTED:
            p = self.paragraph(b, IMPRINT)
            ppr = p._p.get_or_add_pPr()
            _indent_chars(ppr, left=1, right=1, size=L.SIZE_IMPRINT)
            width = Mm(L.PAGE_WIDTH_MM - L.MARGIN_LEFT_MM - L.MARGIN_RIGHT_MM) - Pt(L.SIZE_IMPRINT * 2)
            p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
            if self.prev is None or self.prev.kind != M.CC:
                p.paragraph_format.space_before = LINE
                _border(p, "top", L.IMPRINT_RULE_THICK_PT, L.BLACK)
            _border(p, "bottom", L.IMPRINT_RULE_THICK_PT, L.BLACK)
        else:  # pragma: no cover - every kind is handled above
            raise ValueError(f"unknown block kind {k}")

    def table(self, b: M.Block) -> None:
        if not b.rows:
            return
        if self.page_break:  # a table cannot carry page_break_before: an empty line before it does
            self.paragraph(M.Block(M.PARAGRAPH), NOINDENT)
        ncols = max(len(r) for r in b.rows)
        width = Mm(L.PAGE_WIDTH_MM - L.MARGIN_LEFT_MM - L.MARGIN_RIGHT_MM)
        tbl = CT_Tbl.new_tbl(len(b.rows), ncols, width)
        self.body._insert_tbl(tbl)
        tbl.tblPr.style = self.style_ids["Table Grid"]
        table = Table(tbl, None)
        # Row by row: table.cell(r, c) walks the whole grid on every call (quadratic in the rows).
        for r, (row, tr) in enumerate(zip(b.rows, table.rows)):
            for c, tc in enumerate(tr._tr.tc_lst):
                para = _Cell(tc, table).paragraphs[0]
                para._p.style = self.style_ids[TABLE_TEXT]
                text = row[c] if c < len(row) else ""
                if text:
                    run = para.add_run(text)
                    run.bold = r == 0
            tr.height = Mm(10)

    def save(self, title: str) -> bytes:
        xml = etree.tostring(self.body, encoding="unicode")
        inner = xml[xml.index(">") + 1: xml.rindex("</")] if not xml.endswith("/>") else ""
        buf = io.BytesIO()
        # Fast compression: a 500,000-character report is written in a few milliseconds, and
        # the file is barely larger than at the default level.
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.writestr("[Content_Types].xml", self.t.parts["[Content_Types].xml"])
            zf.writestr("word/document.xml", self.t.head + inner + self.t.tail)
            zf.writestr("docProps/core.xml", self.t.core.replace(TITLE_MARK, escape(title)))
            for name, data in self.t.parts.items():
                if name != "[Content_Types].xml":
                    zf.writestr(name, data)
        return buf.getvalue()


def write(blocks: list[M.Block], title: str = "") -> bytes:
    w = _Writer()
    w.write(blocks)
    return w.save(title)
