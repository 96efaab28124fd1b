"""usage.lawdate: a law cited with a year that names no change of it, or cited as in force
in a draft dated before it took effect."""

from __future__ import annotations

import re

from . import _laws

ID = "usage.lawdate"
SEVERITY = "error"
FIXABLE = False
DOC = ("法律的年份：引用法律时写的年份不是它通过或修改的年份（“2014年修订的《代表法》”“《监督法》（2005年）”），"
       "或文稿日期早于法律施行日期却写“依照（根据）《××法》”。法律的通过、施行和历次修正、修订日期取自法律名称词库"
       "（glossary/laws.yaml 的 adopted、effective、changes）。")
BASIS = "法律名称词库中该法的通过、施行和修正、修订日期（每条注明核实日期的来源 dates_source）"
FIXTURES = {
    "bad": ["严格执行2014年修订的《代表法》。", "认真贯彻2016年修订的《立法法》。",
            "依照《监督法》（2005年）的规定开展专题询问。",
            "2006年11月1日\n依照《各级人民代表大会常务委员会监督法》开展执法检查。",
            "2020年9月1日\n根据民法典的规定，做好相关工作。"],
    "good": ["严格执行2015年修正的《代表法》。", "依照《监督法》（2006年）的规定开展专题询问。",
             "认真贯彻2023年修正的《立法法》。", "依照2024年修正的《中华人民共和国各级人民代表大会常务委员会监督法》。",
             "2007年3月1日\n依照《各级人民代表大会常务委员会监督法》开展执法检查。",
             "2020年9月1日\n学习民法典，为民法典2021年1月1日起施行做好准备。",
             "根据《中华人民共和国监察法实施条例》的规定。", "1982年宪法是现行宪法。",
             "2010年制定的监督法实施办法。", "依照2018年修正的宪法。", "2019年修订的《代表法》实施办法。"],
}

CHANGED = ("修订", "修正", "修改")
YEAR = r"(?P<year>(?:19|20)\d{2})年"
VERB = r"(?P<verb>修订|修正|修改|制定|通过|颁布)"


def _patterns(glossary):
    cached = getattr(glossary, "_lawdate_patterns", None)
    if cached is None:
        names, law = _laws.laws(glossary)
        before = re.compile(rf"{YEAR}(?:新)?{VERB}(?:后)?的{law}")                 # 2015年修订的《立法法》
        after = re.compile(rf"{law}[（(]{YEAR}(?:(?P<verb>修订|修正|修改)[本版]?)?[）)]")  # 《监督法》（2006年）
        force = re.compile(rf"(?:依照|根据|按照|依据|遵照){law}")                     # 依照《监督法》
        cached = glossary._lawdate_patterns = (names, before, after, force)
    return cached


def check(draft, ctx):
    if "法" not in ctx.text and "规则" not in ctx.text:
        return
    names, before, after, force = _patterns(ctx.glossary)
    if not names:
        return
    today = draft.date
    for pattern in (before, after):
        for para, start, end, m in ctx.scan(pattern):
            law = names[_laws.cited(m)]
            year, verb = int(m.group("year")), m.group("verb")
            if today is not None and year > today.year:
                continue  # a year after the draft's own: not this rule's to judge
            changed = {d.year for d, _, _ in law.changes}
            if verb in CHANGED:
                ok, what = year in changed, "修改"
            elif verb:  # 制定、通过、颁布
                ok, what = year == law.adopted.year, "通过"
            else:
                ok, what = year == law.adopted.year or year in changed, "通过或修改"
            if ok:
                continue
            yield ctx.finding(ID, SEVERITY, para, start, end,
                              f"《{law.name}》{year}年没有{what}（{law.history()}），请核对年份",
                              law.entry.basis)
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
