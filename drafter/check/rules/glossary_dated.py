"""glossary.dated: a term outside its validity period for the document's date (“十四五”规划 in 2026)."""

ID = "glossary.dated"
SEVERITY = "warning"
DOC = "时效：有有效期的提法（如“十四五”规划 2021—2025 年）出现在有效期以外的文稿中，提醒核实是否应改用现行提法。"


BASIS = "规范提法词库（各条目注明出处）"
FIXABLE = False
def _label(ym: tuple[int, int]) -> str:
    return f"{ym[0]}年{ym[1]}月" if ym[1] else f"{ym[0]}年"


def check(draft, ctx):
    if draft.date is None:
        return
    when = (draft.date.year, draft.date.month)
    for para in draft.paragraphs:
        done = set()
        for hit in ctx.hits(para):
            entry = hit.entry
            valid = entry.data.get("valid")
            if hit.kind != "term" or not valid or entry.term in done:
                continue
            start, end = valid.get("from"), valid.get("to")
            message = None
            if start and when < (start[0], start[1] or 1):
                message = f"“{entry.term}”始于{_label(start)}，早于文稿日期{draft.date.year}年{draft.date.month}月，请核实"
            elif end and when > (end[0], end[1] or 12):
                successor = entry.data.get("successor")
                tail = f"；现行提法为“{successor}”" if successor else ""
                message = (f"“{entry.term}”的时限至{_label(end)}，文稿日期为{draft.date.year}年{draft.date.month}月，"
                           f"如指当前工作请核实{tail}")
            if message:
                done.add(entry.term)
                yield ctx.finding(ID, SEVERITY, para, hit.start, hit.end, message, entry.basis,
                                  suggestion=entry.data.get("successor"))
