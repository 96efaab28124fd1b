"""The parts of an outline that drafter checks with its own rules: what a kind's schema points
to with ``$ref: _common.yaml#/$defs/<name>`` (``DEFINITIONS``), and the structural checks a kind
names in ``x-drafter.checks`` (``CHECKS``).

Each definition here has its JSON-Schema twin in ``kinds/_common.yaml`` (what an editor
validates with); tests/test_kinds.py keeps the two in agreement on the shipped examples and on
outlines that are wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import meeting

from .. import numbering
from ..schema import (
    Choice, Date, Field, Integer, ListOf, Mapping, Paragraphs, Record, SchemaError, Text, TextList,
)

MAX_DEPTH = 4  # 一、 （一） 1. （1）
DEFAULT_STYLES = {2: numbering.STYLE_PAREN, 3: numbering.STYLE_ARABIC, 4: numbering.STYLE_ARABIC_PAREN}

STYLE = Choice(choices=numbering.STYLES, aliases=numbering.STYLE_ALIASES, label="序号样式")



@dataclass
class TitleText(Text):
    """A title: one text, or a list of its lines when the writer breaks it (GB/T 9704-2012
    7.3.1 回行). Kept as one text with newlines where the writer broke it."""

    label: str = "文字或各行文字的列表"

    def check(self, value, path: tuple) -> str:
        if isinstance(value, list):
            lines = [Text().check(v, path + (i,)) for i, v in enumerate(value)]
            if not lines:
                raise SchemaError("不能为空", path)
            value = "\n".join(lines)
        text = super().check(value, path)
        return "\n".join(line.strip() for line in text.splitlines() if line.strip())

def _check_point(point: dict, path: tuple, depth: int) -> None:
    subs = point["subpoints"]
    if point["use"]:
        if point["paragraphs"] or subs:
            raise SchemaError("用了 use 片段的要点不能再写 paragraphs 或 subpoints", path + ("use",))
    elif point["title"] is None:
        raise SchemaError("缺少必填字段 title（这一点的标题或领起句；或用 use 引用片段）", path + ("title",), key=True)
    elif point["with"]:
        raise SchemaError("with 只能与 use 一起使用", path + ("with",))
    if point["style"] is None and not point["use"]:  # a section brings its own style
        point["style"] = DEFAULT_STYLES.get(depth + 1, numbering.STYLE_ARABIC_PAREN)
    if point["style"] == numbering.STYLE_SHOUXIAN and len(subs) > numbering.SHOUXIAN_MAX:
        raise SchemaError(
            f"“首先/其次/再次/最后”最多 {numbering.SHOUXIAN_MAX} 项，这里有 {len(subs)} 项，"
            "请改用“一是/二是”", path + ("subpoints",))


class _TooDeep(ListOf):
    """Sub-points below the fourth level: refused before their content is looked at."""

    def check(self, value, path):
        if value:
            raise SchemaError(f"层次过深：公文结构层次最多 {MAX_DEPTH} 层（一、（一）1.（1））", path)
        return []


def point_spec(depth: int = 1) -> Record:
    """A numbered point; its sub-points are points one level deeper."""
    sub = point_spec(depth + 1) if depth < MAX_DEPTH else None
    return Record(fields=_point_fields(sub), after=lambda p, path: _check_point(p, path, depth))


def _point_fields(sub: Record | None) -> dict[str, Field]:
    subpoints = ListOf(sub, max_items=60) if sub else _TooDeep()
    return {
        "title": Field(Text(max_len=200), doc="这一点的标题或领起句"),
        "paragraphs": Field(Paragraphs(), default=list, doc="正文段落"),
        "style": Field(STYLE, doc="下一层序号样式：一是、一要、首先、（一）、1.、（1）"),
        "subpoints": Field(subpoints, default=list, doc="下一层要点"),
        "use": Field(Text(max_len=100), doc="引用的片段名，代替自己写的内容"),
        "with": Field(Mapping(), default=dict, doc="片段的参数"),
    }


ATTACHMENT = Record(
    fields={
        "title": Field(Text(max_len=100), required=True, doc="附件名称，如 报名回执"),
        "columns": Field(ListOf(Text(max_len=50), max_items=12), default=list, doc="表格列名"),
        "rows": Field(Integer(minimum=0, maximum=100), default=8, doc="空白行数"),
        "paragraphs": Field(Paragraphs(), default=list, doc="表格下的说明"),
    }
)

NUMBER = Record(
    fields={
        "prefix": Field(Text(max_len=30), doc="机关代字，如 X人常办发；不写时用工作区 drafter.yaml 的 unit.prefix"),
        "year": Field(Integer(minimum=1949, maximum=2200), required=True, doc="年份"),
        "serial": Field(Integer(minimum=1, maximum=9999), required=True, doc="发文顺序号"),
    }
)

# $ref: _common.yaml#/$defs/<name>  ->  the spec drafter checks that part with
DEFINITIONS = {
    "title": lambda: TitleText(max_len=200),
    "date": Date,
    "textlist": TextList,
    "paragraphs": Paragraphs,
    "style": lambda: STYLE,
    "point": lambda: point_spec(1),
    "attachment": lambda: ATTACHMENT,
    "docnumber": lambda: NUMBER,
    "copy_number": lambda: Integer(minimum=1, maximum=999_999),
    "secrecy": lambda: Choice(choices=("秘密", "机密", "绝密"), label="密级"),
    "secrecy_term": lambda: Text(max_len=10),
    "urgency": lambda: Choice(choices=("特急", "加急"), label="紧急程度"),
    "issuer": lambda: Text(max_len=20),
}


def _announce_needs_points(outline: dict, path: tuple) -> None:
    if outline.get("announce") and not outline.get("points"):
        raise SchemaError("announce 为 true 时需要至少一个要点（points）", path + ("points",))


def _secrecy_term_needs_secrecy(outline: dict, path: tuple) -> None:
    if outline.get("secrecy_term") and not outline.get("secrecy"):
        raise SchemaError("写了保密期限 secrecy_term，却没有密级 secrecy（秘密、机密或绝密）", path + ("secrecy_term",))


# x-drafter.checks: the structural checks a kind's outline needs beyond its schema
CHECKS = {
    "announce-needs-points": _announce_needs_points,
    "secrecy-term-needs-secrecy": _secrecy_term_needs_secrecy,
    "meeting-references": lambda outline, path: meeting.check_references(outline),
}
