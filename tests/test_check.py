"""drafter check: each rule's fixtures, each glossary entry's own examples, the corpus."""

import json

import pytest

from drafter.check import LAW_DATE_RULES, RULES, load_glossary, run_rules
from drafter.documents import draft_from_lines

from .conftest import CORPUS, ROOT, write

GLOSSARY = load_glossary()


def findings_for(text: str, date=None, region=None):
    draft = draft_from_lines("t.txt", text.splitlines())
    draft.date = date or draft.date
    draft.region = region or draft.region
    return run_rules(draft, GLOSSARY)


RULE_CASES = [(rule.ID, kind, text) for rule in RULES if hasattr(rule, "FIXTURES")
              for kind in ("bad", "good") for text in rule.FIXTURES[kind]]


@pytest.mark.parametrize("rule,kind,text", RULE_CASES)
def test_rule_fixtures(rule, kind, text):
    hits = [f for f in findings_for(text) if f.rule == rule]
    assert bool(hits) == (kind == "bad"), (rule, text, hits)


ENTRY_CASES = [(e.term, kind, example) for e in GLOSSARY.entries.values()
               for kind in ("bad", "good") for example in e.data["examples"][kind]]


@pytest.mark.parametrize("term,kind,example", ENTRY_CASES, ids=lambda x: x if isinstance(x, str) else x["text"])
def test_glossary_entry_examples(term, kind, example):
    text = example["text"]
    found = findings_for(text, example["date"], example["region"])
    dated = bool(GLOSSARY.entries[term].data.get("adopted"))  # a law with its dates: usage.lawdate tells too
    law = GLOSSARY.entries[term].data.get("category") == "法律名称"  # a law's wrong names: usage.lawvariant
    # an entry of another body's usage (family: usage) reports as usage.term, in the proofreader's class
    family = "usage.term" if GLOSSARY.entries[term].data.get("family") == "usage" else "glossary."
    hits = [f for f in found if (f.rule.startswith(family) or dated and f.rule in LAW_DATE_RULES
                                 or law and f.rule == "usage.lawvariant") and f"规范提法词库：{term}（" in f.basis]
    assert bool(hits) == (kind == "bad"), (term, text, hits)


def test_exact_findings():
    (f,) = [f for f in findings_for("对“一府两院”工作的意见和建议。") if f.rule == "glossary.deprecated"]
    assert (f.paragraph, f.offset, f.length, f.match, f.severity, f.suggestion) == (1, 2, 4, "一府两院", "error", "一府一委两院")
    (f,) = [f for f in findings_for("要坚定“四个意识”。") if f.rule == "glossary.collocation"]
    assert (f.offset, f.match) == (1, "坚定“四个意识") and "增强" in f.message
    fs = [f for f in findings_for("开头。\n一、学习\n二、监督\n四、建设") if f.rule == "numbering.sequence"]
    assert [(f.paragraph, f.match) for f in fs] == [(4, "四、")] and "应为“三、”" in fs[0].message
    fs = [f for f in findings_for("2023年x月xx日召开。") if f.rule == "placeholder"]
    assert [(f.offset, f.match) for f in fs] == [(5, "x"), (7, "xx")]


EXACT = [
    ("glossary.variant", "要增强“四种意识”。", None, None, (1, 4, "四种意识")),
    ("glossary.order", "不断增强人民群众的幸福感、获得感、安全感。", None, None, (1, 9, "幸福感、获得感、安全感")),
    ("glossary.expansion", "增强“四个意识”（政治意识、大局意识、看齐意识）。", None, None,
     (1, 9, "政治意识、大局意识、看齐意识")),
    ("glossary.dated", "实施“十四五”规划。", "2026-03-01", None, (1, 2, "“十四五”规划")),
    ("glossary.scope", "加快实现“三高四新”美好蓝图。", None, "贵州", (1, 5, "三高四新")),
    ("numbering.count", "下面，我讲三点意见。\n一、学习\n二、监督", None, None, (1, 5, "三点意见")),
    ("noise", "全文如下---此处隐藏3607字,下载后查看---结束", None, None, (1, 4, "---此处隐藏3607字,下载后查看---")),
    ("grammar.doubled", "这是我们的的责任。", None, None, (1, 4, "的的")),
    ("format.date", "会议定于2024年2月30日召开。", None, None, (1, 4, "2024年2月30日")),
    ("format.date", "关于举办培训班的通知\n二〇二四年五月八日", None, None, (2, 0, "二〇二四年五月八日")),
    ("punctuation", "会议(扩大)召开。", None, None, (1, 2, "(扩大)")),
]


