"""The glossary of standard formulations (规范提法), and one automaton over all its forms.

Entries are data in ``glossary/*.yaml`` (shipped) and in a writer's own folders, which
extend the shipped entries or override one of the same term. Every form a rule looks for
(terms, outdated forms, wrong variants) goes into one Aho–Corasick automaton, so a draft
is scanned once however many entries there are.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import __version__, safeyaml, schema
from ..errors import DrafterError
from ..files.fs import cache_dir, cache_get, cache_put, decode, read_bounded
from ..resources import shipped
from ..schema import Boolean, Choice, Date, Field, ListOf, Record, SchemaError, Spec, Text, TextList


class Month(Spec):
    """A year (2021) or a year and month (2024-07), as (year, month)."""

    label = "年份或年月（如 2021 或 2024-07）"

    def check(self, value, path):
        text = str(value).strip()
        m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", text)
        if not m or not 1 <= int(m.group(2) or 1) <= 12:
            raise SchemaError(f"应为{self.label}，实为“{text}”", path)
        return int(m.group(1)), int(m.group(2) or 0)


def month_label(ym: tuple[int, int]) -> str:
    """A (year, month) read by ``Month`` as a writer says it: 2018年3月, or 2018年 (month 0)."""
    return f"{ym[0]}年{ym[1]}月" if ym[1] else f"{ym[0]}年"

OUTDATED = Record(fields={
    "form": Field(Text(max_len=100), required=True, doc="旧提法"),
    "since": Field(Month(), doc="自何时起不再使用（文稿日期在此之前不报）"),
    "right": Field(Text(max_len=100), doc="替换旧提法的现行写法（不写则为本条提法）"),
    "note": Field(Text(max_len=500), doc="说明"),
})
EXAMPLE = Record(fields={
    "text": Field(Text(max_len=500), required=True, doc="例句"),
    "date": Field(Date(), doc="例句所在文稿的日期"),
    "region": Field(Text(max_len=20), doc="例句所在文稿的省份"),
    "fixed": Field(Text(max_len=500), doc="bad 例句经 drafter check --fix 自动修改后的文字"),
})


class Examples(Spec):
    """Example sentences: a text, a list of texts, or {text, date, region} where context matters."""

    label = "例句（文字、列表，或含 text、date、region 的映射）"

    def check(self, value, path):
        items = value if isinstance(value, list) else [value]
        if not items:
            raise SchemaError("至少需要一个例句", path)
        out = []
        for i, item in enumerate(items):
            where = path + (i,) if isinstance(value, list) else path
            out.append(EXAMPLE.check(item, where) if isinstance(item, dict)
                       else {"text": Text(max_len=500).check(item, where), "date": None, "region": None,
                             "fixed": None})
        return out


EXAMPLES = Record(fields={
    "bad": Field(Examples(), required=True, doc="必须触发检查的例句"),
    "good": Field(Examples(), required=True, doc="不得触发检查的例句"),
})
PERIOD = Record(fields={
    "from": Field(Month(), doc="起始年月，如 2021 或 2024-07"),
    "to": Field(Month(), doc="截止年月"),
})
# A law's dates (the register of laws, laws.yaml): when it was adopted, when it took effect, and
# every change since (修正 by a decision, 修订 as a whole, 修正案 for the constitution).
CHANGE = Record(fields={
    "date": Field(Date(), required=True, doc="修改通过的日期"),
    "kind": Field(Choice(choices=("修正", "修订", "修正案")), required=True, doc="修正、修订或（宪法）修正案"),
    "effective": Field(Date(), doc="修改后的施行日期（与通过日期不同时）"),
    "source": Field(Text(max_len=300), doc="核实这次修改的来源"),
})
ENTRY = Record(fields={
    "term": Field(Text(max_len=100), required=True, doc="规范提法"),
    "category": Field(Text(max_len=50), doc="类别"),
    "family": Field(Choice(choices=("glossary", "usage")), doc="报告为哪一类：usage 表示用错的是别的机关的用语"
                    "（政协委员“议案”），由 usage.term 报告；不写即 glossary"),
    "items": Field(ListOf(Text(max_len=200)), default=list, doc="各项内容，按规范顺序"),
    "verbs": Field(TextList(), default=list, doc="搭配的动词"),
    "wrong_verbs": Field(TextList(), default=list, doc="不能搭配的动词"),
    "outdated": Field(ListOf(OUTDATED), default=list, doc="旧提法及替换"),
    "variants": Field(TextList(), default=list, doc="常见错误写法"),
    "region": Field(Text(max_len=20), doc="适用地区（省级提法）"),
    "valid": Field(PERIOD, doc="有效期"),
    "successor": Field(Text(max_len=100), doc="有效期过后的现行提法"),
    "note": Field(Text(max_len=500), doc="说明"),
    "basis": Field(Text(max_len=200), required=True, doc="依据"),
    "adopted": Field(Date(), doc="法律通过的日期"),
    "effective": Field(Date(), doc="法律施行的日期"),
    "changes": Field(ListOf(CHANGE), default=list, doc="历次修正、修订，按时间先后"),
    "dates_source": Field(Text(max_len=300), doc="核实这些日期的来源（国家法律法规数据库、中国人大网等）"),
    "examples": Field(EXAMPLES, required=True, doc="自测例句"),
})

# A confusion pair (易错字词): a misspelling common in official writing and its right form.
PAIR = Record(fields={
    "wrong": Field(Text(max_len=30), required=True, doc="错误写法"),
    "right": Field(Text(max_len=30), required=True, doc="正确写法"),
    "note": Field(Text(max_len=300), doc="说明"),
    "severity": Field(Choice(choices=("error", "warning")), default="error",
                      doc="error：总是错的；warning：某些语境下也成立，只提醒、不自动改"),
    "basis": Field(Text(max_len=200), doc="依据（默认《现代汉语词典》的词形）"),
    "except": Field(TextList(), default=list, doc="包含错误写法、本身正确的较长词语，不报"),
    "examples": Field(Record(fields={
        "bad": Field(Examples(), doc="必须报为错别字的例句"),
        "good": Field(Examples(), doc="不得报为错别字的例句"),
    }), doc="自测例句（错误写法和正确写法本身总会自测）"),
})
PAIR_BASIS = "《现代汉语词典》的规范词形"
# A set of near twins (近形近音词): words that are all correct but mean different things
# (反映/反应, 权利/权力), told apart by the words around them.
CUE = Record(fields={
    "word": Field(Text(max_len=10), required=True, doc="近形词之一"),
    "before": Field(TextList(), default=list, doc="紧挨在它前面、说明该用它的词（群众反映）"),
    "after": Field(TextList(), default=list, doc="紧跟在它后面、说明该用它的词（反映问题）"),
    "after_tags": Field(TextList(), default=list, doc="紧跟在它后面的词的词性（jieba 词性：v 动词、p 介词、d 副词）"),
})
TWIN = Record(fields={
    "words": Field(ListOf(Text(max_len=10), min_items=2, max_items=4), required=True, doc="一组近形近音词"),
    "cues": Field(ListOf(CUE, min_items=1), required=True, doc="每个词的语境线索"),
    "usual": Field(Text(max_len=10), doc="公文中常用的那个词：这组里别的词前后没有自己的线索时也报（部属→部署）"),
    "note": Field(Text(max_len=300), doc="说明"),
    "basis": Field(Text(max_len=300), required=True, doc="依据"),
    "examples": Field(EXAMPLES, required=True, doc="自测例句：bad 必须报为误用，good 不得报"),
})
TWINS = "twins"  # the sub-folder of a glossary folder that holds near-twin sets
# A word of another body's usage (政协's 提案, a 质询 that is no 质询案) misused in a 人大 draft,
# told by the words around it: the register of 人大 usage (usage/*.yaml).
WHEN = Record(fields={
    "before": Field(TextList(), default=list, doc="紧挨在前面的词"),
    "after": Field(TextList(), default=list, doc="紧跟在后面的词"),
    "sentence": Field(TextList(), default=list, doc="同一句中出现的词"),
    "document": Field(TextList(), default=list, doc="全文中出现的词"),
})
USAGE = Record(fields={
    "word": Field(Text(max_len=20), required=True, doc="用错的词"),
    "right": Field(Text(max_len=40), required=True, doc="人大的用语"),
    "owner": Field(Text(max_len=40), doc="这个词属于谁的用语（政协、政府）"),
    "wrong_when": Field(WHEN, required=True, doc="出现这些词时是误用（任一即可）"),
    "right_when": Field(WHEN, doc="出现这些词时用得对（任一即可），优先于 wrong_when"),
    "note": Field(Text(max_len=300), required=True, doc="说明，报告给写作者"),
    "basis": Field(Text(max_len=300), required=True, doc="依据"),
    "examples": Field(EXAMPLES, required=True, doc="自测例句"),
})
USAGES = "usage"  # the sub-folder of a glossary folder that holds the register of 人大 usage
# The words of a website's own voice, by which noise tells residue no pattern names (residue/*.yaml).
VOICE = Record(fields={
    "group": Field(Text(max_len=40), required=True, doc="词组的名称（同名即覆盖）"),
    "strength": Field(Choice(choices=("strong", "weak")), required=True,
                      doc="strong：机关文稿自己不会这样说（范文、小编）；weak：文稿也可能说（下载、关注），只在几个连用时算"),
    "words": Field(TextList(), required=True, doc="词语（不分大小写）"),
    "office": Field(TextList(), default=list, doc="行中有这些词时是本单位自己的话（扫码关注“××人大”公众号），弱词不算"),
    "basis": Field(Text(max_len=300), required=True, doc="依据"),
    "examples": Field(EXAMPLES, required=True, doc="自测例句：bad 必须报为网页残留，good 不得报"),
})
RESIDUE = "residue"  # the sub-folder of a glossary folder that holds the words of a website's voice
# Turning off a shipped entry or pair in an office's own glossary: - {term: 一府两院, disabled: true}
DISABLE = Record(fields={
    "term": Field(Text(max_len=100), required=True, doc="要停用的条目（规范提法，或易错字词的错误写法）"),
    "disabled": Field(Boolean(), required=True, doc="true：停用"),
    "note": Field(Text(max_len=500), doc="说明"),
})
DISABLE_LIST = Record(fields={
    "disable": Field(TextList(), required=True, doc="要停用的条目列表"),
    "note": Field(Text(max_len=500), doc="说明"),
})

TERM, OUTDATED_FORM, VARIANT, ITEM = "term", "outdated", "variant", "item"
TYPO, GUARD = "typo", "guard"  # a pair's wrong form; a correct word that holds a wrong form
CONFUSIONS = "confusions"  # the sub-folder of a glossary folder that holds confusion pairs
KNOWN_WORDS = "known-words.txt"  # in it: office words jieba's dictionary lacks (纠治, 维保), never a misused pair
MAX_KNOWN_BYTES = 4 * 1024 * 1024
SEPARATORS = "、，,；;和与及“”‘’ 　"  # what may stand between the items of a list
SHORT_ITEM = 2  # items this short (创新、民主) are common words: they are found as lists only


@dataclass
class Entry:
    term: str
    data: dict
    source: str

    @property
    def basis(self) -> str:
        return f"规范提法词库：{self.term}（{self.data['basis']}）"


@dataclass
class Pair:
    """A confusion pair; ``term`` is its wrong form (the key a workspace overrides or disables)."""

    term: str
    data: dict
    source: str

    @property
    def basis(self) -> str:
        return f"易错字词：{self.data['wrong']}→{self.data['right']}（{self.data['basis'] or PAIR_BASIS}）"


@dataclass
class Twin:
    """A near-twin set; ``term`` is its words joined by “/” (the key a workspace overrides or disables)."""

    term: str
    data: dict
    source: str

    @property
    def basis(self) -> str:
        return f"近形近音词：{self.term}（{self.data['basis']}）"

    def cues(self, word: str) -> dict:
        for cue in self.data["cues"]:
            if cue["word"] == word:
                return cue
        return {"word": word, "before": [], "after": [], "after_tags": []}


@dataclass
class Usage:
    """An entry of the register of 人大 usage; ``term`` is its word (the key to override or disable)."""

    term: str
    data: dict
    source: str

    @property
    def basis(self) -> str:
        return f"人大用语：{self.term}→{self.data['right']}（{self.data['basis']}）"


@dataclass
class Voice:
    """A group of words of a website's voice; ``term`` is its name (the key to override or disable)."""

    term: str
    data: dict
    source: str

    @property
    def basis(self) -> str:
        return f"网站用语：{self.term}（{self.data['basis']}）"


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    kind: str  # TERM, OUTDATED_FORM, VARIANT, ITEM, TYPO or GUARD
    form: str
    entry: Entry
    extra: object = None  # the outdated record, or an item's index


