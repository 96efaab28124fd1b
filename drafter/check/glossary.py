"""The glossary of standard formulations (规范提法), and one automaton over all its forms.

Entries are data in ``glossary/*.yaml`` (shipped) and in a writer's own folders, which
extend the shipped entries or override one of the same term. Every form a rule looks for
(terms, outdated forms, wrong variants) goes into one Aho–Corasick automaton, so a draft
is scanned once however many entries there are.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__, safeyaml
from ..errors import DrafterError
from ..fsutil import cache_dir, cache_get, cache_put, read_bounded
from ..resources import shipped
from ..schema import Date, Field, ListOf, Record, SchemaError, Spec, Text, TextList


class Month(Spec):
    """A year (2021) or a year and month (2024-07), as (year, month)."""

    label = "年份或年月（如 2021 或 2024-07）"

    def check(self, value, path):
        text = str(value).strip()
        m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", text)
        if not m or not 1 <= int(m.group(2) or 1) <= 12:
            raise SchemaError(f"应为{self.label}，实为“{text}”", path)
        return int(m.group(1)), int(m.group(2) or 0)

OUTDATED = Record(fields={
    "form": Field(Text(max_len=100), required=True, doc="旧提法"),
    "since": Field(Text(max_len=20), doc="自何时起不再使用"),
    "note": Field(Text(max_len=500), doc="说明"),
})
EXAMPLE = Record(fields={
    "text": Field(Text(max_len=500), required=True, doc="例句"),
    "date": Field(Date(), doc="例句所在文稿的日期"),
    "region": Field(Text(max_len=20), doc="例句所在文稿的省份"),
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
                       else {"text": Text(max_len=500).check(item, where), "date": None, "region": None})
        return out


EXAMPLES = Record(fields={
    "bad": Field(Examples(), required=True, doc="必须触发检查的例句"),
    "good": Field(Examples(), required=True, doc="不得触发检查的例句"),
})
PERIOD = Record(fields={
    "from": Field(Month(), doc="起始年月，如 2021 或 2024-07"),
    "to": Field(Month(), doc="截止年月"),
})
ENTRY = Record(fields={
    "term": Field(Text(max_len=100), required=True, doc="规范提法"),
    "category": Field(Text(max_len=50), doc="类别"),
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
    "examples": Field(EXAMPLES, required=True, doc="自测例句"),
})

TERM, OUTDATED_FORM, VARIANT, ITEM = "term", "outdated", "variant", "item"
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


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    kind: str  # TERM, OUTDATED_FORM or VARIANT
    form: str
    entry: Entry
    extra: object = None  # the outdated record, or an item's index


@dataclass
class Glossary:
    entries: dict[str, Entry] = field(default_factory=dict)
    _automaton: object = None
    _list_patterns: list | None = None

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
        for entry in self.entries.values():
            if word in entry.data["variants"] or word in [o["form"] for o in entry.data["outdated"]] \
                    or word == entry.term.strip("“”"):
                return entry
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


def _load_file(path: Path, glossary: Glossary) -> None:
    data, marks = safeyaml.load(safeyaml.read_text(str(path)), str(path))
    if not isinstance(data, list):
        raise DrafterError("词库文件应为条目列表（每条以 - term: 开头）", file=str(path), line=1, col=1)
    for i, raw in enumerate(data):
        try:
            entry = ENTRY.check(raw, (i,))
        except SchemaError as exc:
            raise marks.schema_error(exc, str(path)) from None
        glossary.entries[entry["term"]] = Entry(entry["term"], entry, str(path))


def _load_cached(path: Path, glossary: Glossary) -> None:
    """Load one glossary file, through a cache of its validated entries keyed by its content.

    Parsing and validating YAML is most of the start-up cost of a large glossary; the cache
    holds the result per file, under a key made of the file's bytes and drafter's version.
    """
    data = read_bounded(str(path), safeyaml.MAX_BYTES)
    key = hashlib.sha256(__version__.encode() + b"\0" + data).hexdigest()
    cached = cache_dir() / f"glossary-{key}.pickle"
    entries = cache_get(cached, lambda v: isinstance(v, list) and all(
        isinstance(e, dict) and isinstance(e.get("term"), str) for e in v))
    if entries is not None:
        for entry in entries:
            glossary.entries[entry["term"]] = Entry(entry["term"], entry, str(path))
        return
    before = dict(glossary.entries)
    _load_file(path, glossary)
    entries = [e.data for t, e in glossary.entries.items() if e.source == str(path) and before.get(t) is not e]
    cache_put(cached, entries)


def load_glossary(extra_dirs: tuple[str, ...] = ()) -> Glossary:
    """Shipped entries, then each extra folder's, a later entry replacing one of the same term."""
    glossary = Glossary()
    for folder in (shipped("glossary"), *map(Path, extra_dirs)):
        if not folder.is_dir():
            raise DrafterError("词库目录不存在", file=str(folder))
        for path in sorted(folder.glob("*.yaml")):
            _load_cached(path, glossary)
    return glossary

