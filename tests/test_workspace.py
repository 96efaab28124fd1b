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


def test_render_strict_honours_an_entry_for_that_outline_only(cli, ws):
    # an accepted phrase for one document (what the workbench's ignore writes) lets render --strict
    # write that document; the same phrase in another outline is still held back
    speech = "kind: speech\ntitle: 在全区人大工作会议上的讲话\nopening:\n  - 今天召开会议。\npoints:\n" \
             "  - title: 提高政治站位\n    paragraphs: [要支持“一府两院”依法履职。]\n  - title: 依法履职尽责\n" \
             "    paragraphs: [要强化监督。]\nsignoff: 谢谢大家！\ndate: 2026-03-01\n"
    write(ws / "outlines" / "2024", "讲话.yaml", speech)
    write(ws / "outlines" / "2024", "其他.yaml", speech)
    config = ws / "drafter.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "\nignore:\n  - {rule: glossary.deprecated, text: 一府两院, "
                      "file: outlines/2024/讲话.yaml}\n", encoding="utf-8")
    code, _, err = cli("render", "讲话.yaml", "-o", "讲话.docx", "--strict")
    assert code == 0 and (ws / "outlines" / "2024" / "讲话.docx").exists(), err
    code, _, err = cli("render", "讲话.yaml", "-o", "-", "--format", "txt", "--strict")
    assert code == 0 and "一府两院" not in err, err
    code, out, _ = cli("render", "其他.yaml", "-o", "其他.docx", "--strict")
    assert code == 1 and not (ws / "outlines" / "2024" / "其他.docx").exists() and "glossary.deprecated" in out


def test_an_office_word_in_the_workspace_known_words_is_not_a_misused_pair(cli, ws):
    draft = write(ws / "outlines" / "2024", "纪要.txt", "关于代表活动的纪要\n会议要求各代表小组认真开展视查活动。\n")
    code, out, _ = cli("check", draft)
    assert code == 0 and "typo.word" in out and "视查" in out
    (ws / "glossary" / "confusions").mkdir(parents=True, exist_ok=True)
    write(ws / "glossary" / "confusions", "known-words.txt", "# 本单位的工作用语\n视查 共建\n")
    code, out, _ = cli("check", draft)
    assert "typo.word" not in out, out
