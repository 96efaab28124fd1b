"""check --fix on the outline a writer edits (only its text values change), and web residue:
each line reported once, a whole residue line deleted by --fix (issue 23)."""

import json

import docx
import pytest

from drafter.check import fixed_text, load_glossary, run_rules
from drafter.check.edits import _fix_outline
from drafter.check.findings import Finding
from drafter.documents import draft_from_lines
from drafter.errors import DrafterError
from drafter.files.yamledit import replace_values, string_values, written

from .conftest import write

OUTLINE = """\
# 我的讲话稿
kind: speech
title: 在全区人大工作会议上的讲话   # 标题
speaker: 王强
role: '区人大常委会主任'
date: 2024-02-26
opening:
- 同志们,今天召开会议。   # 开场
theme: "守正创新,担当作为"
points:
- title: 加强对“一府两院”的监督
  paragraphs:
  - 要加强学习;强化监督。
  - 要加强学习。
closing:
- 谢谢大家!
"""


def test_fix_of_an_outline_edits_only_its_text_values(cli, tmp_path):
    src = write(tmp_path, "大纲.yaml", OUTLINE)
    out = tmp_path / "改后.yaml"
    code, _, err = cli("check", src, "--fix", "-o", out)
    assert src.read_text(encoding="utf-8") == OUTLINE  # the input is never changed
    fixed = out.read_text(encoding="utf-8")
    expected = (OUTLINE.replace("同志们,", "同志们，").replace("创新,", "创新，").replace("一府两院", "一府一委两院")
                .replace("学习;", "学习；").replace("大家!", "大家！"))
    assert fixed == expected  # comments, key order, quoting, list indentation: byte for byte
    assert "已修改 points[0].title 第5字：“一府两院” → “一府一委两院”" in err
    code, out_json, _ = cli("check", "--format", "json", out)
    assert code == 0 and json.loads(out_json)["findings"] == []


def test_fix_of_an_outline_without_o_fixes_it_in_place(cli, tmp_path):
    src = write(tmp_path, "大纲.yaml", OUTLINE)
    code, _, err = cli("check", src, "--fix")
    assert "已就地修改大纲" in err
    assert src.read_text(encoding="utf-8") == (OUTLINE.replace("同志们,", "同志们，").replace("创新,", "创新，")
                                               .replace("一府两院", "一府一委两院").replace("学习;", "学习；")
                                               .replace("大家!", "大家！"))
    before = src.stat().st_mtime_ns
    code, _, err = cli("check", src, "--fix")
    assert code == 0 and "没有可自动修改之处，未改动" in err
    assert src.stat().st_mtime_ns == before  # nothing to change: the file is not rewritten
    code, _, err = cli("check", write(tmp_path, "d.txt", "各单位:\n"), "--fix")
    assert code == 2 and "-o" in err  # a draft is never changed in place


def test_fix_of_an_outline_keeps_the_guards(cli, tmp_path):
    src = write(tmp_path, "s.yaml", OUTLINE)
    code, _, err = cli("check", src, "--fix", "-o", src)
    assert code == 2 and "原稿不会被修改" in err
    assert src.read_text(encoding="utf-8") == OUTLINE
    taken = write(tmp_path, "taken.yaml", "mine\n")
    code, _, err = cli("check", src, "--fix", "-o", taken)
    assert code == 2 and taken.read_text(encoding="utf-8") == "mine\n"
    code, _, err = cli("check", src, "--fix", "-o", taken, "--force")
    assert "一府一委两院" in taken.read_text(encoding="utf-8")


def test_a_value_that_needs_quotes_after_its_fix_is_quoted():
    text = "a: 会议' 召开\nb: '他说''好'' ,'\nc: 时间:10点\n"
    new, skipped = replace_values(text, {"a": "会议: 召开", "b": "他说'好'，", "c": "时间：10点"}, "x.yaml")
    assert skipped == []
    assert new == "a: \"会议: 召开\"\nb: '他说''好''，'\nc: 时间：10点\n"
    assert written("# 开头", None) == "\"# 开头\"" and written("正文", None) == "正文"


