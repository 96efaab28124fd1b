"""punctuation.marker: a sequence marker followed by another mark (（一）、 1.、 一、，)."""

import re

ID = "punctuation.marker"
SEVERITY = "error"
FIXABLE = True
DOC = ("序号后多了标点：序号“一、”“（一）”“1.”“（1）”本身已带标点或括号，后面不再加顿号、逗号、句号或冒号"
       "（（一）、写作（一），1.、写作1.）。")
BASIS = "实务：序次语本身带有顿号、下脚点或括号，其后不再加其他标点（GB/T 9704-2012 7.3.3 的层次序数写作“一、”“（一）”“1.”“（1）”）"
FIXTURES = {
    "bad": ["（一）、会议听取了汇报。", "1.、听取报告", "一、，加强学习", "（2）。研究其他事项", "2．，审议报告", "三、.通过大会日程"],
    "good": ["（一）会议听取了汇报。", "1. 听取报告", "一、加强学习", "第（一）、（二）项", "共有（1）、（2）两种情形。", "一、...（待补）"],
}

CN = "[一二三四五六七八九十]{1,3}"
# A marker opening a paragraph or following the end of a sentence, then a mark it does not take.
PATTERN = re.compile(rf"(?:^|(?<=[。；;：:！？]))[ \t　]*(?:[（(](?:{CN}|[1-9]\d?)[）)][、，,。.．：:]|{CN}、(?:[，,。．：:、]|\.(?!\.))|[1-9]\d?[.．][、，,。：:])",
                     re.M)


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        text = m.group().lstrip(" \t　")
        start = end - len(text)
        yield ctx.finding(ID, SEVERITY, para, start, end, f"序号“{text[:-1]}”后面不再加“{text[-1]}”", BASIS,
                          suggestion=text[:-1])
