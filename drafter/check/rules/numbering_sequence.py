"""numbering.sequence: numbers at one level that skip, repeat, or start after 1."""

from ... import numbering

ID = "numbering.sequence"
SEVERITY = "error"
DOC = "序号错误：同一层次的序号跳号（一、二、四、）、重复（一是、二是、二是），或一组序号不从 1 开始（第一项漏写序号）。"
BASIS = "GB/T 9704-2012 7.3.3（结构层次序数）；实务：同一层次的序号依次连续"
FIXABLE = False
FIXTURES = {
    "bad": ["一、学习\n二、监督\n四、建设", "要加强学习。\n2. 要广泛宣传。\n3. 要抓好落实。", "一是加强学习。\n二是强化监督。\n二是改进作风。",
            "首先，要学习。\n再次，要落实。"],
    "good": ["一、学习\n（一）读原著\n（二）谈体会\n二、监督\n（一）听报告", "1. 要加强学习。\n2. 要广泛宣传。",
             "首先，要学习。\n其次，要监督。\n最后，要落实。"],
}


def check(draft, ctx):
    last: dict[str, int] = {}  # style -> the number last seen at that level
    for para in draft.paragraphs:
        m = numbering.opening(para.text)
        if m is None:
            continue
        for style in list(last):
            if numbering.DEPTH[style] > m.depth:  # a shallower marker starts new groups below it
                del last[style]
        prev = last.get(m.style)
        if m.number == 0:  # 最后: the last of its group, whatever its place
            last.pop(m.style, None)
            continue
        message = None
        if prev is None and m.number > 1:
            message = f"本层序号从“{m.text}”开始，前面的第一项缺少序号“{numbering.label(m.style, 1)}”"
        elif prev is not None and m.number == prev:
            message = f"序号“{m.text}”与上一项重复，应为“{numbering.label(m.style, prev + 1)}”"
        elif prev is not None and m.number != prev + 1:
            message = f"序号跳号：上一项是第 {prev} 项，这里应为“{numbering.label(m.style, prev + 1)}”"
        if message:
            yield ctx.finding(ID, SEVERITY, para, 0, m.end, message, BASIS)
        last[m.style] = m.number
