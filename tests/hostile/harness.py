"""Run one hostile case: the CLI in a subprocess under a time and memory limit, then judge it.

A case is a folder made by its ``setup`` and a command line. What it must never do, whatever
the input: exit with a code other than 0, 1 or 2; print a traceback or "内部错误"; on 2, say
anything but one line of Chinese naming the file; change a byte of a file that was there
before; leave a .docx that python-docx cannot open or whose XML parts do not parse; leave a
temporary file; take more than LIMIT_SECONDS of CPU time or LIMIT_BYTES of memory.
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

LIMIT_SECONDS = 10.0
LIMIT_BYTES = 500 * 1024 * 1024
ROOT = Path(__file__).resolve().parents[2]
# DRAFTER_SRC runs the cases against another copy of drafter (a baseline to compare with).
SRC = Path(os.environ.get("DRAFTER_SRC") or ROOT)
SUMMARY = re.compile(r"^\d+ 个大纲未能生成。$")
USAGE = re.compile(r"^(用法：|运行“.*”查看帮助。|正在生成)")  # click's usage lines around a usage error
CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Case:
    family: str
    name: str
    setup: Callable[[Path], None]
    argv: list[str]
    names: str | None = None  # on exit 2, the error line must contain this (a file name)
    stdout: str = "pipe"  # pipe, full (/dev/full) or closed
    codes: tuple[int, ...] = (0, 1, 2)  # the exit codes this case may end with
    cache: str = "shared"  # shared (warm), fresh, damaged or unwritable
    check_output: Callable[[Path, str, str], list[str]] | None = None  # extra judgement


@dataclass
class Result:
    case: Case
    code: int | None
    seconds: float
    peak_bytes: int
    stdout: str = ""
    stderr: str = ""
    problems: list[str] = field(default_factory=list)
    cpu: float = 0.0  # user + system seconds of the drafter process


def _snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under ``folder``: a file's hash, a link's target, a folder, or another kind."""
    out: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, folder)
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                out[rel] = ("link", os.readlink(path))
            elif stat.S_ISREG(st.st_mode):
                with open(path, "rb") as fh:
                    out[rel] = ("file", hashlib.sha256(fh.read()).hexdigest(), stat.S_IMODE(st.st_mode))
            elif stat.S_ISDIR(st.st_mode):
                out[rel] = ("dir",)
            else:
                out[rel] = ("other", stat.S_IFMT(st.st_mode))
    return out


def _parts_of(paths: list[Path]) -> set[tuple[str, str]]:
    """(name, sha256) of every part of the .docx files among ``paths`` that can be read."""
    out = set()
    for path in paths:
        try:
            with zipfile.ZipFile(path) as zf:
                out.update((i.filename, hashlib.sha256(zf.read(i)).hexdigest()) for i in zf.infolist())
        except Exception:  # noqa: BLE001 - a damaged input has no parts to compare with
            pass
    return out


def verify_docx(path: Path, inputs: list[Path] = ()) -> str | None:
    """None if python-docx opens ``path`` and every XML part of it parses, else the reason.

    A part that is byte for byte the same-named part of one of ``inputs`` (the .docx a --fix or
    --annotate was made from) is the writer's, copied as it was: it is not required to parse."""
    from lxml import etree

    copied = _parts_of(list(inputs))
    try:
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                if info.filename.endswith((".xml", ".rels")):
                    data = zf.read(info)
                    if (info.filename, hashlib.sha256(data).hexdigest()) in copied:
                        continue
                    etree.fromstring(data, etree.XMLParser(resolve_entities=False))
        import docx

        docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - any failure is the finding
        return f"{type(exc).__name__}: {exc}"[:200]
    return None


# drafter's own peak memory: VmHWM of the process image after exec. (wait4's ru_maxrss would also
# count the pages the child shared with this process between fork and exec.)
LAUNCH = """\
import os, sys
from drafter.cli import run
code = 70
try:
    code = run(sys.argv[1:])
finally:
    try:
        with open("/proc/self/status") as fh:
            peak = next(line for line in fh if line.startswith("VmHWM")).split()[1]
        with open(os.environ["HOSTILE_PEAK"], "w") as fh:
            fh.write(peak)
    except Exception:
        pass
sys.exit(code)
"""


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.setsid()


def _limits_closed_stdout() -> None:
    _limits()
    os.close(1)


