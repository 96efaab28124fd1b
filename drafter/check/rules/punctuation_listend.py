"""punctuation.listend: the items of one list ending differently (1.……； 2.……； 3.……, or
一是……，二是……；三是……)."""

import re
from collections import Counter

from ... import numbering

ID = "punctuation.listend"
SEVERITY = "warning"
FIXABLE = False
DOC = ("分项列举的末尾标点不一致：同一组分项，各项之间用分号的，个别项改用了逗号或没有标点，最后一项末尾没有句号"
       "（1.……；2.……；3.其他事项 → 3.其他事项。）；各项以句号结束的，个别项末尾是逗号（句子没写完）；段内的“一是……，二是……；三是……”同样统一。")
BASIS = "GB/T 15834-2011《标点符号用法》分号：用于分项列举的各项之间；实务：同一组分项的末尾标点一致，最后一项用句号"
FIXTURES = {
    "bad": ["会议主要内容：\n1.听取报告；\n2.研究计划；\n3.其他事项\n请准时参加。",
            "会议主要内容：\n1.听取报告；\n2.研究计划，\n3.审议人事任免事项；\n4.其他事项。",
            "会议议程\n一、听取和审议政府工作报告；\n二、审查和批准财政预算；\n三、听取和审议主席团工作报告。\n四、其他事项",
            "存在一些问题：一是占道经营问题反复出现，二是背街小巷环境卫生较差；三是平台作用发挥不充分。",
            "会议议程\n1.听取报告；\n2.审议决算的报告。\n3.审议人事任免事项。",
            "三、意见建议\n（一）建立健全管护机制，明确三级管护责任。\n（二）稳步提高投入标准，统筹整合涉农资金，\n（三）尊重农民意愿，让农民全程参与。",
            "一、强化执行联动。推动与公安、金融等部门信息共享，\n二、规范执行行为。严格依法执行。\n三、加强队伍建设。提升能力。",
            "二、存在的问题\n（一）管护机制不健全；\n（二）部分村组检测频次不足。\n（三）部分工程运行入不敷出\n三、几点建议",
            "大会议程\n一、听取政府工作报告；\n二、审查计划；\n三、审查预算；\n三、听取法院工作报告；\n五、选举事项\n六、其他。"],
    "good": ["会议主要内容：\n1.听取报告；\n2.研究计划；\n3.其他事项。", "1. 强化监督\n2. 做好代表工作\n3. 加强自身建设",
             "一是听取报告，二是开展检查，三是专题询问。", "一是加强学习；二是强化监督；三是改进作风。",
             "在学习方面，一是读原著，二是谈体会。在监督方面，一是听报告；二是搞检查；三是抓整改。",
             "1.听取报告；\n2.研究计划；\n3.其他事项；", "1.听取报告。\n2.审议预算；\n3.审议决算。\n4.其他事项。", "一、会议听取了汇报；\n二、会议研究了工作要点。\n三、会议研究了活动安排。",
             "一、总体要求\n二、主要任务\n三、保障措施", "会议议程\n一、听取报告；\n二、审议预算；\n三、其他事项。",
             "议程\n一、听取报告；\n二、审议预算；\n三、听取和审议县人民法院关于执行工作情况的\n报告；\n四、其他事项。",
             "议程\n（一）听取报告；\n（二）审议预算；\n（三）……\n（四）其他事项。",
             "会议内容：\n1.通报工作情况；\n2.征求意见建议；\n3.部署明年工作；\n4.【待补充】\n请准时参加。",
             "一、听取报告，\n二、审议预算，\n三、其他事项。", "（一）加强监督。要依法听取报告。\n（二）做好代表工作。要密切联系，\n群众。\n（三）加强自身建设。"],
}

ENDS = "；;，,。.：:"
# Items on lines of their own, one after another (an agenda's 一、……；二、……；): headings with text
# between them never form such a group, and headings without marks never have two semicolons.
ITEM_STYLES = ("一、", numbering.STYLE_PAREN, numbering.STYLE_ARABIC, numbering.STYLE_ARABIC_PAREN)


def _end(text: str) -> str:
    text = text.rstrip(" \t　")
    return text[-1] if text and text[-1] in ENDS else ""


def check(draft, ctx):
    yield from _lines(draft, ctx)
    yield from _run_in(draft, ctx)


