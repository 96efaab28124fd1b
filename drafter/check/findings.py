"""A finding: what a proofreader marks, where, why, and on what basis.

A slip repeated through a draft (a half-width comma in forty places) is one finding with
every place listed, so the report stays readable; ``each()`` gives the places back one by
one for ``--fix``, which still fixes every place.
"""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field, replace

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Place:
    paragraph: int
    offset: int
    length: int
    field: str | None = None

    def as_dict(self) -> dict:
        return {"paragraph": self.paragraph, "offset": self.offset, "length": self.length, "field": self.field}


@dataclass(frozen=True)
class Finding:
    file: str
    paragraph: int  # 1-based, in document order (the first place of a grouped finding)
    offset: int  # character offset in the paragraph, 0-based
    length: int
    match: str
    rule: str
    severity: str
    message: str
    suggestion: str | None
    basis: str
    field: str | None = None  # for outline files: the field the paragraph came from
    places: tuple[Place, ...] = dc_field(default=(), compare=False)  # every place, when grouped
    # check --against: the old document and the places there this finding's places were carried from
    against_file: str | None = dc_field(default=None, compare=False)
    against: tuple[Place, ...] = dc_field(default=(), compare=False)

    @property
    def count(self) -> int:
        return len(self.places) or 1

    def each(self):
        """One finding per place: the finding itself when it stands at one place."""
        if not self.places:
            yield self
            return
        for p in self.places:
            yield replace(self, paragraph=p.paragraph, offset=p.offset, length=p.length, field=p.field, places=())

    def as_dict(self) -> dict:
        out = {name: getattr(self, name) for name in FIELD_NAMES}
        out["count"] = self.count
        out["places"] = [p.as_dict() for p in self.places] or [Place(self.paragraph, self.offset, self.length,
                                                                      self.field).as_dict()]
        if self.against_file is not None:
            out["against"] = {"file": self.against_file, "places": [p.as_dict() for p in self.against]}
        return out


FIELD_NAMES = ("file", "paragraph", "offset", "length", "match", "rule", "severity", "message", "suggestion",
               "basis", "field")


def group(findings: list[Finding], grouped_rules: frozenset[str]) -> list[Finding]:
    """Findings of ``grouped_rules`` that say the same thing about the same text in one file
    become one finding with all their places, at the first place."""
    out: list[Finding] = []
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        if f.rule not in grouped_rules:
            out.append(f)
            continue
        key = (f.file, f.rule, f.severity, f.message, f.suggestion, f.match)
        if key not in groups:
            groups[key] = []
            out.append(key)  # a placeholder keeps the first place's position in the order
        groups[key].append(f)
    result = []
    for item in out:
        if isinstance(item, Finding):
            result.append(item)
            continue
        members = groups[item]
        first = members[0]
        places = tuple(Place(f.paragraph, f.offset, f.length, f.field) for f in members)
        result.append(replace(first, places=places) if len(members) > 1 else first)
    return result
