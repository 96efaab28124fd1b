"""typo.neartwin: a real word where its near twin is meant (群众反应强烈 → 反映, 经营权力 → 权利).

Both words are correct, so no list of misspellings finds them: the words around decide. Each
set of near twins (glossary twins/*.yaml) gives, for each of its words, the words that stand
right before or after it when it is the right one. A word is reported when the words around it
are cues for its twin and none for itself. A set may name the word that official writing
usually means (``usual``: 部署 of 部署/部属, 实效 of 实效/时效): its other words are then reported
whenever none of their own cues stands around them, cue of the usual word or not (统筹部属人大工作,
增强监督时效). The segmenter (the word layer) runs only where a cue of the twin is next to the
form or the form is a set's unusual word, and only there: it confirms that the form is a word
of its own (全部属于 holds no 部属) and which words are its neighbours.
"""

from __future__ import annotations

import re

from .. import words as word_layer
from .typo import covered

ID = "typo.neartwin"
SEVERITY = "warning"
FIXABLE = False
DOC = ("近形近音词误用：两个词都对，但意思不同，按前后的词判断（群众反映强烈、承包经营权利、作出部署、"
       "制定条例、必须通过、自……起施行）；有的组注明公文中常用哪个词（部署/部属、实效/时效），另一个词前后"
       "没有它自己的搭配时也提醒。词表见词库的 twins/，可在自己的词库中增加或停用。")
BASIS = "近形近音词表（《现代汉语词典》释义，各组注明依据）"
FIXTURES = {"bad": [], "good": []}  # every set's own examples are run by drafter glossary --test

SKIP = ("了", "过", "着")  # 做出了决定: the cue is the word after the particle
NEAR = 6  # characters: how far a cue may stand from the form (a cue is one word next to it)
# A cue written with “…” stands further off, in the same clause: “赴…” before (赴贵市考察), “…系统”
# after (启用城市更新项目管理信息系统), within these many characters and no clause mark between.
CLAUSE_BEFORE, CLAUSE_AFTER = 8, 16
CLAUSE_MARKS = re.compile(r"[，,。；;：:！？!?、（）()“”《》\n]")


def _clause_before(text: str, begin: int, cue: str) -> bool:
    window = text[max(0, begin - CLAUSE_BEFORE):begin]
    window = CLAUSE_MARKS.split(window)[-1]
    return cue[:-1] in window


def _clause_after(text: str, end: int, cue: str) -> bool:
    window = CLAUSE_MARKS.split(text[end:end + CLAUSE_AFTER], 1)[0]
    return cue[1:] in window


def _before_cue(text: str, begin: int, cue: str) -> bool:
    return _clause_before(text, begin, cue) if cue.endswith("…") else text.endswith(cue, 0, begin)


def _after_cue(text: str, at: int, cue: str) -> bool:
    if cue.startswith("《…"):
        return _titled(text, at, cue)
    if cue.startswith("…"):
        return _clause_after(text, at, cue)
    return text.startswith(cue, at)


def _index(glossary) -> tuple[re.Pattern | None, dict[str, list]]:
    cached = getattr(glossary, "_twin_index", None)
    if cached is None:
        by_word: dict[str, list] = {}
        for twin in glossary.twins.values():
            for word in twin.data["words"]:
                by_word.setdefault(word, []).append(twin)
        forms = sorted(by_word, key=len, reverse=True)
        pattern = re.compile("|".join(map(re.escape, forms))) if forms else None
        cached = glossary._twin_index = (pattern, by_word)
    return cached


def _titled(text: str, end: int, cue: str) -> bool:
    """Whether the cue 《…条例》 holds: a book title right after ``end`` that ends with 条例."""
    if not text.startswith("《", end):
        return False
    close = text.find("》", end, end + 60)
    return close > 0 and text[end + 1:close].endswith(cue[2:-1])


def _near(text: str, start: int, end: int, cue: dict) -> bool:
    """A cheap look (no segmenter) for whether any cue of a word stands next to the form."""
    if cue["after_tags"]:
        return True
    after = text[end:end + NEAR]
    past = end + 1 if after[:1] in SKIP else end
    return any(_before_cue(text, start, w) for w in cue["before"]) or any(
        _after_cue(text, end, w) or _after_cue(text, past, w) for w in cue["after"])


def _score(text: str, words: list, span: tuple[int, int], begin: int, cue: dict) -> int:
    """How many cues of a word stand at the form's word boundaries: a cue word ending where the
    form (at ``begin``) begins, one beginning where its last word (or a particle after it) ends,
    or the next word's part of speech."""
    first, last = span
    score = any(_before_cue(text, begin, w) for w in cue["before"]) if begin > words[0].start else False
    j = last + 1
    if j < len(words) and words[j].text in SKIP:
        j += 1
    if j < len(words):
        nxt = words[j]
        score += any(_after_cue(text, nxt.start, w) for w in cue["after"]) or nxt.tag in cue["after_tags"]
    return score


def _word(text: str, words: list, start: int, end: int) -> tuple[int, int] | None:
    """The words that make up the form, or the one dictionary word that ends with it after a
    word of its own (充分发扬 is one word of the dictionary: 充分 + 发扬); None when the form is
    no word there (全部属于 holds no 部属)."""
    span = word_layer.at(words, start, end)
    if span is None:
        for k, w in enumerate(words):
            if w.start < start and w.end == end and word_layer.frequency(text[w.start:start]):
                return k, k
    return span


def _occurrences(ctx, pattern):
    """(paragraph, offset, form) for every form, overlapping ones too (依法制订: 法制 and 制订):
    re finds the first of an overlapping run, and the places inside it are tried one by one."""
    for para, start, end, m in ctx.scan(pattern):
        yield para, start, m.group()
        for inner in range(start + 1, end):
            again = pattern.match(para.text, inner)
            if again:
                yield para, inner, again.group()


def check(draft, ctx):
    pattern, by_word = _index(ctx.glossary)
    if pattern is None:
        return
    spans: dict = {}
    for para, start, form in _occurrences(ctx, pattern):
        text, end = para.text, start + len(form)
        if covered(ctx, para, start, end, spans):
            continue  # inside a glossary form (国家权利机关): the glossary's rule reports it
        for twin in by_word[form]:
            usual = twin.data.get("usual")
            unusual = usual not in (None, form)
            rivals = [w for w in twin.data["words"] if w != form and _near(text, start, end, twin.cues(w))]
            if not rivals and not unusual:
                continue
            words = word_layer.around(text, start, end)
            i = _word(text, words, start, end)
            if i is None or _score(text, words, i, start, twin.cues(form)):  # not a word, or right here
                continue
            best = max(rivals, key=lambda w: _score(text, words, i, start, twin.cues(w))) if rivals else None
            if best and _score(text, words, i, start, twin.cues(best)):
                message = f"“{form}”与“{best}”意思不同，按前后文应为“{best}”，请核实"
            elif unusual:
                best = usual
                message = f"“{form}”与“{usual}”意思不同，公文中多用“{usual}”，这里也不是“{form}”的常见搭配，请核实"
            else:
                continue
            yield ctx.finding(ID, SEVERITY, para, start, end, message, twin.basis, suggestion=best)
            break
