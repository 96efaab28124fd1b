"""Sections: reusable passages pulled into outlines with use/with, and their library."""

import re

import docx
import pytest
import yaml

from drafter.errors import DrafterError
from drafter.render import sections, templating

from .conftest import OUTLINES, write

LIBRARY = sections.find_all(templating.search_path())


def rendered_text(cli, outline, tmp_path, name="out.txt"):
    out = tmp_path / name
    code, _, err = cli("render", outline, "--format", "txt", "-o", out)
    assert code == 0, err
    return out.read_text(encoding="utf-8")


def test_library_has_at_least_twelve_documented_sections():
    assert len(LIBRARY) >= 12
    for section in LIBRARY.values():
        assert section.purpose
        for name, spec in section.params.items():
            assert spec["doc"], (section.name, name)
            assert spec["example"] is not None or spec["default"] is not None, (section.name, name)


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_each_section_renders_in_an_outline_with_its_example_parameters(cli, tmp_path, name):
    section = LIBRARY[name]
    values = section.example_values()
    md = sections.render(section, values, templating.search_path())
    use = {"use": name, "with": values}
    if sections.to_paragraphs(md) is None:
        outline = {"kind": "speech", "title": "测试讲话", "points": [use, {"title": "另一点", "paragraphs": ["正文。"]}]}
    else:
        outline = {"kind": "speech", "title": "测试讲话", "opening": [use], "announce": False}
    path = write(tmp_path, "o.yaml", yaml.safe_dump(outline, allow_unicode=True))
    out = tmp_path / "o.docx"
    code, _, err = cli("render", path, "-o", out)
    assert code == 0, err
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    from drafter.render import markdown

    for block in markdown.parse(md):  # every heading and paragraph of the section is in the document
        assert block.text in text, (name, block.text)


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_each_section_has_an_example_outline_that_uses_it(name):
    users = [p.name for p in OUTLINES.glob("*.yaml") if re.search(rf"use:\s*{re.escape(name)}\s*$",
                                                                    p.read_text(encoding="utf-8"), re.M)]
    assert users, f"no outline in outlines/ uses {name}"


def test_numbering_follows_the_place_of_the_section(cli, tmp_path):
    src = """kind: speech
title: 讲话
points:
  - title: 依法履职
    paragraphs: [要强化监督。]
  - use: 加强自身建设
    with: {body: 区人大常委会}
    style: 一要
"""
    text = rendered_text(cli, write(tmp_path, "s.yaml", src), tmp_path)
    assert "下面，我讲两点意见。" in text
    assert "　　二、加强自身建设，打造忠诚干净担当的人大队伍\n" in text
    assert "区人大常委会要按照“四个机关”" in text
    assert "　　一要加强思想政治建设。要深入学习" in text and "　　三要加强作风建设。" in text
    moved = src.replace("  - title: 依法履职\n    paragraphs: [要强化监督。]\n", "") + "  - title: 依法履职\n    paragraphs: [要强化监督。]\n"
    text = rendered_text(cli, write(tmp_path, "m.yaml", moved), tmp_path, "m.txt")
    assert "　　一、加强自身建设" in text and "　　二、依法履职" in text


def test_section_as_a_sub_point(cli, tmp_path):
    text = rendered_text(cli, OUTLINES / "report-sections.yaml", tmp_path)
    assert "　　（一）坚持科学立法、民主立法、依法立法，以良法促进发展、保障善治\n" in text
    assert "　　（四）深入开展调查研究，把情况摸清、把问题找准\n" in text
    assert "　　一是加强立法规划和计划。紧扣发展大局" in text  # the section's run-in leads stay run-in


@pytest.mark.parametrize("section,with_,message,field", [
    ("学习贯彻会议精神", "{body: 区人大}", "片段“学习贯彻会议精神”缺少参数 meeting（会议名称", "points[0].with"),
    ("加强自身建设", "{bdy: 区人大常委会}", "片段“加强自身建设”没有参数 bdy，是不是 body？", "points[0].with.bdy"),
    ("加强自身建设", "{body: [1, {a: b}]}", "参数 body 应为文字、数字或文字列表", "points[0].with.body"),
])
def test_parameters_are_validated(cli, tmp_path, section, with_, message, field):
    path = write(tmp_path, "s.yaml", f"kind: speech\ntitle: 讲话\npoints:\n  - use: {section}\n    with: {with_}\n")
    out = tmp_path / "s.docx"
    code, _, err = cli("render", path, "-o", out)
    assert code == 2 and message in err, err
    assert f"{path}:" in err and f"{field}:" in err
    assert not out.exists()


def test_unknown_section_and_misplaced_section(cli, tmp_path):
    path = write(tmp_path, "s.yaml", "kind: speech\ntitle: 讲话\npoints:\n  - use: 加强自身建役\n")
    code, _, err = cli("render", path, "-o", tmp_path / "s.docx")
    assert code == 2 and "points[0].use: 没有名为“加强自身建役”的片段，是不是“加强自身建设”？" in err
    path = write(tmp_path, "o.yaml", "kind: speech\ntitle: 讲话\nannounce: false\nopening:\n  - use: 加强自身建设\n")
    code, _, err = cli("render", path, "-o", tmp_path / "o.docx")
    assert code == 2 and "opening[0].use: 片段“加强自身建设”有标题，只能用在 points 中" in err
    path = write(tmp_path, "b.yaml", "kind: speech\ntitle: 讲话\npoints:\n  - use: 加强自身建设\n    paragraphs: [x]\n")
    code, _, err = cli("render", path, "-o", tmp_path / "b.docx")
    assert code == 2 and "不能再写 paragraphs" in err


