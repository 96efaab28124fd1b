"""Findings kept between runs: a draft drafter has checked, unchanged since and checked with the
same settings, is not checked again (`drafter check`; `--no-cache` turns it off).

An entry's key is a SHA-256 of everything the findings follow from:

- drafter's own code and shipped data (every file of the package, the glossary and the
  registers) and the libraries that read a draft or segment it, each file by its size and time
  of change;
- the glossary as loaded, the workspace's own folders included (``Glossary.fingerprint``);
- the settings of the check: the path as given (findings name it), the date and province given
  on the command line, the unit's level, the ignore entries that apply to this file, the
  workspace's register of people;
- the bytes of the file.

Nothing is trusted on the way back: an entry that cannot be read, or is not a list of findings,
counts as absent (``files.fs.cache_get``), and an entry is written whole or not at all. Drafts
read through another program (.doc, .wps, .rtf, .pdf: what that program makes of them depends
on its version) and outlines (their sections come from template folders) are not kept.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from ..documents import TEXT_DRAFTS
from ..files.fs import MAX_FILE_BYTES, cache_dir, cache_get, cache_put, read_bounded
from ..resources import shipped
from .findings import Finding

FORMAT = "1"  # the layout of an entry: a list of Finding
KEPT = (".docx", *TEXT_DRAFTS, "")  # formats drafter reads by itself (documents.read_draft)
LIBRARIES = ("jieba", "docx", "lxml", "ahocorasick", "markdown_it", "yaml")  # importable names
FOLDER = "findings"


@lru_cache(maxsize=1)
def environment() -> str:
    """A digest of drafter's code and shipped data and of the libraries it reads drafts with:
    each file's name, size and time of change, so that a changed rule, list or dictionary, or
    an upgraded library, makes every earlier entry unreachable."""
    digest = hashlib.sha256(FORMAT.encode())
    for path in sources():
        try:
            stat = os.stat(path)
        except OSError:
            continue
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def sources() -> list[str]:
    """The files ``environment`` stands for: drafter's package, its shipped glossary and
    registers, and the main file of each library in LIBRARIES."""
    from importlib.util import find_spec  # reason: only when a cached check runs

    found = []
    for root in (Path(__file__).resolve().parents[1], shipped("glossary"), shipped("registers")):
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            found += [os.path.join(folder, name) for name in sorted(files) if not name.endswith((".pyc", ".pickle"))]
    for name in LIBRARIES:
        spec = find_spec(name)
        if spec is not None and spec.origin:
            found.append(spec.origin)
    return found


def key(path: str, glossary, date=None, region: str | None = None, level: str | None = None, ignore=(),
        people=None) -> str | None:
    """The key of the entry for checking ``path`` with these settings, or None when its findings
    are not kept (a format read by another program, a glossary not from load_glossary, a file
    that cannot be read: the check itself then says what is wrong)."""
    if os.path.splitext(path)[1].lower() not in KEPT or glossary.fingerprint is None:
        return None
    try:
        data = read_bounded(path, MAX_FILE_BYTES)
    except Exception:  # noqa: BLE001 - unreadable: the check reports it, nothing is kept
        return None
    settings = json.dumps([path, str(date) if date else None, region, level, list(ignore),
                           repr(people) if people is not None else None],
                          ensure_ascii=False, sort_keys=True, default=str)
    digest = hashlib.sha256(f"{environment()}\0{glossary.fingerprint}\0{settings}\0".encode())
    digest.update(data)
    return digest.hexdigest()


def _entry(name: str) -> Path:
    return cache_dir() / FOLDER / f"{name}.pickle"


def get(name: str) -> list[Finding] | None:
    """The findings kept under ``name``, or None."""
    return cache_get(_entry(name), lambda v: isinstance(v, list) and all(isinstance(f, Finding) for f in v))


def put(name: str, findings: list[Finding]) -> None:
    cache_put(_entry(name), list(findings))
