"""Load an outline file and validate it against its kind's schema."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .. import safeyaml
from ..errors import DrafterError
from . import kinds as _kinds
from .kinds import Kind, Registry, registry, resolve
from ..schema import SchemaError


@dataclass
class Outline:
    kind: Kind
    data: dict  # validated and normalised
    file: str
    marks: safeyaml.Marks
    source: dict | None = None  # the data as written (validated), before sections are expanded


def parse(text: str, file: str = "<大纲>", kinds: Registry | None = None) -> Outline:
    """The outline in ``text``, checked against its kind among ``kinds`` (by default the
    kinds of the workspace holding ``file``, else of the current directory)."""
    data, marks = safeyaml.load(text, file)
    if not isinstance(data, dict):
        hint = ""
        if isinstance(data, str) and "：" in data:
            hint = "；字段名后的冒号要用半角“:”并加一个空格"
        raise DrafterError(f"大纲应是“字段: 值”形式的映射{hint}", file=file, line=1, col=1)
    if kinds is None:
        folder = os.path.dirname(os.path.abspath(file)) if not file.startswith("<") else None
        kinds = registry(folder if folder and os.path.isdir(folder) else None)
    try:
        if "kind" not in data:
            raise SchemaError(f"缺少必填字段 kind（文种：{kinds.names()}）", (), key=False)
        kind = resolve(data["kind"], kinds)
        validated = kind.schema.check({**data, "kind": kind.name}, ())
    except SchemaError as exc:
        raise marks.schema_error(exc, file) from None
    return Outline(kind=kind, data=validated, file=file, marks=marks, source=validated)


def load(path: str, kinds: Registry | None = None) -> Outline:
    return parse(safeyaml.read_text(path), path, kinds)


def __getattr__(name: str):
    """``KINDS`` and ``KIND_CHOICE``: the kinds that apply in the current directory (as
    ``drafter.outline.kinds`` gives them)."""
    if name in ("KINDS", "KIND_CHOICE"):
        return getattr(_kinds, name)
    raise AttributeError(name)
