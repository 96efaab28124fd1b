"""repeat: a passage repeated verbatim, or a doubled 的的."""

import re

ID = "repeat"
SEVERITY = "warning"
DOC = "重复：与前文逐字相同的语句（通常是复制粘贴所致），或多打的“的的”。"
BASIS = "实务：通读时删除重复内容"
FIXABLE = False
FIXTURES = {
    "bad": ["要深入学习习近平新时代中国特色社会主义思想。会议要求，要深入学习习近平新时代中国特色社会主义思想。",
            "这是我们的的责任。"],
    "good": ["要深入学习。要深入调研。", "的的确确如此。", "让人民群众感受到实实在在的获得感。",
             "附件：全区人大代表履职能力提升培训班报名回执\n全区人大代表履职能力提升培训班报名回执"],
}

MIN_CLAUSE = 15  # characters: shorter clauses repeat legitimately (要加强学习)
CLAUSE = re.compile(rf"[^，,；;。！？!?：:\n]{{{MIN_CLAUSE},}}")  # long clauses only: fewer to compare
DOUBLED = re.compile(r"的的(?!确确)")


def _heading(text: str) -> bool:
    """A title or heading line (a 附件 line, an attachment's title) may repeat: it is no sentence."""
    return len(text) <= 40 and text[-1] not in "。！？!?…；;"


def check(draft, ctx):
    seen: dict[str, int] = {}
    run: list = []  # consecutive repeated clauses of one paragraph: (paragraph, start, end, first seen in)

    def flush():
        if run:
            para, start, end, first = run[0][0], run[0][1], run[-1][2], run[0][3]
            run.clear()
            yield ctx.finding(ID, SEVERITY, para, start, end, f"与第 {first} 段的语句重复", BASIS, suggestion="")

    for para in draft.paragraphs:
        if _heading(para.text):
            continue
        for m in CLAUSE.finditer(para.text):
            clause, start, end = m.group(), m.start(), m.end()
            if clause in seen:
                if run and (run[-1][0] is not para or para.text[run[-1][2]:start].strip("，,；; ")):
                    yield from flush()
                run.append((para, start, end, seen[clause]))
            else:
                yield from flush()
                seen[clause] = para.number
    yield from flush()
    for para, start, end, m in ctx.scan(DOUBLED):
        yield ctx.finding(ID, SEVERITY, para, start, end, "“的的”疑为多打了一个字", BASIS, suggestion="的")
