"""Blocks -> plain text, as a writer pastes it into a mail or a WeChat message.

Body paragraphs are indented with two ideographic spaces, the way Chinese plain-text
drafts are; centred lines (title, subtitle) are left as they are.
"""

from __future__ import annotations

from .. import model as M

INDENT = "\u3000\u3000"
INDENTED = (M.PARAGRAPH, M.LEAD, M.HEADING, M.NOTE, M.ROSTER)


def write(blocks: list[M.Block], title: str = "") -> bytes:
    lines: list[str] = []
    for b in blocks:
        if b.kind == M.PAGEBREAK:
            lines.append("")
        elif b.kind == M.TABLE:
            lines.extend("\t".join(row) for row in b.rows)
        elif b.kind == M.ATTACHMENTS:
            lines.append(INDENT + b.text)
        elif b.kind == M.PRINTED:
            lines.append(b.text.replace("\t", "　　"))
        else:
            lines.append((INDENT if b.kind in INDENTED else "") + b.text)
    return ("\n".join(lines) + "\n").encode("utf-8")
