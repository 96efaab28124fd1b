"""glossary.order: the items of a numbered formulation listed in another order than the entry's."""

from ..glossary import SEPARATORS as _SEPARATORS

ID = "glossary.order"
SEVERITY = "warning"
DOC = "顺序：文中列举的各项（如“政治意识、大局意识、核心意识、看齐意识”）与规范顺序不一致。"
BASIS = "规范提法词库（各条目注明出处）"
FIXABLE = False

SEPARATORS = set(_SEPARATORS)


def check(draft, ctx):
    for para in draft.paragraphs:
        yield from _runs(para, ctx, ctx.hits(para))


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
                yield ctx.finding(ID, SEVERITY, para, run[0].start, run[-1].end,
                                  f"“{term}”各项的顺序应为：{'、'.join(entry.data['items'])}", entry.basis,
                                  suggestion="、".join(entry.data["items"][i] for i in sorted(indexes)))
            run = [h] if h is not None else []
