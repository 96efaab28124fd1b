"""Files: bounded reads with clear errors, text decoding, and atomic writes (a failure never
leaves a truncated file or clobbers an old one)."""

from __future__ import annotations

import errno
import os
import pickle
import stat
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

from ..errors import DrafterError, os_reason


def _mode_for(path: str) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _write_failed(exc: OSError, path: str) -> DrafterError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DrafterError(f"磁盘已满/无法写出（{os_reason(exc)}）", file=path)
    return DrafterError(f"写入失败（{os_reason(exc)}）", file=path)


def atomic_write(path: str, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    A symbolic link is followed (the file it points to is replaced, the link stays); a
    device or pipe such as /dev/stdout is written to directly, as there is nothing to clobber.
    """
    try:
        mode = os.stat(path).st_mode  # follows links: /dev/stdout is a link to a pipe or terminal
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        try:
            with open(path, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise _write_failed(exc, path) from None
        return
    path = os.path.realpath(path)
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        raise DrafterError("输出目录不存在", file=folder)
    if os.path.isdir(path):
        raise DrafterError("输出路径是一个目录", file=path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".drafter-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DrafterError(f"无法在输出目录中写入（{os_reason(exc)}）", file=folder) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise _write_failed(exc, path) from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# One size limit for every file a writer gives drafter — an outline, a draft in any format, a
# glossary — the same in import, render, check and the workbench, so that what one command
# accepts the next one reads. Some 10 million characters: hundreds of times a long work report,
# and well within memory (tests/hostile keeps each run under 500 MB). What a .docx holds inside
# is bounded apart (files/docxverify.py), since its parts are compressed.
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_FILE_MB = MAX_FILE_BYTES // (1024 * 1024)


def read_bounded(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Devices, pipes, sockets and folders are refused, whatever their name or the link that
    leads to them: the file is opened without blocking (a FIFO with no writer would wait
    forever), checked with fstat, and read only up to the limit (/dev/zero never ends).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise DrafterError("文件不存在（或是指向不存在文件的链接）", file=path) from None
    except IsADirectoryError:
        raise DrafterError("这是一个目录，不是文件", file=path) from None
    except OSError as exc:
        raise DrafterError(f"无法读取文件（{os_reason(exc)}）", file=path) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise DrafterError("这是一个目录，不是文件", file=path)
        if not stat.S_ISREG(info.st_mode):
            raise DrafterError("这不是普通文件（是设备、管道或套接字），已拒绝", file=path)
        if info.st_size > limit:
            raise DrafterError(f"文件过大（{info.st_size // (1024 * 1024)} MB，上限 {limit // (1024 * 1024)} MB）",
                               file=path)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise DrafterError(f"无法读取文件（{os_reason(exc)}）", file=path) from None
    finally:
        os.close(fd)
    if total > limit:  # the file grew while we looked
        raise DrafterError(f"文件过大（上限 {limit // (1024 * 1024)} MB）", file=path)
    return b"".join(chunks)


# What a damaged zip (a .docx) raises while it is read: a bad header or CRC (BadZipFile), a
# deflate stream that does not decode (zlib.error), a member cut short (EOFError), sizes or
# offsets that make no sense (ValueError, OverflowError), a compression method zipfile lacks,
# a name that is not UTF-8. (An encrypted member raises RuntimeError: told apart by callers.)
DAMAGED_ZIP = (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError, NotImplementedError, zlib.error,
               ValueError, OverflowError, UnicodeDecodeError)


MAX_CACHE_BYTES = 64 * 1024 * 1024


def cache_get(path: Path, valid=None):
    """The value kept at ``path`` by cache_put, or None when it is missing, unreadable or damaged.

    A cache entry is never trusted to be whole: whatever cannot be read back (or fails
    ``valid``) is treated as absent, so the caller rebuilds it and the next cache_put heals it.
    """
    try:
        data = read_bounded(str(path), MAX_CACHE_BYTES)
        value = pickle.loads(data)
        if valid is not None and not valid(value):
            return None
        return value
    except RecursionError:
        return None
    except Exception:  # noqa: BLE001 - any damage means: rebuild
        return None


def decode(data: bytes, file: str) -> str:
    """UTF-8 (with or without BOM), falling back to GB18030, which offices still use."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise DrafterError(
            f"无法识别文件编码（第 {exc.start + 1} 字节），请另存为 UTF-8", file=file
        ) from None


