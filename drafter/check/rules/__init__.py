"""Check rules, one module each: ``ID``, ``SEVERITY``, ``DOC``, ``FIXTURES`` and ``check()``.

A rule's ``check(draft, ctx)`` yields findings. ``FIXTURES`` holds texts that must and
must not trigger it; glossary rules draw theirs from the glossary entries' examples.
"""

from __future__ import annotations

from bisect import bisect_right
from importlib import import_module
from itertools import accumulate
from typing import Iterator

from ..findings import Finding
from ..glossary import Glossary, Hit
from ..reader import Draft, Paragraph

NAMES = ("glossary_deprecated", "glossary_variant", "glossary_collocation", "glossary_expansion",
         "glossary_dated", "glossary_scope", "placeholder", "numbering_sequence", "numbering_count",
         "punctuation", "noise", "repeat", "date", "control")
RULES = tuple(import_module(f".{name}", __name__) for name in NAMES)


class Context:
    """What rules share: the draft as one text, and the glossary hits of one scan over it."""

    def __init__(self, draft: Draft, glossary: Glossary) -> None:
        self.draft = draft
        self.glossary = glossary
        self.text = "\n".join(p.text for p in draft.paragraphs)  # paragraphs never hold "\n"
        self.starts = list(accumulate((len(p.text) + 1 for p in draft.paragraphs[:-1]), initial=0))
        self._hits: dict[int, list[Hit]] | None = None

    def locate(self, pos: int) -> tuple[Paragraph, int]:
        """The paragraph holding position ``pos`` of ``self.text``, and the offset in it."""
        i = bisect_right(self.starts, pos) - 1
        return self.draft.paragraphs[i], pos - self.starts[i]

    def scan(self, pattern) -> Iterator[tuple[Paragraph, int, int, object]]:
        """Matches of a compiled pattern over the whole draft (one C-level pass), per paragraph.

        The pattern must not match across a line break; ``^`` and ``$`` need re.M.
        """
        for m in pattern.finditer(self.text):
            para, offset = self.locate(m.start())
            yield para, offset, offset + (m.end() - m.start()), m

    def hits(self, para: Paragraph) -> list[Hit]:
        if self._hits is None:  # one pass of the automaton over the whole draft
            self._hits = {}
            paragraphs, starts = self.draft.paragraphs, self.starts
            for start, form, values in self.glossary.occurrences(self.text):
                i = bisect_right(starts, start) - 1
                offset = start - starts[i]
                owner = paragraphs[i]
                if offset + len(form) <= len(owner.text):  # not across a paragraph break
                    bucket = self._hits.setdefault(owner.number, [])
                    for kind, entry, extra in values:
                        bucket.append(Hit(offset, offset + len(form), kind, form, entry, extra))
        return self._hits.get(para.number, [])

    def finding(self, rule: str, severity: str, para: Paragraph, start: int, end: int, message: str,
                basis: str, suggestion: str | None = None) -> Finding:
        return Finding(file=self.draft.file, paragraph=para.number, offset=start, length=end - start,
                       match=para.text[start:end], rule=rule, severity=severity, message=message,
                       suggestion=suggestion, basis=basis, field=para.field)


def run_rules(draft: Draft, glossary: Glossary) -> list[Finding]:
    ctx = Context(draft, glossary)
    findings = [f for rule in RULES for f in rule.check(draft, ctx)]
    return sorted(findings, key=lambda f: (f.paragraph, f.offset, f.rule))
