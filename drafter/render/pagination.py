"""Where the blocks of a document fall on GB/T 9704 pages: an estimate on the line grid.

A 公文 page is a grid of 22 lines of 28 characters (GB/T 9704-2012 5.2.3) at an exact line
pitch, so the page on which a block ends can be counted without a renderer: each paragraph's
lines are found by filling 28 cells a line, a Chinese character one cell and a digit or Latin
letter half of one, with the line-start rule of Chinese typesetting (a closing mark never
starts a line: it hangs at the end of a full line, as LibreOffice and Word set it). The
writer uses the count to place the 版记 (``imprint_plan``), to drop the keep-with-next of
headings whose chain would leave a page short (``Flow.split_chain``) and to keep the 署名 with
the 正文 without leaving a page short (``Flow.place``'s ``splittable``, ``squeeze``); it is an
estimate, and the plan leaves a line or two of slack where a wrong count would matter.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from . import model as M
from .titles import NO_LINE_END, NO_LINE_START, break_lines, cells

# Kinds that are kept on the page of the next block (the writer sets keep-with-next on them).
KEEP_NEXT = {M.TITLE, M.SUBTITLE, M.HEADING, M.LABEL}
# Kinds that never stand on a page without the body line before them (7.3.5.5).
KEPT_WITH_PREVIOUS = {M.ATTACHMENTS, M.SIGNATURE, M.DATE, M.NOTE}
IMPRINT = {M.CC, M.PRINTED}
LATIN_CELLS = 0.55
# Kinds whose line pitch the writer may tighten on the 署名's page (7.3.5.5): text on the grid,
# not the title, the 版头 or a table, which keep their own heights.
SQUEEZABLE = {M.PARAGRAPH, M.LEAD, M.HEADING, M.NOTE, M.ATTACHMENTS, M.SALUTATION, M.ADDRESSEE,
              M.LABEL, M.SIGNATURE, M.DATE}
# The tightest pitch, as a share of the grid's: 0.7 of 28.95 pt is 20.3 pt, about a 3号 line
# set single-spaced; a page that would need less leaves its 署名's chain to the next page.
MIN_SQUEEZE = 0.7


def title_width(L) -> int:
    """Characters of the 2号 title in one line of the type area."""
    width_pt = L.TYPE_WIDTH_MM / 25.4 * 72
    return int(width_pt / (L.SIZE_TITLE + L.CHAR_SPACING_TWENTIETHS / 20))


def body_width(L, size: float | None = None) -> int:
    width_pt = L.TYPE_WIDTH_MM / 25.4 * 72
    return int(width_pt / ((size or L.SIZE_BODY) + L.CHAR_SPACING_TWENTIETHS / 20) + 1e-6)


_NARROW = re.compile(r"[\x00-\u10ff]")  # Latin, digits, …: not one full cell
_CELLS: dict[str, float] = {}


def _cell(ch: str) -> float:
    """``cells`` of one character, remembered (wrap asks it for every character)."""
    w = _CELLS.get(ch)
    if w is None:
        w = _CELLS[ch] = cells(ch)
    return w


# Characters one cell wide each (East Asian Wide, Fullwidth or Ambiguous): CJK punctuation,
# the ideographs, the fullwidth forms and the quotation marks, dash and ellipsis of Chinese text.
WIDE = "\u3000-\u303e\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\u2014\u2018\u2019\u201c\u201d\u2026"
# What ``wrap`` lays out as one: a run of digits or Latin letters (never broken), a run of
# wide characters, or any other single character.
_UNITS = re.compile(rf"(?P<latin>[A-Za-z0-9][A-Za-z0-9.\-:/%]*)|(?P<wide>[{WIDE}]+)|.", re.S)


def wrap(text: str, width: float, first: float = 0, left: float = 0) -> int:
    """Lines that ``text`` fills: ``width`` cells a line, the first line indented ``first``."""
    if not text:
        return 1
    if not _NARROW.search(text):
        return _wrap_full_width(text, width, first, left)
    lines, used, prev = 1, first, ""
    for m in _UNITS.finditer(text):
        unit = m.group()
        if m.lastgroup == "wide":
            lines, used, prev = _wrap_run(unit, width, left, lines, used, prev)
            continue
        # digits and Latin letters of a Chinese font are a little wider than half a character
        w = len(unit) * LATIN_CELLS if m.lastgroup == "latin" and len(unit) > 1 else _cell(unit)
        if used + w > width + 1e-9 and used > left:
            if unit[0] in NO_LINE_START and used <= width + 1e-9:
                used += w  # a closing mark hangs at the end of the full line, as LibreOffice sets it
                prev = unit
                continue
            lines += 1
            used = left + (cells(prev) if prev and prev[-1] in NO_LINE_END else 0) + w
        else:
            used += w
        prev = unit
    return lines


def _wrap_run(run: str, width: float, left: float, lines: int, used: float, prev: str) -> tuple[int, float, str]:
    """``wrap`` over a run of ``WIDE`` characters, those that fit on a line taken at once:
    (lines, cells used on the last line, the last character)."""
    pos, n = 0, len(run)
    while pos < n:
        if used + 1 > width + 1e-9 and used > left:
            ch = run[pos]
            if not (ch in NO_LINE_START and used <= width + 1e-9):
                lines += 1
                used = left + (cells(prev) if prev and prev[-1] in NO_LINE_END else 0)
            used += 1
            prev = ch
            pos += 1
            continue
        take = min(max(1, int(width + 1e-9 - used)), n - pos)
        used += take
        pos += take
        prev = run[pos - 1]
    return lines, used, prev


def _wrap_full_width(text: str, width: float, first: float, left: float) -> int:
    """``wrap`` for text of full-width characters only, a line at a time (the common case)."""
    lines, pos, n = 0, 0, len(text)
    while True:
        cap = int(width - (first if lines == 0 else left) + 1e-9)
        lines += 1
        end = pos + max(cap, 1)
        if end >= n:
            return lines
        if text[end] in NO_LINE_START:
            end += 1  # a closing mark hangs at the end of the full line
        elif text[end - 1] in NO_LINE_END and end - 1 > pos:
            end -= 1  # an opening mark goes down with what it opens
        if end >= n:
            return lines
        pos = end


class Flow:
    """Lay blocks onto pages of ``L.LINES_PER_PAGE`` grid lines."""

    def __init__(self, L) -> None:
        self.L = L
        self.page, self.used = 1, 0.0
        self.chain = 0.0  # lines at the foot of the page that keep with the next block
        # the blocks of that chain: (index, lines with the space before, whose keep may be dropped)
        self.links: list[tuple[int, float, bool]] = []
        self.unkept: set[int] = set()  # blocks whose keep-with-next the writer drops
        self.signature_chain: int | None = None  # index of the block that starts the 署名's chain
        self.signature_end: int | None = None  # index of the chain's last block (成文日期 or 附注)
        self.start: dict[int, int] = {}  # page on which each block's first line stands
        self.size: dict[int, float] = {}  # lines of each block, with the space before it
        self.ends: dict[int, float] = {}  # lines used on its last page when each block ends
        self.moved: set[int] = set()  # blocks moved to the next page with a keep chain
        self.opens: dict[int, int] = {}  # page -> the block whose first line opens it
        self.filled: dict[int, float] = {}  # lines used on each page the flow has left

    @property
    def lines(self) -> int:
        return self.L.LINES_PER_PAGE

    def new_page(self) -> None:
        self.filled[self.page] = self.used
        self.page += 1
        self.used = 0.0

    def place(self, height: float, *, before: float = 0, keep_next: bool = False,
              page_break: bool = False, index: int = -1, droppable: bool = False,
              splittable: bool = False) -> None:
        """Place block ``index`` of ``height`` lines after ``before`` lines of space.

        A block whose first line does not fit starts the next page (a block kept with the next:
        one that does not fit whole, unless it is longer than a page); the blocks before it that
        keep with the next (a heading, the line before the 署名) go with it, whole, as a
        renderer moves a chain of keep-with-next paragraphs — unless the chain would leave
        more than one grid line empty at the foot of the page: then ``split_chain`` leaves its
        first headings there. ``droppable``: the block is a heading whose keep may be dropped.

        ``splittable``: the block is the last body paragraph before the 署名's chain, kept with
        it so that the 署名 never stands without 正文 (7.3.5.5). When it does not fit whole but
        would run on with two lines or more on the next page, its keep is dropped: it fills
        this page and the lines that run on stand above the 署名 (two, so that a count one
        line off still leaves one), which keeps this page full without ``squeeze``."""
        if page_break:
            self.new_page()
            self.chain = 0.0
            self.links = []
            before = 0
        # a block kept with the next goes to the next page whole, as LibreOffice moves it
        need = height if keep_next and height <= self.lines else min(height, 1)
        fit = self.lines - self.used - before
        if splittable and keep_next and self.used > 0 and 1 - 1e-9 <= fit < height - 2 + 1e-9:
            self.unkept.add(index)
            keep_next, need = False, 1
        if self.used > 0 and self.used + before + need > self.lines + 1e-9:
            carried = self.chain if self.chain < self.used else 0.0
            if carried:
                carried = self.split_chain(carried, heading_next=droppable and keep_next)
            else:
                self.links = []
            self.used -= carried
            self.new_page()
            self.used = carried
            for moved, _, _ in self.links:
                self.start[moved] = self.page
                self.moved.add(moved)
            if carried:
                self.opens[self.page] = self.links[0][0]
            else:
                before = 0
        if self.used == 0:
            self.opens.setdefault(self.page, index)
        start_page = self.page
        self.start[index] = start_page
        self.size[index] = before + height
        total = self.used + before + height
        while total > self.lines + 1e-9:  # a long paragraph runs on over pages
            total -= self.lines
            self.page += 1
        if keep_next:
            if self.page == start_page:
                self.chain += before + height
                self.links.append((index, before + height, droppable))
            else:  # only the part of the block on its last page is kept with the next
                self.chain = total
                self.links = [(index, total, False)]
        else:
            self.chain = 0.0
            self.links = []
        self.used = self.ends[index] = total

    def split_chain(self, carried: float, heading_next: bool = False) -> float:
        """Lines of the keep chain that go to the next page, after dropping keeps if needed.

        GB/T 9704-2012 5.2.3 fills every page with 22 lines (撑满版心); 实务: a heading is not
        left at the foot of a page without its text, which is why headings keep with the next
        block. When a chain of them (一、 + （一） + the first body line) moves whole, the lines it
        leaves empty are ``free``. One is fine; with two or more, the writer drops the keep of
        the chain's first headings so that they stay at the foot and the rest of the chain (the
        last heading with its body, at the least) moves: the first heading whose drop leaves at
        most one line empty, so that as few headings as possible stand apart from their text.

        The aim is one empty line, not none: with 1-line headings, a count that is one line
        off then leaves 0 or 2 lines empty, never the whole chain's height, and a dropped keep
        can never make a page end earlier than the whole chain would (the headings left at
        the foot still keep with each other, and all go down together if they do not fit).
        The 署名's chain (7.3.5.5: the last body line keeps with the 署名) is never split
        there: only headings' keeps are dropped, and only where that leaves at most one empty
        line — otherwise ``squeeze`` keeps the whole chain on the page, and a heading left
        alone at its foot would not fill it either.

        The last block of the chain keeps with the block that does not fit; its keep is dropped
        only when that block is a heading too (``heading_next``: the chain goes on below it),
        never between a heading and its body text."""
        free = self.lines - (self.used - carried)
        if free < 2 - 1e-9:
            return carried
        stay, best = 0.0, None
        links = self.links if heading_next else self.links[:-1]
        for n, (index, lines, droppable) in enumerate(links):
            stay += lines
            if stay > free + 1e-9:
                break
            if droppable and index >= 0:
                best = (n, stay)
                if free - stay <= 1 + 1e-9:
                    break
        if best is None or free - best[1] > 1 + 1e-9:
            return carried
        n, stay = best
        self.unkept.add(self.links[n][0])
        self.links = self.links[n + 1:]
        return carried - stay


def heights(b: M.Block, L, prev: M.Block | None = None) -> tuple[float, float]:
    """(space before, lines) of a block on the grid."""
    width = body_width(L)
    indent = L.FIRST_LINE_INDENT_CHARS
    k = b.kind
    if k == M.TITLE:
        return 0, len(break_lines(b.text, title_width(L))) + 1
    if k == M.SUBTITLE:
        return 0, len(break_lines(b.text, width))
    if k == M.MASTHEAD:
        return (1 if prev is not None and prev.kind == M.MARK else 0), 2
    if k == M.MARK:
        return 0, 1
    if k == M.DOCNUMBER:
        # the 发文字号 line, the line after it (the red rule's) and the first of the two empty
        # lines under the rule (7.3.1: the title stands 红色分隔线下空二行; the title's own count
        # has the second), as LibreOffice sets them on the grid
        return 0, 3
    if k in (M.PARAGRAPH, M.LEAD) and is_form_line(b, prev):
        return 0, 1
    if k in (M.PARAGRAPH, M.LEAD, M.HEADING, M.NOTE):
        return 0, wrap(b.text, width, first=indent)
    if k == M.ATTACHMENTS:
        first = prev is None or prev.kind != M.ATTACHMENTS
        return (1 if first else 0), wrap(b.text, width, first=indent, left=indent + 3)
    if k in (M.SALUTATION, M.ADDRESSEE, M.LABEL):
        return 0, wrap(b.text, width)
    if k == M.SIGNATURE:
        return 2, 1
    if k == M.DATE:
        return 0, 1
    if k == M.TABLE:
        rows = len(b.rows)
        return 0, math.ceil(rows * 567 / L.LINE_PITCH_TWIPS)
    if k in IMPRINT:
        return 0, wrap(b.text, body_width(L, L.SIZE_IMPRINT) - 2)
    return 0, 0


# A line of a form under a table: labels each followed by blanks to fill in by hand
# (填报单位（盖章）：　　　　填报人：　　　联系电话：), laid out with tab stops on one line.
FORM_LINE = re.compile(r"^(?:[^\u3000\s]+[：:][\u3000 ]{2,})+[^\u3000\s]+[：:][\u3000 ]*$")


def is_form_line(b: M.Block, prev: M.Block | None) -> bool:
    return (b.kind in (M.PARAGRAPH, M.LEAD) and prev is not None and prev.kind in (M.TABLE, M.PARAGRAPH)
            and bool(FORM_LINE.match(b.text)))


def flow(blocks: list[M.Block], L, tight: Squeeze | None = None) -> Flow:
    """The flow after ``blocks``: the page the last one ends on, and the lines used there.

    ``tight``: blocks set at a smaller pitch (``squeeze``). The flow also notes where the keep
    chain that ends with the 署名 block starts (``signature_chain``) and the chain's last
    block (``signature_end``)."""
    f = Flow(L)
    share = tight.pitch / L.LINE_PITCH_TWIPS if tight else 1.0
    page_break = False
    for i, b in enumerate(blocks):
        if b.kind == M.PAGEBREAK:
            page_break = True
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        before, height = heights(b, L, blocks[i - 1] if i else None)
        if tight and i in tight.blocks:
            before, height = before * share, height * share
        keep = keeps_with_next(b, nxt)
        f.place(height, before=before, keep_next=keep, page_break=page_break, index=i,
                droppable=b.kind == M.HEADING, splittable=b.kind in (M.PARAGRAPH, M.LEAD) and keep
                and nxt is not None and nxt.kind in KEPT_WITH_PREVIOUS)
        page_break = False
        if b.kind == M.SIGNATURE:
            f.signature_chain = f.links[0][0] if f.links and f.links[0][0] >= 0 else i
        if f.signature_chain is not None and b.kind in (M.SIGNATURE, M.DATE, M.NOTE) \
                and f.signature_end in (None, i - 1):
            f.signature_end = i
    return f


def keeps_with_next(b: M.Block, nxt: M.Block | None) -> bool:
    """Whether the writer marks ``b`` keep-with-next: headings and titles by their style, the
    署名 with its date, and the block before an 附件说明, 署名, 成文日期 or 附注."""
    return b.kind in KEEP_NEXT or b.kind == M.SIGNATURE or (
        nxt is not None and nxt.kind in KEPT_WITH_PREVIOUS)


@dataclass
class ImprintPlan:
    """How the writer places the 版记, GB/T 9704-2012 7.4.1 and 7.5.

    ``section_break``: start a new section on the next even page; ``numbered``: whether that
    section's pages carry page numbers; ``filler``: empty grid lines before the 版记 so that
    its last rule sits at the foot of the type area.
    """

    section_break: bool
    numbered: bool
    filler: int


@dataclass
class Squeeze:
    """The 署名's page set tighter (GB/T 9704-2012 7.3.5.5): ``blocks`` are written at an exact
    line pitch of ``pitch`` twips, off the document grid; ``opens``: the block that starts
    that page, given a page break, or None when the page opens with an unsqueezed line."""

    blocks: frozenset[int]
    pitch: int
    opens: int | None = None


@dataclass
class Plan:
    """The writer's page decisions: the 版记's place, the headings whose keep-with-next is
    dropped at a page foot (``Flow.split_chain``) and the 署名's page set tighter (``squeeze``)."""

    imprint: ImprintPlan | None
    unkept: frozenset[int] = frozenset()
    squeeze: Squeeze | None = None


