"""punctuation.series: a fixed series of the glossary written with a comma where its items take a
顿号 (建议，批评和意见 for 建议、批评和意见)."""

ID = "punctuation.series"
SEVERITY = "warning"
FIXABLE = True
DOC = ("固定提法中的并列词语之间用顿号：词库中带顺序的固定提法（如“建议、批评和意见”），各项齐全、顺序正确，"
       "但把其中的顿号写成了逗号（建议，批评和意见），应改用顿号。")
BASIS = "GB/T 15834-2011《标点符号用法》4.5 顿号：用于并列词语之间；固定提法的写法见规范提法词库"
FIXTURES = {
    "bad": ["要认真办理代表提出的议案和建议，批评和意见。", "代表提出的建议,批评和意见，已全部交办。"],
    "good": ["要认真办理代表提出的议案和建议、批评和意见。", "代表提出了建议，批评意见也要认真听取。",
             "对代表的批评，意见和建议要认真研究。"],
}

COMMAS = ("，", ",")


def _separators(entry) -> list[str] | None:
    """The text between consecutive items in the entry's own term (、, 和 …), or None."""
    term, items = entry.term, entry.data.get("items") or []
    seps, pos = [], 0
    for i, item in enumerate(items):
        at = term.find(item, pos)
        if at < 0:
            return None
        if i:
            seps.append(term[pos:at])
        pos = at + len(item)
    return seps


def check(draft, ctx):
    for para in draft.paragraphs:
        if "，" not in para.text and "," not in para.text:
            continue
        hits = [h for h in ctx.hits(para) if h.kind == "item"]
        if not hits:
            continue
        by_entry: dict[str, list] = {}
        for h in sorted(hits, key=lambda h: (h.start, -h.end)):
            by_entry.setdefault(h.entry.term, []).append(h)
        for group in by_entry.values():
            yield from _series(para, ctx, group)


def _series(para, ctx, group):
    entry = group[0].entry
    seps = _separators(entry)
    if not seps:
        return
    count = len(seps) + 1
    text = para.text
    for k in range(len(group) - count + 1):
        run = group[k:k + count]
        if [h.extra for h in run] != list(range(count)):
            continue
        gaps = [text[a.end:b.start] for a, b in zip(run, run[1:])]
        wrong = [i for i, (gap, sep) in enumerate(zip(gaps, seps)) if gap != sep]
        if wrong and all(gaps[i] in COMMAS and seps[i] == "、" for i in wrong):
            start, end = run[0].start, run[-1].end
            yield ctx.finding(ID, SEVERITY, para, start, end,
                              f"固定提法“{entry.term}”中的并列词语之间用顿号", BASIS, suggestion=entry.term)
