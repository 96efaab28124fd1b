"""numbers.range: 10～20% for 10%～20%, and a hyphen between the ends of a range (2026-2027年, 80-100人)."""

import re

ID = "numbers.range"
SEVERITY = "error"
FIXABLE = False
DOC = ("数值范围：百分数的范围两个数都带“%”（10%～20%，不写作10～20%）；数值和年份的起止不用短横线"
       "（80～100人、2026—2027年，不写作80-100人、2026-2027年）；日期、月份的起止同样不用短横线（14日—15日、5—10月、2025—2026年）。")
BASIS_PERCENT = "GB/T 15835-2011《出版物上数字用法》：数值范围前后两个数值的附加符号会造成歧义时不省略（15%～30%，不写为15～30%）"
BASIS_DASH = "GB/T 15834-2011《标点符号用法》连接号：标示数值范围用浪纹线“～”，标示时间等起止用一字线“—”"
BASIS = f"{BASIS_PERCENT}；{BASIS_DASH}"
FIXTURES = {
    "bad": ["居民人均可支配收入增长5-6%。", "投资将增长10～20%。", "2026-2027年，常委会将开展连续监督。",
            "参训人员约80-100人。", "答复满意率达到95-98%。",
            "2026年1月14日-15日", "会期为3月30日-4月2日。",
            "在2025年5-10月办理情况基础上建立跟踪台账。", "2025年-2026年先后两次提质改造。", "2025年5月-10月，共办结建议56件。"],
    "good": ["一般公共预算收入增长5%～6%。", "2025—2026年，常委会将开展连续监督。", "参训人员约80～100人。",
             "联系电话：0731-85551234。", "- 11-14人大代表建议汇编", "GB/T 15834-2011", "发布时间：2025-03-18 09:12", "2026年1月14日—15日", "14日至15日",
             "2025年5—10月", "2025—2026年先后两次提质改造。", "编号2025-10月报", "电话0731-12月", "12-5月"],
}

NUMBER = r"\d+(?:\.\d+)?"
# Found by the dash (a character class re finds fast); the numbers on either side are read in
# fixed windows.
DASH = re.compile(r"[-－–~～—]")
LOW = re.compile(rf"(?<![\d.A-Za-z/-])({NUMBER})([%％]?)[ \t]*$")
HIGH = re.compile(rf"[ \t]*({NUMBER})(%|％|年|人|个|件|次|元|万元|亿元|天|名|家|项|岁|小时|公里|米|亩|人次)(?![\d-])")
HYPHENS = "-－–"
WORD_AFTER = set("大民员口才性体人庭乡长")
# 5-10月 after a year or alone (the month of the low end is left out), 2025年-2026年.
MONTH_LOW = re.compile(r"(?:年|^|[^\d.\-/:：A-Za-z])(\d{1,2})[ \t]*(?:月[ \t]*)?$")
MONTH_HIGH = re.compile(r"[ \t]*(\d{1,2})[ \t]*月(?!\d)")
YEAR_LOW = re.compile(r"(?<![\d.\-/])((?:19|20)\d\d)[ \t]*年[ \t]*$")
YEAR_HIGH = re.compile(r"[ \t]*((?:19|20)\d\d)[ \t]*年")
DAY_LOW = re.compile(r"(?<!\d)(\d{1,2})[ \t]*[日号][ \t]*$")
DAY_HIGH = re.compile(r"[ \t]*((?:\d{1,2}[ \t]*月[ \t]*)?\d{1,2}[ \t]*[日号])")


def _days(ctx, para, start, end, dash):
    """14日-15日, 1月30日-2月2日: the days of a stretch of time joined by a hyphen."""
    if dash not in HYPHENS:
        return
    text = para.text
    months = MONTH_LOW.search(text, max(0, start - 4), start)
    after = months and MONTH_HIGH.match(text, end, end + 4)
    if after and 1 <= int(months.group(1)) < int(after.group(1)) <= 12:
        yield ctx.finding(ID, SEVERITY, para, months.start(), after.end(), "月份的起止用一字线“—”（或写“至”），不用短横线",
                          BASIS_DASH, suggestion=f"{months.group(1)}—{after.group(1)}月")
        return
    years = YEAR_LOW.search(text, max(0, start - 8), start)
    after = years and YEAR_HIGH.match(text, end, end + 8)
    if after and int(years.group(1)) < int(after.group(1)):
        yield ctx.finding(ID, SEVERITY, para, years.start(), after.end(), "年份的起止用一字线“—”（或写“至”），不用短横线",
                          BASIS_DASH, suggestion=f"{years.group(1)}—{after.group(1)}年")
        return
    before = DAY_LOW.search(text, max(0, start - 8), start)
    after = before and DAY_HIGH.match(text, end, end + 12)
    if after:
        yield ctx.finding(ID, SEVERITY, para, before.start(), after.end(), "日期的起止用一字线“—”（或写“至”），不用短横线",
                          BASIS_DASH, suggestion=f"{text[before.start():start]}—{after.group(1)}")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(DASH):
        text = para.text
        before = LOW.search(text, max(0, start - 16), start)
        after = before and HIGH.match(text, end, end + 16)
        if not after:
            yield from _days(ctx, para, start, end, m.group())
            continue
        start, end = before.start(), after.end()
        (low, low_unit), dash, (high, unit) = before.groups(), m.group(), after.groups()
        if unit in ("人", "个", "家") and para.text[end:end + 1] in WORD_AFTER:
            continue  # 11-14人大代表……: the unit begins a word (人大, 个人, 家庭)
        if unit in "%％":
            if low_unit and dash not in HYPHENS:
                continue
            yield ctx.finding(ID, SEVERITY, para, start, end, "百分数的范围，两个数值都应带“%”，中间用“～”",
                              BASIS_PERCENT, suggestion=f"{low}%～{high}%")
        elif dash in HYPHENS:
            if unit == "年" and len(low) == 4 and len(high) == 4:
                yield ctx.finding(ID, SEVERITY, para, start, end, "年份的起止用一字线“—”，不用短横线", BASIS_DASH,
                                  suggestion=f"{low}—{high}年")
            elif unit != "年":
                yield ctx.finding(ID, SEVERITY, para, start, end, "数值范围用浪纹线“～”，不用短横线", BASIS_DASH,
                                  suggestion=f"{low}～{high}{unit}")