def plan(blocks: list[M.Block], L) -> Plan:
    """Page decisions for a whole document."""
    at = next((i for i, b in enumerate(blocks) if b.kind in IMPRINT), None)
    before = blocks if at is None else blocks[:at]
    f = flow(before, L)
    tight = squeeze(f, before, L)
    if tight is not None:
        f = flow(before, L, tight)
    unkept = frozenset(f.unkept)
    if at is None:
        return Plan(None, unkept, tight)
    need = sum(heights(b, L)[1] for b in blocks[at:] if b.kind in IMPRINT)
    return Plan(imprint_plan(f.page, f.used, need, L), unkept, tight)


def squeeze(f: Flow, blocks: list[M.Block], L) -> Squeeze | None:
    """The pitch that keeps the 署名's chain on the page of the 正文 before it, if it is needed.

    GB/T 9704-2012 7.3.5.5 (特殊情况说明): when the space left on the page cannot hold the
    署名 (with its seal) and the 成文日期, 调整行距、字距 so that they stay on the page of the
    正文. drafter keeps the last body paragraph with the 署名 (keep-with-next), and a renderer
    moves such a chain whole, so without this the chain (often a heading, its paragraph, the
    附件说明, the 署名, the date and the 附注) would start the next page and leave this one
    several lines short, against 5.2.3 (撑满版心).

    Two cases: the chain was moved to a new page and left two or more lines empty behind it,
    or it ends on the very last line of its page, where a renderer may decide either way.
    Then the text that starts on that page (the body paragraphs and headings before the
    chain, and the chain itself) is set at a smaller exact pitch so that all of it fits with
    one tightened line to spare, for a count that is one line short. Lines of a block that
    starts on an earlier page, titles and tables keep their heights. The block that opens the
    page is given a page break: set smaller, it (or the keep chain that a renderer moved to
    this page with it) might otherwise fit at the foot of the page before. Character spacing
    is left as it is: narrower characters would break the 28 a line of the other pages.

    ``None`` when the chain fits, when there is no 署名, or when the page would have to be
    tighter than ``MIN_SQUEEZE`` (the chain then starts the next page, as before)."""
    first, last = f.signature_chain, f.signature_end
    if first is None or last is None:
        return None
    chain = range(first, last + 1)
    if first in f.moved:
        page = f.start[first] - 1
        on_page = f.filled[page]
        if L.LINES_PER_PAGE - on_page < 2 - 1e-9:
            return None  # at most one line empty: the page is full enough
    else:
        page, on_page = f.start[last], f.ends[last]
        if any(f.start.get(i) != page for i in chain) or on_page < L.LINES_PER_PAGE - 1 + 1e-9:
            return None
    chosen = [i for i in range(last + 1) if blocks[i].kind in SQUEEZABLE
              and (f.start.get(i) == page or i in chain)]
    fixed = on_page - sum(f.size[i] for i in chosen if f.start[i] == page)
    share = (L.LINES_PER_PAGE - fixed) / (sum(f.size[i] for i in chosen) + 1)
    if not MIN_SQUEEZE <= share < 1:
        return None
    top = f.opens.get(page) if page > 1 else None
    return Squeeze(frozenset(chosen), int(L.LINE_PITCH_TWIPS * share), top if top in chosen else None)


def imprint_plan(page: int, used: float, need: float, L) -> ImprintPlan:
    """Where the 版记 of ``need`` lines goes, when the body ends on ``page`` with ``used`` lines.

    GB/T 9704-2012 7.4.1: the last rule of the 版记 coincides with the lower edge of the
    type area on the last page. 实务: documents are printed on both sides, so that page is an
    even page. 7.5: when a blank page precedes the 版记 page, neither carries a page number.

    - the body ends on an even page with room: the 版记 goes to the foot of that page;
    - it ends on an odd page: a section that starts on the next (even) page, numbered;
    - it ends on an even page without room: a section that starts on the next even page,
      after a blank page, neither page numbered.
    The section starts "on an even page" in the document itself, so a miscounted page turns
    into a blank page, never into a 版记 on an odd page.
    """
    free = L.LINES_PER_PAGE - used
    slack = 1  # borders and a possible miscount
    if page % 2 == 0 and free >= need + slack + 1 and used > 0:
        return ImprintPlan(False, True, int(free - need - slack))
    fresh = int(L.LINES_PER_PAGE - need - slack)
    return ImprintPlan(True, page % 2 == 1, fresh)