@dataclass
class Glossary:
    entries: dict[str, Entry] = field(default_factory=dict)
    pairs: dict[str, Pair] = field(default_factory=dict)
    twins: dict[str, Twin] = field(default_factory=dict)
    usages: dict[str, Usage] = field(default_factory=dict)
    voices: dict[str, Voice] = field(default_factory=dict)
    disabled: list[tuple[str, str]] = field(default_factory=list)  # (term, file that disabled it)
    known_words: frozenset[str] = frozenset()  # office words the dictionary lacks (confusions/known-words.txt)
    fingerprint: str | None = None  # of every file load_glossary read, shipped and the workspace's (check.cache)
    _automaton: object = None
    _list_patterns: list | None = None
    _twin_index: object = None  # typo.neartwin's pattern of all twin forms, made on first use
    _voice: tuple | None = None

    def voice(self) -> tuple[tuple[tuple[str, Voice], ...], tuple[tuple[str, Voice], ...], tuple[str, ...]]:
        """The words of a website's voice from every group, as noise counts them: the strong and
        the weak ones as (word in upper case, its group), longest first (展开全文 before 全文), and
        the words that mark a line as an office's own."""
        if self._voice is None:
            found: dict[str, list] = {"strong": [], "weak": []}
            office: set[str] = set()
            for voice in self.voices.values():
                found[voice.data["strength"]] += [(w.upper(), voice) for w in voice.data["words"]]
                office.update(voice.data["office"])
            longest = lambda pairs: tuple(sorted(pairs, key=lambda p: -len(p[0])))
            self._voice = (longest(found["strong"]), longest(found["weak"]), tuple(sorted(office)))
        return self._voice

    def automaton(self):
        if self._automaton is None:
            import ahocorasick  # the C extension loads on the first scan, not at start-up

            auto = ahocorasick.Automaton()
            forms: dict[str, list] = {}
            for entry in self.entries.values():
                forms.setdefault(entry.term, []).append((TERM, entry, None))
                for old in entry.data["outdated"]:
                    forms.setdefault(old["form"], []).append((OUTDATED_FORM, entry, old))
                for variant in entry.data["variants"]:
                    forms.setdefault(variant, []).append((VARIANT, entry, None))
                if not self._short(entry):
                    for index, item in enumerate(entry.data["items"]):
                        forms.setdefault(item, []).append((ITEM, entry, index))
            rights = "\n".join({p.data["right"] for p in self.pairs.values()})
            for pair in self.pairs.values():
                wrong = pair.data["wrong"]
                forms.setdefault(wrong, []).append((TYPO, pair, None))
                # correct words that hold the wrong form: an exception, or a right form (its own or
                # another pair's; found in one C-level search of all right forms, not a loop over them)
                guards = set(pair.data["except"])
                if wrong in rights:
                    guards |= {right for right in rights.split("\n") if wrong in right}
                for word in guards:
                    if word != wrong:
                        forms.setdefault(word, []).append((GUARD, pair, None))
            for form, values in forms.items():
                auto.add_word(form, (form, values))
            if forms:
                auto.make_automaton()
            self._automaton = auto if forms else False
        return self._automaton

    def find(self, word: str) -> Entry | None:
        """The entry for a term, or for one of its outdated forms or variants."""
        word = word.strip().strip("“”\"")
        if word in self.entries:
            return self.entries[word]
        if word in self.pairs:
            return self.pairs[word]
        for entry in self.entries.values():
            if word in entry.data["variants"] or word in [o["form"] for o in entry.data["outdated"]] \
                    or word == entry.term.strip("“”"):
                return entry
        for pair in self.pairs.values():
            if word == pair.data["right"]:
                return pair
        return None

    @staticmethod
    def _short(entry: Entry) -> bool:
        """Entries whose items are all common short words are found by their lists only."""
        items = entry.data["items"]
        return bool(items) and all(len(item) <= SHORT_ITEM for item in items)

    def _lists(self) -> list:
        """For entries of short items: a pattern for a list of them, and one for an item."""
        if self._list_patterns is None:
            self._list_patterns = []
            for entry in self.entries.values():
                items = entry.data["items"]
                if len(items) < 2 or not self._short(entry):
                    continue
                alts = "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))
                least = min(len(items), 4)
                sep = re.escape(SEPARATORS)
                self._list_patterns.append((entry, re.compile(f"(?:{alts})(?:[{sep}]+(?:{alts})){{{least - 1},}}"),
                                            re.compile(alts), {item: i for i, item in enumerate(items)}))
        return self._list_patterns

    def occurrences(self, text: str):
        """(start, form, [(kind, entry, extra), …]) for every occurrence of every form in
        ``text``: one pass of the automaton, plus the lists of entries whose items are common
        short words (创新、协调、绿色、开放、共享)."""
        auto = self.automaton()
        if auto:
            for end, (form, values) in auto.iter(text):
                yield end - len(form) + 1, form, values
        for entry, listed, item, index in self._lists():
            for m in listed.finditer(text):
                for i in item.finditer(text, m.start(), m.end()):
                    yield i.start(), i.group(), ((ITEM, entry, index[i.group()]),)

    def scan(self, text: str) -> list[Hit]:
        return [Hit(start, start + len(form), kind, form, entry, extra)
                for start, form, values in self.occurrences(text) for kind, entry, extra in values]


