"""numbers.weekday: a weekday that does not match its date (2026年4月14日（星期三）: a Tuesday)."""

import datetime as dt
import re

from ...documents import TITLE_MONTH

ID = "numbers.weekday"
SEVERITY = "error"
FIXABLE = False
DOC = ("日期与星期不符：按公历推算日期是星期几，与括注的星期不一致时报告。没有年份的日期取同一句前面日期的年份，"
       "再没有就取文稿日期所在的年份（跨年前后半年内的取最近的一年），文稿没有日期的取标题中的年份（会议日程（2026年1月））；"
       "只写“日”的（至29日（星期四））取前面日期的年月。")
BASIS = "实务：括注的星期须与公历日期相符（按公历推算）"
FIXTURES = {
    "bad": ["定于2026年4月14日（星期三）报到。", "2026年5月25日(星期一)至29日(星期四)举办培训班。", "2026年1月13日（周三）", "定于2026年4月14日星期三上午报到。", "2026年7月8日，星期四，召开主任会议。",
            "第四次会议日程（2026年1月）\n1月20日（星期二）上午开幕。\n1月21日（星期四）上午全体会议。"],
    "good": ["定于2026年4月14日（星期二）报到。", "2026年5月25日(星期一)至29日(星期五)举办培训班。",
             "2026年1月13日（周二）", "定于2026年4月14日星期二上午报到。", "2026年7月8日，星期三，召开主任会议。", "2月30日（星期一）", "定于×月×日（星期四）召开。",
             "第四次会议日程（2026年1月）\n1月20日（星期二）上午开幕。\n1月21日（星期三）上午全体会议。",
             "2025年和2026年工作安排\n1月21日（星期四）上午全体会议。"],
}

NAMES = "一二三四五六日天"
# Found by the weekday in brackets; the date before it is read within a bounded stretch.
PATTERN = re.compile(rf"[（(][ \t]*(?:星期|周|礼拜)([{NAMES}])[ \t]*[）)]|(?<=[日号])[ \t　]*[，,]?[ \t　]*星期([{NAMES}])")
DAY_BEFORE = re.compile(r"(?:(?:(\d{4})[ \t]*年[ \t]*)?(\d{1,2})[ \t]*月[ \t]*)?(\d{1,2})[ \t]*[日号][ \t]*$")
FULL_DATE = re.compile(r"(?:(\d{4})[ \t]*年[ \t]*)?(\d{1,2})[ \t]*月[ \t]*\d{1,2}[ \t]*[日号]")
YEAR = re.compile(r"(\d{4})[ \t]*年")
REACH = 60  # how far back a sentence's earlier date (its year, its month) is looked for
WEEKDAY = ("一", "二", "三", "四", "五", "六", "日")


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The date with that month and day nearest to the draft's date (a notice in December names
    January's days of the next year)."""
    found = [d for d in (_date(anchor.year + k, month, day) for k in (-1, 0, 1)) if d]
    return min(found, key=lambda d: abs((d - anchor).days)) if found else None


TITLE_LINES = 3  # a draft without a date takes the year its title names (会议日程（2026年1月）)
TITLE_YEAR = re.compile(r"(\d{4})[ \t]*年(?:[ \t]*(\d{1,2})[ \t]*月)?")


def _title_anchor(draft) -> dt.date | None:
    """The date a draft's title names when it names one year (and perhaps a month): the middle
    of that month, else of that year. None when the title names no year or several."""
    found = [m for p in draft.paragraphs[:TITLE_LINES] for m in TITLE_YEAR.finditer(p.text)]
    if not found or len({m.group(1) for m in found}) > 1:
        return None
    year, month = int(found[0].group(1)), found[0].group(2)
    return _date(year, int(month), 15) if month and 1 <= int(month) <= 12 else _date(year, 7, 1)


def check(draft, ctx):
    anchor = None if draft.date is not None else _title_anchor(draft)
    for para, start, end, m in ctx.scan(PATTERN):
        text = para.text
        date_m = DAY_BEFORE.search(text, max(0, start - 16), start)
        if not date_m:
            continue
        year, month, day = date_m.groups()
        lo = max(0, date_m.start() - REACH)
        head = text[lo:date_m.start()]
        head = head[max(head.rfind("。"), head.rfind("；")) + 1:]  # the same sentence only
        if month is None:  # 至29日（星期四）: month and year from the date before it
            earlier = list(FULL_DATE.finditer(head))
            if not earlier:
                continue
            year, month = year or earlier[-1].group(1), earlier[-1].group(2)
        if year is None:
            years = YEAR.findall(head)
            year = years[-1] if years else None
        source = None
        if year is not None:
            when = _date(int(year), int(month), int(day))
        elif draft.date is not None and (not draft.year_only or draft.date_source == TITLE_MONTH):
            when = _nearest(int(month), int(day), draft.date)
            source = draft.date_source
        elif draft.date is not None:
            when = _date(draft.date.year, int(month), int(day))
            source = draft.date_source
        elif anchor is not None:
            when = _nearest(int(month), int(day), anchor)
            source = "标题中的年份"
        else:
            continue
        if when is None:
            continue  # 2月30日: no such day, which another check may tell
        said = (m.group(1) or m.group(2)).replace("天", "日")
        real = WEEKDAY[when.weekday()]
        if said != real:
            whose = f"（年份取自{source}：{when.year}年）" if source else ""
            yield ctx.finding(ID, SEVERITY, para, date_m.start(), end,
                              f"{when.year}年{when.month}月{when.day}日是星期{real}，不是星期{said}{whose}，请核对日期或星期",
                              BASIS)
