"""numbering.count: an announced count (我讲三点意见, 从三个方面) that disagrees with the items that follow."""

import re
from itertools import islice

from ... import numbering

ID = "numbering.count"
SEVERITY = "error"
DOC = "点数不符：开头宣布的点数（“我讲三点意见”“从三个方面”“以下三项”“以下四个事项”）与随后实际列出的项数不一致。"
BASIS = "实务：宣布的点数须与正文一致"
FIXABLE = False
FIXTURES = {
    "bad": ["下面，我讲三点意见。一、肯定成绩。今年工作完成得比较好。\n二、谋划好明年的工作。",
            "下面，我讲三点意见。\n一、学习\n二、监督\n三、建设\n四、落实",
            "要从两个方面入手：一是加强学习，二是强化监督，三是改进作风。",
            "重点抓好以下三项工作：\n一是加强学习。\n二是强化监督。",
            "重点抓了三个方面的工作:一是加强服务;二是提升质效;三是拓展渠道;四是加强管理。",
            "今年立法工作要把握好四个方面。\n一、坚持党的领导\n二、坚持人民至上\n三、坚持问题导向",
            "做好宣传工作，我讲四点意见。一、把牢方向要坚持正确导向。二、突出重点要讲好故事。三、创新方式要用好平台。",
            "本次全体会议有四项议程：\n一、听取报告；\n二、审查预算；\n三、审议报告。",
            "会议研究了以下四个事项。\n一、听取汇报。\n二、研究计划。\n三、同意调研。",
            "同志们:今天举办培训班.我讲两点意见.一、要学深悟透。二、要学以致用。三、要遵守纪律。"],
    "good": ["下面，我谈三点想法。一、围绕中心谋划工作二、突出重点强化监督三、夯实基础加强建设",  # run together
             "下面，我讲三点意见。\n一、学习\n（一）读书\n（二）讨论\n二、监督\n三、建设",
             "要增强三种能力：一是学习能力，二是调研能力，三是表达能力。", "这三个方面的工作都很重要。",
             "要增强“四个意识”、坚定“四个自信”、做到“两个维护”：一是学习，二是监督，三是落实。",
             "全市有两项制度、三个平台：一是联络站，二是代表之家。",
             "这三个方面的工作，我们一直抓得很紧。\n一、学习\n二、监督",
             "要增强“四个意识”。\n一、学习\n二、监督", "一是落实第一项要求。\n二是落实第二项要求。",
             "最后，我再强调一点。\n一、学习\n二、监督",
             "下面，我讲两点意见。一、肯定成绩。今年工作完成得比较好。\n二、谋划好明年的工作。",
             "请协助做好以下三项工作：\n1. 提供说明；\n2. 确定人员；\n3. 做好准备。\n附件：1. 工作方案\n2. 统计表",
             "会议研究了以下三个事项。\n一、听取汇报。\n二、研究计划。\n三、同意调研。"],
}

N = "[一二三四五六七八九十两]+"
MEASURE = "(?:点|个方面|方面)"
# What announces a count: 讲/谈/提……点意见, 从……个方面, 以下……项/点, or a count of 方面, 点 or
# 项 that ends its clause right before the list (要把握好四个方面：). A glossary term with a
# number in it (“四个意识”) or a count in the middle of a sentence (三个方面的工作) does not.
ANNOUNCE = re.compile(
    rf"(?:(?:讲|谈|提出?|说)(?:了|下)?(?:以下)?(?P<a>{N}){MEASURE}(?:意见|体会|看法|建议|要求|希望|想法)?"
    rf"|从(?P<b>{N})个?方面|(?:以下|如下)(?P<c>{N})(?:项|点|个方面|方面|条|个?事项|个问题|件事)"
    rf"|(?<![“‘\"第一二三四五六七八九十])(?P<d>(?!一(?:个|点|项)){N})(?:个方面|点|项)(?:的?(?:工作|要求|任务|重点|议程|议题))?(?=[：:。]))")


MAX_ANNOUNCEMENTS = 8  # per paragraph: each is counted over the rest of it, so the work stays linear


def _number(word: str) -> int:
    return 2 if word == "两" else numbering.to_int(word)


def _inline_count(text: str) -> tuple[int, str | None]:
    """How many items of the first style used follow in the same paragraph (run-in markers, or
    headings whose line breaks a web copy lost), and that style."""
    markers = numbering.inline(text, headings=True)
    if not markers:
        return 0, None
    style = markers[0].style
    return _count_of(text, markers, style), style


def _count_of(text: str, markers, style: str) -> int:
    if style in ("一、", numbering.STYLE_PAREN) and markers[0].number == 1:
        # headings run together (……工作二、突出重点……): find 二、 三、 … in turn after 一、
        count, pos = 1, markers[0].end
        while True:
            following = numbering.marker(count + 1, count + 1, style)
            nxt = text.find(following, pos)
            if nxt < 0:
                return count
            count, pos = count + 1, nxt + len(following)
    same = [m for m in markers if m.style == style]
    return len(same) if style == numbering.STYLE_SHOUXIAN else len({m.number for m in same})


def _following(paragraphs) -> list[int]:
    """For each paragraph, how many items the paragraphs after it list at their first level:
    items of the first marker's style up to a marker of a shallower level. One backward pass."""
    counts = [0] * len(paragraphs)
    running: dict[str, int] = {}
    first_after = 0  # the count for the first marker after the paragraph in hand
    for i in range(len(paragraphs) - 1, -1, -1):
        counts[i] = first_after
        m, lead = numbering.opening_item(paragraphs[i].text)
        if lead:  # the 附件说明's list is not what the body announced
            running, first_after = {}, 0
            continue
        if m is None:
            continue
        for style in list(running):
            if numbering.DEPTH[style] > m.depth:
                del running[style]
        running[m.style] = running.get(m.style, 0) + 1
        first_after = running[m.style]
    return counts


def _continued(paras, i: int, style: str | None, counted: int) -> bool:
    """Whether the next numbered paragraph after paras[i] goes on with the run-in list that
    paras[i] holds: same style, the next number."""
    if style is None:
        return False
    for para in islice(paras, i + 1, i + 4):
        m, lead = numbering.opening_item(para.text)
        if lead:
            return False
        if m is not None:
            return m.style == style and m.number == counted + 1
    return False


def check(draft, ctx):
    paras = draft.paragraphs
    following = None
    for i, para in enumerate(paras):
        for m in islice(ANNOUNCE.finditer(para.text), MAX_ANNOUNCEMENTS):
            group = next(g for g in ("a", "b", "c", "d") if m.group(g))
            counted, style = _inline_count(para.text[m.end():])
            if not counted or _continued(paras, i, style, counted):
                # no run-in list, or one whose next items open the paragraphs after
                # (……两点意见。一、……。 then a paragraph 二、……)
                following = following if following is not None else _following(paras)
                counted += following[i]
            if counted and counted != _number(m.group(group)):
                start = m.start(group)
                yield ctx.finding(ID, SEVERITY, para, start, m.end(),
                                  f"宣布“{para.text[start:m.end()]}”，随后实际列出 {counted} 项", BASIS)
