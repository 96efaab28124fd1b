"""Workspaces: drafter init, found from any folder inside, overriding shipped sections and entries."""

import pytest

from .conftest import OUTLINES, write

OWN_SECTION = """{#- section
purpose: 本单位版本的加强自身建设
params:
  body: {doc: 主体, default: 区人大常委会}
-#}
# 加强自身建设，争创“四个机关”示范

{{ body }}要对标“四个机关”定位，全面加强自身建设。
"""


@pytest.fixture
def ws(cli, tmp_path, monkeypatch):
    root = tmp_path / "办公室"
    code, out, _ = cli("init", root)
    assert code == 0 and "新建工作区" in out
    inner = root / "outlines" / "2024"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)  # commands find the workspace from a folder inside it
    return root


def test_init_creates_the_layout_and_refuses_twice(cli, ws):
    for name in ("outlines", "templates/sections", "glossary", "drafter.yaml", "README.md"):
        assert (ws / name).exists(), name
    assert "工作区" in (ws / "README.md").read_text(encoding="utf-8")
    before = (ws / "drafter.yaml").read_text(encoding="utf-8")
    code, _, err = cli("init", ws)
    assert code == 2 and "已经是一个工作区" in err
    assert (ws / "drafter.yaml").read_text(encoding="utf-8") == before


def test_workspace_section_overrides_the_shipped_one(cli, ws, tmp_path):
    (ws / "templates" / "sections" / "加强自身建设.md.j2").write_text(OWN_SECTION, encoding="utf-8")
    code, out, _ = cli("sections")
    assert "加强自身建设［工作区，覆盖了1个同名片段］" in out
    code, out, _ = cli("sections", "加强自身建设")
    assert "加强自身建设［工作区］" in out and "覆盖：" in out
    outline = write(tmp_path, "s.yaml", "kind: speech\ntitle: 讲话\npoints:\n  - use: 加强自身建设\n")
    out_file = tmp_path / "s.txt"
    code, _, err = cli("render", outline, "-o", out_file)
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8")
    assert "一、加强自身建设，争创“四个机关”示范" in text and "区人大常委会要对标" in text


def test_workspace_glossary_extends_the_shipped_one(cli, ws, tmp_path):
    draft = write(tmp_path, "d.txt", "深入开展四连四促活动，依法监督“一府两院”工作。\n")
    code, out, _ = cli("check", draft)
    assert "“四连四促”应为“四联四促”" in out and "一府两院" in out
    code, out, _ = cli("glossary", "--test")
    assert code == 0 and "0 处不符" in out
    (ws / "glossary" / "错误.yaml").write_text(
        "- term: 三抓三促\n  variants: [三抓三保]\n  basis: 测试\n  examples: {bad: 开展三抓三促行动。, good: 开展三抓三促行动。}\n",
        encoding="utf-8")
    code, out, _ = cli("glossary", "--test")
    assert code == 1 and "三抓三促：例句“开展三抓三促行动。”应被查出，但没有" in out


def test_workspace_settings_rate_and_region(cli, ws, tmp_path):
    (ws / "drafter.yaml").write_text("rate: 110\nregion: 贵州\n", encoding="utf-8")
    out_file = tmp_path / "s.docx"
    code, out, _ = cli("render", OUTLINES / "speech.yaml", "-o", out_file)
    assert code == 0 and "按每分钟 110 字计" in out
    draft = write(tmp_path, "d.txt", "为加快实现“三高四新”美好蓝图贡献力量。\n")
    code, out, _ = cli("check", draft)
    assert "glossary.scope" in out and "本文稿属于贵州" in out
    (ws / "drafter.yaml").write_text("rate: 5\n", encoding="utf-8")
    code, _, err = cli("render", OUTLINES / "speech.yaml", "-o", out_file)
    assert code == 2 and "drafter.yaml:1:7: rate: 应在 60 到 600 之间" in err


def test_outside_a_workspace_only_shipped_material_is_used(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("sections")
    assert "［工作区" not in out
