"""glossary.variant: a wrong near-form of a fixed term (四种意识 → 四个意识)."""

from bisect import bisect_right
from itertools import accumulate

ID = "glossary.variant"
SEVERITY = "error"
DOC = "错误写法：固定提法被写成近似的错误形式（法律名称写错的由 usage.lawvariant 报告）。"
BASIS = "规范提法词库（各条目注明出处）"
GROUPED = True
FIXABLE = False
# A law's short name ends in 法; when the next character makes 法 part of another word
# (监督法律实施, 依法治理), the near-form is no law's name (人大常委会监督法律实施 is a sentence):
# usage.lawvariant, which reports laws' wrong names, asks this.
LAW_WORD_AFTER = "律规治人院官定制典庭理"


def stray_variants(para, hits, family: str):
    """The wrong near-forms among a paragraph's glossary hits whose entry reports in ``family``
    (an entry's ``family:``, glossary when it names none), leaving out those that are part of a correct term
    (社会主义核心价值 in 社会主义核心价值观)."""
    terms = sorted((h.start, h.end) for h in hits if h.kind == "term")
    starts = [s for s, _ in terms]
    reach = list(accumulate((e for _, e in terms), max))  # the furthest end of the terms so far
    for hit in hits:
        if hit.kind != "variant" or (hit.entry.data.get("family") or "glossary") != family:
            continue
        i = bisect_right(starts, hit.start) - 1  # one look-up, not a scan of every term
        if not (i >= 0 and reach[i] >= hit.end):
            yield hit


def check(draft, ctx):
    for para in draft.paragraphs:
        for hit in stray_variants(para, ctx.hits(para), "glossary"):
            if hit.entry.data.get("category") == "法律名称":
                continue  # a law's wrong name: usage.lawvariant
            yield ctx.finding(ID, SEVERITY, para, hit.start, hit.end,
                              f"“{hit.form}”应为“{hit.entry.term}”", hit.entry.basis,
                              suggestion=hit.entry.term)


def _in_title(text: str, start: int, end: int) -> bool:
    """Whether [start, end) ends a law's full name in 《中华人民共和国……》 (looked for within a title's length)."""
    before, after = text[max(0, start - 40):start], text[end:end + 2]
    opening = before.rfind("《")
    return opening > before.rfind("》") and after.startswith("》") and before.startswith("《中华人民共和国", opening)
