"""typo: a common misspelling of official writing (布署 → 部署), from the confusion set."""

ID = "typo"
SEVERITY = "error"
DOC = "错别字：公文中常见的错误写法（布署、贯沏、针贬时弊、再接再励），改为正确写法。"
BASIS = "易错字词表（《现代汉语词典》的规范词形，或各组注明的依据）"
FIXABLE = True
FIXTURES = {  # every pair's own forms and examples are run by drafter glossary --test too
    "bad": ["要认真布署。", "再接再励，针贬时弊。", "问题究竞出在哪里？"],
    "good": ["要认真部署。", "研究竞争政策。", "坚持辨证论治。", "以德报怨。", "精减机构。"],
}

# Hits of these kinds that cover a wrong form mean it is part of a correct word (guard), or of
# a glossary form that a glossary rule reports.
COVERING = ("guard", "term", "outdated", "variant")


def typos(draft, ctx, severity: str):
    """(paragraph, hit) for each wrong form of a pair of this severity not inside a correct word."""
    for para in draft.paragraphs:
        hits = ctx.hits(para)
        found = [h for h in hits if h.kind == "typo" and h.entry.data["severity"] == severity]
        if not found:
            continue
        covers = [(h.start, h.end, h.kind) for h in hits if h.kind in COVERING]
        for hit in found:
            if not any(s <= hit.start and hit.end <= e and (kind != "guard" or e - s > hit.end - hit.start)
                       for s, e, kind in covers):
                yield para, hit


def note(pair: dict) -> str:
    return f"（{pair['note']}）" if pair.get("note") else ""


def check(draft, ctx):
    for para, hit in typos(draft, ctx, SEVERITY):
        pair = hit.entry.data
        yield ctx.finding(ID, SEVERITY, para, hit.start, hit.end,
                          f"错别字：“{hit.form}”应为“{pair['right']}”{note(pair)}", hit.entry.basis,
                          suggestion=pair["right"])


def covered(ctx, para, start: int, end: int, cache: dict) -> bool:
    """Whether a glossary form covers [start, end): the paragraph's covering hits are sorted
    once, and only those starting a few characters before are looked at (linear, not a scan of
    every hit per place)."""
    from bisect import bisect_right  # a small helper: keeps this module's imports as they were

    spans = cache.get(para.number)
    if spans is None:
        spans = cache[para.number] = sorted((h.start, h.end) for h in ctx.hits(para) if h.kind in COVERING)
    i = bisect_right(spans, (start, float("inf")))
    return any(s <= start and end <= e for s, e in spans[max(0, i - 8):i])
