"""typo.context: a form that is usually a misspelling but stands in some contexts (精减 → 精简)."""

from .typo import note, typos

ID = "typo.context"
SEVERITY = "warning"
DOC = "可能的错别字：两种写法在某些语境下都成立，或是不宜用于公文的异形词（精减/精简、交待/交代），提醒按语境核实，不自动改。"
BASIS = "易错字词表（《现代汉语词典》的规范词形，或各组注明的依据）"
FIXABLE = False
FIXTURES = {
    "bad": ["精减机构。", "向组织交待问题。"],
    "good": ["精简机构。", "提交待审议的议案。", "要认真布署。"],
}


def check(draft, ctx):
    for para, hit in typos(draft, ctx, SEVERITY):
        pair = hit.entry.data
        yield ctx.finding(ID, SEVERITY, para, hit.start, hit.end,
                          f"“{hit.form}”可能是“{pair['right']}”之误，请按语境核实{note(pair)}", hit.entry.basis,
                          suggestion=pair["right"])
