"""numbering.count: an announced count (我讲三点意见, 从三个方面) that disagrees with the items that follow."""

import re

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


def check(draft, ctx):
    paras = draft.paragraphs
    for i, para in enumerate(paras):
        for m in ANNOUNCE.finditer(para.text):
            group = next(g for g in ("a", "b", "c") if m.group(g))
            counted = _inline_count(para.text[m.end():]) or _following(paras, i)
            if counted and counted != _number(m.group(group)):
                start = m.start(group)
                yield ctx.finding(ID, SEVERITY, para, start, m.end(),
                                  f"宣布“{para.text[start:m.end()]}”，随后实际列出 {counted} 项", BASIS)
