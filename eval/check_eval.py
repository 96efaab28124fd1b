"""Score `drafter check` against the labelled set in eval/check/*.yaml.

Runs the command a user runs (`python -m drafter check … --format json`), a few processes in all:
the case texts are written as .txt files and checked many files per call, one call per `--date`.
Each finding (or each of its `places`, when a later version groups a repeated slip) is mapped back
to a span of its case's text and scored against the labels:

- a finding of severity error or warning counts; `info` is ignored;
- a finding is correct when a label of the same family overlaps its span;
- a label is found when a finding of its family overlaps it;
- a batch whose brief filed an error under another family than drafter's (its `brief_families`
  in eval/first-runs.yaml: 的/地/得 under typo, reported by grammar.de) also takes a finding of the
  rule named there for a label of the brief's family;
- on a clean control (no defects) every counted finding is a false alarm;
- a label may cross a line break (a word doubled where a pasted line breaks: 方法与\n方法与): a
  finding on either line that overlaps it finds it.

The family of a rule id is the part before the first dot (`date`, the 成文日期 rule's id before it
became `format.date`, is counted in `format`, so older versions of drafter score alike). Bad cases (a label whose `match` is not in the text, a repeated id, an
unknown field) stop the run with one line naming the file and case, exit 2.

    python eval/check_eval.py [--family F] [--verbose] [--json] [--markdown FILE] [CASE_FILES...]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CASES_DIR = os.path.join(HERE, "check")
FIRST_RUNS = os.path.join(HERE, "first-runs.yaml")
KINDS = ("speech", "report", "notice", "request", "letter", "other")
STYLES = ("web", "clean")
CASE_KEYS = {"id", "kind", "style", "date", "text", "defects"}
DEFECT_KEYS = {"rule", "match", "nth"}
COUNTED = ("error", "warning")
FAMILY_ALIAS = {"date": "format"}  # format.date's id in versions before the restructuring


class CaseError(Exception):
    """A case file that cannot be scored; the message names the file and the case."""


def family(rule: str) -> str:
    head = rule.split(".", 1)[0]
    return FAMILY_ALIAS.get(head, head)


@dataclass
class Label:
    rule: str
    match: str
    start: int
    end: int
    found: bool = False

    @property
    def family(self) -> str:
        return family(self.rule)


@dataclass
class Case:
    id: str
    kind: str
    style: str
    text: str
    file: str  # the case file it came from
    date: str | None = None
    labels: list[Label] = field(default_factory=list)

    @property
    def control(self) -> bool:
        return not self.labels


@dataclass
class Scored:
    """One finding place, mapped back to its case."""
    case: str
    rule: str
    severity: str
    match: str
    start: int
    end: int
    correct: bool = False

    @property
    def family(self) -> str:
        return family(self.rule)


def nth_index(text: str, match: str, nth: int) -> int:
    pos = -1
    for _ in range(nth):
        pos = text.find(match, pos + 1)
        if pos < 0:
            return -1
    return pos


def load_cases(paths: list[str]) -> list[Case]:
    cases, seen = [], {}
    for path in paths:
        name = os.path.relpath(path)
        try:
            with open(path, encoding="utf-8") as fh:
                data = yaml.safe_load(fh)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise CaseError(f"{name}：无法读取（{type(exc).__name__}）") from None
        if not isinstance(data, list):
            raise CaseError(f"{name}：应是用例的列表")
        for i, raw in enumerate(data, 1):
            where = f"{name} 第{i}个用例"
            if not isinstance(raw, dict):
                raise CaseError(f"{where}：应是一个映射")
            extra = set(raw) - CASE_KEYS
            if extra:
                raise CaseError(f"{where}：未知字段 {', '.join(sorted(extra))}")
            cid = raw.get("id")
            if not isinstance(cid, str) or not cid:
                raise CaseError(f"{where}：缺少 id")
            where = f"{name} 用例 {cid}"
            if cid in seen:
                raise CaseError(f"{where}：id 与 {seen[cid]} 中的用例重复")
            seen[cid] = name
            if raw.get("kind") not in KINDS:
                raise CaseError(f"{where}：kind 应是 {'、'.join(KINDS)} 之一")
            if raw.get("style") not in STYLES:
                raise CaseError(f"{where}：style 应是 web 或 clean")
            text = raw.get("text")
            if not isinstance(text, str) or not text.strip():
                raise CaseError(f"{where}：缺少 text")
            date = raw.get("date")
            if date is not None:
                date = str(date)
            defects = raw.get("defects")
            if not isinstance(defects, list):
                raise CaseError(f"{where}：缺少 defects（干净的对照写 []）")
            case = Case(cid, raw["kind"], raw["style"], text, name, date)
            for j, d in enumerate(defects, 1):
                spot = f"{where} 第{j}个标注"
                if not isinstance(d, dict) or set(d) - DEFECT_KEYS or "rule" not in d or "match" not in d:
                    raise CaseError(f"{spot}：应有 rule 和 match（可选 nth），不能有其他字段")
                rule, match, nth = d["rule"], d["match"], d.get("nth", 1)
                if not isinstance(rule, str) or not rule:
                    raise CaseError(f"{spot}：rule 应是规则名")
                if not isinstance(match, str) or not match:
                    raise CaseError(f"{spot}：match 应是非空文字")
                if isinstance(nth, bool) or not isinstance(nth, int) or nth < 1:
                    raise CaseError(f"{spot}：nth 应是正整数")
                start = nth_index(text, match, nth)
                if start < 0:
                    raise CaseError(f"{spot}：文中没有第 {nth} 处“{match}”")
                case.labels.append(Label(rule, match, start, start + len(match)))
            cases.append(case)
    return cases


def line_starts(text: str) -> list[tuple[int, str]]:
    """Each line of the text as the checker reads it (str.splitlines), with its start position."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.splitlines()[0] if line.splitlines() else ""
        out.append((pos, body))
        pos += len(line)
    return out


