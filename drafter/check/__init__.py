"""`drafter check`: run the rules over a draft's paragraphs, report findings.

    documents.read_draft -> paragraphs -> rules (one module each) -> findings -> reporters
"""

from __future__ import annotations

from ..documents import Draft, draft_from_blocks, draft_from_lines, read_draft
from .findings import Finding
from .glossary import Glossary, load_glossary
from .rules import RULES, run_rules

__all__ = ["Finding", "Glossary", "load_glossary", "Draft", "read_draft", "RULES", "run_rules", "check_file",
           "check_rendered", "self_test"]


def check_file(path: str, glossary: Glossary, date=None, region: str | None = None,
               template_dirs: tuple[str, ...] = ()) -> list[Finding]:
    """Findings for one file; raises DrafterError when the file cannot be read.

    ``date`` and ``region`` override what is detected from the draft itself; an outline's
    sections are looked up in ``template_dirs`` before the shipped ones.
    """
    draft = read_draft(path, template_dirs)
    draft.date = date or draft.date
    draft.region = region or draft.region
    return run_rules(draft, glossary)


def check_rendered(rendered, out: str, glossary: Glossary) -> list[Finding]:
    """Proofread a rendered document (``drafter.render.Rendered``), paragraphs numbered as in
    the file written to ``out``."""
    data = rendered.outline.data
    draft = draft_from_blocks(out, rendered.blocks, date=data.get("date"), region=data.get("region"),
                              kind=rendered.outline.kind.name)
    return run_rules(draft, glossary)


def self_test(glossary: Glossary) -> list[tuple]:
    """Every glossary entry's examples run through the rules: (entry, "bad" or "good", text)
    for each example that fails.

    A bad example must give a glossary finding on that entry; a good one must give none.
    """
    failures = []
    for entry in glossary.entries.values():
        for kind in ("bad", "good"):
            for example in entry.data["examples"][kind]:
                draft = draft_from_lines("<例句>", example["text"].splitlines())
                draft.date = example["date"] or draft.date
                draft.region = example["region"] or draft.region
                hit = any(f.rule.startswith("glossary.") and f.basis == entry.basis
                          for f in run_rules(draft, glossary))
                if hit != (kind == "bad"):
                    failures.append((entry, kind, example["text"]))
    return failures
