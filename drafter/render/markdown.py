"""Markdown (as templates produce it) -> document blocks, with markdown-it-py.

Only what a 公文 needs is switched on: headings, paragraphs, ``**bold**``, tables, a
thematic break (a page break) and ``::: name`` containers for the parts Markdown has no
word for (subtitle, salutation, signature, …). Lists, raw HTML, code and links stay off,
so ``1. 要加强……`` in a writer's text is a paragraph, not a list.
"""

from __future__ import annotations

from functools import lru_cache

from .model import (CONTAINERS, DOCNUMBER, HEADING, LEAD, PAGEBREAK, PARAGRAPH, PRINTED, TABLE, TITLE,
                    Block, Run)


def _strong(state, silent: bool) -> bool:
    """``**text**`` as bold, whatever surrounds it.

    CommonMark's flanking rules refuse ``**一是加强学习。**要……`` because the closing
    marker follows punctuation and precedes a letter, which is the normal case in Chinese.
    """
    src, pos = state.src, state.pos
    if not src.startswith("**", pos):
        return False
    end = src.find("**", pos + 2)
    if end < 0 or end == pos + 2:
        return False
    if not silent:
        state.push("strong_open", "strong", 1)
        old_max = state.posMax
        state.pos, state.posMax = pos + 2, end
        state.md.inline.tokenize(state)
        state.posMax = old_max
        state.push("strong_close", "strong", -1)
    state.pos = end + 2
    return True


@lru_cache(maxsize=1)
def parser():
    # markdown-it loads only when Markdown is parsed: `drafter --help` and `check` start faster.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.container import container_plugin

    md = MarkdownIt("zero").enable(["heading", "table", "hr", "escape", "newline"])
    md.inline.ruler.push("cjk_strong", _strong)
    # One container rule for every name (one rule tried per line, not one per name).
    container_plugin(md, "part", validate=lambda params, *_: params.strip() in CONTAINERS)
    return md


def _runs(inline, softbreak: str = "") -> list[Run]:
    runs: list[Run] = []
    bold = 0
    for tok in inline.children or []:
        if tok.type == "strong_open":
            bold += 1
        elif tok.type == "strong_close":
            bold = max(0, bold - 1)
        elif tok.type in ("softbreak", "hardbreak"):
            if softbreak:
                runs.append(Run(softbreak))
        elif tok.content:
            if runs and runs[-1].bold == bool(bold):
                runs[-1].text += tok.content
            else:
                runs.append(Run(tok.content, bool(bold)))
    return runs


def _paragraph_kind(runs: list[Run]) -> str:
    if len(runs) > 1 and runs[0].bold and runs[0].text.strip():
        return LEAD
    return PARAGRAPH


def parse(markdown: str) -> list[Block]:
    tokens = parser().parse(markdown)
    blocks: list[Block] = []
    container: str | None = None
    opened_at = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        t = tok.type
        if t == "container_part_open":
            container, opened_at = tok.info.strip(), len(blocks)
        elif t == "container_part_close":
            if container == DOCNUMBER and len(blocks) == opened_at:
                blocks.append(Block(DOCNUMBER, [Run("")]))  # no 发文字号: the 版头's line and rule stay
            container = None
        elif t == "heading_open":
            level = int(tok.tag[1:])
            runs = _runs(tokens[i + 1])
            if level == 1:  # a writer's own line breaks in the title (U+2028 from the template)
                for run in runs:
                    run.text = run.text.replace("\u2028", "\n")
            blocks.append(Block(TITLE, runs) if level == 1 else Block(HEADING, runs, level=min(level - 1, 4)))
            i += 2
        elif t == "paragraph_open":
            softbreak = "\t" if container in (PRINTED, DOCNUMBER) else ""
            runs = _runs(tokens[i + 1], softbreak)
            if runs:
                blocks.append(Block(container or _paragraph_kind(runs), runs))
            i += 2
        elif t == "hr":
            blocks.append(Block(PAGEBREAK))
        elif t == "table_open":
            rows: list[list[str]] = []
            while tokens[i].type != "table_close":
                if tokens[i].type == "tr_open":
                    rows.append([])
                elif tokens[i].type == "inline":
                    rows[-1].append("".join(r.text for r in _runs(tokens[i])))
                i += 1
            blocks.append(Block(TABLE, rows=rows))
        i += 1
    return blocks
