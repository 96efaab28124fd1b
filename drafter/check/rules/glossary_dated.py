"""glossary.dated: a term outside its validity period for the document's date (“十四五”规划 in 2026)."""

import re

ID = "glossary.dated"
SEVERITY = "warning"
DOC = "时效：有有效期的提法（如“十四五”规划 2021—2025 年）出现在有效期以外的文稿中，提醒核实是否应改用现行提法。"
BASIS = "规范提法词库（各条目注明出处）"
FIXABLE = False


def _label(ym: tuple[int, int]) -> str:
    return f"{ym[0]}年{ym[1]}月" if ym[1] else f"{ym[0]}年"


# A period named in looking back (“十四五”规划圆满收官, 过去五年) is right in a later draft.
LOOKING_BACK = re.compile("收官|以来|回顾|过去|圆满完成|胜利完成|取得了|已经")
CLAUSE = re.compile("[^。；;！？!?]*")


def _looking_back(text: str, start: int, end: int) -> bool:
    """Whether the sentence around [start, end) speaks of the period as past."""
    left = max(text.rfind(ch, 0, start) for ch in "。；;！？!?") + 1
    right = CLAUSE.match(text, end).end()
    return bool(LOOKING_BACK.search(text[left:start]) or LOOKING_BACK.search(text[end:right]))


def check(draft, ctx):
    if draft.date is None:
        return
    year, month = draft.date.year, draft.date.month
    # A year without a day (the text's 今年) is outside a period only when all of it is.
    earliest, latest = ((year, 1), (year, 12)) if draft.year_only else ((year, month),) * 2
    dated = f"{year}年" if draft.year_only else f"{year}年{month}月"
    source = f"（文稿日期取自{draft.date_source}）" if draft.date_source else ""
    for para in draft.paragraphs:
        done = set()
        for hit in ctx.hits(para):
            entry = hit.entry
            valid = entry.data.get("valid")
            if hit.kind != "term" or not valid or entry.term in done:
                continue
            start, end = valid.get("from"), valid.get("to")
            message = None
            if start and latest < (start[0], start[1] or 1):
                message = f"“{entry.term}”始于{_label(start)}，晚于文稿日期{dated}，请核实{source}"
            elif end and earliest > (end[0], end[1] or 12) and not _looking_back(para.text, hit.start, hit.end):
                successor = entry.data.get("successor")
                tail = f"；现行提法为“{successor}”" if successor else ""
                message = f"“{entry.term}”的时限至{_label(end)}，文稿日期为{dated}，如指当前工作请核实{tail}{source}"
            if message:
                done.add(entry.term)
                yield ctx.finding(ID, SEVERITY, para, hit.start, hit.end, message, entry.basis,
                                  suggestion=entry.data.get("successor"))
