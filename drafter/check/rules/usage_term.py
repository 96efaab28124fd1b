"""usage.term: a glossary term's wrong form that is another body's word (政协委员议案 for 政协提案)."""

from .glossary_variant import stray_variants

ID = "usage.term"
SEVERITY = "error"
FIXABLE = False
DOC = ("机关用语混用：词库中注明为“用语”类（family: usage）的条目，其错误写法把别的机关的用语用错了"
       "（政协委员提出的是“提案”，不是“议案”）。条目和依据见词库，可在自己的词库中增加或停用。")
BASIS = "规范提法词库中 family: usage 的条目（各条注明出处）"
FIXTURES = {"bad": [], "good": []}  # every entry's own examples are run by drafter glossary --test


def check(draft, ctx):
    for para in draft.paragraphs:
        for hit in stray_variants(para, ctx.hits(para), "usage"):
            yield ctx.finding(ID, SEVERITY, para, hit.start, hit.end,
                              f"“{hit.form}”应为“{hit.entry.term}”", hit.entry.basis, suggestion=hit.entry.term)
