"""repeat: a passage repeated verbatim, or a doubled 的的."""

import re

ID = "repeat"
SEVERITY = "warning"
DOC = ("重复：与前文逐字相同的语句（通常是复制粘贴所致）、紧接着重复的一句、上下两段相同的短句（特此函复。）"
       "或标题、称呼、日期行，换行处重复的词，或多打的“的的”。")
BASIS = "实务：通读时删除重复内容"
FIXABLE = False
FIXTURES = {
    "bad": ["要深入学习习近平新时代中国特色社会主义思想。会议要求，要深入学习习近平新时代中国特色社会主义思想。",
            "这是我们的的责任。", "希望大家珍惜这次学习机会。希望大家珍惜这次学习机会，认真听讲。",
            "常委会紧紧围绕县委决策部署，依法行使监督权。\n一年来，常委会共召开会议9次。常委会紧紧围绕县委决策部署，依法行使监督权。",
            "特此函复。\n特此函复。", "会议地点：区行政中心302会议室。会议地点：区行政中心302会议室。",
            "关于召开全县人大代表工作会议的通知\n关于召开全县人大代表工作会议的通知\n各乡镇人大主席团：",
            "各乡镇人大主席团，县直有关单位：\n各乡镇人大主席团，县直有关单位：\n现将有关事项通知如下。",
            "常委会坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，全面推进\n推进依法治国。"],
    "good": ["要深入学习。要深入调研。", "的的确确如此。", "让人民群众感受到实实在在的获得感。",
             "附件：全区人大代表履职能力提升培训班报名回执\n全区人大代表履职能力提升培训班报名回执",
             "要加强学习，加强学习，再加强学习。", "好！好！", "合计\n合计", "一、总体要求\n二、总体要求实施", "一天天地进步，天天地进步。", "特此通知。\n附件：会议议程",
             "一、加强代表工作\n加强代表工作是人大工作的基础。",
             "常委会坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，全面推进\n依法治国。"],
}

MIN_CLAUSE = 15  # characters: shorter clauses repeat legitimately (要加强学习) ...
MIN_ADJACENT = 6  # ... but not right after themselves (代表工作是人大工作的基础。代表工作是人大工作的基础，)
MIN_SENTENCE = 12
CLAUSE = re.compile(r"[^，,；;。！？!?：:\n]+")
SENTENCE = re.compile(rf"[^。！？!?\n]{{{MIN_SENTENCE},}}")
DOUBLED = re.compile(r"的的(?!确确)")
WHOLE_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]")


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
        last_sentence = None
        for m in WHOLE_SENTENCE.finditer(text):
            sentence = m.group().strip()
            if sentence == last_sentence and len(sentence) >= MIN_ADJACENT and m.end() - 1 > covered:
                # the same sentence twice in a row, whatever its clauses (会议地点：……。会议地点：……。)
                yield from flush()
                covered = m.end()
                yield ctx.finding(ID, SEVERITY, para, m.start() + len(m.group()) - len(m.group().lstrip()), m.end(),
                                  "与前一句重复", BASIS, suggestion="")
            last_sentence = sentence
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
    for para, start, end, m in ctx.scan(DOUBLED):
        yield ctx.finding(ID, SEVERITY, para, start, end, "“的的”疑为多打了一个字", BASIS, suggestion="")
    yield from _twins(draft, ctx)


CJK = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _twins(draft, ctx):
    """A short sentence pasted twice on consecutive lines (特此函复。/特此函复。), too short for the
    clause comparison above; and a word doubled across the break of a pasted line (……全面推进 /
    推进依法治国……), where the first line stops in mid-sentence."""
    previous = None
    for para in draft.paragraphs:
        text = para.text.strip()
        if previous is not None and text:
            if text == previous and (
                    (text[-1] in "。！？!?"
                     and max((len(c.strip()) for c in CLAUSE.findall(text)), default=0) < MIN_CLAUSE)
                    or (_heading(text) and len(text) >= MIN_ADJACENT and CJK.search(text))):
                # a short sentence, or a title, heading, salutation or date line pasted twice (the
                # comparison above reads sentences, not headings)
                start = para.text.index(text)
                yield ctx.finding(ID, SEVERITY, para, start, start + len(text), "与上一段重复", BASIS, suggestion="")
            elif len(previous) > 40 and "\u4e00" <= previous[-1] <= "\u9fff":
                for n in (4, 3, 2):
                    word = text[:n]
                    if previous.endswith(word) and CJK.fullmatch(word):
                        start = para.text.index(text)
                        yield ctx.finding(ID, SEVERITY, para, start, start + n,
                                          f"“{word}”在换行处重复了（上一行末尾已有），删去一个", BASIS, suggestion="")
                        break
        previous = text

