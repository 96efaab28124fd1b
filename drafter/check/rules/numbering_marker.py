"""numbering.marker: a sequence marker typed twice (一是一是, 一、一、) or two styles run together
(二、是要 for 二是要)."""

import re

ID = "numbering.marker"
SEVERITY = "error"
FIXABLE = False
DOC = ("序号写法错误：手打的序号重复了（一是一是、一、一、、（一）（一）、第一第一、行首的 2.2.）；或者把标题序号和段内序号混在一起"
       "（二、是要，应为“二是要”或“二、要”）。")
BASIS = "GB/T 9704-2012 7.3.3（结构层次序数）；实务：序号只写一次，“一、”与“一是”不混用"
FIXTURES = {
    "bad": ["会议强调，一是一是要精心选题，二是要充分调研。", "一、一、加强学习", "（一）（一）听取报告",
            "一、要坚持人民至上。二、是要加强源头治理。", "首先首先，要学习。",
            "会议议程如下：\n1. 审议条例草案；\n2.2. 听取专项工作报告。", "谈几点认识。第一第一，要把握核心要义。"],
    "good": ["会议强调，一是要精心选题，二是要充分调研。", "一是一，二是二，实事求是。", "一、是否符合法律规定",
             "一、要坚持人民至上。二、要加强源头治理。", "一、加强学习",
             "2.1. 总体要求\n2.2. 主要任务", "全年增长2.2%。\n3.3亿元已拨付。"],
}

CN = "[一二三四五六七八九十]{1,3}"
# Found by the marker; the same marker right after it (a doubled paste or a slip of the keys).
DOUBLED = re.compile(rf"(?P<m>{CN}[是要]|{CN}、|[（(](?:{CN}|[1-9]\d?)[）)]|首先|其次|再次|最后|第[一二三四五六七八九十](?=第))"
                     r"[ \t　，,]*(?P=m)")
# A heading's 一、 followed by a run-in's 是 (二、是要): two styles in one marker.
MIXED = re.compile(rf"(?:^|(?<=[。；;：:！？!?]))[ \t　]*{CN}、是(?!否|非|由|指)", re.M)


# An item's number typed twice at the head of a line (2.2. for 2.), unless the draft numbers its
# sections 2.1, 3.2 in the decimal way, where 2.2 is a section of its own.
ARABIC_TWICE = re.compile(r"^[ \t　]*(?P<m>[1-9]\d?[.．])(?P=m)(?![\d.．])", re.M)
DECIMAL = re.compile(r"^[ \t　]*(?P<a>[1-9]\d?)[.．](?P<b>[1-9]\d?)(?![\d])", re.M)


def check(draft, ctx):
    if not any(m.group("a") != m.group("b") for m in DECIMAL.finditer(ctx.text)):
        for para, start, end, m in ctx.scan(ARABIC_TWICE):
            start = end - 2 * len(m.group("m"))
            yield ctx.finding(ID, SEVERITY, para, start, end, f"序号“{m.group('m')}”重复了，删去一个", BASIS,
                              suggestion=m.group("m"))
    for para, start, end, m in ctx.scan(DOUBLED):
        yield ctx.finding(ID, SEVERITY, para, start, end, f"序号“{m.group('m')}”重复了，删去一个", BASIS,
                          suggestion=m.group("m"))
    for para, start, end, m in ctx.scan(MIXED):
        text = m.group().lstrip(" \t　")
        start = end - len(text)
        number = text[:-2]
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{text}”把标题序号“{number}、”和段内序号“{number}是”混在一起，应为“{number}是”或“{number}、”", BASIS)
