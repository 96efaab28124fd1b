"""The pieces under the hostile suite, tested directly: the YAML gate, the output plan, the
one-pass count rule, the bounded reader and the .docx verification."""

from __future__ import annotations

import os
import random

import pytest

from drafter import safeyaml
from drafter.errors import DrafterError


@pytest.mark.parametrize("value,words", [
    ("!!float abc", "不是有效的小数"), ("!!int 0x", "不是有效的整数"), ("!!bool maybe", "不是有效的是/否"),
    ("!!timestamp x", "不支持的 YAML 标记 !!timestamp"), ("!!float ''", "不是有效的小数"), ("0b_", "不是有效的整数"),
    ("0x_", "不是有效的整数"), ("9" * 5000, "数字过长"), ("!!binary eA==", "不支持的 YAML 标记 !!binary"),
    ("!!python/object:os.system x", "不支持的 YAML 标记"), ("'a\\x01'", None), ('"a\\x01"', "U+0001"),
    ('"\\uFFFE"', "U+FFFE"), ('"\\v"', "U+000B"), ("!!set {a}", "不支持的 YAML 标记 !!set"),
])
def test_yaml_refuses_unexpected_tags_and_values_with_the_field_path(value, words):
    text = f"points:\n  - title: ok\n  - title: {value}\n"
    if words is None:  # single quotes do not escape: a backslash and an x
        safeyaml.load(text, "o.yaml")
        return
    with pytest.raises(DrafterError) as err:
        safeyaml.load(text, "o.yaml")
    assert str(err.value).startswith("o.yaml:3:") and "points[1].title" in str(err.value)
    assert words in str(err.value)


@pytest.mark.parametrize("text", ["[" * 30_000 + "]" * 30_000, "{a: " * 30_000 + "1" + "}" * 30_000,
                                  "- " * 30_000 + "x", "a:\n" + "".join("  " * i + "b:\n" for i in range(1, 60))])
def test_deep_yaml_is_refused_before_anything_recurses(text):
    with pytest.raises(DrafterError, match="嵌套超过 50 层"):
        safeyaml.load(text, "o.yaml")


