"""Import, stage 1: a draft's lines without web-copy residue or invisible control characters.

The residue is what the checker's ``noise`` rule finds; a line whose middle a site hid
(---此处隐藏1234字---) is kept as its two parts with ``GAP`` between them. A web copy that ends
its sentences with "." and separates clauses with "," is read as if they were "。" and "，" where
the checker's ``punctuation`` rule finds them (not 3.5, 1., 2024.5.6 or an address): the
structure is read from sentence ends (``full_width``); the outline keeps the marks as written,
for ``drafter check --fix`` to correct."""

from __future__ import annotations

import re

import yaml

from ..check import fixed_text
from ..check.glossary import Glossary, shipped_voices
from ..check.rules import Context, noise, punctuation
from ..documents import draft_from_lines, read_draft

# --- reading and cleaning -------------------------------------------------------------

def read_lines(path: str) -> list[str]:
    draft = read_draft(path)
    return [p.text for p in draft.paragraphs]


GAP = object()  # where a site hid text (---此处隐藏1234字---): kept apart in the cleaned lines


# The punctuation rule's fixes the structure is read with: the full stop and the comma a web
# copy writes half-width, one character for one (".。" keeps its "."; the 。 ends the sentence).
SENTENCE_MARKS = frozenset({".", ","})


def full_width(lines: list) -> tuple[list, int]:
    """``lines`` (GAP kept where it is) with the half-width full stops and commas the punctuation
    rule finds made full-width, character for character, and how many were."""
    at = [i for i, line in enumerate(lines) if line is not GAP]
    texts = [lines[i] for i in at]
    draft = draft_from_lines("<import>", texts)
    fixes = [one for f in punctuation.check(draft, Context(draft, Glossary())) for one in f.each()
             if one.match in SENTENCE_MARKS]
    if not fixes:
        return lines, 0
    fixed = fixed_text("\n".join(texts), fixes).split("\n")
    out = list(lines)
    for i, text in zip(at, fixed):
        out[i] = text
    return out, len(fixes)


def clean(lines: list[str]) -> tuple[list[str], list[str]]:
    """Lines without web-copy residue or invisible control characters, and what was removed."""
    cleaned, removed = _clean(lines)
    return [line for line in cleaned if line is not GAP], removed


def _clean(lines: list[str]) -> tuple[list, list[str]]:
    """As clean(), with GAP between the two parts of a line whose middle a site hid."""
    invisible = yaml.reader.Reader.NON_PRINTABLE  # what no outline may hold either
    removed_chars = [ch for line in lines for ch in invisible.findall(line)]
    lines = [invisible.sub("", line) for line in lines]
    draft = draft_from_lines("<import>", lines)
    ctx = Context(draft, shipped_voices())  # noise's words of a site's voice; no other entry is asked
    spans: dict[int, list[tuple[int, int]]] = {}
    for f in noise.check(draft, ctx):
        spans.setdefault(f.paragraph, []).append((f.offset, f.offset + f.length))
    out: list = []
    removed = [f"控制字符 U+{ord(c):04X}" for c in removed_chars]
    for para in draft.paragraphs:
        cut = sorted(spans.get(para.number, []))
        if not cut:
            out.append(para.text)
            continue
        parts, kept, pos = [], "", 0
        for start, end in cut:
            kept += para.text[pos:start]
            removed.append(para.text[start:end])
            if "此处隐藏" in para.text[start:end]:
                parts.append(kept)
                kept = ""
            pos = max(pos, end)
        kept += para.text[pos:]
        parts.append(kept)
        whole = "".join(parts)
        letters = len(re.findall(r"[\u4e00-\u9fff]", whole))
        if letters < 4 or letters < 0.5 * len(re.findall(r"[\u4e00-\u9fff]", para.text)):
            if whole.strip():
                removed.append(whole.strip())  # the rest of a residue line: ，或代笔。
            if len(parts) > 1:
                out.append(GAP)
            continue
        for n, part in enumerate(parts):
            if n:
                out.append(GAP)
            if part.strip():
                out.append(part.strip())
    return out, removed


