"""Never lose a writer's edits: drafter overwrites only what it wrote itself, unchanged since.

A .docx carries the sha256 of its ``word/document.xml`` as drafter wrote it, in a custom
document property (``drafter-sha256``, docProps/custom.xml): Word or WPS rewrites that part
on every save, so an edited document no longer matches. Other formats (.md, .txt, .pdf) have
no room for a property; the sha256 of each file drafter writes is kept in the user's cache,
by absolute path. A file that does not match is left alone unless the writer says ``--force``;
so is a .docx that drafter did not write (no hash of its own).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from contextlib import contextmanager

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; a lost entry only makes a text file "foreign"
    fcntl = None

from ..errors import DrafterError
from .fs import DAMAGED_ZIP, cache_dir

MAX_PART_BYTES = 64 * 1024 * 1024  # a part read to compare its hash: a bomb is foreign, not read

PROPERTY = "drafter-sha256"


def _registry_path():
    return cache_dir() / "written.json"


def _registry() -> dict:
    try:
        return json.loads(_registry_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def docx_state(path: str) -> str:
    """'unchanged' (drafter's hash matches), 'edited', or 'foreign' (no hash of drafter's)."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "docProps/custom.xml" not in names or "word/document.xml" not in names:
                return "foreign"
            if any(zf.getinfo(n).file_size > MAX_PART_BYTES for n in ("docProps/custom.xml", "word/document.xml")):
                return "foreign"
            custom = zf.read("docProps/custom.xml").decode("utf-8", "replace")
            found = re.search(rf'name="{PROPERTY}">\s*<vt:lpwstr>([0-9a-f]{{64}})</vt:lpwstr>', custom)
            if not found:
                return "foreign"
            actual = hashlib.sha256(zf.read("word/document.xml")).hexdigest()
    except (OSError, RuntimeError, *DAMAGED_ZIP):  # damaged or encrypted: not drafter's, so not replaced
        return "foreign"
    return "unchanged" if actual == found.group(1) else "edited"


def file_state(path: str) -> str:
    if path.lower().endswith(".docx"):
        state = docx_state(path)
        if state != "foreign":
            return state
    recorded = _registry().get(os.path.abspath(path))
    if recorded is None:
        return "foreign"
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        actual = digest.hexdigest()
    except OSError:
        return "foreign"
    return "unchanged" if actual == recorded else "edited"


def check_overwrite(path: str, force: bool = False) -> None:
    """Refuse (DrafterError, exit 2) to replace ``path`` unless drafter wrote it and nobody
    changed it since, or ``force``."""
    if force or not os.path.isfile(path):  # a device or a pipe is written to, not replaced
        return
    state = file_state(path)
    if state == "unchanged":
        return
    if state == "foreign" and not path.lower().endswith(".docx"):
        # A text file cannot carry drafter's hash, and this machine's cache may simply not
        # know it (written elsewhere): only a file known to be changed since is refused.
        return
    why = "在 drafter 生成之后被修改过" if state == "edited" else "不是 drafter 生成的（或无法确认未被修改）"
    raise DrafterError(f"该文件{why}，为免丢失修改未覆盖；确需覆盖请加 --force，或用 -o 另存", file=path)


@contextmanager
def _locked():
    """Hold the registry's lock while it is read, changed and written back: two drafter processes
    recording at once (a batch render beside the workbench) would otherwise each write back what
    they read, and the one written first would lose its entries."""
    target = _registry_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_name("written.lock"), "a") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield target


def record(path: str, data: bytes) -> None:
    """Remember what drafter wrote to ``path`` (formats without a document property)."""
    if path.lower().endswith(".docx"):
        return
    try:
        with _locked() as target:
            reg = _registry()
            reg[os.path.abspath(path)] = hashlib.sha256(data).hexdigest()
            if len(reg) > 20000:  # bounded: the oldest entries go first
                reg = dict(list(reg.items())[-10000:])
            tmp = target.with_name(f"written.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(reg, ensure_ascii=False), encoding="utf-8")
            tmp.replace(target)
    except OSError:
        pass  # an unusable cache never fails a render
