"""Cross-check a meeting's documents (``drafter check 会议材料目录/``): what no longer agrees.

A folder written by ``drafter render 会议.yaml -o 目录/`` holds the meeting file and, for each
document of the meeting (``drafter.outline.meeting``), its outline and its .docx. A writer
edits some of them afterwards, in Word or in the outline; this module reads every one back as
text — the .docx as Word left it, the outline as drafter renders it — and compares it with the
meeting file: 届次 and 次, every meeting day (its weekday is numbers.weekday's, as in any draft), the agenda (every item, in order) in the
通知, 议程, 日程 and 主持词, the attendance against the quorum, and a 决议 or 决定 for every item
voted on, with its title. Each disagreement is a finding at its place in the document that
disagrees (for an outline, the field that holds the words).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from dataclasses import dataclass

from .. import documents, numbering, render
from ..outline import kinds, meeting
from ..safeyaml import format_path
from .findings import Finding

FAMILY = "meeting"
BASIS_FACTS = "实务：一次会议的各份材料，届次、次、日期、议程须与会议文件一致"
BASIS_QUORUM = "各地常委会议事规则：常委会会议须有全体组成人员过半数出席才能举行"
BASIS_VOTE = "实务：表决的每项议程都要有决议或决定，标题与会议文件一致"

CN = numbering.CN
TERM = re.compile(rf"({CN})届(?=人民代表大会|人大)")
SESSION = re.compile(rf"第({CN})次会议")
DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:[上下]午|晚上|全天)?(?:\d{1,2}[:：]\d{2})?[（(](星期[一二三四五六日天])[）)]")
CAPTION = re.compile(r"[（(](\d{4})年(\d{1,2})月(\d{1,2})日(?:提请)?(.+?)(?:通过|审议)[）)]")
SCRIPT_ITEM = re.compile(rf"第({CN})项议程(?:：(.+?)。|，对(.+?)进行表决)")
ATTENDANCE = re.compile(r"应到会组成人员(\d+)人，实到(\d+)人")


@dataclass
class Text:
    """One document of the set as text: its file, paragraphs, and (for an outline) its data
    as written, to name the field a finding's words stand in."""

    file: str
    paragraphs: list
    source: dict | None = None


def find_meeting_file(folder: str) -> str | None:
    """The meeting file in ``folder`` (an outline whose kind renders a set), if any."""
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.lower().endswith((".yaml", ".yml")) and kinds.is_meeting_file(path):
            return path
    return None


def cross_check(folder: str, template_dirs: tuple[str, ...] = ()) -> list[Finding]:
    """Every disagreement between the documents in ``folder`` and its meeting file."""
    path = find_meeting_file(folder)
    if path is None:
        return []
    ol = render.load(path, template_dirs)
    facts = ol.data
    checker = _Checker(facts, path)
    checker.quorum_of_file(ol)
    for doc in meeting.documents(facts):
        texts = [t for t in (_read_outline(os.path.join(folder, doc.stem + ".yaml"), template_dirs),
                             _read_docx(os.path.join(folder, doc.stem + ".docx"))) if t is not None]
        if not texts:
            checker.missing(doc)
        for text in texts:
            checker.document(doc, text)
    return checker.findings


def _read_outline(path: str, template_dirs) -> Text | None:
    if not os.path.isfile(path):
        return None
    rendered = render.render(path, "txt", template_dirs)
    draft = documents.draft_from_blocks(path, rendered.blocks)
    return Text(path, draft.paragraphs, rendered.outline.source)


def _read_docx(path: str) -> Text | None:
    if not os.path.isfile(path):
        return None
    return Text(path, documents.read_draft(path).paragraphs)


def _norm(text: str) -> str:
    return re.sub(r"[\s。]", "", text)


def _same(a: str, b: str) -> bool:
    """The same words, but for spaces, line breaks and a final 。."""
    return _norm(a) == _norm(b)


def _closest(words: str, titles: list[str]) -> int | None:
    """The title ``words`` is, or is an edited version of (most of its characters kept)."""
    exact = next((i for i, t in enumerate(titles) if _same(words, t)), None)
    if exact is not None:
        return exact
    ratios = [difflib.SequenceMatcher(None, _norm(words), _norm(t), autojunk=False).ratio() for t in titles]
    best = max(range(len(titles)), key=ratios.__getitem__, default=None)
    return best if best is not None and ratios[best] >= 0.8 else None


def _locate(data, words: str, where: tuple = ()) -> tuple[str, int] | None:
    """The field of an outline's data whose text holds ``words``, and their offset there."""
    if isinstance(data, str):
        at = data.find(words)
        return (format_path(where), at) if at >= 0 else None
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found = _locate(value, words, where + (key,))
        if found:
            return found
    return None