def to_span(lines: list[tuple[int, str]], paragraph: int, offset: int, length: int) -> tuple[int, int]:
    """A finding's place (1-based line, offset in the stripped line) as a span of the case text."""
    if not 1 <= paragraph <= len(lines):
        raise ValueError(f"paragraph {paragraph} out of range")
    start, body = lines[paragraph - 1]
    lead = len(body) - len(body.lstrip())
    begin = start + lead + offset
    return begin, begin + max(length, 1)


def run_checker(cases: list[Case], command: list[str]) -> dict[str, list[dict]]:
    """Findings per case id, from as few `drafter check` processes as the dates allow."""
    by_date: dict[str | None, list[Case]] = collections.defaultdict(list)
    for case in cases:
        by_date[case.date].append(case)
    results: dict[str, list[dict]] = {c.id: [] for c in cases}
    with tempfile.TemporaryDirectory(prefix="drafter-eval-") as tmp:
        paths = {}
        for case in cases:
            path = os.path.join(tmp, f"{case.id}.txt")
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(case.text)
            paths[path] = case.id
        for date, group in by_date.items():
            args = [*command, "check", "--format", "json"]
            if date:
                args += ["--date", date]
            args += [os.path.join(tmp, f"{c.id}.txt") for c in group]
            proc = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", cwd=tmp)
            if proc.returncode not in (0, 1):
                err = proc.stderr.strip().splitlines()
                raise CaseError(f"drafter check 失败（退出码 {proc.returncode}）：{err[-1] if err else ''}")
            try:
                report = json.loads(proc.stdout)
            except json.JSONDecodeError:
                raise CaseError("drafter check 的 JSON 输出无法解析") from None
            for f in report["findings"]:
                results[paths[os.path.join(tmp, os.path.basename(f["file"]))]].append(f)
    return results


def brief_families() -> dict[str, dict[str, list[str]]]:
    """Case file name -> {a label family of its brief: the rules that report that error}."""
    with open(FIRST_RUNS, encoding="utf-8") as fh:
        runs = yaml.safe_load(fh)["check"]
    return {name: run["brief_families"] for run in runs if "brief_families" in run for name in run["files"]}


