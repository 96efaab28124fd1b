"""typo: a common misspelling of official writing (布署 → 部署), from the confusion set."""

ID = "typo"
SEVERITY = "error"
DOC = ("错别字：公文中常见的错误写法（布署、贯沏、针贬时弊、再接再励），给出正确写法；两种写法在某些语境下"
       "都成立的（如 精减/精简）只作提醒（warning），不自动改。")
# Fixtures come from the confusion pairs themselves (drafter glossary --test, tests/test_glossary.py).

# Hits of these kinds that cover a wrong form mean it is part of a correct word or a
# glossary form that another rule reports.
COVERING = ("guard", "term", "outdated", "variant")


def check(draft, ctx):
    for para in draft.paragraphs:
        hits = ctx.hits(para)
        typos = [h for h in hits if h.kind == "typo"]
        if not typos:
            continue
        covers = [(h.start, h.end, h.kind) for h in hits if h.kind in COVERING]
        for hit in typos:
            if any(s <= hit.start and hit.end <= e and (kind != "guard" or e - s > hit.end - hit.start)
                   for s, e, kind in covers):
                continue
            pair = hit.entry.data
            note = f"（{pair['note']}）" if pair.get("note") else ""
            if pair["severity"] == "warning":
                message = f"“{hit.form}”可能是“{pair['right']}”之误，请按语境核实{note}"
            else:
                message = f"错别字：“{hit.form}”应为“{pair['right']}”{note}"
            yield ctx.finding(ID, pair["severity"], para, hit.start, hit.end, message, hit.entry.basis,
                              suggestion=pair["right"])
