"""The optional 版头 elements of GB/T 9704-2012: 份号 (7.2.1), 密级和保密期限 (7.2.2), 紧急程度
(7.2.3) in the top left corner, 签发人 (7.2.6) on the 发文字号's line; and a notice without a
发文字号. Checked in the .docx, and measured in LibreOffice's PDF."""

import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn

from drafter.errors import DrafterError
from drafter.outline import parse
from drafter.render import layout

from .conftest import ROOT, needs_soffice

NOTICE = """\
kind: 通知
copy_number: 12
secrecy: 机密
secrecy_term: 1年
urgency: 特急
organ: 恒阳区人大常委会办公室
number: {prefix: 恒人常办发, year: 2024, serial: 5}
title: 关于举办代表履职培训班的通知
addressees: [各乡镇人大主席团]
points:
  - title: 培训时间
    paragraphs: [2024年5月20日至22日。]
date: 2024-05-08
"""


def _request_kind(ws):
    """A 上行文 kind in a workspace: the notice's folder with 签发人 switched on."""
    folder = ws / "kinds" / "request"
    shutil.copytree(ROOT / "kinds" / "notice", folder)
    text = (folder / "kind.yaml").read_text(encoding="utf-8")
    text = (text.replace("enum: [notice, 通知]", "enum: [request, 请示]").replace("  id: notice", "  id: request")
            .replace("  label: 通知", "  label: 请示")
            .replace("  urgency: {$ref", "  issuer: {$ref: '../_common.yaml#/$defs/issuer'}\n  urgency: {$ref")
            .replace("layout: {copy_number: true,", "layout: {issuer: true, copy_number: true,"))
    (folder / "kind.yaml").write_text(text, encoding="utf-8")


def _request(ws) -> str:
    outline = ws / "q.yaml"
    outline.write_text(NOTICE.replace("kind: 通知", "kind: 请示\nissuer: 张三"), encoding="utf-8")
    return outline


def _paragraphs(path):
    return docx.Document(str(path)).paragraphs


def _east_asia_font(run) -> str | None:
    fonts = run._r.find(qn("w:rPr")).find(qn("w:rFonts")) if run._r.find(qn("w:rPr")) is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def test_marks_stand_above_the_masthead_in_their_order(cli, tmp_path):
    (tmp_path / "n.yaml").write_text(NOTICE, encoding="utf-8")
    code, _, err = cli("render", tmp_path / "n.yaml")
    assert code == 0, err
    paras = _paragraphs(tmp_path / "n.docx")
    assert [p.text for p in paras[:5]] == ["000012", "机密★1年", "特急", "恒阳区人大常委会办公室文件", "恒人常办发〔2024〕5号"]
    assert _east_asia_font(paras[0].runs[0]) is None  # 份号: digits in the body font
    assert _east_asia_font(paras[1].runs[0]) == layout.FONT_HEADING_1 == _east_asia_font(paras[2].runs[0])  # 黑体
    assert "noise" not in err  # 机密★1年's star is the standard's, not residue


def test_a_notice_without_a_number_keeps_the_rule(cli, tmp_path):
    (tmp_path / "n.yaml").write_text(NOTICE.replace("number: {prefix: 恒人常办发, year: 2024, serial: 5}\n", ""),
                                     encoding="utf-8")
    code, _, err = cli("render", tmp_path / "n.yaml")
    assert code == 0, err
    paras = _paragraphs(tmp_path / "n.docx")
    rule = paras[4]
    assert paras[3].text == "恒阳区人大常委会办公室文件" and rule.text == ""
    assert rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")) is not None


def test_wrong_marks_are_told_at_their_field():
    for change, field in ((("copy_number: 12", "copy_number: 0"), "copy_number"),
                          (("secrecy: 机密", "secrecy: 内部"), "secrecy"),
                          (("secrecy: 机密\n", ""), "secrecy_term"),
                          (("urgency: 特急", "urgency: 急"), "urgency"),
                          (("kind: 通知", "kind: 通知\nissuer: 张三"), "issuer")):  # a notice is no 上行文
        with pytest.raises(DrafterError) as caught:
            parse(NOTICE.replace(*change), "n.yaml")
        assert caught.value.field == field and caught.value.line, str(caught.value)


def test_the_issuer_shares_the_number_line(cli, tmp_path):
    ws = tmp_path / "ws"
    cli("init", ws)
    _request_kind(ws)
    code, _, err = cli("render", _request(ws))
    assert code == 0, err
    line = _paragraphs(ws / "q.docx")[4]
    assert line.text == "\u3000恒人常办发〔2024〕5号\t签发人：张三"
    assert _east_asia_font(line.runs[-1]) == layout.FONT_HEADING_2  # the name in 楷体
    assert line._p.pPr.find(qn("w:tabs")) is not None and line._p.pPr.find(qn("w:pBdr")) is not None


@needs_soffice()
def test_measured_in_the_pdf(cli, tmp_path):
    from .pdfpages import PT_PER_MM, TOP, pages

    ws = tmp_path / "ws"
    cli("init", ws)
    _request_kind(ws)
    code, _, err = cli("render", _request(ws), "--format", "pdf")
    assert code == 0, err
    lines = pages(str(ws / "q.pdf"))[0].lines
    texts = [line.text.replace(" ", "") for line in lines]
    assert texts[:3] == ["000012", "机密★1年", "特急"], texts
    left = layout.MARGIN_LEFT_MM * PT_PER_MM
    right = (layout.PAGE_WIDTH_MM - layout.MARGIN_RIGHT_MM) * PT_PER_MM
    char = layout.SIZE_BODY
    for line in lines[:3]:  # 顶格 in the top left corner of the type area
        assert abs(line.left - left) < 2, line
    assert lines[0].top >= TOP - 2 and lines[0].top < TOP + char * 1.5
    masthead = next(line for line in lines if line.text.replace(" ", "").endswith("文件"))
    assert masthead.top > lines[2].bottom  # clear of the marks
    number = next(line for line in lines if "签发人" in line.text)
    # 发文字号 居左空一字, 签发人 居右空一字 (7.2.6): one character from either edge
    assert abs(number.left - (left + char)) < 3, number
    assert abs(number.right - (right - char)) < 4, number


def test_the_workbench_page_shows_the_marks_and_the_issuer(tmp_path):
    from drafter.render import markdown
    from drafter.render.model import DOCNUMBER, MARK, Block, Run
    from drafter.serve import pages

    blocks = [Block(MARK, [Run("特急")]), Block(DOCNUMBER, [Run("恒人常〔2024〕3号\t签发人：张三")])]
    page = pages.to_html(blocks)
    assert 'class="b-mark"' in page and "<span>恒人常〔2024〕3号</span><span>签发人：张三</span>" in page
    assert markdown.parse("::: docnumber\n:::\n")[0].kind == DOCNUMBER  # no 发文字号: the line and rule stay
