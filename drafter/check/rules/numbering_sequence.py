"""numbering.sequence: numbers at one level that skip, repeat, or start after 1."""

import re

from ... import numbering

ID = "numbering.sequence"
SEVERITY = "error"
DOC = ("序号错误：同一层次的序号跳号（一、二、四、；段内的一是、二是、四是；第一，第二，第四，）、重复（一是、二是、二是），"
       "或一组序号不从 1 开始（第一项漏写序号；标题注明“节选”“摘编”等的，或没有标题、第一段就是带序号的标题的——一篇稿子中的一节——除外）。几行连着的 1. 2. 3. 之后隔着不带序号的一行、又从 1 开始的（日程中每场会议的议题），是新的一组。")
BASIS = "GB/T 9704-2012 7.3.3（结构层次序数）；实务：同一层次的序号依次连续"
FIXABLE = False
FIXTURES = {
    "bad": ["1. 加强监督\n听取专项工作报告。\n2. 做好代表工作\n组织代表视察。\n1. 加强自身建设\n开展学习培训。", "一、学习\n二、监督\n四、建设", "要加强学习。\n2. 要广泛宣传。\n3. 要抓好落实。", "一是加强学习。\n二是强化监督。\n二是改进作风。",
            "首先，要学习。\n再次，要落实。", "在监督方面，一是听取报告，二是开展检查，四是专题询问。",
            "一是深化理论武装，三是强化政治担当，四是锤炼过硬作风。", "一要把握重大意义。三要把握主要精神。",
            "第一，深刻领悟重大意义。\n第二，准确把握实践要求。\n第四，切实扛起政治责任。",
            "要重点抓好三件事：第一，提升阵地水平；第二，丰富活动内容；第二，健全闭环机制。",
            "要重点抓好三件事：第一，提升阵地水平；第一，丰富活动内容；第二，健全闭环机制。",
            "会议议程 一、审议计划执行情况的报告 二、审议预算执行情况的报告 四、审议行政审判工作情况的报告",
            "县人大常委会工作报告（节选）\n二、坚持有效监督\n四、密切联系代表", "三、2026年主要任务\n（二）依法开展监督\n（三）支持代表履职"],
    "good": ["一、学习\n（一）读原著\n（二）谈体会\n二、监督\n（一）听报告", "1. 要加强学习。\n2. 要广泛宣传。",
             "首先，要学习。\n其次，要监督。\n最后，要落实。", "附件：1. 培训班日程安排\n2. 参训人员回执", "附件：1.2026年代表履职培训日程安排\n2.参训人员回执",
             "请协助做好以下工作：\n1. 提供情况说明；\n2. 确定人员。\n附件：1. 工作方案\n2. 数据统计表",
             "1. 强化监督\n（一）听取报告\n（二）开展检查\n2. 做好代表工作",
             "同志们：今天召开动员会。一、深化理论武装要学深悟透。二、加强能力建设要开展培训。\n三、改进工作作风要调查研究。",
             "在学习方面，一是读原著，二是谈体会。在监督方面，一是听报告，二是搞检查。",
             "第一，提升阵地水平。\n第二，丰富活动内容。\n一、下一步打算\n第一，加强学习。\n第二，改进作风。",
             "会议通过了第二个议题。第三，第四季度的工作安排另行研究。", "第三季度，完成了第二批项目。",
             "会议议程 一、审议计划的报告 二、审议预算的报告 三、审议审判工作的报告", "获得一、二、三等奖的代表：一、二年级",
             "上午 第一次全体会议\n1.听取报告\n2.审议草案\n下午 第二次全体会议\n1.表决条例\n2.表决人事任免事项",
             "县人大常委会工作报告（节选）\n二、坚持有效监督\n（一）加强财政监督。\n（二）加强民生监督。\n三、密切联系代表",
             "三、2026年主要任务\n（一）依法开展监督\n1. 加强经济工作监督。\n（二）支持代表履职", "（四）密切同人民群众的联系\n1. 拓展代表参与常委会工作。\n2. 提高建议办理质量。"],
}


# A draft that says it is a part of a longer one (工作报告（节选）) may start at any number.
EXCERPT = re.compile(r"节选|摘选|摘录|摘编|选登|[（(]摘要[）)]")


def _message(style: str, prev: int | None, m, excerpt: bool = False) -> str | None:
    if prev is None and m.number > 1 and not excerpt:
        return f"本层序号从“{m.text}”开始，前面的第一项缺少序号“{numbering.label(m.style, 1)}”"
    if prev is not None and m.number == prev:
        return f"序号“{m.text}”与上一项重复，应为“{numbering.label(m.style, prev + 1)}”"
    if prev is not None and m.number != prev + 1:
        return f"序号跳号：上一项是第 {prev} 项，这里应为“{numbering.label(m.style, prev + 1)}”"
    return None


