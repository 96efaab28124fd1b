"""Write files so that a failure never leaves a truncated file or clobbers an old one."""

from __future__ import annotations

import os
import stat
import tempfile

from .errors import DrafterError


def _mode_for(path: str) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def atomic_write(path: str, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise DrafterError("输出目录不存在", file=folder)
    if os.path.isdir(path):
        raise DrafterError("输出路径是一个目录", file=path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".drafter-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DrafterError(f"无法在输出目录中写入（{exc.strerror}）", file=folder) from None
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
        raise DrafterError(f"写入失败（{exc.strerror}）", file=path) from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
