"""A small schema language for outlines: each check names the field path on failure.

A spec validates a value and returns it normalised (defaults filled in, one string of
paragraphs split into a list, dates parsed), or raises ``SchemaError`` with the path of
the offending field, such as ``points[2].subpoints[0].title``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Callable

MAX_TEXT = 20_000  # characters in one field: longer is a pasted document, not an outline


class SchemaError(Exception):
    def __init__(self, message: str, path: tuple, key: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.key = key  # the error is about the key itself (an unknown field)


def type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "是/否"
    if isinstance(value, (int, float)):
        return "数字"
    if isinstance(value, str):
        return "文字"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "映射（键: 值）"
    if value is None:
        return "空值"
    return type(value).__name__


class Spec:
    label = "值"

    def check(self, value: Any, path: tuple) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def wrong_type(self, value: Any, path: tuple) -> SchemaError:
        return SchemaError(f"应为{self.label}，实为{type_name(value)}", path)


@dataclass
class Text(Spec):
    """One piece of text. Numbers are accepted and kept as written (phone numbers)."""

    allow_empty: bool = False
    max_len: int = MAX_TEXT
    label: str = "文字"

    def check(self, value: Any, path: tuple) -> str:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.wrong_type(value, path)
        text = str(value).strip()
        if not text and not self.allow_empty:
            raise SchemaError("不能为空", path)
        if len(text) > self.max_len:
            raise SchemaError(f"内容过长（{len(text)} 字，上限 {self.max_len} 字）", path)
        return text


@dataclass
class Mapping(Spec):
    """Any mapping with text keys (a section's parameters, checked against the section later)."""

    label: str = "映射（键: 值）"
    key_word: str = "参数名"

    def check(self, value: Any, path: tuple) -> dict:
        if not isinstance(value, dict):
            raise self.wrong_type(value, path)
        for key in value:
            if not isinstance(key, str):
                raise SchemaError(f"{self.key_word}应为文字，实为 {key!r}", path + (str(key),), key=True)
        return dict(value)


@dataclass
class Number(Spec):
    """A number within a range: whole numbers only unless ``fractions``; ``unit`` (毫米) is
    said in the message."""

    minimum: float = 0
    maximum: float = 10_000
    fractions: bool = False
    unit: str = ""
    label: str = "整数"

    def check(self, value: Any, path: tuple) -> float:
        kinds = (int, float) if self.fractions else int
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise self.wrong_type(value, path)
        if not self.minimum <= value <= self.maximum:
            raise SchemaError(f"应在 {self.minimum:g} 到 {self.maximum:g} {self.unit}之间，实为 {value}", path)
        return value


@dataclass
class Integer(Number):
    """A whole number within a range (the workbench shows it as a number field)."""


@dataclass
class Boolean(Spec):
    label: str = "是/否（true 或 false）"

    def check(self, value: Any, path: tuple) -> bool:
        if not isinstance(value, bool):
            raise self.wrong_type(value, path)
        return value


_DATE_RE = re.compile(r"^\s*(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*(?:-|/|\.|月)\s*(\d{1,2})\s*日?\s*$")


@dataclass
class Date(Spec):
    """A calendar date: 2024-03-20 or 2024年3月20日. A date that does not exist is refused."""

    label: str = "日期（如 2024-03-20）"

    def check(self, value: Any, path: tuple) -> dt.date:
        if isinstance(value, dt.date):
            return value
        if not isinstance(value, str):
            raise self.wrong_type(value, path)
        m = _DATE_RE.match(value)
        if not m:
            raise SchemaError(f"日期格式应为 2024-03-20 或 2024年3月20日，实为“{value}”", path)
        year, month, day = (int(g) for g in m.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise SchemaError(f"日期不存在：{value}", path) from None


@dataclass
class Choice(Spec):
    """One of a fixed set of words; ``aliases`` map other spellings to a canonical one."""

    choices: tuple[str, ...] = ()
    aliases: dict[str, str] = field(default_factory=dict)
    label: str = "可选值"

    def check(self, value: Any, path: tuple) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)  # `style: 1.` reads as the number 1.0
        if not isinstance(value, str):
            raise SchemaError(f"应为以下之一：{'、'.join(self.choices)}", path)
        word = self.aliases.get(value.strip(), value.strip())
        if word not in self.choices:
            raise SchemaError(f"“{value}”不是可选值，应为以下之一：{'、'.join(self.choices)}", path)
        return word


@dataclass
class ListOf(Spec):
    item: Spec = field(default_factory=Text)
    min_items: int = 0
    max_items: int = 200
    label: str = "列表"

    def check(self, value: Any, path: tuple) -> list:
        if value is None and self.min_items == 0:
            return []
        if not isinstance(value, list):
            raise self.wrong_type(value, path)
        if len(value) < self.min_items:
            raise SchemaError(f"至少需要 {self.min_items} 项", path)
        if len(value) > self.max_items:
            raise SchemaError(f"最多 {self.max_items} 项，实有 {len(value)} 项", path)
        return [self.item.check(v, path + (i,)) for i, v in enumerate(value)]


@dataclass
class TextList(Spec):
    """A list of short texts, or a single text taken as a list of one."""

    label: str = "文字或文字列表"

    def check(self, value: Any, path: tuple) -> list[str]:
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return [Text().check(value, path)]
        return ListOf(Text()).check(value, path)


@dataclass
class Field:
    spec: Spec
    required: bool = False
    default: Any = None
    doc: str = ""


@dataclass
class Record(Mapping):
    """A mapping with known fields. ``after`` can check the fields together."""

    fields: dict[str, Field] = field(default_factory=dict)
    after: Callable[[dict, tuple], None] | None = None
    key_word: str = "字段名"

    def check(self, value: Any, path: tuple) -> dict:
        value = super().check(value, path)
        for key in value:
            if key not in self.fields:
                raise SchemaError(unknown_key_message(key, self.fields), path + (key,), key=True)
        out: dict[str, Any] = {}
        for name, spec in self.fields.items():
            if name not in value or value[name] is None:
                if spec.required:
                    raise SchemaError(f"缺少必填字段 {name}（{spec.doc}）", path + (name,), key=True)
                default = spec.default() if callable(spec.default) else spec.default
                out[name] = spec.spec.check(default, path + (name,)) if default is not None else None
                continue
            out[name] = spec.spec.check(value[name], path + (name,))
        if self.after:
            self.after(out, path)
        return out


def unknown_key_message(key: str, known: dict) -> str:
    guess = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    if guess:
        return f"未知字段 {key}，是不是 {guess[0]}？"
    return f"未知字段 {key}，可用字段：{'、'.join(known)}"


USE = Record(fields={
    "use": Field(Text(max_len=100), required=True, doc="片段名"),
    "with": Field(Mapping(), default=dict, doc="片段的参数"),
})


@dataclass
class Paragraphs(Spec):
    """Paragraphs: a list of strings, or one string whose blank lines separate paragraphs.

    An item of the list may also be ``{use: 片段名, with: {...}}``: paragraphs from a section.
    """

    label: str = "段落（文字或文字列表）"

    def check(self, value: Any, path: tuple) -> list:
        if value is None:
            return []
        if isinstance(value, str):
            parts = [p for p in re.split(r"\n\s*\n", value) if p.strip()]
            return [Text().check(p, path) for p in parts]
        if isinstance(value, list):
            if len(value) > 500:
                raise SchemaError(f"段落过多（{len(value)} 段，上限 500 段）", path)
            return [USE.check(p, path + (i,)) if isinstance(p, dict) else Text().check(p, path + (i,))
                    for i, p in enumerate(value)]
        raise self.wrong_type(value, path)
