"""numbers.date: a date that contradicts the draft's own date: an event told as done that lies
after the draft's date, or a deadline asked for that has already passed."""

import datetime as dt
import re

ID = "numbers.date"
SEVERITY = "warning"
FIXABLE = False
DOC = ("日期前后矛盾：文中说已经发生的事（经5月19日主任会议研究、7月28日会议审议了、6月15日我局已召开、已于6月底前完成、2026年3月，常委会举办了）晚于文稿日期；"
       "或者请对方在某日前办理，而那一天早于文稿日期或早于文中已经发生的事。文稿日期取 --date、文末成文日期（也认单独一行的 2026.4.8）或标题下的日期，"
       "只写到“年”的不用；没有年份的日期取离文稿日期最近的一年。")
BASIS = "实务：文中日期须与成文日期相符，已发生的事不晚于成文日期，要求的期限不早于成文日期"
FIXTURES = {
    "bad": ["关于开展调研的函\n经5月19日主任会议研究，决定开展专题调研。\n市人大常委会办公室\n2026年5月12日",
            "2026年7月28日，常委会会议听取和审议了区人民政府的报告。请区人民政府于2026年1月28日前将研究处理情况书面报告。",
            "关于座谈情况的报告\n2026年6月15日，我局已召开座谈会，听取沿线群众意见。\n2026年5月20日",
            "关于论证情况的函\n6月3日，我会召开论证会，对条款逐条进行了研究。\n2026年5月20日",
            "关于调研的请示\n调研组已于4月20日完成第一阶段座谈。\n妥否，请批示。\n2026.4.8",
            "关于办理情况的答复\n督促企业落实维保责任，已于2026年6月底前完成隐患排查。\n2026年5月27日",
            "关于建议交办情况的讲话\n4月10日，区人民政府已将全部建议逐件交办。\n2026年3月26日",
            "常委会工作报告\n2026年3月，常委会举办了组成人员履职学习班。\n2026年1月20日"],
    "good": ["关于开展调研的函\n经5月9日主任会议研究，决定开展专题调研。\n市人大常委会办公室\n2026年5月12日",
             "常委会工作报告\n2026年3月，常委会将举办组成人员履职学习班。\n2026年1月20日",
             "常委会工作报告\n2025年12月，常委会举办了组成人员履职学习班。\n2026年1月20日",
             "常委会工作要点\n2026年3月，举办组成人员履职学习班，为了提高履职能力。\n2026年1月20日",
             "2026年7月28日，常委会会议听取和审议了区人民政府的报告。请区人民政府于2026年10月28日前将研究处理情况书面报告。",
             "定于5月19日召开主任会议。\n2026年5月12日",
             "2026年1月，常委会要求于2月底前完成整改，各单位已于2026年2月20日前全部完成。\n2026年5月12日",
             "为了6月30日的会议顺利召开，各单位要做好准备。\n2026年5月20日",
             "6月15日，我局将召开座谈会，了解群众意见。\n2026年5月20日",
             "关于办理情况的答复\n已于2026年6月底前完成隐患排查。\n2026年6月28日", "关于调研的报告\n调研组已于5月上旬完成座谈。\n2026年5月20日",
             "关于工作安排的通知\n经2026年6月主任会议研究同意。\n2026年6月28日", "关于交办的讲话\n4月10日，区人民政府将把全部建议交办。\n2026年3月26日"],
}

# Found by 日 after a day number; the month, year and the words around it are read in windows.
PATTERN = re.compile(r"(?:(\d{4})[ \t]*年[ \t]*)?(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*[日号]")
DONE_BEFORE = re.compile(r"(?:经|已于|已在|已经)[ \t]*$")
# Told as done in the clause after the date: a verb with 了 (召开了, 进行了研究; not 为了, 除了, 了解), or
# 已/已经 before a verb (我局已召开座谈会; not 已于 or 已在, which bring a date or place of their own).
DONE_AFTER = re.compile(r"^[^。；;！？!?]{0,40}?(?:[\u4e00-\u9fff](?<![为除])了(?![解结如])"
                        r"|已经?(?![于在经])[\u4e00-\u9fff])")
FUTURE = re.compile(r"(?<!已)(?<!已经)将|拟|定于|计划|预计|力争|届时|准备|前|之前|以前|要")  # 已将 is 已把
DEADLINE_AFTER = re.compile(r"^[ \t]*(?:前|之前|以前)")
ASKING = re.compile(r"请|务必|须|应当|应于")
SENTENCE_START = "。；;！？!?\n"
# A month or a part of one told as done (已于2026年6月底前完成, 已于4月上旬召开): it lies after the
# draft's date when even its first day does (6月底 from the 21st, 6月 from the 1st).
SPAN = re.compile(r"(?:经|已于|已在|已经)[ \t]*(?:(\d{4})[ \t]*年[ \t]*)?(\d{1,2})[ \t]*月份?(底|末|初|上旬|中旬|下旬)?"
                  r"(?![ \t]*\d)")
