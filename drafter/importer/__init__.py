"""`drafter import`: an existing speech (.txt, .docx, .doc, .wps, .rtf, .pdf) -> an outline
that renders back to it.

The importer never invents text. It removes web-copy residue (the checker's ``noise``
rule), splits text that was pasted without line breaks where a speech's structure begins
(segmenter.py), and places each paragraph: title, salutation, opening, numbered points with
their sub-points in whatever style the writer used, closing and sign-off. What it cannot
place goes into the outline as it is, with a YAML comment. Numbers are dropped, since drafter
generates them, except where the source's sequence skips or starts again: such a group is
kept as written, numbers included, with a comment at its place. Everything else is verbatim.
"""
from __future__ import annotations

import os

from .. import outline
from ..errors import DrafterError
from .clean import GAP, _clean, clean, full_width, read_lines
from . import emit, own
from .emit import plan_sections, section_markdown, section_name, to_yaml
from .structure import Imported, Node, notes, parse, segment

__all__ = ["GAP", "Imported", "Node", "clean", "clean_text", "import_file", "notes", "parse", "plan_sections",
           "read_lines", "section_markdown", "section_name", "segment", "to_yaml"]


def import_file(path: str) -> Imported:
    mine = _own(path)
    if mine is not None:
        return mine
    lines = read_lines(path)
    cleaned, removed = _clean(lines)
    text = [line for line in cleaned if line is not GAP]
    if not any(line.strip() for line in text):
        raise DrafterError("去掉网页残留后没有正文可导入", file=path)
    read, marks = full_width(cleaned)  # the structure is read with "." and "," as 。 and ，
    result = parse(read)
    if marks:
        _as_written(result, "\n".join(line for line in read if line is not GAP), "\n".join(text))
    salutation = result.outline.get("salutation")
    if isinstance(salutation, str) and salutation.endswith(":"):  # the colon is the salutation's own mark
        result.outline["salutation"] = salutation[:-1] + "："
    result.removed, result.text, result.full_width = removed, "\n".join(text), marks
    return result


def _as_written(result: Imported, read: str, written: str) -> None:
    """Every text of ``result`` with the marks of the draft as written: the structure was read
    from ``read``, the draft with its half-width sentence marks made full-width, character for
    character (clean.full_width), and each text of the outline is a piece of it."""
    at = 0

    def back(text):
        nonlocal at
        if not isinstance(text, str) or not text:
            return text
        found = read.find(text, at)
        if found < 0:
            found = read.find(text)
        if found < 0:
            return text
        at = found
        return written[found:found + len(text)]

    def node(n: Node) -> None:
        n.title = back(n.title)
        if isinstance(n.title, str) and n.title.endswith(".") and not n.title.endswith(".."):
            n.title = n.title[:-1]  # a heading run into its text ended at a half-width stop: not the title's
        n.paragraphs = [back(p) for p in n.paragraphs]
        for sub in n.subpoints:
            node(sub)

    o = result.outline
    for key in ("title", "salutation", "theme"):
        if key in o:
            o[key] = back(o[key])
    o["opening"] = [back(p) for p in o.get("opening", [])]
    for point in result.points:
        node(point)
    o["closing"] = [back(p) for p in o.get("closing", [])]
    if "signoff" in o:
        o["signoff"] = back(o["signoff"])


def clean_text(path: str) -> str:
    """The source's text after residue removal, as the round trip compares it."""
    return "\n".join(clean(read_lines(path))[0])




def _own(path: str) -> Imported | None:
    """A document drafter wrote, read back through its styles and properties (own.py)."""
    reader = {".docx": own.docx_own, ".pdf": own.pdf_own}.get(os.path.splitext(path)[1].lower())
    if reader is None:
        return None
    try:
        found = reader(path)
    except DrafterError:
        return None  # read as any draft, which says what is wrong with the file
    if found is None or not own.readable(found):
        return None  # a kind whose document is not read back yet: read as any draft
    data = own.outline(found)
    try:  # read back from a layout that only looked like drafter's: read as any draft instead
        outline.parse(emit.own_yaml(data, os.path.basename(path)), "<导入的大纲>")
    except DrafterError:
        return None

    def node(point: dict) -> Node:
        return Node(point["title"], list(point.get("paragraphs", [])), point.get("style"),
                    [node(sp) for sp in point.get("subpoints", [])])

    text = "\n".join(b.text for b in found.blocks)
    return Imported(outline=data, comments={}, removed=[], points=[node(p) for p in data.get("points", [])],
                    text=text, own=data)
