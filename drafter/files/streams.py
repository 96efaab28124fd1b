"""Standard output that cannot take what drafter prints: a full disk, a closed or broken pipe.

Such a run ends with exit code 2 and one line on stderr, "磁盘已满/无法写出", instead of a
traceback or Python's exit code 120 when it flushes at exit.
"""

from __future__ import annotations

import errno
import io
import os
import sys

WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EPIPE, errno.EBADF, errno.EFBIG, errno.EIO}
MESSAGE = "磁盘已满/无法写出"


def stdout_closed() -> bool:
    if sys.stdout is None:
        return True
    try:
        os.fstat(sys.stdout.fileno())
    except io.UnsupportedOperation:  # a stdout in memory (tests): it can always be written
        return False
    except (OSError, ValueError):
        return True
    except Exception:  # noqa: BLE001 - a replaced stdout (tests) without a file descriptor
        return False
    return False


def cannot_write(reason: str) -> int:
    """Say why output could not be written, silence stdout for the exit flush, return exit code 2."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        if sys.stdout is not None:
            os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no file descriptor (tests): nothing to silence
        pass
    try:
        sys.stderr.write(f"错误：{MESSAGE}（{reason}）\n" if reason else f"错误：{MESSAGE}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    return 2
