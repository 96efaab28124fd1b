"""The glossary as data: its size, every entry's basis and examples, confusion pairs (typo),
the self-test with `fixed`, and an office's own glossary adding, overriding and disabling."""

import json
import re
from pathlib import Path

import pytest
import yaml

from drafter.check import fixed_text, load_glossary, run_rules, self_test
from drafter.check.glossary import CONFUSIONS
from drafter.documents import draft_from_lines
from drafter.resources import shipped

from .conftest import CORPUS, write

GLOSSARY = load_glossary()
SHIPPED = shipped("glossary")
ENTRY_FILES = sorted(SHIPPED.glob("*.yaml"))
PAIR_FILES = sorted((SHIPPED / CONFUSIONS).glob("*.yaml"))


def findings_for(text: str):
    return run_rules(draft_from_lines("t.txt", text.splitlines()), GLOSSARY)


def test_the_shipped_glossary_is_large_enough():
    assert len(GLOSSARY.entries) >= 250
    assert len(GLOSSARY.pairs) >= 300


@pytest.mark.parametrize("path", ENTRY_FILES, ids=lambda p: p.name)
def test_every_shipped_entry_has_a_basis_and_examples(path):
    """Read from the raw YAML, so that the test fails even if the schema were loosened."""
    for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
        term = raw.get("term")
        assert str(raw.get("basis") or "").strip(), f"{path.name}: {term} has no basis"
        examples = raw.get("examples") or {}
        assert examples.get("bad") and examples.get("good"), f"{path.name}: {term} lacks bad or good examples"


@pytest.mark.parametrize("path", PAIR_FILES, ids=lambda p: p.name)
def test_every_shipped_pair_is_well_formed(path):
    for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
        assert raw["wrong"] != raw["right"]
        assert raw.get("severity", "error") in ("error", "warning")
        if raw.get("severity") == "warning":
            assert raw.get("note"), f"{raw['wrong']}: a warning says why both forms are met"


def test_the_whole_self_test_passes():
    """Every example of every entry and pair: bad found, good not, fixed as written."""
    failures = self_test(GLOSSARY)
    assert failures == [], [(item.term, kind, text) for item, kind, text in failures][:20]


def test_glossary_test_command(cli):
    code, out, _ = cli("glossary", "--test")
    assert code == 0, out
    m = re.search(r"共 (\d+) 条提法、(\d+) 组易错字词、\d+ 组近形近音词、\d+ 条人大用语、[1-9]\d* 组网站用语，0 处不符", out)
    assert m and int(m.group(1)) >= 250 and int(m.group(2)) >= 300


def test_glossary_lists_entries_and_pairs_with_counts(cli):
    code, out, _ = cli("glossary")
    assert code == 0
    assert "一府一委两院\t人大工作" in out and "布署 → 部署\t易错字词" in out
    assert "精减 → 精简\t易错字词\t（提醒）" in out
    assert re.search(r"按类别：.*法律名称 \d+", out)
    assert re.search(r"共 \d+ 条提法、\d+ 组易错字词、\d+ 组近形近音词、\d+ 条人大用语、\d+ 组网站用语。", out)
    code, out, _ = cli("glossary", "针贬时弊")
    assert code == 0 and "针贬时弊 → 针砭时弊（易错字词）" in out and "依据" in out


def test_typo_finding_fix_and_warning():
    (f,) = [f for f in findings_for("要认真布署。") if f.rule == "typo"]
    assert (f.offset, f.match, f.severity, f.suggestion) == (3, "布署", "error", "部署")
    assert "错别字" in f.message and f.basis.startswith("易错字词：布署→部署")
    (w,) = [f for f in findings_for("精减机构。") if f.rule.startswith("typo")]
    assert (w.rule, w.severity, w.suggestion) == ("typo.context", "warning", "精简")
    text = "要认真布署，精减机构，再接再励。"
    assert fixed_text(text, findings_for(text)) == "要认真部署，精减机构，再接再厉。"  # a warning is not fixed


