"""`drafter check NEW --against OLD`: what a new draft carried over from last year's document.

Most drafts start as last year's file. What then reaches print is not a typo but a fact left
as it was: last year's year where the new draft means this year, a 会议 次 not advanced, last
year's figures under this year's words, whole paragraphs unchanged. This is no per-draft rule
(it needs two documents): it compares the two drafts and gives ordinary findings, each naming
the place in the new draft and the place in the old one (``Finding.against``).

    against.year     a year the old document used for its own time (its year, the one before or
                     after), left as it was in a sentence carried into a later draft (a full date,
                     2024年3月1日, names a day of record and is left alone)
    against.session  a 第X次会议 (with or without its 届) left as it was in a later draft
    against.figure   a 今年/去年/明年 sentence whose figure is the old document's figure for the
                     same 今年/去年/明年
    against.copied   paragraphs copied unchanged: reported once, with how much of the draft they are

Which document is later comes from the drafts' dates (``Draft.date``: the 成文日期, the date
under the title, the 今年 of the text, or --date for the new draft). Without both dates, or when
the new draft is not of a later year, only copied paragraphs are reported, and a note says why.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace

from ..documents import DRAFT_EXTENSIONS, Draft, read_draft
from ..errors import DrafterError, os_reason
from ..numbering import to_int
from .findings import Finding, Place

BASIS = "实务：沿用旧稿时，年份、会议次数和数据须随文稿日期更新"
BASIS_COPIED = "实务：沿用旧稿的段落须逐段核实是否仍然适用"
RULES = {
    "against.year": ("error", "年份：新稿日期已是以后的年份，与旧稿对应的句子里，旧稿上一年的年份原样未改，或旧稿当年（下一年）"
                              "的年份在安排部署的句子里原样未改；带日的完整日期不报。"),
    "against.session": ("error", "会议次数：新稿中与旧稿同一句里的“第X次会议”（含届次）原样未改，而新稿日期已是以后的年份。"),
    "against.figure": ("warning", "数据：新稿中说“今年、去年、明年”的句子里的数字，与旧稿同样说“今年、去年、明年”的相似句子里"
                                  "同一位置的数字相同。"),
    "against.copied": ("info", "照抄：与旧稿一字不差的段落（15字以上），报告一次，并说明占新稿正文的比例。"),
}

CONTEXT = 8  # characters on each side that tell which year of the old sentence a new one stands for
COMMON = 32  # old sentences a bigram may stand in and still be used to find candidates
CANDIDATES = 24  # old sentences scored for each new one
SIMILAR = 0.5  # bigram overlap at which a new sentence is taken as the old one, edited
MIN_COPIED = 15  # characters: shorter paragraphs (同志们：, a heading) are the same in any draft
SENTENCE = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")
# A year, not one of a full date: 2024年3月1日 names a day something happened (a law took effect),
# true in any later draft; a bare 2025年 or 2025年度 is the old document's own time.
YEAR = re.compile(r"(?<![\d０-９])((?:19|20)\d{2})(?=\s*年)(?!\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
NUM = "[一二三四五六七八九十百零〇0-9]{1,4}"
SESSION = re.compile(rf"(?:第?{NUM}届[^，。；;、]{{0,24}}?)?第?{NUM}次(?:全体)?会议")
RELATIVE = re.compile("今年|去年|明年|本年度?|上年度?|下一?年度?|过去一年|一年来")
RELATIVE_KEY = {"今": "今年", "本": "今年", "去": "去年", "上": "去年", "明": "明年", "下": "明年", "过": "去年",
                "一": "去年"}
FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(%|％|万元|亿元|万|亿|元|件|项|个|次|人次|人|名|部|条|家|篇|场|批|户|天|小时)")
SPACE = re.compile(r"\s+")
MAX_FOLDER = 1000  # entries in a folder given as the old document: a rendered set holds a handful
PLANS = re.compile("将|(?<![主重需必纪概提摘])要|计划|拟|力争|确保|安排部署|今年|本年")  # a sentence that plans


@dataclass
class Sentence:
    para: int  # index into draft.paragraphs
    start: int  # offset in the paragraph
    text: str
    grams: frozenset


def _bigrams(text: str) -> frozenset:
    text = SPACE.sub("", text)
    return frozenset(text[i:i + 2] for i in range(len(text) - 1)) or frozenset((text,))


def _sentences(draft: Draft) -> list[Sentence]:
    out = []
    for i, para in enumerate(draft.paragraphs):
        for m in SENTENCE.finditer(para.text):
            if m.group().strip():
                out.append(Sentence(i, m.start(), m.group(), _bigrams(m.group())))
    return out


def _similarity(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class _Index:
    """The old document's sentences, found by the bigrams they share with a new sentence.

    A bigram in more than COMMON old sentences (人大, 工作) tells little and would make the search
    quadratic on a long document: candidates are found by the rarer ones, then scored on all."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self.by_gram: dict[str, list[int]] = {}
        self.exact: dict[str, int] = {}
        for i, s in enumerate(sentences):
            self.exact.setdefault(_normal(s.text), i)
            for g in s.grams:
                self.by_gram.setdefault(g, []).append(i)
        self.by_gram = {g: ids for g, ids in self.by_gram.items() if len(ids) <= COMMON}

    def candidates(self, s: Sentence) -> list[tuple[float, Sentence]]:
        """The old sentences most like ``s`` (at most CANDIDATES), with their similarity, best first."""
        shared: dict[int, int] = {}
        for g in s.grams:
            for i in self.by_gram.get(g, ()):
                shared[i] = shared.get(i, 0) + 1
        same = self.exact.get(_normal(s.text))
        if same is not None:
            shared[same] = len(s.grams)
        ids = sorted(shared, key=lambda i: -shared[i])[:CANDIDATES]
        scored = [(_similarity(s.grams, self.sentences[i].grams), self.sentences[i]) for i in ids]
        return sorted(scored, key=lambda x: -x[0])


