"""repeat: a passage repeated verbatim (a character or word typed twice is grammar.doubled)."""

import re

from ... import numbering

ID = "repeat"
SEVERITY = "warning"
DOC = ("重复：与前文逐字相同的语句（通常是复制粘贴所致）、紧接着重复的一句、同一组序号下完全相同的两项（相邻的两项，或与前面某一项相同的较长的一项）、上下两段相同的短句（特此函复。）"
       "或标题、称呼、日期行。多打的字词（的的、换行处重复的词）见 grammar.doubled。")
BASIS = "实务：通读时删除重复内容"
FIXABLE = False
FIXTURES = {
    "bad": ["要深入学习习近平新时代中国特色社会主义思想。会议要求，要深入学习习近平新时代中国特色社会主义思想。",
            "希望大家珍惜这次学习机会。希望大家珍惜这次学习机会，认真听讲。",
            "常委会紧紧围绕县委决策部署，依法行使监督权。\n一年来，常委会共召开会议9次。常委会紧紧围绕县委决策部署，依法行使监督权。",
            "特此函复。\n特此函复。", "会议地点：区行政中心302会议室。会议地点：区行政中心302会议室。",
            "关于召开全县人大代表工作会议的通知\n关于召开全县人大代表工作会议的通知\n各乡镇人大主席团：",
            "一、审议县人民政府关于预算执行情况的报告\n二、审议县人民法院关于行政审判工作的报告\n"
            "三、审议县人民法院关于行政审判工作的报告",
            "会议议程 一、审议县人民政府的报告 二、审议县人民检察院关于公益诉讼工作的报告 三、审议县人民检察院关于公益诉讼工作的报告",
            "要做好三项工作：一是要健全接待制度，二是要健全接待制度，三是要强化结果反馈。",
            "要重点抓好三件事：第一，提升阵地水平；第二，提升阵地水平；第三，健全闭环机制。",
            "一、深入学习领会大会精神\n要学深悟透。\n二、深入学习领会大会精神\n要紧扣中心。",
            "各乡镇人大主席团，县直有关单位：\n各乡镇人大主席团，县直有关单位：\n现将有关事项通知如下。",
            "会议内容：\n1.通报县人大常委会全年工作情况；\n2.征求代表对明年工作要点的意见；\n3.通报县人大常委会全年工作情况；\n4.其他事项。"],
    "good": ["要深入学习。要深入调研。", "的的确确如此。", "让人民群众感受到实实在在的获得感。",
             "附件：全区人大代表履职能力提升培训班报名回执\n全区人大代表履职能力提升培训班报名回执",
             "要加强学习，加强学习，再加强学习。", "好！好！",
             "一、主要做法\n（一）加强学习\n二、存在问题\n（一）加强学习不够", "一、基本情况\n二、基本情况分析",
             "一、主要做法\n（一）加强学习\n（二）强化监督\n二、存在问题\n（一）加强学习\n（二）强化监督不够", "合计\n合计", "一、总体要求\n二、总体要求实施", "一天天地进步，天天地进步。", "特此通知。\n附件：会议议程",
             "一、加强代表工作\n加强代表工作是人大工作的基础。",
             "上午\n1.全体会议\n2.分组审议\n3.全体会议\n4.分组审议",
             "一、听取工作情况汇报\n二、实地察看\n一、听取工作情况汇报\n二、座谈交流",
             "常委会坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，全面推进\n依法治国。"],
}

