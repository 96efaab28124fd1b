"""What a writer sees of a check: repeated slips grouped, a summary by family, silenced
findings, and the date the dated checks used."""

import json

import docx
import pytest

from .conftest import write

COMMAS = "今天,我们召开会议。\n会议的任务,是总结工作,部署任务。\n要加强学习,提高能力。\n"


def test_a_repeated_slip_is_one_finding_with_every_place(cli, tmp_path):
    code, out, _ = cli("check", "--format", "json", write(tmp_path, "d.txt", COMMAS))
    assert code == 1
    commas = [f for f in json.loads(out)["findings"] if f["rule"] == "punctuation" and f["match"] == ","]
    assert len(commas) == 1
    (f,) = commas
    assert f["count"] == 4
    assert [(p["paragraph"], p["offset"]) for p in f["places"]] == [(1, 2), (2, 5), (2, 11), (3, 5)]


def test_text_report_opens_with_a_summary_by_family_and_lists_the_places(cli, tmp_path):
    code, out, _ = cli("check", write(tmp_path, "d.txt", COMMAS + "对“一府两院”工作进行监督。\n"))
    lines = out.splitlines()
    assert lines[0] == "按类别汇总（处）："
    assert any(line.split()[:2] == ["标点", "4"] for line in lines[2:4]), out
    assert "同样的问题还在：第2段 第6字、第2段 第12字、第3段 第6字，共 4 处" in out
    assert out.rstrip().endswith("共检查 1 个文件：5 处错误，0 处警告，0 处提示。")


def test_fix_still_fixes_every_place_of_a_grouped_finding(cli, tmp_path):
    src = write(tmp_path, "d.txt", COMMAS)
    code, _, err = cli("check", src, "--fix", "-o", tmp_path / "fixed.txt")
    assert "（4 处修改）" in err
    assert (tmp_path / "fixed.txt").read_text(encoding="utf-8") == COMMAS.replace(",", "，")


def test_annotate_puts_one_comment_per_paragraph_for_a_grouped_slip(cli, tmp_path):
    src = write(tmp_path, "d.txt", COMMAS)
    out = tmp_path / "review.docx"
    cli("check", src, "--annotate", out)
    comments = [c.text for c in docx.Document(str(out)).comments]
    assert len(comments) == 3  # paragraphs 1, 2 and 3
    assert any("本段共 2 处，全文共 4 处" in c for c in comments)


def test_workspace_ignore_list_silences_a_rule_or_one_accepted_phrase(cli, tmp_path, monkeypatch):
    (tmp_path / "drafter.yaml").write_text(
        "ignore:\n  - punctuation\n  - {rule: glossary.deprecated, text: 一府两院}\n", encoding="utf-8")
    draft = write(tmp_path, "d.txt", COMMAS + "对“一府两院”工作进行监督。\n要坚定“四个意识”。\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("check", "--format", "json", draft)
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert rules == {"glossary.collocation"}, rules


def test_workspace_ignore_list_refuses_an_unknown_rule(cli, tmp_path, monkeypatch):
    (tmp_path / "drafter.yaml").write_text("ignore:\n  - punctuaton\n", encoding="utf-8")
    draft = write(tmp_path, "d.txt", COMMAS)
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("check", draft)
    assert code == 2 and "ignore[0]" in err and "没有规则“punctuaton”" in err and "Traceback" not in err


@pytest.mark.parametrize("name,text", [
    # the second paragraph is not the first one again: two equal lines in a row are a repeat of their own
    ("d.txt", "要坚定“四个意识”。<!-- drafter:ignore glossary.collocation -->\n我们要坚定“四个意识”。\n"),
    ("d.md", "<!-- drafter:ignore glossary.collocation -->\n要坚定“四个意识”。\n\n我们要坚定“四个意识”。\n"),
])
def test_an_inline_mark_silences_one_paragraph(cli, tmp_path, name, text):
    code, out, _ = cli("check", "--format", "json", write(tmp_path, name, text))
    found = [(f["rule"], f["paragraph"]) for f in json.loads(out)["findings"]]
    last = len(text.rstrip("\n").splitlines())
    assert found == [("glossary.collocation", last)], found


def test_a_word_comment_silences_its_paragraph(cli, tmp_path):
    document = docx.Document()
    first = document.add_paragraph("要坚定“四个意识”。")
    document.add_paragraph("我们要坚定“四个意识”。")
    document.add_comment(first.runs, text="drafter:ignore glossary.collocation", author="科室", initials="KS")
    path = tmp_path / "d.docx"
    document.save(str(path))
    code, out, _ = cli("check", "--format", "json", path)
    assert [(f["rule"], f["paragraph"]) for f in json.loads(out)["findings"]] == [("glossary.collocation", 2)]


@pytest.mark.parametrize("text,option,source", [
    ("今年（2026年）是“十五五”开局之年。要实施“十四五”规划。\n", (), "文中所说的“今年”（2026年）"),
    ("要实施“十四五”规划。\n", ("--date", "2026-03-01"), "命令行的 --date"),
    ("关于举办培训班的通知\n要实施“十四五”规划。\n2026年3月1日\n", (), "文末的成文日期"),
])
def test_dated_checks_say_which_date_they_used(cli, tmp_path, text, option, source):
    code, out, _ = cli("check", "--format", "json", write(tmp_path, "d.txt", text), *option)
    (f,) = [f for f in json.loads(out)["findings"] if f["rule"] == "glossary.dated"]
    assert f"文稿日期取自{source}" in f["message"]


def test_a_year_named_as_this_year_flags_only_a_period_wholly_outside_it(cli, tmp_path):
    text = "今年是2025年。要实施“十四五”规划。\n"
    code, out, _ = cli("check", "--format", "json", write(tmp_path, "d.txt", text))
    assert not [f for f in json.loads(out)["findings"] if f["rule"] == "glossary.dated"]
