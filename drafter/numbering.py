"""The numbering grammar: Chinese numerals both ways, and the sequence markers of
GB/T 9704-2012 7.3.3 (一、 （一） 1. （1）) and of speech practice (一是 一要 首先…最后 第一，第二，).

One module writes markers (templates), reads them at the start of a paragraph (import,
``numbering.sequence``) and inside a paragraph (``numbering.count``, ``numbering.duplicate``),
so rendering, import and check agree on what a marker is. Numbers are always computed from
a position, never typed, so moving a point in an outline renumbers everything after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DIGITS = "零一二三四五六七八九"

# Sub-point styles a writer can choose for a point's sub-points.
STYLE_YISHI = "一是"  # run-in: 一是……二是……
STYLE_YIYAO = "一要"  # run-in: 一要……二要……
STYLE_SHOUXIAN = "首先"  # run-in: 首先……其次……再次……最后……
STYLE_DIYI = "第一，"  # run-in: 第一，……第二，……
STYLE_PAREN = "（一）"  # level-2 heading
STYLE_ARABIC = "1."  # level-3 item
STYLE_ARABIC_PAREN = "（1）"  # level-4 item
STYLES = (STYLE_YISHI, STYLE_YIYAO, STYLE_SHOUXIAN, STYLE_DIYI, STYLE_PAREN, STYLE_ARABIC, STYLE_ARABIC_PAREN)
STYLE_ALIASES = {
    "(一)": STYLE_PAREN,
    "1": STYLE_ARABIC,
    "1.0": STYLE_ARABIC,
    "1、": STYLE_ARABIC,
    "1．": STYLE_ARABIC,
    "(1)": STYLE_ARABIC_PAREN,
    "一是、二是": STYLE_YISHI,
    "一要、二要": STYLE_YIYAO,
    "首先、其次": STYLE_SHOUXIAN,
    "首先/其次/再次/最后": STYLE_SHOUXIAN,
    "第一": STYLE_DIYI,
    "第一,": STYLE_DIYI,
    "第一、第二": STYLE_DIYI,
    "第一，第二": STYLE_DIYI,
}
RUN_IN_STYLES = (STYLE_YISHI, STYLE_YIYAO, STYLE_SHOUXIAN, STYLE_DIYI)
SHOUXIAN_MAX = 4

# The heading level (1-4) that a style's markers stand at, GB/T 9704 7.3.3.
HEADING_LEVEL = {"一、": 1, STYLE_PAREN: 2, STYLE_ARABIC: 3, STYLE_ARABIC_PAREN: 4}


def cn(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一, 105 -> 一百零五 (ordinal form)."""
    if not isinstance(n, int) or isinstance(n, bool) or n < 0 or n > 9999:
        raise ValueError(f"无法写成中文数字：{n!r}")
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    units = ["", "十", "百", "千"]
    out = ""
    digits = str(n)
    zero = False
    for i, ch in enumerate(digits):
        d = int(ch)
        place = len(digits) - 1 - i
        if d == 0:
            zero = True
            continue
        if zero and out:
            out += "零"
        zero = False
        out += DIGITS[d] + units[place]
    return out


def to_int(text: str) -> int:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 九十九 -> 99, "7" -> 7; 0 for what is not a numeral."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in DIGITS + "十" for ch in text):
        return 0
    if "十" not in text:
        return DIGITS.index(text) if len(text) == 1 else 0
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units or "零" in tens + units:
        return 0
    return (DIGITS.index(tens) if tens else 1) * 10 + (DIGITS.index(units) if units else 0)


def cn_count(n: int) -> str:
    """A quantity as spoken before a measure word: 2 -> 两 (两点意见), otherwise as cn()."""
    return "两" if n == 2 else cn(n)


# style -> (format, how the number is written)
_FORMATS = {
    "一、": ("{}、", cn),
    STYLE_PAREN: ("（{}）", cn),
    STYLE_ARABIC: ("{}.", str),
    STYLE_ARABIC_PAREN: ("（{}）", str),
    STYLE_YISHI: ("{}是", cn),
    STYLE_YIYAO: ("{}要", cn),
    STYLE_DIYI: ("第{}，", cn),
}


