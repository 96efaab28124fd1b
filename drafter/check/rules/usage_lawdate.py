"""usage.lawdate: a law cited with a year that names no change of it, or cited as in force
in a draft dated before it took effect."""

from __future__ import annotations

import re

from . import _laws

ID = "usage.lawdate"
SEVERITY = "error"
FIXABLE = False
DOC = ("法律的年份：引用法律时写的年份（或“第几次修正”）与它通过、修改的日期不符（“2014年修订的《代表法》”“《监督法》（2005年）”“2015年第二次修正的《代表法》”），"
       "或文稿日期早于法律施行日期却写“依照（根据）《××法》”。法律的通过、施行和历次修正、修订日期取自法律名称词库"
       "（glossary/laws.yaml 的 adopted、effective、changes）。")
BASIS = "法律名称词库中该法的通过、施行和修正、修订日期（每条注明核实日期的来源 dates_source）"
FIXTURES = {
    "bad": ["严格执行2014年修订的《代表法》。", "认真贯彻2016年修订的《立法法》。",
            "认真贯彻2015年第二次修正的《代表法》。", "学习2024年3月修正的监督法。", "《代表法》于2014年修正。",
            "落实2018年第三次修订的《未成年人保护法》。",
            "依照《监督法》（2005年）的规定开展专题询问。",
            "2006年11月1日\n依照《各级人民代表大会常务委员会监督法》开展执法检查。",
            "2020年9月1日\n根据民法典的规定，做好相关工作。"],
    "good": ["严格执行2015年修正的《代表法》。", "依照《监督法》（2006年）的规定开展专题询问。",
             "认真贯彻2023年修正的《立法法》。", "依照2024年修正的《中华人民共和国各级人民代表大会常务委员会监督法》。",
             "2007年3月1日\n依照《各级人民代表大会常务委员会监督法》开展执法检查。",
             "2020年9月1日\n学习民法典，为民法典2021年1月1日起施行做好准备。",
             "根据《中华人民共和国监察法实施条例》的规定。", "1982年宪法是现行宪法。",
             "2010年制定的监督法实施办法。", "依照2018年修正的宪法。", "2019年修订的《代表法》实施办法。",
             "认真贯彻2015年第三次修正的《代表法》。", "学习2024年11月修正的监督法。", "《代表法》于2015年修正。",
             "落实2020年第二次修订的《未成年人保护法》。", "选举法2020年第七次修正后，代表名额有所调整。"],
}

CHANGED = ("修订", "修正", "修改")
YEAR = r"(?P<year>(?:19|20)\d{2})年(?:(?P<month>\d{1,2})月(?:\d{1,2}日)?)?"
NTH = r"(?:第(?P<nth>[一二三四五六七八九十])次)?"
VERB = rf"{NTH}(?P<verb>修订|修正|修改|制定|通过|颁布)"
ORDINALS = "一二三四五六七八九十"
# which changes an ordinal counts, as the laws' own headnotes number them (第二次修正, 第一次修订)
COUNTED = {"修正": ("修正", "修正案"), "修订": ("修订",), "修改": ("修正", "修订", "修正案")}


def _patterns(glossary):
    cached = getattr(glossary, "_lawdate_patterns", None)
    if cached is None:
        names, law = _laws.laws(glossary)
        before = re.compile(rf"{YEAR}(?:新)?{VERB}(?:后)?的{law}")                   # 2015年修订的《立法法》
        after = re.compile(rf"{law}[（(]{YEAR}(?:{NTH}(?P<verb>修订|修正|修改)[本版]?)?[）)]")  # 《监督法》（2006年）
        told = re.compile(rf"{law}(?:于|在)?{YEAR}(?:进行了?|作了?|作出了?)?{VERB}")      # 《代表法》于2015年修正
        force = re.compile(rf"(?:依照|根据|按照|依据|遵照){law}")                       # 依照《监督法》
        cached = glossary._lawdate_patterns = (names, (before, after, told), force)
    return cached


def _wrong(law, year: int, month: int | None, nth: str | None, verb: str | None) -> str | None:
    """What is wrong with citing ``law`` as changed (or adopted) then, or None."""
    def when(d) -> bool:
        return d.year == year and (month is None or d.month == month)

    said = f"{year}年{f'{month}月' if month else ''}"
    if verb in CHANGED:
        if nth:
            counted = [d for d, kind, _ in law.changes if kind in COUNTED[verb]]
            k = ORDINALS.index(nth) + 1
            if k > len(counted):
                return f"《{law.name}》没有第{nth}次{verb}（{law.history()}）"
            if not when(counted[k - 1]):
                return f"《{law.name}》第{nth}次{verb}在{_laws._day(counted[k - 1])}，不在{said}（{law.history()}）"
            return None
        if any(when(d) for d, _, _ in law.changes):
            return None
        return f"《{law.name}》{said}没有修改（{law.history()}），请核对"
    if verb:  # 制定、通过、颁布
        return None if when(law.adopted) else f"《{law.name}》不是{said}通过的（{law.history()}），请核对"
    if when(law.adopted) or any(when(d) for d, _, _ in law.changes):
        return None
    return f"《{law.name}》{said}没有通过或修改（{law.history()}），请核对"


def check(draft, ctx):
    if "法" not in ctx.text and "规则" not in ctx.text:
        return
    names, cited, force = _patterns(ctx.glossary)
    if not names:
        return
    today = draft.date
    seen: set[tuple[int, int]] = set()
    for pattern in cited:
        for para, start, end, m in ctx.scan(pattern):
            if (para.number, start) in seen:
                continue
            law = names[_laws.cited(m)]
            year, month = int(m.group("year")), m.group("month")
            month = int(month) if month and 1 <= int(month) <= 12 else None
            if today is not None and year > today.year:
                continue  # a year after the draft's own: not this rule's to judge
            message = _wrong(law, year, month, m.group("nth"), m.group("verb"))
            if message:
                seen.add((para.number, start))
                yield ctx.finding(ID, SEVERITY, para, start, end, message, law.entry.basis)
    if today is None:
        return
    for para, start, end, m in ctx.scan(force):
        law = names[_laws.cited(m)]
        if law.effective is None or today >= law.effective:
            continue
        rest = para.text[end:end + 40]
        if re.search(r"施行|实施|生效", rest.split("。")[0]):
            continue  # the sentence speaks of its taking effect: a draft preparing for it
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"《{law.name}》自{_laws._day(law.effective)}起施行，文稿日期"
                          f"{_laws._day(today)}时尚未施行，不能“{m.group()[:2]}”它", law.entry.basis)
