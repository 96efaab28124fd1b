"""What the kinds of issue 24's second part put on the page, read back from the .docx: the
纪要's 出席/请假/列席 lines (GB/T 9704-2012 10.3), the 请示's 签发人 (7.2.6), the 函's 结语 by
its purpose and its optional 发文字号, the 专项工作报告's salutation by the unit's level, and
the 代表建议答复's category and salutation."""

import docx
import pytest
import yaml
from docx.oxml.ns import qn

from drafter.render import render_file

from .conftest import OUTLINES


def rendered(tmp_path, kind: str, **changes) -> list:
    data = yaml.safe_load((OUTLINES / f"{kind}.yaml").read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    path = tmp_path / f"{kind}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    render_file(str(path), str(tmp_path / f"{kind}.docx"))
    return docx.Document(str(tmp_path / f"{kind}.docx")).paragraphs


def text_of(paragraphs) -> list[str]:
    return [p.text for p in paragraphs]


def test_minutes_roster_lines_have_a_heiti_label_and_a_hanging_indent(tmp_path):
    paragraphs = rendered(tmp_path, "minutes")
    rows = [p for p in paragraphs if p.text[:3] in ("出席：", "请假：", "列席：", "记录：")]
    assert [p.text[:2] for p in rows] == ["出席", "请假", "列席", "记录"]
    for p in rows:
        label = p.runs[0]
        assert label.text == p.text[:3]
        assert label._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"
        assert label._r.rPr.find(qn("w:b")) is None  # 黑体, not bold 仿宋
        assert p.runs[1].text and p.runs[1]._r.rPr is None  # the names in the body's 仿宋
        ind = p._p.pPr.find(qn("w:ind"))
        assert (ind.get(qn("w:leftChars")), ind.get(qn("w:hangingChars"))) == ("500", "300")
    space = [p._p.pPr.find(qn("w:spacing")) for p in rows]
    assert space[0] is not None and int(space[0].get(qn("w:before"))) > 0  # 正文下空一行
    assert all(s is None or s.get(qn("w:before")) is None for s in space[1:])
    texts = text_of(paragraphs)
    assert texts[3] == ("2024年6月12日上午，区人大常委会主任张明在区人大常委会机关第一会议室主持召开"
                        "区十八届人大常委会第二十次主任会议。")
    assert any(t.startswith("一、会议听取了") for t in texts)
    assert any(t.startswith("五、会议同意") for t in texts)


def test_minutes_without_absentees_or_observers_leave_their_lines_out(tmp_path):
    texts = text_of(rendered(tmp_path, "minutes", absent=None, observers=None, recorder=None))
    assert any(t.startswith("出席：") for t in texts)
    assert not any(t.startswith(("请假：", "列席：", "记录：")) for t in texts)


def test_request_puts_the_issuer_on_the_number_line(tmp_path):
    texts = text_of(rendered(tmp_path, "request"))
    line = next(t for t in texts if "〔2024〕12号" in t)
    assert line.replace("\t", "|") == "\u3000恒人常〔2024〕12号|签发人：张明"  # 居左空一字
    assert "妥否，请批示。" in texts
    assert "（联系人：李华，电话：0738-8226451）" in texts


@pytest.mark.parametrize("purpose,closing", [("商洽", "请予函复。"), ("询问", "请予函复。"),
                                             ("答复", "特此函复。"), ("告知", "特此函告。")])
def test_letter_closing_follows_its_purpose(tmp_path, purpose, closing):
    texts = text_of(rendered(tmp_path, "letter", purpose=purpose))
    assert texts[texts.index("恒阳区人大常委会办公室", 1) - 1] == closing


def test_letter_without_a_number_keeps_the_rule_and_no_number(tmp_path):
    paragraphs = rendered(tmp_path, "letter", number=None, closing="请予支持。")
    assert not any("〔" in p.text for p in paragraphs)
    assert "请予支持。" in text_of(paragraphs)
    ruled = [p for p in paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None]
    assert ruled and ruled[0].text == ""  # the 版头's red rule under an empty 发文字号 line


def test_special_report_salutation_follows_the_unit_level(tmp_path):
    texts = text_of(rendered(tmp_path, "special-report"))
    assert "主任、各位副主任、各位委员：" in texts  # a 县-level committee has no 秘书长
    assert "受区人民政府委托，现将全区食品安全工作情况报告如下，请予审议。" in texts
    (tmp_path / "drafter.yaml").write_text("unit:\n  level: 设区的市\n  place: 恒阳市\n", encoding="utf-8")
    texts = text_of(rendered(tmp_path, "special-report", entrusted=False))
    assert "主任、各位副主任、秘书长、各位委员：" in texts
    assert "现将全区食品安全工作情况报告如下，请予审议。" in texts


def test_inspection_report_opening_names_the_law(tmp_path):
    texts = text_of(rendered(tmp_path, "inspection-report", period=None, scope=None))
    assert ("根据区人大常委会2024年度监督工作计划，区人大常委会执法检查组对《中华人民共和国食品安全法》"
            "的实施情况进行了检查。现将检查情况报告如下：") in texts


def test_proposal_reply_heads_with_its_category_and_the_deputy(tmp_path):
    texts = text_of(rendered(tmp_path, "proposal-reply", deputy="张华等5位代表"))
    assert texts[0] == "B"
    assert "张华等5位代表：" in texts
    assert "您在区十八届人大四次会议期间提出的《关于加快农村学校寄宿条件改善的建议》（第58号）收悉。" in texts
    assert texts[-2:] == ["抄送：区人大常委会代表工作委员会，区人民政府办公室。", "恒阳区教育局\t2024年7月15日印发"]
