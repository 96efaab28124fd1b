"""usage.lawvariant: a law named by a wrong name that the glossary lists (人大代表选举法 → 选举法,
《人大常委会监督法》 → 《监督法》): a glossary entry of the 法律名称 category and its wrong forms.

The same wrong forms of other entries are glossary.variant's; a law's name is 人大 usage (how a
law is cited), so its wrong forms are reported in that family.
"""

from .glossary_variant import LAW_WORD_AFTER, _in_title, stray_variants

ID = "usage.lawvariant"
SEVERITY = "error"
DOC = ("法律名称写错：词库“法律名称”类条目列出的错误名称（人大代表选举法→选举法，人大常委会监督法→监督法，"
       "全国人大组织条例→全国人民代表大会组织法）。书名号内全称的错误由 usage.lawname 报告。")
BASIS = "规范提法词库“法律名称”类条目（各条注明法律的全称）"
GROUPED = True
FIXABLE = False
LAWS = "法律名称"  # the glossary category of laws' names
FIXTURES = {
    "bad": ["严格依照人大代表选举法组织换届选举。", "根据全国人大组织条例的规定。", "认真贯彻人大常委会监督法。"],
    "good": ["严格依照选举法组织换届选举。", "根据全国人民代表大会组织法的规定。", "县人大常委会监督法律实施情况。",
             "学习《中华人民共和国各级人民代表大会常务委员会监督法》。", "要增强“四个意识”。"],
}


def check(draft, ctx):
    for para in draft.paragraphs:
        for hit in stray_variants(para, ctx.hits(para), "glossary"):
            if hit.entry.data.get("category") != LAWS:
                continue
            if hit.form.endswith("法") and para.text[hit.end:hit.end + 1] in tuple(LAW_WORD_AFTER):
                continue  # 人大常委会监督法律实施: 法 begins another word
            if _in_title(para.text, hit.start, hit.end):
                continue  # 《中华人民共和国各级人大常委会监督法》: a wrong full name, which usage.lawname tells
            yield ctx.finding(ID, SEVERITY, para, hit.start, hit.end,
                              f"法律名称“{hit.form}”有误，应为“{hit.entry.term}”", hit.entry.basis,
                              suggestion=hit.entry.term)
