"""glossary.collocation: a verb that does not go with the term (坚定“四个意识” → 增强)."""

ID = "glossary.collocation"
SEVERITY = "error"
DOC = "搭配不当：固定提法前的动词不是规范搭配，如“坚定‘四个意识’”应为“增强‘四个意识’”。"
BASIS = "规范提法词库（各条目注明出处）"
FIXABLE = False

WINDOW = 6  # characters before the term in which the verb is looked for
QUOTES = "“”‘’\"'「」『』《》 　"
# When the term modifies a noun after it (构建高质量发展的体制机制, 构建高质量发展新格局), the verb
# governs that noun, not the term: no collocation to check.
HEAD_AFTER = ("的", "新格局", "格局", "体系", "体制", "机制", "模式", "环境", "道路", "新路", "路子", "先行区", "示范区", "样板")


def check(draft, ctx):
    for para in draft.paragraphs:
        for hit in ctx.hits(para):
            if hit.kind != "term" or not hit.entry.data["wrong_verbs"]:
                continue
            after = para.text[hit.end:hit.end + 3].lstrip("”’\"'」』")
            if after.startswith(HEAD_AFTER):
                continue
            before = para.text[max(0, hit.start - WINDOW):hit.start]
            stripped = before.rstrip(QUOTES)
            for verb in hit.entry.data["wrong_verbs"]:
                if stripped.endswith(verb):
                    start = hit.start - (len(before) - len(stripped)) - len(verb)
                    right = "、".join(hit.entry.data["verbs"]) or "规范动词"
                    yield ctx.finding(ID, SEVERITY, para, start, hit.end,
                                      f"“{verb}”与“{hit.entry.term}”搭配不当，应用“{right}”",
                                      hit.entry.basis, suggestion=hit.entry.data["verbs"][0] if hit.entry.data["verbs"] else None)
                    break
