"""Benchmark of `drafter compare`'s pairing, on regulations generated here deterministically
from the clauses of examples/compare/ (so the articles share the vocabulary of real ones).

    python benchmarks/bench_compare.py

  amendment  200 articles, 5 % deleted, 3 % added, 20 % with a phrase rewritten, the rest
             renumbered: the usual 修正.
  revision   200 articles, every one with a phrase rewritten and a few moved: a 修订, the
             worst case (no article is anchored by identical text).
Each figure is the median of 3 runs of ``align.rows`` (parsing and writing not included).
"""

from __future__ import annotations

import random
import re
import statistics
import time
from pathlib import Path

from drafter.compare import align
from drafter.importer.articles import Division

ROOT = Path(__file__).resolve().parent.parent
CLAUSES = sorted({c for f in ("修改前.txt", "修改后.txt")
                  for c in re.split(r"[，。；：]", (ROOT / "examples" / "compare" / f).read_text(encoding="utf-8"))
                  if 4 <= len(c) <= 40 and "第" not in c})


def article(rng: random.Random) -> str:
    return "，".join(rng.choice(CLAUSES) for _ in range(rng.randint(3, 12))) + "。"


def versions(rewrite: float, drop: float, add: float, seed: int = 22):
    rng = random.Random(seed)
    old = [Division("条", i + 1, [article(rng)], i) for i in range(200)]
    new: list[Division] = []
    for d in old:
        if rng.random() < drop:
            continue
        text = d.text
        if rng.random() < rewrite:
            cut = rng.randint(0, max(0, len(text) - 12))
            text = text[:cut] + rng.choice(CLAUSES) + text[cut + 6:]
        new.append(Division("条", len(new) + 1, [text], d.line))
        if rng.random() < add:
            new.append(Division("条", len(new) + 1, [article(rng)], d.line))
    return old, new


def measure(old, new) -> float:
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        align.rows(old, new)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


if __name__ == "__main__":
    for name, args in (("amendment", (0.2, 0.05, 0.03)), ("revision", (1.0, 0.02, 0.02))):
        old, new = versions(*args)
        print(f"{name:10} {len(old)} -> {len(new)} articles: {measure(old, new):.2f} s")
