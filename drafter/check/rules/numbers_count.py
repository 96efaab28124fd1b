"""numbers.count: a head count at a meeting that does not add up (应到29人，实到24人，请假6人)."""

import re

ID = "numbers.count"
SEVERITY = "warning"
FIXABLE = False
DOC = ("出席人数对不上：会议应到人数、实到人数和请假（缺席）人数之间应能相加（应到29人，实到24人，请假6人，"
       "24＋6≠29），实到人数也不能多于应到人数。")
BASIS = "实务：会议出席情况中，实到人数与请假、缺席人数之和等于应到人数（数字须前后一致）"
FIXTURES = {
    "bad": ["本次会议应到常委会组成人员29人，实到24人，请假6人，出席人数符合法定人数。",
            "应到会代表85名，实到会代表88名。",
            "本次会议应出席委员15人，实际出席12人，因事请假2人。"],
    "good": ["本次会议应到常委会组成人员29人，实到24人，请假5人，出席人数符合法定人数。",
             "应到会代表85名，实到会代表80名，缺席5名，其中请假3名。",
             "应出席委员15人，实际出席12人，请假2人，缺席1人。", "应到29人，实到24人。",
             "应到29人，实到24人，列席12人。"],
}

# Found by 应到 or 应出席; the other counts are read within a bounded stretch after it.
PATTERN = re.compile(r"应(?:到|出席)")
EXPECTED = re.compile(r"应(?:到|出席)(?:会|会议)?[^\d，,。；;]{0,12}?(\d{1,4})[ \t]*(人|名)")
PRESENT = re.compile(r"(?:实到|实际到会|实际出席|实出席)(?:会|会议)?[^\d，,。；;]{0,12}?(\d{1,4})[ \t]*(?:人|名)")
LEAVE = re.compile(r"(请假|缺席)[^\d，,。；;]{0,4}?(\d{1,4})[ \t]*(?:人|名)")
WINDOW = 80


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        text = para.text
        expected = EXPECTED.match(text, start, start + 24)
        if not expected:
            continue
        stop = text.find("。", expected.end(), expected.end() + WINDOW)
        stop = stop if stop >= 0 else min(len(text), expected.end() + WINDOW)
        present = PRESENT.search(text, expected.end(), stop)
        if not present:
            continue
        total, here = int(expected.group(1)), int(present.group(1))
        away = {}
        last = present.end()
        for leave in LEAVE.finditer(text, present.end(), stop):
            away[leave.group(1)] = away.get(leave.group(1), 0) + int(leave.group(2))
            last = leave.end()
        if here > total:
            yield ctx.finding(ID, SEVERITY, para, start, present.end(),
                              f"实到{here}人多于应到{total}人，请核对", BASIS)
        elif away and not any(here + n == total for n in (*away.values(), sum(away.values()))):
            told = "、".join(f"{k}{v}人" for k, v in away.items())
            yield ctx.finding(ID, SEVERITY, para, start, last,
                              f"应到{total}人，实到{here}人，{told}，人数相加对不上，请核对", BASIS)
