"""The page plan's keep-chain decisions on the line grid, without a renderer
(drafter/render/pagination.py, Flow.split_chain; measured in LibreOffice by
tests/test_pagination_pdf.py)."""

from __future__ import annotations

import io

import pytest
from docx import Document

from drafter.render import layout, pagination, writers
from drafter.render import model as M


def block(kind: str, text: str, level: int = 0) -> M.Block:
    return M.Block(kind, [M.Run(text)], level)


def lines(n: int) -> M.Block:
    """A body paragraph of ``n`` full lines."""
    return block(M.PARAGRAPH, "文" * (n * layout.CHARS_PER_LINE - layout.FIRST_LINE_INDENT_CHARS))


def document(before: int, *chain: M.Block) -> list[M.Block]:
    """``before`` body lines on page 1, then the blocks of ``chain``."""
    return [lines(before), *chain]


H1 = block(M.HEADING, "一、总体要求", 1)
H2 = block(M.HEADING, "（一）指导思想", 2)
H3 = block(M.HEADING, "1.基本原则", 3)


@pytest.mark.parametrize("free", range(0, 8))
def test_a_chain_never_leaves_more_than_one_empty_line(free):
    """一、 + （一） + 1. + a body paragraph, with ``free`` lines left on the page."""
    blocks = document(layout.LINES_PER_PAGE - free, H1, H2, H3, lines(3))
    unkept = pagination.plan(blocks, layout).unkept
    if free >= 4 or free <= 1:  # it fits, or moving it whole leaves at most one empty line
        assert unkept == frozenset()
    else:  # the first heading(s) stay at the foot with one line empty, the rest moves
        assert unkept == {free - 1}  # 一、 (block 1) with two lines left, 一、+（一） with three


def test_a_heading_is_never_parted_from_its_body():
    """Two lines left, （一） + body: the heading goes down with its text (1 empty line is
    fine, and the keep between a heading and its body is never dropped)."""
    blocks = document(layout.LINES_PER_PAGE - 1, H2, lines(2))
    assert pagination.plan(blocks, layout).unkept == frozenset()
    blocks = document(layout.LINES_PER_PAGE - 2, H1, lines(2))
    assert pagination.plan(blocks, layout).unkept == frozenset()


def test_a_two_line_heading_stays_when_the_next_heading_does_not_fit():
    long = block(M.HEADING, "一、" + "坚持党的领导人民当家作主依法治国有机统一全面加强自身建设", 1)
    assert pagination.wrap(long.text, pagination.body_width(layout), first=2) == 2
    blocks = document(layout.LINES_PER_PAGE - 2, long, H2, lines(2))
    assert pagination.plan(blocks, layout).unkept == {1}


def test_the_signature_chain_keeps_its_heading_unless_that_fills_the_page():
    """7.3.5.5: the last body paragraph goes with the 署名; its heading is left at the foot
    only where that leaves at most one line empty."""
    tail = [block(M.SIGNATURE, "恒阳区人大常委会办公室"), block(M.DATE, "2024年5月8日")]
    for free, expect in ((2, {1}), (5, set()), (6, set())):
        blocks = document(layout.LINES_PER_PAGE - free, H1, lines(1), *tail)
        assert pagination.plan(blocks, layout).unkept == expect, free


def test_the_writer_drops_the_keep_of_the_planned_headings_only():
    blocks = document(layout.LINES_PER_PAGE - 2, H1, H2, lines(2), H3, lines(2))
    doc = Document(io.BytesIO(writers.write(blocks, "docx", title="t")))
    keep = {p.text: p.paragraph_format.keep_with_next for p in doc.paragraphs if p.text in
            (H1.text, H2.text, H3.text)}
    assert keep == {H1.text: False, H2.text: None, H3.text: None}  # None: the style's keep
    assert doc.paragraphs[1].paragraph_format.keep_together is True
