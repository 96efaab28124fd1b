"""`drafter check`: read any draft, run the rules, report findings.

    draft file -> reader (docx, md, txt) -> paragraphs -> rules -> findings -> reporters
"""

from __future__ import annotations

from .findings import Finding
from .glossary import Glossary, load_glossary
from .reader import Draft, read_draft
from .rules import RULES, run_rules

__all__ = ["Finding", "Glossary", "load_glossary", "Draft", "read_draft", "RULES", "run_rules", "check_file"]


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
