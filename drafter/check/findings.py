"""A finding: what a proofreader marks, where, why, and on what basis."""

from __future__ import annotations

from dataclasses import dataclass, fields

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    file: str
    paragraph: int  # 1-based, in document order
    offset: int  # character offset in the paragraph, 0-based
    length: int
    match: str
    rule: str
    severity: str
    message: str
    suggestion: str | None
    basis: str
    field: str | None = None  # for outline files: the field the paragraph came from

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in FIELD_NAMES}


FIELD_NAMES = tuple(f.name for f in fields(Finding))
