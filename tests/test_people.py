"""The people register (people.yaml): loading and self-checks, drafter people import, people.post."""

import datetime as dt
import os
import tempfile

import docx
import pytest

from drafter.check import load_glossary, run_rules
from drafter.check.people import Register, load_register
from drafter.documents import draft_from_lines
from drafter.errors import DrafterError
from drafter.importer.appointments import merge, parse

from .conftest import write

FIRST = "恒阳县人民代表大会常务委员会任免名单\n（2021年9月28日恒阳县第十九届人民代表大会常务委员会第三次会议通过）\n" \
        "任命李四为恒阳县人大常委会办公室主任。\n"
SECOND = ["恒阳县人民代表大会常务委员会任免名单",
          "（2026年3月20日恒阳县第十九届人民代表大会常务委员会第二十一次会议通过）",
          "任命张三为恒阳县人民检察院副检察长，王五为恒阳县人大常委会办公室主任；",
          "免去李四的恒阳县人大常委会办公室主任职务；",
          "接受孙七辞去恒阳县人民检察院检察委员会委员职务的请求。"]
SPEECH = "在县人大常委会机关干部大会上的讲话\n（2026年4月8日）\n同志们：\n" \
         "刚才，县人大常委会办公室主任李四同志通报了一季度工作情况。\n县人民检察院副检察长张三同志列席会议。\n"


