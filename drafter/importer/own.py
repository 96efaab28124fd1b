"""Import of a document drafter wrote: its .docx (or the PDF made from it) back to the outline.

A .docx drafter wrote says so (the ``drafter-sha256`` document property) and names every
paragraph by what it is: the paragraph styles 公文标题, 公文副标题, 一级标题 …, 发文机关署名, 版记
(``render.writers.docx.styles``). Read in order, they give the blocks the document was written
from, and each kind's template is read backwards: the speaker line, the date line, the report's
——日期在会议上, the notice's 版头, 主送, 附件说明, 署名, 成文日期, 附注, 附件 pages and 版记.
Numbers are dropped (drafter generates them) and give the points their nesting and style.

What the text cannot say (a speech's meeting, its time limit, whether 同志们 was written with
its colon, how many of the last paragraphs are the closing) comes from the document property
``drafter-fields`` (``render.properties``); the text is the authority wherever it decides a
field, so a document edited in Word imports as edited. A PDF has no such properties: its blocks
come from the layout (``pdf_blocks``) and the closing is found by its first words.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from .. import numbering
from ..convert import pdftotext
from ..errors import DrafterError
from ..render import model as M
from ..render import templating
from ..render.writers.docx import styles as S
from . import segmenter

SIGNATURE_PROPERTY = "drafter-sha256"
KIND_PROPERTY = "drafter-kind"
FIELDS_PROPERTY = "drafter-fields"

STYLE_KINDS = {S.TITLE: M.TITLE, S.SUBTITLE: M.SUBTITLE, S.NOINDENT: "noindent", S.MASTHEAD: M.MASTHEAD,
               S.DOCNUMBER: M.DOCNUMBER, S.SIGNATURE: M.SIGNATURE, S.IMPRINT: "imprint", S.LABEL: M.LABEL,
               S.BODY: M.PARAGRAPH, S.TABLE_TEXT: "cell"}
HEADING_STYLES = {name: level for level, name in S.HEADINGS.items()}
DATE_TEXT = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
CLOSING_START = re.compile(r"^(?:同志们|各位代表|各位委员|同事们|朋友们|总之|特此通知|特此)[，,！!。]?")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Own:
    """A document drafter wrote, as blocks, with the properties it kept (none for a PDF)."""

    def __init__(self, blocks: list[M.Block], kind: str | None = None, fields: dict | None = None):
        self.blocks = blocks
        self.kind = kind or _kind_of(blocks)
        self.fields = fields or {}


# --- reading ---------------------------------------------------------------------------

def docx_own(path: str) -> Own | None:
    """The blocks of a .docx drafter wrote, or None for any other .docx."""
    from ..files.docxverify import open_document  # python-docx loads only when a .docx is read

    doc = open_document(path)
    props = _custom_properties(doc)
    if SIGNATURE_PROPERTY not in props:
        return None
    styles = {s.style_id: s.name for s in doc.styles}
    known = set(STYLE_KINDS) | set(HEADING_STYLES)
    blocks: list[M.Block] = []
    for child in doc.element.body.iterchildren(W + "p", W + "tbl"):
        if child.tag == W + "tbl":
            rows = [["".join(t.text or "" for t in tc.iter(W + "t")) for tc in tr.iter(W + "tc")]
                    for tr in child.iter(W + "tr")]
            blocks.append(M.Block(M.TABLE, rows=rows))
            continue
        style_el = child.find(f"{W}pPr/{W}pStyle")
        name = styles.get(style_el.get(W + "val")) if style_el is not None else None
        runs = _runs(child)
        text = "".join(r.text for r in runs)
        if name not in known or not text.strip():
            continue
        if name in HEADING_STYLES:
            blocks.append(M.Block(M.HEADING, runs, level=HEADING_STYLES[name]))
            continue
        kind = STYLE_KINDS[name]
        if kind == "noindent" and "\t" in text:
            runs = [M.Run(_form_line(child, text))]
        elif kind == M.SUBTITLE:  # broken to the line's width by the writer (titles.break_lines)
            runs = [M.Run(text.replace("\n", ""))]
        blocks.append(M.Block(kind, runs))
    try:
        fields = json.loads(props.get(FIELDS_PROPERTY) or "{}")
    except ValueError:
        fields = {}
    return Own(blocks, props.get(KIND_PROPERTY), fields if isinstance(fields, dict) else {})


def _custom_properties(doc) -> dict[str, str]:
    part = next((rel.target_part for rel in doc.part.package.rels.values()
                 if rel.reltype.endswith("/custom-properties")), None)
    if part is None:
        return {}
    from lxml import etree  # python-docx's XML library, loaded with it

    try:
        root = etree.fromstring(part.blob)
    except etree.XMLSyntaxError:
        return {}
    return {p.get("name"): "".join(p.itertext()) for p in root if p.get("name")}


def _runs(p) -> list[M.Run]:
    out: list[M.Run] = []
    for r in p.iter(W + "r"):
        text = "".join("\n" if el.tag == W + "br" else "\t" if el.tag == W + "tab" else (el.text or "")
                       for el in r if el.tag in (W + "t", W + "br", W + "tab"))
        bold = r.find(f"{W}rPr/{W}b") is not None and r.find(f"{W}rPr/{W}b").get(W + "val") not in ("0", "false")
        if text:
            out.append(M.Run(text, bold))
    return out


def _form_line(p, text: str) -> str:
    """A form line (填报单位：　　　填报人：) as written in the outline: the writer places each
    label at a tab stop in proportion to the blanks after the one before it (``Writer.form_line``),
    so the blanks are read back from the stops."""
    body = p.getparent()
    sect = body.find(f"{W}sectPr") if body is not None else None
    width = TYPE_WIDTH
    if sect is not None and sect.find(f"{W}pgSz") is not None and sect.find(f"{W}pgMar") is not None:
        try:
            width = int(sect.find(f"{W}pgSz").get(W + "w")) - int(sect.find(f"{W}pgMar").get(W + "left")) \
                - int(sect.find(f"{W}pgMar").get(W + "right"))
        except (TypeError, ValueError):
            width = TYPE_WIDTH
    return form_text(text.split("\t"), [int(t.get(W + "pos")) for t in p.iter(W + "tab") if t.get(W + "pos")],
                     width)


TYPE_WIDTH = 156 * 1440 / 25.4  # twips: GB/T 9704's type area, when a document does not say


def form_text(fields: list[str], stops: list[float], width: float = TYPE_WIDTH) -> str:
    """The form line whose labels ``fields`` stand at tab ``stops`` (twips from the left edge of
    a type area ``width`` twips wide)."""
    from ..render.titles import cells  # loaded with render

    if len(stops) != len(fields) - 1 or not stops or width <= 0:
        return "\u3000\u3000".join(fields)
    last = cells(fields[-1]) + 6
    share = stops[-1] / width
    if share >= 1:
        return "\u3000\u3000".join(fields)
    total = last / (1 - share)
    edges = [0.0] + [s / width * total for s in stops]
    out = ""
    for i, f in enumerate(fields[:-1]):
        blanks = max(1, round(edges[i + 1] - edges[i] - cells(f)))
        out += f + "\u3000" * blanks
    return out + fields[-1]


# --- a PDF, from its layout -------------------------------------------------------------

class Line:
    def __init__(self, x0: float, x1: float, y0: float, y1: float, words: list, page: int = 0) -> None:
        self.x0, self.x1, self.y0, self.height, self.page = x0, x1, y0, y1 - y0, page
        self.words = words  # (x0, x1, text)

    def text(self, em: float) -> str:
        """The words joined: a gap of about a character is a full-width space (主任　张明), a
        smaller one between Latin letters or digits a space, any other (the room LibreOffice
        leaves between Chinese and a number, 2024 年) nothing."""
        out = ""
        for k, (x0, x1, word) in enumerate(self.words):
            if k:
                gap = x0 - self.words[k - 1][1]
                if gap >= 0.75 * em:
                    out += "\u3000" * max(1, round(gap / em))
                elif out[-1:].isascii() and out[-1:].isalnum() and word[:1].isascii() and word[:1].isalnum():
                    out += " "
            out += word
        return out


PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$")


def _pdf_lines(path: str) -> list[Line]:
    from lxml import etree  # python-docx's XML library, loaded with it

    xml = pdftotext(path, "-bbox-layout")
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, huge_tree=False,
                                                                 no_network=True, recover=True))
    lines: list[Line] = []
    for number, page in enumerate(root.iter("{*}page")):
        for line in page.iter("{*}line"):
            words = [(float(w.get("xMin")), float(w.get("xMax")), w.text or "") for w in line.iter("{*}word")]
            if not words:
                continue
            new = Line(float(line.get("xMin")), float(line.get("xMax")), float(line.get("yMin")),
                       float(line.get("yMax")), words, number)
            same = next((ln for ln in reversed(lines[-4:]) if ln.page == number and abs(ln.y0 - new.y0) < 1), None)
            if same is not None:  # pdftotext splits a line where a wide gap is (主任　张明, a tab stop)
                same.words = sorted(same.words + new.words)
                same.x0, same.x1 = min(same.x0, new.x0), max(same.x1, new.x1)
            else:
                lines.append(new)
    return lines


def _mode(values: list[float]) -> float:
    counts: dict[float, int] = {}
    for v in values:
        counts[round(v)] = counts.get(round(v), 0) + 1
    return max(counts, key=lambda v: (counts[v], -v)) if counts else 0.0


def pdf_own(path: str) -> Own | None:
    """The blocks of a PDF laid out as drafter lays out a document (GB/T 9704: a centred title,
    body text with a two-character first-line indent, 署名 and 成文日期 to the right), or None."""
    lines = [ln for ln in _pdf_lines(path) if not PAGE_NUMBER.match("".join(w for _, _, w in ln.words))]
    if len(lines) < 3:
        return None
    body = _mode([ln.height for ln in lines])
    em = body / 1.3  # a line's box is about 1.3 times its characters' size
    left = min(ln.x0 for ln in lines if abs(ln.height - body) < 2)  # the type area's left edge
    right = _mode([ln.x1 for ln in lines if abs(ln.x0 - left) < 1 and ln.x1 - ln.x0 > 20 * em])
    if right - left < 20 * em:
        return None
    blocks: list[M.Block] = []
    last_full = False  # the line before ran to the right margin: this one may continue it
    table_at = None
    title_open = False  # the last line was a title's: a centred title line that follows goes on it
    after_signature = False  # the 成文日期 has been read: what follows is 附注, 附件 pages and 版记
    for ln in lines:
        text = ln.text(em)
        centred = (ln.x0 > left + em / 2 or ln.height > 1.2 * body) and abs((ln.x0 - left) - (right - ln.x1)) < em / 2
        indent = (ln.x0 - left) / em
        prev = blocks[-1] if blocks else None
        if not blocks and ln.height > 1.6 * body and ln.x1 - ln.x0 > (right - left) * 0.8:  # 发文机关标志
            blocks.append(M.Block(M.MASTHEAD, [M.Run(text)]))
        elif centred and re.search(r"〔\d{4}〕\d+号$", text) and prev is not None and prev.kind == M.MASTHEAD:
            blocks.append(M.Block(M.DOCNUMBER, [M.Run(text)]))
        elif centred and ln.height > 1.2 * body:
            if prev is not None and prev.kind == M.TITLE and title_open:  # a title broken over lines
                prev.runs.append(M.Run(text))
            else:
                blocks.append(M.Block(M.TITLE, [M.Run(text)]))
        elif centred and not after_signature and (not blocks or prev.kind in (M.TITLE, M.SUBTITLE)):
            if prev is not None and prev.kind == M.SUBTITLE and last_full:
                prev.runs.append(M.Run(text))
            else:
                blocks.append(M.Block(M.SUBTITLE, [M.Run(text)]))
        elif indent > 4 and not centred and (DATE_TEXT.match(text) or not after_signature and _right(ln, right, em)):
            blocks.append(M.Block(M.SIGNATURE, [M.Run(text)]))
            after_signature = after_signature or bool(DATE_TEXT.match(text))
        elif text.startswith("抄送：") or (text.endswith("印发") and "\u3000" in text):
            blocks.append(M.Block("imprint", [M.Run(_imprint(text) if text.endswith("印发") else text)]))
        elif re.match(r"^附件\d*$", text) and indent < 0.5 and after_signature:
            blocks.append(M.Block(M.LABEL, [M.Run(text)]))
        elif prev is not None and prev.kind == M.TITLE and after_signature and len(ln.words) > 1:
            # a table's header row; its empty rows print no text, their count is read from where
            # the next line stands (each row 10 mm high, Writer.table)
            blocks.append(M.Block(M.TABLE, rows=[[w for _, _, w in ln.words]]))
            table_at = (ln, len(blocks) - 1)
        elif abs(indent - 2) < 0.5:
            blocks.append(M.Block(M.PARAGRAPH, [M.Run(text)]))
        elif indent < 0.5 and last_full and prev is not None and prev.kind in (M.PARAGRAPH, "noindent"):
            prev.runs.append(M.Run(text))
        elif indent < 0.5 and after_signature and "\u3000\u3000" in text:  # a form line under a table
            fields, stops = [], []
            for k, (x0, x1, word) in enumerate(ln.words):
                if k and x0 - ln.words[k - 1][1] >= 0.75 * em:
                    fields.append(word)
                    stops.append((x0 - left) * 20)
                elif fields:
                    fields[-1] += word
                else:
                    fields.append(word)
            blocks.append(M.Block("noindent", [M.Run(form_text(fields, stops, (right - left) * 20))]))
        elif indent < 0.5:
            blocks.append(M.Block("noindent", [M.Run(text)]))
        else:
            blocks.append(M.Block(M.PARAGRAPH, [M.Run(text)]))
        if table_at is not None and blocks[-1].kind != M.TABLE:
            head, at = table_at
            if ln.page == head.page:
                top = head.y0 + head.height / 2 - ROW_PT / 2
                blocks[at].rows += [[]] * max(0, int((ln.y0 - top) / ROW_PT) - 1)
            else:
                blocks[at].rows_unknown = True  # the table ends its page: the outline's default
            table_at = None
        title_open = blocks[-1].kind == M.TITLE
        last_full = ln.x1 >= right - em
    if table_at is not None:
        blocks[table_at[1]].rows_unknown = True
    kinds = [b.kind for b in blocks[:4]]
    if kinds[:2] != [M.MASTHEAD, M.DOCNUMBER] and kinds[:2] != [M.TITLE, M.SUBTITLE]:
        return None  # not laid out as drafter lays out a document: read as any draft
    return Own([_shape(b) for b in blocks])


ROW_PT = 10 / 25.4 * 72  # a table row's height (Writer.table)


def _right(ln: Line, right: float, em: float) -> bool:
    """A line set towards the right margin, as the 署名 is."""
    return ln.x1 < right - 2 * em and ln.x0 > (right + ln.x0) / 2 - em * 10


def _imprint(text: str) -> str:
    """印发机关　　　　日期印发: the organ and the date, apart (a tab stop in the .docx)."""
    m = re.match(r"^(.*?)\u3000+(\d{4}年\d{1,2}月\d{1,2}日印发)$", text)
    return f"{m.group(1)}\t{m.group(2)}" if m else text


def _shape(b: M.Block) -> M.Block:
    """A paragraph of a PDF as the block it was written from: a heading (一、 （一） on a line
    of its own) or a run-in lead (一是……。 followed by its text; a lead is bold in the .docx)."""
    if b.kind != M.PARAGRAPH:
        return b if b.kind != M.TITLE else M.Block(M.TITLE, [M.Run("".join(r.text for r in b.runs))])
    text = "".join(r.text for r in b.runs)
    found = segmenter.marker_at(text)
    if not found or found[0] == "closing":
        return M.Block(M.PARAGRAPH, [M.Run(text)])
    style, _, end = found
    if style == segmenter.TOP:
        return M.Block(M.HEADING, [M.Run(text)], level=1)
    stop = re.search("[。！？]", text[end:])
    if stop is None and style in numbering.HEADING_LEVEL and len(text) <= 80:
        return M.Block(M.HEADING, [M.Run(text)], level=numbering.HEADING_LEVEL[style])
    if stop is not None and end + stop.end() < len(text):
        cut = end + stop.end()
        return M.Block(M.PARAGRAPH, [M.Run(text[:cut], bold=True), M.Run(text[cut:])])
    return M.Block(M.PARAGRAPH, [M.Run(text)])


def _kind_of(blocks: list[M.Block]) -> str:
    kinds = {b.kind for b in blocks}
    if M.MASTHEAD in kinds or M.DOCNUMBER in kinds:
        return "notice"
    subtitle = next((b.text for b in blocks if b.kind == M.SUBTITLE), "")
    return "report" if subtitle.startswith("——") else "speech"


# --- blocks -> outline ---------------------------------------------------------------------

def readable(own: Own) -> bool:
    """Whether the outline of this kind of document can be read back (``outline``)."""
    return own.kind in READERS


def outline(own: Own) -> dict:
    """The outline a document drafter wrote came from."""
    reader = READERS.get(own.kind)
    if reader is None:
        raise DrafterError(f"drafter 还不能导入这一文种（{own.kind}）的文档")
    blocks = [b for b in own.blocks if b.kind != M.PAGEBREAK]
    return reader(blocks, own.fields)


def _date(text: str):
    m = DATE_TEXT.match(text.strip())
    if not m:
        return None
    try:
        return dt.date(*(int(g) for g in m.groups()))
    except ValueError:
        return None


def _title(block: M.Block, fields: dict) -> str:
    """The title: one line, unless the outline broke it where the document does."""
    lines = [line.strip() for line in block.text.split("\n") if line.strip()]
    joined = "".join(lines)
    wanted = fields.get("title")
    if isinstance(wanted, str) and wanted.replace("\n", "") == joined:
        return wanted
    return joined


def _salutation(text: str, fields: dict) -> str:
    wanted = fields.get("salutation")
    if isinstance(wanted, str) and wanted and (wanted if wanted[-1] in "：:" else wanted + "：") == text:
        return wanted
    return text[:-1] if text.endswith("：") else text


def _split_closing(body: list[M.Block], fields: dict) -> tuple[list[M.Block], list[M.Block]]:
    """The blocks after the points, split into the last point's and the closing paragraphs."""
    count = fields.get("closing")
    if isinstance(count, int) and not isinstance(count, bool) and 0 <= count <= len(body):
        tail = body[len(body) - count:] if count else []
        if all(b.kind == M.PARAGRAPH for b in tail):
            return body[:len(body) - count], tail
    at = len(body)
    for i in range(len(body) - 1, -1, -1):
        if body[i].kind != M.PARAGRAPH:
            break
        if CLOSING_START.match(body[i].text):
            at = i
    return body[:at], body[at:]


