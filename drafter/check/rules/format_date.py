"""date: a 成文日期 not in Arabic numerals or with padded zeros, and dates that do not exist."""

import calendar
import re

from ...documents import DOCUMENT_KINDS

ID = "format.date"
SEVERITY = "error"
DOC = "日期：公文（通知、请示、函）的成文日期未用阿拉伯数字或编了虚位（05月），以及不存在的日期（2月30日、13月）。"
BASIS = "GB/T 9704-2012 7.3.5.4；实务"
FIXABLE = False
BASIS_GBT = "GB/T 9704-2012 7.3.5.4（成文日期中的数字）：用阿拉伯数字将年、月、日标全，月、日不编虚位"
BASIS_REAL = "实务：日期须真实存在"
FIXTURES = {
    "bad": ["关于举办培训班的通知\n二〇二四年五月八日", "关于举办培训班的通知\n2024年05月08日",
            "会议定于2024年2月30日召开。", "会议定于2月30日召开。", "关于调整会议时间的请示\n26年3月2日"],
    "good": ["关于举办培训班的通知\n2024年5月8日", "会议定于2024年2月29日召开。", "在（二〇二四年三月二十八日）的讲话中。"],
}

CN_DATE = re.compile(r"^[（(]?[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日[）)]?$")
SHORT_YEAR = re.compile(r"^\d{2}年\d{1,2}月\d{1,2}日$")
PADDED = re.compile(r"^\d{4}年(0\d)月(\d{1,2})日$|^\d{4}年(\d{1,2})月(0\d)日$")
MONTH_DAY = re.compile(r"月[ \t　]*(\d{1,2})[ \t　]*日")  # starts with 月, rarer than a digit: fast
MONTH_BEFORE = re.compile(r"(?<!\d)(\d{1,2})[ \t　]*$")
YEAR_BEFORE = re.compile(r"(\d{4})[ \t　]*年[ \t　]*$")


def check(draft, ctx):
    for para in draft.paragraphs if draft.kind in DOCUMENT_KINDS else ():
        text = para.text.strip()
        if CN_DATE.match(text):
            yield ctx.finding(ID, SEVERITY, para, 0, len(para.text), "成文日期应使用阿拉伯数字（如 2024年5月8日）",
                              BASIS_GBT)
        elif SHORT_YEAR.match(text):
            yield ctx.finding(ID, SEVERITY, para, 0, len(para.text), "成文日期应将年份标全（如 2026年3月2日）",
                              BASIS_GBT)
        elif PADDED.match(text):
            y, rest = text.split("年", 1)
            m, d = rest.rstrip("日").split("月")
            yield ctx.finding(ID, SEVERITY, para, 0, len(para.text), "成文日期的月、日不编虚位",
                              BASIS_GBT, suggestion=f"{y}年{int(m)}月{int(d)}日")
    for para, start, end, m in ctx.scan(MONTH_DAY):
        month_match = MONTH_BEFORE.search(para.text, max(0, start - 4), start)
        if not month_match:
            continue
        start = month_match.start()
        year_match = YEAR_BEFORE.search(para.text, max(0, start - 8), start)
        year = int(year_match.group(1)) if year_match else 2024  # a leap year: 2月29日 alone is fine
        month, day = int(month_match.group(1)), int(m.group(1))
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
            if year_match:
                start = year_match.start()
            yield ctx.finding(ID, SEVERITY, para, start, end, f"日期“{para.text[start:end]}”不存在", BASIS_REAL)
