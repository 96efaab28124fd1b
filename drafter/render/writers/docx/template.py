"""The empty styled document every .docx starts from, built once per layout and cached."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn

from .... import __version__
from ... import layout as layout_module
from ....files.docxverify import parses
from ....files.fs import cache_dir, cache_get, cache_put
from . import styles

TITLE_MARK = "DRAFTER-TITLE-9f1c"
HASH_MARK = "DRAFTER-HASH-7d2e"


@dataclass(frozen=True)
class Template:
    parts: dict[str, bytes]  # every part of an empty styled document, by zip name
    head: str  # word/document.xml up to the body's content
    tail: str  # the final section properties to the end: pages numbered
    tail_unnumbered: str  # the same for a last section whose pages carry no number
    section: str  # the numbered section's w:sectPr, to close it inside a paragraph
    core: str  # docProps/core.xml with TITLE_MARK where the title goes
    custom: str  # docProps/custom.xml with HASH_MARK where drafter's hash goes
    style_ids: dict[str, str]

    @cached_property
    def zipped(self) -> bytes:
        """The parts as a zip, [Content_Types].xml first, compressed once per process; each
        document appends its own three parts to a copy. Fast compression: a 500,000-character
        report is written in a few milliseconds, and the file is barely larger than at the
        default level."""
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.writestr("[Content_Types].xml", self.parts["[Content_Types].xml"])
            for name, part in self.parts.items():
                if name != "[Content_Types].xml":
                    zf.writestr(name, part)
        return buf.getvalue()


def _source_key(L) -> str:
    """Drafter's version, this package's source, and every layout value."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    digest.update(Path(layout_module.__file__).read_bytes())
    digest.update(L.key.encode())
    return digest.hexdigest()[:32]


_BUILT: dict[str, Template] = {}


def _cached(key: str, L) -> Template:
    if key in _BUILT:
        return _BUILT[key]
    cached = cache_dir() / f"docx-template-{key}.pickle"
    template = cache_get(cached, _whole)  # a damaged or foreign entry is rebuilt, never used
    if template is not None:
        _BUILT[key] = template
        return template
    template = _BUILT[key] = build(L)
    cache_put(cached, template)
    return template


def _whole(template) -> bool:
    """A cached skeleton is used only if it is one and every part of it still parses."""
    if not isinstance(template, Template) or not isinstance(template.parts, dict):
        return False
    try:
        texts = [template.head + template.tail, template.head + template.tail_unnumbered,
                 template.core.replace(TITLE_MARK, ""), template.custom.replace(HASH_MARK, "")]
        return all(parses(t.encode("utf-8")) for t in texts) and all(
            parses(data) for name, data in template.parts.items() if name.endswith((".xml", ".rels")))
    except (TypeError, AttributeError):
        return False


def template(L) -> Template:
    """An empty document with drafter's styles, page set-up and footers for layout ``L``.

    python-docx builds it once; each document then only adds its body, so the styles, settings
    and footers are neither rebuilt nor parsed again for every outline of a batch. The result
    is also kept in the user's cache, keyed by drafter's version, this package's source and
    the layout's values (a unit profile's fonts, colours and margins included), so a new
    process need not build it either and a changed profile never reuses a stale skeleton.
    """
    return _cached(_source_key(L), L)


_CUSTOM = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="drafter-sha256">'
           f'<vt:lpwstr>{HASH_MARK}</vt:lpwstr></property></Properties>')


_STALE = (
    # Word 2010's copy of the styles for Word 2007: python-docx's, from before drafter set its
    # fonts, so it would contradict styles.xml (Word and LibreOffice read styles.xml; 438 KB).
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    # a picture of python-docx's empty page, shown by file managers as the document's preview
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
)


TABLE_STYLES_KEPT = ("Table Grid",)  # the 回执 and other tables (writer.table)


def _drop_unused_table_styles(doc) -> None:
    """Leave out python-docx's hundred table styles (Light Shading Accent 1 …: 310 KB of the
    312 KB of styles.xml that every document would carry) but the default one and those the
    writer uses. Word and WPS still offer their built-in table styles; paragraph and character
    styles are all kept, each with its Chinese font (``styles.setup_styles``)."""
    root = doc.styles.element
    for style in root.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if style.get(qn("w:type")) == "table" and style.get(qn("w:default")) not in ("1", "true") and (
                name is None or name.get(qn("w:val")) not in TABLE_STYLES_KEPT):
            root.remove(style)