def _records(path: Path, pairs: bool | str) -> list[tuple[str, object]]:
    """The validated records of one file: ("entry", data), ("pair", data), ("twin", data),
    ("usage", data), ("voice", data) or ("disable", term); ``pairs`` is True for confusion pairs,
    TWINS for near-twin sets, USAGES for the register of 人大 usage, RESIDUE for a website's words."""
    data, marks = safeyaml.load(safeyaml.read_text(str(path)), str(path))
    if not isinstance(data, list):
        what = ("近形近音词文件应为列表（每组以 - words: 开头）" if pairs == TWINS else
                "人大用语文件应为列表（每条以 - word: 开头）" if pairs == USAGES else
                "网站用语文件应为列表（每组以 - group: 开头）" if pairs == RESIDUE else
                "易错字词文件应为列表（每组以 - wrong: 开头）" if pairs else "词库文件应为条目列表（每条以 - term: 开头）")
        raise DrafterError(what, file=str(path), line=1, col=1)
    out: list[tuple[str, object]] = []
    for i, raw in enumerate(data):
        try:
            if isinstance(raw, dict) and "disable" in raw:
                out.extend(("disable", term) for term in DISABLE_LIST.check(raw, (i,))["disable"])
            elif isinstance(raw, dict) and "disabled" in raw:
                record = DISABLE.check(raw, (i,))
                if record["disabled"]:
                    out.append(("disable", record["term"]))
            elif pairs == TWINS:
                out.append(("twin", _twin(TWIN.check(raw, (i,)), (i,))))
            elif pairs == USAGES:
                out.append(("usage", USAGE.check(raw, (i,))))
            elif pairs == RESIDUE:
                out.append(("voice", VOICE.check(raw, (i,))))
            elif pairs:
                out.append(("pair", _pair(PAIR.check(raw, (i,)), (i,))))
            else:
                out.append(("entry", _dated(ENTRY.check(raw, (i,)), (i,))))
        except SchemaError as exc:
            raise marks.schema_error(exc, str(path)) from None
    return out


