"""drafter's named styles and page set-up, built once per layout with python-docx.

Every paragraph gets a named style (公文正文, 一级标题, …) that carries its fonts,
East-Asian font included, so a writer who edits the document in Word or WPS keeps the
layout. Every number and font name comes from the layout (``drafter.layout``, with a
unit profile's fonts, colours and margins).
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips

from . import xml as X

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
LABEL = "附件标签"
FOOTER = "页码"


def _style(doc, L, name: str, *, font: str, size: float, base: str | None = BODY, bold: bool = False,
           align=None, first_indent_chars: float | None = None, color: str | None = None,
           outline_level: int | None = None, keep_next: bool = False):
    styles = doc.styles
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = styles[base]
    style.quick_style = True
    X.fonts(style.element, font)
    style.font.size = Pt(size)
    style.font.bold = bold
    if color:
        style.font.color.rgb = RGBColor.from_string(color)
    pf = style.paragraph_format
    if align is not None:
        pf.alignment = align
    if first_indent_chars is not None:
        X.indent_chars(style.element.get_or_add_pPr(), first=first_indent_chars, size=size)
    if keep_next:
        pf.keep_with_next = True
    if outline_level is not None:
        X.child(style.element.get_or_add_pPr(), "outlineLvl").set(qn("w:val"), str(outline_level))
    return style


def setup_styles(doc, L) -> None:
    line = Twips(L.LINE_PITCH_TWIPS)
    # Document defaults: every run falls back to body fonts, Chinese language.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    X.fonts(rpr_default, L.FONT_BODY)
    rpr = rpr_default.find(qn("w:rPr"))
    for c in list(rpr):
        if c.tag != qn("w:rFonts"):
            rpr.remove(c)
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
        srpr = getattr(style.element, "rPr", None)
        if srpr is not None and srpr.find(qn("w:rFonts")) is not None:
            X.fonts(style.element, L.FONT_BODY)
    normal = doc.styles["Normal"]
    X.fonts(normal.element, L.FONT_BODY)
    normal.font.size = Pt(L.SIZE_BODY)
    normal.font.color.rgb = RGBColor.from_string(L.BLACK)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = line
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.widow_control = False  # a full page keeps all 22 lines
    # No punctuation hanging past the type area, no extra space between Chinese and digits.
    for name in ("overflowPunct", "autoSpaceDE", "autoSpaceDN"):
        X.child(normal.element.get_or_add_pPr(), name).set(qn("w:val"), "0")
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    _style(doc, L, BODY, font=L.FONT_BODY, size=L.SIZE_BODY, base="Normal",
           first_indent_chars=L.FIRST_LINE_INDENT_CHARS)
    _style(doc, L, NOINDENT, font=L.FONT_BODY, size=L.SIZE_BODY, first_indent_chars=0)
    title = _style(doc, L, TITLE, font=L.FONT_TITLE, size=L.SIZE_TITLE, align=WD_ALIGN_PARAGRAPH.CENTER,
                   first_indent_chars=0, keep_next=True)
    title.paragraph_format.space_after = line  # 标题下空一行 (GB/T 9704 7.3.2)
    _style(doc, L, SUBTITLE, font=L.FONT_HEADING_2, size=L.SIZE_BODY, align=WD_ALIGN_PARAGRAPH.CENTER,
           first_indent_chars=0, keep_next=True)
    heading_fonts = {1: (L.FONT_HEADING_1, False), 2: (L.FONT_HEADING_2, False),
                     3: (L.FONT_HEADING_3, True), 4: (L.FONT_HEADING_4, False)}
    for level, (font, bold) in heading_fonts.items():
        _style(doc, L, HEADINGS[level], font=font, size=L.SIZE_BODY, bold=bold,
               first_indent_chars=L.FIRST_LINE_INDENT_CHARS, outline_level=level - 1, keep_next=True)
    _style(doc, L, MASTHEAD, font=L.FONT_TITLE, size=L.SIZE_MASTHEAD, color=L.RED,
           align=WD_ALIGN_PARAGRAPH.CENTER, first_indent_chars=0)
    _style(doc, L, DOCNUMBER, font=L.FONT_BODY, size=L.SIZE_BODY, align=WD_ALIGN_PARAGRAPH.CENTER,
           first_indent_chars=0)
    _style(doc, L, SIGNATURE, font=L.FONT_BODY, size=L.SIZE_BODY, align=WD_ALIGN_PARAGRAPH.RIGHT,
           first_indent_chars=0)
    _style(doc, L, IMPRINT, font=L.FONT_BODY, size=L.SIZE_IMPRINT, first_indent_chars=0)
    _style(doc, L, TABLE_TEXT, font=L.FONT_BODY, size=L.SIZE_TABLE, align=WD_ALIGN_PARAGRAPH.CENTER,
           first_indent_chars=0).paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    label = _style(doc, L, LABEL, font=L.FONT_HEADING_1, size=L.SIZE_BODY, first_indent_chars=0,
                   keep_next=True)
    label.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for name in (TITLE, MASTHEAD):
        # a 2号 line keeps one line pitch, not two
        X.child(doc.styles[name].element.get_or_add_pPr(), "snapToGrid").set(qn("w:val"), "0")
    footer = doc.styles["Footer"]
    X.fonts(footer.element, L.FONT_FOOTER)
    footer.font.size = Pt(L.SIZE_FOOTER)
    footer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE


def setup_page(doc, L) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width = Mm(L.PAGE_WIDTH_MM)
    section.page_height = Mm(L.PAGE_HEIGHT_MM)
    if L.PAGE_WIDTH_MM > L.PAGE_HEIGHT_MM:  # a landscape layout (layout.landscape)
        section.orientation = WD_ORIENT.LANDSCAPE
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
    page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT, L)
    page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT, L)


def page_number(paragraph, align, L) -> None:
    """— 1 —, 4号 宋体, one character in from the outer edge (GB/T 9704 7.5)."""
    paragraph.style = "Footer"
    paragraph.alignment = align
    ppr = paragraph._p.get_or_add_pPr()
    side = {"right": 0, "left": 0}
    side["right" if align == WD_ALIGN_PARAGRAPH.RIGHT else "left"] = L.FOOTER_SIDE_INDENT_CHARS
    X.indent_chars(ppr, left=side["left"], right=side["right"], size=L.SIZE_FOOTER)
    paragraph.add_run("— ")
    X.page_field(paragraph.add_run()._r)
    paragraph.add_run(" —")
