"""grammar.mixed: two sentence patterns run together (原因是……造成的, 旨在……为目的)."""

import re

ID = "grammar.mixed"
SEVERITY = "warning"
FIXABLE = False
DOC = ("句式杂糅：两种说法混在一句里（“原因是……”和“……造成的”、“旨在……”和“以……为目的”、"
       "“关键在于……”和“……是关键”），只保留一种。")
BASIS = "实务：病句类型“句式杂糅”"
FIXTURES = {
    "bad": ["原因是工业园区污水管网建设滞后造成的。", "此次检查旨在推动法律全面实施为目的。",
            "问题的原因是资金不足所导致的。", "关键在于抓好落实是关键。"],
    "good": ["原因是工业园区污水管网建设滞后。", "这是工业园区污水管网建设滞后造成的。", "此次检查以推动法律全面实施为目的。",
             "此次检查旨在推动法律全面实施。", "原因是多方面的，有的是历史造成的。"],
}

CLAUSE = r"[^，,。；;：:！？!?\n]"
PATTERNS = (
    (re.compile(rf"原因(?:是|在于){CLAUSE}{{1,40}}?(?:所?(?:造成|导致|引起|致使)的|所致)"),
     "“原因是……”与“……造成的”杂糅：删去“造成的”，或改为“这是……造成的”"),
    (re.compile(rf"(?:旨在|目的是){CLAUSE}{{1,40}}?为(?:目的|目标|宗旨)"),
     "“旨在……”与“以……为目的”杂糅：只用其中一种说法"),
    (re.compile(rf"关键(?:在于|是){CLAUSE}{{1,40}}?是关键"), "“关键在于……”与“……是关键”杂糅：只用其中一种说法"),
)


def check(draft, ctx):
    for pattern, message in PATTERNS:
        for para, start, end, m in ctx.scan(pattern):
            yield ctx.finding(ID, SEVERITY, para, start, end, message, BASIS)
