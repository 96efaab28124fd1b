"""drafter check as a writer uses it: outlines, --fix, --annotate, glossary, render --strict, JSON."""

import json

import docx
import pytest

from drafter.check.report import JSON_SCHEMA

from .conftest import MINIMAL_SPEECH, OUTLINES, ROOT, write

DRAFT = "关于举办培训班的通知\n各单位:\n一、对“一府两院”工作的意见。\n二、要坚定“四个意识”。。\n2024年5月8日\n"


def test_rule_findings_with_exact_location(cli, tmp_path):
    path = write(tmp_path, "d.txt", DRAFT)
    code, out, _ = cli("check", "--format", "json", path)
    assert code == 1
    got = {(f["rule"], f["paragraph"], f["offset"], f["match"]) for f in json.loads(out)["findings"]}
    assert ("punctuation", 2, 3, ":") in got
    assert ("glossary.deprecated", 3, 4, "一府两院") in got
    assert ("glossary.collocation", 4, 3, "坚定“四个意识") in got
    assert ("punctuation", 4, 11, "。。") in got


def test_clean_draft_in_the_same_style_has_no_errors(cli, tmp_path):
    clean = DRAFT.replace(":", "：").replace("一府两院", "一府一委两院").replace("坚定", "增强").replace("。。", "。")
    code, out, _ = cli("check", write(tmp_path, "clean.txt", clean))
    assert code == 0, out
    assert "0 处错误" in out