SPAN_FIRST_DAY = {None: 1, "初": 1, "上旬": 1, "中旬": 11, "下旬": 21, "底": 21, "末": 21}
# A month with its year, the clause after it told as done (2026年3月，常委会举办了……), as SPAN.
MONTH = re.compile(r"(?<![经于在])(\d{4})[ \t]*年[ \t]*(\d{1,2})[ \t]*月份?(底|末|初|上旬|中旬|下旬)?(?![ \t]*\d)")


def _date(year, month, day, anchor):
    month, day = int(month), int(day)
    if year:
        try:
            return dt.date(int(year), month, day)
        except ValueError:
            return None
    if anchor is None:
        return None
    found = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            found.append(dt.date(y, month, day))
        except ValueError:
            pass
    return min(found, key=lambda d: abs((d - anchor).days)) if found else None


def _label(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


DATE_LINE = re.compile(r"^[ \t　（(—-]*(\d{4})[ \t]*年[ \t]*(\d{1,2})[ \t]*月[ \t]*(\d{1,2})[ \t]*日"
                       r"|^[ \t　]*(\d{4})[ \t]*([.．/-])[ \t]*(\d{1,2})[ \t]*\5[ \t]*(\d{1,2})[ \t　]*$")
DETECTED = ("文末的成文日期", "标题下的日期")


def _anchor(draft) -> dt.date | None:
    """The draft's date to hold the text against: one the writer gave (--date, an outline's date),
    or one found in the text when it stands on a line of its own (the signature date, the date
    under the title, a subtitle ——2026年1月9日在……上), never a date inside a sentence."""
    when = draft.date
    if when is None or draft.year_only:
        return None
    if draft.date_source not in DETECTED:
        return when
    for para in draft.paragraphs:
        m = DATE_LINE.match(para.text) if len(para.text) <= 60 else None
        if m and _date(*(m.group(1, 2, 3) if m.group(1) else m.group(4, 6, 7)), None) == when:
            return when
    return None


def check(draft, ctx):
    anchor = _anchor(draft)
    source = draft.date_source or "文稿日期"
    dates = []  # (para, start, end, date, done, deadline)
    for para, start, end, m in ctx.scan(PATTERN):
        text = para.text
        head = text[max(0, start - 6):start]
        when = _date(*m.groups(), anchor)
        if when is None:
            continue
        tail = text[end:end + 60]
        done_after = DONE_AFTER.match(tail)
        done = bool(DONE_BEFORE.search(head)) or bool(done_after and not FUTURE.search(done_after.group()))
        lo = max(0, start - 60)
        sentence = text[lo:start]
        sentence = sentence[max(sentence.rfind(c) for c in SENTENCE_START) + 1:]
        deadline = bool(DEADLINE_AFTER.match(tail)) and bool(ASKING.search(sentence)) and "已" not in sentence
        dates.append((para, start, end, when, done, deadline))
    if anchor is not None:
        for para, start, end, m in ctx.scan(SPAN):
            first = _date(m.group(1), m.group(2), SPAN_FIRST_DAY[m.group(3)], anchor)
            if first is not None and first > anchor:
                at = start + m.group().index(m.group(1) or m.group(2))
                yield ctx.finding(ID, SEVERITY, para, at, end,
                                  f"文中说已经发生的“{para.text[at:end]}”晚于文稿日期{_label(anchor)}（取自{source}），请核对",
                                  BASIS)
        for para, start, end, m in ctx.scan(MONTH):
            first = _date(m.group(1), m.group(2), SPAN_FIRST_DAY[m.group(3)], anchor)
            told = DONE_AFTER.match(para.text[end:end + 60])
            if first is not None and first > anchor and told and not FUTURE.search(told.group()) \
                    and not DONE_BEFORE.search(para.text[max(0, start - 6):start]):
                yield ctx.finding(ID, SEVERITY, para, start, end,
                                  f"文中说已经发生的“{m.group()}”晚于文稿日期{_label(anchor)}（取自{source}），请核对", BASIS)
        for para, start, end, when, done, _ in dates:
            if done and when > anchor:
                yield ctx.finding(ID, SEVERITY, para, start, end,
                                  f"文中说已经发生的{_label(when)}晚于文稿日期{_label(anchor)}（取自{source}），请核对",
                                  BASIS)
    happened = [when for _, _, _, when, done, _ in dates if done]
    floor = max([d for d in (anchor, *happened) if d is not None], default=None)
    if floor is None:
        return
    for para, start, end, when, _, deadline in dates:
        if deadline and when < floor:
            why = (f"文稿日期{_label(anchor)}（取自{source}）" if floor == anchor
                   else f"文中已经发生的{_label(floor)}")
            yield ctx.finding(ID, SEVERITY, para, max(0, start - 1) if para.text[start - 1:start] == "于" else start,
                              end + 1, f"要求的期限{_label(when)}早于{why}，请核对", BASIS)
