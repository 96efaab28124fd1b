"""`drafter check`: read any draft, run the rules, report findings.

    draft file -> reader (docx, md, txt) -> paragraphs -> rules -> findings -> reporters
"""

from __future__ import annotations

from .findings import Finding
from .glossary import Glossary, load_glossary
from .reader import Draft, read_draft
from .rules import RULES, run_rules

__all__ = ["Finding", "Glossary", "load_glossary", "Draft", "read_draft", "RULES", "run_rules", "check_file"]


def check_file(path: str, glossary: Glossary) -> list[Finding]:
    """Findings for one file; raises DrafterError when the file cannot be read."""
    return run_rules(read_draft(path), glossary)
