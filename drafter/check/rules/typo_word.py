"""typo.word: a misused word found without a list of misspellings, in two shapes typo.similar
leaves alone.

- Two characters that are no word (会议记律, 开展视查, 酝量候选人) where changing ONE of them to a
  confusable character (glossary/confusions/charsets*.tsv) makes a common word (纪律, 视察, 酝酿)
  that the clause reads far better with: the best segmentation of the characters around scores at
  least THRESHOLD higher with the change (log probability, unigram model over jieba's dictionary).
  Precision comes first: both characters must stand alone in the unchanged segmentation (no
  longer word holds either), the pair must be in no lexicon (jieba's dictionary, the office words
  of glossary/confusions/known-words.txt, shipped and the workspace's), and a pair next to a
  surname or before 县/市/区 (a name: 马骏驰, 青崖县) or holding a function character (委于) is skipped.
- A set phrase of four characters that the dictionary itself lists as a rare variant (各抒已见,
  再接再历: jieba saw them a few times) while a one-character change gives a form it saw at
  least RATIO times as often (各抒己见, 再接再厉).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .. import words as word_layer
from .typo import covered
from .typo_similar import CHUNK, _holder, _index, _listed, _proper, charsets

ID = "typo.word"
SEVERITY = "warning"
FIXABLE = False
DOC = ("错用字造成的别字词：两个字不成词、换其中一个音近或形近字就成为常用词且句子明显通顺的（会议记律→会议纪律、"
       "开展视查→开展视察、酝量→酝酿），以及词典只偶见、换一个字就是常见写法的成语（各抒已见→各抒己见、再接再历→再接再厉）。"
       "不依赖易错字词表；人名、地名和 known-words.txt（内置的和工作区词库的）中的工作用语不报。")
BASIS = ("形近音近字表（glossary/confusions/charsets.tsv 及补充表）和 jieba 词典词频；词形以《现代汉语词典》为准")
FIXTURES = {
    "bad": ["请严格遵守会议记律。", "常委会组织代表开展视查。", "分组讨论，酝量乡人民政府副乡长候选人。",
            "请大家畅所欲言、各抒已见。", "全镇人民要锐意进取、再接再历。"],
    "good": ["请严格遵守会议纪律。", "常委会组织代表开展视察。", "要持之以恒纠治形式主义。", "人大教科文卫委于近日召开会议。",
             "委员会主任马骏驰主持会议。", "为青崖县高质量发展贡献力量。", "请大家畅所欲言、各抒己见。",
             "推进农村公路提质改造。", "加强电梯维保管理。", "护理人员中取得职业资格的仅占41%。",
             "听取了县财政局局长宁敏华所作的报告。", "请宁敏华同志作报告。"],
}

THRESHOLD = 8.4  # natural log: the changed clause reads e^8.4 (about 4400) times likelier
MIN_FREQ = 300  # the word a pair becomes is a common one
COMPOUND = 1000  # both halves of a four-character entry seen this often: a compound of two words
RATIO, RARE, SET_FREQ = 10, 10, 40  # a listed rare phrase (<= RARE) against one seen RATIO times as often (>= SET_FREQ)
MARGIN = 6
JOINS = 5  # a word seen fewer times does not join a character to its neighbour
HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
# The commonest surnames: a pair beginning with one, or right after one, is likely a given name.
SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
                     "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
PLACE_AFTER = frozenset("县市区州省")
# A person's name by where it stands: after a post and one character (局长宁|敏华, a surname the list
# lacks), or before 同志.
POSTS = ("局长", "主任", "书记", "县长", "市长", "区长", "镇长", "乡长", "主席", "委员", "代表", "处长", "科长", "院长", "部长",
         "厅长", "秘书长", "经理", "同志")
FUNCTION = frozenset("于的了在和与及是为把被对从向之而")


@lru_cache(maxsize=1)
def _pairs() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """Common two-character words by each form with one character left out (?律 → 纪律, 规律 …),
    and every dictionary word of two to four characters: whether a pair, or a character of it
    with its neighbours, is a word is known without loading the segmenter. Built once from the
    dictionary file and kept in the user's cache folder."""
    return word_layer.dictionary_index("word-pairs", _build_pairs, f"{MIN_FREQ}-{JOINS}")


def _build_pairs(source: Path) -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    index: dict[str, list[str]] = {}
    lexicon = set()
    for w, f, _ in word_layer.entries(source):
        if 2 <= len(w) <= 4:
            f = f or 0
            if f >= JOINS:  # a rare word (展视, seen 3 times) rarely wins a segmentation
                lexicon.add(w)
            if len(w) == 2:
                if f >= MIN_FREQ:
                    index.setdefault("?" + w[1], []).append(w)
                    index.setdefault(w[0] + "?", []).append(w)
    return {k: tuple(v) for k, v in index.items()}, frozenset(lexicon)