def _normal(text: str) -> str:
    return SPACE.sub("", text)


def _session_key(text: str) -> str:
    """第十九届人民代表大会第五次会议 and 十九届人大五次会议 alike: the numbers that name it."""
    return "-".join(str(to_int(n.translate(_ZERO))) for n in re.findall(NUM, text))


_ZERO = str.maketrans("〇", "零")


def _place(draft: Draft, s: Sentence, start: int, end: int) -> Place:
    para = draft.paragraphs[s.para]
    return Place(para.number, s.start + start, end - start, para.field)


def _where(draft: Draft, place: Place) -> str:
    return f"{place.field}" if place.field else f"第{place.paragraph}段"


class Comparison:
    """The findings of one new draft against one old document, and notes on what was not compared."""

    def __init__(self, new: Draft, old: Draft) -> None:
        self.new, self.old = new, old
        self.findings: list[Finding] = []
        self.notes: list[str] = []
        self._figures: set[tuple[int, int]] = set()  # figures reported: one finding for each
        self.old_name = os.path.basename(old.file)

    def run(self) -> "Comparison":
        self._copied()
        years = self._years_later()
        if years:
            index = _Index(_sentences(self.old))
            for s in _sentences(self.new):
                found = index.candidates(s)
                if found and found[0][0] >= SIMILAR:  # the old sentence it was edited from
                    self._year(s, found[0][1], years)
                    self._session(s, found[0][1])
                self._figure(s, found)
        self.findings.sort(key=lambda f: (f.paragraph, f.offset, f.rule))
        return self

    def _years_later(self) -> int:
        new, old = self.new.date, self.old.date
        if new is None or old is None:
            which = "新稿" if new is None else "旧稿"
            hint = "（可用 --date 给出新稿日期）" if new is None else ""
            self.notes.append(f"{which}中找不到日期{hint}，无法判断哪份在后：只比较了照抄的段落")
            return 0
        if new.year <= old.year:
            self.notes.append(f"新稿日期（{new.year}年）不晚于旧稿（{old.year}年）：只比较了照抄的段落")
            return 0
        return new.year - old.year

    def _finding(self, rule: str, s: Sentence, start: int, end: int, before: Sentence, b_start: int,
                 b_end: int, message: str, suggestion: str | None = None) -> None:
        para = self.new.paragraphs[s.para]
        here = _place(self.new, s, start, end)
        there = _place(self.old, before, b_start, b_end)
        self.findings.append(Finding(
            file=self.new.file, paragraph=para.number, offset=here.offset, length=here.length,
            match=para.text[here.offset:here.offset + here.length], rule=rule, severity=RULES[rule][0],
            message=f"{message}（旧稿 {self.old_name} {_where(self.old, there)}：“{before.text.strip()[:40]}”）",
            suggestion=suggestion, basis=BASIS, field=para.field, against_file=self.old.file, against=(there,)))

    def _year(self, s: Sentence, before: Sentence, years: int) -> None:
        old_year = self.old.date.year
        olds = list(YEAR.finditer(before.text))
        for m in YEAR.finditer(s.text):
            year = int(m.group(1))
            b = _counterpart(s.text, m, before.text, olds)
            if b is None or b.group(1) != m.group(1) or abs(year - old_year) > 1 or year >= self.new.date.year:
                continue
            # The old document's own year (or the next) is still rightly named in a later draft that
            # looks back (2025年是“十四五”规划收官之年, in a 2026 report's review); it is stale where the
            # sentence plans (2025年，常委会将……) or calls it 今年. Its 去年 is stale either way.
            if year >= old_year and not PLANS.search(s.text):
                continue
            said = {0: "当年", -1: "上一年", 1: "下一年"}[year - old_year]
            self._finding("against.year", s, m.start(), m.end() + 1, before, b.start(), b.end() + 1,
                          f"“{year}年”是旧稿（{old_year}年）所说的{said}，新稿日期为{self.new.date.year}年，"
                          f"此句照旧稿未改，请核实", suggestion=f"{year + years}年")

    def _session(self, s: Sentence, before: Sentence) -> None:
        olds = {_session_key(m.group()): m for m in SESSION.finditer(before.text)}
        for m in SESSION.finditer(s.text):
            b = olds.get(_session_key(m.group()))
            if b is not None:
                self._finding("against.session", s, m.start(), m.end(), before, b.start(), b.end(),
                              f"“{m.group()}”与旧稿相同，新稿已是{self.new.date.year}年，会议次数是否应更新，请核实")

    def _figure(self, s: Sentence, found: list[tuple[float, Sentence]]) -> None:
        words = _words(s.text)
        if len(words) != 1:  # 去年……今年…… in one sentence: which figure is whose is not told
            return
        word = words.pop()
        figures = list(FIGURE.finditer(s.text))
        if not figures:
            return
        for score, before in found:
            if score < SIMILAR * 0.6 or _words(before.text) != {word}:
                continue
            olds = list(FIGURE.finditer(before.text))
            for m in figures:  # the old figure standing where this one stands (专题询问1次, not 测评2次)
                b = _counterpart(s.text, m, before.text, olds)
                place = (s.para, s.start + m.start())
                if b is not None and b.group() == m.group() and place not in self._figures:
                    self._figures.add(place)
                    self._finding("against.figure", s, m.start(), m.end(), before, b.start(), b.end(),
                                  f"“{word}”的数字“{m.group()}”与旧稿（{self.old.date.year}年）所说{word}的数字相同，"
                                  f"请核实是否已更新为{self.new.date.year}年的数据")

    def _copied(self) -> None:
        olds: dict[str, int] = {}
        for para in self.old.paragraphs:
            olds.setdefault(_normal(para.text), para.number)
        body = sum(len(_normal(p.text)) for p in self.new.paragraphs) or 1
        pairs = [(p, olds[_normal(p.text)]) for p in self.new.paragraphs
                 if len(_normal(p.text)) >= MIN_COPIED and _normal(p.text) in olds]
        if not pairs:
            return
        chars = sum(len(_normal(p.text)) for p, _ in pairs)
        share = round(100 * chars / body)
        shown = "、".join(f"第{p.number}段" + ("" if p.number == n else f"（旧稿第{n}段）") for p, n in pairs[:12])
        more = f"等 {len(pairs)} 段" if len(pairs) > 12 else ""
        first = pairs[0][0]
        places = tuple(Place(p.number, 0, len(p.text), p.field) for p, _ in pairs)
        old_fields = {p.number: p.field for p in self.old.paragraphs}
        self.findings.append(Finding(
            file=self.new.file, paragraph=first.number, offset=0, length=len(first.text),
            match=first.text if len(first.text) <= 24 else first.text[:20] + "……", rule="against.copied",
            severity="info",
            message=f"有 {len(pairs)} 段与旧稿 {self.old_name} 一字不差，共 {chars} 字，占新稿正文的 {share}%："
                    f"{shown}{more}；请逐段核实是否仍然适用",
            suggestion=None, basis=BASIS_COPIED, field=first.field,
            places=places if len(places) > 1 else (), against_file=self.old.file,
            against=tuple(Place(n, 0, _length(self.old, n), old_fields.get(n)) for _, n in pairs)))


