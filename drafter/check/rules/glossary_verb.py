"""glossary.verb: a slogan's fixed verb swapped for the verb of another slogan (树立“四个自信”,
发扬全过程人民民主), where the entry lists no wrong verbs for it.

The political slogans of the glossary each take their own verb of commitment: 增强“四个意识”,
坚定“四个自信”, 做到“两个维护”, 发展全过程人民民主. A writer who swaps one for another usually takes
the verb of a neighbouring slogan. glossary.collocation reports the wrong verbs an entry names;
this rule reports any other verb of commitment (COMMITMENT) standing right before a term whose own
verbs are of that kind, when it is none of them and no part of one (践行 in 培育和践行).
"""

from .glossary_collocation import HEAD_AFTER, QUOTES, WINDOW

ID = "glossary.verb"
SEVERITY = "warning"
DOC = ("口号类提法的动词换成了别的提法的动词：词库为这条提法规定了表态动词（增强“四个意识”、坚定“四个自信”、"
       "做到“两个维护”、发展全过程人民民主），前面却用了另一个表态动词（树立“四个自信”、发扬全过程人民民主）。"
       "词库明列的错误搭配由 glossary.collocation 报告。")
BASIS = "规范提法词库（各条目注明出处和规范动词）"
FIXABLE = False
FIXTURES = {
    "bad": ["要树立“四个自信”。", "不断发扬全过程人民民主。", "大力发扬伟大建党精神和全过程人民民主。", "要树立社会主义核心价值观。"],
    "good": ["坚定“四个自信”。", "发展全过程人民民主。", "培育和践行社会主义核心价值观。", "践行社会主义核心价值观。",
             "弘扬伟大建党精神。", "牢固树立“四个意识”，坚定“四个自信”。", "坚定不移发展全过程人民民主。",
             "发展全过程人民民主的生动实践。", "推进全过程人民民主。", "增强“四个意识”、坚定“四个自信”、做到“两个维护”。"],
}
# Verbs of commitment a slogan takes (the glossary's verbs of its political entries, and 发扬).
COMMITMENT = ("牢固树立", "深刻领悟", "衷心拥护", "坚定", "增强", "树牢", "树立", "做到", "践行", "捍卫", "弘扬",
              "发扬", "发展")


def check(draft, ctx):
    for para in draft.paragraphs:
        for hit in ctx.hits(para):
            verbs = hit.entry.data["verbs"] if hit.kind == "term" else ()
            if not any(v.endswith(c) for v in verbs for c in COMMITMENT):
                continue  # not a slogan of commitment, or the entry names no verb
            if para.text[hit.end:hit.end + 3].lstrip("”’\"'」』").startswith(HEAD_AFTER):
                continue  # the term modifies a noun after it: the verb governs that noun
            before = para.text[max(0, hit.start - WINDOW):hit.start]
            stripped = before.rstrip(QUOTES)
            verb = next((c for c in COMMITMENT if stripped.endswith(c)), None)
            if verb is None or any(v.endswith(verb) or stripped.endswith(v) for v in verbs) \
                    or verb in hit.entry.data["wrong_verbs"]:
                continue  # its own verb (培育和践行 holds 践行), or glossary.collocation's to report
            start = hit.start - (len(before) - len(stripped)) - len(verb)
            yield ctx.finding(ID, SEVERITY, para, start, hit.end,
                              f"“{hit.entry.term}”的规范动词是“{'、'.join(verbs)}”，这里用了“{verb}”，请核实",
                              hit.entry.basis, suggestion=verbs[0])