def _alone(run: str, a: int, lexicon: frozenset[str]) -> bool:
    """Whether no dictionary word joins either character of the pair at ``a`` to a neighbour."""
    for lo in range(max(0, a - 3), a + 2):
        for hi in range(max(lo + 2, a + 1), min(len(run), lo + 4) + 1):
            if (lo, hi) != (a, a + 2) and run[lo:hi] in lexicon:
                return False
    return True


def _lone(run: str, words) -> Iterator[int]:
    """The starts of the pairs of a run that are no word, where neither overlapping pair is one
    either (a word joining a character to its neighbour: see ``_alone``): a set look-up a place,
    over a few thousand places at a time, so that a run of megabytes costs no more memory."""
    n = len(run)
    for c in range(0, n - 1, CHUNK):
        top, lo = min(c + CHUNK, n - 1), max(c - 1, 0)
        free = [run[k:k + 2] not in words for k in range(lo, min(top + 1, n - 1))]  # free[k - lo]: no word at k
        for a in range(c, top):
            k = a - lo
            if free[k] and (a == 0 or free[k - 1]) and (a + 2 == n or free[k + 1]):
                yield a


def _pair_candidates(run: str, lexicon: frozenset[str]):
    """(start, written pair, word) for the non-word pairs of a run that one change makes a word
    (``lexicon``: the glossary's known words, never one)."""
    sets = charsets()
    pairs, words = _pairs()
    makes: dict[tuple[str, int], list[str]] = {}  # (pair, place changed) → the words one change makes
    for a in _lone(run, words):
        written = run[a:a + 2]
        if written in lexicon or written[0] in SURNAMES or (a and run[a - 1] in SURNAMES) \
                or run[a + 2:a + 3] in PLACE_AFTER or FUNCTION & set(written) \
                or run[max(0, a - 4):max(0, a - 1)].endswith(POSTS) or run.startswith("同志", a + 2):
            continue
        for i in (a, a + 1):
            made = makes.get((written, i - a))
            if made is None:
                alternatives = sets.get(run[i], ())
                made = makes[written, i - a] = [w for w in pairs.get(run[a:i] + "?" + run[i + 1:a + 2], ())
                                                if w[i - a] in alternatives]
            if not made or not _alone(run, a, words):
                continue  # the word table is opened only past this point
            lo, hi = max(0, i - MARGIN), min(len(run), i + MARGIN + 1)
            before, parts = word_layer.route(run[lo:hi])
            if len(_holder(parts, a - lo)[0]) != 1 or len(_holder(parts, a + 1 - lo)[0]) != 1:
                continue  # a longer word holds one of them: 中共|桐川
            best = None
            for word in made:
                after, new_words = word_layer.route(run[lo:i] + word[i - a] + run[i + 1:hi])
                now, _ = _holder(new_words, i - lo)
                if now == word and not _proper(word) and after - before >= THRESHOLD and (best is None or after > best[0]):
                    best = (after, word)
            if best:
                yield a, written, best[1]


def _phrase_candidates(run: str):
    """(start, written phrase, phrase) for rare listed variants of a set phrase of four characters."""
    sets, index, rare = charsets(), _index(), _rare()
    for a in range(len(run) - 3):
        written = run[a:a + 4]
        if written not in rare:
            continue  # not a rare dictionary phrase: most places end at this one look-up
        if min(word_layer.frequency(written[:2]), word_layer.frequency(written[2:])) >= COMPOUND:
            continue  # two common words (职业资格), not a set phrase: its twin (执业资格) is a word of its own
        for i in range(a, a + 4):
            alternatives = sets.get(run[i])
            if not alternatives:
                continue
            made = [w for w in index.get(run[a:i] + "?" + run[i + 1:a + 4], ()) if w[i - a] in alternatives]
            if not made:
                continue
            best = max(made, key=word_layer.frequency)
            if word_layer.frequency(best) >= max(SET_FREQ, RATIO * rare[written]) and not _proper(best):
                yield a, written, best


@lru_cache(maxsize=1)
def _rare() -> dict[str, int]:
    """The phrases of four characters the dictionary saw 1 to RARE times, and how often."""
    return word_layer.dictionary_index("rare-phrases", _build_rare, str(RARE))


def _build_rare(source: Path) -> dict[str, int]:
    return {w: f for w, f, _ in word_layer.entries(source) if len(w) == 4 and f is not None and 1 <= f <= RARE}


def check(draft, ctx):
    spans: dict = {}
    for para, start, end, m in ctx.scan(HAN):
        run, done = m.group(), set()
        for a, written, word in (*_pair_candidates(run, ctx.glossary.known_words), *_phrase_candidates(run)):
            begin, stop = start + a, start + a + len(written)
            if (begin, stop) in done or covered(ctx, para, begin, stop, spans) or _listed(ctx, para, begin, stop):
                continue
            done.add((begin, stop))
            yield ctx.finding(ID, SEVERITY, para, begin, stop,
                              f"“{written}”疑为“{word}”（一字音近或形近而误），请核实", BASIS, suggestion=word)
