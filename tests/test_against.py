"""drafter check NEW --against OLD: what a draft carried over from last year's document."""

import json
import shutil

import docx
import pytest
import yaml

from drafter.check.against import compare
from drafter.check.report import JSON_SCHEMA
from drafter.documents import draft_from_lines, read_draft

from .conftest import ROOT, write

PAIR = ROOT / "eval" / "against"


@pytest.mark.parametrize("case", ["speech.yaml", "report.yaml"])
def test_the_labelled_pairs_find_every_carried_over_fact_and_nothing_updated(case):
    labels = yaml.safe_load((PAIR / case).read_text(encoding="utf-8"))
    new, old = read_draft(str(PAIR / labels["new"])), read_draft(str(PAIR / labels["old"]))
    findings, notes = compare(new, old)
    assert notes == []
    lines = (PAIR / labels["new"]).read_text(encoding="utf-8").splitlines()
    places = [(f.rule, p.paragraph, p.offset, p.offset + p.length)
              for f in findings if f.rule != "against.copied" for p in f.each()]
    spans = []
    for d in labels["defects"]:
        if d["rule"] != "against.copied":
            a = lines[d["paragraph"] - 1].index(d["match"])
            spans.append((d["rule"], d["paragraph"], a, a + len(d["match"])))

    def covers(span, place):
        return span[:2] == place[:2] and place[2] < span[3] and span[2] < place[3]

    assert [s for s in spans if not any(covers(s, p) for p in places)] == []  # every carried-over fact
    assert [p for p in places if not any(covers(s, p) for s in spans)] == []  # and no false alarm
    copied = [f for f in findings if f.rule == "against.copied"]
    assert len(copied) == 1  # reported once
    assert sorted(p.paragraph for p in copied[0].each()) == \
        sorted(d["paragraph"] for d in labels["defects"] if d["rule"] == "against.copied")
    assert "占新稿正文的" in copied[0].message and copied[0].severity == "info"
    for item in labels["clean"]:  # the sentences the writer updated give nothing
        line = lines[item["paragraph"] - 1]
        a = line.index(item["match"])
        assert not [f for f in findings if f.rule != "against.copied" and f.paragraph == item["paragraph"]
                    and f.offset < a + len(item["match"]) and a < f.offset + f.length], item


def test_each_finding_names_both_places():
    new, old = read_draft(str(PAIR / "speech-2026.txt")), read_draft(str(PAIR / "speech-2025.txt"))
    findings, _ = compare(new, old)
    year = next(f for f in findings if f.rule == "against.year" and f.paragraph == 15)
    assert year.suggestion == "2026年" and "旧稿 speech-2025.txt 第15段" in year.message
    assert year.against_file.endswith("speech-2025.txt")
    (there,) = year.against
    old_line = (PAIR / "speech-2025.txt").read_text(encoding="utf-8").splitlines()[there.paragraph - 1]
    assert old_line[there.offset:there.offset + there.length] == "2025年"


def test_a_later_year_is_needed_for_dates_and_figures():
    same = ["会议纪要", "（2025年2月18日）", "2025年，常委会将召开县第十九届人民代表大会常务委员会第二十一次会议，听取审议报告12项。"]
    new, old = draft_from_lines("新.txt", same), draft_from_lines("旧.txt", same)
    findings, notes = compare(new, old)
    assert [f.rule for f in findings] == ["against.copied"] and "不晚于旧稿" in notes[0]
    undated = draft_from_lines("新.txt", same[:1] + same[2:])
    findings, notes = compare(undated, old)
    assert {f.rule for f in findings} == {"against.copied"} and "找不到日期" in notes[0]


def test_figures_need_the_same_relative_word():
    old = draft_from_lines("旧.txt", ["（2025年2月18日）", "今年，常委会将听取审议专项工作报告12项，开展执法检查5次。"])
    moved = draft_from_lines("新.txt", ["（2026年2月16日）", "去年，常委会听取审议专项工作报告12项，开展执法检查5次。"])
    assert compare(moved, old)[0] == []  # last year's 今年 is this year's 去年: rightly kept
    stale = draft_from_lines("新.txt", ["（2026年2月16日）", "今年，常委会将听取审议专项工作报告12项，开展执法检查6次。"])
    assert [(f.rule, f.match) for f in compare(stale, old)[0]] == [("against.figure", "12项")]


