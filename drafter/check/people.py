"""The people register (人事名册): who held which post, from when until when.

An office keeps it like its glossary: ``people.yaml`` at the root of the workspace, a list of
terms of office, filled by hand or by ``drafter people import`` from a list of 任免 decisions.

    - name: 李四
      post: 恒阳县人大常委会办公室主任
      body: 恒阳县第十九届人民代表大会常务委员会第二十一次会议   # who decided (optional)
      from: 2021-09-28          # the decision that appointed him (optional when unknown)
      until: 2026-03-20         # the decision that removed him: he no longer holds it that day

A term is held on day d when from <= d < until. ``people.post`` (a check rule) uses it to flag a
name given with a post the person does not hold on the draft's date, and a post given with the
name of someone other than its holder. A post is held by one person at a time, except a deputy's
or a member's post (副主任, 副检察长, 委员), which several hold together.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .. import safeyaml
from ..errors import DrafterError
from ..schema import Date, Field, Record, SchemaError, Text

FILE = "people.yaml"
NAME = r"[\u4e00-\u9fff·]{2,6}"
TERM = Record(fields={
    "name": Field(Text(max_len=20), required=True, doc="姓名"),
    "post": Field(Text(max_len=60), required=True, doc="职务（写全称，如 恒阳县人大常委会办公室主任）"),
    "body": Field(Text(max_len=100), doc="任免机关或会议"),
    "from": Field(Date(), doc="任职日期（任命决定通过之日）"),
    "until": Field(Date(), doc="免职日期（免职决定通过之日；当日起不再担任）"),
    "note": Field(Text(max_len=300), doc="说明"),
})
SHARED_POST = re.compile("副|委员|成员")  # several hold such a post at the same time
PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?=[省市县区州旗盟])")  # 恒阳县… → 县…: the short form writers use


@dataclass(frozen=True)
class Term:
    index: int  # 0-based, in the file
    name: str
    post: str
    body: str | None
    start: dt.date | None
    end: dt.date | None
    note: str | None = None

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def describe(self) -> str:
        since = f"{_day(self.start)}起" if self.start else ""
        until = f"至{_day(self.end)}" if self.end else ("至今" if self.start else "")
        by = f"，{self.body}" if self.body else ""
        return f"{self.name}任{self.post}（{since}{until}{by}）"


def _day(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def shared(post: str) -> bool:
    """Whether several people hold the post at once (a deputy's, a member's)."""
    return bool(SHARED_POST.search(post))


def short_forms(post: str) -> set[str]:
    """The post as written in full and without its place name (恒阳县人民检察院副检察长 →
    县人民检察院副检察长)."""
    out = {post}
    m = PLACE.match(post)
    if m and len(post) - m.end() >= 4:
        out.add(post[m.end():])
    return out


@dataclass
class Register:
    file: str
    terms: list[Term]

    def posts(self) -> dict[str, str]:
        """Every form a post is written in → the post."""
        return {form: t.post for t in self.terms for form in short_forms(t.post)}

    @property
    def pattern(self) -> re.Pattern:
        """Every form of every post, longest first (one pass over a draft)."""
        if getattr(self, "_pattern", None) is None:
            forms = sorted(self.posts(), key=len, reverse=True)
            self._pattern = re.compile("|".join(re.escape(f) for f in forms) or "(?!)")
        return self._pattern

    def names(self) -> set[str]:
        return {t.name for t in self.terms}

    def holders(self, post: str, day: dt.date) -> list[Term]:
        return [t for t in self.terms if t.post == post and t.holds(day)]

    def terms_of(self, name: str, post: str) -> list[Term]:
        return [t for t in self.terms if t.name == name and t.post == post]

    def problems(self) -> list[tuple[Term, str]]:
        """What is wrong with the register as data: a one-person post held by two people at
        once, one person's terms in one post overlapping."""
        out = []
        by_post: dict[str, list[Term]] = {}
        for t in self.terms:
            by_post.setdefault(t.post, []).append(t)
        for post, terms in by_post.items():
            for i, a in enumerate(terms):
                for b in terms[i + 1:]:
                    if (a.name != b.name and shared(post)) or not _overlap(a, b):
                        continue
                    who = "同一人的两段任期" if a.name == b.name else "两人的任期"
                    out.append((b, f"第{a.index + 1}条与第{b.index + 1}条：“{post}”{who}重叠"
                                   f"（{a.describe()}；{b.describe()}）"))
        return out


def _overlap(a: Term, b: Term) -> bool:
    lo = dt.date.min
    hi = dt.date.max
    return max(a.start or lo, b.start or lo) < min(a.end or hi, b.end or hi)


def check_term(value, path: tuple) -> dict:
    record = TERM.check(value, path)
    if record["from"] and record["until"] and record["until"] <= record["from"]:
        raise SchemaError(f"免职日期 {record['until']} 不晚于任职日期 {record['from']}", path + ("until",))
    if not record["from"] and not record["until"]:
        raise SchemaError("至少写明任职日期 from 或免职日期 until", path + ("from",), key=True)
    if not re.fullmatch(NAME, record["name"]):
        raise SchemaError(f"姓名应为 2—6 个汉字，实为“{record['name']}”", path + ("name",))
    return record


def load_register(path: str) -> Register:
    """A register file, every term checked; DrafterError names the file, line and field."""
    text = safeyaml.read_text(path)
    if not text.strip():
        raise DrafterError("人事名册是空的（应为任职记录的列表，每条以 - name: 开头）", file=path)
    data, marks = safeyaml.load(text, path)
    if not isinstance(data, list):
        raise DrafterError("人事名册应为任职记录的列表（每条以 - name: 开头）", file=path, line=1, col=1)
    terms = []
    for i, raw in enumerate(data):
        try:
            r = check_term(raw, (i,))
        except SchemaError as exc:
            raise marks.schema_error(exc, path) from None
        terms.append(Term(i, r["name"], r["post"], r["body"], r["from"], r["until"], r["note"]))
    return Register(path, terms)


def workspace_register(root: str | os.PathLike | None) -> Register | None:
    """The register of the workspace at ``root``, or None when it keeps none."""
    if root is None:
        return None
    path = Path(root) / FILE
    return load_register(str(path)) if path.exists() else None


def as_records(register: Register) -> list[dict]:
    out = []
    for t in register.terms:
        record = {"name": t.name, "post": t.post}
        if t.body:
            record["body"] = t.body
        if t.start:
            record["from"] = t.start
        if t.end:
            record["until"] = t.end
        if t.note:
            record["note"] = t.note
        out.append(record)
    return out
