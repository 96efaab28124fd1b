"""The labelled evaluation of drafter check: the case files, and the scorer's arithmetic."""

import collections
import glob
import importlib.util
import json
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = importlib.util.spec_from_file_location("check_eval", os.path.join(ROOT, "eval", "check_eval.py"))
check_eval = importlib.util.module_from_spec(SPEC)
sys.modules.setdefault("check_eval", check_eval)  # dataclasses look their module up
SPEC.loader.exec_module(check_eval)
CASE_FILES = sorted(glob.glob(os.path.join(ROOT, "eval", "check", "*.yaml")))
FAMILIES = ("glossary", "typo", "placeholder", "numbering", "punctuation", "usage", "numbers", "format",
            "noise", "repeat", "grammar")


def write(tmp_path, text: str, name: str = "cases.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_every_case_file_parses_and_every_label_occurs():
    cases = check_eval.load_cases(CASE_FILES)  # raises on a label whose match is not in its text
    for case in cases:
        for label in case.labels:
            assert case.text[label.start:label.end] == label.match
    labels = collections.Counter(lab.family for c in cases for lab in c.labels)
    assert sum(labels.values()) >= 260
    assert sum(c.control for c in cases) >= 80
    for fam in FAMILIES:
        assert labels[fam] >= 12, fam
    kinds = {c.kind for c in cases}
    assert {"speech", "report", "notice", "request", "letter"} <= kinds
    assert {"web", "clean"} <= {c.style for c in cases}


TINY = """\
- id: t-1
  kind: speech
  style: clean
  text: |
    标题
      监督“一府两院”工作，再接再励。
    第三行有一府两院。
  defects:
    - rule: glossary.deprecated
      match: 一府两院
    - rule: glossary.deprecated
      match: 一府两院
      nth: 2
    - rule: typo
      match: 再接再励
- id: t-2
  kind: notice
  style: clean
  text: |
    依法监督“一府一委两院”工作。
  defects: []
"""


def finding(case, paragraph, offset, length, rule, severity="error", **extra):
    return {"file": f"{case}.txt", "paragraph": paragraph, "offset": offset, "length": length,
            "rule": rule, "severity": severity, **extra}


def test_scoring_counts_spans_families_places_and_controls(tmp_path):
    cases = check_eval.load_cases([write(tmp_path, TINY)])
    findings = {
        "t-1": [
            finding("t-1", 2, 3, 4, "glossary.deprecated"),  # line 2 is indented: offset in the stripped line
            finding("t-1", 2, 0, 2, "glossary.variant"),  # same family, no label there: wrong
            finding("t-1", 2, 10, 4, "typo", severity="info"),  # info: ignored
            finding("t-1", 3, 0, 1, "punctuation", places=[  # grouped: each place is scored
                {"paragraph": 3, "offset": 0, "length": 1}, {"paragraph": 3, "offset": 1, "length": 1}]),
        ],
        "t-2": [finding("t-2", 1, 0, 2, "date", severity="warning")],  # date belongs to format
    }
    scored, cases = check_eval.score(cases, findings)
    result = check_eval.table(scored, cases, None)
    rows = {r["family"]: r for r in result["rows"]}
    assert rows["glossary"] == {"family": "glossary", "labels": 2, "findings": 2, "correct": 1, "found": 1,
                                "precision": 0.5, "recall": 0.5}
    assert rows["typo"]["findings"] == 0 and rows["typo"]["recall"] == 0
    assert rows["punctuation"]["findings"] == 2 and rows["punctuation"]["correct"] == 0
    assert rows["format"]["findings"] == 1
    assert result["overall"]["labels"] == 3 and result["overall"]["found"] == 1
    assert result["overall"]["findings"] == 5 and result["overall"]["correct"] == 1
    assert [a["case"] for a in result["false_alarms"]] == ["t-2"]
    assert {m["match"] for m in result["misses"]} == {"一府两院", "再接再励"}
    only = check_eval.table(scored, cases, {"typo"})
    assert [r["family"] for r in only["rows"]] == ["typo"] and only["false_alarms"] == []


def test_a_finding_beside_its_label_is_not_correct(tmp_path):
    cases = check_eval.load_cases([write(tmp_path, TINY)])
    scored, cases = check_eval.score(cases, {"t-1": [finding("t-1", 2, 8, 3, "glossary.deprecated")]})
    assert [s.match for s in scored] == ["工作，"]
    assert not scored[0].correct


def test_end_to_end_through_the_cli(tmp_path, capsys):
    path = write(tmp_path, TINY)
    md = tmp_path / "table.md"
    assert check_eval.main(["--json", "--markdown", str(md), path]) == 0
    result = json.loads(capsys.readouterr().out)
    rows = {r["family"]: r for r in result["rows"]}
    assert rows["glossary"]["labels"] == 2 and rows["glossary"]["found"] == 2
    assert rows["glossary"]["correct"] == rows["glossary"]["findings"] >= 2
    assert result["false_alarms"] == []
    assert "| `glossary` | 2 |" in md.read_text(encoding="utf-8")


@pytest.mark.parametrize("text, message", [
    (TINY.replace("match: 再接再励", "match: 再接再厉"), "文中没有第 1 处“再接再厉”"),
    (TINY.replace("      nth: 2", "      nth: 3"), "文中没有第 3 处“一府两院”"),
    (TINY.replace("id: t-2", "id: t-1"), "id 与"),
    (TINY.replace("  defects: []", ""), "缺少 defects"),
    (TINY.replace("kind: notice", "kind: 通知"), "kind 应是"),
    (TINY.replace("    - rule: typo\n", "    - rule: typo\n      where: x\n"), "不能有其他字段"),
])
def test_bad_cases_are_refused_with_one_line(tmp_path, capsys, text, message):
    assert check_eval.main([write(tmp_path, text)]) == 2
    err = capsys.readouterr().err
    assert message in err and "cases.yaml" in err and len(err.strip().splitlines()) == 1


def test_a_place_outside_the_case_is_refused(tmp_path):
    cases = check_eval.load_cases([write(tmp_path, TINY)])
    with pytest.raises(check_eval.CaseError, match="不在文中"):
        check_eval.score(cases, {"t-2": [finding("t-2", 7, 0, 1, "noise")]})


def test_one_checker_process_per_date(tmp_path, monkeypatch):
    text = TINY + TINY.replace("id: t-1", "id: t-3").replace("id: t-2", "id: t-4").replace(
        "  kind: speech", "  kind: speech\n  date: 2026-03-01")
    cases = check_eval.load_cases([write(tmp_path, text)])
    calls = []

    def fake_run(args, **kwargs):
        calls.append(args)
        return type("Done", (), {"returncode": 0, "stdout": '{"version": 1, "findings": []}', "stderr": ""})()

    monkeypatch.setattr(check_eval.subprocess, "run", fake_run)
    check_eval.run_checker(cases, ["drafter"])
    assert len(calls) == 2  # no date, and 2026-03-01
    dated = next(a for a in calls if "--date" in a)
    assert dated[dated.index("--date") + 1] == "2026-03-01"
    assert sum(a.endswith(".txt") for a in dated) == 1 and sum(a.endswith(".txt") for c in calls for a in c) == 4
