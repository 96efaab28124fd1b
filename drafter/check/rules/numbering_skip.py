"""numbering.skip: a level left out between two (一、 directly followed by 1.), noted for the writer."""

from ... import numbering

ID = "numbering.skip"
SEVERITY = "info"
DOC = "层次跳过（提示）：下一层直接用了更低的层次（如“一、”之下直接用“1.”），短文这样用也常见，供核对。"
BASIS = "GB/T 9704-2012 7.3.3：文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注"
FIXABLE = False
FIXTURES = {
    "bad": ["一、学习\n1. 读原文\n2. 谈体会", "（一）学习\n（1）读原文"],
    "good": ["一、学习\n（一）读原文\n1. 读原著", "1. 读原文\n2. 谈体会", "一、学习\n一是读原著，二是谈体会。"],
}


def check(draft, ctx):
    previous = None
    for para in draft.paragraphs:
        m = numbering.opening(para.text)
        if m is None or m.depth > 4:
            continue
        if previous is not None and m.depth > previous.depth + 1 and m.number == 1:
            skipped = "、".join(numbering.label(s, 1) for s in numbering.READ_ORDER
                               if previous.depth < numbering.DEPTH[s] < m.depth)
            yield ctx.finding(ID, SEVERITY, para, m.start, m.end,
                              f"“{previous.text}”之下直接用“{m.text}”，跳过了“{skipped}”一层", BASIS)
        previous = m