@pytest.fixture
def ws(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    assert cli("init", ".")[0] == 0
    return tmp_path


def _docx(path, lines):
    doc = docx.Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.save(path)
    return path


def test_import_then_check_flags_the_departed_officer(cli, ws):
    code, _, err = cli("people", "import", write(ws, "名单一.txt", FIRST))
    assert code == 0 and "新增：李四" in err
    code, _, err = cli("people", "import", _docx(ws / "名单二.docx", SECOND))
    assert code == 0 and "免职：李四" in err and "读到 4 项任免决定" in err
    register = load_register(str(ws / "people.yaml"))
    li = next(t for t in register.terms if t.name == "李四")
    assert (li.start, li.end) == (dt.date(2021, 9, 28), dt.date(2026, 3, 20))
    assert li.body == "恒阳县第十九届人民代表大会常务委员会第三次会议"
    code, out, _ = cli("check", write(ws, "讲话.txt", SPEECH))
    assert code == 1
    lines = [line for line in out.splitlines() if "people.post" in line]
    assert len(lines) == 1  # 张三 holds his post on 4 April; 李四 no longer does
    assert "第4段" in lines[0] and "李四已于2026年3月20日免去恒阳县人大常委会办公室主任职务" in lines[0]
    assert "人事名册 people.yaml 第1条" in lines[0]
    code, _, err = cli("people", "import", ws / "名单二.docx")  # the same list again: nothing changes
    assert code == 0 and "0 处更新" in err and "未改动" in err


def test_people_post_names_the_holder_and_a_post_not_yet_held():
    register = _register("""\
- {name: 李四, post: 恒阳县人大常委会办公室主任, from: 2021-09-28, until: 2026-03-20}
- {name: 王五, post: 恒阳县人大常委会办公室主任, from: 2026-03-20}
- {name: 张三, post: 恒阳县人民检察院副检察长, from: 2026-03-20}
""")
    def found(text, day):
        draft = draft_from_lines("t.txt", [text])
        draft.set_date(day, "--date")
        return [(f.match, f.message) for f in run_rules(draft, GLOSSARY, people=register) if f.rule == "people.post"]

    march, april = dt.date(2026, 3, 1), dt.date(2026, 4, 1)
    assert found("县人大常委会办公室主任李四同志主持会议。", march) == []
    assert found("由李四（县人大常委会办公室主任）作说明。", april)[0][0] == "李四（县人大常委会办公室主任"
    (hit,) = found("县人大常委会办公室主任赵六同志主持会议。", april)
    assert "由王五担任，不是赵六" in hit[1]
    (hit,) = found("县人民检察院副检察长张三列席。", march)
    assert "自2026年3月20日起任" in hit[1] and "尚未任职" in hit[1]
    assert found("县人民检察院副检察长钱八同志列席。", april) == []  # a deputy's post: several hold it
    undated = draft_from_lines("t.txt", ["县人大常委会办公室主任李四同志主持会议。"])
    assert not [f for f in run_rules(undated, GLOSSARY, people=register) if f.rule == "people.post"]
    dated = draft_from_lines("t.txt", ["县人大常委会办公室主任李四同志主持会议。"])
    dated.set_date(april, "--date")
    assert not [f for f in run_rules(dated, GLOSSARY) if f.rule == "people.post"]  # no register: silent


GLOSSARY = load_glossary()


def _register(text):
    folder = tempfile.mkdtemp(prefix="drafter-people-")
    path = os.path.join(folder, "people.yaml")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return load_register(path)


def test_self_check_finds_overlapping_terms(cli, ws):
    (ws / "people.yaml").write_text("""\
- {name: 李四, post: 恒阳县人大常委会办公室主任, from: 2021-09-28}
- {name: 王五, post: 恒阳县人大常委会办公室主任, from: 2026-03-20}
- {name: 张三, post: 恒阳县人民检察院副检察长, from: 2026-03-20}
- {name: 钱八, post: 恒阳县人民检察院副检察长, from: 2024-01-10}
- {name: 李四, post: 恒阳县人大常委会办公室主任, from: 2020-01-01, until: 2021-09-28}
""", encoding="utf-8")
    code, out, _ = cli("people", "--test")
    assert code == 1
    assert "第1条与第2条：“恒阳县人大常委会办公室主任”两人的任期重叠" in out and "1 处不符" in out
    (ws / "people.yaml").write_text("- {name: 李四, post: 恒阳县人大常委会办公室主任, from: 2021-09-28, until: 2026-03-20}\n"
                                    "- {name: 王五, post: 恒阳县人大常委会办公室主任, from: 2026-03-20}\n", encoding="utf-8")
    code, out, _ = cli("people", "--test")
    assert code == 0 and "0 处不符" in out  # a term ends the day the next begins


@pytest.mark.parametrize("text,reason", [
    ("", "人事名册是空的"),
    ("name: 李四\n", "应为任职记录的列表"),
    ("- {name: 李四, post: 县长, from: 2026-03-01, until: 2025-01-01}\n", "[0].until: 免职日期 2025-01-01 不晚于任职日期"),
    ("- {name: 李四, post: 县长, from: 2026-02-30}\n", "日期不存在"),
    ("- {name: 李四, post: 县长}\n", "至少写明任职日期"),
])
def test_a_bad_register_is_one_chinese_line_and_nothing_written(cli, ws, text, reason):
    (ws / "people.yaml").write_text(text, encoding="utf-8")
    before = (ws / "people.yaml").read_bytes()
    code, out, err = cli("check", write(ws, "讲话.txt", SPEECH))
    assert code == 2 and reason in err and "people.yaml" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli("people", "import", write(ws, "名单.txt", FIRST))
    assert code == 2 and reason in err and "Traceback" not in err
    assert (ws / "people.yaml").read_bytes() == before


def test_import_refuses_a_list_without_decisions_or_dates(cli, ws):
    for text, reason in (("", "文件是空的"), ("会议纪要。\n", "没有读到任免决定"),
                         ("任命周八为恒阳县人民政府副县长。\n", "找不到任免决定的通过日期")):
        code, _, err = cli("people", "import", write(ws, "名单.txt", text))
        assert code == 2 and reason in err and len(err.strip().splitlines()) == 1
    assert not (ws / "people.yaml").exists()
    code, out, err = cli("people", "import", ws / "名单.txt", "--date", "2026-03-20", "-o", "-")
    assert code == 0 and "name: 周八" in out and "from: 2026-03-20" in out
    assert not (ws / "people.yaml").exists()  # -o - only prints


def test_parse_headings_and_several_names():
    lines = ["（2026年3月20日恒阳县第十九届人民代表大会常务委员会第二十一次会议通过）", "一、任命", "张三、王为民为恒阳县人民检察院检察员；",
             "二、免去", "李四同志的恒阳县人大常委会办公室主任职务。"]
    decisions = parse(list(enumerate(lines, 1)), "名单.txt")
    assert [(d.appoint, d.name, d.post) for d in decisions] == [
        (True, "张三", "恒阳县人民检察院检察员"), (True, "王为民", "恒阳县人民检察院检察员"),
        (False, "李四", "恒阳县人大常委会办公室主任")]
    assert all(d.day == dt.date(2026, 3, 20) for d in decisions)
    register, changes = merge(Register("people.yaml", []), decisions)
    assert len(register.terms) == 3 and "任职日期不详" in changes[0]
