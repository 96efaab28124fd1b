"""Synthetic corruption eval of `drafter check` (issue #21) -- first part: the injectors.

Each injector takes a clean sentence and a seeded random.Random and returns
(new_text, (start, end)) with the span in new_text that holds the change, or None
when the sentence offers no place for that class. The driver (reading the clean
base, running check, scoring) is not written yet.
"""
from __future__ import annotations

import random
import re

_CN_DIGITS = "〇一二三四五六七八九"


def inject_halfwidth_punct(text: str, rng: random.Random):
    spots = [m.start() for m in re.finditer("[，。]", text)]
    if not spots:
        return None
    i = rng.choice(spots)
    ch = "," if text[i] == "，" else "."
    return text[:i] + ch + text[i + 1:], (i, i + 1)


def inject_doubled_word(text: str, rng: random.Random):
    spots = [m.start() for m in re.finditer("[\u4e00-\u9fff]{2}", text)]
    if not spots:
        return None
    i = rng.choice(spots)
    word = text[i:i + 2]
    return text[:i] + word + text[i:], (i, i + 4)


def inject_unpaired_bracket(text: str, rng: random.Random):
    spots = [m.start() for m in re.finditer("[）」”》]", text)]
    if not spots:
        return None
    i = rng.choice(spots)
    start = max(0, i - 1)
    return text[:i] + text[i + 1:], (start, i)


def inject_zero_in_year(text: str, rng: random.Random):
    m = list(re.finditer("[一二三四五六七八九〇]{4}年", text))
    if not m:
        return None
    hit = rng.choice(m)
    s = hit.group(0)
    if "〇" not in s:
        return None
    new = s.replace("〇", "0", 1)
    return text[:hit.start()] + new + text[hit.end():], (hit.start(), hit.end())


def inject_placeholder(text: str, rng: random.Random):
    i = rng.randrange(len(text) + 1)
    mark = rng.choice(["××", "xx", "XX"])
    return text[:i] + mark + text[i:], (i, i + len(mark))


def inject_approx_twice(text: str, rng: random.Random):
    m = list(re.finditer(r"约(\d+(?:\.\d+)?(?:万|亿)?[^\d，。；]{0,3})", text))
    if not m:
        return None
    hit = rng.choice(m)
    end = hit.end()
    return text[:end] + "左右" + text[end:], (hit.start(), end + 2)


INJECTORS = {
    "halfwidth_punct": inject_halfwidth_punct,
    "doubled_word": inject_doubled_word,
    "unpaired_bracket": inject_unpaired_bracket,
    "zero_in_year": inject_zero_in_year,
    "placeholder": inject_placeholder,
    "approx_twice": inject_approx_twice,
}