def _put(out: dict, key: str, value) -> None:
    if value not in (None, "", []):
        out[key] = value


def _speech(blocks: list[M.Block], fields: dict) -> dict:
    out: dict = {"kind": "speech"}
    i = 0
    if i < len(blocks) and blocks[i].kind == M.TITLE:
        out["title"] = _title(blocks[i], fields)
        i += 1
    lines = []  # the speaker line, in as many lines as a PDF broke it into
    while i < len(blocks) and blocks[i].kind == M.SUBTITLE:
        text = blocks[i].text.strip()
        inner = text[1:-1] if text.startswith("（") and text.endswith("）") else None
        if inner and _date(inner):
            out["date"] = _date(inner)
        else:
            lines.append(text)
        i += 1
    if lines:
        text = "".join(lines)
        role, speaker = fields.get("role"), fields.get("speaker")
        if "　".join(v for v in (role, speaker) if isinstance(v, str) and v) == text:
            _put(out, "role", role)
            _put(out, "speaker", speaker)
        elif "\u3000" in text:
            out["role"], out["speaker"] = text.rsplit("\u3000", 1)
        else:
            out["speaker"] = text
    for key in ("meeting", "limit", "region"):
        if fields.get(key) not in (None, ""):
            out[key] = fields[key]
    if i < len(blocks) and blocks[i].kind in ("noindent", M.SALUTATION):
        out["salutation"] = _salutation(blocks[i].text.strip(), fields)
        i += 1
    else:
        out["salutation"] = ""
    opening, i = _until_points(blocks, i)
    body, rest = _points(blocks[i:])
    signoff = None
    if rest and rest[-1].kind == M.PARAGRAPH:
        last = rest[-1].text
        if fields.get("signoff") == last or (not fields and segmenter.SIGNOFF.match(last)):
            signoff = rest.pop().text
    main, closing = _split_closing(rest, fields)
    _attach(body, main)
    body = [_clean_node(p) for p in body]
    texts = [b.text for b in opening]
    announce = _announcement(texts, len(body), fields) if fields.get("announce") is not False else None
    if announce is not None:
        out["announce"] = True
        if announce:
            out["theme"] = announce
    else:
        out["announce"] = False
    if "theme" not in out and fields.get("theme"):
        out["theme"] = fields["theme"]
    out["opening"] = texts
    out["points"] = body
    out["closing"] = [b.text for b in closing]
    _put(out, "signoff", signoff)
    return out