def _dated(entry: dict, path: tuple) -> dict:
    """An entry whose law dates are in order: effective on or after adopted, each change after
    the adoption and after the change before it, a change's effective date on or after it; and
    dates with a source to check them by."""
    adopted, effective, changes = entry["adopted"], entry["effective"], entry["changes"]
    if (adopted or effective or changes) and not entry["dates_source"]:
        raise SchemaError("写了法律的日期，就要写 dates_source（核实日期的来源）", path + ("dates_source",))
    if changes and adopted is None:
        raise SchemaError("写了修正、修订，就要写 adopted（通过日期）", path + ("adopted",))
    if adopted and effective and effective < adopted:
        raise SchemaError(f"施行日期 {effective} 早于通过日期 {adopted}", path + ("effective",))
    before = adopted
    for j, change in enumerate(changes):
        if before and change["date"] <= before:
            raise SchemaError(f"修改日期 {change['date']} 应晚于 {before}（通过日期和历次修改按时间先后）",
                              path + ("changes", j, "date"))
        if change["effective"] and change["effective"] < change["date"]:
            raise SchemaError(f"修改后的施行日期 {change['effective']} 早于修改日期 {change['date']}",
                              path + ("changes", j, "effective"))
        before = change["date"]
    return entry


def _pair(pair: dict, path: tuple) -> dict:
    if pair["wrong"] == pair["right"]:
        raise SchemaError("错误写法与正确写法相同", path + ("right",))
    for word in pair["except"]:
        if pair["wrong"] not in word or word == pair["wrong"]:
            raise SchemaError(f"例外词“{word}”应是包含“{pair['wrong']}”的较长词语", path + ("except",))
    return pair


