"""repeat: a passage repeated verbatim (a character or word typed twice is grammar.doubled's)."""

import re

ID = "repeat"
SEVERITY = "warning"
DOC = "重复：与前文逐字相同的语句（通常是复制粘贴所致）、上下两段相同的短句（特此函复。）。多打的字词（的的、换行处重复的词）见 grammar.doubled。"
BASIS = "实务：通读时删除重复内容"
FIXABLE = False
FIXTURES = {
    "bad": ["要深入学习习近平新时代中国特色社会主义思想。会议要求，要深入学习习近平新时代中国特色社会主义思想。",
            "希望大家珍惜这次学习机会。希望大家珍惜这次学习机会，认真听讲。",
            "常委会紧紧围绕县委决策部署，依法行使监督权。\n一年来，常委会共召开会议9次。常委会紧紧围绕县委决策部署，依法行使监督权。",
            "特此函复。\n特此函复。"],
    "good": ["要深入学习。要深入调研。", "的的确确如此。", "让人民群众感受到实实在在的获得感。",
             "附件：全区人大代表履职能力提升培训班报名回执\n全区人大代表履职能力提升培训班报名回执",
             "要加强学习，加强学习，再加强学习。", "一天天地进步，天天地进步。", "特此通知。\n附件：会议议程",
             "一、加强代表工作\n加强代表工作是人大工作的基础。",
             "常委会坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，全面推进\n依法治国。"],
}

MIN_CLAUSE = 15  # characters: shorter clauses repeat legitimately (要加强学习) ...
MIN_ADJACENT = 6  # ... but not right after themselves (代表工作是人大工作的基础。代表工作是人大工作的基础，)
MIN_SENTENCE = 12
CLAUSE = re.compile(r"[^，,；;。！？!?：:\n]+")
SENTENCE = re.compile(rf"[^。！？!?\n]{{{MIN_SENTENCE},}}")


def _heading(text: str) -> bool:
    """A title or heading line (a 附件 line, an attachment's title) may repeat: it is no sentence."""
    return len(text) <= 40 and text[-1] not in "。！？!?…；;"


def check(draft, ctx):
    seen: dict[str, int] = {}  # long clauses and whole sentences -> the paragraph they first stood in
    run: list = []  # consecutive repeated clauses of one paragraph: (paragraph, start, end, first seen in)

    def flush():
        if run:
            para, start, end, first = run[0][0], run[0][1], run[-1][2], run[0][3]
            run.clear()
            yield ctx.finding(ID, SEVERITY, para, start, end, f"与第 {first} 段的语句重复", BASIS, suggestion="")

    for para in draft.paragraphs:
        text = para.text
        if _heading(text):
            continue
        covered = 0  # a whole repeated sentence is reported once, not clause by clause
        for m in SENTENCE.finditer(text):
            sentence = m.group().strip()
            if "，" not in sentence and "," not in sentence:
                continue  # a one-clause sentence is compared as a clause
            if sentence in seen:
                yield from flush()
                covered = m.end()
                yield ctx.finding(ID, SEVERITY, para, m.start(), m.end(), f"与第 {seen[sentence]} 段的语句重复",
                                  BASIS, suggestion="")
            else:
                seen[sentence] = para.number
        previous = None
        for m in CLAUSE.finditer(text):
            clause, start, end = m.group().strip(), m.start(), m.end()
            if end <= covered or not clause:
                continue
            adjacent = previous is not None and len(clause) >= MIN_ADJACENT and previous.endswith(clause)
            previous = clause
            if len(clause) >= MIN_CLAUSE and clause in seen:
                if run and (run[-1][0] is not para or text[run[-1][2]:start].strip("，,；; ")):
                    yield from flush()
                run.append((para, start, end, seen[clause]))
                continue
            yield from flush()
            if adjacent:
                yield ctx.finding(ID, SEVERITY, para, start, end, "与前一句重复", BASIS, suggestion="")
            elif len(clause) >= MIN_CLAUSE:
                seen[clause] = para.number
    yield from flush()
    yield from _twins(draft, ctx)




def _twins(draft, ctx):
    """A short sentence pasted twice on consecutive lines (特此函复。/特此函复。), too short for the
    clause comparison above (a word doubled across a line break is grammar.doubled's)."""
    previous = None
    for para in draft.paragraphs:
        text = para.text.strip()
        if previous is not None and text:
            if (text == previous and text[-1] in "。！？!?"
                    and max((len(c.strip()) for c in CLAUSE.findall(text)), default=0) < MIN_CLAUSE):
                start = para.text.index(text)
                yield ctx.finding(ID, SEVERITY, para, start, start + len(text), "与上一段重复", BASIS, suggestion="")
        previous = text

