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

import itertools
import json
import logging
import unicodedata
from functools import lru_cache

from ..fsutil import cache_dir

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
def _jieba():
    import jieba  # ~2 s to load its dictionary: only here, when a title must be broken

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def words(text: str) -> list[str]:
    """The segmenter's words of ``text`` (cached per text)."""
    found = _disk_cache().get(text)
    if found is not None and "".join(found) == text:
        return found
    found = _jieba().lcut(text, HMM=True)
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


def _cost(lines: list[str]) -> float:
    widths = [cells(l) for l in lines]
    mean = sum(widths) / len(widths)
    cost = sum((w - mean) ** 2 for w in widths)
    # an hourglass (a middle line shorter than the lines around it) is not a 梯形 or 菱形
    for i in range(1, len(widths) - 1):
        if widths[i] < widths[i - 1] and widths[i] < widths[i + 1]:
            cost += 50
    # a line that ends with 的 splits a phrase from its head word (……培训班的 / 通知)
    cost += sum(8 for l in lines[:-1] if l.endswith("的"))
    return cost


def break_lines(text: str, width: float) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken at word boundaries and balanced.

    A text with newlines is the writer's own breaking and is returned as it is.
    """
    if "\n" in text:
        return [line for line in (l.strip() for l in text.split("\n")) if line]
    if cells(text) <= width:
        return [text]
    cuts = boundaries(text)
    best: tuple[float, list[str]] | None = None
    least = int(-(-cells(text) // width))
    for n in range(max(2, least), max(2, least) + 2):
        for chosen in itertools.combinations(cuts, n - 1):
            edges = (0, *chosen, len(text))
            lines = [text[a:b] for a, b in zip(edges, edges[1:])]
            if any(cells(l) > width or len(l) < MIN_LINE_CHARS for l in lines):
                continue
            cost = _cost(lines) + 100 * (n - max(2, least))
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best is not None:
            break
    if best is not None:
        return best[1]
    # No word boundary fits (one very long word): break where the line is full.
    lines, line = [], ""
    for ch in text:
        if cells(line + ch) > width and ch not in NO_LINE_START:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines
