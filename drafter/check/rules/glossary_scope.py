"""glossary.scope: a provincial term (三高四新: 湖南) in a document of another province."""

ID = "glossary.scope"
SEVERITY = "warning"
DOC = "地域：某省的地方性提法出现在另一省的文稿中（文稿所属省份已知时才检查：--region、大纲的 region 字段，或文中只提到一个省）。"


BASIS = "规范提法词库（各条目注明出处）"
FIXABLE = False
def check(draft, ctx):
    if not draft.region:
        return
    for para in draft.paragraphs:
        for hit in ctx.hits(para):
            region = hit.entry.data.get("region")
            if hit.kind == "term" and region and region != draft.region:
                yield ctx.finding(ID, SEVERITY, para, hit.start, hit.end,
                                  f"“{hit.entry.term}”是{region}的地方性提法，本文稿属于{draft.region}，请核实",
                                  hit.entry.basis)