def _twin(twin: dict, path: tuple) -> dict:
    if len(set(twin["words"])) != len(twin["words"]):
        raise SchemaError("一组近形词中有重复的词", path + ("words",))
    for j, cue in enumerate(twin["cues"]):
        if cue["word"] not in twin["words"]:
            raise SchemaError(f"“{cue['word']}”不在这组词（{'、'.join(twin['words'])}）中", path + ("cues", j, "word"))
    if twin.get("usual") and twin["usual"] not in twin["words"]:
        raise SchemaError(f"“{twin['usual']}”不在这组词（{'、'.join(twin['words'])}）中", path + ("usual",))
    return twin


@lru_cache(maxsize=1)
def _code_key() -> str:
    return hashlib.sha256(b"".join(Path(m.__file__).read_bytes() for m in (sys.modules[__name__], schema))).hexdigest()[:16]


def _load_cached(path: Path, pairs: bool | str, digest=None) -> list[tuple[str, object]]:
    """One file's records, through a cache keyed by the file's content and drafter's version
    (``digest``, a hashlib object, is given that key).

    Parsing and validating YAML is most of the start-up cost of a large glossary; the cache
    holds the result per file.
    """
    data = read_bounded(str(path), safeyaml.MAX_BYTES)
    # the record format is part of the key: a pickle made by other code that reads and validates
    # the file (this module, the schema's types) is never read
    key = hashlib.sha256(f"{__version__}\0{_code_key()}\0{pairs if isinstance(pairs, str) else 'pairs' if pairs else 'entries'}\0".encode() + data).hexdigest()
    if digest is not None:
        digest.update(f"{path}\0{key}\0".encode())
    cached = cache_dir() / f"glossary-{key}.pickle"
    records = cache_get(cached, lambda v: isinstance(v, list) and all(isinstance(r, tuple) and len(r) == 2 for r in v))
    if records is not None:
        return records
    records = _records(path, pairs)
    cache_put(cached, records)
    return records


