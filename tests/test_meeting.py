"""A meeting's documents from one file (issue 24): rendered as a consistent set, and every
later edit that makes them disagree is told in Chinese, at its place."""

import shutil
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "kinds" / "meeting" / "example.yaml"
DOCS = ["01-会议通知", "02-会议议程", "03-会议日程", "04-主持词", "05-决议草案（第二项）", "06-决定草案（第四项）",
        "07-审议意见（第一项）", "08-审议意见（第三项）"]


@pytest.fixture
def rendered(cli, tmp_path):
    """The example meeting file rendered into 材料/, and a function that checks that folder."""
    shutil.copyfile(EXAMPLE, tmp_path / "会议.yaml")
    code, out, err = cli("render", tmp_path / "会议.yaml", "-o", tmp_path / "材料")
    assert code == 0, err
    folder = tmp_path / "材料"

    def check():
        return cli("check", folder)

    return folder, check


def test_a_meeting_file_renders_every_document_and_the_set_agrees_with_itself(rendered):
    folder, check = rendered
    names = {p.name for p in folder.iterdir()}
    assert names == {"会议.yaml", "00-材料清单.docx"} | {d + ext for d in DOCS for ext in (".yaml", ".docx")}
    code, out, err = check()
    assert code == 0 and "0 处错误，0 处警告，0 处提示" in out, out + err
    listing = "\n".join(p.text for p in docx.Document(folder / "00-材料清单.docx").tables[0]._cells)
    for stem in DOCS:
        assert stem in listing


def _docx_replace(path: Path, old: str, new: str) -> None:
    doc = docx.Document(path)
    done = False
    cells = [p for table in doc.tables for cell in table._cells for p in cell.paragraphs]
    for p in doc.paragraphs + cells:
        for run in p.runs:
            if old in run.text:
                run.text, done = run.text.replace(old, new, 1), True
                break
        if done:
            break
    assert done, f"{old} not in {path.name}"
    doc.save(path)


def _docx_drop(path: Path, starts: str) -> None:
    doc = docx.Document(path)
    p = next(p for p in doc.paragraphs if p.text.startswith(starts))
    p._element.getparent().remove(p._element)
    doc.save(path)


def _docx_move_before(path: Path, moved: str, before: str) -> None:
    doc = docx.Document(path)
    first = next(p for p in doc.paragraphs if p.text.startswith(moved))
    second = next(p for p in doc.paragraphs if p.text.startswith(before))
    second._element.addprevious(first._element)
    doc.save(path)


