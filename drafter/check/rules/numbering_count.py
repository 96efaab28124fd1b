"""numbering.count: an announced count (讲三点意见, 三个方面) that disagrees with the items that follow."""

import re
from bisect import bisect_left

from .numbering_sequence import LEVELS, to_int

ID = "numbering.count"
SEVERITY = "error"
DOC = "点数不符：开头宣布的点数（“我讲三点意见”“从三个方面”）与随后实际列出的项数不一致。"
BASIS = "实务：宣布的点数须与正文一致"
FIXTURES = {
    "bad": ["下面，我讲三点意见。\n一、学习\n二、监督\n三、建设\n四、落实",
            "要从两个方面入手：一是加强学习，二是强化监督，三是改进作风。"],
    "good": ["下面，我讲三点意见。\n一、学习\n（一）读书\n（二）讨论\n二、监督\n三、建设",
             "要增强三种能力：一是学习能力，二是调研能力，三是表达能力。", "这三个方面的工作都很重要。"],
}

ANNOUNCE = re.compile(r"([一二三四五六七八九十两])(?:点|个方面|方面|种|项|条|个)(?:意见|体会|看法|建议|要求|想法|能力|工作)?")
RUN_IN = re.compile(r"(?:^|[。；;：:，,])\s*([一二三四五六七八九十]+)(?:是|要|方面)")
SHOUXIAN = re.compile(r"首先|其次|再次|最后")
HEAD = re.compile(r"[：:。]?\s*$")


def _number(word: str) -> int:
    return 2 if word == "两" else to_int(word)


def _following(paragraphs, index: int) -> int:
    """How many items the paragraphs after ``index`` list at their first (top) level."""
    depth_of = {key: depth for key, depth, _ in LEVELS}
    level, count = None, 0
    for para in paragraphs[index + 1:]:
        for key, depth, pattern in LEVELS:
            if pattern.match(para.text):
                if level is None:
                    level = key
                if key == level:
                    count += 1
                elif depth < depth_of[level]:
                    return count
                break
    return count


class _Levels:
    """_following for every paragraph from one pass over the draft (calling it once per announcing
    paragraph rescanned the rest of the draft each time: quadratic in the paragraphs)."""

    def __init__(self, paragraphs) -> None:
        n = len(paragraphs)
        self.keys: list[str | None] = []
        for para in paragraphs:  # the first LEVELS pattern that matches, as _following takes it
            self.keys.append(next((key for key, _, pattern in LEVELS if pattern.match(para.text)), None))
        depth_of = {key: depth for key, depth, _ in LEVELS}
        self.depth_of = depth_of
        self.next_marked = [n] * (n + 1)
        for j in range(n - 1, -1, -1):
            self.next_marked[j] = j if self.keys[j] else self.next_marked[j + 1]
        self.shallower: dict[int, list[int]] = {}  # depth -> first index at or after j with a smaller depth
        for d in set(depth_of.values()):
            row = [n] * (n + 1)
            for j in range(n - 1, -1, -1):
                key = self.keys[j]
                row[j] = j if key and depth_of[key] < d else row[j + 1]
            self.shallower[d] = row
        self.before: dict[str, list[int]] = {}  # key -> paragraphs with that key before j
        for key in depth_of:
            row, total = [0] * (n + 1), 0
            for j in range(n):
                row[j] = total
                total += self.keys[j] == key
            row[n] = total
            self.before[key] = row

    def following(self, index: int) -> int:
        first = self.next_marked[index + 1] if index + 1 < len(self.next_marked) else len(self.keys)
        if first >= len(self.keys):
            return 0
        key = self.keys[first]
        stop = self.shallower[self.depth_of[key]][first]
        return self.before[key][stop] - self.before[key][first]


RUN_IN_HERE = re.compile(r"\s*([一二三四五六七八九十]+)(?:是|要|方面)")  # RUN_IN's ^ right after an announcement


class _Suffixes:
    """What RUN_IN and SHOUXIAN find after each position of one paragraph, from one pass each
    (rescanning the rest of the paragraph for every announcement made a long paragraph quadratic)."""

    def __init__(self, text: str) -> None:
        runs = [(x.start(), x.group(1)) for x in RUN_IN.finditer(text)]
        self.run_starts = [start for start, _ in runs]
        self.distinct: list[int] = [0] * (len(runs) + 1)  # distinct numerals from the i-th match on
        self.last: dict[str, int] = {}  # numeral -> start of its last match
        seen: set[str] = set()
        for i in range(len(runs) - 1, -1, -1):
            start, word = runs[i]
            self.last.setdefault(word, start)
            seen.add(word)
            self.distinct[i] = len(seen)
        self.shouxian = [x.start() for x in SHOUXIAN.finditer(text)]

    def run_in(self, text: str, pos: int) -> int:
        """len({numerals of RUN_IN.finditer(text[pos:])})"""
        first = bisect_left(self.run_starts, pos)
        count = self.distinct[first]
        here = RUN_IN_HERE.match(text, pos)
        if here and (first == len(self.run_starts) or self.run_starts[first] > pos) \
                and self.last.get(here.group(1), -1) < pos:
            count += 1
        return count

    def shouxian_after(self, pos: int) -> int:
        return len(self.shouxian) - bisect_left(self.shouxian, pos)


def check(draft, ctx):
    paras = draft.paragraphs
    levels = None
    for i, para in enumerate(paras):
        suffixes = None
        for m in ANNOUNCE.finditer(para.text):
            suffixes = suffixes or _Suffixes(para.text)
            announced = _number(m.group(1))
            inline = suffixes.run_in(para.text, m.end())
            if inline:
                counted = inline
            elif suffixes.shouxian_after(m.end()) >= 2:
                counted = suffixes.shouxian_after(m.end())
            elif HEAD.match(para.text, m.end()) and m.group().endswith(("意见", "体会", "看法", "建议", "要求", "想法")):
                levels = levels or _Levels(paras)
                counted = levels.following(i)
            else:
                continue
            if counted and counted != announced:
                yield ctx.finding(ID, SEVERITY, para, m.start(), m.end(),
                                  f"宣布“{m.group()}”，随后实际列出 {counted} 项", BASIS)
