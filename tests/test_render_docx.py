"""What a writer sees in the rendered .docx: text, numbering, fonts, sizes, page set-up."""

import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from drafter.render import layout

from .conftest import MINIMAL_SPEECH, OUTLINES, write


def render(cli, outline: Path, tmp_path: Path, name: str = "out.docx"):
    out = tmp_path / name
    code, stdout, stderr = cli("render", outline, "-o", out)
    assert code == 0, stderr
    assert out.exists()
    return docx.Document(str(out))


def texts(doc):
    return [p.text for p in doc.paragraphs if p.text.strip()]


def east_asia(style):
    rfonts = style.element.rPr.find(qn("w:rFonts"))
    return rfonts.get(qn("w:eastAsia"))


@pytest.mark.parametrize("kind", ["speech", "report", "notice"])
def test_every_outline_renders_with_gbt9704_page(cli, tmp_path, kind):
    doc = render(cli, OUTLINES / f"{kind}.yaml", tmp_path)
    sec = doc.sections[0]
    assert abs(sec.page_width - Mm(210)) < Mm(0.1) and abs(sec.page_height - Mm(297)) < Mm(0.1)
    assert abs(sec.top_margin - Mm(37)) < Mm(0.1)
    assert abs(sec.bottom_margin - Mm(35)) < Mm(0.1)
    assert abs(sec.left_margin - Mm(28)) < Mm(0.1)
    assert abs(sec.right_margin - Mm(26)) < Mm(0.1)
    grid = sec._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"
    normal = doc.styles["Normal"].paragraph_format
    assert normal.line_spacing == Pt(579 / 20)


@pytest.mark.parametrize("kind", ["speech", "report", "notice"])
def test_styles_name_east_asian_fonts_and_sizes(cli, tmp_path, kind):
    doc = render(cli, OUTLINES / f"{kind}.yaml", tmp_path)
    expected = {
        "公文标题": ("方正小标宋简体", 22, None),
        "公文正文": ("仿宋_GB2312", 16, None),
        "一级标题": ("黑体", 16, 0),
        "二级标题": ("楷体_GB2312", 16, 1),
        "三级标题": ("仿宋_GB2312", 16, 2),
        "四级标题": ("仿宋_GB2312", 16, 3),
    }
    for name, (font, size, level) in expected.items():
        style = doc.styles[name]
        assert east_asia(style) == font, name
        assert style.font.size == Pt(size), name
        lvl = style.element.pPr.find(qn("w:outlineLvl"))
        assert (None if lvl is None else int(lvl.get(qn("w:val")))) == level, name
    assert doc.styles["三级标题"].font.bold is True
    body = doc.styles["公文正文"].element.pPr.find(qn("w:ind"))
    assert body.get(qn("w:firstLineChars")) == "200"
    # every style and every run of text falls back to a Chinese font, never a theme font
    for style in doc.styles:
        rpr = getattr(style.element, "rPr", None)
        rfonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if rfonts is not None:
            assert not any(a.lower().endswith("theme") for a in rfonts.attrib), style.name
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == layout.FONT_BODY


def test_footer_page_numbers_odd_right_even_left(cli, tmp_path):
    doc = render(cli, OUTLINES / "speech.yaml", tmp_path)
    sec = doc.sections[0]
    assert doc.settings.odd_and_even_pages_header_footer
    for footer, align in ((sec.footer, "right"), (sec.even_page_footer, "left")):
        p = footer.paragraphs[0]
        xml = p._p.xml
        assert "PAGE" in "".join(t.text for t in p._p.iter(qn("w:instrText")))
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert p._p.pPr.find(qn("w:jc")).get(qn("w:val")) == align
        assert 'w:fldCharType="begin"' in xml
    assert doc.styles["Footer"].font.size == Pt(14)


def test_speech_text_numbering_and_announced_count(cli, tmp_path):
    doc = render(cli, OUTLINES / "speech.yaml", tmp_path)
    t = texts(doc)
    assert t[0] == "在全市县市区人大主任会议上的讲话"
    assert "同志们：" in t
    assert any(x.endswith("我讲三点意见。") for x in t)
    headings = [p.text for p in doc.paragraphs if p.style.name == "一级标题"]
    assert [h[:2] for h in headings] == ["一、", "二、", "三、"]
    assert any(x.startswith("一要提高站位") for x in t)  # 一要 + 要提高 is not doubled
    assert any(x.startswith("三是密切联系群众") for x in t)
    level2 = [p.text for p in doc.paragraphs if p.style.name == "二级标题"]
    assert level2 == ["（一）加强思想政治建设", "（二）加强组织建设", "（三）加强作风建设"]
    assert t[-1] == "谢谢大家！"


def test_run_in_lead_is_bold_and_body_is_not(cli, tmp_path):
    doc = render(cli, OUTLINES / "speech.yaml", tmp_path)
    lead = next(p for p in doc.paragraphs if p.text.startswith("一是"))
    assert lead.runs[0].bold and lead.runs[0].text == "一是加强立法工作，为高质量发展提供法治保障。"
    assert not lead.runs[1].bold and lead.runs[1].text.startswith("要按照科学立法")


def test_inline_markdown_bold_in_outline_text(cli, tmp_path):
    src = MINIMAL_SPEECH.replace("要深入学习。", "要**深入学习**“四个意识”。")
    doc = render(cli, write(tmp_path, "s.yaml", src), tmp_path)
    p = next(p for p in doc.paragraphs if "深入学习" in p.text)
    assert [(r.text, bool(r.bold)) for r in p.runs] == [("要", False), ("深入学习", True), ("“四个意识”。", False)]