def score(cases: list[Case], findings: dict[str, list[dict]]) -> tuple[list[Scored], list[Case]]:
    scored = []
    briefs = brief_families()
    for case in cases:
        lines = line_starts(case.text)
        also = briefs.get(os.path.basename(case.file), {})
        for f in findings.get(case.id, []):
            if f["severity"] not in COUNTED:
                continue
            places = f.get("places") or [f]
            for p in places:
                try:
                    start, end = to_span(lines, p["paragraph"], p["offset"], p["length"])
                except (KeyError, TypeError, ValueError):
                    raise CaseError(f"{case.file} 用例 {case.id}：drafter check 报告的位置 {p!r} 不在文中") from None
                s = Scored(case.id, f["rule"], f["severity"], case.text[start:end], start, end)
                for label in case.labels:
                    if (label.family == s.family or s.rule in also.get(label.family, ())) \
                            and label.start < end and start < label.end:
                        s.correct = True
                        label.found = True
                scored.append(s)
    return scored, cases


def ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def table(scored: list[Scored], cases: list[Case], only: set[str] | None) -> dict:
    labels = [lab for c in cases for lab in c.labels]
    families = sorted({lab.family for lab in labels} | {s.family for s in scored})
    if only:
        families = [f for f in families if f in only]
    rows = []
    for fam in families:
        mine = [s for s in scored if s.family == fam]
        labs = [lab for lab in labels if lab.family == fam]
        correct, found = sum(s.correct for s in mine), sum(lab.found for lab in labs)
        rows.append({"family": fam, "labels": len(labs), "findings": len(mine), "correct": correct,
                     "found": found, "precision": ratio(correct, len(mine)), "recall": ratio(found, len(labs))})
    tot = {k: sum(r[k] for r in rows) for k in ("labels", "findings", "correct", "found")}
    overall = {"family": "overall", **tot, "precision": ratio(tot["correct"], tot["findings"]),
               "recall": ratio(tot["found"], tot["labels"])}
    controls = [c for c in cases if c.control]
    alarms = [s for s in scored if s.case in {c.id for c in controls} and (not only or s.family in only)]
    misses = [{"case": c.id, "rule": lab.rule, "match": lab.match} for c in cases for lab in c.labels
              if not lab.found and (not only or lab.family in only)]
    wrong = [{"case": s.case, "rule": s.rule, "severity": s.severity, "match": s.match} for s in scored
             if not s.correct and (not only or s.family in only)]
    return {"cases": len(cases), "controls": len(controls), "rows": rows, "overall": overall,
            "false_alarms": [{"case": s.case, "rule": s.rule, "severity": s.severity, "match": s.match}
                             for s in alarms],
            "misses": misses, "wrong": wrong}


def fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


def render_text(result: dict, verbose: bool) -> str:
    head = ("family", "labels", "findings", "correct", "found", "precision", "recall")
    rows = [*result["rows"], result["overall"]]
    cells = [[str(r["family"]), str(r["labels"]), str(r["findings"]), str(r["correct"]), str(r["found"]),
              fmt(r["precision"]), fmt(r["recall"])] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(head)]
    line = lambda vals: "  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(vals, widths)))
    out = [f"{result['cases']} cases, {result['controls']} clean controls", line(head)]
    out += [line(c) for c in cells]
    alarms = result["false_alarms"]
    out.append(f"false alarms on clean controls: {len(alarms)}")
    out += [f"  {a['case']}  {a['rule']}  {a['severity']}  “{a['match']}”" for a in alarms]
    if verbose:
        out.append(f"misses: {len(result['misses'])}")
        out += [f"  {m['case']}  {m['rule']}  “{m['match']}”" for m in result["misses"]]
        out.append(f"findings matching no label: {len(result['wrong'])}")
        out += [f"  {w['case']}  {w['rule']}  {w['severity']}  “{w['match']}”" for w in result["wrong"]]
    return "\n".join(out)