def run_case(case: Case, base: Path, shared_cache: Path) -> Result:
    """Set the case up in ``base`` (an empty folder), run it, and judge the result."""
    work = base / "work"
    work.mkdir()
    case.setup(work)
    cache = base / "cache"
    if case.cache == "shared":
        cache = shared_cache
    elif case.cache in ("damaged", "unwritable"):
        shutil.copytree(shared_cache, cache)
        for path in cache.rglob("*"):
            if path.is_file():
                if case.cache == "damaged":
                    data = path.read_bytes()
                    path.write_bytes(data[: len(data) // 2] + b"\x00garbage")
                else:
                    path.write_bytes(b"")
        if case.cache == "unwritable":
            for path in [*cache.rglob("*"), cache]:
                path.chmod(0o555 if path.is_dir() else 0o444)
    before = _snapshot(work)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DRAFTER_", "PYTEST", "HYPOTHESIS"))}
    env.update(XDG_CACHE_HOME=str(cache), HOME=str(base), PYTHONPATH=str(SRC), LANG="C.UTF-8",
               PYTHONDONTWRITEBYTECODE="1", COLUMNS="80")
    out_path, err_path = base / "stdout", base / "stderr"
    err_fh = open(err_path, "wb")
    if case.stdout == "full":
        out_fh = open("/dev/full", "wb")
    else:
        out_fh = open(out_path, "wb")
    argv = [sys.executable, "-c", LAUNCH, *(a.replace("__WORK__", str(work)) for a in case.argv)]
    env["HOSTILE_PEAK"] = str(base / "peak")
    start = time.monotonic()
    proc = subprocess.Popen(argv, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=out_fh, stderr=err_fh,
                            preexec_fn=_limits_closed_stdout if case.stdout == "closed" else _limits)
    out_fh.close()
    err_fh.close()
    code, peak, cpu, timed_out = None, 0, 0.0, False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            code = os.waitstatus_to_exitcode(status)
            cpu = usage.ru_utime + usage.ru_stime
            proc.returncode = code
            break
        if time.monotonic() - start > LIMIT_SECONDS * 12:  # wall clock, generous: the machine is shared
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
        time.sleep(0.01)
    seconds = time.monotonic() - start
    stdout = out_path.read_text("utf-8", "replace") if out_path.exists() else ""
    stderr = err_path.read_text("utf-8", "replace")
    try:  # kilobytes, written by LAUNCH at exit; a crashed process leaves none (RLIMIT_AS still held it)
        peak = int((base / "peak").read_text()) * 1024
    except (OSError, ValueError):
        peak = 0
    result = Result(case, code, seconds, peak, stdout, stderr, cpu=cpu)
    problems = result.problems
    if timed_out:
        problems.append(f"killed after {seconds:.1f} s")
    elif cpu > LIMIT_SECONDS:  # CPU time: the machine is shared, so wall time measures the neighbours too
        problems.append(f"took {cpu:.1f} s of CPU (limit {LIMIT_SECONDS:.0f} s)")
    if code is not None and code < 0:
        problems.append(f"killed by signal {-code} (crash)")
    elif code not in case.codes:
        problems.append(f"exit code {code}, expected one of {case.codes}")
    text = stdout + stderr
    if "Traceback" in text:
        problems.append("traceback printed")
    if "内部错误" in stderr:
        problems.append("internal error: " + stderr.strip().splitlines()[-1][:160])
    if "MemoryError" in text:
        problems.append("MemoryError")
    if code == 2:
        lines = [l for l in stderr.splitlines() if l.strip() and not SUMMARY.match(l) and not USAGE.match(l)]
        if not lines:
            problems.append("exit 2 without a message")
        else:
            first = lines[0]
            if not first.startswith("错误：") or not CJK.search(first[3:]):
                problems.append(f"exit 2 message is not one Chinese error line: {first[:120]!r}")
            if case.names and case.names not in first:
                problems.append(f"exit 2 message does not name {case.names}: {first[:120]!r}")
            if len(lines) > 3:
                problems.append(f"exit 2 with {len(lines)} lines on stderr")
    after = _snapshot(work) if work.exists() else {}
    for rel, was in before.items():
        now = after.get(rel)
        if now != was:
            problems.append(f"pre-existing {rel} changed ({was[0]} -> {now[0] if now else 'gone'})")
    for rel, now in after.items():
        if rel in before:
            continue
        if os.path.basename(rel).startswith(".drafter-"):
            problems.append(f"temporary file left: {rel}")
        if rel.endswith(".docx") and now[0] == "file":
            why = verify_docx(work / rel, [work / r for r, was in before.items() if r.endswith(".docx") and was[0] == "file"])
            if why:
                problems.append(f"new {rel} is corrupt: {why}")
    if case.check_output:
        problems.extend(case.check_output(work, stdout, stderr))
    result.stdout, result.stderr = stdout[-4000:], stderr[-4000:]  # a long run keeps thousands of these
    if peak > LIMIT_BYTES:
        problems.append(f"peak memory {peak // 2**20} MB")
    return result


def restore(base: Path) -> None:
    """Make everything under ``base`` removable again (cases make read-only folders)."""
    for dirpath, dirnames, filenames in os.walk(base):
        for name in dirnames:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                try:
                    os.chmod(path, 0o755)
                except OSError:
                    pass
    try:
        os.chmod(base, 0o755)
    except OSError:
        pass
    shutil.rmtree(base, ignore_errors=True)


def warm_cache(folder: Path) -> None:
    """A cache made by a real render and check, for the cases that share or damage one."""
    if (folder / "drafter").exists():
        return
    work = folder.parent / "warm"
    work.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "outlines" / "notice.yaml", work / "n.yaml")
    env = dict(os.environ, XDG_CACHE_HOME=str(folder), PYTHONPATH=str(SRC))
    for argv in (["render", "n.yaml"], ["check", "n.docx"]):
        subprocess.run([sys.executable, "-c", "import sys; from drafter.cli import run; sys.exit(run(sys.argv[1:]))",
                        *argv], cwd=work, env=env, capture_output=True, timeout=120)
