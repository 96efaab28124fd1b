"""Check rules, one module each, found by discovery: every module of this package is a rule.

A rule module declares

    ID        "family.name" (or "family"); `make eval` scores precision and recall by family
    SEVERITY  "error", "warning" or "info": every finding the rule makes has it
    DOC       what it looks for, in a writer's words (README's rule table is made from it)
    BASIS     the clause of a standard, the glossary, or 实务 it rests on
    FIXABLE   True when ``--fix`` may apply its suggestions without a writer's judgement
    FIXTURES  {"bad": [...], "good": [...]}: texts that must and must not trigger it
              (glossary rules take theirs from the glossary entries' own examples)
    check(draft, ctx)  yields findings made with ``ctx.finding``
    GROUPED   (optional) True when the same slip repeated through a draft is reported once,
              with its count and places (half-width commas, an outdated term used throughout)

A finding of another severity is another rule, with an id of its own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
import re
from re import _constants as sre, _parser as sre_parse  # loaded by re itself
from dataclasses import replace
import pkgutil
from importlib import import_module
from itertools import accumulate
from typing import Iterator

from .. import words
from ..findings import Finding, group
from ..glossary import Glossary, Hit
from ...documents import Draft, Paragraph

REQUIRED = ("ID", "SEVERITY", "DOC", "BASIS", "FIXABLE", "check")


def _discover() -> tuple:
    modules = [import_module(f".{info.name}", __name__) for info in pkgutil.iter_modules(__path__)
               if not info.name.startswith("_")]
    for module in modules:
        missing = [name for name in REQUIRED if not hasattr(module, name)]
        if missing:
            raise ImportError(f"check rule {module.__name__} lacks {', '.join(missing)}")
    return tuple(sorted(modules, key=lambda m: m.ID))


_REGISTRY: dict = {}
REGISTRY_NAMES = ("RULES", "BY_ID", "FIXABLE", "GROUPED")


def registry() -> dict:
    """The rules, discovered on first use: RULES (by id), BY_ID, FIXABLE and GROUPED (ids).
    Importing them compiles some hundreds of regular expressions, which a check whose findings
    all come from the cache (check.cache) never needs."""
    if not _REGISTRY:
        rules = _discover()
        _REGISTRY.update(RULES=rules, BY_ID={rule.ID: rule for rule in rules},
                         FIXABLE=frozenset(rule.ID for rule in rules if rule.FIXABLE),
                         GROUPED=frozenset(rule.ID for rule in rules if getattr(rule, "GROUPED", False)))
    return _REGISTRY


def __getattr__(name: str):
    """RULES, BY_ID, FIXABLE and GROUPED as attributes of this package (``registry``)."""
    if name in REGISTRY_NAMES:
        return registry()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def family(rule_id: str) -> str:
    """The family a rule belongs to: its id up to the first dot."""
    return rule_id.split(".", 1)[0]


def table() -> str:
    """The rules as a Markdown table, as README.md shows them."""
    rows = ["| 规则 | 级别 | 可自动修改 | 查什么 | 依据 |", "| --- | --- | --- | --- | --- |"]
    labels = {"error": "错误", "warning": "警告", "info": "提示"}
    for rule in registry()["RULES"]:
        cells = (f"`{rule.ID}`", labels[rule.SEVERITY], "是" if rule.FIXABLE else "", rule.DOC, rule.BASIS)
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows) + "\n"


_NEEDS: dict = {}
MAX_NEEDS = 64


def _needs(pattern) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """Literal strings one of which every match of ``pattern`` holds (作者 or 【 for a pattern of
    web residue, 一 to 十 for a heading marker), as (the characters, the longer strings), or None when the pattern gives no such short list
    (all its parts are broad classes, ``.``, ``\\d``, optional, or it folds case)."""
    if pattern not in _NEEDS:
        try:  # the standard library's own parse of the pattern
            found = None if pattern.flags & re.IGNORECASE else _need(list(sre_parse.parse(pattern.pattern,
                                                                                           pattern.flags)))
        except Exception:  # noqa: BLE001 - a construct this reading does not know: no shortcut
            found = None
        _NEEDS[pattern] = (frozenset(s for s in found if len(s) == 1), tuple(s for s in found if len(s) > 1)) \
            if found and "" not in found else None
    return _NEEDS[pattern]


def _need(items: list) -> set[str] | None:
    """For a parsed sequence: of the sets of strings each required part of it must match one of,
    the most telling (longest shortest string, then fewest strings); None when no part gives one."""
    c = sre
    repeats = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))
    found: list[set[str]] = []
    i = 0
    while i < len(items):
        op, av = items[i]
        got = None
        if op is c.LITERAL:
            text = ""
            while i < len(items) and items[i][0] is c.LITERAL:
                text += chr(items[i][1])
                i += 1
            found.append({text})
            continue
        if op is c.IN:
            got = set()
            for op2, av2 in av:
                if op2 is c.LITERAL:
                    got.add(chr(av2))
                elif op2 is c.RANGE and av2[1] - av2[0] < MAX_NEEDS:
                    got.update(map(chr, range(av2[0], av2[1] + 1)))
                else:  # a negated set, a category (\\d, \\s), a wide range: any of many
                    got = None
                    break
        elif op is c.BRANCH:
            got = set()
            for branch in av[1]:
                one = _need(list(branch))
                if one is None:  # a branch that needs nothing: neither does the whole
                    got = None
                    break
                got |= one
        elif op is c.SUBPATTERN and not av[1] and not av[2]:  # (?i:…) and the like: left alone
            got = _need(list(av[3]))
        elif op in repeats and av[0] >= 1:
            got = _need(list(av[2]))
        # anything else (an optional part, a look-around, ^ $ \\b, ., a back-reference) needs nothing
        if got and len(got) <= MAX_NEEDS:
            found.append(got)
        i += 1
    return max(found, key=lambda strings: (min(map(len, strings)), -len(strings))) if found else None


class Context:
    """What rules share: the draft as one text, and the glossary hits of one scan over it."""

    def __init__(self, draft: Draft, glossary: Glossary, people=None) -> None:
        self.draft = draft
        self.glossary = glossary
        self.people = people  # the workspace's register (check.people.Register), or None
        self.text = "\n".join(p.text for p in draft.paragraphs)  # paragraphs never hold "\n"
        self.starts = list(accumulate((len(p.text) + 1 for p in draft.paragraphs[:-1]), initial=0))
        self._hits: dict[int, list[Hit]] | None = None
        self._chars: frozenset[str] | None = None  # the characters of the draft, when a scan asks

    def may_hold(self, needs: tuple[frozenset[str], tuple[str, ...]] | None) -> bool:
        """False when the draft holds none of the characters and strings ``needs`` gives (see
        ``_needs``; None: nothing to look for)."""
        if needs is None:
            return True
        if self._chars is None:
            self._chars = frozenset(self.text)
        chars, longer = needs
        return not chars.isdisjoint(self._chars) or any(s[0] in self._chars and s in self.text for s in longer)

    def locate(self, pos: int) -> tuple[Paragraph, int]:
        """The paragraph holding position ``pos`` of ``self.text``, and the offset in it."""
        i = bisect_right(self.starts, pos) - 1
        return self.draft.paragraphs[i], pos - self.starts[i]

    def scan(self, pattern) -> Iterator[tuple[Paragraph, int, int, object]]:
        """Matches of a compiled pattern over the whole draft (one C-level pass), per paragraph.

        The pattern must not match across a line break; ``^`` and ``$`` need re.M. A pattern
        every match of which holds one of a few literal strings is not run at all over a
        draft that holds none of them (a look at the draft's characters, then a substring search).
        """
        if not self.may_hold(_needs(pattern)):
            return
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


def silenced(finding: Finding, ignore) -> bool:
    """Whether an ignore entry covers a finding: a rule id or family ("punctuation" covers
    punctuation.unpaired too), "*" for every rule, or {rule, text} for one accepted phrase. An
    entry for one document ({rule, text, file}) is left to ``for_file``."""
    for entry in ignore:
        if not isinstance(entry, str) and entry.get("file"):
            continue  # one document's: for_file gives it to the check of that document
        rule, text = (entry, None) if isinstance(entry, str) else (entry.get("rule") or "*", entry.get("text"))
        if rule == "*" or finding.rule == rule or finding.rule.startswith(rule + "."):
            if text is None or text == finding.match:
                return True
    return False


def for_file(ignore, *names: str | None) -> list:
    """The ignore list as it applies to one document, known by ``names`` (its paths relative to
    the workspace, as the entries write them: an outline's and the file rendered from it): the
    entries for every document, and that document's own entries as accepted phrases."""
    out = []
    for entry in ignore:
        if isinstance(entry, str) or not entry.get("file"):
            out.append(entry)
        elif entry["file"] in names:
            out.append({"rule": entry.get("rule"), "text": entry["text"]})
    return out


def run_rules(draft: Draft, glossary: Glossary, ignore=(), people=None) -> list[Finding]:
    """Every rule over the draft: findings in document order, those the writer silenced left
    out (``ignore``: a workspace's list; the draft's own drafter:ignore marks), slips repeated
    through the draft grouped. ``people``: the workspace's register, for people.post."""
    ctx = Context(draft, glossary, people)
    marks = draft.ignores
    rules = registry()
    try:
        findings = [f for rule in rules["RULES"] for f in _capped(rule.check(draft, ctx))
                    if not silenced(f, ignore) and not (f.paragraph in marks and silenced(f, marks[f.paragraph]))]
    finally:
        words.forget_entries()  # read only where the cache folder lacked an index
    return group(sorted(_outside_residue(findings), key=lambda f: (f.paragraph, f.offset, f.rule)), rules["GROUPED"])


# Findings of one rule kept in one paragraph. A paragraph of a real draft has a few; thousands
# come from a paragraph of a megabyte of residue (a run of URL-like text makes one every few
# characters), and each kept finding costs memory in the report: past the cap, one note says
# how many more there are.
MAX_PER_PARAGRAPH = 1000


def _capped(findings: Iterator[Finding]) -> Iterator[Finding]:
    counts: dict[int, int] = {}
    last: dict[int, Finding] = {}
    for f in findings:
        n = counts[f.paragraph] = counts.get(f.paragraph, 0) + 1
        if n <= MAX_PER_PARAGRAPH:
            last[f.paragraph] = f
            yield f
    for number, n in counts.items():
        if n > MAX_PER_PARAGRAPH:
            f = last[number]
            yield replace(f, offset=f.offset + f.length, length=0, match="", severity="info", suggestion=None,
                          places=(), message=f"本段同类问题超过 {MAX_PER_PARAGRAPH} 处，其余 {n - MAX_PER_PARAGRAPH} 处"
                          "未列出（多为网页残留或整篇粘贴成一段），请整段检查")


class Spans:
    """Spans of one paragraph, sorted once, asked with one binary search each: whether any of
    them overlaps a piece, or covers it (among the spans starting at or before a place, the
    furthest end says how far they reach). A paragraph with a hundred thousand spans (a run
    of URL-like text) costs no more than a sort."""

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # the spans beginning before the piece ends
        return i > 0 and self.reach[i - 1] > start

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        return i > 0 and self.reach[i - 1] >= end


def _outside_residue(findings: list[Finding]) -> list[Finding]:
    """Web residue is to be deleted, not proofread: other findings inside it are left out."""
    residue: dict[int, list[tuple[int, int]]] = {}
    for f in findings:
        if family(f.rule) == "noise":
            residue.setdefault(f.paragraph, []).append((f.offset, f.offset + f.length))
    if not residue:
        return findings
    spans = {number: Spans(found) for number, found in residue.items()}
    return [f for f in findings if family(f.rule) == "noise" or f.paragraph not in spans
            or not spans[f.paragraph].covers(f.offset, f.offset + f.length)]
