"""The page plan's keep-chain decisions on the line grid, without a renderer
(drafter/render/pagination.py, Flow.split_chain; measured in LibreOffice by
tests/test_pagination_pdf.py)."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from docx import Document
from docx.oxml.ns import qn

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


SIGNATURE = [block(M.SIGNATURE, "恒阳区人大常委会办公室"), block(M.DATE, "2024年5月8日")]
CHAIN = 1 + 2 + 3 + 1  # 一、, its 2-line paragraph, the 署名 with two lines above it, the date


def ends(blocks: list[M.Block], tight) -> tuple[int, float]:
    f = pagination.flow(blocks, layout, tight)
    return f.page, f.used


@pytest.mark.parametrize("free", range(2, CHAIN + 1))
def test_the_signature_chain_is_kept_on_the_page_of_its_text_by_a_smaller_pitch(free):
    """7.3.5.5: rather than move to the next page with its heading and paragraph, leaving two
    or more lines empty, the 署名's chain stays on the page, set at a smaller pitch with one
    tightened line to spare; where it fits to the very last line, the pitch is tightened too."""
    blocks = document(layout.LINES_PER_PAGE - free, H1, lines(2), *SIGNATURE)
    tight = pagination.plan(blocks, layout).squeeze
    assert tight is not None and tight.blocks >= {1, 2, 3, 4}
    share = tight.pitch / layout.LINE_PITCH_TWIPS
    assert pagination.MIN_SQUEEZE <= share < 1
    page, used = ends(blocks, tight)
    assert page == 1 and layout.LINES_PER_PAGE - 1.5 * share <= used <= layout.LINES_PER_PAGE - share + 1e-6
    assert tight.opens is None  # the first page needs no break before it


def test_a_chain_that_fills_the_page_under_a_run_on_paragraph_is_squeezed():
    """The page's lines include those of a paragraph begun on the page before."""
    # 15 lines run on to page 2, then the chain's 7 to its last line
    blocks = [lines(2 * layout.LINES_PER_PAGE - CHAIN), H1, lines(2), *SIGNATURE]
    tight = pagination.plan(blocks, layout).squeeze
    assert tight is not None and tight.blocks == {1, 2, 3, 4}
    assert ends(blocks, tight)[0] == 2


@pytest.mark.parametrize("free", [0, 1, CHAIN + 1, CHAIN + 4])
def test_no_squeeze_where_the_chain_fits_or_leaves_one_line(free):
    blocks = document(layout.LINES_PER_PAGE - free, H1, lines(2), *SIGNATURE)
    assert pagination.plan(blocks, layout).squeeze is None


def test_a_squeezed_later_page_starts_with_a_page_break():
    """The block that opens the squeezed page is given a page break: set smaller, it would
    otherwise fit at the foot of the page before."""
    blocks = [lines(layout.LINES_PER_PAGE), *document(layout.LINES_PER_PAGE - 4, H1, lines(2), *SIGNATURE)]
    tight = pagination.plan(blocks, layout).squeeze
    assert tight is not None and tight.opens == 1 and ends(blocks, tight)[0] == 2


def test_a_long_last_paragraph_runs_on_to_the_signature_instead():
    """A paragraph that would leave two or more of its lines on the next page is not kept
    with the 署名: it fills the page and those lines stand above the 署名."""
    blocks = document(layout.LINES_PER_PAGE - 4, H1, lines(6), *SIGNATURE)
    decided = pagination.plan(blocks, layout)
    assert decided.unkept == {2} and decided.squeeze is None
    assert ends(blocks, None) == (2, 3 + 3 + 1)
    blocks = document(layout.LINES_PER_PAGE - 4, H1, lines(4), *SIGNATURE)  # 1 line would run on
    decided = pagination.plan(blocks, layout)
    assert decided.unkept == set() and decided.squeeze is not None