@pytest.mark.parametrize("rule,text,date,region,expected", EXACT)
def test_exact_finding_per_rule(rule, text, date, region, expected):
    import datetime as dt

    when = dt.date.fromisoformat(date) if date else None
    got = [(f.paragraph, f.offset, f.match) for f in findings_for(text, when, region) if f.rule == rule]
    assert got == [expected]


def test_rendered_outlines_have_no_errors(cli, tmp_path):
    from .conftest import OUTLINES

    for kind in ("speech", "report", "notice"):
        out = tmp_path / f"{kind}.docx"
        assert cli("render", OUTLINES / f"{kind}.yaml", "-o", out)[0] == 0
        code, stdout, _ = cli("check", out)
        assert code == 0, stdout


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project")
def test_corpus_findings(cli):
    code, out, _ = cli("check", "--format", "json", *sorted(CORPUS.glob("*.txt")))
    assert code == 1
    data = json.loads(out)
    assert data["version"] == 2
    by = lambda name, rule: [f for f in data["findings"] if f["file"].endswith(name) and f["rule"] == rule]
    assert any("此处隐藏3607字" in f["match"] for f in by("000_2dca68fa2f7521ad.txt", "noise"))
    assert any(f["match"] == "一府两院" for f in by("000_2dca68fa2f7521ad.txt", "glossary.deprecated"))
    assert any("预览阅读已结束" in f["match"] for f in by("001_612cbac041346541.txt", "noise"))
    assert len(by("001_612cbac041346541.txt", "numbering.sequence")) == 3
    assert len(by("001_612cbac041346541.txt", "repeat")) == 1
    placeholders = {f["match"] for f in by("003_dbaf6a5ddfd464ee.txt", "placeholder")}
    assert {"xx", "x", "xxx"} <= placeholders
    for f in data["findings"]:
        assert set(f) == {"file", "paragraph", "offset", "length", "match", "rule", "severity", "message",
                          "suggestion", "basis", "field", "count", "places"}
        assert f["count"] == len(f["places"]) and f["places"][0]["paragraph"] == f["paragraph"]
        assert f["severity"] in ("error", "warning", "info") and f["basis"] and f["message"]
        assert len(f["match"]) == f["length"]


def test_bad_files_exit_2_and_others_are_still_checked(cli, tmp_path):
    good = write(tmp_path, "good.txt", "对“一府两院”工作进行监督。\n")
    empty = write(tmp_path, "empty.txt", "")
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 not really a zip")
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("坚定“四个意识”。\n".encode("gb18030"))
    garbled = tmp_path / "garbled.txt"
    garbled.write_bytes(b"\xff\xfe\xfa\xfb\xfc" * 20)
    code, out, err = cli("check", good, empty, corrupt, binary, gbk, garbled)
    assert code == 2
    assert "Traceback" not in err
    assert "一府两院" in out and "坚定“四个意识" in out
    assert f"{empty}: 文件是空的" in err
    assert f"{corrupt}: 不是有效的 .docx 文件" in err
    assert f"{binary}: 这是二进制文件" in err
    assert f"{garbled}: 无法识别文件编码" in err


def test_every_rule_declares_itself_and_readme_lists_them():
    from drafter.check.rules import REQUIRED, table

    for rule in RULES:
        assert all(hasattr(rule, name) for name in REQUIRED), rule.__name__
        assert rule.SEVERITY in ("error", "warning", "info") and rule.DOC and rule.BASIS
        assert hasattr(rule, "FIXTURES") or rule.ID.startswith("glossary."), rule.ID
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert table() in readme, "README's rule table differs from the rules: run `make rules-table`"


