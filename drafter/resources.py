"""Where the files that ship with drafter live: templates, glossary, example outlines.

In an installed wheel they sit in ``drafter/_data/``; in a source checkout (and an
editable install) they are the top-level folders of the repository.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def shipped(name: str) -> Path:
    """The shipped folder ``name`` (``templates``, ``glossary`` or ``outlines``)."""
    inside = _HERE / "_data" / name
    if inside.is_dir():
        return inside
    return _HERE.parent / name
