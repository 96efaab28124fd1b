"""The outline files of the folder served: safe paths, round-trip YAML, versioned saves.

The YAML file is the source of truth. The page edits a plain copy of its data; a save merges
that copy back into the round-trip document (ruamel.yaml), so comments, key order and quoting
of what the writer did not change stay as they were, and writes the file atomically, but only
when the file on disk is still the version the page loaded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import threading
from contextlib import contextmanager
from pathlib import Path, PurePosixPath, PureWindowsPath

try:
    import fcntl
except ImportError:  # Windows: saves are serialised within this process only
    fcntl = None

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..files.yamledit import roundtrip
from . import library
from .library import DrafterError

ORIGIN = "__o"  # in the page's copy: the index a list item had in the file when loaded
SUFFIXES = (".yaml", ".yml")
SKIP_DIRS = {"templates", "glossary", "node_modules", "__pycache__", "out"}
MAX_LISTED = 500
HEAD_BYTES = 16384  # of each file, read for the list: its kind, title and date
DOCUMENT_SUFFIXES = (*library.DRAFT_EXTENSIONS, *SUFFIXES)  # what check --against reads
UPLOADS = "旧稿"  # where the workbench keeps an uploaded old document


class Conflict(Exception):
    """The file changed on disk since the page loaded it."""


def version_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _yaml() -> YAML:
    return roundtrip()  # the same set-up `drafter check --fix` finds an outline's values with


class Store:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._lock = threading.Lock()

    # --- paths ---------------------------------------------------------------------------

    def resolve(self, rel: object, must_exist: bool = True, suffixes: tuple[str, ...] = SUFFIXES) -> Path:
        """The file ``rel`` names inside the folder served; anything else is refused."""
        if not isinstance(rel, str) or not rel.strip() or "\x00" in rel or "\\" in rel:
            raise DrafterError("文件名无效")
        if PurePosixPath(rel).is_absolute() or PureWindowsPath(rel).is_absolute() or PureWindowsPath(rel).drive:
            raise DrafterError("只能打开工作区内的文件，不能用绝对路径", file=rel)
        if ".." in PurePosixPath(rel).parts:
            raise DrafterError("只能打开工作区内的文件，路径中不能有“..”", file=rel)
        path = (self.root / rel).resolve()
        if not path.is_relative_to(self.root):
            raise DrafterError("只能打开工作区内的文件（链接指向了工作区外）", file=rel)
        if path.suffix.lower() not in suffixes:
            raise DrafterError("只能编辑 .yaml 大纲文件" if suffixes == SUFFIXES else
                               "这不是 drafter 能读的文稿（.docx、.doc、.wps、.rtf、.pdf、.md、.txt 或大纲 .yaml）", file=rel)
        if path == self.root / "drafter.yaml":
            raise DrafterError("drafter.yaml 是工作区设置，不是大纲", file=rel)
        if must_exist and not path.is_file():
            raise DrafterError("文件不存在", file=rel)
        return path

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    # --- listing and creating ------------------------------------------------------------

    def list_outlines(self) -> list[dict]:
        found = []
        for folder, dirs, files in os.walk(self.root):
            depth = len(Path(folder).relative_to(self.root).parts)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS and depth < 4)
            for name in sorted(files):
                if not name.lower().endswith(SUFFIXES) or name.startswith("."):
                    continue
                path = Path(folder) / name
                if path == self.root / "drafter.yaml" or not path.resolve().is_relative_to(self.root):
                    continue
                try:
                    with open(path, "rb") as fh:
                        raw = fh.read(HEAD_BYTES)
                    if len(raw) == HEAD_BYTES and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                        raw = raw[:raw.rfind(b"\n") + 1]  # whole lines: no character cut in two
                    head = library.decode_text(raw, str(path))
                except (OSError, DrafterError):
                    continue
                facts = library.outline_facts(head, self.rel(path), self.root)
                if facts is None:
                    continue
                modified = dt.datetime.fromtimestamp(path.stat().st_mtime).date().isoformat()
                found.append({"path": self.rel(path), "name": name, "modified": modified, **facts})
                if len(found) >= MAX_LISTED:
                    return found
        return found

    # --- old documents for check --against ------------------------------------------------

    def list_documents(self) -> list[str]:
        """Every draft in the folder served that ``drafter check --against`` can read (outlines too)."""
        found = []
        for folder, dirs, files in os.walk(self.root):
            depth = len(Path(folder).relative_to(self.root).parts)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS and depth < 4)
            for name in sorted(files):
                path = Path(folder) / name
                if name.startswith((".", "~$")) or path.suffix.lower() not in DOCUMENT_SUFFIXES \
                        or path == self.root / "drafter.yaml" or path == self.root / "people.yaml" \
                        or not path.resolve().is_relative_to(self.root):
                    continue
                found.append(self.rel(path))
                if len(found) >= MAX_LISTED:
                    return found
        return found

    def document(self, rel: object) -> Path:
        """An old document named by the page: a draft inside the folder served."""
        return self.resolve(rel, suffixes=DOCUMENT_SUFFIXES)

    def upload(self, name: object, data: bytes) -> str:
        """Keep an uploaded old document in 旧稿/ (the same file uploaded again is kept once;
        another file of the same name is refused, never overwritten)."""
        if not isinstance(name, str) or not name.strip():
            raise DrafterError("请选择要上传的旧稿")
        name = PurePosixPath(name.replace("\\", "/")).name.strip()
        if not name or name.startswith("."):
            raise DrafterError("文件名无效", file=name)
        if not data:
            raise DrafterError("文件是空的", file=name)
        path = self.resolve(f"{UPLOADS}/{name}", must_exist=False, suffixes=DOCUMENT_SUFFIXES)
        with self._lock:
            if path.exists():
                if path.is_file() and path.read_bytes() == data:
                    return self.rel(path)
                raise DrafterError(f"{UPLOADS}/ 中已有同名的另一份文件，未覆盖；请改名后上传", file=name)
            path.parent.mkdir(exist_ok=True)
            library.atomic_write(str(path), data)
        return self.rel(path)

    def create(self, name: object, kind: str) -> str:
        """A new outline from the starter of ``kind``, in outlines/ when the folder has one."""
        if not isinstance(name, str) or not name.strip():
            raise DrafterError("请填写文件名")
        name = name.strip()
        if "/" in name or "\\" in name or name.startswith("."):
            raise DrafterError("文件名不能含“/”或以“.”开头", file=name)
        if not name.lower().endswith(SUFFIXES):
            name += ".yaml"
        folder = "outlines/" if (self.root / "outlines").is_dir() else ""
        path = self.resolve(folder + name, must_exist=False)
        text = library.starter_text(kind, self.root)
        with self._lock:
            if path.exists():
                raise DrafterError("文件已存在，未覆盖", file=self.rel(path))
            library.atomic_write(str(path), text.encode("utf-8"))
        return self.rel(path)

    # --- reading -------------------------------------------------------------------------

    def read(self, path: Path) -> tuple[bytes, str]:
        size = path.stat().st_size
        if size > library.MAX_YAML_BYTES:
            raise DrafterError(f"文件过大（上限 {library.MAX_YAML_BYTES // (1024 * 1024)} MB）", file=self.rel(path))
        data = path.read_bytes()
        text = library.decode_text(data, self.rel(path))
        library.check_safe(text, self.rel(path))
        return data, text

    def load(self, rel: str) -> dict:
        path = self.resolve(rel)
        data, text = self.read(path)
        doc = _yaml().load(text)
        if not isinstance(doc, CommentedMap):
            raise DrafterError("大纲应是“字段: 值”形式的映射", file=rel, line=1, col=1)
        return {"path": self.rel(path), "version": version_of(data), "text": text, "data": to_plain(doc)}

    # --- writing -------------------------------------------------------------------------

    def build(self, base_text: str, new: dict) -> str:
        """The YAML text of ``new`` merged into the document ``base_text``."""
        if not isinstance(new, dict):
            raise DrafterError("提交的大纲数据应为映射")
        doc = _yaml().load(base_text)
        if not isinstance(doc, CommentedMap):
            doc = CommentedMap()
        doc = merge(doc, new)
        out = io.StringIO()
        _yaml().dump(doc, out)
        return out.getvalue()

    def preview_text(self, rel: str, new: dict) -> str:
        path = self.resolve(rel)
        return self.build(self.read(path)[1], new)

    def save(self, rel: str, version: object, new: dict) -> dict:
        """Write ``new`` if the file is still at ``version``; Conflict otherwise."""
        path = self.resolve(rel)
        with self._lock, _file_lock(path):
            data, text = self.read(path)
            if version != version_of(data):
                raise Conflict()
            out = self.build(text, new).encode("utf-8")
            if len(out) > library.MAX_YAML_BYTES:
                raise DrafterError("大纲过大，未保存", file=rel)
            library.atomic_write(str(path), out)
        return self.load(rel)


@contextmanager
def _file_lock(path: Path):
    """An advisory lock on the outline while it is compared and replaced, so that two servers
    on the same folder cannot both pass the version check. The file is replaced by a rename: a
    second writer that waited for the old file reads the new one and finds its version stale."""
    if fcntl is None:
        yield
        return
    with open(path, "rb") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


# --- plain copies and merging ---------------------------------------------------------------

def to_plain(node):
    """Plain JSON-able data; each mapping in a list carries the index it had (ORIGIN)."""
    if isinstance(node, dict):
        return {str(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        out = []
        for i, item in enumerate(node):
            value = to_plain(item)
            if isinstance(value, dict):
                value[ORIGIN] = i
            out.append(value)
        return out
    if isinstance(node, (dt.date, dt.datetime)):
        return node.isoformat()
    if isinstance(node, bool) or node is None or isinstance(node, (int, float)):
        return node
    return str(node)


def _plain_equal(old, new) -> bool:
    return _strip(to_plain(old)) == _strip(new)


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k != ORIGIN}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _scalar(new):
    if isinstance(new, str) and _ISO_DATE.match(new):
        try:
            return dt.date.fromisoformat(new)
        except ValueError:
            return new
    if isinstance(new, (str, int, float, bool)) or new is None:
        return new
    raise DrafterError("提交的大纲数据中有无法识别的值")


def merge(old, new, depth: int = 0):
    """``new`` built on ``old``: what is unchanged keeps its node (comments, quoting, style)."""
    if depth > 40:
        raise DrafterError("大纲嵌套层次太深")
    if isinstance(new, dict):
        base = old if isinstance(old, CommentedMap) else CommentedMap()
        new = {k: v for k, v in new.items() if k != ORIGIN}
        for key in [k for k in base if k not in new]:
            del base[key]
        previous = None
        for key, value in new.items():
            if not isinstance(key, str):
                raise DrafterError("字段名应为文字")
            if key in base:
                base[key] = merge(base[key], value, depth + 1)
            else:
                where = list(base).index(previous) + 1 if previous in base else 0
                base.insert(where, key, merge(None, value, depth + 1))
            previous = key
        return base
    if isinstance(new, list):
        if isinstance(old, CommentedSeq) and _plain_equal(old, new):
            return old
        seq = CommentedSeq()
        if isinstance(old, CommentedSeq) and old.fa.flow_style():
            seq.fa.set_flow_style()
        used: set[int] = set()
        for i, item in enumerate(new):
            origin = item.get(ORIGIN) if isinstance(item, dict) else None
            source = None
            if isinstance(old, CommentedSeq):
                if isinstance(origin, int) and not isinstance(origin, bool) and 0 <= origin < len(old) \
                        and origin not in used:
                    used.add(origin)
                    source = origin
                elif not isinstance(item, dict) and i < len(old) and _plain_equal(old[i], item):
                    source = i
            seq.append(merge(old[source] if source is not None else None, item, depth + 1))
            if source is not None and source in old.ca.items:
                seq.ca.items[i] = old.ca.items[source]
        return seq
    if old is not None and not isinstance(old, (dict, list)) and _plain_equal(old, new):
        return old
    return _scalar(new)
