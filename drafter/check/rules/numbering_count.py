"""numbering.count: an announced count (我讲三点意见, 从三个方面) that disagrees with the items that follow."""

import re
from bisect import bisect_left

from ... import numbering

ID = "numbering.count"
SEVERITY = "error"
DOC = "点数不符：开头宣布的点数（“我讲三点意见”“从三个方面”“以下三项”）与随后实际列出的项数不一致。"
BASIS = "实务：宣布的点数须与正文一致"
FIXABLE = False
FIXTURES = {
    "bad": ["下面，我讲三点意见。\n一、学习\n二、监督\n三、建设\n四、落实",
            "要从两个方面入手：一是加强学习，二是强化监督，三是改进作风。",
            "重点抓好以下三项工作：\n一是加强学习。\n二是强化监督。"],
    "good": ["下面，我讲三点意见。\n一、学习\n（一）读书\n（二）讨论\n二、监督\n三、建设",
             "要增强三种能力：一是学习能力，二是调研能力，三是表达能力。", "这三个方面的工作都很重要。",
             "要增强“四个意识”、坚定“四个自信”、做到“两个维护”：一是学习，二是监督，三是落实。",
             "全市有两项制度、三个平台：一是联络站，二是代表之家。"],
}

N = "[一二三四五六七八九十两]+"
# Only what announces a count: 讲/谈/提……点意见, 从……个方面, 以下……项/点.
ANNOUNCE = re.compile(
    rf"(?:(?:讲|谈|提出?|说)(?:了|下)?(?:以下)?(?P<a>{N})(?:点|个方面|方面)(?:意见|体会|看法|建议|要求|希望|想法)?"
    rf"|从(?P<b>{N})个?方面|(?:以下|如下)(?P<c>{N})(?:项|点|个方面|方面|条))")


def _number(word: str) -> int:
    return 2 if word == "两" else numbering.to_int(word)


def _inline_count(text: str) -> int:
    """How many run-in items of the first style used follow in the same paragraph."""
    markers = numbering.inline(text)
    if not markers:
        return 0
    style = markers[0].style
    same = [m for m in markers if m.style == style]
    return len(same) if style == numbering.STYLE_SHOUXIAN else len({m.number for m in same})


def _following(paragraphs, index: int) -> int:
    """How many items the paragraphs after ``index`` list at their first level."""
    style, count = None, 0
    for para in paragraphs[index + 1:]:
        m = numbering.opening(para.text)
        if m is None:
            continue
        if style is None:
            style = m.style
        if m.style == style:
            count += 1
        elif m.depth < numbering.DEPTH[style]:
            break
    return count


class _InlineAfter:
    """_inline_count(text[pos:]) for any pos, from one scan of the paragraph: markers found in
    the whole text plus suffix counts per style (rescanning the rest for each announcement made
    a long paragraph quadratic). The rest of a paragraph may open with a marker the whole text
    does not have there (its ^), so the head of the rest is read on its own."""

    HEAD = 40  # characters: whitespace, ** and a marker

    def __init__(self, text: str) -> None:
        self.text = text
        self.markers = numbering.inline(text)
        self.starts = [m.start for m in self.markers]
        n = len(self.markers)
        self.last: dict[tuple[str, int], int] = {}
        for j, m in enumerate(self.markers):
            self.last[(m.style, m.number)] = j
        self.count: list[dict[str, int]] = [{} for _ in range(n + 1)]  # markers of a style from j on
        self.distinct: list[dict[str, int]] = [{} for _ in range(n + 1)]  # their distinct numbers
        for j in range(n - 1, -1, -1):
            m = self.markers[j]
            self.count[j] = dict(self.count[j + 1])
            self.count[j][m.style] = self.count[j].get(m.style, 0) + 1
            if self.last[(m.style, m.number)] == j:
                self.distinct[j] = dict(self.distinct[j + 1])
                self.distinct[j][m.style] = self.distinct[j].get(m.style, 0) + 1
            else:
                self.distinct[j] = self.distinct[j + 1]

    def count_from(self, pos: int) -> int:
        first = bisect_left(self.starts, pos)
        head = numbering.inline(self.text[pos:pos + self.HEAD])[:1]
        extra = head[0] if head and pos + head[0].start not in self.starts[first:first + 1] else None
        if extra is None and first == len(self.markers):
            return 0
        style = extra.style if extra else self.markers[first].style
        if style == numbering.STYLE_SHOUXIAN:
            return self.count[first].get(style, 0) + (extra is not None)
        new = extra is not None and self.last.get((style, extra.number), -1) < first
        return self.distinct[first].get(style, 0) + new


class _FollowingAll:
    """_following for every paragraph from one backward pass over the draft (calling it for each
    announcement rescanned the rest of the draft: quadratic in the paragraphs)."""

    def __init__(self, paragraphs) -> None:
        n = len(paragraphs)
        self.styles = []
        for para in paragraphs:
            m = numbering.opening(para.text)
            self.styles.append(m.style if m else None)
        self.next_marked = [n] * (n + 1)
        for j in range(n - 1, -1, -1):
            self.next_marked[j] = j if self.styles[j] else self.next_marked[j + 1]
        depths = set(numbering.DEPTH.values())
        self.shallower = {d: [n] * (n + 1) for d in depths}  # first index >= j of a smaller depth
        for d, row in self.shallower.items():
            for j in range(n - 1, -1, -1):
                style = self.styles[j]
                row[j] = j if style and numbering.DEPTH[style] < d else row[j + 1]
        self.before = {}  # style -> paragraphs of that style before j
        for style in set(filter(None, self.styles)):
            row, total = [0] * (n + 1), 0
            for j in range(n):
                row[j] = total
                total += self.styles[j] == style
            row[n] = total
            self.before[style] = row

    def following(self, index: int) -> int:
        first = self.next_marked[min(index + 1, len(self.styles))]
        if first >= len(self.styles):
            return 0
        style = self.styles[first]
        stop = self.shallower[numbering.DEPTH[style]][first]
        return self.before[style][stop] - self.before[style][first]


def check(draft, ctx):
    paras = draft.paragraphs
    after_all = None
    for i, para in enumerate(paras):
        inline_after = None
        for m in ANNOUNCE.finditer(para.text):
            group = next(g for g in ("a", "b", "c") if m.group(g))
            inline_after = inline_after or _InlineAfter(para.text)
            counted = inline_after.count_from(m.end())
            if not counted:
                after_all = after_all or _FollowingAll(paras)
                counted = after_all.following(i)
            if counted and counted != _number(m.group(group)):
                start = m.start(group)
                yield ctx.finding(ID, SEVERITY, para, start, m.end(),
                                  f"宣布“{para.text[start:m.end()]}”，随后实际列出 {counted} 项", BASIS)
