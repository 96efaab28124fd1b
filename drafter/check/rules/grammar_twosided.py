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
            "能否发挥好基层立法联系点作用，关键在于建立稳定的工作队伍。", "是否坚持依法办事是做好工作的前提。",
            "常委会组成人员指出，食品安全监管能否到位，是保障群众“舌尖上的安全”的关键。"],
    "good": ["把环境保护责任落实到每个部门和岗位，是实现生态环境持续改善的关键。",
             "能否发挥好基层立法联系点作用，关键在于能否建立稳定的工作队伍。",
             "能否留住专业护理人才，是影响养老服务质量的一个重要因素。", "请告知能否按时参会。",
             "食品安全监管到位，是保障群众“舌尖上的安全”的关键。", "要看能否落实到位，关键在于抓好督查。",
             "请研究能否调整，是否可行请函复。"],
}

TWO_SIDED = re.compile(r"(能否|是否|能不能)")  # the words, found fast; the code checks they begin a clause
CLAUSE_START = "。；;！？!?，,：: \t　"
SENTENCE = re.compile(r"[^。；;！？!?\n]{1,60}")
ONE_SIDED = re.compile(r"[，,]?(?:关键在于|关键是|是[^，,。；;\n]{0,24}?(?:关键|前提|保证|保障|基础)(?:所在)?[。；;，,]|"
                       r"决定着?[^，,。；;\n]{0,24}?(?:成败|好坏))")
BOTH = ("能否", "是否", "能不能", "与否", "好坏", "成败", "高低")


# 监管能否到位，是……的关键: 能否 inside a clause that is the subject of the next one, which begins
# with 是 right after the comma.
COMMA_IS = re.compile(r"[^，,。；;！？!?\n]{0,20}?[，,]是[^，,。；;\n]{0,24}?(?:关键|前提|保证|保障|基础)(?:所在)?(?=[。；;，,]|$)", re.M)
SUBJECT_MARKS = "，,。；;！？!?：:"


def check(draft, ctx):
    for para, start, end, m in ctx.scan(TWO_SIDED):
        text = para.text
        if start and text[start - 1] not in CLAUSE_START:
            if text.rfind("要", max(0, start - 8), start) >= 0 or text.rfind("看", max(0, start - 8), start) >= 0:
                continue  # 要看能否……: 能否 is the object of a verb, not the subject
            predicate = COMMA_IS.match(text, end)
            if predicate and not any(w in text[end:predicate.end()] for w in BOTH):
                yield ctx.finding(ID, SEVERITY, para, start, predicate.end(),
                                  f"主语“……{m.group(1)}……”有正反两面，谓语只说了一面：删去“{m.group(1)}”", BASIS)
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
