"""Web copies that end their sentences with "." and separate clauses with ",": check reports
them (grouped, fixable), import reads their structure and writes full-width marks (issue 23)."""

import pytest
import yaml

from drafter.check import fixed_text, load_glossary, run_rules
from drafter.documents import draft_from_lines

WEB = ("在全区人大工作会议上的讲话 同志们:今天我们召开全区人大工作会议,主要任务是总结去年工作.下面,我讲两点意见."
       "一、提高政治站位 我们要深入学习,全年共组织学习3.5万人次.一是加强学习.要组织学习.二是强化培训.要开展培训."
       "二、依法履职尽责 常委会要强化监督.同志们,让我们奋力前行.谢谢大家!")


def _findings(text):
    return run_rules(draft_from_lines("web.txt", text.splitlines()), load_glossary(()))


def test_a_half_width_full_stop_is_one_grouped_fixable_finding():
    text = "今天召开会议.会议的主要任务是学习.\n增长3.5%.会议圆满结束.。\n1.加强学习。网址：www.npc.gov.cn。2024.5.6召开。"
    found = [f for f in _findings(text) if f.rule == "punctuation"]
    stops = [f for f in found if f.match == "."]
    assert len(stops) == 1 and stops[0].count == 3 and stops[0].suggestion == "。"
    assert [(p.paragraph, p.offset) for p in stops[0].places] == [(1, 6), (1, 17), (2, 6)]
    assert [f.match for f in found if f.match != "."] == [".。"]
    assert fixed_text(text, found) == ("今天召开会议。会议的主要任务是学习。\n增长3.5%。会议圆满结束。\n"
                                       "1.加强学习。网址：www.npc.gov.cn。2024.5.6召开。")


@pytest.mark.parametrize("text", ["增长3.5个百分点。", "1.加强学习。", "2024.5.6召开会议。", "见人大网.cn页面。",
                                  "Mr. Wang 说：", "第1.2条规定。", "要抓好落实……"])
def test_a_dot_that_is_no_full_stop_is_left_alone(text):
    assert not [f for f in _findings(text) if f.rule == "punctuation"]


def test_fix_writes_full_stops(cli, tmp_path):
    src = tmp_path / "web.txt"
    src.write_text("今天召开会议.会议的主要任务是学习,增长3.5%.\n", encoding="utf-8")
    cli("check", src, "--fix", "-o", tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "今天召开会议。会议的主要任务是学习，增长3.5%。\n"


def test_import_reads_a_web_copy_with_half_width_marks(cli, tmp_path):
    """The structure is read with "." and "," as sentence marks; the text keeps them as written
    (check --fix corrects them), but for the salutation's colon, which is the salutation's."""
    src = tmp_path / "web.txt"
    src.write_text(WEB, encoding="utf-8")
    code, out, err = cli("import", src, "-o", tmp_path / "o.yaml")
    assert code == 0, err
    assert "13 处半角“.”“,”当句号、逗号用" in out
    o = yaml.safe_load((tmp_path / "o.yaml").read_text(encoding="utf-8"))
    assert o["salutation"] == "同志们："
    assert o["opening"] == ["今天我们召开全区人大工作会议,主要任务是总结去年工作.下面,我讲两点意见."]
    assert [p["title"] for p in o["points"]] == ["提高政治站位", "依法履职尽责"]
    assert o["points"][0]["paragraphs"] == ["我们要深入学习,全年共组织学习3.5万人次."]
    assert [s["title"] for s in o["points"][0]["subpoints"]] == ["加强学习", "强化培训"]
    assert o["points"][0]["subpoints"][0]["paragraphs"] == ["要组织学习."]
    assert o["closing"] == ["同志们,让我们奋力前行."] and o["signoff"] == "谢谢大家!"
