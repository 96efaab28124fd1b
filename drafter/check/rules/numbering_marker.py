"""numbering.marker: a sequence marker typed twice (一是一是, 一、一、) or two styles run together
(二、是要 for 二是要)."""

import re

ID = "numbering.marker"
SEVERITY = "error"
FIXABLE = False
DOC = ("序号写法错误：手打的序号重复了（一是一是、一、一、、（一）（一））；或者把标题序号和段内序号混在一起"
       "（二、是要，应为“二是要”或“二、要”）。")
BASIS = "GB/T 9704-2012 7.3.3（结构层次序数）；实务：序号只写一次，“一、”与“一是”不混用"
FIXTURES = {
    "bad": ["会议强调，一是一是要精心选题，二是要充分调研。", "一、一、加强学习", "（一）（一）听取报告",
            "一、要坚持人民至上。二、是要加强源头治理。", "首先首先，要学习。"],
    "good": ["会议强调，一是要精心选题，二是要充分调研。", "一是一，二是二，实事求是。", "一、是否符合法律规定",
             "一、要坚持人民至上。二、要加强源头治理。", "一、加强学习"],
}

CN = "[一二三四五六七八九十]{1,3}"
# Found by the marker; the same marker right after it (a doubled paste or a slip of the keys).
DOUBLED = re.compile(rf"(?P<m>{CN}[是要]|{CN}、|[（(](?:{CN}|[1-9]\d?)[）)]|首先|其次|再次|最后)[ \t　，,]*(?P=m)")
# A heading's 一、 followed by a run-in's 是 (二、是要): two styles in one marker.
MIXED = re.compile(rf"(?:^|(?<=[。；;：:！？!?]))[ \t　]*{CN}、是(?!否|非|由|指)", re.M)


def check(draft, ctx):
    for para, start, end, m in ctx.scan(DOUBLED):
        yield ctx.finding(ID, SEVERITY, para, start, end, f"序号“{m.group('m')}”重复了，删去一个", BASIS,
                          suggestion=m.group("m"))
    for para, start, end, m in ctx.scan(MIXED):
        text = m.group().lstrip(" \t　")
        start = end - len(text)
        number = text[:-2]
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{text}”把标题序号“{number}、”和段内序号“{number}是”混在一起，应为“{number}是”或“{number}、”", BASIS)
