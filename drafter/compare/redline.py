"""Two versions of a speech or a report -> the new version as a Word document whose changes
from the old one are tracked revisions ("drafter" their author), which the writer reviews,
accepts or rejects one by one in Word, WPS or LibreOffice.

Paragraphs are paired first (unchanged ones by difflib on the list of paragraphs, the rest by
``align.ordered`` on their similarity), then each pair character by character
(``align.changes``). The document is written by the GB/T 9704 writer; the marks are the
checker's (``check.tracked.Revisions``): accepting every change gives the new version,
rejecting every change gives the old one.
"""

from __future__ import annotations

import difflib
import re

from .. import numbering
from ..check.tracked import Revisions
from ..render import model as M
from . import align

KEPT, CHANGED, DELETED, ADDED = "=", "~", "-", "+"
_TITLE = re.compile(r"^[^。！？；，,]{2,40}$")  # a short line without a sentence's marks


def paragraphs(old: list[str], new: list[str]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The paragraphs of the redline in order: (state, parts), ``state`` one of KEPT, CHANGED,
    DELETED, ADDED and ``parts`` the (text, "=" / "-" / "+") of the paragraph."""
    out: list[tuple[str, list[tuple[str, str]]]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend((KEPT, [(text, "=")]) for text in old[i1:i2])
            continue
        a, b = old[i1:i2], new[j1:j2]
        kept = align.ordered([[align.text_similarity(x, y) for y in b] for x in a])
        i = j = 0
        for pi, pj in sorted(kept.items()) + [(len(a), len(b))]:
            out.extend((DELETED, [(text, "-")]) for text in a[i:pi])
            out.extend((ADDED, [(text, "+")]) for text in b[j:pj])
            if pi < len(a):
                out.append((CHANGED, align.changes(a[pi], b[pj])))
            i, j = pi + 1, pj + 1
    return out


def _kind(k: int, state: str, text: str) -> tuple[str, int]:
    """An unchanged short first line is the title; a short line opening with 一、 or （一） a
    heading of level 1 or 2 (GB/T 9704-2012 7.3.3); any other line a paragraph."""
    if not _TITLE.match(text):
        return M.PARAGRAPH, 0
    if k == 0 and state == KEPT:
        return M.TITLE, 0
    marker = numbering.opening(text, ("一、", numbering.STYLE_PAREN))
    return (M.HEADING, numbering.HEADING_LEVEL[marker.style]) if marker else (M.PARAGRAPH, 0)


def blocks(items: list[tuple[str, list[tuple[str, str]]]]) -> list[M.Block]:
    """One block a paragraph (as its text in the new version reads), one run a part."""
    out = []
    for k, (state, parts) in enumerate(items):
        kind, level = _kind(k, state, "".join(t for t, op in parts if op != "-"))
        out.append(M.Block(kind, [M.Run(t) for t, _ in parts], level=level))
    return out


def write(old: list[str], new: list[str], title: str, layout) -> tuple[bytes, dict[str, int]]:
    """The redline .docx and how many paragraphs were changed, added and deleted."""
    from ..render.writers.docx import Writer  # python-docx loads only when a .docx is written
    from ..render.writers.docx.xml import W_P, W_R

    items = paragraphs(old, new)
    writer = Writer(layout)
    writer.write(blocks(items))
    revisions = Revisions(writer.body)
    for p, (state, parts) in zip(writer.body.findall(W_P), items):
        if state == KEPT:
            continue
        for r, (_, op) in zip(p.findall(W_R), parts):
            if op != "=":
                revisions.wrap([r], "del" if op == "-" else "ins")
        if state in (DELETED, ADDED):
            revisions.paragraph_mark(p, "del" if state == DELETED else "ins")
    counts = {s: sum(1 for state, _ in items if state == s) for s in (CHANGED, ADDED, DELETED)}
    return writer.save(title), counts
