"""Run the hostile suite: the named cases and generated ones, counting failures per family.

    python -m tests.hostile.fuzz [--seed N] [--examples N] [--jobs N] [--family NAME] [--report FILE]

Exit status 1 when any case fails. ``make fuzz`` runs the full set; the test suite runs a
fixed-seed share (tests/hostile/test_hostile.py).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .harness import Case, Result, restore, run_case, warm_cache


def generated(family: str, count: int, seed: int) -> list[Case]:
    """``count`` cases drawn from the family's Hypothesis strategy (generation only, no shrinking)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as with_seed

    from .strategies import STRATEGIES

    out: list[Case] = []

    @with_seed(seed)
    @settings(max_examples=count, database=None, phases=[Phase.generate], deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(STRATEGIES[family])
    def collect(case: Case) -> None:
        out.append(case)

    collect()
    for i, case in enumerate(out):
        case.name = f"{case.name}#{i}"
    return out


def run_all(cases: list[Case], jobs: int = 2, progress: bool = False) -> list[Result]:
    root = Path(tempfile.mkdtemp(prefix="drafter-hostile-"))
    shared = root / "shared-cache"
    warm_cache(shared)
    done, failed = 0, Counter()

    def one(index_case) -> Result:
        nonlocal done
        index, case = index_case
        base = root / f"c{index}"
        base.mkdir()
        result = None
        try:
            result = run_case(case, base, shared)
            return result
        finally:
            restore(base)
            done += 1
            if result is not None and result.problems:
                failed[case.family] += 1
            if progress and done % 100 == 0:
                so_far = ", ".join(f"{f} {n}" for f, n in sorted(failed.items())) or "none"
                print(f"  … {done}/{len(cases)}, failed so far: {so_far}", file=sys.stderr, flush=True)

    try:
        with ThreadPoolExecutor(jobs) as pool:
            return list(pool.map(one, enumerate(cases)))
    finally:
        restore(root)


def summary(results: list[Result]) -> str:
    families = Counter(r.case.family for r in results)
    failed = Counter(r.case.family for r in results if r.problems)
    lines = [f"{'family':<14}{'cases':>7}{'failed':>8}"]
    for family in families:
        lines.append(f"{family:<14}{families[family]:>7}{failed[family]:>8}")
    lines.append(f"{'total':<14}{len(results):>7}{sum(failed.values()):>8}")
    slow = max(results, key=lambda r: r.cpu)
    wall = max(results, key=lambda r: r.seconds)
    heavy = max(results, key=lambda r: r.peak_bytes)
    lines.append(f"slowest case: {slow.case.family}/{slow.case.name} {slow.cpu:.2f} s CPU ({slow.seconds:.2f} s wall)")
    lines.append(f"longest wall time: {wall.case.family}/{wall.case.name} {wall.seconds:.2f} s")
    lines.append(f"peak memory: {heavy.case.family}/{heavy.case.name} {heavy.peak_bytes / 2**20:.0f} MB")
    return "\n".join(lines)


def details(results: list[Result]) -> str:
    out = []
    for r in results:
        if r.problems:
            out.append(f"[{r.case.family}] {r.case.name}: drafter {' '.join(r.case.argv)[:120]}")
            out.extend(f"    {p}" for p in r.problems)
            tail = r.stderr.strip().splitlines()[-1:] if r.stderr.strip() else []
            out.extend(f"    stderr: {t[:200]}" for t in tail)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--examples", type=int, default=700, help="generated cases per strategy")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--family", action="append", default=[])
    parser.add_argument("--report", default=None, help="write each failing case here")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"hostile suite: seed {seed} (repeat with --seed {seed})", flush=True)
    from .cases import all_cases
    from .strategies import STRATEGIES

    cases = all_cases() + [c for f in STRATEGIES if args.examples for c in generated(f, args.examples, seed)]
    if args.family:
        cases = [c for c in cases if c.family in args.family]
    start = time.monotonic()
    results = run_all(cases, args.jobs, progress=True)
    print(summary(results))
    print(f"wall time: {time.monotonic() - start:.0f} s")
    text = details(results)
    if args.report:
        Path(args.report).write_text(text + "\n", encoding="utf-8")
    elif text:
        print(text)
    return 1 if any(r.problems for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
