"""repeat: a passage repeated verbatim, or a doubled 的的."""

import re

ID = "repeat"
SEVERITY = "warning"
DOC = "重复：与前文逐字相同的语句（通常是复制粘贴所致），或多打的“的的”。"
BASIS = "实务：通读时删除重复内容"
FIXTURES = {
    "bad": ["要深入学习习近平新时代中国特色社会主义思想。会议要求，要深入学习习近平新时代中国特色社会主义思想。",
            "这是我们的的责任。"],
    "good": ["要深入学习。要深入调研。", "的的确确如此。", "让人民群众感受到实实在在的获得感。"],
}

MIN_CLAUSE = 15  # characters: shorter clauses repeat legitimately (要加强学习)
CLAUSE = re.compile(r"[^，,；;。！？!?：:]+")
DOUBLED = re.compile(r"的的(?!确确)")


def check(draft, ctx):
    seen: dict[str, int] = {}
    for para in draft.paragraphs:
        run: list = []  # consecutive repeated clauses of this paragraph: (start, end, first paragraph)

        def flush():
            if run:
                start, end, first = run[0][0], run[-1][1], run[0][2]
                run.clear()
                return ctx.finding(ID, SEVERITY, para, start, end, f"与第 {first} 段的语句重复", BASIS,
                                   suggestion="")
            return None

        for m in CLAUSE.finditer(para.text):
            clause = m.group().strip()
            if len(clause) < MIN_CLAUSE:
                continue
            if clause in seen:
                if run and para.text[run[-1][1]:m.start()].strip("，,；; ") != "":
                    found = flush()
                    if found:
                        yield found
                run.append((m.start(), m.end(), seen[clause]))
            else:
                found = flush()
                if found:
                    yield found
                seen[clause] = para.number
        found = flush()
        if found:
            yield found
        for m in DOUBLED.finditer(para.text):
            yield ctx.finding(ID, SEVERITY, para, m.start(), m.end(), "“的的”疑为多打了一个字", BASIS,
                              suggestion="的")