def cache_dir() -> Path:
    """drafter's folder in the user's cache ($XDG_CACHE_HOME or ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "drafter"


def cache_put(path: Path, value) -> None:
    """Keep ``value`` in the cache; a cache that cannot be written only makes the next run slower."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - an unwritable cache only makes the next run slower
        try:
            os.unlink(tmp)
        except OSError:
            pass
    prune_cache(path.parent, (".pickle", ".tmp"))


CACHE_DAYS = 30  # an entry of the cache written longer ago than this is removed
_PRUNED = ".pruned"  # its time says when the folder was last pruned: at most once a day


def prune_cache(folder: Path, suffixes: tuple[str, ...]) -> None:
    """Remove the entries of a cache folder whose names end with one of ``suffixes`` and that were
    written more than CACHE_DAYS ago (a glossary's or a template's earlier versions, a run's
    leftover temporary file), so that the cache does not grow without end; at most once a day per
    folder. An entry still in use that goes is only rebuilt once; a folder that cannot be listed
    or changed is left as it is."""
    now = time.time()
    stamp = folder / _PRUNED
    try:
        if now - stamp.stat().st_mtime < 86400:
            return
    except OSError:
        pass  # never pruned
    try:
        stamp.touch()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(suffixes) and entry.is_file(follow_symlinks=False) \
                        and now - entry.stat(follow_symlinks=False).st_mtime > CACHE_DAYS * 86400:
                    try:
                        os.unlink(entry.path)
                    except OSError:
                        pass
    except OSError:
        pass


# What a file holds, told by its first bytes, and the extension that names it (for the message).
_MAGIC = ((b"PK\x03\x04", "Word 文档（.docx）或其他压缩包", ".docx"), (b"%PDF", "PDF 文件", ".pdf"),
          (b"\xd0\xcf\x11\xe0", "旧版 Word/WPS 文档（.doc、.wps）", ".doc"), (b"{\\rtf", "RTF 文档", ".rtf"))
# The extensions each kind of content may carry.
_FITS = {".docx": (".docx", ".dotx", ".docm", ".odt"), ".pdf": (".pdf",), ".doc": (".doc", ".wps", ".dot", ".wpt", ".docx"),  # an encrypted .docx is an OLE file
         ".rtf": (".rtf", ".doc", ".wps")}
TEXT_EXTENSIONS = (".txt", ".md", ".markdown", ".yaml", ".yml", "")


def check_extension(path: str) -> None:
    """Refuse a file whose content does not match its extension (a .txt renamed .docx, a .docx
    renamed .txt), naming what it holds and the extension it should have."""
    ext = os.path.splitext(path)[1].lower()
    try:  # never blocks: a FIFO or a device is left to the bounded reader, which refuses it
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return  # the reader that follows says why it cannot be read
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return
        head = os.read(fd, 4096)
    except OSError:
        return
    finally:
        os.close(fd)
    if not head:
        return
    for magic, what, right in _MAGIC:
        if head.startswith(magic):
            if ext not in _FITS[right]:
                raise DrafterError(f"文件的内容是{what}，与扩展名 {ext or '（无）'} 不符，请把扩展名改为 {right}",
                                   file=path)
            return
    if ext not in TEXT_EXTENSIONS and _looks_like_text(head):
        raise DrafterError(f"文件的内容是纯文本，不是 {ext} 文档，请把扩展名改为 .txt", file=path)


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for codec in ("utf-8", "gb18030"):
        try:
            head.decode(codec)
            return True
        except UnicodeDecodeError as exc:
            if codec == "utf-8" and exc.start >= len(head) - 3:  # a character cut by the 4 KiB read
                return True
    return False
