"""numbers.year: a year abbreviated to two digits (26年3月, 25年度)."""

import re

ID = "numbers.year"
SEVERITY = "warning"
FIXABLE = False
DOC = "年份简写：公历年份应写全四位（2026年3月，不写作26年3月；2025年度，不写作25年度）。“26年来”之类表示年数的不报。"
BASIS = "GB/T 15835-2011《出版物上数字用法》：年份不应简写（“1990年”不写为“90年”）"
FIXTURES = {
    "bad": ["26年3月2日", "25年3月以来，常委会共召开会议8次。", "请于26年4月15日前报送。", "24年以来，主席团共组织活动15次。",
            "25年度工作总结", "25年，常委会首次开展专项审议。"],
    "good": ["2026年3月2日", "县人大常委会成立26年来，始终坚持党的领导。", "建站12年以来，接待群众上万人次。",
             "用了12年3个月时间。", "第26年3月", "全县建站已有12年，接待群众上万人次。", "我们用了25年，走完了这段路。"],
}

# Found by 年 (a literal re finds fast); the two digits before it and what follows are read in
# fixed windows.
PATTERN = re.compile(r"年(?=[ \t　]*\d{1,2}[ \t　]*月|度|以来|初|底|末|上半年|下半年|(?P<comma>[，,]))")
TWO_DIGITS = re.compile(r"(?<![\d０-９.．第])\d{2}$")
DURATION = ("成立", "建立", "设立", "建站", "建会", "开展", "坚持", "历经", "走过", "经过", "过去", "近", "这", "用了", "连续")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        digits = TWO_DIGITS.search(para.text, max(0, start - 2), start)
        if not digits:
            continue
        start = digits.start()
        if m.group("comma") and para.text[:start].rstrip(" \t　")[-1:] not in ("", "。", "；", ";", "！", "？"):
            continue  # 25年， opening a sentence is a year; 用了25年， inside one is a length of time
        window = para.text[max(0, start - 2):start]
        if any(window.endswith(w) for w in DURATION):
            continue  # 成立26年以来: a number of years
        yield ctx.finding(ID, SEVERITY, para, start, end, f"年份“{para.text[start:end]}”简写了，应写全四位（如 20{digits.group()}年）",
                          BASIS)
