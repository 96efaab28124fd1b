"""glossary.order: the items of a numbered formulation listed in another order than the entry's."""

from ..glossary import SEPARATORS as _SEPARATORS

ID = "glossary.order"
SEVERITY = "warning"
DOC = ("顺序：文中列举的各项（如“政治意识、大局意识、核心意识、看齐意识”）与规范顺序不一致；"
       "各项前加了同一个限定词的（县人民政府、县监察委员会……）也一样。")
BASIS = "规范提法词库（各条目注明出处）"
FIXABLE = False
FIXTURES = {
    "bad": ["听取县监察委员会、县人民政府、县人民法院、县人民检察院的工作报告。"],
    "good": ["听取县人民政府、县监察委员会、县人民法院、县人民检察院的工作报告。",
             "省监察委员会、县人民政府分别作了说明。"],
}

SEPARATORS = set(_SEPARATORS)
PREFIX = 6  # characters: the same word before each item (县人民政府、县监察委员会), no longer


def _between(text: str, first: int, end: int, start: int) -> bool:
    """Whether the text between two items is separators only, or separators and the same word
    that stands before the run's first item (市人民政府、市监察委员会)."""
    gap = text[end:start]
    word = gap.lstrip("".join(SEPARATORS))
    return (len(word) < len(gap) or not word) and (
        not word or len(word) <= PREFIX and first >= len(word) and text[first - len(word):first] == word)


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
            if h is not None and run and h.start >= run[-1].end and _between(para.text, run[0].start, run[-1].end, h.start):
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
