"""punctuation: half-width marks in Chinese text, straight quotes, doubled and unpaired marks."""

import re

ID = "punctuation"
SEVERITY = "error"
DOC = ("标点：中文语句中的半角 , ; : ? ! ( )、当句号用的半角“.”（小数点、序号“1.”、日期和网址除外）、"
       "直引号、重复的标点（。。 .。），以及写成“...”“。。。”“…”的省略号。")
BASIS = "GB/T 15834-2011《标点符号用法》规定的中文标点形式"
GROUPED = True
FIXABLE = True
FIXTURES = {
    "bad": ["同志们:", "今天的会议,主要任务是学习。", "要加强学习;强化监督。", "会议(扩大)召开。",
            "我们要\"两个维护\"。", "会议圆满结束。。", "要抓好学习、宣传、落实...", "包括交通、养老…", "等等。。。",
            "今天召开会议.会议的主要任务是学习.", "会议圆满结束.。", "审议通过了《决定》. 会议指出", "增长3.5%."],
    "good": ["同志们：", "今天的会议，主要任务是学习。", "会议于10:30开始，共1,000人参加。",
             "会议（扩大）召开。", "我们要“两个维护”。", "要抓好落实……", "Windows 11 (64-bit)",
             "增长3.5个百分点。", "1.加强学习。", "网址：www.npc.gov.cn。", "2024.5.6召开会议。", "见人大网.cn页面。",
             "Mr. Wang 说：", "第1.2条规定。"],
}

CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’"
HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
HALF_RE = re.compile(r"[,;:?!]")  # kept when a neighbour is Chinese (see _chinese_side)
PAREN_RE = re.compile(r"\(([^()\n]*)\)")  # one pass, no backtracking; Chinese inside is checked after
STRAIGHT_RE = re.compile(r"\"")
CJK_CHAR = re.compile(rf"[{CJK}]")
HAN = re.compile(r"[\u3400-\u9fff]")


def _chinese_side(text: str, start: int, end: int) -> bool:
    """A half-width mark after Chinese text, or before a Chinese character (not 10:30, 1,000)."""
    return bool((start and CJK_CHAR.match(text[start - 1])) or (end < len(text) and HAN.match(text[end])))
DOUBLED_RE = re.compile(r"([，、；：！？])\1+|(。)\2(?!。)")
# A "." used as a full stop: after Chinese text (a character, a closing mark, a per cent sign),
# before the end of the paragraph, white space or Chinese text; one dot, not an ellipsis. A
# decimal point (3.5), a list marker (1.), a date (2024.5.6) and an address (人大网.cn) have a
# digit or a Latin letter on one side and are left alone. ".。" and "。." are a doubled stop.
STOP_BEFORE = "\u3400-\u9fff”’）》」』】%％"
STOP_RE = re.compile(rf"(?<=[{STOP_BEFORE}])\.(?=$|[ \t\u3000\u3400-\u9fff“”‘’（《「『【])|(?<!\.)\.。|。\.(?!\.)",
                     re.M)
# 省略号 is six dots in two characters (……): three full stops, three or more dots, or one or
# three … are written for it; twelve dots (…………) mark omitted paragraphs and are left alone.
ELLIPSIS_RE = re.compile(r"。{3,}|\.{3,}|(?<!…)(?:…|………)(?!…)")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PAREN_RE):
        if not HAN.search(m.group(1)):
            continue
        yield ctx.finding(ID, SEVERITY, para, start, end, "中文语句中应使用全角括号“（）”", BASIS,
                          suggestion=f"（{m.group(1)}）")
    for para, start, end, m in ctx.scan(HALF_RE):
        if _chinese_side(para.text, start, end):
            yield ctx.finding(ID, SEVERITY, para, start, end, f"中文语句中应使用全角“{HALF[m.group()]}”", BASIS,
                              suggestion=HALF[m.group()])
    counted = (None, 0)  # (paragraph, straight quotes before the current one): no rescan per match
    for para, start, end, m in ctx.scan(STRAIGHT_RE):
        before = counted[1] if counted[0] is para else 0
        counted = (para, before + 1)
        if _chinese_side(para.text, start, end):
            curly = "”" if before % 2 else "“"
            yield ctx.finding(ID, SEVERITY, para, start, end, f"中文语句中应使用弯引号“{curly}”", BASIS,
                              suggestion=curly)
    for para, start, end, m in ctx.scan(STOP_RE):
        if m.group() == ".":
            yield ctx.finding(ID, SEVERITY, para, start, end, "中文语句中应使用句号“。”", BASIS, suggestion="。")
        else:
            yield ctx.finding(ID, SEVERITY, para, start, end, f"标点“{m.group()}”重复", BASIS, suggestion="。")
    for para, start, end, m in ctx.scan(DOUBLED_RE):
        mark = m.group(1) or m.group(2)
        yield ctx.finding(ID, SEVERITY, para, start, end, f"标点“{mark}”重复", BASIS, suggestion=mark)
    for para, start, end, m in ctx.scan(ELLIPSIS_RE):
        if m.group().startswith(".") and not _chinese_side(para.text, start, end):
            continue  # 1...10 in a code or a Latin text
        yield ctx.finding(ID, SEVERITY, para, start, end, "省略号应为“……”", BASIS, suggestion="……")
