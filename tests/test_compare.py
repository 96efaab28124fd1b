"""drafter compare: the 修改前后对照表 of an amended regulation, article by article."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from drafter import compare, numbering
from drafter.compare import align
from drafter.errors import DrafterError

from .conftest import ROOT, needs_soffice, write

EXAMPLE = ROOT / "examples" / "compare"
OLD, NEW = EXAMPLE / "修改前.txt", EXAMPLE / "修改后.txt"

# Every division of both versions, in the new text's order: (status, 修改前, 修改后).
EXPECTED = [
    ("unchanged", "", ""),  # the title
    ("unchanged", "第一章", "第一章"), ("unchanged", "第一条", "第一条"), ("unchanged", "第二条", "第二条"),
    ("unchanged", "第三条", "第三条"), ("changed", "第四条", "第四条"), ("unchanged", "第五条", "第五条"),
    ("unchanged", "第六条", "第六条"), ("unchanged", "第二章", "第二章"), ("changed", "第八条", "第七条"),
    ("changed", "第九条", "第八条"), ("changed", "第十条", "第九条"), ("renumbered", "第十一条", "第十条"),
    ("renumbered", "第十二条", "第十一条"), ("renumbered", "第十三条", "第十二条"),
    ("renumbered", "第十四条", "第十三条"), ("added", None, "第十四条"), ("unchanged", "第十五条", "第十五条"),
    ("unchanged", "第三章", "第三章"), ("moved", "第七条", "第十六条"), ("renumbered", "第十六条", "第十七条"),
    ("renumbered", "第十七条", "第十八条"), ("changed", "第十八条", "第十九条"),
    ("renumbered", "第十九条", "第二十条"), ("renumbered", "第二十条", "第二十一条"), ("added", None, "第二十二条"),
    ("unchanged", "第四章", "第四章"), ("changed", "第二十一条", "第二十三条"), ("deleted", "第二十二条", None),
    ("renumbered", "第二十三条", "第二十四条"), ("unchanged", "第五章", "第五章"),
    ("renumbered", "第二十四条", "第二十五条"),
]
SHOWN = [e for e in EXPECTED if e[0] not in ("unchanged", "renumbered")]


def labels(rows):
    return [(r.status, r.old and r.old.label, r.new and r.new.label) for r in rows]


def test_every_article_is_in_its_row():
    result = compare.compare(str(OLD), str(NEW))
    assert labels(result.rows) == EXPECTED
    assert result.title == "《恒阳市文明行为促进条例》修改前后对照表"
    # the 目录 is not read as headings, the 题注 is the preamble
    assert [d.label for d in result.old.divisions if not d.is_article] == [f"第{n}章" for n in "一二三四五"]
    assert result.old.preamble[0].startswith("（2019年10月25日")
    # 款 and 项 stay with their article
    eighth = next(d for d in result.old.articles if d.number == 8)
    assert len(eighth.paragraphs) == 5 and eighth.paragraphs[4].startswith("（四）")


def test_changed_words_are_marked_character_by_character():
    rows = {(r.old and r.old.label): r for r in compare.compare(str(OLD), str(NEW)).rows}
    fourth = rows["第四条"]
    assert ("党委", "-") in fourth.old_parts and ("中国共产党的", "+") in fourth.new_parts
    assert ("、奖惩结合", "+") in fourth.new_parts
    # a reference renumbered inside the text: one character each side
    penalty = rows["第二十一条"]
    assert ("九", "-") in penalty.old_parts and ("八", "+") in penalty.new_parts
    assert "".join(t for t, _ in penalty.old_parts) == penalty.old.text
    assert "".join(t for t, _ in penalty.new_parts) == penalty.new.text


def test_renumbered_article_is_matched_by_text_not_number():
    old = "条例\n第一条　甲乙丙丁戊己庚辛。\n第二条　子丑寅卯辰巳午未。\n第三条　天地玄黄宇宙洪荒。\n"
    new = "条例\n第一条　天地玄黄宇宙洪荒。\n第二条　甲乙丙丁戊己庚辛。\n第三条　子丑寅卯辰巳午未。\n"
    from drafter.documents import draft_from_lines
    from drafter.importer.articles import parse_statute

    a = parse_statute(draft_from_lines("a.txt", old.splitlines())).divisions
    b = parse_statute(draft_from_lines("b.txt", new.splitlines())).divisions
    assert labels(align.rows(a, b)) == [("moved", "第三条", "第一条"), ("renumbered", "第一条", "第二条"),
                                        ("renumbered", "第二条", "第三条")]


def test_renamed_statute_and_docx_to_screen_refused(cli, tmp_path):
    old = write(tmp_path, "旧.txt", "恒阳市养犬管理规定\n第一条　甲乙丙丁戊己庚辛。\n第二条　子丑寅卯辰巳午未。\n")
    new = write(tmp_path, "新.txt", "恒阳市养犬管理条例（修订草案）\n第一条　甲乙丙丁戊己庚辛。\n第二条　子丑寅卯辰巳午未。\n")
    result = compare.compare(str(old), str(new))
    assert result.title == "《恒阳市养犬管理条例》修改前后对照表"
    first = result.rows[0]
    assert first.status == "changed" and ("规定", "-") in first.old_parts and first.new.label == ""
    md = compare.write(result, "md", notes=True).decode("utf-8")
    assert "| 恒阳市养犬管理~~规定~~ | 恒阳市养犬管理**条例（修订草案）** | 修改名称 |" in md
    code, out, err = cli("compare", old, new, "-o", "-", "--format", "docx")
    assert code == 2 and "不能输出到屏幕" in err and not out


def test_docx_table_rows_marks_and_landscape_pages(tmp_path):
    from docx import Document
    from docx.enum.section import WD_ORIENT

    out = tmp_path / "对照表.docx"
    done = compare.run(str(OLD), str(NEW), str(out), "docx", notes=True)
    assert "修改 6 条，新增 2 条，删除 1 条，移动 1 条" in done.summary
    doc = Document(str(out))
    assert all(s.orientation == WD_ORIENT.LANDSCAPE and s.page_width > s.page_height for s in doc.sections)
    assert doc.paragraphs[0].text == "《恒阳市文明行为促进条例》修改前后对照表"
    table = doc.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["修改前", "修改后", "说明"]
    body = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(body) == len(SHOWN) and len(SHOWN) == 10
    for (status, old, new), (left, right, note) in zip(SHOWN, body):
        assert left.startswith(old) if old else left == ""
        assert right.startswith(new) if new else right == ""
        expected = {"added": "新增", "deleted": "删除", "moved": f"移至{new}"}.get(
            status, "修改" if old == new else "修改，条序调整")
        assert note == expected, (old, new, note)
    # deleted text struck through, added text bold (the defaults)
    fourth_left, fourth_right = table.rows[1].cells[0], table.rows[1].cells[1]
    struck = "".join(r.text for p in fourth_left.paragraphs for r in p.runs if r.font.strike)
    bold = "".join(r.text for p in fourth_right.paragraphs for r in p.runs if r.bold)
    assert struck == "党委、" and bold == "中国共产党的，坚持、奖惩结合"
    # each 项 is a paragraph of its cell
    assert [p.text[:3] for p in table.rows[2].cells[1].paragraphs][1:] == ["（一）", "（二）", "（三）", "（四）", "（五）"]


def test_keep_unchanged_lists_every_article(tmp_path):
    data = compare.write(compare.compare(str(OLD), str(NEW)), "md", keep_unchanged=True)
    rows = [l for l in data.decode("utf-8").splitlines() if l.startswith("| ") and not l.startswith("| ---")]
    assert len(rows) == 1 + len(EXPECTED)


def test_unit_profile_chooses_the_marks(tmp_path):
    result = compare.compare(str(OLD), str(NEW))
    md = compare.write(result, "md").decode("utf-8")
    assert "~~党委~~" in md and "**中国共产党的**" in md
    md = compare.write(result, "md", {"deleted": "方括号", "added": "下划线"}).decode("utf-8")
    assert "［党委］" in md and "<u>中国共产党的</u>" in md and "~~" not in md
    from drafter.unit import PROFILE

    with pytest.raises(Exception, match="删除线"):
        PROFILE.check({"compare": {"deleted": "红色"}}, ("unit",))


def test_cli_writes_docx_and_md(cli, tmp_path):
    out = tmp_path / "对照表.docx"
    code, stdout, err = cli("compare", OLD, NEW, "-o", out)
    assert code == 0 and out.exists() and "已生成" in stdout and not err
    code, stdout, err = cli("compare", OLD, NEW, "-o", out)
    assert code == 0  # drafter's own unchanged output is replaced
    code, stdout, err = cli("compare", OLD, NEW, "-o", "-", "--notes")
    assert code == 0 and stdout.startswith("# 《恒阳市文明行为促进条例》修改前后对照表")
    assert "| 修改前 | 修改后 | 说明 |" in stdout


@pytest.mark.parametrize("old_text,why", [
    ("在全市人大工作会议上的讲话\n同志们：\n今天召开会议。\n", "不是由条文组成的法规文本"),
    ("", "文件是空的"),
])
def test_bad_input_is_refused_and_nothing_written(cli, tmp_path, old_text, why):
    old = write(tmp_path, "旧.txt", old_text)
    out = tmp_path / "对照表.docx"
    code, stdout, err = cli("compare", old, NEW, "-o", out)
    assert code == 2 and why in err and str(old) in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


def test_output_never_over_an_input_or_a_foreign_file(cli, tmp_path):
    new = tmp_path / "新.md"
    shutil.copy(NEW, new)
    code, _, err = cli("compare", OLD, new, "-o", new)
    assert code == 2 and "输出文件就是输入文件" in err and new.read_bytes() == NEW.read_bytes()
    other = tmp_path / "对照表.docx"
    other.write_bytes(b"PK\x03\x04 not drafter's")
    code, _, err = cli("compare", OLD, new, "-o", other)
    assert code == 2 and "--force" in err and other.read_bytes() == b"PK\x03\x04 not drafter's"
    code, _, err = cli("compare", OLD, new, "-o", tmp_path / "x.xls")
    assert code == 2 and "不支持" in err and not (tmp_path / "x.xls").exists()


def test_statute_numerals_both_ways():
    for n in (1, 9, 10, 11, 20, 99, 100, 101, 110, 115, 120, 199, 250):
        marker = numbering.statute_marker("条", n)
        assert numbering.statute_opening(marker + "　本条例").number == n
    assert numbering.statute_marker("条", 105) == "第一百零五条"
    assert numbering.statute_marker("条", 110) == "第一百一十条"
    assert numbering.statute_opening("第二条的规定不适用") is None  # a reference, not an article
    assert numbering.statute_opening("第三章　法律责任").unit == "章"
    inserted = numbering.statute_opening("第十条之一　鼓励")
    assert (inserted.unit, inserted.number, inserted.sub) == ("条", 10, 1)
    assert numbering.statute_marker("条", 10, 1) == "第十条之一"
    assert numbering.statute_opening("第十条之规定") is None
    for reference in ("第五条第一款规定的情形除外。", "第八条、第九条规定的", "第十条至第十二条", "第三条和第四条"):
        assert numbering.statute_opening(reference) is None, reference


@needs_soffice()
def test_pdf_pages_are_landscape_and_hold_every_row(cli, tmp_path):
    pdf = str(tmp_path / "对照表.pdf")
    code, out, err = cli("compare", OLD, NEW, "-o", pdf, "--notes")
    assert code == 0, err
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.3" in info  # A4 landscape
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    pages = ["".join(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"], capture_output=True,
                                    text=True, check=True).stdout.split()) for n in range(1, count + 1)]
    assert count >= 2 and all(f"—{n}—" in page for n, page in enumerate(pages, 1))  # numbered pages
    assert pages[0].startswith("《恒阳市文明行为促进条例》修改前后对照表")
    from .pdfpages import pages as read_pages

    laid = read_pages(pdf)
    heads = [[line.text for line in page.lines][:2] for page in laid]
    lines = [line.text for page in laid for line in page.lines]
    assert any("移至第十六条" in t for t in lines) and any(t.endswith("修改，条序调整") for t in lines)  # 说明 unbroken
    assert heads[0][1] == "修改前修改后说明"
    assert all(head[0] == "修改前修改后说明" for head in heads[1:])  # the header row repeated on every page
    flat = "".join(pages)
    assert all(label in flat for _, old, new in SHOWN for label in (old, new) if label)
    assert "第四条" in pages[0] and "坚持党委领" in pages[0]  # the first row on the first page
    assert "删除" in pages[-1] and "违反本条例第十一条规定，携犬出户" in pages[-1]  # the deleted article last


OLD_SPEECH = """在全市人大工作会议上的讲话
同志们：
今天召开全市人大工作会议，主要任务是总结去年工作，部署今年任务。
过去一年，市人大常委会认真履行宪法法律赋予的职责，各项工作取得新进展。
这一段在新稿中删去了。
要加强监督工作，增强监督实效。
谢谢大家！
"""
NEW_SPEECH = """在全市人大工作会议上的讲话
同志们：
今天召开全市人大工作会议，主要任务是总结2024年工作，部署2025年任务。
过去一年，市人大常委会认真履行宪法法律赋予的职责，各项工作取得新的明显进展。
要坚持正确监督、有效监督，增强监督实效。
要密切同人大代表和人民群众的联系。
谢谢大家！
"""


def _versions(docx: Path) -> tuple[list[str], list[str]]:
    """The paragraphs of a redline with every change accepted, and with every change rejected."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml")).find(f"{w}body")
    accepted, rejected = [], []
    for p in body.iter(f"{w}p"):
        mark = p.find(f"{w}pPr/{w}rPr")
        marked = {c.tag for c in mark} if mark is not None else set()
        kept = "".join(t.text or "" for t in p.iter(f"{w}t") if not any(
            a.tag == f"{w}del" for a in t.iterancestors()))
        before = "".join(t.text or "" for t in p.iter(f"{w}t", f"{w}delText") if not any(
            a.tag == f"{w}ins" for a in t.iterancestors()))
        if f"{w}del" not in marked and kept:
            accepted.append(kept)
        if f"{w}ins" not in marked and before:
            rejected.append(before)
    return accepted, rejected