def test_text_that_looks_like_markdown_stays_text(cli, tmp_path):
    src = MINIMAL_SPEECH.replace("要深入学习。", "'# 1. 不是标题 --- | 也不是表格'")
    doc = render(cli, write(tmp_path, "s.yaml", src), tmp_path)
    assert "# 1. 不是标题 --- | 也不是表格" in texts(doc)


def test_reordering_points_renumbers_everything(cli, tmp_path):
    import yaml

    data = yaml.safe_load((OUTLINES / "speech.yaml").read_text(encoding="utf-8"))
    first = render(cli, OUTLINES / "speech.yaml", tmp_path, "a.docx")
    data["points"][0], data["points"][2] = data["points"][2], data["points"][0]
    del data["points"][1]
    moved = write(tmp_path, "moved.yaml", yaml.safe_dump(data, allow_unicode=True))
    second = render(cli, moved, tmp_path, "b.docx")
    h1 = [p.text for p in second.paragraphs if p.style.name == "一级标题"]
    assert h1 == ["一、加强自身建设，打造忠诚干净担当的人大队伍", "二、深刻领悟全国两会精神，及时准确推动贯彻落实"]
    assert any(t.endswith("我讲两点意见。") for t in texts(second))
    assert any(t.endswith("我讲三点意见。") for t in texts(first))


def test_report_opening_and_sections(cli, tmp_path):
    doc = render(cli, OUTLINES / "report.yaml", tmp_path)
    t = texts(doc)
    assert t[1] == "——2025年1月15日在恒阳市第十七届人民代表大会第四次会议上"
    assert "各位代表：" in t
    assert "现在，我代表市人民代表大会常务委员会，向大会报告工作，请予审议。" in t
    level2 = [p.text for p in doc.paragraphs if p.style.name == "二级标题"]
    assert level2[0].startswith("（一）坚持党的全面领导") and level2[4].startswith("（一）聚焦高质量发展")
    assert any(x.startswith("1.围绕中心工作确定立法项目。") for x in t)


def test_notice_masthead_number_rule_signature_and_imprint(cli, tmp_path):
    doc = render(cli, OUTLINES / "notice.yaml", tmp_path)
    ps = [p for p in doc.paragraphs if p.text.strip()]
    masthead, number = ps[0], ps[1]
    assert masthead.text == "恒阳区人大常委会办公室文件"
    assert masthead.style.font.color.rgb == docx.shared.RGBColor(0xFF, 0, 0)
    assert number.text == "恒人常办发〔2024〕5号"
    bottom = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:color")) == "FF0000"
    t = [p.text for p in ps]
    assert "各乡镇人大主席团、各街道人大工委，区人大常委会各工作机构：" in t
    assert [x for x in t if re.match("^[一二三四五六]、", x)] == [
        "一、培训时间", "二、培训地点", "三、参训人员", "四、培训内容", "五、有关要求", "六、联系人和电话"]
    assert "附件：全区人大代表履职能力提升培训班报名回执" in t
    assert t[t.index("恒阳区人大常委会办公室", 3) + 1] == "2024年5月8日"  # 成文日期 in Arabic numerals
    assert "抄送：区委办公室，区人民政府办公室。" in t
    assert t[-1] == "恒阳区人大常委会办公室\t2024年5月8日印发"
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["姓名", "性别", "单位及职务", "代表届别", "联系电话", "备注"]
    assert len(table.rows) == 11
    label = next(p for p in ps if p.text == "附件")
    assert label.paragraph_format.page_break_before


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_md_and_txt_from_the_same_model(cli, tmp_path, fmt):
    out = tmp_path / f"speech.{fmt}"
    code, _, err = cli("render", OUTLINES / "speech.yaml", "--format", fmt, "-o", out)
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    if fmt == "md":
        assert text.startswith("# 在全市县市区人大主任会议上的讲话\n")
        assert "## 一、深刻领悟全国两会精神" in text
        assert "**一是加强立法工作，为高质量发展提供法治保障。**要按照" in text
    else:
        assert "\u3000\u3000一、深刻领悟全国两会精神，及时准确推动贯彻落实\n" in text
        assert "**" not in text


def test_batch_render_out_dir_and_progress(cli, tmp_path):
    outlines = sorted(OUTLINES.glob("*.yaml"))
    assert len(outlines) >= 6
    code, out, err = cli("render", *outlines, "--out-dir", tmp_path / "out")
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.stem + ".docx" for p in outlines)
    assert out.count("已生成") == len(outlines)
    assert "正在生成" in err
    for path in (tmp_path / "out").iterdir():
        docx.Document(str(path))  # every outline in outlines/ renders to a document Word can open


def test_format_follows_output_extension(cli, tmp_path):
    out = tmp_path / "x.txt"
    code, _, _ = cli("render", OUTLINES / "speech.yaml", "-o", out)
    assert code == 0 and out.read_text(encoding="utf-8").startswith("在全市县市区人大主任会议上的讲话")


def test_document_metadata_is_clean(cli, tmp_path):
    doc = render(cli, OUTLINES / "speech.yaml", tmp_path)
    assert doc.core_properties.title == "在全市县市区人大主任会议上的讲话"
    assert doc.core_properties.author == ""