def check(draft, ctx):
    yield from _ordinals(draft, ctx)
    last: dict[str, int] = {}  # style -> the number last seen at that level
    ran_in: dict[str, int] = {}  # headings a web copy ran into a paragraph (……。二、加强……)
    inverted: set[int] = set()  # depths opened under a lower level (（一） under 1.): they end no group
    previous = None
    apart: set[str] = set()  # levels whose last item has an unnumbered paragraph after it
    compact: dict[str, int] = {}  # level -> items of its group so far, while none had a paragraph after it
    excerpt = any(EXCERPT.search(p.text) for p in draft.paragraphs[:3])
    # No title, the first line a numbered heading (三、2026年主要任务): a section taken from a longer
    # draft, whose first heading may have any number; the levels under it still start at 1.
    opening = next((numbering.opening_item(p.text)[0] for p in draft.paragraphs if p.text.strip()), None)
    section = opening.style if opening is not None and opening.number > 1 else None
    for para in draft.paragraphs:
        yield from _inline(para, ctx)
        yield from _run_in_headings(para, ctx)
        m, lead = numbering.opening_item(para.text)
        if m is None and para.text.strip():
            apart.update(last)
        if lead:  # 附件：1. …… opens the attachment list: a new numbering
            last.clear(), ran_in.clear(), inverted.clear()
        if m is not None:
            heading = m.depth <= 4 and previous is not None and previous.depth <= 4
            if heading and m.depth < previous.depth and m.number == 1:
                inverted.add(m.depth)  # numbering.levels reports it; the lower groups go on
            elif m.depth not in inverted:
                inverted = {d for d in inverted if d < m.depth}
                for style in list(last):
                    if numbering.DEPTH[style] > m.depth:  # a shallower marker starts new groups below it
                        del last[style]
                        ran_in.pop(style, None)
            prev = last.get(m.style, ran_in.get(m.style))
            if m.number == 1 and m.style in apart and compact.get(m.style, 0) >= 2:
                prev = None  # a list of lines (1. 2. 3.), a line of its own, 1. again: a new list (a schedule's sessions)
            if prev is None or m.number == 1:
                compact[m.style] = 1
            elif m.style in apart:
                compact.pop(m.style, None)  # items with paragraphs between them: headings, whose 1. again is a slip
            elif m.style in compact:
                compact[m.style] += 1
            apart.discard(m.style)
            if m.number == 0:  # 最后: the last of its group, whatever its place
                last.pop(m.style, None)
            else:
                message = _message(m.style, prev, m, excerpt or m.style == section)
                if message:
                    yield ctx.finding(ID, SEVERITY, para, m.start, m.end, message, BASIS)
                last[m.style] = m.number
            previous = m if m.depth <= 4 else previous
        for h in numbering.inline(para.text, headings=True):
            if h.style in ("一、", numbering.STYLE_PAREN) and h.start > 0:
                ran_in[h.style] = h.number


# 第一，第二，第三， opening a paragraph or a clause after 。；：(第二十次 and 第三季度 are no markers)
ORDINAL = re.compile(r"(?:^|(?<=[。；;：:！？!?]))[ \t　]*第(?P<n>[一二三四五六七八九十])(?=[，,、：:])")


def _ordinals(draft, ctx):
    """第一，第二，第四，: ordinal markers that skip or repeat a number; a heading starts a new group."""
    prev = None
    for para in draft.paragraphs:
        m0, _ = numbering.opening_item(para.text)
        if m0 is not None and m0.depth <= 4:
            prev = None
        for m in ORDINAL.finditer(para.text):
            n = numbering.to_int(m.group("n"))
            if prev is not None and n != prev + 1 and (n != 1 or prev == 1):  # 第一 after 第二 starts anew
                start = m.end() - 2
                word = "重复" if n == prev else "跳号"
                yield ctx.finding(ID, SEVERITY, para, start, m.end(),
                                  f"序号{word}：上一项是“第{numbering.cn(prev)}”，这里应为“第{numbering.cn(prev + 1)}”", BASIS)
            prev = n


# Heading markers a web copy ran into one paragraph, after a space or a sentence's end
# (……的报告 二、审议……的报告 四、审议……).
RUN_IN_HEADING = re.compile(r"(?:^|(?<=[\s。；;：:]))(?P<n>[一二三四五六七八九十]{1,3})、")


def _run_in_headings(para, ctx):
    """一、……二、……四、 run together in one paragraph: a list of three or more from 一、 that skips or repeats."""
    marks = list(RUN_IN_HEADING.finditer(para.text))
    if len(marks) < 3 or numbering.to_int(marks[0].group("n")) != 1:
        return
    prev = 1
    for m in marks[1:]:
        n = numbering.to_int(m.group("n"))
        if n != prev + 1 and n != 1:
            word = "重复" if n == prev else "跳号"
            yield ctx.finding(ID, SEVERITY, para, m.start(), m.end(),
                              f"序号{word}：上一项是“{numbering.cn(prev)}、”，这里应为“{numbering.cn(prev + 1)}、”", BASIS)
        prev = n


def _inline(para, ctx):
    """Run-in markers inside one paragraph that skip a number (一是、二是、四是); a repeated one is
    numbering.duplicate's."""
    last: dict[str, int] = {}
    for m in numbering.inline(para.text):
        if m.style == numbering.STYLE_SHOUXIAN:
            continue  # 首先…最后 have no numbers to skip
        if m.start == 0:  # the paragraph's own opening marker is checked above; the run-in ones go on from it
            last[m.style] = m.number
            continue
        prev = last.get(m.style)
        if m.number == 1:
            last[m.style] = 1  # a new group within the paragraph (在学习方面，一是……在监督方面，一是……)
            continue
        if prev is not None and m.number > prev + 1:
            yield ctx.finding(ID, SEVERITY, para, m.start, m.end,
                              f"序号跳号：上一项是“{numbering.label(m.style, prev)}”，这里应为“{numbering.label(m.style, prev + 1)}”",
                              BASIS)
        last[m.style] = m.number
