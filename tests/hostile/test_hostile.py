"""The hostile suite's share in the test run: every named case and a fixed-seed sample of the
generated ones (``make fuzz`` runs the full set with a fresh seed)."""

from __future__ import annotations

import os

import pytest

from .cases import all_cases
from .fuzz import details, generated, run_all, summary
from .strategies import STRATEGIES

SEED = int(os.environ.get("HOSTILE_SEED", "20261123"))
PER_STRATEGY = int(os.environ.get("HOSTILE_EXAMPLES", "30"))
TABLE = all_cases()
FAMILIES = sorted({c.family for c in TABLE})


@pytest.mark.parametrize("family", FAMILIES)
def test_named_cases(family):
    results = run_all([c for c in TABLE if c.family == family])
    print(summary(results))
    assert not any(r.problems for r in results), details(results)


@pytest.mark.parametrize("family", sorted(STRATEGIES))
def test_generated_cases(family):
    print(f"seed {SEED}")
    results = run_all(generated(family, PER_STRATEGY, SEED))
    print(summary(results))
    assert not any(r.problems for r in results), f"seed {SEED}\n" + details(results)


def test_the_harness_catches_what_it_should(tmp_path):
    """The judge itself: a wrong exit code, a changed file and a corrupt .docx are reported."""
    from pathlib import Path

    from .harness import Case, run_case, verify_docx, warm_cache

    shared = tmp_path / "shared"
    warm_cache(shared)

    def setup(work: Path) -> None:
        (work / "keep.txt").write_text("原文\n")
        (work / "s.yaml").write_text("kind: speech\n")

    def run(case: Case, name: str):
        base = tmp_path / name
        base.mkdir()
        return run_case(case, base, shared).problems

    assert run(Case("self", "wrong-code", setup, ["render", "s.yaml"], codes=(0,)), "a") == [
        "exit code 2, expected one of (0,)"]
    # --force overwrites a file on purpose: the judge still sees a pre-existing file change.
    assert run(Case("self", "overwrite", setup, ["new", "speech", "-o", "keep.txt", "--force"]), "b") == [
        "pre-existing keep.txt changed (file -> file)"]
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    assert verify_docx(bad)
