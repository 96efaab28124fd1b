"""Blocks -> Markdown, in the same dialect the templates produce (``::: name`` containers)."""

from __future__ import annotations

from .. import model as M


def _inline(block: M.Block) -> str:
    out = ""
    for run in block.runs:
        text = run.text.replace("\t", "\n")
        out += f"**{text}**" if run.bold and text.strip() else text
    return out


def _cell(runs: list[M.Run]) -> str:
    """A table cell with its marks: ~~deleted~~, <u>underlined</u>, **bold**; | and line breaks escaped."""
    out = ""
    for run in runs:
        text = run.text.replace("|", "\\|").replace("\n", "<br>")
        if not text.strip():
            out += text
        elif run.strike:
            out += f"~~{text}~~"
        elif run.underline:
            out += f"<u>{text}</u>"
        else:
            out += f"**{text}**" if run.bold else text
    return out or " "


def write(blocks: list[M.Block], title: str = "") -> bytes:
    parts: list[str] = []
    for b in blocks:
        if b.kind == M.TITLE:
            parts.append(f"# {_inline(b)}".replace("\n", "\u2028"))
        elif b.kind == M.HEADING:
            parts.append(f"{'#' * (b.level + 1)} {_inline(b)}")
        elif b.kind in (M.PARAGRAPH, M.LEAD):
            parts.append(_inline(b))
        elif b.kind == M.PAGEBREAK:
            parts.append("* * *")
        elif b.kind == M.TABLE:
            if b.cells:  # cells with marks (the 对照表); the header row as it is
                rows = [f"| {' | '.join(_cell(c) if r else ''.join(x.text for x in c) for c in row)} |"
                        for r, row in enumerate(b.cells)]
            else:
                rows = [f"| {' | '.join(cell or ' ' for cell in row)} |" for row in b.rows]
            if rows:
                rows.insert(1, "|" + " --- |" * len(b.rows[0]))
            parts.append("\n".join(rows))
        else:
            parts.append(f"::: {b.kind}\n{_inline(b)}\n:::")
    return ("\n\n".join(parts) + "\n").encode("utf-8")