ANNOUNCE = re.compile(r"下面，(?:围绕“(?P<theme>.+?)”这个主题，)?我讲(?P<n>[一二两三四五六七八九十]+)点意见。$")


def _announcement(texts: list[str], points: int, fields: dict) -> str | bool | None:
    """The generated 下面，我讲×点意见。 at the end of the opening, taken off it: None when there
    is none, else the theme it names ("" for none)."""
    if not texts:
        return None
    m = ANNOUNCE.search(texts[-1])
    if not m or m.group("n") != numbering.cn_count(points):
        return None
    head = texts[-1][:m.start()]
    if head:
        texts[-1] = head
    else:
        texts.pop()
    return m.group("theme") or ""


def _until_points(blocks: list[M.Block], i: int) -> tuple[list[M.Block], int]:
    opening = []
    while i < len(blocks) and blocks[i].kind == M.PARAGRAPH and not _top(blocks[i]):
        opening.append(blocks[i])
        i += 1
    return opening, i


def _top(block: M.Block) -> bool:
    return block.kind == M.HEADING and block.level == 1


def _report(blocks: list[M.Block], fields: dict) -> dict:
    out: dict = {"kind": "report"}
    i = 0
    if i < len(blocks) and blocks[i].kind == M.TITLE:
        out["title"] = _title(blocks[i], fields)
        i += 1
    subtitles = []
    while i < len(blocks) and blocks[i].kind == M.SUBTITLE:
        subtitles.append(blocks[i].text.strip())
        i += 1
    when = re.compile(r"^——(\d{4}年\d{1,2}月\d{1,2}日)在(.+)上$")
    for k in range(len(subtitles)):  # the ——日期在会议上 line, in as many lines as a PDF broke it into
        m = when.match("".join(subtitles[:k + 1]))
        if m:
            out["date"], out["meeting"] = _date(m.group(1)), m.group(2)
            subtitles = subtitles[k + 1:]
            break
    if subtitles:
        out["reporter"] = "".join(subtitles)
    if fields.get("region"):
        out["region"] = fields["region"]
    if i < len(blocks) and blocks[i].kind in ("noindent", M.SALUTATION):
        out["salutation"] = _salutation(blocks[i].text.strip(), fields)
        i += 1
    if i < len(blocks):
        m = re.match(r"^现在，我代表(.+)，向大会报告工作，请予审议。$", blocks[i].text)
        if m:
            out["organ"] = m.group(1)
            i += 1
    opening, i = _until_points(blocks, i)
    body, rest = _points(blocks[i:])
    main, closing = _split_closing(rest, fields)
    _attach(body, main)
    out["opening"] = [b.text for b in opening]
    out["points"] = [_clean_node(p) for p in body]
    out["closing"] = [b.text for b in closing]
    return out


