"""glossary.expansion: listed items that differ from the entry in content or order."""

ID = "glossary.expansion"
SEVERITY = "error"
DOC = "内容有误：提法后括注的各项与规范内容不一致（缺项、多项或顺序不对）。"
BASIS = "规范提法词库（各条目注明出处）"
FIXABLE = False
LOOK_AHEAD = 300  # characters searched for the closing bracket of an explicit list


def _explicit_list(text: str, end: int) -> tuple[int, int, list[str]] | None:
    """Items in brackets right after a term: 四个意识（政治意识、大局意识……）."""
    while end < len(text) and text[end] in "”’\"":
        end += 1
    if end >= len(text) or text[end] not in "（(":
        return None
    # An explicit list is short: the look-ahead is bounded, so a draft of unclosed brackets stays linear.
    limit = end + LOOK_AHEAD
    close = min((i for i in (text.find("）", end, limit), text.find(")", end, limit)) if i > 0), default=-1)
    if close < 0:
        return None
    inner = text[end + 1:close]
    items = [x.strip("“”‘’ 　") for x in inner.replace("，", "、").replace(",", "、").split("、")]
    return end + 1, close, [x for x in items if x]


def check(draft, ctx):
    for para in draft.paragraphs:
        for hit in ctx.hits(para):  # an explicit expansion after the term
            if hit.kind != "term" or len(hit.entry.data["items"]) < 2:  # kind first: a pair has no items
                continue
            items = hit.entry.data["items"]
            found = _explicit_list(para.text, hit.end)
            if not found:
                continue
            start, end, listed = found
            if listed == items or para.text[start:end].strip("“”‘’ 　") == "、".join(items):
                continue  # items may hold 、 themselves (毫不动摇鼓励、支持、引导……)
            missing = [x for x in items if x not in listed]
            extra = [x for x in listed if x not in items]
            if missing or extra:
                what = "；".join(filter(None, [f"缺少“{'、'.join(missing)}”" if missing else "",
                                               f"多出“{'、'.join(extra)}”" if extra else ""]))
                message = f"“{hit.entry.term}”的内容有误：{what}"
            else:
                message = f"“{hit.entry.term}”各项的顺序应为：{'、'.join(items)}"
            yield ctx.finding(ID, SEVERITY, para, start, end, message, hit.entry.basis,
                              suggestion="、".join(items))