def test_no_squeeze_tighter_than_the_floor(monkeypatch):
    """Three attachments, a 附注 and two lines left: keeping the chain would take a pitch under
    MIN_SQUEEZE (22 lines for 32 and one to spare), so the chain starts the next page."""
    attachments = [block(M.ATTACHMENTS, "附件：1.报名回执"), block(M.ATTACHMENTS, "2.日程安排"),
                   block(M.ATTACHMENTS, "3.乘车路线")]
    blocks = document(layout.LINES_PER_PAGE - 2, H1, lines(2), *attachments, *SIGNATURE,
                      block(M.NOTE, "（联系人：李华）"))
    assert pagination.plan(blocks, layout).squeeze is None
    monkeypatch.setattr(pagination, "MIN_SQUEEZE", 0.65)  # a lower floor would allow it
    tight = pagination.plan(blocks, layout).squeeze
    assert tight is not None and tight.pitch == int(layout.LINE_PITCH_TWIPS * 22 / 33)


def test_the_writer_sets_the_squeezed_page_off_the_grid():
    blocks = [lines(layout.LINES_PER_PAGE), *document(layout.LINES_PER_PAGE - 4, H1, lines(2), *SIGNATURE)]
    tight = pagination.plan(blocks, layout).squeeze
    doc = Document(io.BytesIO(writers.write(blocks, "docx", title="t")))
    paragraphs = doc.paragraphs
    for n, p in enumerate(paragraphs):
        pf = p.paragraph_format
        if n in tight.blocks:
            assert pf.line_spacing.twips == tight.pitch and p._p.pPr.find(qn("w:snapToGrid")) is not None
        else:
            assert pf.line_spacing is None  # the style's: the grid's pitch
    assert paragraphs[1].paragraph_format.page_break_before is True
    assert paragraphs[4].paragraph_format.space_before.twips == 2 * tight.pitch  # the 署名's two lines
    assert paragraphs[3].paragraph_format.keep_with_next is True  # the paragraph before the 署名


def wrap_by_character(text: str, width: float, first: float = 0, left: float = 0) -> int:
    """``pagination.wrap`` as it was first written, a unit at a time: the reference."""
    from drafter.render.titles import NO_LINE_END, NO_LINE_START, cells
    lines, used, prev, i = 1, first, "", 0
    while i < len(text):
        j = i + 1
        if text[i].isascii() and text[i].isalnum():
            while j < len(text) and text[j].isascii() and (text[j].isalnum() or text[j] in ".-:/%"):
                j += 1
        unit = text[i:j]
        w = cells(unit) if j == i + 1 else len(unit) * pagination.LATIN_CELLS
        if used + w > width + 1e-9 and used > left:
            if unit[0] in NO_LINE_START and used <= width + 1e-9:
                used, prev, i = used + w, unit, j
                continue
            lines += 1
            used = left + (cells(prev) if prev and prev[-1] in NO_LINE_END else 0) + w
        else:
            used += w
        prev, i = unit, j
    return lines


WIDE = "人民代表大会制度，。、；：（）“”《》—…\u3400\uff5e"
# runs of Chinese text (now and then with a narrow space in them) between digits and Latin words
MIXED = st.lists(st.one_of(st.text(WIDE, min_size=1, max_size=70), st.text(WIDE + "\u2002", max_size=30),
                           st.text("0123456789abcXY.-:/% \u00b7", min_size=1, max_size=8)),
                 min_size=1, max_size=20).map("".join)


@settings(max_examples=300, deadline=None)
@given(MIXED, st.sampled_from([28, 27, 20.5]), st.sampled_from([0, 2]), st.sampled_from([0, 2, 5]))
def test_wrap_takes_a_line_at_a_time_as_the_reference_counts(text, width, first, left):
    if not pagination._NARROW.search(text):
        text += "1"  # the mixed path
    assert pagination.wrap(text, width, first, left) == wrap_by_character(text, width, first, left)


def test_the_wide_characters_are_one_cell_each():
    """``pagination.WIDE`` lists only characters that ``titles.cells`` counts as one cell."""
    import re
    from drafter.render.titles import cells
    ranges = re.findall(r"(.)(?:-(.))?", pagination.WIDE)
    chars = [chr(c) for a, b in ranges for c in range(ord(a), ord(b or a) + 1)]
    assert len(chars) > 27000 and all(cells(c) == 1 for c in chars)