def test_redline_accepts_to_the_new_version_and_rejects_to_the_old(cli, tmp_path):
    old, new = write(tmp_path, "旧.txt", OLD_SPEECH), write(tmp_path, "新.txt", NEW_SPEECH)
    code, stdout, err = cli("compare", old, new, "--redline")
    out = tmp_path / "新-修订.docx"
    assert code == 0 and out.exists() and "修改 3 段，新增 1 段，删除 1 段" in stdout, (stdout, err)
    accepted, rejected = _versions(out)
    assert accepted == NEW_SPEECH.splitlines() and rejected == OLD_SPEECH.splitlines()
    from drafter.files import guard

    assert guard.docx_state(str(out)) == "unchanged"  # drafter's hash covers the revisions
    code, _, _ = cli("compare", old, new, "--redline")
    assert code == 0  # its own unchanged output is replaced
    code, _, err = cli("compare", old, new, "--redline", "-o", tmp_path / "x.md")
    assert code == 2 and "--redline 只能写出 .docx" in err and not (tmp_path / "x.md").exists()


def test_redline_example_keeps_the_speech_shape(tmp_path):
    from docx import Document

    out = tmp_path / "讲话-修订.docx"
    done = compare.write_redline(str(EXAMPLE / "讲话-修改前.txt"), str(EXAMPLE / "讲话-修改后.txt"), str(out))
    assert "新增 1 段" in done.summary
    styles = {p.text.replace("\n", ""): p.style.name for p in Document(str(out)).paragraphs}  # a title broken in lines
    assert styles["在全市县（市、区）人大常委会主任会议上的讲话"] == "公文标题"
    assert styles["一、充分肯定过去一年的工作成绩"] == styles["二、扎实做好今年的各项工作"] == "一级标题"
    accepted, rejected = _versions(out)
    assert accepted == (EXAMPLE / "讲话-修改后.txt").read_text(encoding="utf-8").splitlines()
    assert rejected == (EXAMPLE / "讲话-修改前.txt").read_text(encoding="utf-8").splitlines()


