"""glossary.deprecated: an outdated formulation (一府两院 → 一府一委两院)."""

import re

ID = "glossary.deprecated"
SEVERITY = "error"
DOC = "旧提法：词库中标为已过时的写法，给出现行提法。"
BASIS = "规范提法词库（各条目注明出处）"
GROUPED = True
FIXABLE = True
TOWN_BEFORE = re.compile(r"(?<![城市县区])[乡镇][“‘\"]?$")


def check(draft, ctx):
    for para in draft.paragraphs:
        for hit in ctx.hits(para):
            if hit.kind != "outdated":
                continue
            old = hit.extra
            if "两院" in hit.form and TOWN_BEFORE.search(para.text, max(0, hit.start - 3), hit.start):
                continue  # 镇“一府两院”: no 两院 at all in a 乡镇, which usage.level tells; 一府一委两院 would be no fix

            since = f"（自{old['since']}起）" if old.get("since") else ""
            note = f"：{old['note']}" if old.get("note") else ""
            right = old.get("right") or hit.entry.term
            yield ctx.finding(ID, SEVERITY, para, hit.start, hit.end,
                              f"“{hit.form}”是旧提法{since}，现行提法为“{right}”{note}",
                              hit.entry.basis, suggestion=right)
