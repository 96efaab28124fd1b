"""Blocks -> WordprocessingML body, one handler per block kind (``Writer.HANDLERS``).

The common path builds the XML directly with lxml (a few calls a run); the styles, page
set-up and footers come from the cached template (``template.py``).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from xml.sax.saxutils import escape

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree
from lxml.etree import SubElement

from ... import model as M
from ... import pagination
from ...titles import break_lines, cells
from . import styles as S
from . import xml as X
from .template import HASH_MARK, TITLE_MARK, template

MM_TWIPS = 1440 / 25.4



UNBROKEN = 5  # character cells: a cell this short (a name, a time) is kept on one line


def column_widths(rows: list[list[str]], ncols: int, width: int, char: float, pad: int) -> list[int]:
    """Column widths (twips) that fill ``width``: each column gets what its longest cell needs
    when all fit; otherwise each first gets what keeps its header and its short cells (a date,
    a time: up to ``UNBROKEN`` cells) on one line, and the rest goes to the columns with long
    text, in proportion to how much more they would need — so a 内容 column wraps, not a 主持人."""
    def column(c: int) -> list[float]:
        return [cells(r[c]) if c < len(r) else 0 for r in rows]

    most = [max(max(column(c)), 2) * char + pad for c in range(ncols)]
    least = [max(column(c)[0], max(min(n, UNBROKEN) for n in column(c)), 2) * char + pad for c in range(ncols)]
    if sum(most) <= width:
        spare = width - sum(most)
        return [int(n + spare * n / sum(most)) for n in most]
    if sum(least) >= width:
        return [int(width * n / sum(least)) for n in least]
    extra = [m - n for m, n in zip(most, least)]
    return [int(n + (width - sum(least)) * e / sum(extra)) for n, e in zip(least, extra)]


class Writer:
    HANDLERS = {
        M.TITLE: "title", M.SUBTITLE: "subtitle", M.SALUTATION: "noindent", M.ADDRESSEE: "noindent",
        M.HEADING: "heading", M.PARAGRAPH: "body_text", M.LEAD: "body_text", M.SIGNATURE: "signature",
        M.DATE: "date", M.TABLE: "table", M.PAGEBREAK: "pagebreak", M.MASTHEAD: "masthead",
        M.DOCNUMBER: "docnumber", M.MARK: "mark", M.ATTACHMENTS: "attachments", M.NOTE: "body_text", M.LABEL: "label",
        M.CC: "imprint", M.PRINTED: "imprint",
    }

    def __init__(self, L) -> None:
        self.L = L
        self.t = template(L)
        self.style_ids = self.t.style_ids
        self.body = OxmlElement("w:body")
        self.page_break = False
        self.prev: M.Block | None = None
        self.index = 0
        self.unkept: frozenset[int] = frozenset()
        self.squeeze: pagination.Squeeze | None = None
        self.last_p = None
        self.tail = self.t.tail
        self.line = L.LINE_PITCH_TWIPS
        self.char = L.SIZE_BODY * 20  # twips of one body character

    # -- helpers -------------------------------------------------------------------------
    def paragraph(self, block: M.Block | None, style: str, *, text: str | None = None):
        p = SubElement(self.body, X.W_P)
        ppr = SubElement(p, X.W_PPR)
        SubElement(ppr, X.W_PSTYLE).set(X.W_VAL, self.style_ids[style])
        if text is not None:
            X.run(p, text)
        elif block is not None:
            for run in block.runs:
                X.run(p, run.text, bold=run.bold, strike=run.strike, underline=run.underline)
        if self.page_break:
            X.flag(ppr, "pageBreakBefore")
            self.page_break = False
        if self.squeezed:
            # 7.3.5.5: the 署名's page at a smaller exact pitch, off the grid (pagination.squeeze)
            X.child(ppr, "snapToGrid").set(X.W_VAL, "0")
            X.spacing(ppr, line=self.squeeze.pitch)
        self.last_p = p
        return p, ppr

    @property
    def squeezed(self) -> bool:
        return self.squeeze is not None and self.index in self.squeeze.blocks

    @property
    def pitch(self) -> int:
        """Twips of one line of the block being written (the grid's, or the 署名 page's)."""
        return self.squeeze.pitch if self.squeezed else self.line

    def write(self, blocks: list[M.Block]) -> None:
        imprint_at = next((i for i, b in enumerate(blocks) if b.kind in pagination.IMPRINT), None)
        plan = pagination.plan(blocks, self.L) if imprint_at is not None or any(
            b.kind in (M.SIGNATURE, M.HEADING) for b in blocks) else pagination.Plan(None)
        self.unkept, self.squeeze = plan.unkept, plan.squeeze
        for i, block in enumerate(blocks):
            self.index = i
            if i == imprint_at and plan.imprint is not None:
                self.place_imprint(plan.imprint)
            if self.squeeze is not None and i == self.squeeze.opens:
                self.page_break = True
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if block.kind in pagination.KEPT_WITH_PREVIOUS and self.last_p is not None and \
                    self.prev is not None and self.prev.kind != M.PAGEBREAK and i - 1 not in self.unkept:
                # 7.3.5.5 (特殊情况说明): the 署名 and 成文日期 (and the 附件说明 before them) never stand on
                # a page without body text: the line before keeps with them, unless the plan
                # lets a long paragraph run on to their page (pagination.Flow.place).
                X.flag(X.ppr_of(self.last_p), "keepNext")
            getattr(self, self.HANDLERS[block.kind])(block, nxt)
            self.prev = block

    # -- handlers, one per block kind -----------------------------------------------------
    def pagebreak(self, b, nxt) -> None:
        self.page_break = True

    def title(self, b, nxt) -> None:
        lines = break_lines(b.text, pagination.title_width(self.L))
        self.paragraph(b, S.TITLE, text="\n".join(lines))

    def subtitle(self, b, nxt) -> None:
        lines = break_lines(b.text, pagination.body_width(self.L))
        self.paragraph(b, S.SUBTITLE, text="\n".join(lines))

    def heading(self, b, nxt) -> None:
        """A heading keeps with the next block by its style; at a page foot where its chain
        would leave more than one empty grid line, the plan drops that keep on this paragraph
        (``pagination.Flow.split_chain``) and keeps its lines together instead, so that a count
        one line off moves a long heading down whole rather than breaking it over two pages."""
        p, ppr = self.paragraph(b, S.HEADINGS[b.level])
        if self.index in self.unkept:
            X.flag(ppr, "keepNext", on=False)
            X.flag(ppr, "keepLines")

    def body_text(self, b, nxt) -> None:
        if pagination.is_form_line(b, self.prev):
            return self.form_line(b)
        self.paragraph(b, S.BODY)

    def noindent(self, b, nxt) -> None:
        self.paragraph(b, S.NOINDENT)

    def label(self, b, nxt) -> None:
        self.paragraph(b, S.LABEL)

    def masthead(self, b, nxt) -> None:
        p, ppr = self.paragraph(b, S.MASTHEAD)
        # under 份号/密级/紧急程度 (7.2.1-7.2.3) one empty line, so that the large masthead
        # (one line pitch, off the grid) stands clear of them
        after_mark = self.prev is not None and self.prev.kind == M.MARK
        X.spacing(ppr, before=self.line if after_mark else None, after=self.line)
        width_pt = self.L.TYPE_WIDTH_MM / 25.4 * 72
        size = min(self.L.SIZE_MASTHEAD, int(width_pt / max(1, cells(b.text))))  # one line
        for r in p.findall(X.W_R):
            rpr = OxmlElement("w:rPr")
            r.insert(0, rpr)
            for tag in ("w:sz", "w:szCs"):
                el = OxmlElement(tag)
                el.set(X.W_VAL, str(size * 2))
                rpr.append(el)

    def mark(self, b, nxt) -> None:
        """份号 (7.2.1: 6位3号阿拉伯数字), 密级和保密期限 (7.2.2) and 紧急程度 (7.2.3: 3号黑体): each
        顶格 in the top left corner of the type area, one a line, in that order (the template's)."""
        p, ppr = self.paragraph(b, S.NOINDENT)
        X.child(ppr, "jc").set(X.W_VAL, "left")
        if not b.text.strip().isdigit():
            for r in p.findall(X.W_R):
                self._font(r, self.L.FONT_HEADING_1)

    @staticmethod
    def _font(r, east_asia: str) -> None:
        if r.find(X.W_RPR) is None:
            r.insert(0, OxmlElement("w:rPr"))
        X.fonts(r, east_asia)

    def docnumber(self, b, nxt) -> None:
        """发文字号 centred under the masthead (7.2.4); with a 签发人 (7.2.6) the 发文字号 居左空一字
        and “签发人：姓名” 居右空一字 on the same line, the name in 楷体. An empty 发文字号 (a notice
        without one) keeps the line, so the red rule stays where the 版头 puts it."""
        text = b.text
        if text.startswith("签发人："):  # a 签发人 without a 发文字号
            text = "\t" + text
        if "\t" not in text:
            p, ppr = self.paragraph(b, S.DOCNUMBER)
        else:
            number, issuer = text.split("\t", 1)
            # 空一字 by a full-width space and a right tab stop one character short of the
            # margin: no paragraph indent, so the red rule under it keeps the type area's width
            p, ppr = self.paragraph(None, S.DOCNUMBER, text=("\u3000" + number if number else "") + "\t")
            label, _, name = issuer.partition("：")
            X.run(p, label + "：" if name else issuer)
            if name:
                X.run(p, name)
                self._font(p.findall(X.W_R)[-1], self.L.FONT_HEADING_2)
            X.child(ppr, "jc").set(X.W_VAL, "left")
            width = self.L.TYPE_WIDTH_MM * MM_TWIPS - self.L.SIZE_BODY * 20
            X.tab_stops(ppr, [(width, "right")])
        X.border(ppr, "bottom", self.L.SEPARATOR_RULE_PT, self.L.RED)
        X.spacing(ppr, after=self.line)

    def attachments(self, b, nxt) -> None:
        """附件说明, GB/T 9704-2012 7.3.4: 正文下空一行左空二字编排“附件：”; with several
        attachments each is numbered (1. 2.); a long name's wrapped lines align with the
        first character of the name (a hanging indent)."""
        p, ppr = self.paragraph(b, S.BODY)
        indent = self.L.FIRST_LINE_INDENT_CHARS
        first = self.prev is None or self.prev.kind != M.ATTACHMENTS
        text = b.text
        head = 0.0
        if first and text.startswith("附件："):
            head += 3
            text = text[3:]
        number = re.match(r"^\d+[.．]", text)
        if number:
            head += cells(number.group(0))
        name_at = indent + (head if first else 3 + head)
        X.indent_chars(ppr, size=self.L.SIZE_BODY, left=name_at, first=-(name_at - indent) if first
                       else -head)
        if first:
            X.spacing(ppr, before=self.pitch)  # 正文下空一行

    def signature(self, b, nxt) -> None:
        p, ppr = self.paragraph(b, S.SIGNATURE)
        X.spacing(ppr, before=self.pitch * 2)
        right = self.L.SIGNATURE_RIGHT_INDENT_CHARS
        if nxt is not None and nxt.kind == M.DATE:  # centred over the date (7.3.5.1)
            right += max(0, (cells(nxt.text) - cells(b.text)) / 2)
        X.indent_chars(ppr, size=self.L.SIZE_BODY, right=right)
        X.flag(ppr, "keepNext")

    def date(self, b, nxt) -> None:
        p, ppr = self.paragraph(b, S.SIGNATURE)
        X.indent_chars(ppr, size=self.L.SIZE_BODY, right=self.L.SIGNATURE_RIGHT_INDENT_CHARS)

    def imprint(self, b, nxt) -> None:
        """版记, GB/T 9704-2012 7.4: 4号仿宋; 抄送 左右各空一字; 印发机关 左空一字 and 印发日期
        右空一字 (a right tab stop); first and last rules thick, those between thin (7.4.1)."""
        L = self.L
        p, ppr = self.paragraph(b, S.IMPRINT)
        X.indent_chars(ppr, size=L.SIZE_IMPRINT, left=1, right=1)
        first = self.prev is None or self.prev.kind not in pagination.IMPRINT
        last = nxt is None or nxt.kind not in pagination.IMPRINT
        if b.kind == M.PRINTED:
            width = (L.TYPE_WIDTH_MM * MM_TWIPS) - L.SIZE_IMPRINT * 20 * 2
            X.tab_stops(ppr, [(width, "right")])
        if first:
            X.border(ppr, "top", L.IMPRINT_RULE_THICK_PT, L.BLACK)
        X.border(ppr, "bottom", L.IMPRINT_RULE_THICK_PT if last else L.IMPRINT_RULE_THIN_PT, L.BLACK)

    def place_imprint(self, plan: pagination.ImprintPlan) -> None:
        """Put the 版记 at the foot of an even page (see ``pagination.imprint_plan``)."""
        if plan.section_break:
            p, ppr = self.paragraph(None, S.NOINDENT)
            ppr.append(etree.fromstring(self._ns(self.t.section)))
            if not plan.numbered:
                self.tail = self.t.tail_unnumbered
            else:
                self.tail = self.t.tail_unnumbered.replace(
                    re.search(r"<w:footerReference[^>]*/><w:footerReference[^>]*/>",
                              self.t.tail_unnumbered).group(0),
                    re.search(r"<w:footerReference[^>]*/><w:footerReference[^>]*/>",
                              self.t.section).group(0))
        for _ in range(plan.filler):
            self.paragraph(None, S.NOINDENT)
        self.page_break = False

    def _ns(self, xml: str) -> str:
        return xml.replace("<w:sectPr", '<w:sectPr xmlns:w="http://schemas.openxmlformats.org/'
                           'wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
                           'officeDocument/2006/relationships"', 1)

    def form_line(self, b: M.Block) -> None:
        """A form line under a table (the 回执's 填报单位、填报人、联系电话): each label at a
        left tab stop, placed in proportion to the blanks the writer left, not stretched."""
        L = self.L
        fields = [f for f in re.split(r"[\u3000 ]{2,}", b.text.strip("\u3000 ")) if f]
        blanks = [len(m) for m in re.findall(r"[\u3000 ]{2,}", b.text.strip("\u3000 "))]
        widths = [cells(f) + (blanks[i] if i < len(blanks) else 6) for i, f in enumerate(fields)]
        total = sum(widths)
        width = L.TYPE_WIDTH_MM * MM_TWIPS
        stops, at = [], 0.0
        for w in widths[:-1]:
            at += w
            stops.append((int(width * at / total), "left"))
        p, ppr = self.paragraph(None, S.NOINDENT, text="\t".join(fields))
        X.tab_stops(ppr, stops)
        X.child(ppr, "jc").set(X.W_VAL, "left")

    def table(self, b: M.Block, nxt) -> None:
        """A table with columns sized by their content (header words never broken), built
        as XML row by row (python-docx's table.cell() rebuilds the cell grid on every call)."""
        if not b.rows:
            return
        L = self.L
        if self.page_break:  # a table cannot carry page_break_before: an empty line before it does
            self.paragraph(None, S.NOINDENT)
        ncols = max(len(r) for r in b.rows)
        width = int(L.TYPE_WIDTH_MM * MM_TWIPS)
        char = (L.SIZE_TABLE + L.CHAR_SPACING_TWENTIETHS / 20) * 20
        pad = 240  # cell margins (108 twips a side) and a little air
        cols = column_widths(b.rows, ncols, width, char, pad)
        if len(b.widths) == ncols:  # proportions the block asks for (the 对照表's columns)
            cols = [int(width * w / sum(b.widths)) for w in b.widths]
        tbl = SubElement(self.body, qn("w:tbl"))
        tblpr = SubElement(tbl, qn("w:tblPr"))
        SubElement(tblpr, qn("w:tblStyle")).set(X.W_VAL, self.style_ids["Table Grid"])
        tblw = SubElement(tblpr, qn("w:tblW"))
        tblw.set(qn("w:w"), str(sum(cols)))
        tblw.set(qn("w:type"), "dxa")
        SubElement(tblpr, qn("w:jc")).set(X.W_VAL, "center")
        SubElement(tblpr, qn("w:tblLayout")).set(qn("w:type"), "fixed")
        grid = SubElement(tbl, qn("w:tblGrid"))
        for w in cols:
            SubElement(grid, qn("w:gridCol")).set(qn("w:w"), str(w))
        height = str(int(10 * MM_TWIPS))
        style = self.style_ids[S.TABLE_TEXT]
        for r, row in enumerate(b.rows):
            tr = SubElement(tbl, qn("w:tr"))
            trpr = SubElement(tr, qn("w:trPr"))
            trh = SubElement(trpr, qn("w:trHeight"))
            trh.set(X.W_VAL, height)
            if b.long_text and r == 0:
                SubElement(trpr, qn("w:tblHeader"))  # repeated at the top of every page
            for c in range(ncols):
                tc = SubElement(tr, qn("w:tc"))
                tcpr = SubElement(tc, qn("w:tcPr"))
                tcw = SubElement(tcpr, qn("w:tcW"))
                tcw.set(qn("w:w"), str(cols[c]))
                tcw.set(qn("w:type"), "dxa")
                SubElement(tcpr, qn("w:vAlign")).set(X.W_VAL, "top" if b.long_text and r else "center")
                justified = b.long_text and r > 0 and r not in b.centred
                p = self.cell_paragraph(tc, style, justified)
                runs = b.cells[r][c] if r < len(b.cells) and c < len(b.cells[r]) else None
                if runs is not None:
                    # each line of a cell (a 款 or a 项) its own paragraph: a justified line
                    # that ended in a line break would be stretched across the cell
                    for run in runs:
                        for k, line in enumerate(run.text.split("\n")):
                            if k:
                                p = self.cell_paragraph(tc, style, justified)
                            if line:
                                X.run(p, line, bold=run.bold or r == 0, strike=run.strike,
                                      underline=run.underline)
                    continue
                text = row[c] if c < len(row) else ""
                if text:
                    X.run(p, text, bold=r == 0)
        self.last_p = None

    def cell_paragraph(self, tc, style: str, justified: bool):
        p = SubElement(tc, X.W_P)
        ppr = SubElement(p, X.W_PPR)
        SubElement(ppr, X.W_PSTYLE).set(X.W_VAL, style)
        if justified:
            X.child(ppr, "jc").set(X.W_VAL, "both")
        return p

    # -- the package ----------------------------------------------------------------------
    def save(self, title: str, properties: dict | None = None) -> bytes:
        xml = etree.tostring(self.body, encoding="unicode")
        inner = xml[xml.index(">") + 1: xml.rindex("</")] if not xml.endswith("/>") else ""
        document = self.t.head + inner + self.tail
        digest = content_hash(document)
        # The skeleton's parts come compressed already; this document's own three parts are
        # appended to a copy of them.
        buf = io.BytesIO(self.t.zipped)
        with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.writestr("word/document.xml", document)
            zf.writestr("docProps/core.xml", self.t.core.replace(TITLE_MARK, escape(title)))
            zf.writestr("docProps/custom.xml", custom_xml(self.t.custom.replace(HASH_MARK, digest), properties))
        return buf.getvalue()


def custom_xml(custom: str, properties: dict | None) -> str:
    """docProps/custom.xml with ``properties`` (name -> text) after drafter's hash."""
    extra = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{escape(name)}">'
        f'<vt:lpwstr>{escape(text)}</vt:lpwstr></property>'
        for pid, (name, text) in enumerate((properties or {}).items(), 3))
    return custom.replace("</Properties>", extra + "</Properties>")


def content_hash(document_xml: str) -> str:
    """sha256 of word/document.xml as drafter wrote it: a later edit in Word or WPS changes it."""
    return hashlib.sha256(document_xml.encode("utf-8")).hexdigest()
