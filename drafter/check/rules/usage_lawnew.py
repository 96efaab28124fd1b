"""usage.lawnew: a law called newly revised (新修订的《代表法》) long after its last change."""

from __future__ import annotations

import re

from . import _laws

ID = "usage.lawnew"
SEVERITY = "warning"
FIXABLE = False
DOC = ("“新修订（新修正）的《××法》”“新《××法》”：法律最近一次修改距文稿日期已超过三年，或这部法律通过后从未修改，"
       "“新修订”已不确切。日期取自法律名称词库（glossary/laws.yaml 的 adopted、changes）。")
BASIS = "实务：“新修订”指最近一次修改不久的法律；法律名称词库中该法的修正、修订日期"
FIXTURES = {
    "bad": ["2026年12月1日\n认真贯彻新修订的《立法法》。", "2026年3月1日\n认真贯彻新修正的选举法。",
            "2026年3月1日\n学习新《预算法》。", "2026年3月1日\n学习新修订的《民法典》。"],
    "good": ["2025年5月1日\n认真贯彻新修正的《代表法》。", "2024年3月1日\n认真贯彻新修订的《立法法》。",
             "认真贯彻新修订的《立法法》。", "2026年3月1日\n学习新《监察法》。",
             "2026年3月1日\n学习修订后的《立法法》。", "2026年3月1日\n创新监督法实施方式。"],
}

STALE_DAYS = 3 * 365 + 1  # about three years


def _pattern(glossary):
    cached = getattr(glossary, "_lawnew_pattern", None)
    if cached is None:
        names, law = _laws.laws(glossary)
        # 新修订的《立法法》, 新修正的选举法, 新《预算法》 (a bare 新 only before 书名号)
        cached = glossary._lawnew_pattern = (names, re.compile(
            rf"新(?P<verb>修订|修正|修改)(?:后)?的?{law}|新《(?P<plain>{'|'.join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or '(?!)'})》"))
    return cached


def check(draft, ctx):
    today = draft.date
    if today is None or "新" not in ctx.text:
        return
    names, pattern = _pattern(ctx.glossary)
    if not names:
        return
    for para, start, end, m in ctx.scan(pattern):
        name = m.group("plain") or _laws.cited(m)
        law = names[name]
        if law.last > today:
            continue
        stale = (today - law.last).days > STALE_DAYS
        if not law.changes and (m.group("verb") or stale):
            message = (f"《{law.name}》{_laws._day(law.adopted)}通过后没有修改过，不宜称“新{m.group('verb')}”"
                       if m.group("verb") else
                       f"《{law.name}》{_laws._day(law.adopted)}通过，距文稿日期已超过三年，“新”字不确切")
        elif stale:
            message = (f"《{law.name}》最近一次修改在{_laws._day(law.last)}，距文稿日期已超过三年，"
                       f"“新”字不确切，可写“{law.last.year}年{law.changes[-1][1]}的《{law.name}》”")
        else:
            continue
        yield ctx.finding(ID, SEVERITY, para, start, end, message, law.entry.basis)
