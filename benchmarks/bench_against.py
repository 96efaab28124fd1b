"""Benchmark of `drafter check NEW --against OLD` on generated pairs (never part of `make test`).

    python benchmarks/bench_against.py

An old document of about 0.5 MB and one of about 1 MB, in the style of benchmarks/bench.py's
drafts (the sentences of the shipped outlines and generated ones, many with a year, 今年 and
figures), and their "next year's copy": a third of the sentences edited (figures and years
changed), the rest kept. Measured as whole processes (`python -m drafter check … --against …
--format json`), the median of RUNS runs after one warm-up, with the peak memory. Linearity is
the 1 MB time over the 0.5 MB time. Results go to benchmarks/results-against.md.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ACTIONS, SUBJECTS, WORKS, _once, machine, sentences  # noqa: E402

RUNS = 3
SEED = 20261204


def make_pair(folder: Path, chars: int) -> tuple[Path, Path]:
    rng = random.Random(SEED + chars)
    pool = sentences()
    old, new = ["在全县人大工作会议上的讲话", "（2025年2月18日）"], ["在全县人大工作会议上的讲话", "（2026年2月16日）"]
    size = 0
    while size < chars:
        para_old, para_new = [], []
        for _ in range(rng.randint(3, 6)):
            if rng.random() < 0.5:
                s = rng.choice(pool)
                o = n = s
            else:
                n_items = rng.randint(5, 40)
                body = (f"{rng.choice(SUBJECTS)}{rng.choice(ACTIONS)}，{rng.choice(WORKS)}{n_items}次，"
                        f"{rng.choice(WORKS)}{rng.randint(2, 90)}项")
                lead = rng.choice(["今年，", "2025年，", "去年，", "2024年，", ""])
                o = f"{lead}{body}。"
                n = o if rng.random() < 0.66 else o.replace(f"{n_items}次", f"{n_items + 1}次").replace("2025年", "2026年")
            para_old.append(o)
            para_new.append(n)
        old.append("".join(para_old))
        new.append("".join(para_new))
        size += len(old[-1])
    a, b = folder / f"old-{chars}.txt", folder / f"new-{chars}.txt"
    a.write_text("\n".join(old) + "\n", encoding="utf-8")
    b.write_text("\n".join(new) + "\n", encoding="utf-8")
    return b, a


def measure(cmd: list[str]) -> tuple[float, float]:
    _once(cmd)
    runs = [_once(cmd) for _ in range(RUNS)]
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory(prefix="drafter-bench-against-") as tmp:
        for chars in (500_000, 1_000_000):
            new, old = make_pair(Path(tmp), chars)
            seconds, mb = measure([sys.executable, "-m", "drafter", "check", str(new), "--against", str(old), "--format", "json"])
            alone, _ = measure([sys.executable, "-m", "drafter", "check", str(new), "--format", "json", "--no-cache"])
            rows.append((chars, seconds, alone, mb))
            print(f"{chars / 1e6:.1f} M characters: {seconds:.2f} s with --against ({alone:.2f} s without), {mb:.0f} MB")
    ratio = rows[1][1] / rows[0][1]
    lines = ["# check --against: benchmark", "", "`python benchmarks/bench_against.py`, on this machine:", "", machine(), "",
             "| draft (each side) | check --against | check alone | peak memory |", "| --- | --- | --- | --- |"]
    lines += [f"| {c / 1e6:.1f} M characters | {s:.2f} s | {a:.2f} s | {m:.0f} MB |" for c, s, a, m in rows]
    lines += ["", f"Linearity: 1 M over 0.5 M = {ratio:.2f}× (2× is linear). A speech or report of 10,000—50,000",
              "characters is compared in a small fraction of these times.", ""]
    (Path(__file__).resolve().parent / "results-against.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"linearity {ratio:.2f}×")


if __name__ == "__main__":
    main()