@lru_cache(maxsize=1)
def shipped_voices() -> Glossary:
    """A glossary of the shipped words of a website's voice alone: what the importer's clean-up
    needs of it (noise's residue told by its words), without loading every entry."""
    glossary = Glossary()
    for path in sorted((shipped("glossary") / RESIDUE).glob("*.yaml")):
        for kind, record in _load_cached(path, RESIDUE):
            if kind == "voice":
                glossary.voices[record["group"]] = Voice(record["group"], record, str(path))
    return glossary


def _known_words(path: Path) -> frozenset[str]:
    """The words of a known-words file: blank-separated, lines starting with # are comments."""
    text = decode(read_bounded(str(path), MAX_KNOWN_BYTES), str(path))
    return frozenset(w for line in text.splitlines() if not line.lstrip().startswith("#") for w in line.split())


def load_glossary(extra_dirs: tuple[str, ...] = ()) -> Glossary:
    """Shipped entries and pairs, then each extra folder's, in order: a later entry replaces
    one of the same term, a later pair one of the same wrong form, and a disabled term
    removes the entry or pair loaded before it.

    In each folder, ``*.yaml`` holds entries, ``confusions/*.yaml`` confusion pairs and
    ``twins/*.yaml`` near-twin sets, ``usage/*.yaml`` the register of 人大 usage, ``residue/*.yaml``
    the words of a website's voice.
    """
    glossary, digest = Glossary(), hashlib.sha256()
    for folder in (shipped("glossary"), *map(Path, extra_dirs)):
        if not folder.is_dir():
            raise DrafterError("词库目录不存在", file=str(folder))
        files = [(p, False) for p in sorted(folder.glob("*.yaml"))]
        files += [(p, True) for p in sorted((folder / CONFUSIONS).glob("*.yaml"))]
        files += [(p, TWINS) for p in sorted((folder / TWINS).glob("*.yaml"))]
        files += [(p, USAGES) for p in sorted((folder / USAGES).glob("*.yaml"))]
        files += [(p, RESIDUE) for p in sorted((folder / RESIDUE).glob("*.yaml"))]
        if (folder / CONFUSIONS / KNOWN_WORDS).is_file():
            glossary.known_words |= _known_words(folder / CONFUSIONS / KNOWN_WORDS)
        for path, pairs in files:
            for kind, record in _load_cached(path, pairs, digest):
                if kind == "entry":
                    glossary.entries[record["term"]] = Entry(record["term"], record, str(path))
                elif kind == "pair":
                    glossary.pairs[record["wrong"]] = Pair(record["wrong"], record, str(path))
                elif kind == "twin":
                    term = "/".join(record["words"])
                    glossary.twins[term] = Twin(term, record, str(path))
                elif kind == "usage":
                    glossary.usages[record["word"]] = Usage(record["word"], record, str(path))
                elif kind == "voice":
                    glossary.voices[record["group"]] = Voice(record["group"], record, str(path))
                else:
                    glossary.entries.pop(record, None)
                    glossary.pairs.pop(record, None)
                    glossary.twins.pop(record, None)
                    glossary.usages.pop(record, None)
                    glossary.voices.pop(record, None)
                    glossary.disabled.append((record, str(path)))
    digest.update("\0".join(sorted(glossary.known_words)).encode())
    glossary.fingerprint = digest.hexdigest()
    return glossary
