"""glossary.deprecated: an outdated formulation (一府两院 → 一府一委两院)."""

import re

from ..glossary import month_label

ID = "glossary.deprecated"
SEVERITY = "error"
DOC = "旧提法：词库中标为已过时的写法，给出现行提法；文稿日期早于改用新提法的时间（since）时，旧提法当时正确，不报。"
BASIS = "规范提法词库（各条目注明出处）"
GROUPED = True
FIXABLE = True
TOWN_BEFORE = re.compile(r"(?<![城市县区])[乡镇][“‘\"]?$")


def _current_then(draft, old) -> bool:
    """Whether the old form was still current at the draft's date: a draft of 2017 that writes
    一府两院 wrote what was right then (a draft known by its year only is judged by the year)."""
    since = old.get("since")
    if draft.date is None or since is None:
        return False
    return draft.date.year < since[0] if draft.year_only or not since[1] else (draft.date.year, draft.date.month) < since


def check(draft, ctx):
    for para in draft.paragraphs:
        for hit in ctx.hits(para):
            if hit.kind != "outdated":
                continue
            old = hit.extra
            if _current_then(draft, old):
                continue
            if "两院" in hit.form and TOWN_BEFORE.search(para.text, max(0, hit.start - 3), hit.start):
                continue  # 镇“一府两院”: no 两院 at all in a 乡镇, which usage.level tells; 一府一委两院 would be no fix

            since = f"（自{month_label(old['since'])}起）" if old.get("since") else ""
            note = f"：{old['note']}" if old.get("note") else ""
            right = old.get("right") or hit.entry.term
            yield ctx.finding(ID, SEVERITY, para, hit.start, hit.end,
                              f"“{hit.form}”是旧提法{since}，现行提法为“{right}”{note}",
                              hit.entry.basis, suggestion=right)