def test_bad_section_files_are_clear_errors(cli, tmp_path):
    tpl = tmp_path / "tpl" / "sections"
    tpl.mkdir(parents=True)
    (tpl / "无说明.md.j2").write_text("# 标题\n", encoding="utf-8")
    (tpl / "多余参数.md.j2").write_text("{#- section\npurpose: 测试\nparams:\n  x: {doc: 用不到}\n-#}\n# 标题\n",
                                        encoding="utf-8")
    (tpl / "越狱.md.j2").write_text("{#- section\npurpose: 测试\n-#}\n# {{ ''.__class__.__mro__ }}\n", encoding="utf-8")
    for name, message in (("无说明", "片段模板应以 {#- section"), ("多余参数", "参数 x 在片段正文中没有用到"),
                          ("越狱", "沙箱")):
        path = write(tmp_path, f"{name}.yaml", f"kind: speech\ntitle: 讲话\npoints:\n  - use: {name}\n")
        code, _, err = cli("render", path, "-o", tmp_path / "x.docx", "--templates", tmp_path / "tpl")
        assert code == 2 and message in err, err


def test_sections_command_lists_and_shows(cli):
    code, out, _ = cli("sections")
    assert code == 0
    assert "加强自身建设［内置］" in out and "body：机关名称（默认：各级人大组织）" in out
    assert f"共 {len(LIBRARY)} 个片段" in out
    code, out, _ = cli("sections", "联系人和电话")
    assert code == 0 and "phone：联系电话（必填）" in out
    assert "示例（dept=区人大常委会代表工作委员会" in out and "李华，电话：0738-8226451。" in out
    code, _, err = cli("sections", "联系人电话")
    assert code == 2 and "是不是“联系人和电话”" in err


def test_a_section_is_read_again_once_its_file_changes(tmp_path):
    """Sections are read once per process (a batch uses them again and again), but an edit —
    in the workbench, say — is seen at the next use."""
    folder = tmp_path / "tpl"
    (folder / "sections").mkdir(parents=True)
    path = folder / "sections" / "问候.md.j2"
    path.write_text("{#- section\npurpose: 问候\n-#}\n同志们：{{ who }}\n", encoding="utf-8")
    search = templating.search_path((str(folder),))
    assert list(sections.find("问候", search).params) == ["who"]
    sections.find("问候", search).overrides.append(path)  # a caller's change stays its own
    assert sections.find("问候", search).overrides == []
    path.write_text("{#- section\npurpose: 问候\n-#}\n各位代表：{{ whom }}，{{ when }}\n", encoding="utf-8")
    assert sorted(sections.find("问候", search).params) == ["when", "whom"]


def test_a_section_header_names_the_kinds_it_is_written_for(cli, tmp_path):
    # the shipped library: every section says its kinds, and each example outline uses its own
    assert all(s.kinds for s in LIBRARY.values())
    assert LIBRARY["培训时间和地点"].kinds == ("notice",) and not LIBRARY["培训时间和地点"].fits("speech")
    assert LIBRARY["加强自身建设"].fits("report") and not LIBRARY["加强自身建设"].fits("notice")
    for kind in ("speech", "report", "notice"):
        data = yaml.safe_load((OUTLINES / f"{kind}-sections.yaml").read_text(encoding="utf-8"))
        used = [p["use"] for key in ("opening", "points", "closing") for p in data.get(key) or []
                if isinstance(p, dict) and "use" in p]
        assert used and all(LIBRARY[name].fits(kind) for name in used), kind
    # a workspace section: Chinese kind names, one kind as a word, or none (every kind)
    tpl = tmp_path / "tpl" / "sections"
    tpl.mkdir(parents=True)
    (tpl / "报送.md.j2").write_text("{#- section\npurpose: 报送\nkinds: [通知, report]\n-#}\n# 报送\n", encoding="utf-8")
    (tpl / "一种.md.j2").write_text("{#- section\npurpose: 一种\nkinds: speech\n-#}\n# 一种\n", encoding="utf-8")
    (tpl / "通用.md.j2").write_text("{#- section\npurpose: 通用\n-#}\n# 通用\n", encoding="utf-8")
    (tpl / "错.md.j2").write_text("{#- section\npurpose: 错\nkinds: [请示]\n-#}\n# 错\n", encoding="utf-8")
    search = templating.search_path((str(tmp_path / "tpl"),))
    assert sections.find("报送", search).kinds == ("notice", "report")
    assert sections.find("一种", search).kinds == ("speech",)
    assert sections.find("通用", search).kinds == () and sections.find("通用", search).fits("notice")
    with pytest.raises(DrafterError) as err:
        sections.find("错", search)
    assert "“请示”不是可选值" in str(err.value) and ":3" in str(err.value)  # the header's line
    (tpl / "错.md.j2").unlink()
    code, out, _ = cli("sections", "--templates", tmp_path / "tpl")
    assert code == 0
    assert "报送［" in out and "适用：通知、工作报告" in out and "通用［" in out and "适用：全部文种" in out
    assert "培训时间和地点［内置］　培训班通知的“培训时间和地点”一项　适用：通知" in out
