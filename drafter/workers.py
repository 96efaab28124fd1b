"""Worker processes for a batch (render's outlines, check's drafts): how many, and how each starts."""

from __future__ import annotations

import os


def count(items: int, asked: int | None = None) -> int:
    """As many workers as ``asked``, else one per available core for a batch worth it (8 items or
    more, at least four items a worker); one where processes cannot fork."""
    if not hasattr(os, "fork"):
        return 1
    if asked:
        return asked
    if items < 8:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, items // 4))


def quiet() -> None:
    """A worker's initializer: Ctrl-C is the parent's to handle, so no worker prints a traceback."""
    import signal  # only in a worker process

    signal.signal(signal.SIGINT, signal.SIG_IGN)