def test_redline_pairs_changed_paragraphs_by_similarity():
    from drafter.compare import redline

    items = redline.paragraphs(["甲乙丙丁戊己庚辛", "完全不同的一段话", "子丑寅卯辰巳午未"],
                               ["甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未"])
    assert [state for state, _ in items] == ["~", "-", "="]
    assert items[0][1] == [("甲乙丙丁戊己庚辛", "="), ("壬癸", "+")]


def test_workspace_marks_and_docx_input(cli, tmp_path, monkeypatch):
    from docx import Document

    (tmp_path / "drafter.yaml").write_text("unit:\n  compare:\n    deleted: 方括号\n    added: 下划线\n", encoding="utf-8")
    old_docx = tmp_path / "修改前.docx"
    doc = Document()
    for line in OLD.read_text(encoding="utf-8").splitlines():
        doc.add_paragraph(line)
    doc.save(str(old_docx))
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("compare", old_docx, NEW, "-o", "-")
    assert code == 0, err
    assert "［党委］" in out and "<u>中国共产党的</u>" in out and "~~" not in out
    code, out, err = cli("compare", old_docx, NEW, "-o", tmp_path / "对照表.docx")
    assert code == 0, err
    cell = Document(str(tmp_path / "对照表.docx")).tables[0].rows[1].cells[1]
    assert "".join(r.text for p in cell.paragraphs for r in p.runs if r.underline) == "中国共产党的，坚持、奖惩结合"


