"""date: a 成文日期 not in Arabic numerals or with padded zeros, and dates that do not exist."""

import calendar
import re

from ...documents import DOCUMENT_KINDS

ID = "format.date"
SEVERITY = "error"
DOC = ("日期：公文（通知、请示、函）的成文日期或正文中的日期未用阿拉伯数字（决定于二〇二六年十二月十五日召开），成文日期编了虚位（05月），成文日期或正文中用圆点、斜线写的日期"
       "（2026.5.19，应写作2026年5月19日）或用了口语的“号”（2026年5月20号），以及不存在的日期（2月30日、13月）。")
BASIS = "GB/T 9704-2012 7.3.5.4；实务"
FIXABLE = False
BASIS_GBT = "GB/T 9704-2012 7.3.5.4（成文日期中的数字）：用阿拉伯数字将年、月、日标全，月、日不编虚位"
BASIS_REAL = "实务：日期须真实存在"
BASIS_BODY = ("GB/T 15835-2011《出版物上数字用法》：公历年月日一般使用阿拉伯数字；"
              "实务：通知、请示、函正文中的日期与成文日期一样用阿拉伯数字")
BASIS_HAO = "GB/T 9704-2012 7.3.5.4（成文日期用阿拉伯数字将年、月、日标全，即“2026年5月20日”）"
BASIS_DOTTED = "GB/T 9704-2012 7.3.5.4（成文日期用阿拉伯数字将年、月、日标全，即“2026年5月19日”）；实务：公文正文中的日期写作“×年×月×日”，不用圆点分隔"
FIXTURES = {
    "bad": ["关于举办培训班的通知\n二〇二四年五月八日", "关于举办培训班的通知\n2024年05月08日",
            "会议定于2024年2月30日召开。", "会议定于2月30日召开。", "关于调整会议时间的请示\n26年3月2日",
            "云溪镇人大主席团\n2026.5.19", "关于召开常委会会议的通知\n决定于二〇二六年十二月十五日召开会议。", "区教育局\n2026年5月20号", "会议定于2026.6.3召开。", "在全县代表工作会议上的讲话\n2026/3/12"],
    "good": ["关于举办培训班的通知\n2024年5月8日", "会议定于2024年2月29日召开。", "在（二〇二四年三月二十八日）的讲话中。",
             "增长2026.5个百分点", "关于召开常委会会议的通知\n会议传达了（二〇二六年三月二十八日）讲话精神。",
             "在全县代表工作会议上的讲话\n二〇二六年十二月十五日，我们召开了会议。", "版本号为2.3.1。", "第2026.13.5条", "GB/T 9704-2012"],
}

CN_IN_TEXT = re.compile(r"(?<![（(《〈“])[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日")
CN_DATE = re.compile(r"^[（(]?[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日[）)]?$")
SHORT_YEAR = re.compile(r"^\d{2}年\d{1,2}月\d{1,2}日$")
PADDED = re.compile(r"^\d{4}年(0\d)月(\d{1,2})日$|^\d{4}年(\d{1,2})月(0\d)日$")
MONTH_DAY = re.compile(r"月[ \t　]*(\d{1,2})[ \t　]*日")  # starts with 月, rarer than a digit: fast
MONTH_BEFORE = re.compile(r"(?<!\d)(\d{1,2})[ \t　]*$")
YEAR_BEFORE = re.compile(r"(\d{4})[ \t　]*年[ \t　]*$")
# A date of points or slashes: a line of its own (a 成文日期) with . / or -, or in a sentence with
# points only (GB/T 15835-2011 lets a sentence write 2008-08-08; no standard gives 2026.5.19).
DATE_LINE = re.compile(r"^[（(]?((?:19|20)\d\d)[ \t]*([.．/／-])[ \t]*(\d{1,2})[ \t]*\2[ \t]*(\d{1,2})[）)]?$")
# A date line of its own (a 成文日期 or the date under a title) ending in the spoken 号.
HAO_LINE = re.compile(r"^[（(]?((?:19|20)\d\d)[ \t]*年[ \t]*(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*号[）)]?$")
DOTTED = re.compile(r"(?<![\d.．])((?:19|20)\d\d)[.．](\d{1,2})[.．](\d{1,2})(?![\d.．])")


def _real(year: str, month: str, day: str) -> bool:
    y, m, d = int(year), int(month), int(day)
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


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
        else:
            for m in CN_IN_TEXT.finditer(para.text):
                yield ctx.finding(ID, SEVERITY, para, m.start(), m.end(), "正文中的日期应使用阿拉伯数字（如 2026年12月15日）",
                                  BASIS_BODY)
    dated: set[int] = set()
    for para in draft.paragraphs:
        hao = HAO_LINE.match(para.text.strip())
        if hao and _real(*hao.groups()):
            lead = len(para.text) - len(para.text.lstrip())
            y, mo, d = hao.group(1), int(hao.group(2)), int(hao.group(3))
            yield ctx.finding(ID, SEVERITY, para, lead, lead + len(para.text.strip()),
                              f"成文日期写作“{y}年{mo}月{d}日”，不用口语的“号”", BASIS_HAO, suggestion=f"{y}年{mo}月{d}日")
            continue
        m = DATE_LINE.match(para.text.strip())
        if m and _real(m.group(1), m.group(3), m.group(4)):
            dated.add(para.number)
            lead = len(para.text) - len(para.text.lstrip())
            y, mo, d = m.group(1), int(m.group(3)), int(m.group(4))
            yield ctx.finding(ID, SEVERITY, para, lead, lead + len(para.text.strip()),
                              f"日期应写作“{y}年{mo}月{d}日”，不用“{m.group(2)}”分隔", BASIS_DOTTED,
                              suggestion=f"{y}年{mo}月{d}日" if m.group().startswith(y) and m.group().endswith(str(m.group(4))) else None)
    for para, start, end, m in ctx.scan(DOTTED):
        if para.number in dated or not _real(*m.groups()):
            continue
        y, mo, d = m.group(1), int(m.group(2)), int(m.group(3))
        yield ctx.finding(ID, SEVERITY, para, start, end, f"日期应写作“{y}年{mo}月{d}日”，不用圆点分隔", BASIS_DOTTED,
                          suggestion=f"{y}年{mo}月{d}日")
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