def _notice(blocks: list[M.Block], fields: dict) -> dict:
    out: dict = {"kind": "notice"}
    if fields.get("region"):
        out["region"] = fields["region"]
    i = 0
    masthead = None
    if i < len(blocks) and blocks[i].kind == M.MASTHEAD:
        masthead = blocks[i].text.strip()
        i += 1
    if i < len(blocks) and blocks[i].kind == M.DOCNUMBER:
        m = re.match(r"^(.*)〔(\d{4})〕(\d+)号$", blocks[i].text.strip())
        if m:
            out["number"] = {"prefix": m.group(1), "year": int(m.group(2)), "serial": int(m.group(3))}
        i += 1
    if i < len(blocks) and blocks[i].kind == M.TITLE:
        out["title"] = _title(blocks[i], fields)
        i += 1
    if i < len(blocks) and blocks[i].kind in ("noindent", M.ADDRESSEE):
        text = blocks[i].text.strip()
        out["addressees"] = [a for a in (text[:-1] if text.endswith("：") else text).split("，") if a]
        i += 1
    intro, i = _until_points(blocks, i)
    out["intro"] = [b.text for b in intro]
    end = next((k for k in range(i, len(blocks)) if blocks[k].kind == M.SIGNATURE), len(blocks))
    body, rest = _points(blocks[i:end])
    k = len(rest)  # the 附件说明 (附件：1.…, 2.…) closes the body: it is told by the attachments
    while k > 0 and rest[k - 1].kind in (M.PARAGRAPH, M.HEADING) and re.match(r"^\d+[.．]", rest[k - 1].text):
        k -= 1
    if k > 0 and rest[k - 1].kind == M.PARAGRAPH and rest[k - 1].text.startswith("附件："):
        rest = rest[:k - 1]
    main, closing = _split_closing(rest, fields)
    _attach(body, main)
    out["points"] = [_clean_node(p) for p in body]
    out["closing"] = [b.text for b in closing]
    tail = blocks[end:]
    signer = None
    if tail and tail[0].kind == M.SIGNATURE:
        signer = tail.pop(0).text.strip()
    if tail and tail[0].kind == M.SIGNATURE:
        out["date"] = _date(tail.pop(0).text)
    if tail and tail[0].kind == M.PARAGRAPH and tail[0].text.startswith(("（", "(")):
        out["note"] = _note(tail.pop(0).text, fields)
    attachments, printer, printed = [], None, None
    current = None
    for b in tail:
        if b.kind == M.LABEL:
            current = {"title": "", "columns": [], "rows": 0, "paragraphs": []}
            attachments.append(current)
        elif b.kind == M.TITLE and current is not None and not current["title"]:
            current["title"] = "".join(b.text.split("\n"))
        elif b.kind == M.TABLE and current is not None and b.rows:
            current["columns"], current["rows"] = b.rows[0], len(b.rows) - 1
            if getattr(b, "rows_unknown", False):
                del current["rows"]
        elif b.kind == "imprint" and b.text.startswith("抄送："):
            out["cc"] = [c for c in b.text[3:].rstrip("。").split("，") if c]
        elif b.kind == "imprint" and "\t" in b.text:
            printer, when = b.text.split("\t", 1)
            printed = _date(when.removesuffix("印发"))
        elif current is not None and b.kind in (M.PARAGRAPH, "noindent"):
            current["paragraphs"].append(b.text)
    for a in attachments:
        if not a["columns"]:  # no table: its rows mean nothing
            del a["columns"]
            a.pop("rows", None)
        if not a["paragraphs"]:
            del a["paragraphs"]
    if attachments:
        out["attachments"] = attachments
    organ = fields.get("organ") if isinstance(fields.get("organ"), str) else None
    if organ not in (signer, printer) and masthead != f"{organ}文件":
        organ = None  # the document was edited since: its own text decides
    organ = organ or printer or signer
    out["organ"] = organ
    if masthead and masthead != f"{organ}文件":
        out["masthead"] = masthead
    if signer and signer != organ:
        out["signer"] = signer
    if printer and printer != organ:
        out["printer"] = printer
    if printed and (printed != out.get("date") or fields.get("printed")):
        out["printed"] = printed
    return out


