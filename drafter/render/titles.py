"""Breaking a title or subtitle into lines, GB/T 9704-2012 7.3.1 (标题).

The standard asks of a title of more than one line: 回行时，要做到词意完整，排列对称，
长短适宜，间距恰当，标题排列应当使用梯形或菱形. So a line breaks only between words,
no line is one or two characters, the lines are as even as the words allow, and a middle
line is never the shortest (a trapezoid or a diamond, never an hourglass). A writer's own
break (``title`` given as a list of lines, or with a newline) always wins.

Where the words are: a real segmenter, jieba, not the glossary plus rules. Titles are
made of place names, organ names and ordinary words (履职、培训班、第四次会议) that no
glossary of formulations lists, and a wrong break inside such a word is exactly the defect
this module exists to prevent. jieba costs about two seconds to load its dictionary, so it
is imported only when a title is too long for one line, and each title's segmentation is
kept in the user's cache (a title is rendered again and again while a draft is edited).
"""

from __future__ import annotations

import json
import logging
import unicodedata
from functools import lru_cache

from ..files.fs import cache_dir

MIN_LINE_CHARS = 3
# No line starts with these (closing marks, GB/T 15834 and 实务 of Chinese typesetting) …
NO_LINE_START = set("，。、；：？！）》」』】〕”’…—·%")
# … and none ends with these.
NO_LINE_END = set("（《「『【〔“‘")
UNITS_AFTER_DIGITS = set("年月日号届次条款项时分")


def cells(text: str) -> float:
    """Width in character cells: a Chinese character is one, a Latin letter or digit half."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


def _cache_file():
    return cache_dir() / "title-words.json"


@lru_cache(maxsize=1)
def _disk_cache() -> dict:
    try:
        return json.loads(_cache_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


@lru_cache(maxsize=1)
def segmenter():
    """jieba with its dictionary loaded, once per process (titles and the checker's word layer share it)."""
    import jieba  # ~2 s to load its dictionary: only here, when a title must be broken

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def words(text: str) -> list[str]:
    """The segmenter's words of ``text`` (cached per text)."""
    found = _disk_cache().get(text)
    if found is not None and "".join(found) == text:
        return found
    found = segmenter().lcut(text, HMM=True)
    cache = _disk_cache()
    cache[text] = found
    try:
        path = _cache_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        if len(cache) > 5000:
            cache.clear()
            cache[text] = found
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # an unusable cache never fails a render
    return found


def boundaries(text: str) -> list[int]:
    """Offsets where a line may break: between words, never against a punctuation rule."""
    out, pos = [], 0
    tokens = words(text)
    for tok in tokens[:-1]:
        pos += len(tok)
        before, after = text[pos - 1], text[pos]
        if after in NO_LINE_START or before in NO_LINE_END:
            continue
        if before.isdigit() and (after.isdigit() or after in UNITS_AFTER_DIGITS):
            continue
        out.append(pos)
    return out


MAX_BALANCED = 300  # characters: a longer text is no title (the outline's title has at most 200)
HOURGLASS = 50  # cost of a middle line shorter than the lines around it: not a 梯形 or 菱形
DE_AT_END = 8  # cost of a line ending with 的, which splits a phrase from its head (……培训班的 / 通知)


def _line_by_line(text: str, cuts: list[int], n: int, width: float) -> list[str] | None:
    """The cheapest way to break ``text`` into ``n`` lines at ``cuts``, or None when no way fits.

    The cost: the squared distance of each line's width from the mean (the lines as even as
    the words allow), ``HOURGLASS`` for each middle line narrower than both its neighbours,
    ``DE_AT_END`` for each line but the last that ends with 的. No line is wider than ``width``
    or shorter than MIN_LINE_CHARS.

    Found by dynamic programming: for a given ``n`` the mean is fixed, so the cost is a sum
    over lines, plus the hourglass term, which needs only whether a line is narrower than the
    one before it. The states are (line's start, line's end, narrower than the line before):
    the work grows with the text times the cuts one line can span, never with the number of
    ways to break it (a 200-character title has billions)."""
    edges = [0, *cuts, len(text)]
    last = len(edges) - 1
    mean = cells(text) / n
    spans: dict[int, list[tuple[int, float, float]]] = {}  # start edge -> [(end edge, width, cost)]
    for a in range(last):
        spans[a] = []
        for b in range(a + 1, last + 1):
            line = text[edges[a]:edges[b]]
            w = cells(line)
            if w > width:
                break
            if len(line) >= MIN_LINE_CHARS:
                spans[a].append((b, w, (w - mean) ** 2 + (DE_AT_END if b < last and line.endswith("的") else 0)))
    # (start, end, width, narrower than the line before) -> (cost, edges chosen)
    states = {(0, b, w, False): (c, (0, b)) for b, w, c in spans[0]}
    for _ in range(n - 1):
        following: dict[tuple, tuple[float, tuple]] = {}
        for (a, b, w, narrower), (cost, path) in states.items():
            for c, w2, line_cost in spans.get(b, ()):
                total = cost + line_cost + (HOURGLASS if narrower and w < w2 else 0)  # an hourglass at a..b
                key = (b, c, w2, w2 < w)
                if key not in following or (total, path + (c,)) < following[key]:
                    following[key] = (total, path + (c,))
        states = following
    ends = [value for (a, b, w, narrower), value in states.items() if b == last]
    if not ends:
        return None
    path = min(ends)[1]
    return [text[edges[i]:edges[j]] for i, j in zip(path, path[1:])]


def break_lines(text: str, width: float) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken at word boundaries and balanced.

    A text with newlines is the writer's own breaking and is returned as it is.
    """
    if "\n" in text:
        return [line for line in (l.strip() for l in text.split("\n")) if line]
    if cells(text) <= width:
        return [text]
    if len(text) > MAX_BALANCED:
        return _fill(text, width)
    cuts = boundaries(text)
    least = max(2, int(-(-cells(text) // width)))
    for n in (least, least + 1):
        lines = _line_by_line(text, cuts, n, width)
        if lines is not None:
            return lines
    return _fill(text, width)


def _fill(text: str, width: float) -> list[str]:
    """Lines filled to ``width``, broken where a line is full: for one very long word that no
    word boundary divides, and for a text too long to be a title (MAX_BALANCED)."""
    lines, line, used = [], "", 0.0
    for ch in text:
        w = cells(ch)
        if used + w > width and ch not in NO_LINE_START:
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += w
    return [*lines, line] if line else lines