def _words(text: str) -> set[str]:
    """The 今年/去年/明年 a sentence speaks of."""
    return {RELATIVE_KEY[w.group()[0]] for w in RELATIVE.finditer(text)}


def _counterpart(text: str, m, other: str, candidates: list):
    """The match in ``other`` standing where ``m`` stands in ``text``: the one whose neighbouring
    words agree most (总结2025年全县 is the old 总结2024年全县, not its 部署2025年工作)."""
    def agree(a: str, b: str) -> int:
        n = 0
        while n < min(len(a), len(b)) and a[n] == b[n]:
            n += 1
        return n

    before, after = text[max(0, m.start() - CONTEXT):m.start()][::-1], text[m.end():m.end() + CONTEXT]
    best, score = None, 0
    for b in candidates:
        value = agree(before, other[max(0, b.start() - CONTEXT):b.start()][::-1]) \
            + agree(after, other[b.end():b.end() + CONTEXT])
        if value > score:
            best, score = b, value
    return best


def _length(draft: Draft, number: int) -> int:
    return next((len(p.text) for p in draft.paragraphs if p.number == number), 0)


def compare(new: Draft, old: Draft) -> tuple[list[Finding], list[str]]:
    """Findings of the new draft against the old document, and notes on what was not compared."""
    done = Comparison(new, old).run()
    return done.findings, done.notes