def test_values_unchanged_multiline_or_absent_are_not_rewritten():
    text = "a: 正文,  # 注释\nb: |\n  一行,\n  两行\nc: [x, 'y']\n"
    values = string_values(text)
    assert values["a"].value == "正文," and values["c[1]"].style == "'"
    new, skipped = replace_values(text, {"a": "正文,", "b": "一行，\n两行\n", "nothere": "x"}, "x.yaml")
    assert new == text and sorted(skipped) == ["b", "nothere"]


def test_text_a_section_filled_in_is_left_to_the_writer(tmp_path):
    src = write(tmp_path, "s.yaml", OUTLINE)
    stray = Finding(str(src), 9, 0, 2, "正文", "punctuation", "error", "m", "正", "b", field="points[3].title")
    moved = Finding(str(src), 2, 0, 2, "王五", "punctuation", "error", "m", "王六", "b", field="speaker")
    changes, skipped = _fix_outline(str(src), [stray, moved], str(tmp_path / "o.yaml"))
    assert changes == [] and [s.finding for s in skipped] == [stray, moved]
    assert all("手工修改" in s.reason for s in skipped)
    assert (tmp_path / "o.yaml").read_text(encoding="utf-8") == OUTLINE


WEB = """\
关于加强代表工作的讲话
同志们：今天召开会议。
相关文档
区人大常委会主任在代表培训会上的讲话
上一篇：区人大常委会主任在代表培训会上的讲话
版权所有：某某市人大常委会 www.xxrd.gov.cn
共听取报告16个（来自www.fanwen123.com），审议通过。
"""


def _noise(text):
    found = run_rules(draft_from_lines("web.txt", text.splitlines()), load_glossary(()))
    return found, [(f.paragraph, f.match) for f in found if f.rule.startswith("noise")]


def test_each_residue_line_is_reported_once():
    _, places = _noise(WEB)
    assert [p for p, _ in places] == [3, 4, 5, 6, 7]  # 上一篇 after a list: once, not as a list item too


def test_fix_deletes_whole_residue_lines_and_leaves_inline_residue(cli, tmp_path):
    found, _ = _noise(WEB)
    inline = [f for f in found if f.paragraph == 7 and f.rule == "noise"]
    assert inline and inline[0].suggestion is None  # inside a sentence: the writer decides
    assert fixed_text(WEB, found) == "关于加强代表工作的讲话\n同志们：今天召开会议。\n" \
                                     "共听取报告16个（来自www.fanwen123.com），审议通过。"
    src = write(tmp_path, "web.txt", WEB)
    code, _, err = cli("check", src, "--fix", "-o", tmp_path / "clean.txt")
    assert (tmp_path / "clean.txt").read_text(encoding="utf-8") == fixed_text(WEB, found) + "\n"
    assert "删除“上一篇：区人大常委会主任在代表培训会上的讲话”" in err
    md = "# 讲话\n\n- 上一篇：镇人大主席团工作报告\n\n正文。\n"
    code, _, _ = cli("check", write(tmp_path, "web.md", md), "--fix", "-o", tmp_path / "clean.md")
    assert (tmp_path / "clean.md").read_text(encoding="utf-8") == "# 讲话\n\n\n正文。\n"


@pytest.mark.parametrize("track", [False, True])
def test_fix_deletes_residue_paragraphs_of_a_docx(cli, tmp_path, track):
    doc = docx.Document()
    doc.add_paragraph("同志们：今天召开会议。")
    nav = doc.add_paragraph("上一篇：")
    nav.add_run("镇人大主席团工作报告").bold = True  # across two runs: still one paragraph to delete
    doc.add_paragraph("要加强学习。")
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = "下一篇：关于做好代表工作的通知"
    doc.save(tmp_path / "web.docx")
    args = ["--track"] if track else []
    code, _, err = cli("check", tmp_path / "web.docx", "--fix", "-o", tmp_path / "clean.docx", *args)
    fixed = docx.Document(tmp_path / "clean.docx")
    xml = fixed.element.xml
    if track:
        assert xml.count("<w:del ") >= 3 and "上一篇" in xml  # deletions to accept, text kept until then
    else:
        assert [p.text for p in fixed.paragraphs] == ["同志们：今天召开会议。", "要加强学习。"]
        assert [p.text for p in fixed.tables[0].cell(0, 0).paragraphs] == [""]
