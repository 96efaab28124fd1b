"""numbering.count: an announced count (讲三点意见, 三个方面) that disagrees with the items that follow."""

import re

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


def check(draft, ctx):
    paras = draft.paragraphs
    for i, para in enumerate(paras):
        for m in ANNOUNCE.finditer(para.text):
            rest = para.text[m.end():]
            announced = _number(m.group(1))
            inline = [x for x in RUN_IN.finditer(rest)]
            if inline:
                counted = len({x.group(1) for x in inline})
            elif len(SHOUXIAN.findall(rest)) >= 2:
                counted = len(SHOUXIAN.findall(rest))
            elif HEAD.match(rest) and m.group().endswith(("意见", "体会", "看法", "建议", "要求", "想法")):
                counted = _following(paras, i)
            else:
                continue
            if counted and counted != announced:
                yield ctx.finding(ID, SEVERITY, para, m.start(), m.end(),
                                  f"宣布“{m.group()}”，随后实际列出 {counted} 项", BASIS)
