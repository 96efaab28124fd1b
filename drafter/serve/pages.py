"""An HTML rendering of the document model in GB/T 9704 proportions, for the live preview.

Pages are A4 with the type area of layout.py (156 mm x 225 mm, 22 lines of 28 characters);
the page breaks are estimated from the line count, as a quick preview while typing. The
exact pages are LibreOffice's, shown beside it when LibreOffice is installed.
"""

from __future__ import annotations

import html
import math

from . import library
from .library import layout
from .library import model as M

INDENTED = (M.PARAGRAPH, M.LEAD, M.HEADING, M.NOTE, M.ATTACHMENTS)


def title_lines(block: M.Block) -> list[str]:
    """A title's or subtitle's lines: broken by the function and at the width the .docx uses."""
    return library.title_lines(block.text, subtitle=block.kind == M.SUBTITLE)


def _runs(block: M.Block) -> str:
    out = []
    for run in block.runs:
        text = html.escape(run.text)
        out.append(f"<b>{text}</b>" if run.bold else text)
    return "".join(out)


def _lines(block: M.Block) -> int:
    if block.kind == M.TABLE:
        return 1 + len(block.rows)
    text = block.text
    if block.kind == M.TITLE:
        return len(title_lines(block)) + 1  # and the empty line below it
    if block.kind == M.SUBTITLE:
        return len(title_lines(block))
    if block.kind == M.MASTHEAD:
        return 3
    indent = layout.FIRST_LINE_INDENT_CHARS if block.kind in INDENTED else 0
    return max(1, math.ceil((len(text) + indent) / layout.CHARS_PER_LINE))


def _block_html(block: M.Block) -> str:
    kind = block.kind
    if kind == M.TABLE:
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in block.rows)
        return f'<table class="b-table">{rows}</table>'
    cls = f"b-{kind}" + (f" h{block.level}" if kind == M.HEADING else "")
    if kind == M.MASTHEAD:  # on one line, as the .docx writer sizes it
        width_pt = (layout.PAGE_WIDTH_MM - layout.MARGIN_LEFT_MM - layout.MARGIN_RIGHT_MM) / 25.4 * 72
        size = min(layout.SIZE_MASTHEAD, int(width_pt / max(1, len(block.text))))
        return f'<p class="{cls}" style="font-size:{size}pt">{_runs(block)}</p>'
    if kind == M.DOCNUMBER and "\t" in block.text:  # 发文字号 left, 签发人 right (GB/T 9704-2012 7.2.6)
        left, right = (html.escape(part) for part in block.text.split("\t", 1))
        return f'<p class="{cls} issuer"><span>{left}</span><span>{right}</span></p>'
    if kind in (M.TITLE, M.SUBTITLE):  # the .docx's lines, each kept whole
        lines = "<br>".join(f'<span class="line">{html.escape(line)}</span>' for line in title_lines(block))
        return f'<p class="{cls}">{lines}</p>'
    return f'<p class="{cls}">{_runs(block)}</p>'


def _split(block: M.Block, chars: int) -> tuple[M.Block, M.Block]:
    """A paragraph cut after ``chars`` characters: the part on this page and the rest."""
    head, tail, seen = [], [], 0
    for run in block.runs:
        if seen + len(run.text) <= chars:
            head.append(run)
        elif seen >= chars:
            tail.append(run)
        else:
            cut = chars - seen
            head.append(M.Run(run.text[:cut], run.bold))
            tail.append(M.Run(run.text[cut:], run.bold))
        seen += len(run.text)
    return M.Block(block.kind, head, block.level), M.Block(CONTINUED, tail, block.level)


KEEP_WITH_NEXT = (M.TITLE, M.HEADING, M.SIGNATURE, M.LABEL, M.SALUTATION, M.ADDRESSEE)
CONTINUED = "continued"  # the rest of a paragraph on the next page: no first-line indent


def paginate(blocks: list[M.Block]) -> list[list[M.Block]]:
    pages: list[list[M.Block]] = [[]]
    used = 0
    queue = list(blocks)
    while queue:
        block = queue.pop(0)
        if block.kind == M.PAGEBREAK:
            pages.append([])
            used = 0
            continue
        need = _lines(block)
        room = layout.LINES_PER_PAGE - used
        keep = 1 if block.kind in KEEP_WITH_NEXT and queue and queue[0].kind != M.PAGEBREAK else 0
        if used and need + keep > room:
            if block.kind in (M.PARAGRAPH, M.LEAD, CONTINUED) and room >= 1:
                indent = layout.FIRST_LINE_INDENT_CHARS if block.kind != CONTINUED else 0
                head, rest = _split(block, room * layout.CHARS_PER_LINE - indent)
                pages[-1].append(head)
                queue.insert(0, rest)
            pages.append([])
            used = 0
            if block.kind in (M.PARAGRAPH, M.LEAD, CONTINUED) and room >= 1:
                continue
        pages[-1].append(block)
        used += need
    return [p for p in pages if p] or [[]]


def to_html(blocks: list[M.Block]) -> str:
    """The pages as HTML: each a ``section.page`` with its blocks and the page number."""
    out = []
    for number, page in enumerate(paginate(blocks), 1):
        side = "odd" if number % 2 else "even"
        body = "".join(_block_html(b) for b in page)
        out.append(f'<section class="page" aria-label="第 {number} 页"><div class="area">{body}</div>'
                   f'<div class="folio {side}">— {number} —</div></section>')
    return "".join(out)


def page_css() -> str:
    """The page geometry from layout.py as CSS custom properties."""
    pitch_mm = (layout.PAGE_HEIGHT_MM - layout.MARGIN_TOP_MM - layout.MARGIN_BOTTOM_MM) / layout.LINES_PER_PAGE
    return (":root{"
            f"--page-w:{layout.PAGE_WIDTH_MM}mm;--page-h:{layout.PAGE_HEIGHT_MM}mm;"
            f"--m-top:{layout.MARGIN_TOP_MM}mm;--m-bottom:{layout.MARGIN_BOTTOM_MM}mm;"
            f"--m-left:{layout.MARGIN_LEFT_MM}mm;--m-right:{layout.MARGIN_RIGHT_MM}mm;"
            f"--pitch:{pitch_mm:.3f}mm;--body:{layout.SIZE_BODY}pt;--title:{layout.SIZE_TITLE}pt;"
            f"--masthead:{layout.SIZE_MASTHEAD}pt;--footer:{layout.SIZE_FOOTER}pt;"
            f"--spacing:{layout.CHAR_SPACING_TWENTIETHS / 20}pt;"
            f"--f-body:'{layout.FONT_BODY}','{layout.PREVIEW_SUBSTITUTES[layout.FONT_BODY]}',serif;"
            f"--f-title:'{layout.FONT_TITLE}','{layout.PREVIEW_SUBSTITUTES[layout.FONT_TITLE]}',serif;"
            f"--f-h1:'{layout.FONT_HEADING_1}','{layout.PREVIEW_SUBSTITUTES[layout.FONT_HEADING_1]}',sans-serif;"
            f"--f-h2:'{layout.FONT_HEADING_2}','{layout.PREVIEW_SUBSTITUTES[layout.FONT_HEADING_2]}',serif;"
            f"--red:#{layout.RED};"
            "}")