def _drop_stale_parts(doc) -> None:
    """Leave out the parts of python-docx's base document that do not describe drafter's
    (a part no relationship reaches is not saved)."""
    for rels in (doc.part.rels, doc.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype in _STALE:
                del rels[rid]


def build(L) -> Template:
    doc = Document()
    styles.setup_styles(doc, L)
    styles.setup_page(doc, L)
    # A second section whose footers are empty: the blank page before the 版记 page and the
    # 版记 page itself carry no page number (GB/T 9704-2012 7.5).
    last = doc.add_section(WD_SECTION.EVEN_PAGE)
    for footer in (last.footer, last.even_page_footer):
        footer.is_linked_to_previous = False
    props = doc.core_properties
    props.author = props.last_modified_by = props.comments = props.keywords = props.subject = ""
    props.title = TITLE_MARK
    _drop_unused_table_styles(doc)
    _drop_stale_parts(doc)
    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(buf) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    xml = parts.pop("word/document.xml").decode("utf-8")
    start = xml.index(">", xml.index("<w:body")) + 1
    first = re.search(r"<w:sectPr\b.*?</w:sectPr>", xml[start:], re.S).group(0)
    final_at = xml.rindex("<w:sectPr")
    tail_unnumbered = xml[final_at:]
    final = re.search(r"<w:sectPr\b.*?</w:sectPr>", tail_unnumbered, re.S).group(0)
    tail = tail_unnumbered.replace(final, re.sub(r'<w:type w:val="evenPage"/>', "", first), 1)
    core = parts.pop("docProps/core.xml").decode("utf-8")
    # docProps/custom.xml: drafter's hash of what it wrote (never lose a writer's edits).
    parts["docProps/custom.xml"] = _CUSTOM.encode("utf-8")
    ct = parts["[Content_Types].xml"].decode("utf-8")
    ct = ct.replace("</Types>", '<Override PartName="/docProps/custom.xml" ContentType='
                    '"application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
    parts["[Content_Types].xml"] = ct.encode("utf-8")
    rels = parts["_rels/.rels"].decode("utf-8")
    rels = rels.replace("</Relationships>", '<Relationship Id="rIdDrafterCustom" Type="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
                        'Target="docProps/custom.xml"/></Relationships>')
    parts["_rels/.rels"] = rels.encode("utf-8")
    custom = parts.pop("docProps/custom.xml").decode("utf-8")
    return Template(parts, xml[:start], tail, tail_unnumbered, first, core, custom,
                    {s.name: s.style_id for s in doc.styles})


DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def word_template(L) -> bytes:
    """A Word template (.dotx) of layout ``L``: the same skeleton every .docx starts from (its
    styles, page set-up and footers, ``styles.setup_styles``), an empty body whose one paragraph
    is in the body style, and the template content type. Without drafter's hash: a document
    made from it in Word or WPS is the writer's own."""
    t = template(L)
    parts = dict(t.parts)
    ct = parts["[Content_Types].xml"].decode("utf-8")
    ct = re.sub(r'<Override PartName="/docProps/custom.xml"[^>]*/>', "", ct).replace(DOCUMENT_TYPE, TEMPLATE_TYPE)
    parts["[Content_Types].xml"] = ct.encode("utf-8")
    rels = parts["_rels/.rels"].decode("utf-8")
    parts["_rels/.rels"] = re.sub(r'<Relationship Id="rIdDrafterCustom"[^>]*/>', "", rels).encode("utf-8")
    body = f'<w:p><w:pPr><w:pStyle w:val="{t.style_ids[styles.BODY]}"/></w:pPr></w:p>'
    parts["word/document.xml"] = (t.head + body + t.tail).encode("utf-8")
    parts["docProps/core.xml"] = t.core.replace(TITLE_MARK, "").encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", parts.pop("[Content_Types].xml"))
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()