@pytest.mark.parametrize("text", ["研究竞争政策。", "坚持辨证论治。", "以德报怨。", "超过份额的部分。",
                                  "将全部份额转让。", "这是美好象征。", "提交待审议的议案。", "坚持辩证思维。",
                                  "究竟问题在哪里？", "部署工作，贯彻落实。"])
def test_correct_words_holding_a_wrong_form_are_not_typos(text):
    assert [f.match for f in findings_for(text) if f.rule.startswith("typo")] == []


def test_a_typo_inside_a_glossary_form_is_left_to_the_glossary_rule():
    found = findings_for("听取人民检查院工作报告。")
    assert [f.rule for f in found if f.match == "人民检查院"] == ["glossary.variant"]


def test_check_fix_corrects_typos_end_to_end(cli, tmp_path):
    draft = write(tmp_path, "d.txt", "要认真布署，贯沏落实，精减机构。\n")
    out = tmp_path / "改后.txt"
    code, stdout, err = cli("check", draft, "--fix", "-o", out)
    assert code == 1 and "typo" in stdout
    assert out.read_text(encoding="utf-8") == "要认真部署，贯彻落实，精减机构。\n"
    assert "“布署” → “部署”" in err and "（2 处修改）" in err


def test_a_wrong_fixed_example_fails_the_self_test(cli, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "e.yaml").write_text(
        "- term: 四联四促\n  outdated: [{form: 四联三促}]\n  basis: 本区人大常委会工作部署\n"
        "  examples:\n    bad: {text: 开展四联三促活动。, fixed: 开展四联三促活动。}\n    good: 开展四联四促活动。\n",
        encoding="utf-8")
    code, out, _ = cli("glossary", "--test", "--glossary", mine)
    assert code == 1 and "改后为“开展四联四促活动。”，应为“开展四联三促活动。”" in out


@pytest.mark.parametrize("body,message", [
    ("- term: 四联四促\n  examples: {bad: 四连四促, good: 四联四促}\n", "缺少必填字段 basis"),
    ("- term: 四联四促\n  basis: 本区部署\n", "缺少必填字段 examples"),
    ("- term: 四联四促\n  basis: 本区部署\n  examples: {bad: 四连四促}\n", "缺少必填字段 good"),
])
def test_an_entry_without_basis_or_examples_is_refused(cli, tmp_path, body, message):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "e.yaml").write_text(body, encoding="utf-8")
    code, _, err = cli("glossary", "--test", "--glossary", mine)
    assert code == 2 and "Traceback" not in err
    assert f"{mine / 'e.yaml'}:" in err and message in err


def test_a_bad_confusion_file_is_a_clear_error(cli, tmp_path):
    mine = tmp_path / "mine"
    (mine / CONFUSIONS).mkdir(parents=True)
    (mine / CONFUSIONS / "c.yaml").write_text("- {wrong: 布署, right: 布署}\n- {wrong: 按排}\n", encoding="utf-8")
    code, _, err = cli("check", write(tmp_path, "d.txt", "正文。\n"), "--glossary", mine)
    assert code == 2 and "c.yaml:1:" in err and "错误写法与正确写法相同" in err
    (mine / CONFUSIONS / "c.yaml").write_text("- {wrong: 竞然, right: 竟然, except: [毕竟]}\n", encoding="utf-8")
    code, _, err = cli("check", write(tmp_path, "d.txt", "正文。\n"), "--glossary", mine)
    assert code == 2 and "例外词“毕竟”应是包含“竞然”的较长词语" in err


DRAFT = "依法监督“一府两院”工作，坚定“四个意识”，认真布署，深入开展四连四促活动，做好慰问工作。\n"


