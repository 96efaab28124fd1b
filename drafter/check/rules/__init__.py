"""Check rules, one module each: ``ID``, ``SEVERITY``, ``DOC``, ``FIXTURES`` and ``check()``.

A rule's ``check(draft, ctx)`` yields findings. ``FIXTURES`` holds texts that must and
must not trigger it; glossary rules draw theirs from the glossary entries' examples.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module

from ..findings import Finding
from ..glossary import Glossary, Hit
from ..reader import Draft, Paragraph

NAMES = ("glossary_deprecated", "glossary_variant", "glossary_collocation", "glossary_expansion",
         "glossary_dated", "glossary_scope", "placeholder", "numbering_sequence", "numbering_count",
         "punctuation", "noise", "repeat", "date")


@lru_cache(maxsize=1)
def _modules():
    return tuple(import_module(f".{name}", __name__) for name in NAMES)


class _Rules:
    def __iter__(self):
        return iter(_modules())


RULES = _Rules()


class Context:
    def __init__(self, draft: Draft, glossary: Glossary) -> None:
        self.draft = draft
        self.glossary = glossary
        self._hits: dict[int, list[Hit]] = {}

    def hits(self, para: Paragraph) -> list[Hit]:
        if para.number not in self._hits:
            self._hits[para.number] = self.glossary.scan(para.text)
        return self._hits[para.number]

    def finding(self, rule: str, severity: str, para: Paragraph, start: int, end: int, message: str,
                basis: str, suggestion: str | None = None) -> Finding:
        return Finding(file=self.draft.file, paragraph=para.number, offset=start, length=end - start,
                       match=para.text[start:end], rule=rule, severity=severity, message=message,
                       suggestion=suggestion, basis=basis, field=para.field)


def run_rules(draft: Draft, glossary: Glossary) -> list[Finding]:
    ctx = Context(draft, glossary)
    findings = [f for rule in RULES for f in rule.check(draft, ctx)]
    return sorted(findings, key=lambda f: (f.paragraph, f.offset, f.rule))
