"""Plan the files a command writes, then write them: outputs never touch inputs.

A command first names every file it will write (``Plan.add``); each is refused, before
anything at all is written, when it resolves (links followed, hard links too) to an input of
the run, when two outputs of one batch resolve to the same file, or when it already exists
and ``--force`` was not given (``render`` replaces its own unchanged output without it). Only then does the command write (``write``), each file
atomically, a .docx only after every XML part of it has been verified.
"""

from __future__ import annotations

import itertools
import os
import stat
from typing import Callable, Iterable

from ..errors import DrafterError
from .fs import atomic_write

MAX_INPUT_FILES = 5000  # files of the template and glossary folders taken as inputs


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


class Plan:
    def __init__(self, inputs: Iterable[str] = (), folders: Iterable[str] = (), force: bool = False,
                 replace: Callable[[str], None] | None = None) -> None:
        """``inputs``: files the run reads; ``folders``: folders whose files it may read (templates, glossary);
        ``replace``: decides for an existing file without --force, raising DrafterError with its reason
        when it may not be replaced (``guard.check_overwrite``: drafter's own unchanged output may)."""
        self.force = force
        self.replace = replace
        self.reals: set[str] = set()
        self.ids: set[tuple[int, int]] = set()
        self.targets: dict[str, tuple[str, str | None]] = {}  # real path -> (name given, written from)
        for path in inputs:
            self._input(path)
        for folder in folders:
            seen = 0
            for dirpath, dirs, names in os.walk(folder):
                seen += len(dirs) + len(names)
                if seen > MAX_INPUT_FILES:
                    # A folder this large (a link to / or to a home folder) holds files the
                    # plan cannot all know, so an output might land on one: refused outright.
                    raise DrafterError(f"目录中的文件和子目录超过 {MAX_INPUT_FILES} 个，不像模板或词库目录"
                                       "（是否指向了根目录或其他大目录？），已拒绝", file=folder)
                for name in names:
                    self._input(os.path.join(dirpath, name))

    def _input(self, path: str) -> None:
        try:
            self.reals.add(os.path.realpath(path))
        except OSError:  # a link that may not be read (/proc/1/cwd): known by its own path
            self.reals.add(os.path.abspath(path))
        ident = _identity(path)
        if ident:
            self.ids.add(ident)

    def add(self, path: str, source: str | None = None) -> str:
        """Check that ``path`` may be written (from ``source``, when it is made from one file);
        return it. Raises DrafterError otherwise."""
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            return path  # a device or pipe such as /dev/stdout: written to as it is, nothing to clobber
        real = os.path.realpath(path)
        if real in self.reals or (_identity(path) or ()) in self.ids:
            raise DrafterError("输出文件就是输入文件（或指向它的链接），原稿不会被修改；请换一个输出文件名", file=path)
        if real in self.targets:
            other, first = self.targets[real]
            if source and first:
                raise DrafterError(f"{first} 与 {source} 都要写到这个文件，已拒绝（未写出任何文件）；"
                                   "请给其中一个改名或分别指定输出", file=path)
            raise DrafterError(f"与 {other} 写到同一个文件，已拒绝（未写出任何文件）", file=path)
        if mode is not None and stat.S_ISDIR(mode):
            raise DrafterError("输出路径是一个目录", file=path)
        if not os.path.isdir(os.path.dirname(real) or "."):
            raise DrafterError("输出目录不存在", file=path)
        if (mode is not None or os.path.islink(path)) and not self.force:
            if self.replace is None or mode is None:
                raise DrafterError("文件已存在，未覆盖；如需覆盖请加 --force", file=path)
            self.replace(path)
        self.targets[real] = (path, source)
        return path


def plan_all(plan: Plan, paths: Iterable[str], sources: Iterable[str | None] = ()) -> tuple[list[str], list[DrafterError]]:
    """Check every path of a batch (each written from the file at the same place in ``sources``);
    return the targets and the refusals (write nothing if any)."""
    targets, refusals = [], []
    for path, source in itertools.zip_longest(paths, sources):
        try:
            targets.append(plan.add(path, source))
        except DrafterError as exc:
            refusals.append(exc)
    return targets, refusals


def write(path: str, data: bytes, source: bytes | None = None) -> None:
    """Write ``data`` to ``path`` atomically; a .docx is verified first (a failure leaves no file),
    all but the parts copied unchanged from ``source``, the .docx it was made from."""
    if data[:4] == b"PK\x03\x04":
        from .docxverify import verify  # lxml loads only when a .docx is written

        verify(data, source)
    atomic_write(path, data)