def test_aliases_are_budgeted_by_characters_not_only_by_values():
    big = "长" * (safeyaml.MAX_CHARS // 300 + 1)  # 300 aliases of it expand past the budget
    text = f"a: &p {big}\nb: [{', '.join(['*p'] * 300)}]\n"
    with pytest.raises(DrafterError, match="万字"):
        safeyaml.load(text, "o.yaml")
    assert safeyaml.load("a: &p x\nb: [*p, *p]\n", "o.yaml")[0] == {"a": "x", "b": ["x", "x"]}


def test_the_reader_refuses_what_is_not_a_regular_file(tmp_path):
    from drafter.files.fs import read_bounded

    os.mkfifo(tmp_path / "fifo")
    os.symlink("/dev/zero", tmp_path / "zero")
    for name, words in (("fifo", "不是普通文件"), ("zero", "不是普通文件"), ("missing", "不存在")):
        with pytest.raises(DrafterError, match=words):
            read_bounded(str(tmp_path / name), 1000)
    (tmp_path / "big").write_bytes(b"x" * 1001)
    with pytest.raises(DrafterError, match="文件过大"):
        read_bounded(str(tmp_path / "big"), 1000)
    with pytest.raises(DrafterError, match="目录"):
        read_bounded(str(tmp_path), 1000)


def test_the_plan_refuses_links_to_inputs_duplicates_and_existing_files(tmp_path):
    from drafter.files.outputs import Plan

    src = tmp_path / "s.yaml"
    src.write_text("x")
    os.symlink(src, tmp_path / "link.docx")
    os.link(src, tmp_path / "hard.docx")
    plan = Plan([str(src)])
    for name in ("link.docx", "hard.docx", "sub/../s.yaml"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        with pytest.raises(DrafterError, match="原稿不会被修改"):
            plan.add(str(tmp_path / name))
    plan.add(str(tmp_path / "a.docx"))
    with pytest.raises(DrafterError, match="同一个文件"):
        plan.add(str(tmp_path / "sub" / ".." / "a.docx"))
    (tmp_path / "old.docx").write_text("old")
    with pytest.raises(DrafterError, match="--force"):
        plan.add(str(tmp_path / "old.docx"))
    assert Plan(force=True).add(str(tmp_path / "old.docx"))


def test_a_docx_that_does_not_parse_is_never_written(tmp_path):
    import io
    import zipfile

    from drafter.files import outputs
    from drafter.files.docxverify import CorruptOutput

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document><w:body><w:t>\x0b</w:t>")
    with pytest.raises(CorruptOutput):
        outputs.write(str(tmp_path / "x.docx"), buf.getvalue())
    assert list(tmp_path.iterdir()) == []


def test_a_part_is_skipped_only_when_byte_identical_to_one_that_parsed():
    """verify does not parse again a part it has seen parse (a batch shares the skeleton's
    parts), but a part of the same name with other bytes is parsed and refused."""
    import io
    import zipfile

    from drafter.files.docxverify import CorruptOutput, verify

    def package(document: str) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("[Content_Types].xml", "<Types/>")
            zf.writestr("word/styles.xml", "<w:styles xmlns:w='urn:w'/>")
            zf.writestr("word/document.xml", document)
        return buf.getvalue()

    good = "<w:document xmlns:w='urn:w'><w:body/></w:document>"
    verify(package(good))
    verify(package(good))
    with pytest.raises(CorruptOutput, match="word/document.xml"):
        verify(package(good[:-3]))


def test_the_skeleton_leaves_out_python_docx_parts_that_do_not_describe_the_document(tmp_path):
    """No stylesWithEffects.xml (python-docx's styles from before drafter set its fonts), no
    thumbnail of python-docx's empty page, no table styles but the default and the one the
    writer uses; every relationship still reaches a part."""
    import posixpath
    import re
    import zipfile

    from drafter.render import render_file
    from tests.conftest import OUTLINES

    out = tmp_path / "n.docx"
    render_file(str(OUTLINES / "notice.yaml"), str(out))
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        assert not any("stylesWithEffects" in n or "thumbnail" in n for n in names), names
        styles = zf.read("word/styles.xml").decode("utf-8")
        tables = re.findall(r'<w:style w:type="table"[^>]*>\s*<w:name w:val="([^"]+)"', styles)
        assert sorted(tables) == ["Normal Table", "Table Grid"], tables
        assert re.search(r'w:type="paragraph"[^>]*w:styleId="Heading1"', styles), "built-in paragraph styles are kept"
        for rels in (n for n in names if n.endswith(".rels")):
            folder = posixpath.dirname(posixpath.dirname(rels))  # word/_rels/x.rels -> word
            for target in re.findall(r'Target="([^"]+)"', zf.read(rels).decode()):
                assert posixpath.normpath(posixpath.join(folder, target)) in names, (rels, target)


def test_the_one_pass_count_of_what_follows_agrees_with_rescanning():
    """numbering.count counts the items after every paragraph in one backward pass; counting
    them paragraph by paragraph (the definition, quadratic) must give the same numbers."""
    from drafter import numbering
    from drafter.check.rules import numbering_count as rule
    from drafter.documents import Paragraph

    def by_rescan(paras, index):
        style, count = None, 0
        for para in paras[index + 1:]:
            m, lead = numbering.opening_item(para.text)
            if lead:
                break
            if m is None:
                continue
            style = style or m.style
            if m.style == style:
                count += 1
            elif m.depth < numbering.DEPTH[style]:
                break
        return count

    rnd = random.Random(7)
    lines = ["一、学习", "（一）读书", "（二）讨论", "二、监督", "1. 要", "2. 要", "一是加强", "二是强化", "一要", "（1）x",
             "正文", "我讲三点意见。", "三、建设", "首先，看", "**一是**", "附件：1. 方案", "2. 统计表"]
    for _ in range(2000):
        paras = [Paragraph(i + 1, rnd.choice(lines)) for i in range(rnd.randint(1, 15))]
        assert rule._following(paras) == [by_rescan(paras, i) for i in range(len(paras))], [p.text for p in paras]


def test_fix_removes_control_characters_from_a_text_draft(cli, tmp_path):
    src = tmp_path / "d.txt"
    src.write_text("今天召开\x01会议。\n", encoding="utf-8")
    code, out, err = cli("check", src, "--fix", "-o", tmp_path / "f.txt")
    assert code == 1 and "U+0001" in out
    assert (tmp_path / "f.txt").read_text(encoding="utf-8") == "今天召开会议。\n"


# --- issue 23 ----------------------------------------------------------------------------------

def test_fix_copies_the_parts_it_does_not_edit_byte_for_byte():
    import io
    import zipfile

    from drafter.files.docxverify import CorruptOutput, keep_unedited, verify

    from .cases import DRAFT, broken_xml, docx_bytes

    source = broken_xml(docx_bytes(DRAFT), "word/theme/theme1.xml")
    saved = docx_bytes(["另一篇"])  # python-docx's save: every part re-serialised
    merged = keep_unedited(source, saved, {"word/document.xml"})
    old, new, out = (zipfile.ZipFile(io.BytesIO(d)) for d in (source, saved, merged))
    assert out.namelist() == old.namelist()
    for name in old.namelist():
        want = new.read(name) if name == "word/document.xml" else old.read(name)
        assert out.read(name) == want, name
    verify(merged, source)  # the theme is the writer's, copied: not drafter's corruption
    with pytest.raises(CorruptOutput):
        verify(merged)  # without its source, the same package is refused


@pytest.mark.parametrize("damage", ["flipped-deflate", "flipped-crc", "zip-encrypted", "office-encrypted",
                                    "content-types-missing", "content-types-wrong-main", "core-broken"])
def test_a_damaged_docx_is_bad_input_not_a_bug(tmp_path, damage):
    from drafter.files.docxverify import open_document

    from .cases import damaged_packages

    path = tmp_path / "d.docx"
    path.write_bytes(damaged_packages()[damage])
    with pytest.raises(DrafterError) as err:
        open_document(str(path))
    assert str(err.value).startswith(str(path))


@pytest.mark.parametrize("damage", ["rels-missing", "content-types-missing", "content-types-wrong-main"])
def test_a_package_python_docx_refuses_is_refused_by_the_light_reader_too(tmp_path, damage):
    """read_draft reads a plain package without python-docx; a package python-docx would refuse
    (no main part, or no package relationships naming it) goes to python-docx and its message."""
    from drafter.documents import read_draft

    from .cases import damaged_packages

    path = tmp_path / "d.docx"
    path.write_bytes(damaged_packages()[damage])
    with pytest.raises(DrafterError) as err:
        read_draft(str(path))
    assert str(err.value).startswith(str(path))


@pytest.mark.parametrize("escape", ["\\x01", "\\x1f", "\\ud800", "\\udfff", "\\uffff"])
def test_a_template_that_produces_an_illegal_character_is_refused(tmp_path, escape):
    from drafter.render.templating import render_in

    (tmp_path / "t.md.j2").write_text('# 标题\n\n正文{{ "' + escape + '" }}。\n', encoding="utf-8")
    with pytest.raises(DrafterError) as err:
        render_in((str(tmp_path),), "t.md.j2", {})
    assert "t.md.j2" in str(err.value) and "第 3 行" in str(err.value) and "U+" in str(err.value)


def test_a_folder_too_large_to_plan_around_is_refused(tmp_path, monkeypatch):
    from drafter.files import outputs

    monkeypatch.setattr(outputs, "MAX_INPUT_FILES", 10)
    for i in range(12):
        (tmp_path / f"{i}.md.j2").write_text("x")
    with pytest.raises(DrafterError, match="超过 10 个"):
        outputs.Plan(folders=[str(tmp_path)])
    outputs.Plan(folders=[str(tmp_path / "0.md.j2")])  # a file, not a folder: nothing to walk


def test_findings_of_a_rule_in_a_paragraph_are_capped_and_counted():
    from drafter.check import load_glossary
    from drafter.check.rules import MAX_PER_PARAGRAPH, run_rules
    from drafter.documents import Draft, Paragraph

    findings = run_rules(Draft("t.txt", [Paragraph(1, "http://" * 3000)], kind="notice"), load_glossary())
    noise = [f for f in findings for one in f.each() if f.rule == "noise"]
    notes = [f for f in findings if f.severity == "info" and "未列出" in f.message]
    assert len(noise) <= MAX_PER_PARAGRAPH + 1 and notes, (len(noise), len(notes))


def test_a_paragraph_past_the_limit_is_refused():
    from drafter.documents import MAX_PARAGRAPH_CHARS, draft_from_lines

    draft_from_lines("d.txt", ["长" * MAX_PARAGRAPH_CHARS])
    with pytest.raises(DrafterError, match="第 2 段"):
        draft_from_lines("d.txt", ["开头", "长" * (MAX_PARAGRAPH_CHARS + 1)])