def marker(index: int, count: int, style: str) -> str:
    """The marker of item ``index`` (1-based) of ``count`` in ``style``."""
    if style == STYLE_SHOUXIAN:
        return shouxian(index, count)
    if style not in _FORMATS:
        raise ValueError(f"未知的序号样式：{style}")
    fmt, write = _FORMATS[style]
    return fmt.format(write(index))


def shouxian(index: int, count: int) -> str:
    if count > SHOUXIAN_MAX:
        raise ValueError(f"“首先/其次/再次/最后”最多 {SHOUXIAN_MAX} 项")
    if index == 1:
        return "首先，"
    if index == count and count > 2:
        return "最后，"
    return ("其次，", "再次，")[index - 2]


# --- reading markers -------------------------------------------------------------------

CN = "[一二三四五六七八九十]{1,3}"  # 三十九 at most: no match runs along a long string of numerals
SHOUXIAN_WORDS = ("首先", "其次", "再次", "最后")
SENTENCE_END = "。！？!?"
CLAUSE_END = SENTENCE_END + "；;：:，,"

# style -> (depth, regex of the marker with its number in group "n"). Depth orders the
# levels: a marker of a shallower depth ends a group of deeper ones. Run-in styles share a
# depth below the four heading levels.
_READ = {
    "一、": (1, rf"(?P<n>{CN})、"),
    STYLE_PAREN: (2, rf"[（(](?P<n>{CN})[）)]"),
    # 1.5 is a number, not a marker; 1.2026年…… is one (a list item whose text opens with a year)
    STYLE_ARABIC: (3, r"(?P<n>[1-9]\d?)[.．、](?:(?![\d%])|(?=(?:19|20)\d\d[ \t]*年))"),
    STYLE_ARABIC_PAREN: (4, r"[（(](?P<n>[1-9]\d?)[）)]"),
    STYLE_YISHI: (5, rf"(?P<n>{CN})是"),
    STYLE_YIYAO: (5, rf"(?P<n>{CN})要"),
    STYLE_SHOUXIAN: (5, r"(?P<n>首先|其次|再次|最后)[，,]"),
    STYLE_DIYI: (5, rf"第(?P<n>{CN})[，,]"),
}
READ_ORDER = tuple(_READ)  # every style a paragraph can open with, in the order they are tried
DEPTH = {style: depth for style, (depth, _) in _READ.items()}
_OPENING = {style: re.compile(rf"(?:\*\*)?{source}") for style, (_, source) in _READ.items()}


@dataclass(frozen=True)
class Marker:
    style: str  # one of READ_ORDER
    number: int  # 1-based; 0 for 最后, whose place is "the last"
    text: str  # the marker as written, without a leading ** and without what follows
    start: int
    end: int  # where the text after the marker begins

    @property
    def depth(self) -> int:
        return DEPTH[self.style]


def _number(style: str, word: str) -> int:
    if style == STYLE_SHOUXIAN:
        return SHOUXIAN_WORDS.index(word) + 1 if word != "最后" else 0
    return to_int(word)


def _marker(style: str, m: re.Match, start: int = 0) -> Marker | None:
    number = _number(style, m.group("n"))
    if number == 0 and style != STYLE_SHOUXIAN:
        return None
    text = m.group()[2:] if m.group().startswith("**") else m.group()
    return Marker(style, number, text, start + m.end() - len(text), start + m.end())


def opening(text: str, styles: tuple[str, ...] = READ_ORDER) -> Marker | None:
    """The marker ``text`` opens with (a bold ``**`` before it is allowed), trying ``styles``
    in order; None when it opens with none, or with a marker numbered 0."""
    for style in styles:
        m = _OPENING[style].match(text)
        if m:
            return _marker(style, m)
    return None


# Markers inside a paragraph: run-in ones at its start or after the end of a clause (统一是
# is no 一是); 首先…最后 followed by a mark or 是/要 (最后这一条 is a reference, not a marker);
# with headings=True also 一、 and （一） after the end of a sentence (a web copy's half-width "."
# too), where a web copy lost the line break before them.
_INLINE = re.compile(rf"(?:^|(?<=[{CLAUSE_END}]))[ \t　]*(?:\*\*)?(?:(?P<a>{CN})(?P<k>[是要])"
                     rf"|(?P<s>首先|其次|再次|最后)(?=[，,、：:是要])|第(?P<d>{CN})(?=[，,]))")
