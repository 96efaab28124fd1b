"""numbering.levels: a higher structural level opened under a lower one (（一） after 1.)."""

from ... import numbering

ID = "numbering.levels"
SEVERITY = "error"
DOC = ("层次颠倒：结构层次应依次为“一、”“（一）”“1.”“（1）”，较高层次的一组序号不能出现在较低层次之下"
       "（如“1.”之后出现“（一）”）。")
BASIS = "GB/T 9704-2012 7.3.3：文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注"
FIXABLE = False
FIXTURES = {
    "bad": ["一、过去一年的主要工作\n1. 组织代表视察\n（一）认真办理代表建议",
            "1. 强化监督\n（一）听取专项工作报告\n（二）开展执法检查"],
    "good": ["一、学习\n（一）读原著\n1. 读原文\n2. 谈体会\n（二）谈体会\n二、监督\n（一）听报告",
             "一、学习\n1. 读原文\n2. 谈体会\n二、监督", "一、学习\n一是读原著，二是谈体会。\n（一）深入调研"],
}


def check(draft, ctx):
    previous = None  # the heading marker (一、 to （1）) before this one
    for para in draft.paragraphs:
        m = numbering.opening(para.text)
        if m is None or m.depth > 4:  # run-in markers may stand at any level
            continue
        if previous is not None and m.depth < previous.depth and m.number == 1:
            yield ctx.finding(ID, SEVERITY, para, m.start, m.end,
                              f"“{m.text}”一组出现在较低层次的“{previous.text}”之下；层次应依次为一、（一）1.（1）", BASIS)
        previous = m