def _yaml_replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _yaml_swap_lines(path: Path, first: str, second: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    i = next(n for n, line in enumerate(lines) if first in line)
    j = next(n for n, line in enumerate(lines) if second in line)
    lines[i], lines[j] = lines[j], lines[i]
    path.write_text("\n".join(lines), encoding="utf-8")


EDITS = [
    ("an item dropped from the 议程 in Word", "02-会议议程.docx", "agenda", "缺少会议文件的第三项议程",
     lambda f: _docx_drop(f / "02-会议议程.docx", "三、")),
    ("an item dropped from the 通知 in its outline", "01-会议通知.yaml", "agenda", "缺少会议文件的第二项议程",
     lambda f: _yaml_replace(f / "01-会议通知.yaml", "  - 审议县人民政府关于提请审议2026年县级预算调整方案的议案\n", "")),
    ("two items reordered in the 议程's outline", "02-会议议程.yaml", "agenda", "议程顺序与会议文件不同",
     lambda f: _yaml_swap_lines(f / "02-会议议程.yaml", "计划执行情况的报告", "预算调整方案的议案")),
    ("an item reordered in the 主持词 in Word", "04-主持词.docx", "agenda", "议程顺序与会议文件不同",
     lambda f: _docx_move_before(f / "04-主持词.docx", "下面进行会议第二项议程", "下面进行会议第一项议程")),
    ("an item left out of the 日程", "03-会议日程.yaml", "agenda", "日程中没有会议文件的第三项议程",
     lambda f: _yaml_replace(f / "03-会议日程.yaml", "；听取和审议县人民检察院关于开展公益诉讼检察工作情况的报告", "")),
    ("the 次 changed in the 主持词 in Word", "04-主持词.docx", "number", "会议文件是第二十三次会议",
     lambda f: _docx_replace(f / "04-主持词.docx", "第二十三次会议", "第二十二次会议")),
    ("the 届 changed in a 决议's outline", "05-决议草案（第二项）.yaml", "number", "会议文件是第十九届",
     lambda f: _yaml_replace(f / "05-决议草案（第二项）.yaml", "meeting: 恒阳县第十九届", "meeting: 恒阳县第十八届")),
    ("a weekday wrong in the 通知 in Word", "01-会议通知.docx", "numbers.weekday", "2026年12月15日是星期二，不是星期三",
     lambda f: _docx_replace(f / "01-会议通知.docx", "（星期二）", "（星期三）")),
    ("a 日程 day outside the meeting", "03-会议日程.docx", "date", "12月17日不在会议文件的会期",
     lambda f: _docx_replace(f / "03-会议日程.docx", "12月16日（星期三）", "12月17日（星期四）")),
    ("attendance below the quorum in the 主持词's outline", "04-主持词.yaml", "quorum", "不足法定人数",
     lambda f: _yaml_replace(f / "04-主持词.yaml", "present: 21", "present: 12")),
    ("a vote without its 决议", "会议.yaml", "vote", "第二项议程要表决，但会议材料中没有决议草案",
     lambda f: [p.unlink() for p in f.glob("05-*")]),
    ("a 决定 whose title is not the item voted on", "06-决定草案（第四项）.docx", "vote", "标题与会议文件第四项议程的表决事项不同",
     lambda f: _docx_replace(f / "06-决定草案（第四项）.docx", "活动月", "活动周")),
]


@pytest.mark.parametrize("what,file,rule,words,edit", EDITS, ids=[e[0] for e in EDITS])
def test_each_edit_that_makes_the_set_disagree_is_told(rendered, what, file, rule, words, edit):
    folder, check = rendered
    edit(folder)
    code, out, err = check()
    assert code == 1, out + err
    block = out.split(f"{folder / file}\n", 1)
    assert len(block) == 2, out
    rule = rule if "." in rule else f"meeting.{rule}"  # a weekday is the calendar rule's, as in any draft
    found = [line for line in block[1].splitlines() if f"  {rule}  " in line]
    assert any(words in line for line in found), out


def test_the_meeting_file_edited_after_rendering_is_told_in_every_document(rendered):
    folder, check = rendered
    _yaml_replace(folder / "会议.yaml", "session: 23", "session: 24")
    code, out, _ = check()
    assert code == 1
    for stem in DOCS[:6]:  # every document that names the meeting
        assert f"{folder / stem}.docx" in out and f"{folder / stem}.yaml" in out


def test_a_meeting_below_the_quorum_is_told_in_the_meeting_file(rendered, cli):
    folder, check = rendered
    _yaml_replace(folder / "会议.yaml", "present: 21", "present: 11")
    code, out, _ = check()
    assert code == 1 and "present 第1字  错误  meeting.quorum" in out and "至少13人出席" in out


@pytest.mark.parametrize("old,new,line,words", [
    ("items: [1, 2, 3, 4]", "items: [1, 2, 3, 9]", 37, "议程只有 4 项，没有第 9 项"),
    ("date: 2026-12-16, half: 上午", "date: 2026-12-18, half: 上午", 39, "日期不在会期（dates）之中"),
    ("    result: 恒阳县人民代表大会常务委员会关于批准2026年县级预算调整方案的决议\n", "", 26, "要写 result"),
])
def test_a_meeting_file_that_contradicts_itself_is_refused_at_its_line(cli, tmp_path, old, new, line, words):
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "会议.yaml").write_text(text.replace(old, new), encoding="utf-8")
    code, _, err = cli("render", tmp_path / "会议.yaml", "-o", tmp_path / "材料")
    assert code == 2 and f"会议.yaml:{line}:" in err and words in err, err
    assert not (tmp_path / "材料").exists()


def test_rendering_again_keeps_a_document_edited_since_unless_forced(rendered, cli, tmp_path):
    folder, _ = rendered
    _yaml_replace(folder / "04-主持词.yaml", "present: 21", "present: 20")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, _, err = cli("render", tmp_path / "会议.yaml", "-o", folder)
    assert code == 2 and "04-主持词.yaml" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing written, not even the others
    code, _, err = cli("render", tmp_path / "会议.yaml", "-o", folder, "--force")
    assert code == 0 and "present: 21" in (folder / "04-主持词.yaml").read_text(encoding="utf-8"), err


def test_check_of_a_folder_checks_the_drafts_in_it(cli, tmp_path):
    """A folder that is not a meeting's: each draft in it is proofread, sub-folders are not entered."""
    (tmp_path / "稿").mkdir()
    (tmp_path / "稿" / "甲.txt").write_text("要坚定“四个意识”。\n", encoding="utf-8")
    (tmp_path / "稿" / "乙.md").write_text("xx县人大常委会\n", encoding="utf-8")
    (tmp_path / "稿" / "内").mkdir()
    (tmp_path / "稿" / "内" / "丙.txt").write_text("xx\n", encoding="utf-8")
    code, out, _ = cli("check", tmp_path / "稿")
    assert code == 1 and "共检查 2 个文件" in out and "甲.txt" in out and "乙.md" in out and "丙.txt" not in out
    (tmp_path / "空").mkdir()
    code, _, err = cli("check", tmp_path / "空")
    assert code == 2 and "目录中没有可校对的文稿" in err