def test_json_output_validates_against_the_documented_schema(cli, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    code, out, _ = cli("check", "--format", "json", write(tmp_path, "d.txt", DRAFT), OUTLINES / "speech.yaml")
    data = json.loads(out)
    jsonschema.validate(data, JSON_SCHEMA)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert json.dumps(JSON_SCHEMA, ensure_ascii=False, indent=2) in readme  # the schema the README documents


def test_outline_findings_point_at_the_field(cli, tmp_path):
    src = MINIMAL_SPEECH.replace("要强化监督。", "要加强对“一府两院”的监督。")
    code, out, _ = cli("check", "--format", "json", write(tmp_path, "s.yaml", src))
    assert code == 1
    (f,) = [f for f in json.loads(out)["findings"] if f["rule"] == "glossary.deprecated"]
    assert f["field"] == "points[1].paragraphs[0]" and f["match"] == "一府两院"


def test_dated_and_scope_need_date_and_region(cli, tmp_path):
    path = write(tmp_path, "s.txt", "今年是实施“十四五”规划的关键之年，要加快实现“三高四新”美好蓝图。\n")
    code, out, _ = cli("check", path)
    assert "glossary.dated" not in out and "glossary.scope" not in out
    code, out, _ = cli("check", path, "--date", "2026-03-01", "--region", "贵州")
    assert "glossary.dated" in out and "“十五五”规划" in out
    assert "glossary.scope" in out and "湖南" in out


def test_fix_applies_safe_fixes_to_a_new_file(cli, tmp_path):
    path = write(tmp_path, "d.txt", DRAFT)
    out = tmp_path / "fixed.txt"
    code, _, err = cli("check", path, "--fix", "-o", out)
    assert code == 1
    assert path.read_text(encoding="utf-8") == DRAFT  # the draft itself is never changed
    fixed = out.read_text(encoding="utf-8")
    assert "各单位：" in fixed and "一府一委两院" in fixed and "“四个意识”。\n" in fixed
    assert "坚定“四个意识”" in fixed  # a wrong verb is a judgement, not a mechanical fix
    assert "已修改 第3段 第5字：“一府两院” → “一府一委两院”" in err
    code, report, _ = cli("check", out)
    assert "glossary.deprecated" not in report and "punctuation" not in report


def test_fix_docx_keeps_the_formatting(cli, tmp_path):
    doc = docx.Document()
    p = doc.add_paragraph()
    p.add_run("依法监督“一府两院”工作")
    p.add_run("，确保实效。").bold = True
    src = tmp_path / "d.docx"
    doc.save(src)
    out = tmp_path / "fixed.docx"
    code, _, err = cli("check", src, "--fix", "-o", out)
    fixed = docx.Document(out).paragraphs[0]
    assert fixed.text == "依法监督“一府一委两院”工作，确保实效。"
    assert fixed.runs[1].bold


def test_fix_refuses_to_overwrite_the_draft(cli, tmp_path):
    path = write(tmp_path, "d.txt", DRAFT)
    code, _, err = cli("check", path, "--fix", "-o", path)
    assert code == 2 and "原稿不会被修改" in err
    assert path.read_text(encoding="utf-8") == DRAFT
    code, _, err = cli("check", path, "--fix")
    assert code == 2 and "-o" in err  # an outline's --fix: tests/test_fix_outline_residue.py


def test_annotate_puts_a_comment_on_each_finding(cli, tmp_path):
    doc = docx.Document()
    doc.add_paragraph("会议要求。")
    doc.add_paragraph("依法监督“一府两院”工作，要坚定“四个意识”。")
    src = tmp_path / "d.docx"
    doc.save(src)
    before = src.read_bytes()
    out = tmp_path / "review.docx"
    code, _, err = cli("check", src, "--annotate", out)
    assert code == 1 and "2 条批注" in err
    assert src.read_bytes() == before
    annotated = docx.Document(out)
    comments = list(annotated.comments)
    assert len(comments) == 2
    assert "一府一委两院" in comments[0].text and comments[0].author == "drafter"
    para = annotated.paragraphs[1]
    assert para.text == "依法监督“一府两院”工作，要坚定“四个意识”。"  # text unchanged, only marked
    xml = para._p.xml
    start = xml.index("commentRangeStart")
    assert "一府两院" in xml[start:xml.index("commentRangeEnd")]


def test_annotate_a_text_draft(cli, tmp_path):
    out = tmp_path / "review.docx"
    code, _, err = cli("check", write(tmp_path, "d.txt", DRAFT), "--annotate", out)
    assert code == 1
    assert len(list(docx.Document(out).comments)) >= 4


def test_glossary_command(cli):
    code, out, _ = cli("glossary", "一府两院")
    assert code == 0 and out.startswith("一府一委两院") and "旧提法：一府两院" in out
    code, out, _ = cli("glossary", "--list")
    assert code == 0 and "四个意识" in out and "共 " in out
    assert int(out.strip().splitlines()[-1].split()[1]) >= 60
    code, _, err = cli("glossary", "不存在的提法")
    assert code == 2 and "词库中没有" in err


def test_own_glossary_extends_and_overrides(cli, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "local.yaml").write_text(
        "- term: 四联四促\n  category: 地方提法\n  variants: [四连四促]\n  basis: 本区人大常委会部署\n"
        "  examples: {bad: 开展四连四促活动。, good: 开展“四联四促”活动。}\n"
        "- term: 一府一委两院\n  verbs: [监督]\n  basis: 本单位\n"
        "  examples: {bad: x, good: y}\n", encoding="utf-8")
    path = write(tmp_path, "d.txt", "开展四连四促活动，监督“一府两院”。\n")
    code, out, _ = cli("check", path, "--glossary", mine)
    assert "“四连四促”应为“四联四促”" in out
    assert "glossary.deprecated" not in out  # the office's own entry replaced the shipped one


def test_bad_glossary_file_is_a_clear_error(cli, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "bad.yaml").write_text("- term: 四联四促\n  basis: x\n", encoding="utf-8")
    code, _, err = cli("check", write(tmp_path, "d.txt", "正文。\n"), "--glossary", mine)
    assert code == 2 and "bad.yaml:1:3: [0].examples: 缺少必填字段 examples" in err


def test_render_checks_its_output_and_strict_refuses(cli, tmp_path):
    src = write(tmp_path, "s.yaml", MINIMAL_SPEECH.replace("要强化监督。", "要监督“一府两院”。"))
    code, out, _ = cli("render", src)
    assert code == 0 and "glossary.deprecated" in out and (tmp_path / "s.docx").exists()
    strict_out = tmp_path / "strict.docx"
    code, out, _ = cli("render", src, "--strict", "-o", strict_out)
    assert code == 1 and "未写出" in out
    assert not strict_out.exists()


def test_large_and_protected_files(cli, tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    protected = tmp_path / "secret.docx"
    protected.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    ok = write(tmp_path, "ok.txt", "对“一府两院”工作进行监督。\n")
    code, out, err = cli("check", big, protected, ok)
    assert code == 2
    assert f"{big}: 文件过大" in err
    assert f"{protected}: 文件已加密或是旧版 .doc 格式" in err
    assert "一府两院" in out


def test_markdown_drafts_are_checked_without_their_markup_and_fixed_in_place(cli, tmp_path):
    md = "# 讲话\n\n## 一、学习\n\n**一是加强学习。**对“一府两院”开展监督。\n\n## 三、建设\n"
    path = write(tmp_path, "d.md", md)
    code, out, _ = cli("check", "--format", "json", path)
    got = {(f["rule"], f["paragraph"], f["match"]) for f in json.loads(out)["findings"]}
    assert ("numbering.sequence", 7, "三、") in got
    assert ("glossary.deprecated", 5, "一府两院") in got
    out_path = tmp_path / "fixed.md"
    cli("check", path, "--fix", "-o", out_path)
    assert out_path.read_text(encoding="utf-8") == md.replace("一府两院", "一府一委两院")


def test_a_docx_that_unpacks_to_too_much_is_refused(cli, tmp_path, monkeypatch):
    from drafter import documents as reader

    doc = docx.Document()
    doc.add_paragraph("正文。")
    path = tmp_path / "bomb.docx"
    doc.save(path)
    monkeypatch.setattr(reader, "MAX_DOCX_XML", 1000)  # a real bomb unpacks to gigabytes
    code, _, err = cli("check", path)
    assert code == 2 and "文档解压后过大" in err


def test_render_proofreads_with_the_writers_own_glossary(cli, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "local.yaml").write_text(
        "- term: 四联四促\n  variants: [四连四促]\n  basis: 本区人大常委会部署\n"
        "  examples: {bad: 开展四连四促活动。, good: 开展“四联四促”活动。}\n", encoding="utf-8")
    src = write(tmp_path, "s.yaml", MINIMAL_SPEECH.replace("要强化监督。", "要开展四连四促活动。"))
    code, out, _ = cli("render", src, "-o", tmp_path / "s.docx", "--glossary", mine)
    assert code == 0 and "“四连四促”应为“四联四促”" in out
    code, out, _ = cli("render", src, "-o", tmp_path / "s.docx")
    assert "四连四促" not in out


def test_strict_render_accepts_attachments_whose_titles_open_with_a_year(cli, tmp_path):
    """附件：1.2026年……/2.…… is the attachment list render writes; 1.2026 is no decimal there, so the
    second item is no numbering error and --strict writes the notice."""
    import yaml

    outline = yaml.safe_load((OUTLINES / "notice.yaml").read_text(encoding="utf-8"))
    outline["attachments"][0]["title"] = "2026年全区人大代表履职能力提升培训班报名回执"
    outline["attachments"].append({"title": "培训课程安排"})
    src = tmp_path / "n.yaml"
    src.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    out_md = tmp_path / "n.md"
    code, out, err = cli("render", src, "--strict", "-o", out_md)
    assert code == 0, out + err
    assert "附件：1.2026年全区人大代表" in out_md.read_text(encoding="utf-8")
