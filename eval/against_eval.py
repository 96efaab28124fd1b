"""Score `drafter check NEW --against OLD` on the labelled pairs in eval/against/.

Each eval/against/*.yaml names a new draft and its old document (files beside it) and labels
what must be found and what must not. Runs the command a user runs (`python -m drafter check
NEW --against OLD --format json`) for each pair and scores the findings of the against.* rules:

- a label (rule, paragraph, match) is found when a finding of that rule overlaps its text in that
  paragraph (against.copied: when one of the copied finding's places is that paragraph);
- a finding (or a place of the copied finding) that no label of its rule covers is a false alarm;
- a finding (other than against.copied, which marks whole paragraphs) inside a `clean` span (a
  sentence the writer updated, a year of history) is counted again among the clean spans hit.

    python eval/against_eval.py [LABEL_FILES...]
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = sorted(glob.glob(os.path.join(HERE, "against", "*.yaml")))


def load(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        case = yaml.safe_load(fh)
    folder = os.path.dirname(path)
    with open(os.path.join(folder, case["new"]), encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for item in case["defects"] + case["clean"]:
        line = lines[item["paragraph"] - 1]
        if "match" in item:
            start = line.find(item["match"])
            if start < 0:
                sys.exit(f"{path}: 第{item['paragraph']}段没有“{item['match']}”")
            item["span"] = (start, start + len(item["match"]))
        else:
            item["span"] = (0, len(line))
    return case


def run(case: dict, folder: str) -> list[dict]:
    cmd = [sys.executable, "-m", "drafter", "check", case["new"], "--against", case["old"], "--format", "json"]
    out = subprocess.run(cmd, cwd=folder, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"drafter check 失败（退出码 {out.returncode}）：{out.stderr.strip()}")
    return [f for f in json.loads(out.stdout)["findings"] if f["rule"].startswith("against.")]


def overlaps(place: dict, item: dict) -> bool:
    a, b = item["span"]
    return place["paragraph"] == item["paragraph"] and place["offset"] < b and a < place["offset"] + max(1, place["length"])


def score(case: dict, findings: list[dict]) -> dict:
    places = [(f["rule"], p) for f in findings for p in f["places"]]
    for label in case["defects"]:
        label["found"] = any(rule == label["rule"] and overlaps(p, label) for rule, p in places)
    false = [(rule, p) for rule, p in places
             if not any(rule == label["rule"] and overlaps(p, label) for label in case["defects"])]
    clean_hit = [item for item in case["clean"]  # a copied paragraph may hold a year of history
                 if any(rule != "against.copied" and overlaps(p, item) for rule, p in places)]
    by_rule: dict[str, list[int]] = {}
    for label in case["defects"]:
        row = by_rule.setdefault(label["rule"], [0, 0])
        row[0] += label["found"]
        row[1] += 1
    return {"labels": len(case["defects"]), "found": sum(l["found"] for l in case["defects"]),
            "false": false, "clean": len(case["clean"]), "clean_hit": clean_hit, "by_rule": by_rule}


def report(result: dict, case: dict) -> str:
    lines = [f"对照旧稿（{case['new']} 对照 {case['old']}）：查出 {result['found']}/{result['labels']} 处，"
             f"误报 {len(result['false'])} 处，已更新的 {result['clean']} 处中误报 {len(result['clean_hit'])} 处"]
    for rule, (found, total) in sorted(result["by_rule"].items()):
        lines.append(f"  {rule}: {found}/{total}")
    for label in case["defects"]:
        if not label["found"]:
            lines.append(f"  漏报：第{label['paragraph']}段 {label['rule']} “{label.get('match', '')}”")
    for rule, p in result["false"]:
        lines.append(f"  误报：第{p['paragraph']}段 第{p['offset'] + 1}字 {rule}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", default=CASES, help="label files (default: eval/against/*.yaml)")
    args = parser.parse_args()
    totals = [0, 0, 0, 0, 0]  # found, labels, false alarms, clean spans hit, clean spans
    for path in args.cases:
        case = load(path)
        result = score(case, run(case, os.path.dirname(path)))
        print(report(result, case))
        for i, n in enumerate((result["found"], result["labels"], len(result["false"]), len(result["clean_hit"]),
                               result["clean"])):
            totals[i] += n
    print(f"合计：查出 {totals[0]}/{totals[1]} 处，误报 {totals[2]} 处，已更新的 {totals[4]} 处中误报 {totals[3]} 处")
    return 0


if __name__ == "__main__":
    sys.exit(main())
