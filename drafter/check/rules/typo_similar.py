"""typo.similar: one character of a set phrase typed as a character of like sound or shape
(即定目标 → 既定目标, 不容质疑 → 不容置疑, 一愁莫展 → 一筹莫展), found without a list of misspellings.

The open character sets of glossary/confusions/charsets.tsv say which characters are confused
(same sound, near sound, like shape); the segmenter's dictionary (jieba, its word frequencies)
says which words exist and how common they are. A place is reported when putting ONE confusable
character there makes a dictionary word of three or four characters that the clause reads far
better with: the best segmentation of the few characters around scores (log probability, a
unigram model over the dictionary) at least THRESHOLD higher with the change than without it
(more for a word of three characters than for a set phrase of four).
Two-character words are left alone: official prose is full of short words the dictionary lacks
(提质, 逐件, 收悉, 维保), and a change there is too often a guess.

Places inside a glossary form or a listed misspelling (the typo rule reports those) and
proper nouns (names of persons, places, bodies) are skipped. The index of dictionary words (read
from jieba's dictionary file without importing jieba) is kept in the user's cache folder and the
character sets are read once per process, on first use; segmentations come from the word table
(words.route), opened only when some place could be a mistyped phrase.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from .. import words as word_layer
from ...files.fs import decode, read_bounded
from ...resources import shipped
from .typo import covered

ID = "typo.similar"
SEVERITY = "warning"
FIXABLE = False
DOC = ("形近、音近字误用：成语、固定词组中的一个字打成了音近或形近的字（即定目标→既定目标、不容质疑→不容置疑、"
       "一愁莫展→一筹莫展），不依赖易错字词表，按形近音近字表和词典词频判断。只报换一个字后成为常用词语、"
       "且读起来明显更通顺的地方，提醒核实；词典里也收了的常见错写（眼花撩乱、由然而生），比正确的成语少见得多的，也报。")
BASIS = ("形近音近字表（pycorrector 的 same_pinyin/same_stroke 字表，Apache-2.0）和 jieba 词典词频；"
         "词形以《现代汉语词典》为准")
FIXTURES = {
    "bad": ["要推动即定目标任务落地见效。", "这一点不容质疑。", "这是当务之及。", "工作要精益求经。",
            "要锲而不拾地抓下去。", "各部门要齐心协利。", "做到有的放失。",
            "会场上一时眼花撩乱。", "敬畏之情由然而生。", "不能心浮气燥。"],
    "good": ["要推动既定目标任务落地见效。", "这一点不容置疑。", "推进农村公路提质改造。", "来函收悉。",
             "对代表建议逐件跟踪督办。", "执法检查顺延至下月。", "专人到您所在的青石乡开展实地调研。",
             "在第十次会议闭幕时的讲话。", "增强宪法意识和法治观念。", "改善农村人居环境。", "刘芳同志主持会议。",
             "恒人常办发〔2026〕3号", "我们一定不负重托。", "取得职业资格证书。", "会场上一时眼花缭乱。", "版记在下半页底部。", "一兆到数十兆字节。", "附件说明一行列了几个名称。"],
}

# Natural log: a changed clause that makes a set phrase of four characters must read e^7 (about
# 1100) times likelier; one that makes a three-character word, e^11 (about 60000) times: a
# three-character word is often two words read as one (下半页 is no 下半叶, 数十兆 no 数十招).
THRESHOLD = {4: 7.0, 3: 11.0}
MARGIN = 6  # characters each side of the place that the two segmentations compare
MIN_FREQ = {4: 3, 3: 50}  # dictionary words seen fewer times are no evidence (a long index costs time to build)
COMMON, SET_PHRASE = 20, 50  # written as two words this common, the phrase it would become must be this common
HELD, IDIOMS = 5, ("i", "l")  # a misspelling the dictionary holds: how much rarer than its idiom (i, l)
NAMES = ("nr", "ns", "nt", "nz", "nrt", "nrfg")  # persons, places, bodies, other proper nouns
HAN = re.compile(r"[\u4e00-\u9fff]{3,}")
DATA = "confusions/charsets.tsv"
EXTRA = "confusions/charsets-extra.tsv"  # pairs the table lacks (已/己), with an example each
MAX_DATA_BYTES = 4 * 1024 * 1024
CHUNK = 4096  # places of a run looked at together (the lists made for them are bounded by it)


@lru_cache(maxsize=1)
def charsets() -> dict[str, str]:
    """Each character and the characters it may be mistyped for (the shipped table)."""
    sets: dict[str, str] = {}
    for name in (DATA, EXTRA):
        path = shipped("glossary") / name
        for line in decode(read_bounded(str(path), MAX_DATA_BYTES), str(path)).splitlines():
            if line and not line.startswith("#"):
                char, _, others = line.partition("\t")
                for a, b in ((char, c) for c in others.strip()):  # both ways, no repeats
                    for x, y in ((a, b), (b, a)):
                        if y not in sets.get(x, ""):
                            sets[x] = sets.get(x, "") + y
    return sets


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """Dictionary words of three or four characters by each form with one character left out
    (既?目标 → 既定目标): the place of a one-character change is found with a few look-ups.
    Built once from the dictionary file and kept in the user's cache folder."""
    return word_layer.dictionary_index("similar-index", _build_index, f"{MIN_FREQ[4]}-{MIN_FREQ[3]}")


