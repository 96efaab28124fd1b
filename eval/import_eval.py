"""Structure accuracy of `drafter import` on the labelled drafts in eval/import/.

Each draft ``NN-name.txt`` has ``NN-name.expected.yaml`` with the outline it should produce:

    title: 在……上的讲话            # exact; （标题待填） when the draft has none
    salutation: 同志们：            # exact; "" when there is none
    opening: {count: 2, starts: [今天召开, 下面，我]}   # paragraphs, and how each begins
    points:
      - {title: 加强学习，提高能力, subpoints: 3}       # exact title, number of sub-points
    closing: [同志们，让]           # how each closing paragraph begins ([] when none)
    signoff: 谢谢大家！             # exact; null when there is none

The scorer runs the CLI on each draft (``python -m drafter import X -o tmp.yaml --force``),
loads the outline it wrote and compares field by field. The fields are: title, salutation,
the number of opening paragraphs, the start of each expected opening paragraph, the number of
points, each expected point's title and its number of sub-points, the closing (as a whole)
and the sign-off. Structure accuracy = fields exactly right / all fields, per draft and overall.

    python eval/import_eval.py              # one line per draft and the total
    python eval/import_eval.py --verbose    # also every wrong field, expected and got
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def run_import(source: Path, out: Path) -> tuple[dict | None, str]:
    proc = subprocess.run([sys.executable, "-m", "drafter", "import", str(source), "-o", str(out), "--force"],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode != 0:
        return None, (proc.stderr or proc.stdout).strip()
    return yaml.safe_load(out.read_text(encoding="utf-8")), ""


def compare(expected: dict, got: dict | None) -> list[tuple[str, object, object, bool]]:
    """(field, expected, got, right) for every field of ``expected``."""
    got = got or {}
    rows = []

    def add(name, want, have):
        rows.append((name, want, have, want == have))

    add("title", expected["title"], got.get("title"))
    add("salutation", expected.get("salutation", ""), got.get("salutation", ""))
    opening = [str(p) for p in got.get("opening") or []]
    add("opening.count", expected["opening"]["count"], len(opening))
    for i, start in enumerate(expected["opening"]["starts"]):
        have = opening[i][:len(start)] if i < len(opening) else None
        add(f"opening[{i}].start", start, have)
    points = got.get("points") or []
    add("points.count", len(expected["points"]), len(points))
    for i, point in enumerate(expected["points"]):
        have = points[i] if i < len(points) else {}
        add(f"points[{i}].title", point["title"], have.get("title"))
        add(f"points[{i}].subpoints", point["subpoints"], len(have.get("subpoints") or []))
    closing = [str(p) for p in got.get("closing") or []]
    want = expected.get("closing") or []
    have = [c[:len(w)] for c, w in zip(closing, want)] + closing[len(want):]
    add("closing", want, have if closing else [])
    add("signoff", expected.get("signoff"), got.get("signoff"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="show every wrong field")
    parser.add_argument("folder", nargs="?", default=str(HERE / "import"))
    args = parser.parse_args(argv)
    drafts = sorted(p for p in Path(args.folder).glob("*.txt"))
    if not drafts:
        print(f"{args.folder}: no drafts", file=sys.stderr)
        return 2
    right_all = total_all = 0
    per_draft: dict[int, tuple[int, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for draft in drafts:
            expected = yaml.safe_load(draft.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
            got, error = run_import(draft, Path(tmp) / "out.yaml")
            rows = compare(expected, got)
            right = sum(r[3] for r in rows)
            right_all += right
            total_all += len(rows)
            if draft.name[:2].isdigit():
                per_draft[int(draft.name[:2])] = (right, len(rows))
            print(f"{draft.name:<32} {right:>3}/{len(rows):<3} {right / len(rows):.2f}"
                  + (f"  import failed: {error}" if error else ""))
            if args.verbose:
                for name, want, have, ok in rows:
                    if not ok:
                        print(f"    {name}: expected {want!r}, got {have!r}")
    print(f"structure accuracy: {right_all}/{total_all} = {right_all / total_all:.3f} on {len(drafts)} drafts")
    if Path(args.folder) == HERE / "import":
        print(render_batches(per_draft))
    return 0


def render_batches(per_draft: dict[int, tuple[int, int]]) -> str:
    """Each blind batch's committed first run beside its accuracy today; the newest first run heads."""
    runs = yaml.safe_load((HERE / "first-runs.yaml").read_text(encoding="utf-8"))["import"]
    rows = []
    for run in runs:
        low, high = (int(n) for n in run["files"].split("-"))
        mine = [per_draft[n] for n in range(low, high + 1) if n in per_draft]
        right, total = sum(r for r, _ in mine), sum(t for _, t in mine)
        rows.append(f"{run['batch']:<28} first run {run['right']:>4}/{run['fields']:<4} {run['right'] / run['fields']:.2f}"
                    f"   today {right:>4}/{total:<4} {right / total if total else 0:.2f}")
    newest = runs[-1]
    head = (f"headline: {newest['batch']}, first run on {newest['commit']} ({newest['date']}): "
            f"{newest['right']}/{newest['fields']} = {newest['right'] / newest['fields']:.2f}")
    return "\n".join([head, *rows])


if __name__ == "__main__":
    sys.exit(main())