def test_a_statute_pasted_as_one_paragraph_is_cut_into_its_articles(tmp_path):
    lines = OLD.read_text(encoding="utf-8").splitlines()
    body = lines[lines.index("第一章　总则", lines.index("第五章　附则")):]  # after the 目录
    pasted = write(tmp_path, "网上复制.txt", lines[0] + "\n" + "".join(body))  # the body's line breaks lost
    result = compare.compare(str(pasted), str(NEW))
    assert len(result.old.articles) == 24 and result.old.articles[21].label == "第二十二条"
    assert result.old.articles[20].text.startswith("违反本条例第九条规定")  # a reference is no article
    # every article paired as from the original (those with 款 or 项, run on here, show as changed)
    assert [(o, n) for _, o, n in labels(result.rows)] == [(o, n) for _, o, n in EXPECTED]


def test_an_article_inserted_as_zhi_yi_is_added_and_the_others_keep_their_numbers():
    from drafter.documents import draft_from_lines
    from drafter.importer.articles import parse_statute

    old = ["某某条例", "第十条　甲乙丙丁戊己庚辛。", "第十一条　子丑寅卯辰巳午未。"]
    new = ["某某条例", "第十条　甲乙丙丁戊己庚辛。", "第十条之一　天地玄黄，宇宙洪荒。", "第十一条　子丑寅卯辰巳午未。"]
    a = parse_statute(draft_from_lines("a.txt", old)).divisions
    b = parse_statute(draft_from_lines("b.txt", new)).divisions
    assert labels(align.rows(a, b)) == [("unchanged", "第十条", "第十条"), ("added", None, "第十条之一"),
                                        ("unchanged", "第十一条", "第十一条")]