def _lines(draft, ctx):
    """Items on lines of their own (一、 （一） 1. （1）): most end with ；, an item between them does
    not, or the last ends with no mark at all."""
    group: list = []
    style, last = None, 0
    paragraphs = draft.paragraphs
    for i, para in enumerate((*paragraphs, None)):
        m = numbering.opening(para.text, ITEM_STYLES) if para is not None else None
        # the next number, or one typed twice or skipped (六、六、八、: numbering reports those)
        if m is not None and m.style == style and last <= m.number <= last + 2 and m.number > 1:
            group.append(para)
            last = m.number
            continue
        if len(group) >= 3:
            # a line that is no item, then the next number: the last item was broken across two
            # lines (a web copy's line break), so its line ends nowhere in particular
            after = numbering.opening(paragraphs[i + 1].text, ITEM_STYLES) if m is None and i + 1 < len(paragraphs) else None
            broken = after is not None and after.style == style and after.number == last + 1
            yield from _odd_lines(ctx, group, broken)
        group, style, last = ([para], m.style, 1) if m is not None and m.number == 1 else ([], None, 0)


PLACEHOLDER = "…⋯. 　"  # an item that is only an ellipsis (（五）……) is the placeholder rule's
NOTE = re.compile(r"[【［\[][^】］\]]{0,20}[】］\]]")  # ... and so is one that is only a note (4.【待补充】)


def _blank(para) -> bool:
    """Whether an item holds nothing but an ellipsis or a bracketed note after its marker."""
    return not NOTE.sub("", para.text[numbering.opening(para.text, ITEM_STYLES).end:]).strip(PLACEHOLDER)


def _odd_lines(ctx, group, broken: bool = False):
    ends = ["；" if _blank(p) else _end(p.text) for p in group]
    semis = sum(e in ("；", ";") for e in ends[:-1])
    stops = sum(e in ("。", ".") for e in ends[:-1])
    if not semis and stops:  # items told in sentences (……。), one of them cut off with a comma
        for i, (para, end) in enumerate(zip(group, ends)):
            if end in ("，", ",") and (i < len(group) - 1 or not broken):
                yield ctx.finding(ID, SEVERITY, para, len(para.text.rstrip(" \t　")) - 1, 1,
                                  "这一项末尾用了逗号，同一组其他各项以句号结束，句子没有写完或标点有误", BASIS)
        return
    # a list of semicolons: two or more; or all but the last; or one, the last item ending with 。,
    # fewer items ending with 。 before it (1.……； 2.……。 3.……。 4.……。 is not judged) and, on a tie, items
    # that are phrases (审议……报告), not told sentences (会议听取了……), which may each end with 。
    told = stops == semis and any("了" in p.text for p in group)
    # or every item but the last ends with a mark, one at least with ；, and the last with none
    # (（一）……；（二）……。（三）……): the list was not finished the way it began
    unfinished = semis >= 1 and ends[-1] == "" and all(ends[:-1]) and not broken
    if semis < 2 and not (semis == len(ends) - 1 and semis >= 1 and len(ends) >= 3) \
            and not (semis >= 1 and ends[-1] in ("。", ".") and semis >= stops and not told) and not unfinished:
        return
    for para, end in zip(group[:-1], ends[:-1]):
        if end not in ("；", ";"):
            yield ctx.finding(ID, SEVERITY, para, 0, len(para.text), "同一组分项之间用分号，这一项末尾的标点与其他各项不一致",
                              BASIS)
    last, end = group[-1], ends[-1]
    if end in ("", "，", ",") and not broken:
        yield ctx.finding(ID, SEVERITY, last, 0, len(last.text), "分项列举的最后一项末尾应用句号", BASIS,
                          suggestion=None)


def _run_in(draft, ctx):
    """一是……，二是……；三是……: the marks before the markers of one group inside a paragraph."""
    for para in draft.paragraphs:
        text = para.text
        markers = [m for m in numbering.inline(text) if m.style != numbering.STYLE_SHOUXIAN]
        groups, current = [], []
        for m in markers:
            if m.number == 1 or not current or m.style != current[-1].style or m.number != current[-1].number + 1:
                if len(current) >= 3:
                    groups.append(current)
                current = [m] if m.number == 1 else []
                continue
            current.append(m)
        if len(current) >= 3:
            groups.append(current)
        for items in groups:
            seps = [text[m.start - 1] if m.start and text[m.start - 1] in ("，", ",", "；", ";") else "" for m in items[1:]]
            if "" in seps or len(set(seps)) < 2:
                continue
            counts = Counter(seps)
            rare = min(counts, key=lambda s: (counts[s], s in ("；", ";")))  # on a tie the comma is the odd one
            for before, m, sep in zip(items, items[1:], seps):
                if sep == rare:
                    yield ctx.finding(ID, SEVERITY, para, before.start, m.start,
                                      f"同一组分项之间的标点不一致（有“；”也有“，”），这一项末尾的“{sep}”宜统一", BASIS)
