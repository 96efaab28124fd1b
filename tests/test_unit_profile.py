"""A unit profile in the workspace's drafter.yaml: the notice's masthead, 机关代字, 印发机关,
and the layout's fonts, colours and margins, read back from the rendered .docx."""

import re

import docx
import yaml
from docx.oxml.ns import qn
from docx.shared import Mm

from drafter.render import layout

from .conftest import OUTLINES

PROFILE = """
unit:
  masthead: 青山县人大常委会办公室文件
  prefix: 青人常办发
  printer: 青山县人大常委会办公室
  fonts: {title: 华文中宋, body: 仿宋, heading_1: 方正黑体简体}
  colours: {red: "#C00000"}
  margins: {left: 30, right: 24}
"""


def notice_without_unit_fields(tmp_path):
    data = yaml.safe_load((OUTLINES / "notice.yaml").read_text(encoding="utf-8"))
    del data["number"]["prefix"]
    data.pop("masthead", None)
    data.pop("printer", None)
    path = tmp_path / "通知.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def east_asia(style):
    return style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_init_writes_a_commented_unit_profile(cli, tmp_path):
    code, _, err = cli("init", tmp_path / "ws")
    assert code == 0, err
    text = (tmp_path / "ws" / "drafter.yaml").read_text(encoding="utf-8")
    assert "# unit:" in text and "#   prefix:" in text and "#   masthead:" in text
    # uncommented, the example is a valid profile
    lines = [re.sub(r"^# ?", "", l) if l.startswith("# unit") or l.startswith("#  ") else l
             for l in text.splitlines()]
    cfg = yaml.safe_load("\n".join(lines))
    assert cfg["unit"]["prefix"] == "恒人常办发"
    (tmp_path / "ws" / "drafter.yaml").write_text("\n".join(lines), encoding="utf-8")
    outline = notice_without_unit_fields(tmp_path / "ws" / "outlines")
    code, _, err = cli("render", outline, "-o", tmp_path / "out.docx")
    assert code == 0, err


def test_notice_takes_masthead_prefix_printer_fonts_colours_margins_from_the_workspace(cli, tmp_path):
    code, _, err = cli("init", tmp_path / "ws")
    assert code == 0, err
    with open(tmp_path / "ws" / "drafter.yaml", "a", encoding="utf-8") as fh:
        fh.write(PROFILE)
    outline = notice_without_unit_fields(tmp_path / "ws" / "outlines")
    out = tmp_path / "通知.docx"
    code, _, err = cli("render", outline, "-o", out)
    assert code == 0, err
    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs if p.text.strip()]
    assert texts[0] == "青山县人大常委会办公室文件"
    assert texts[1] == "青人常办发〔2024〕5号"
    assert texts[-1] == "青山县人大常委会办公室\t2024年5月8日印发"
    assert east_asia(doc.styles["公文标题"]) == "华文中宋"
    assert east_asia(doc.styles["公文正文"]) == "仿宋"
    assert east_asia(doc.styles["一级标题"]) == "方正黑体简体"
    assert east_asia(doc.styles["二级标题"]) == layout.FONT_HEADING_2  # not in the profile: shipped
    assert str(doc.styles["发文机关标志"].font.color.rgb) == "C00000"
    sec = doc.sections[0]
    assert abs(sec.left_margin - Mm(30)) < Mm(0.1) and abs(sec.right_margin - Mm(24)) < Mm(0.1)
    assert abs(sec.top_margin - Mm(layout.MARGIN_TOP_MM)) < Mm(0.1)

    # the outline's own values win over the profile's
    data = yaml.safe_load(outline.read_text(encoding="utf-8"))
    data["number"]["prefix"] = "青人常发"
    data["masthead"] = "青山县人大常委会文件"
    outline.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, _, err = cli("render", outline, "-o", out, "--force")
    assert code == 0, err
    texts = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert texts[:2] == ["青山县人大常委会文件", "青人常发〔2024〕5号"]


def test_a_changed_profile_never_reuses_the_cached_skeleton(cli, tmp_path):
    cli("init", tmp_path / "ws")
    config = tmp_path / "ws" / "drafter.yaml"
    outline = notice_without_unit_fields(tmp_path / "ws" / "outlines")
    fonts = []
    for body in ("仿宋", "楷体"):
        config.write_text(f"unit: {{prefix: 青人常办发, fonts: {{body: {body}}}}}\n", encoding="utf-8")
        out = tmp_path / f"{body}.docx"
        code, _, err = cli("render", outline, "-o", out)
        assert code == 0, err
        fonts.append(east_asia(docx.Document(str(out)).styles["公文正文"]))
    assert fonts == ["仿宋", "楷体"]


def test_invalid_profile_values_exit_2_naming_the_field(cli, tmp_path):
    cli("init", tmp_path / "ws")
    config = tmp_path / "ws" / "drafter.yaml"
    outline = notice_without_unit_fields(tmp_path / "ws" / "outlines")
    for text, field in (("unit: {colours: {red: 红色}}", "unit.colours.red"),
                        ("unit: {margins: {top: 200}}", "unit.margins.top"),
                        ("unit: {fonts: {body: 12}}", None),
                        ("unit: {font: {body: 仿宋}}", "unit.font"),
                        ("unit: {prefix: [甲, 乙]}", "unit.prefix")):
        config.write_text(text + "\n", encoding="utf-8")
        code, out, err = cli("render", outline, "-o", tmp_path / "x.docx")
        assert code == 2, (text, err)
        assert "drafter.yaml" in err and len(err.strip().splitlines()) <= 2, err
        if field:
            assert field in err, (text, err)
        assert "Traceback" not in err


def test_a_notice_without_prefix_anywhere_is_refused(cli, tmp_path):
    outline = notice_without_unit_fields(tmp_path)
    code, _, err = cli("render", outline, "-o", tmp_path / "x.docx")
    assert code == 2
    assert "number.prefix" in err and "unit.prefix" in err


def test_doctor_checks_the_units_fonts_and_names_their_preview_substitutes(cli, tmp_path, monkeypatch):
    import shutil

    cli("init", tmp_path / "ws")
    (tmp_path / "ws" / "drafter.yaml").write_text("unit: {fonts: {title: 华文中宋}}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "ws")
    code, out, err = cli("doctor")
    assert code == 0, err
    assert "华文中宋" in out and layout.FONT_TITLE not in out
    if shutil.which("fc-list") and "华文中宋：未安装" in out:
        # the unit's title font stands in a preview for what the shipped title font would
        assert layout.PREVIEW_SUBSTITUTES[layout.FONT_TITLE].split()[0] in out.split("华文中宋")[1].splitlines()[0]