def _note(text: str, fields: dict) -> str:
    """The 附注 as the outline wrote it: the brackets are the template's (parenthesised)."""
    wanted = fields.get("note")
    if isinstance(wanted, str) and templating.parenthesised(wanted) == text:
        return wanted
    return text[1:-1] if text.startswith("（") and text.endswith("）") else text


# --- points ----------------------------------------------------------------------------

def _points(blocks: list[M.Block]) -> tuple[list[dict], list[M.Block]]:
    """The numbered points (一、) and everything below them, and the blocks after the last
    point's heading that are not a sub-point (its paragraphs, the closing …)."""
    points: list[dict] = []
    stack: list[dict] = []
    loose: list[M.Block] = []  # blocks after the last sub-point structure, to be attached
    for b in blocks:
        if _top(b):
            if points:
                _attach(points, loose)
                loose = []
            found = segmenter.marker_at(b.text)
            title = b.text[found[2]:] if found and found[0] == segmenter.TOP else b.text
            node = _node(title)
            points.append(node)
            stack = [node]
            continue
        if not points:
            loose.append(b)
            continue
        item = _item(b)
        if item is None:
            loose.append(b)
            continue
        style, child, rest = item
        while stack:
            parent = stack[-1]
            if parent["_style"] == style or (parent["_style"] is None and not parent["subpoints"]
                                             and _first(b.text)):
                break
            stack.pop()
        if not stack:  # a sub-point that continues no open level: keep it as text
            loose.append(b)
            stack = _open(points[-1])
            continue
        _attach(points, loose)  # what came before this sub-point belongs to the one before it
        loose = []
        parent = stack[-1]
        parent["_style"] = style
        parent["style"] = style
        parent["subpoints"].append(child)
        stack.append(child)
        if rest is not None:
            child["paragraphs"].append(rest)
    return points, loose


