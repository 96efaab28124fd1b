"""grammar.twosided: a two-sided subject (能否……) with a one-sided predicate (……是关键)."""

import re

ID = "grammar.twosided"
SEVERITY = "warning"
FIXABLE = False
DOC = ("两面对一面：主语用“能否、是否、能不能”，谓语却只说一面（是……的关键、关键在于……），"
       "删去“能否”，或在后面补上对应的两面（关键在于能否……）。")
BASIS = "实务：病句类型“两面对一面”（能否……是……的关键）"
FIXTURES = {
    "bad": ["能否把环境保护责任落实到每个部门和岗位，是实现生态环境持续改善的关键。",
            "能否发挥好基层立法联系点作用，关键在于建立稳定的工作队伍。", "是否坚持依法办事是做好工作的前提。"],
    "good": ["把环境保护责任落实到每个部门和岗位，是实现生态环境持续改善的关键。",
             "能否发挥好基层立法联系点作用，关键在于能否建立稳定的工作队伍。",
             "能否留住专业护理人才，是影响养老服务质量的一个重要因素。", "请告知能否按时参会。"],
}

TWO_SIDED = re.compile(r"(能否|是否|能不能)")  # the words, found fast; the code checks they begin a clause
CLAUSE_START = "。；;！？!?，,：: \t　"
SENTENCE = re.compile(r"[^。；;！？!?\n]{1,60}")
ONE_SIDED = re.compile(r"[，,]?(?:关键在于|关键是|是[^，,。；;\n]{0,24}?(?:关键|前提|保证|保障|基础)(?:所在)?[。；;，,]|"
                       r"决定着?[^，,。；;\n]{0,24}?(?:成败|好坏))")
BOTH = ("能否", "是否", "能不能", "与否", "好坏", "成败", "高低")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(TWO_SIDED):
        text = para.text
        if start and text[start - 1] not in CLAUSE_START:
            continue
        s = SENTENCE.match(text, end)
        if not s:
            continue
        predicate = ONE_SIDED.search(text, end, s.end() + 1)
        if not predicate or any(w in text[predicate.start():s.end()] for w in BOTH):
            continue
        begin = start
        yield ctx.finding(ID, SEVERITY, para, begin, predicate.end() - 1 if text[predicate.end() - 1] in "。；;，," else predicate.end(),
                          f"主语“{m.group(1)}……”有正反两面，谓语只说了一面：删去“{m.group(1)}”，或在后面补上“{m.group(1)}”", BASIS)