def old_document(path: str, template_dirs: tuple[str, ...] = ()) -> Draft:
    """The old document: any draft drafter reads, or a folder holding one rendered document
    (its .docx, else its .md or .txt)."""
    if os.path.isdir(path):
        try:
            names = sorted(os.listdir(path))
        except OSError as exc:
            raise DrafterError(f"无法读取这个目录（{os_reason(exc)}）", file=path) from None
        if len(names) > MAX_FOLDER:
            raise DrafterError(f"作为旧稿的目录里有 {len(names)} 个文件，不像一份生成的文稿；请直接指定旧稿文件", file=path)
        drafts = [n for n in names if os.path.splitext(n)[1].lower() in DRAFT_EXTENSIONS and not n.startswith("~$")]
        stems = sorted({os.path.splitext(n)[0] for n in drafts})
        if len(stems) != 1:
            what = "没有可读的文稿" if not stems else f"有 {len(stems)} 份文稿（{'、'.join(stems[:5])}），请直接指定其中一份"
            raise DrafterError(f"作为旧稿的目录里{what}", file=path)
        by_ext = {os.path.splitext(n)[1].lower(): n for n in drafts}
        name = next((by_ext[e] for e in (".docx", ".md", ".txt", *DRAFT_EXTENSIONS) if e in by_ext))
        path = os.path.join(path, name)
    draft = read_draft(path, template_dirs)
    if not draft.paragraphs:
        raise DrafterError("旧稿中没有文字", file=path)
    return draft


def relocate(findings: list[Finding], name: str) -> list[Finding]:
    """The findings with the new draft's file shown as ``name`` (the workbench's upload name)."""
    return [replace(f, file=name) for f in findings]
