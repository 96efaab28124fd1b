"""glossary.expansion: listed items that differ from the entry in content or order."""

ID = "glossary.expansion"
SEVERITY = "error"
DOC = ("内容或顺序有误：提法后括注的各项与规范内容不一致，或文中列举的各项（如“政治意识、大局意识、"
       "核心意识、看齐意识”）顺序与规范顺序不一致。")

from ..glossary import SEPARATORS as _SEPARATORS

SEPARATORS = set(_SEPARATORS)
OPEN, CLOSE = "（(：:", "）)"
LOOK_AHEAD = 300  # characters searched for the closing bracket


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
        hits = ctx.hits(para)
        for hit in hits:  # an explicit expansion after the term
            items = hit.entry.data["items"]
            if hit.kind != "term" or len(items) < 2:
                continue
            found = _explicit_list(para.text, hit.end)
            if not found:
                continue
            start, end, listed = found
            if listed == items:
                continue
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
        yield from _runs(para, ctx, hits)


def _runs(para, ctx, hits):
    """Items of one entry listed next to each other, in an order other than the entry's."""
    items = sorted((h for h in hits if h.kind == "item"), key=lambda h: (h.start, -h.end))
    by_entry: dict[str, list] = {}
    for h in items:
        by_entry.setdefault(h.entry.term, []).append(h)
    for term, group in by_entry.items():
        entry = group[0].entry
        run: list = []
        for h in group + [None]:
            if h is not None and run and h.start >= run[-1].end and set(para.text[run[-1].end:h.start]) <= SEPARATORS:
                run.append(h)
                continue
            if h is not None and run and h.start < run[-1].end:
                continue  # overlapping item (a shorter item inside a longer one)
            indexes = [x.extra for x in run]
            shortest = min((len(entry.data["items"][i]) for i in indexes), default=0)
            # two-character items (创新、协调) make up other lists too: ask for most of them
            needed = min(len(entry.data["items"]), 4) if shortest <= 2 else 2
            if len(set(indexes)) >= needed and indexes != sorted(indexes):
                yield ctx.finding(ID, "warning", para, run[0].start, run[-1].end,
                                  f"“{term}”各项的顺序应为：{'、'.join(entry.data['items'])}", entry.basis,
                                  suggestion="、".join(entry.data["items"][i] for i in sorted(indexes)))
            run = [h] if h is not None else []
