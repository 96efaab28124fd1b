"""people.post: a name with a post the person does not hold on the draft's date (an officer who
has left, named in his old post), or a post with a name other than its holder's, by the
workspace's people register (people.yaml). Without a register, or without the draft's date, silent."""

import os
import re

from ..people import NAME, shared

ID = "people.post"
SEVERITY = "error"
DOC = ("人事：按工作区的人事名册（people.yaml），文稿日期时某人并不担任文中所写的职务（已免职、尚未任职），"
       "或职务后写的不是当时的任职者；没有人事名册或文稿日期时不查。")
BASIS = "本单位人事名册（工作区 people.yaml，据任免决定）"
FIXABLE = False
# The bad cases need a register: tests/test_people.py runs them with one. Without a register the
# rule says nothing, which these show.
FIXTURES = {
    "bad": [],
    "good": ["县人大常委会办公室主任李四同志主持会议。（2026年4月1日）", "任命张三为恒阳县人民检察院副检察长。"],
}
UNKNOWN = re.compile(r"[\u4e00-\u9fff]{2,3}(?=同志)")  # a name not in the register: only before 同志
BEFORE = re.compile(rf"({NAME}?)(?:同志)?[（(]$")


def _day(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def check(draft, ctx):
    register = ctx.people
    if register is None or draft.date is None or draft.year_only or not register.terms:
        return
    day, forms = draft.date, register.posts()
    names = sorted(register.names(), key=len, reverse=True)
    dated = f"文稿日期为{_day(day)}"
    for para, start, end, m in ctx.scan(register.pattern):
        post = forms[m.group()]
        text = para.text
        name = next((n for n in names if text.startswith(n, end)), None)
        a, b = start, end + len(name) if name else end
        if name is None:  # 李四（县人大常委会办公室主任）
            before = BEFORE.search(text, max(0, start - 10), start)
            name = next((n for n in names if before and before.group(1).endswith(n)), None)
            if name:
                a = text.rfind(name, 0, start)
        message, basis = _judge(register, name, post, day, dated)
        if message is None and name is None and not shared(post):
            unknown = UNKNOWN.match(text, end)
            holders = register.holders(post, day)
            if unknown and holders and unknown.group() not in {t.name for t in holders}:
                b = unknown.end()
                message = f"文稿日期（{_day(day)}）时，{post}由{holders[0].name}担任，不是{unknown.group()}"
                basis = _basis(register, holders[0])
        if message:
            yield ctx.finding(ID, SEVERITY, para, a, b, message + "，请核实", basis)


def _basis(register, term) -> str:
    return f"人事名册 {os.path.basename(register.file)} 第{term.index + 1}条：{term.describe()}"


def _judge(register, name, post, day, dated):
    """(message, basis) when ``name`` does not hold ``post`` on ``day``; (None, None) otherwise."""
    if name is None:
        return None, None
    terms = register.terms_of(name, post)
    if any(t.holds(day) for t in terms):
        return None, None
    ended = [t for t in terms if t.end and t.end <= day]
    if ended:
        last = max(ended, key=lambda t: t.end)
        return f"{name}已于{_day(last.end)}免去{post}职务，{dated}", _basis(register, last)
    later = [t for t in terms if t.start and t.start > day]
    if later:
        first = min(later, key=lambda t: t.start)
        return f"{name}自{_day(first.start)}起任{post}，{dated}时尚未任职", _basis(register, first)
    holders = register.holders(post, day)
    if not shared(post) and holders:
        return f"文稿日期（{_day(day)}）时，{post}由{holders[0].name}担任，不是{name}", _basis(register, holders[0])
    return None, None
