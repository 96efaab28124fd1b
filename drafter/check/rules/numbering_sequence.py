"""numbering.sequence: numbers at one level that skip, repeat, or start after 1."""

import re

from ...numbering import DIGITS

ID = "numbering.sequence"
SEVERITY = "error"
DOC = "序号错误：同一层次的序号跳号（一、二、四、）、重复（一是、二是、二是），或一组序号不从 1 开始（第一项漏写序号）。"
BASIS = "GB/T 9704-2012 7.3.3：结构层次序数依次用“一、”“（一）”“1.”“（1）”"
FIXTURES = {
    "bad": ["一、学习\n二、监督\n四、建设", "要加强学习。\n2. 要广泛宣传。\n3. 要抓好落实。", "一是加强学习。\n二是强化监督。\n二是改进作风。"],
    "good": ["一、学习\n（一）读原著\n（二）谈体会\n二、监督\n（一）听报告", "1. 要加强学习。\n2. 要广泛宣传。"],
}

CN = "[一二三四五六七八九十]+"
B = r"^(?:\*\*)?"  # a run-in marker may be bold in Markdown: **一是……**
LEVELS = [  # (key, depth, pattern); deeper keys reset when a shallower marker appears
    ("一、", 1, re.compile(rf"{B}({CN})、")),
    ("（一）", 2, re.compile(rf"{B}[（(]({CN})[）)]")),
    ("1.", 3, re.compile(rf"{B}(\d{{1,2}})[.．、](?!\d)")),
    ("（1）", 4, re.compile(rf"{B}[（(](\d{{1,2}})[）)]")),
    ("一是", 5, re.compile(rf"{B}({CN})是")),
    ("一要", 5, re.compile(rf"{B}({CN})要")),
]


def to_int(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + DIGITS.index(text[1])
    if len(text) == 3 and text[1] == "十":
        return DIGITS.index(text[0]) * 10 + DIGITS.index(text[2])
    if len(text) == 2 and text[1] == "十":
        return DIGITS.index(text[0]) * 10
    return DIGITS.index(text[0]) if len(text) == 1 else 0


def _label(key: str, n: int) -> str:
    from ...numbering import cn, marker

    return marker(n, n, key) if key not in ("一是", "一要") else f"{cn(n)}{key[1]}"


def check(draft, ctx):
    last: dict[str, int] = {}
    for para in draft.paragraphs:
        for key, depth, pattern in LEVELS:
            m = pattern.match(para.text)
            if not m:
                continue
            n = to_int(m.group(1))
            for other, other_depth, _ in LEVELS:
                if other_depth > depth:
                    last.pop(other, None)
            prev = last.get(key)
            message = None
            if prev is None and n > 1:
                message = f"本层序号从“{m.group()}”开始，前面的第一项缺少序号“{_label(key, 1)}”"
            elif prev is not None and n == prev:
                message = f"序号“{m.group()}”与上一项重复，应为“{_label(key, prev + 1)}”"
            elif prev is not None and n != prev + 1:
                message = f"序号跳号：上一项是第 {prev} 项，这里应为“{_label(key, prev + 1)}”"
            if message:
                yield ctx.finding(ID, SEVERITY, para, 0, m.end(), message, BASIS)
            last[key] = n
            break
