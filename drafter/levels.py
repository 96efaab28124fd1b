"""The bodies and titles of each level of people's congress (registers/levels.yaml).

The unit profile (``unit.level`` in a workspace's drafter.yaml) names the level; templates and
starters receive its entry as ``body`` (``body_for``), and the check rule ``usage.level`` reads
which bodies and titles do not exist at a level.
"""

from __future__ import annotations

from functools import lru_cache

from . import safeyaml
from .errors import DrafterError
from .resources import shipped
from .schema import Boolean, Choice, Field, ListOf, Record, SchemaError, Text

DEFAULT = "县"  # without a unit profile: the county-level 人大常委会 the shipped examples are written for

_OPTIONAL = Text(max_len=30)
ENTRY = Record(fields={
    "level": Field(Text(max_len=20), required=True, doc="级别名"),
    "aliases": Field(ListOf(Text(max_len=20)), default=list, doc="别名"),
    "placeholder": Field(Text(max_len=10, allow_empty=True), default="xx", doc="没有地名时代替地名的文字"),
    "head_of": Field(Text(max_len=30), required=True, doc="负责人的称呼"),
    "lower": Field(Text(max_len=40), required=True, doc="常用的主送机关"),
    "standing": Field(Boolean(), required=True, doc="是否设常务委员会"),
    "organ": Field(Text(max_len=30), required=True, doc="机关简称"),
    "organ_full": Field(Text(max_len=40), required=True, doc="机关全称"),
    "head": Field(Text(max_len=20), required=True, doc="负责人职务"),
    "deputy": Field(Text(max_len=20), required=True, doc="副职"),
    "secretary": Field(_OPTIONAL, doc="秘书长（没有时为 null）"),
    "members": Field(Text(max_len=30), required=True, doc="组成人员的称呼"),
    "government": Field(Text(max_len=30), required=True, doc="本级人民政府"),
    "supervised": Field(ListOf(Text(max_len=30), min_items=1), required=True, doc="监督的国家机关"),
    "supervised_short": Field(Text(max_len=20), required=True, doc="合称"),
    "absent": Field(ListOf(Text(max_len=20)), default=list, doc="本级没有的机关和职务"),
    "basis": Field(Text(max_len=400), required=True, doc="依据"),
    "examples": Field(ListOf(Text(max_len=40), min_items=1), required=True, doc="举例"),
})


def register_file() -> str:
    return str(shipped("registers") / "levels.yaml")


@lru_cache(maxsize=1)
def levels() -> dict[str, dict]:
    """Every level's entry, by level name, in the register's order."""
    path = register_file()
    data, marks = safeyaml.load(safeyaml.read_text(path), path)
    try:
        entries = ListOf(ENTRY, min_items=1, max_items=20).check(data, ())
    except SchemaError as exc:
        raise marks.schema_error(exc, path) from None
    return {e["level"]: e for e in entries}


def choice() -> Choice:
    """A level by its name or an alias (乡, 镇 → 乡镇; 区 → 县)."""
    aliases = {a: e["level"] for e in levels().values() for a in e["aliases"]}
    return Choice(choices=tuple(levels()), aliases=aliases, label="级别")


class LevelName(Choice):
    """``unit.level``: checked against the register when the profile is read."""

    label = "级别"

    def check(self, value, path):
        return choice().check(value, path)


def body_for(profile: dict | None) -> dict:
    """What templates and starters call ``body``: the entry of the unit's level, with ``place``
    (the unit's place name, "" when not given), ``at`` (the place, or the level's placeholder
    such as xx) and ``name`` (``at`` + organ, as 恒阳镇人大主席团)."""
    profile = profile or {}
    level = profile.get("level") or DEFAULT
    entry = levels().get(level)
    if entry is None:
        raise DrafterError(f"级别“{level}”不在 registers/levels.yaml 中")
    place = profile.get("place") or ""
    at = place or entry["placeholder"]
    return {**entry, "place": place, "at": at, "name": at + entry["organ"]}