def _open(point: dict) -> list[dict]:
    """The open levels of ``point``: it and its last sub-point, that one's last, and so on."""
    out = [point]
    while out[-1]["subpoints"]:
        out.append(out[-1]["subpoints"][-1])
    return out


def _first(text: str) -> bool:
    """Whether ``text`` opens with the first marker of a sequence (一、 （一） 1. 一是 …)."""
    found = segmenter.marker_at(text)
    return bool(found and found[1] == 1)


def _node(title: str) -> dict:
    return {"title": title, "paragraphs": [], "style": None, "subpoints": [], "_style": None}


def _item(b: M.Block):
    """(style, sub-point, its first paragraph or None) when ``b`` opens a sub-point: a heading
    below 一、, a bold run-in lead, or an item of body text that is a numbered title alone."""
    if b.kind == M.HEADING and b.level > 1:
        found = segmenter.marker_at(b.text)
        if not found or found[0] in (segmenter.TOP, "closing"):
            return None
        return found[0], _node(b.text[found[2]:]), None
    if b.kind != M.PARAGRAPH:
        return None
    found = segmenter.marker_at(b.text)
    if not found or found[0] in (segmenter.TOP, "closing"):
        return None
    style, _, end = found
    if b.runs and b.runs[0].bold:
        lead = "".join(r.text for r in _leading_bold(b.runs))
        if len(lead) > end:
            title = lead[end:]
            title = title[:-1] if title.endswith("。") else title
            return style, _node(title), b.text[len(lead):]
    if style in numbering.RUN_IN_STYLES or b.runs and b.runs[0].bold:
        return None
    title = b.text[end:]
    title = title[:-1] if title.endswith("。") else title
    return style, _node(title), None


def _leading_bold(runs: list[M.Run]) -> list[M.Run]:
    out = []
    for r in runs:
        if not r.bold:
            break
        out.append(r)
    return out


def _attach(points: list[dict], blocks: list[M.Block]) -> None:
    """Paragraphs after a heading or a sub-point belong to the deepest open one."""
    if not points or not blocks:
        return
    node = points[-1]
    while node["subpoints"]:
        node = node["subpoints"][-1]
    node["paragraphs"].extend(b.text for b in blocks if b.kind == M.PARAGRAPH)


def _clean_node(node: dict) -> dict:
    out = {"title": node["title"]}
    if node["paragraphs"]:
        out["paragraphs"] = node["paragraphs"]
    if node["subpoints"]:
        out["style"] = node["style"]
        out["subpoints"] = [_clean_node(s) for s in node["subpoints"]]
    return out


READERS = {"speech": _speech, "report": _report, "notice": _notice}