def test_a_rule_reports_only_its_own_id_and_severity():
    texts = [t for rule in RULES for t in getattr(rule, "FIXTURES", {}).get("bad", [])]
    texts += [ex["text"] for e in GLOSSARY.entries.values() for ex in e.data["examples"]["bad"]]
    texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))] if CORPUS.is_dir() else []
    by_id = {rule.ID: rule for rule in RULES}
    for text in texts:
        for f in findings_for(text):
            assert f.rule in by_id and f.severity == by_id[f.rule].SEVERITY, (f.rule, f.severity, f.match)


@pytest.mark.parametrize("rule", [r for r in RULES if getattr(r, "FIXTURES", {}).get("bad")], ids=lambda r: r.ID)
def test_every_rule_reaches_the_word_comments(rule, tmp_path):
    """check --annotate writes a Word comment for each finding, whatever its rule: the first bad
    fixture of every rule, annotated, carries a comment naming that rule."""
    import docx

    from drafter.check.edits import annotate

    text = rule.FIXTURES["bad"][0]
    src = tmp_path / "d.txt"
    src.write_text(text + "\n", encoding="utf-8")
    found = [f for f in findings_for(text) if f.rule == rule.ID]
    assert found
    out = tmp_path / "review.docx"
    assert annotate(str(src), found, str(out)) >= 1
    assert any(f"［{rule.ID}］" in c.text for c in docx.Document(str(out)).comments)


def test_dated_term_not_reported_when_the_draft_sums_the_period_up():
    import datetime as dt

    text = "主要任务是总结“十四五”时期全县人大工作，部署今年重点任务。"
    assert not [f for f in findings_for(text, dt.date(2026, 3, 24)) if f.rule == "glossary.dated"]
    # the same period named as current work is still reported
    assert [f for f in findings_for("抓好“十四五”时期各项任务。", dt.date(2026, 3, 24)) if f.rule == "glossary.dated"]


def test_dated_term_not_reported_beside_a_tally_of_work_done():
    import datetime as dt

    day = dt.date(2026, 11, 30)
    text = "“十四五”时期，市人大常委会制定地方性法规14件，修改9件。"
    assert not [f for f in findings_for(text, day) if f.rule == "glossary.dated"]
    # a tally set as a goal is no looking back
    goal = "“十四五”时期，市人大常委会要制定地方性法规14件。"
    assert [f for f in findings_for(goal, day) if f.rule == "glossary.dated"]


@pytest.mark.parametrize("lines,expected", [
    (["关于举办培训班的通知", "培训时间：2026年5月27日至29日，为期3天。", "请于5月20日前报名。"], None),
    (["关于举办培训班的通知", "2026年5月27日至29日举办培训。", "县人大常委会办公室", "2026年5月8日"], (2026, 5, 8)),
    (["关于举办培训班的通知", "请于5月20日前报名。", "2026年5月8日"], (2026, 5, 8)),
])
def test_a_period_in_the_text_is_not_the_drafts_date(lines, expected):
    import datetime as dt

    from drafter.documents import detect_date
    draft = draft_from_lines("d.txt", lines)
    when, _ = detect_date(draft.paragraphs)
    assert when == (dt.date(*expected) if expected else None)


def _register_cases():
    from drafter.check.rules.usage_lawname import register
    examples = register()["examples"]
    return [(kind, text) for kind in ("bad", "good") for text in examples.get(kind, [])]


@pytest.mark.parametrize("kind,text", _register_cases())
def test_law_name_register_examples(kind, text):
    hits = [f for f in findings_for(text) if f.rule == "usage.lawname"]
    assert bool(hits) == (kind == "bad"), (text, hits)


def test_every_law_of_the_register_cited_by_its_full_name_is_let_be():
    from drafter.check.rules.usage_lawname import register
    names = register()["names"]
    assert len(names) == len(set(names))
    text = "\n".join(f"学习《中华人民共和国{name}》。" for name in names)
    assert [f for f in findings_for(text) if f.rule == "usage.lawname"] == []