_INLINE_HEADINGS = re.compile(rf"(?:^|(?<=[{SENTENCE_END}；;：:.]))[ \t　]*(?:(?P<h>{CN})、|[（(](?P<p>{CN})[）)])")


def inline(text: str, headings: bool = False) -> list[Marker]:
    """The markers inside a paragraph, in order: run-in ones (一是 二要 首先), and with
    ``headings`` also 一、 and （一） that follow the end of a sentence."""
    return list((_inline_long if len(text) > CACHED_PARAGRAPH else _inline)(text, headings))


CACHED_PARAGRAPH = 2000  # characters: of longer paragraphs, only the last two asked about are kept


def _inline_markers(text: str, headings: bool) -> tuple[Marker, ...]:
    out = []
    for m in _INLINE.finditer(text):
        if m.group("s"):
            style, word, start = STYLE_SHOUXIAN, m.group("s"), m.start("s")
        elif m.group("d"):
            style, word, start = STYLE_DIYI, m.group("d"), m.start("d") - 1
        else:
            style, word, start = (STYLE_YISHI if m.group("k") == "是" else STYLE_YIYAO), m.group("a"), m.start("a")
        number = _number(style, word)
        if number or style == STYLE_SHOUXIAN:
            out.append(Marker(style, number, text[start:m.end()], start, m.end()))
    if headings:
        for m in _INLINE_HEADINGS.finditer(text):
            style, word = ("一、", m.group("h")) if m.group("h") else (STYLE_PAREN, m.group("p"))
            number = to_int(word)
            if number:
                start = m.start("h") if m.group("h") else m.start() + len(m.group()) - len(m.group().lstrip(" \t　"))
                out.append(Marker(style, number, text[start:m.end()], start, m.end()))
        out.sort(key=lambda marker: marker.start)
    return tuple(out)


# Several check rules ask about the same paragraph in turn; a paragraph of a whole pasted page
# is asked about by each of them too, but only the last two such are kept.
_inline = lru_cache(maxsize=1024)(_inline_markers)
_inline_long = lru_cache(maxsize=2)(_inline_markers)


ATTACHMENT_LEAD = re.compile(r"附件[ \t　]*[:：][ \t　]*")


def opening_item(text: str) -> tuple[Marker | None, int]:
    """Like ``opening``, for a paragraph that may open with the 附件说明's label (附件：1. ……):
    the marker, and where it starts."""
    lead = ATTACHMENT_LEAD.match(text)
    skip = lead.end() if lead else 0
    m = opening(text[skip:])
    if m is None:
        return None, 0
    return Marker(m.style, m.number, m.text, m.start + skip, m.end + skip), skip


def alternatives(styles: tuple[str, ...] = READ_ORDER) -> str:
    """A regular expression (source) that matches a marker of any of ``styles``, for finding
    where a marker may begin in text that lost its line breaks; ``opening`` then reads it."""
    return "|".join(f"(?:{_READ[s][1].replace('?P<n>', '')})" for s in styles)


def label(style: str, number: int) -> str:
    """How a marker of ``style`` numbered ``number`` is written, for messages (二是, （三）)."""
    if style == STYLE_SHOUXIAN:
        return SHOUXIAN_WORDS[min(number, 4) - 1] if number else "最后"
    return marker(number, number, style)


def is_run_in(style: str | None) -> bool:
    """Whether sub-points in ``style`` always run into their paragraph (一是 一要 首先)."""
    return style in RUN_IN_STYLES


def renders_run_in(style: str | None, has_subpoints: bool, has_paragraphs: bool) -> bool:
    """Whether a sub-point is written as a bold lead opening a body paragraph rather than as a
    heading line: always in a run-in style; in 1. and （1） when it has a body and nothing below."""
    return is_run_in(style) or (HEADING_LEVEL.get(style or "", 0) >= 3 and not has_subpoints and has_paragraphs)