def _build_index(source: Path) -> dict[str, tuple[str, ...]]:
    word = re.compile(r"[\u4e00-\u9fff]{3,4}\Z")
    index: dict[str, list[str]] = {}
    for w, f, _ in word_layer.entries(source):
        if len(w) in (3, 4) and word.match(w) and f is not None and f >= MIN_FREQ[len(w)]:
            for i in range(len(w)):
                index.setdefault(w[:i] + "?" + w[i + 1:], []).append(w)
    return {k: tuple(v) for k, v in index.items()}


def _holder(words: list[str], i: int) -> tuple[str, int]:
    """The word of a segmentation that holds position ``i``, and where it begins."""
    pos = 0
    for w in words:
        if pos <= i < pos + len(w):
            return w, pos
        pos += len(w)
    return "", i


def _phrase(written: str, word: str) -> bool:
    """Whether the written characters are themselves common words put together (不负 + 重托) while
    the word they would become is a rare dictionary entry (不负众托): a unigram model favours one
    long word over two, so only a well-attested set phrase outweighs two common words."""
    freq = word_layer.frequency
    _, parts = word_layer.route(written)
    return len(parts) > 1 and all(len(w) >= 2 and freq(w) >= COMMON for w in parts) and freq(word) < SET_PHRASE


def _held_misspelling(written: str, word: str) -> bool:
    """Whether the written form is a misspelling the dictionary itself holds, as web text writes it
    (眼花撩乱 beside 眼花缭乱, 由然而生 beside 油然而生): a word of four characters whose set phrase,
    one confusable character away, is an idiom and at least HELD times as common. Both being words,
    the segmentation gains little from the change, so the threshold is not asked."""
    seen = word_layer.frequency(written)
    return (len(word) == 4 and seen > 0 and word_layer.tag(word) in IDIOMS
            and word_layer.frequency(word) >= HELD * seen)


def _proper(word: str) -> bool:
    return (word_layer.tag(word) or "").startswith(NAMES)


@lru_cache(maxsize=1)
def _edges() -> tuple[frozenset[str], ...]:
    """The two characters a dictionary word of the index begins with and ends with, by length,
    and the first and last characters of each word of three: a window of the text can be one
    character away from such a word only where it shares one of these with it. Kept in the
    cache folder beside the index."""
    index_code = hashlib.sha1(_build_index.__code__.co_code).hexdigest()[:12]  # made from the index: rebuilt with it
    return tuple(map(frozenset, word_layer.dictionary_index("similar-edges", _build_edges,
                                                            f"{MIN_FREQ[4]}-{MIN_FREQ[3]}-{index_code}")))


def _build_edges(source: Path) -> tuple[list[str], ...]:
    """From the index as loaded (``_index``), not built again from ``source``."""
    four, three = set(), set()
    for found in _index().values():
        (four if len(found[0]) == 4 else three).update(found)
    return (sorted({w[:2] for w in four}), sorted({w[2:] for w in four}), sorted({w[:2] for w in three}),
            sorted({w[1:] for w in three}), sorted({w[0] + w[2] for w in three}))


_TAKEN: dict[str, frozenset[str]] = {}  # a form of the index → the characters it may be a mistyping of


