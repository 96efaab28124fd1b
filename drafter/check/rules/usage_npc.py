"""usage.npc: a word of another body's usage in a 人大 draft (代表的提案, 专题质询), from the register."""

from __future__ import annotations

import re

from .typo import covered

ID = "usage.npc"
SEVERITY = "warning"
FIXABLE = False
DOC = ("人大用语：把政协、政府的用语用在人大工作上（代表提出的是建议、议案，不是“提案”；听取报告时开展的是"
       "“专题询问”，不是“专题质询”）。按同一句和全文中的词判断；用语表见词库的 usage/，可在自己的词库中增加或停用。")
BASIS = "人大用语表（代表法、监督法、政协章程，各条注明依据）"
FIXTURES = {"bad": [], "good": []}  # every entry's own examples are run by drafter glossary --test

SENTENCE_END = "。！？!?；;\n"
REACH = 100  # characters: how far a sentence is looked at either side of the word


def _sentence(text: str, start: int, end: int) -> str:
    lo = max(max(text.rfind(c, max(0, start - REACH), start) for c in SENTENCE_END) + 1, start - REACH, 0)
    his = [i for i in (text.find(c, end, end + REACH) for c in SENTENCE_END) if i >= 0]
    return text[lo:min(his) if his else min(len(text), end + REACH)]


def _any(cues: dict, key: str, test) -> bool:
    return any(test(w) for w in cues.get(key) or ())


def check(draft, ctx):
    usages = ctx.glossary.usages
    if not usages:
        return
    pattern = re.compile("|".join(map(re.escape, sorted(usages, key=len, reverse=True))))
    in_document: dict[str, bool] = {}

    def document(word: str) -> bool:
        if word not in in_document:
            in_document[word] = word in ctx.text
        return in_document[word]

    spans: dict = {}
    for para, start, end, m in ctx.scan(pattern):
        if covered(ctx, para, start, end, spans):
            continue  # a glossary form (人大代表提案): the glossary's rule reports it
        usage = usages[m.group()]
        data, text = usage.data, para.text
        right, wrong = data["right_when"] or {}, data["wrong_when"]
        sentence = _sentence(text, start, end)
        if (_any(right, "before", lambda w: text.endswith(w, 0, start))
                or _any(right, "after", lambda w: text.startswith(w, end))
                or _any(right, "sentence", lambda w: w in sentence)):
            continue
        if not (_any(wrong, "before", lambda w: text.endswith(w, 0, start))
                or _any(wrong, "after", lambda w: text.startswith(w, end))
                or _any(wrong, "sentence", lambda w: w in sentence)
                or (_any(wrong, "document", document) and not _any(right, "document", document))):
            continue
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"人大工作中一般不用“{m.group()}”，应为“{data['right']}”：{data['note']}", usage.basis,
                          suggestion=data["right"])