def test_cli_text_json_and_exit_code(cli, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    new, old = PAIR / "speech-2026.txt", PAIR / "speech-2025.txt"
    code, out, _ = cli("check", new, "--against", old)
    assert code == 1 and "against.session" in out and "对照旧稿" in out
    code, out, _ = cli("check", new, "--against", old, "--format", "json")
    data = json.loads(out)
    jsonschema.validate(data, JSON_SCHEMA)
    year = next(f for f in data["findings"] if f["rule"] == "against.year")
    assert year["against"]["file"] == str(old) and year["against"]["places"][0]["paragraph"] == 9
    assert all("against" not in f for f in data["findings"] if not f["rule"].startswith("against."))


def test_old_document_as_docx_and_as_a_rendered_folder(cli, tmp_path):
    folder = tmp_path / "去年"
    folder.mkdir()
    doc = docx.Document()
    for line in (PAIR / "speech-2025.txt").read_text(encoding="utf-8").splitlines():
        doc.add_paragraph(line)
    doc.save(folder / "讲话.docx")
    shutil.copy(PAIR / "speech-2025.txt", folder / "讲话.md")  # the same document, another format
    for old in (folder / "讲话.docx", folder):
        code, out, _ = cli("check", PAIR / "speech-2026.txt", "--against", old, "--format", "json")
        rules = [f["rule"] for f in json.loads(out)["findings"]]
        assert rules.count("against.year") == 2 and rules.count("against.session") == 2, old
    (folder / "另一份.txt").write_text("另一份文稿。", encoding="utf-8")
    code, _, err = cli("check", PAIR / "speech-2026.txt", "--against", folder)
    assert code == 2 and "有 2 份文稿" in err and "Traceback" not in err


def test_bad_old_document_is_one_chinese_line_and_nothing_written(cli, tmp_path):
    new = write(tmp_path, "新.txt", (PAIR / "speech-2026.txt").read_text(encoding="utf-8"))
    note = tmp_path / "批注.docx"
    for bad, reason in ((write(tmp_path, "空.txt", ""), "文件是空的"), (tmp_path / "无.docx", "不存在"),
                        (write(tmp_path, "坏.docx", "不是 docx"), "")):
        code, out, err = cli("check", new, "--against", bad, "--annotate", note)
        assert code == 2, err
        assert str(bad) in err and reason in err and len(err.strip().splitlines()) == 1
        assert not note.exists() and out == ""


def test_annotate_puts_the_comparison_into_word_comments(cli, tmp_path):
    note = tmp_path / "批注.docx"
    code, _, err = cli("check", PAIR / "speech-2026.txt", "--against", PAIR / "speech-2025.txt", "--annotate", note)
    assert code == 1
    texts = [c.text for c in docx.Document(note).comments]
    assert any("旧稿 speech-2025.txt 第10段" in t for t in texts)


def test_against_rules_can_be_ignored_by_the_workspace(cli, tmp_path, monkeypatch):
    (tmp_path / "drafter.yaml").write_text("ignore: [against.copied]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("check", PAIR / "speech-2026.txt", "--against", PAIR / "speech-2025.txt", "--format", "json")
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert "against.copied" not in rules and "against.year" in rules


def test_an_undated_old_document_takes_against_date(cli, tmp_path):
    undated = write(tmp_path, "旧.txt", "\n".join(
        line for line in (PAIR / "speech-2025.txt").read_text(encoding="utf-8").splitlines() if "2月18日" not in line))
    new = PAIR / "speech-2026.txt"
    code, out, err = cli("check", new, "--against", undated, "--format", "json")
    assert "旧稿中找不到日期" in err
    assert {f["rule"] for f in json.loads(out)["findings"] if f["rule"].startswith("against.")} == {"against.copied"}
    code, out, err = cli("check", new, "--against", undated, "--against-date", "2025-02-18", "--format", "json")
    assert err == "" and sum(f["rule"] == "against.year" for f in json.loads(out)["findings"]) == 2
    code, _, err = cli("check", new, "--against-date", "2025-02-18")
    assert code == 2 and "只与 --against 一起使用" in err