def test_workspace_glossary_adds_overrides_and_disables(cli, tmp_path, monkeypatch):
    root = tmp_path / "办公室"
    assert cli("init", root)[0] == 0
    monkeypatch.chdir(root / "outlines")
    draft = write(tmp_path, "d.txt", DRAFT)
    code, out, _ = cli("check", "--format", "json", draft)
    before = {(f["rule"], f["match"]) for f in json.loads(out)["findings"]}
    assert {("glossary.deprecated", "一府两院"), ("glossary.collocation", "坚定“四个意识"), ("typo", "布署"),
            ("glossary.variant", "四连四促")} <= before
    own = root / "glossary"
    (own / "覆盖.yaml").write_text(  # override: the office keeps 一府两院 out of its entry
        "- term: 一府一委两院\n  category: 人大工作\n  basis: 本单位规定\n"
        "  examples: {bad: 依法监督一府二院工作。, good: 依法监督一府一委两院工作。}\n  variants: [一府二院]\n",
        encoding="utf-8")
    (own / "停用.yaml").write_text("- {term: 四个意识, disabled: true}\n- disable: [布署]\n", encoding="utf-8")
    (own / CONFUSIONS).mkdir()
    (own / CONFUSIONS / "本单位.yaml").write_text("- {wrong: 慰问工作, right: 走访慰问工作}\n", encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", draft)
    after = {(f["rule"], f["match"]) for f in json.loads(out)["findings"]}
    assert ("glossary.variant", "四连四促") in after  # the workspace's own entry (drafter init's example)
    assert ("typo", "慰问工作") in after  # an added pair
    assert not {("glossary.deprecated", "一府两院"), ("glossary.collocation", "坚定“四个意识"),
                ("typo", "布署")} & after  # overridden and disabled
    code, out, _ = cli("check", write(tmp_path, "e.txt", "依法监督一府二院工作。\n"))
    assert "“一府二院”应为“一府一委两院”" in out
    code, out, _ = cli("glossary")
    assert "已停用：四个意识" in out and "已停用：布署" in out
    code, out, _ = cli("glossary", "--test")
    assert code == 0 and "0 处不符" in out
    code, _, err = cli("glossary", "四个意识")
    assert code == 2 and "词库中没有“四个意识”" in err


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project")
def test_no_typo_or_new_glossary_finding_on_the_corpus(cli):
    code, out, _ = cli("check", "--format", "json", *sorted(CORPUS.glob("*.txt")))
    found = {(Path(f["file"]).name, f["rule"], f["match"]) for f in json.loads(out)["findings"]
             if f["rule"].startswith(("typo", "glossary."))}
    assert found == {("000_2dca68fa2f7521ad.txt", "glossary.deprecated", "一府两院"),
                     ("000_2dca68fa2f7521ad.txt", "glossary.order", "世界百年未有之大变局和中华民族伟大复兴战略全局"),
                     ("001_612cbac041346541.txt", "glossary.deprecated", "扎实开展“不忘初心、牢记使命”主题教育")}


EVAL = Path(__file__).resolve().parent.parent / "eval" / "check" / "glossary-entries.yaml"
EVAL_CASES = yaml.safe_load(EVAL.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", EVAL_CASES, ids=lambda c: c["id"])
def test_labelled_glossary_cases_are_what_the_checker_finds(case):
    """Each label is found by a finding of its family, and every error or warning is labelled."""
    family = lambda rule: rule.split(".", 1)[0]
    text = case["text"]
    draft = draft_from_lines("case", text.splitlines())
    draft.date = case.get("date") or draft.date
    starts, at = {}, 0
    for number, line in enumerate(text.splitlines(), 1):
        starts[number] = at + len(line) - len(line.lstrip())
        at += len(line) + 1
    spans = [(family(f.rule), starts[f.paragraph] + f.offset, starts[f.paragraph] + f.offset + f.length, f.match)
             for f in run_rules(draft, GLOSSARY) if f.severity in ("error", "warning")]
    labels = []
    for label in case["defects"]:
        pos = -1
        for _ in range(label.get("nth", 1)):
            pos = text.find(label["match"], pos + 1)
        assert pos >= 0, label
        labels.append((family(label["rule"]), pos, pos + len(label["match"])))
    overlap = lambda a, b: a[0] == b[0] and a[1] < b[2] and b[1] < a[2]
    assert [s[3] for s in spans if not any(overlap(s, lab) for lab in labels)] == []
    assert [lab for lab in labels if not any(overlap(lab, s) for s in spans)] == []
    assert len({c["id"] for c in EVAL_CASES}) == len(EVAL_CASES)


def test_no_wrong_form_holds_another():
    """A wrong form inside another (狼籍 in 声名狼籍) would report one misspelling twice."""
    wrongs = list(GLOSSARY.pairs)
    assert [(a, b) for a in wrongs for b in wrongs if a != b and a in b] == []


def test_a_warm_start_reads_no_yaml(monkeypatch, tmp_path):
    """Once cached, loading the glossary (entries, pairs, disabled terms) parses no YAML, and a
    pickle left by another record format under the old key scheme is never taken for ours."""
    from drafter.check import glossary as module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    mine = tmp_path / "mine"
    (mine / CONFUSIONS).mkdir(parents=True)
    (mine / "停用.yaml").write_text("- disable: [四风]\n", encoding="utf-8")
    (mine / CONFUSIONS / "c.yaml").write_text("- {wrong: 慰问工作, right: 走访慰问工作}\n", encoding="utf-8")
    cold = load_glossary((str(mine),))

    def no_yaml(*args):
        raise AssertionError("YAML parsed on a warm start")

    monkeypatch.setattr(module, "_records", no_yaml)
    warm = load_glossary((str(mine),))
    assert set(warm.entries) == set(cold.entries) and "四风" not in warm.entries
    assert set(warm.pairs) == set(cold.pairs) and "慰问工作" in warm.pairs
    assert [t for t, _ in warm.disabled] == ["四风"]


def test_near_twins_are_found_by_context_and_an_office_can_add_or_disable_a_set(cli, tmp_path):
    draft = write(tmp_path, "d.txt", "针对群众反应强烈的问题开展监督，建立快速反应机制。\n严格遵守启用印章的规定。\n")
    code, out, _ = cli("check", "--format", "json", draft)
    found = {(f["rule"], f["match"], f["suggestion"]) for f in json.loads(out)["findings"]}
    assert ("typo.neartwin", "反应", "反映") in found  # 群众 is a cue of 反映; 快速反应机制 is left alone
    assert sum(rule == "typo.neartwin" for rule, _, _ in found) == 1
    mine = tmp_path / "mine"
    (mine / "twins").mkdir(parents=True)
    (mine / "twins" / "本单位.yaml").write_text(
        "- {term: 反映/反应, disabled: true}\n"
        "- words: [启用, 起用]\n  basis: 《现代汉语词典》\n"
        "  cues: [{word: 起用, after: [干部]}, {word: 启用, after: [印章]}]\n"
        "  examples: {bad: 大胆启用干部。, good: 启用新印章。}\n", encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", write(tmp_path, "e.txt", "群众反应强烈。大胆启用干部。\n"),
                       "--glossary", mine)
    found = {(f["rule"], f["match"], f["suggestion"]) for f in json.loads(out)["findings"]}
    assert found == {("typo.neartwin", "启用", "起用")}
    code, out, _ = cli("glossary", "--test", "--glossary", mine)
    assert code == 0 and "0 处不符" in out and "已停用" not in out


def test_a_sets_unusual_word_needs_its_own_cue_and_an_office_can_say_which_word_is_usual(cli, tmp_path):
    draft = write(tmp_path, "d.txt", "统筹部属人大工作，充分发扬人大职能作用。\n关心爱护部属，发扬优良传统，"
                  "全部属于正常情况。\n")
    code, out, _ = cli("check", "--format", "json", draft)
    found = [(f["rule"], f["match"], f["suggestion"]) for f in json.loads(out)["findings"] if f["rule"] == "typo.neartwin"]
    assert found == [("typo.neartwin", "部属", "部署"), ("typo.neartwin", "发扬", "发挥")]  # no cue of either word
    mine = tmp_path / "mine"
    (mine / "twins").mkdir(parents=True)
    (mine / "twins" / "本单位.yaml").write_text(  # this office's set names no usual word: only cues decide
        "- words: [发挥, 发扬]\n  basis: 《现代汉语词典》\n  cues: [{word: 发挥, after: [作用]}]\n"
        "  examples: {bad: 发扬作用。, good: 发扬精神。}\n", encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", draft, "--glossary", mine)
    assert [f["match"] for f in json.loads(out)["findings"] if f["rule"] == "typo.neartwin"] == ["部属"]
    (mine / "twins" / "本单位.yaml").write_text(
        "- words: [发挥, 发扬]\n  usual: 发展\n  basis: 词典\n  cues: [{word: 发挥, after: [作用]}]\n"
        "  examples: {bad: 发扬作用。, good: 发扬精神。}\n", encoding="utf-8")
    code, _, err = cli("check", draft, "--glossary", mine)
    assert code == 2 and "Traceback" not in err and "本单位.yaml:2:" in err and "“发展”不在这组词" in err


def test_a_bad_twins_file_is_a_clear_error(cli, tmp_path):
    mine = tmp_path / "mine"
    (mine / "twins").mkdir(parents=True)
    (mine / "twins" / "t.yaml").write_text(
        "- words: [反映, 反应]\n  basis: 词典\n  cues: [{word: 返映, before: [群众]}]\n"
        "  examples: {bad: 群众反应强烈。, good: 群众反映强烈。}\n", encoding="utf-8")
    code, _, err = cli("check", write(tmp_path, "d.txt", "正文。\n"), "--glossary", mine)
    assert code == 2 and "Traceback" not in err and "t.yaml:3:" in err and "“返映”不在这组词" in err


def test_the_register_of_npc_usage_reads_the_sentence_and_an_office_can_disable_an_entry(cli, tmp_path):
    draft = write(tmp_path, "d.txt", "代表提出的386件提案全部按期办结。\n市政协委员提出提案356件。\n对县水利局开展专题质询。\n")
    code, out, _ = cli("check", "--format", "json", draft)
    found = {(f["rule"], f["match"], f["suggestion"]) for f in json.loads(out)["findings"]}
    assert {("usage.npc", "提案", "建议"), ("usage.npc", "质询", "询问")} <= found
    assert sum(rule == "usage.npc" for rule, _, _ in found) == 2  # 政协委员's 提案 is theirs
    mine = tmp_path / "mine"
    (mine / "usage").mkdir(parents=True)
    (mine / "usage" / "本单位.yaml").write_text("- {term: 质询, disabled: true}\n", encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", draft, "--glossary", mine)
    assert {f["match"] for f in json.loads(out)["findings"] if f["rule"] == "usage.npc"} == {"提案"}


LAW = ("- term: 本地条例法\n  category: 法律名称\n  basis: 中华人民共和国本地条例法\n"
       "  examples: {bad: 依照2001年修正的本地条例法。, good: 依照2010年修正的本地条例法。}\n")


@pytest.mark.parametrize("dates,message", [
    ("  adopted: 2005-03-01\n  effective: 2004-01-01\n  dates_source: 本单位核对\n", "施行日期 2004-01-01 早于通过日期 2005-03-01"),
    ("  adopted: 2005-03-01\n  changes: [{date: 2012-01-01, kind: 修正}, {date: 2010-01-01, kind: 修正}]\n"
     "  dates_source: 本单位核对\n", "修改日期 2010-01-01 应晚于 2012-01-01"),
    ("  adopted: 2005-03-01\n  changes: [{date: 2005-03-01, kind: 修订}]\n  dates_source: 本单位核对\n",
     "修改日期 2005-03-01 应晚于 2005-03-01"),
    ("  adopted: 2005-03-01\n  changes: [{date: 2010-01-01, kind: 修正, effective: 2009-12-01}]\n"
     "  dates_source: 本单位核对\n", "修改后的施行日期 2009-12-01 早于修改日期 2010-01-01"),
    ("  adopted: 2005-03-01\n", "要写 dates_source"),
    ("  changes: [{date: 2010-01-01, kind: 修正}]\n  dates_source: 本单位核对\n", "要写 adopted"),
    ("  adopted: 2005-03-01\n  changes: [{date: 2010-01-01, kind: 改了}]\n  dates_source: 本单位核对\n", "kind"),
    ("  adopted: 2005-02-30\n  dates_source: 本单位核对\n", "日期不存在"),
])
def test_a_law_whose_dates_are_out_of_order_is_refused(cli, tmp_path, dates, message):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "laws.yaml").write_text(LAW + dates, encoding="utf-8")
    code, _, err = cli("glossary", "--test", "--glossary", mine)
    assert code == 2 and "Traceback" not in err
    assert f"{mine / 'laws.yaml'}:" in err and message in err


def test_every_shipped_law_date_is_in_order_and_sourced():
    dated = [e for e in GLOSSARY.entries.values() if e.data.get("adopted")]
    assert {"宪法", "监督法", "代表法", "地方组织法", "选举法", "立法法", "预算法", "全国人民代表大会组织法",
            "全国人民代表大会议事规则", "监察法", "民法典", "行政诉讼法"} <= {e.term for e in dated}
    for entry in dated:
        data = entry.data
        days = [data["adopted"], *(c["date"] for c in data["changes"])]
        assert days == sorted(days) and len(set(days)) == len(days), entry.term
        assert data["effective"] is None or data["effective"] >= data["adopted"], entry.term
        assert data["dates_source"], entry.term


def test_an_office_adds_a_law_with_its_dates_and_the_checker_uses_them(cli, tmp_path, monkeypatch):
    root = tmp_path / "办公室"
    assert cli("init", root)[0] == 0
    monkeypatch.chdir(root / "outlines")
    draft = write(tmp_path, "d.txt", "2024年5月1日\n依照2001年修正的本地条例法。认真执行2014年修正的监督法。\n")
    code, out, _ = cli("check", "--format", "json", draft)
    before = {(f["rule"], f["match"]) for f in json.loads(out)["findings"]}
    assert ("usage.lawdate", "2014年修正的监督法") in before
    assert not any("本地条例法" in match for _, match in before)
    (root / "glossary" / "法律.yaml").write_text(  # its own law, and the shipped 监督法 given other dates
        LAW + "  adopted: 2005-03-01\n  effective: 2005-06-01\n  changes: [{date: 2010-01-01, kind: 修正}]\n"
        "  dates_source: 本单位核对\n"
        "- term: 监督法\n  category: 法律名称\n  basis: 中华人民共和国各级人民代表大会常务委员会监督法\n"
        "  adopted: 2006-08-27\n  changes: [{date: 2014-01-01, kind: 修正}]\n  dates_source: 本单位核对\n"
        "  examples: {bad: 依照2015年修正的监督法。, good: 依照2014年修正的监督法。}\n", encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", draft)
    after = {(f["rule"], f["match"]) for f in json.loads(out)["findings"]}
    assert ("usage.lawdate", "2001年修正的本地条例法") in after
    assert ("usage.lawdate", "2014年修正的监督法") not in after
    code, out, _ = cli("glossary", "--test")
    assert code == 0 and "0 处不符" in out, out


def test_the_words_of_a_sites_voice_are_data_an_office_can_extend_or_disable(cli, tmp_path):
    lines = "以上讲话稿由小编整理，欢迎分享\n长按识别 进群交流 每日推送\n"  # a shipped strong word; words of no group
    draft = write(tmp_path, "d.txt", lines)
    code, out, _ = cli("check", "--format", "json", draft)
    found = [(f["rule"], f["match"], f["basis"]) for f in json.loads(out)["findings"]]
    assert found == [("noise", "以上讲话稿由小编整理，欢迎分享", found[0][2])] and "网站自称" in found[0][2]
    mine = tmp_path / "mine"
    (mine / "residue").mkdir(parents=True)
    (mine / "residue" / "本单位.yaml").write_text(
        "- {term: 网站自称, disabled: true}\n"
        "- group: 群聊推广\n  strength: strong\n  words: [进群交流, 每日推送]\n  basis: 实务\n"
        "  examples: {bad: 长按识别 进群交流 每日推送, good: 请各代表小组每日推送履职信息。}\n", encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", draft, "--glossary", mine)
    found = [(f["rule"], f["match"]) for f in json.loads(out)["findings"]]
    assert found == [("noise", "长按识别 进群交流 每日推送")]
    code, out, _ = cli("glossary", "--test", "--glossary", mine)
    assert code == 0 and "0 处不符" in out and "2 组网站用语" in out, out  # the shipped weak group and the office's