MIN_CLAUSE = 15  # characters: shorter clauses repeat legitimately (要加强学习) ...
MIN_ADJACENT = 6  # ... but not right after themselves (代表工作是人大工作的基础。代表工作是人大工作的基础，)
MIN_SENTENCE = 12
CLAUSE = re.compile(r"[^，,；;。！？!?：:\n]+")
SENTENCE = re.compile(rf"[^。！？!?\n]{{{MIN_SENTENCE},}}")
# Sentences are cut at their ends (a pattern of "not an end, then an end" would rescan a long
# paragraph with no end from every position).
SENTENCE_END = re.compile(r"[。！？!?]")


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
        begin = 0
        for m in SENTENCE_END.finditer(text):
            raw, start, end = text[begin:m.end()], begin, m.end()
            begin = end
            sentence = raw.strip()
            if sentence == last_sentence and len(sentence) >= MIN_ADJACENT and end - 1 > covered:
                # the same sentence twice in a row, whatever its clauses (会议地点：……。会议地点：……。)
                yield from flush()
                covered = end
                yield ctx.finding(ID, SEVERITY, para, start + len(raw) - len(raw.lstrip()), end,
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
    yield from _twins(draft, ctx)
    yield from _items(draft, ctx)


CJK = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _twins(draft, ctx):
    """A short sentence pasted twice on consecutive lines (特此函复。/特此函复。), too short for the
    clause comparison above."""
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
        previous = text



# Run-in heading markers of a list a web copy ran together (…的报告 六、审议…… 七、审议……).
RUN_IN_ITEM = re.compile(r"(?:^|(?<=[\s。；;：:]))(?P<n>[一二三四五六七八九十]{1,3})、")
ORDINAL = re.compile(r"(?:^|(?<=[。；;：:！？!?]))[ \t　]*第(?P<n>[一二三四五六七八九十])(?=[，,、：:])")
MIN_ITEM = 4


MIN_EARLIER = 8  # an item the same as one further up its list (not the one before it): long enough to be no 分组审议


def _same(a: str, b: str, least: int = MIN_ITEM) -> bool:
    a, b = a.strip(" \t　。；;，,"), b.strip(" \t　。；;，,")
    return len(a) >= least and a == b


def _items(draft, ctx):
    """An item pasted under the next number without being rewritten: 六、审议……报告 / 七、审议……报告,
    the same text after two consecutive numbers of one list (headings with their paragraphs between
    them, items on their own lines, or run together in one paragraph: 一是……二是……)."""
    lists: dict[str, list[tuple[int, str]]] = {}  # style -> (number, text) of the items of its list so far
    for para in draft.paragraphs:
        m, _ = numbering.opening_item(para.text)
        if m is not None and m.number:
            for style in [s for s in lists if numbering.DEPTH[s] > m.depth]:
                del lists[style]  # a shallower marker starts new lists below it
            body = para.text[m.end:]
            cut = [x.start for x in numbering.inline(body) if x.start > 0] + [x.start() for x in RUN_IN_ITEM.finditer(body)]
            body = body[:min(cut)] if cut else body
            items = lists.get(m.style) if m.number > 1 else None
            if items and items[-1][0] + 1 == m.number:
                earlier = next((n for n, text in items[:-1] if _same(text, body, MIN_EARLIER)), None)
                if _same(items[-1][1], body) or earlier is not None:
                    start = m.end + len(body) - len(body.lstrip(" \t　"))
                    which = "上一项" if earlier is None else f"第 {earlier} 项"
                    yield ctx.finding(ID, SEVERITY, para, start, m.end + len(body.rstrip(" \t　")),
                                      f"“{m.text}”一项与{which}的文字完全相同，疑为复制后未改", BASIS, suggestion="")
                items.append((m.number, body))
            else:
                lists[m.style] = [(m.number, body)]
        # items within the paragraph: run-in ones (一是……二是……) and headings run together (六、…… 七、……)
        marks = [(x.style, x.number, x.start, x.end) for x in numbering.inline(para.text)
                 if x.number and x.style != numbering.STYLE_DIYI]  # 第一，: ORDINAL below, with 、 and ： too
        marks += [("一、", numbering.to_int(x.group("n")), x.start(), x.end()) for x in RUN_IN_ITEM.finditer(para.text)
                  if x.start() > 0]
        marks += [("第", numbering.to_int(x.group("n")), x.end() - 2, x.end()) for x in ORDINAL.finditer(para.text)]
        marks.sort(key=lambda x: x[2])
        for a, b, c in zip(marks, marks[1:], marks[2:] + [None]):
            if a[0] != b[0] or b[1] != a[1] + 1:
                continue
            first, second = para.text[a[3]:b[2]], para.text[b[3]:c[2] if c else len(para.text)]
            if _same(first, second):
                end = b[3] + len(second.rstrip(" \t　"))
                yield ctx.finding(ID, SEVERITY, para, b[3], end,
                                  f"“{para.text[b[2]:b[3]].strip()}”一项与上一项的文字完全相同，疑为复制后未改", BASIS,
                                  suggestion="")