def render_markdown(result: dict) -> str:
    out = [f"{result['cases']} cases, {result['controls']} of them clean controls.", "",
           "| family | labels | findings | correct | found | precision | recall |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in [*result["rows"], result["overall"]]:
        name = f"**{r['family']}**" if r["family"] == "overall" else f"`{r['family']}`"
        out.append(f"| {name} | {r['labels']} | {r['findings']} | {r['correct']} | {r['found']} | "
                   f"{fmt(r['precision'])} | {fmt(r['recall'])} |")
    alarms = result["false_alarms"]
    out += ["", f"False alarms on the clean controls: {len(alarms)}", ""]
    out += [f"- `{a['case']}` {a['rule']} ({a['severity']}): “{a['match']}”" for a in alarms]
    return "\n".join(out) + "\n"


def batches(scored: list[Scored], cases: list[Case]) -> list[tuple[dict, dict]]:
    """Each blind batch's committed first run beside its score today, oldest first."""
    with open(FIRST_RUNS, encoding="utf-8") as fh:
        runs = yaml.safe_load(fh)["check"]
    out = []
    for run in runs:
        mine = [c for c in cases if os.path.basename(c.file) in run["files"]]
        if not mine:
            continue
        ids = {c.id for c in mine}
        out.append((run, table([s for s in scored if s.case in ids], mine, None)))
    return out


def _recall(run: dict) -> str:
    """A first run's recall as committed: with the labels found, when the file says, so that a
    figure just under a bar is not printed rounded up to it (90 of 113 is 0.796, not 0.80)."""
    if "found" in run:
        return f"{run['found'] / run['labels']:.3f} ({run['found']} of {run['labels']})"
    return f"{run['recall']:.2f}"


def render_batches(pairs: list[tuple[dict, dict]]) -> str:
    if not pairs:
        return ""
    width = max(len(run["batch"]) for run, _ in pairs)
    run, today = pairs[-1]
    now = today["overall"]
    out = [f"headline: {run['batch']}, first run on {run['commit']} ({run['date']}): "
           f"precision {run['precision']:.2f}, recall {_recall(run)}, "
           f"{run['false_alarms']} false alarms on {run['controls']} clean controls",
           f"          today: precision {fmt(now['precision'])}, recall {fmt(now['recall'])}, "
           f"{len(today['false_alarms'])} false alarms", "",
           f"{'batch':<{width}}  labels   first run: P     R   alarms    today: P     R   alarms"]
    for run, today in pairs:
        now = today["overall"]
        out.append(f"{run['batch']:<{width}}  {now['labels']:>6}   {run['precision']:>13.2f}  {run['recall']:.2f}  "
                   f"{run['false_alarms']:>6}  {fmt(now['precision']):>11}  {fmt(now['recall'])}  "
                   f"{len(today['false_alarms']):>6}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Precision and recall of drafter check on eval/check/*.yaml.")
    ap.add_argument("cases", nargs="*", help="case files (default: eval/check/*.yaml)")
    ap.add_argument("--family", action="append", help="only this family (may repeat, or a,b)")
    ap.add_argument("--verbose", action="store_true", help="list misses and false alarms with case ids")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--markdown", metavar="FILE", help="also write the table as Markdown")
    ap.add_argument("--drafter", default=None,
                    help="the command that runs drafter (default: this Python's `-m drafter`)")
    opts = ap.parse_args(argv)
    paths = opts.cases or sorted(os.path.join(CASES_DIR, n) for n in os.listdir(CASES_DIR)
                                 if n.endswith((".yaml", ".yml")))
    only = {f for arg in opts.family or () for f in arg.split(",") if f} or None
    command = opts.drafter.split() if opts.drafter else [sys.executable, "-m", "drafter"]
    try:
        cases = load_cases(paths)
        findings = run_checker(cases, command)
        scored, cases = score(cases, findings)
    except CaseError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    result = table(scored, cases, only)
    if not opts.cases and not only and not opts.json:
        print(render_batches(batches(scored, cases)), end="\n\n")
    if opts.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(render_text(result, opts.verbose))
    if opts.markdown:
        with open(opts.markdown, "w", encoding="utf-8") as fh:
            fh.write(render_markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