# --- the divisions of a statute (法规): 第一章 总则, 第二节, 第十二条 ----------------------
# 《立法技术规范（试行）》 (全国人大常委会法工委, 2009) numbers 编、章、节、条 with Chinese numerals
# (第一百零五条), 款 by paragraph without a number, and 项 as （一）（二）: the grammar below
# reads the first three kinds of marker; 项 are read with ``opening`` (STYLE_PAREN).
STATUTE_UNITS = "编章节条"
_STATUTE_NUMBER = r"[一二三四五六七八九十百零]{1,7}|[1-9]\d{0,3}"
_STATUTE = re.compile(rf"[ \t　]*第(?P<n>{_STATUTE_NUMBER})(?P<u>[编章节条])(?:之(?P<s>[一二三四五六七八九十]{{1,3}}))?"
                      rf"(?![一-龥]{{0,2}}[的之]|第|[、和或至])[ \t　]*")
# Inside a paragraph (a statute pasted without line breaks): a division begins after the end
# of a sentence, its marker followed by a space (a 编 or 章 also after a space: the title's end);
# an article also right after a heading's name.
_STATUTE_INSIDE = re.compile(rf"(?<=[。；！？])[ \t　]*(?=第(?:{_STATUTE_NUMBER})[编章节条](?:之[一二三四五六七八九十]{{1,3}})?[ \t　])"
                             rf"|(?<=[ \t　])(?=第(?:{_STATUTE_NUMBER})[编章][ \t　])")
_ARTICLE_AFTER_HEADING = re.compile(rf"(?=第(?:{_STATUTE_NUMBER})条(?:之[一二三四五六七八九十]{{1,3}})?[ \t　])")


def statute_int(word: str) -> int:
    """一百零五 -> 105, 一百一十 -> 110, 一百二十三 -> 123, and whatever ``to_int`` reads; 0 otherwise."""
    if "百" not in word:
        return to_int(word)
    hundreds, _, rest = word.partition("百")
    if len(hundreds) != 1 or hundreds not in DIGITS[1:]:
        return 0
    base = DIGITS.index(hundreds) * 100
    if not rest:
        return base
    if rest.startswith("零"):
        return base + (DIGITS.index(rest[1]) if len(rest) == 2 and rest[1] in DIGITS[1:] else -base)
    tens = to_int(rest)
    return base + tens if tens >= 10 else 0


def statute_marker(unit: str, number: int, sub: int = 0) -> str:
    """第一百零五条, 第三章, 第十条之一 (an article inserted after 第十条 by an amendment that
    keeps the numbers after it): the marker of division ``number`` of kind ``unit`` (编 章 节 条)."""
    if unit not in STATUTE_UNITS:
        raise ValueError(f"未知的法规结构单位：{unit}")
    if number >= 100:
        hundreds, rest = divmod(number, 100)
        word = DIGITS[hundreds] + "百" + ("" if not rest else ("零" + DIGITS[rest] if rest < 10
                                                               else ("一" + cn(rest) if rest < 20 else cn(rest))))
    else:
        word = cn(number)
    return f"第{word}{unit}" + (f"之{cn(sub)}" if sub else "")


@dataclass(frozen=True)
class StatuteMarker:
    unit: str  # 编 章 节 条
    number: int
    end: int  # where the text after the marker (and the space after it) begins
    sub: int = 0  # 之一 -> 1: an article inserted after ``number`` (第十条之一)


def statute_opening(text: str) -> StatuteMarker | None:
    """The 第X编/章/节/条 marker ``text`` opens with, or None for a reference: 第二条的规定,
    第五条第一款, 第八条、第九条, 第十条至第十二条."""
    m = _STATUTE.match(text)
    if not m:
        return None
    number = statute_int(m.group("n"))
    sub = to_int(m.group("s")) if m.group("s") else 0
    return StatuteMarker(m.group("u"), number, m.end(), sub) if number else None


def statute_pieces(text: str) -> list[str]:
    """``text`` cut where a 编/章/节/条 begins inside it (a statute pasted as one paragraph):
    after the end of a sentence, and after a heading's name (第二章　规范第八条　…)."""
    pieces = [p.strip() for p in _STATUTE_INSIDE.split(text) if p.strip()]
    out: list[str] = []
    for piece in pieces:
        head = statute_opening(piece)
        if head is not None and head.unit != "条":
            m = _ARTICLE_AFTER_HEADING.search(piece, head.end)
            if m and m.start() > head.end:
                out.extend([piece[:m.start()].strip(), piece[m.start():]])
                continue
        out.append(piece)
    return out