def test_sections_and_books_are_headings():
    from drafter.documents import draft_from_lines
    from drafter.importer.articles import parse_statute

    lines = ["某某条例", "第一编　总则", "第一章　一般规定", "第一节　适用范围", "第一条　甲乙丙丁。",
             "第二节　原则", "第二条　子丑寅卯。", "本条第一款规定的情形除外。", "第一百零一条　天地玄黄。"]
    statute = parse_statute(draft_from_lines("x.txt", lines))
    assert [d.label for d in statute.divisions] == ["第一编", "第一章", "第一节", "第一条", "第二节", "第二条",
                                                    "第一百零一条"]
    assert statute.articles[1].paragraphs == ["子丑寅卯。", "本条第一款规定的情形除外。"]


def test_redline_round_trip_on_generated_drafts(tmp_path):
    """Whatever the two versions, accepting every change gives the new one and rejecting every
    change the old one (paragraphs shuffled, rewritten, split, added and dropped)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from drafter.compare import redline
    from drafter.render import layout

    paragraph = st.text(alphabet="一二三人大代表监督立法。，、（）", min_size=1, max_size=30).map(str.strip).filter(bool)
    drafts = st.lists(paragraph, min_size=1, max_size=8)

    @settings(max_examples=75, deadline=None, derandomize=True, database=None)
    @given(old=drafts, new=drafts)
    def check(old, new):
        out = tmp_path / "r.docx"
        data, _ = redline.write(old, new, "", layout.DEFAULT)
        out.write_bytes(data)
        accepted, rejected = _versions(out)
        assert accepted == new and rejected == old

    check()


def test_every_division_stands_in_exactly_one_row_on_generated_statutes():
    """Whatever the amendment, each article of either version is in one row, the old ones in
    their order among the rows kept in place, and each side's parts spell its text."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from drafter.importer.articles import Division

    words = st.text(alphabet="公民应当遵守法规本市人民政府。，", min_size=1, max_size=25)
    texts = st.lists(words, min_size=0, max_size=10)

    @settings(max_examples=150, deadline=None, derandomize=True, database=None)
    @given(old=texts, new=texts)
    def check(old, new):
        a = [Division("条", k + 1, [t], k) for k, t in enumerate(old)]
        b = [Division("条", k + 1, [t], k) for k, t in enumerate(new)]
        rows = align.rows(a, b)
        assert sorted(id(r.old) for r in rows if r.old) == sorted(map(id, a))
        assert [r.new for r in rows if r.new] == b  # the new text's order
        kept = [a.index(r.old) for r in rows if r.old and r.status != "moved"]
        assert kept == sorted(kept)
        for r in rows:
            if r.old:
                assert "".join(t for t, _ in r.old_parts) == r.old.text
            if r.new:
                assert "".join(t for t, _ in r.new_parts) == r.new.text

    check()