def _taken(form: str) -> frozenset[str]:
    """The characters that, written at the gap of ``form``, are a mistyping of one of its words
    (a character confusable with the word's own there): made once per form a process meets."""
    found = _TAKEN.get(form)
    if found is None:
        sets, gap = charsets(), form.index("?")
        found = _TAKEN[form] = frozenset("".join(sets.get(w[gap], "") for w in _index()[form]))
    return found


def _hot(run: str) -> list[int]:
    """The positions of the run where a window of three or four characters holding it is a word of
    the index with that one character mistyped for a confusable one: the two characters at either
    end of each window are looked up first, so that most positions cost no string built for the
    index."""
    index = _index()
    head4, tail4, head3, tail3, ends3 = _edges()
    n, hot = len(run), set()
    for c in range(0, n - 2, CHUNK):  # a few thousand windows at a time: a run of megabytes costs no more memory
        top = min(c + CHUNK, n - 2)
        pairs = [run[k:k + 2] for k in range(c, min(top + 2, n - 1))]  # pairs[a - c] begins at a
        forms = []  # (form of the index the window may be, the position of its gap)
        for a in range(c, top):
            w, p = run[a:a + 4], a - c
            if len(w) == 4:
                if pairs[p] in head4:  # the change is in the last two characters
                    forms += ((w[:2] + "?" + w[3], a + 2), (w[:3] + "?", a + 3))
                if pairs[p + 2] in tail4:  # in the first two
                    forms += (("?" + w[1:], a), (w[0] + "?" + w[2:], a + 1))
            if pairs[p] in head3:
                forms.append((pairs[p] + "?", a + 2))
            if pairs[p + 1] in tail3:
                forms.append(("?" + pairs[p + 1], a))
            if run[a] + run[a + 2] in ends3:
                forms.append((run[a] + "?" + run[a + 2], a + 1))
        hot.update(i for form, i in forms if form in index and run[i] in (_TAKEN.get(form) or _taken(form)))
    return sorted(hot)


def candidates(run: str):
    """(index, right character, word it makes, where that word begins, gain) for the places of a
    run of Han characters where a change reads far better."""
    sets, index = charsets(), _index()
    for i in _hot(run):
        char = run[i]
        alternatives = sets.get(char)
        if not alternatives:
            continue
        made: dict[str, str] = {}
        for a in range(max(0, i - 3), i + 1):
            for b in range(max(i + 1, a + 3), min(len(run), a + 4) + 1):
                for word in index.get(run[a:i] + "?" + run[i + 1:b], ()):
                    right = word[i - a]
                    if right in alternatives and right not in made:
                        made[right] = word
        if not made:
            continue  # the word table is opened only past this point
        lo, hi = max(0, i - MARGIN), min(len(run), i + MARGIN + 1)
        before, words = word_layer.route(run[lo:hi])
        was, _ = _holder(words, i - lo)
        if _proper(was):
            continue
        for right, word in made.items():
            changed = run[lo:i] + right + run[i + 1:hi]
            after, new_words = word_layer.route(changed)
            now, begin = _holder(new_words, i - lo)
            written = run[lo + begin:lo + begin + len(now)]
            if (len(now) >= 3 and not _proper(now) and not _phrase(written, now)
                    and (after - before >= THRESHOLD[min(len(now), 4)] or _held_misspelling(written, now))):
                yield i, right, now, lo + begin, after - before


def check(draft, ctx):
    spans: dict = {}
    for para, start, end, m in ctx.scan(HAN):
        run = m.group()
        best: dict[int, tuple] = {}
        for i, right, word, begin, gain in candidates(run):
            if i not in best or gain > best[i][3]:
                best[i] = (right, word, begin, gain)
        for i, (right, word, begin, gain) in sorted(best.items()):
            at, begin = start + i, start + begin
            stop = begin + len(word)
            if covered(ctx, para, at, at + 1, spans) or _listed(ctx, para, begin, stop):
                continue
            wrong = para.text[begin:stop]
            yield ctx.finding(ID, SEVERITY, para, begin, stop,
                              f"“{wrong}”疑为“{word}”（“{para.text[at]}”与“{right}”音近或形近），请核实", BASIS,
                              suggestion=word)


def _listed(ctx, para, start: int, end: int) -> bool:
    """Whether a listed misspelling overlaps the place: the typo rule reports it already."""
    return any(h.kind == "typo" and h.start < end and start < h.end for h in ctx.hits(para))
