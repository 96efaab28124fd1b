"""The dated laws of the glossary (entries with ``adopted``), by every name a draft may cite
them by, for usage.lawdate and usage.lawnew. Not a rule: a leading underscore keeps discovery
from loading it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

PREFIX = "中华人民共和国"
# what may follow a bare law name when the name is part of a longer title (《监察法实施条例》)
LONGER = r"(?!实施条例|实施办法|实施细则|实施意见|修正案|草案|若干|释义|解释)"


@dataclass(frozen=True)
class Law:
    entry: object
    adopted: dt.date
    effective: dt.date | None
    changes: tuple  # (date, kind, effective or None), oldest first

    @property
    def name(self) -> str:
        return self.entry.term.strip("《》")

    @property
    def last(self) -> dt.date:
        """When the law was last changed, or adopted when it never was."""
        return self.changes[-1][0] if self.changes else self.adopted

    def history(self) -> str:
        """Its dates in a writer's words: 2006年8月27日通过，2024年11月8日修正."""
        parts = [f"{_day(self.adopted)}通过"]
        parts += [f"{_day(date)}{kind}" for date, kind, _ in self.changes]
        return "，".join(parts)


def _day(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def laws(glossary) -> tuple[dict[str, Law], object]:
    """(name → Law, the pattern of a law cited by any of its names) for the glossary's dated
    laws, made once per glossary."""
    cached = getattr(glossary, "_dated_laws", None)
    if cached is None:
        names: dict[str, Law] = {}
        for entry in glossary.entries.values():
            data = entry.data
            if not data.get("adopted"):
                continue
            law = Law(entry, data["adopted"], data.get("effective"),
                      tuple((c["date"], c["kind"], c.get("effective")) for c in data.get("changes") or ()))
            full = re.sub(r"（[^（）]*）$", "", data["basis"].strip())
            for name in {entry.term.strip("《》"), full, full.removeprefix(PREFIX)}:
                if len(name) >= 2 and name.endswith(("法", "法典", "规则")):
                    names.setdefault(name, law)
        alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        first = re.escape("".join(sorted({"《", *(n[0] for n in names)})))  # looked at before the long alternation
        law_re = f"(?=[{first}])(?:《(?P<quoted>{alts})》|(?P<bare>{alts})(?!》)){LONGER}" if names else "(?!)"
        cached = glossary._dated_laws = (names, law_re)
    return cached


def cited(m) -> str:
    return m.group("quoted") or m.group("bare")