class _Checker:
    def __init__(self, facts: dict, meeting_file: str) -> None:
        self.facts, self.meeting_file = facts, meeting_file
        self.days = set(facts["dates"])
        self.findings: list[Finding] = []
        self.seen: set[tuple] = set()

    # -- making findings ---------------------------------------------------------------------
    def add(self, text: Text, para, start: int, words: str, rule: str, message: str, basis: str,
            field: str | None = None) -> None:
        offset = 0 if field else start
        if text.source is not None and field is None:
            found = _locate(text.source, words)
            if found:
                field, offset = found
        key = (text.file, field or para.number, rule, words)
        if key in self.seen:  # an outline's field rendered in several places is told once
            return
        self.seen.add(key)
        self.findings.append(Finding(text.file, para.number, offset, max(len(words), 1), words, f"{FAMILY}.{rule}",
                                     "error", message, None, basis, field))

    def missing(self, doc: meeting.Document) -> None:
        rule, basis = ("vote", BASIS_VOTE) if doc.role == "adopted" else ("missing", BASIS_FACTS)
        message = f"会议材料中没有{doc.label}（{doc.stem}.docx 或 .yaml）"
        if doc.role == "adopted":
            message = f"第{numbering.cn(doc.item)}项议程要表决，但{message}"
        self.findings.append(Finding(self.meeting_file, 1, 0, 1, "", f"{FAMILY}.{rule}", "error", message, None,
                                     basis, f"agenda[{doc.item - 1}]" if doc.item else None))

    # -- the meeting file itself -----------------------------------------------------------
    def quorum_of_file(self, ol) -> None:
        members, present = self.facts["members"], self.facts["present"]
        if present * 2 <= members:
            self.findings.append(Finding(self.meeting_file, 1, 0, len(str(present)), str(present), f"{FAMILY}.quorum",
                                         "error", _quorum_message(members, present), None, BASIS_QUORUM, "present"))

    # -- one document --------------------------------------------------------------------------
    def document(self, doc: meeting.Document, text: Text) -> None:
        for para in text.paragraphs:
            self.numbers(text, para)
            self.dates(text, para, strict=doc.role in ("notice", "schedule", "script"))
        role = doc.role
        if role in ("agenda", "notice"):
            self.agenda_items(text, self._listed(text, role))
        elif role == "schedule":
            self.schedule(text)
        elif role == "script":
            self.script(text)
        elif role == "adopted":
            self.adopted(doc, text)

    def numbers(self, text: Text, para) -> None:
        for pattern, key, name in ((TERM, "term", "届次"), (SESSION, "session", "会议次数")):
            for m in pattern.finditer(para.text):
                value = numbering.to_int(m.group(1))
                if value != self.facts[key]:
                    self.add(text, para, m.start(), m.group(0), "number",
                             f"{name}与会议文件不一致：这里是“{m.group(0)}”，会议文件是第{numbering.cn(self.facts[key])}"
                             f"{'届' if key == 'term' else '次会议'}", BASIS_FACTS)

    def dates(self, text: Text, para, strict: bool) -> None:
        year = self.facts["dates"][0].year
        for m in DATE.finditer(para.text):
            try:
                day = dt.date(int(m.group(1) or year), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            if strict and day not in self.days:  # its weekday is numbers.weekday's, in every draft
                self.add(text, para, m.start(), m.group(0), "date", f"{day.month}月{day.day}日不在会议文件的会期"
                         f"（{_days(self.facts['dates'])}）之中", BASIS_FACTS)
        for m in CAPTION.finditer(para.text):
            try:
                day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            if m.group(4).strip().endswith("会议") and SESSION.search(m.group(4)) and day not in self.days:
                self.add(text, para, m.start(), m.group(0), "date", f"{day.year}年{day.month}月{day.day}日不在会议文件的"
                         f"会期（{_days(self.facts['dates'])}）之中", BASIS_FACTS)

    # -- the agenda as each document lists it ------------------------------------------------
    def _listed(self, text: Text, role: str) -> list[tuple]:
        """(paragraph, item text) of each agenda item the 议程 (一、) or the 通知 (（一）) lists."""
        style = "一、" if role == "agenda" else "（一）"
        items, started = [], role == "agenda"
        for para in text.paragraphs:
            if role == "notice" and re.match(rf"^{CN}、", para.text):
                started = "议程" in para.text
                continue
            marker = numbering.opening(para.text, (style,))
            if started and marker:
                items.append((para, para.text[marker.end:].strip().rstrip("。")))
        return items

    def agenda_items(self, text: Text, listed: list[tuple]) -> None:
        expected = [item["title"] for item in self.facts["agenda"]]
        matched: list[int] = []
        for para, words in listed:
            index = _closest(words, expected)
            if index is None:
                self.add(text, para, 0, words, "agenda", f"议程中的“{words}”在会议文件的议程中没有", BASIS_FACTS)
                continue
            if not _same(words, expected[index]):
                self.add(text, para, 0, words, "agenda", f"这一项议程的文字与会议文件不同：会议文件的第"
                         f"{numbering.cn(index + 1)}项是“{expected[index]}”", BASIS_FACTS)
            if matched and index < matched[-1]:
                self.add(text, para, 0, words, "agenda", f"议程顺序与会议文件不同：这一项是会议文件的第"
                         f"{numbering.cn(index + 1)}项，应排在“{expected[matched[-1]]}”之前", BASIS_FACTS)
            matched.append(index)
        anchor = listed[-1][0] if listed else text.paragraphs[0]
        for index, title in enumerate(expected):
            if index not in matched:
                self.add(text, anchor, 0, anchor.text[:1], "agenda",
                         f"缺少会议文件的第{numbering.cn(index + 1)}项议程“{title}”", BASIS_FACTS)

    def schedule(self, text: Text) -> None:
        """The 日程 holds each item heard or voted on, in the order of the agenda."""
        expected = [(i, item["title"]) for i, item in enumerate(self.facts["agenda"])
                    if any(i + 1 in s["items"] for s in self.facts["sittings"])]
        last = None
        for index, title in expected:
            para = next((p for p in text.paragraphs if title in p.text), None)
            if para is None:
                anchor = text.paragraphs[0]
                self.add(text, anchor, 0, anchor.text[:1], "agenda",
                         f"日程中没有会议文件的第{numbering.cn(index + 1)}项议程“{title}”", BASIS_FACTS)
                continue
            here = (para.number, para.text.find(title))
            if last and here < last[0]:
                self.add(text, para, here[1], title, "agenda", f"日程中第{numbering.cn(index + 1)}项议程排在了"
                         f"第{numbering.cn(last[1] + 1)}项之前，与会议文件的顺序不同", BASIS_FACTS)
            last = (here, index)

    def script(self, text: Text) -> None:
        expected = self.facts["agenda"]
        heard, seen = [], set()
        for para in text.paragraphs:
            m = ATTENDANCE.search(para.text)
            if m:
                self.attendance(text, para, m)
            for m in SCRIPT_ITEM.finditer(para.text):
                number = numbering.to_int(m.group(1))
                words = m.group(2) or m.group(3)
                if not 1 <= number <= len(expected):
                    self.add(text, para, m.start(), m.group(0), "agenda", f"会议文件的议程只有"
                             f"{numbering.cn(len(expected))}项，没有第{m.group(1)}项", BASIS_FACTS)
                    continue
                item = expected[number - 1]
                want = item["title"] if m.group(2) else f"{item.get('result', '')}（草案）"
                if not _same(words, want):
                    self.add(text, para, m.start(2) if m.group(2) else m.start(3), words, "agenda",
                             f"第{m.group(1)}项议程与会议文件不同：会议文件是“{want}”", BASIS_FACTS)
                if m.group(2):
                    if heard and number < heard[-1]:
                        self.add(text, para, m.start(), m.group(0), "agenda", f"议程顺序与会议文件不同："
                                 f"第{m.group(1)}项排在了第{numbering.cn(heard[-1])}项之后", BASIS_FACTS)
                    heard.append(number)
                seen.add(number)
        anchor = text.paragraphs[0]
        for s in self.facts["sittings"]:
            for number in [*s["items"], *s["votes"]]:
                if number not in seen:
                    seen.add(number)
                    self.add(text, anchor, 0, anchor.text[:1], "agenda", f"主持词中没有会议文件的第"
                             f"{numbering.cn(number)}项议程“{expected[number - 1]['title']}”", BASIS_FACTS)

    def attendance(self, text: Text, para, m) -> None:
        members, present = int(m.group(1)), int(m.group(2))
        if present * 2 <= members:
            self.add(text, para, m.start(), m.group(0), "quorum", _quorum_message(members, present), BASIS_QUORUM,
                     field="present" if text.source is not None else None)
        elif (members, present) != (self.facts["members"], self.facts["present"]):
            self.add(text, para, m.start(), m.group(0), "attendance",
                     f"人数与会议文件不一致：会议文件是应到{self.facts['members']}人，实到{self.facts['present']}人",
                     BASIS_FACTS)

    def adopted(self, doc: meeting.Document, text: Text) -> None:
        want = doc.data["title"]
        title = text.paragraphs[0]
        written = re.sub(r"（草案）$", "", title.text.replace(" ", ""))
        if not _same(written, want):
            self.add(text, title, 0, re.sub(r"\s", "", title.text), "vote",
                     f"标题与会议文件第{numbering.cn(doc.item)}项议程的表决事项不同：应为“{want}”", BASIS_VOTE)


def _quorum_message(members: int, present: int) -> str:
    need = members // 2 + 1
    return f"实到{present}人，不足法定人数：组成人员{members}人，须过半数即至少{need}人出席，会议才能举行"


def _days(days: list) -> str:
    return "、".join(f"{d.month}月{d.day}日" for d in days)
