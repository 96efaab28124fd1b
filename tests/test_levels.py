"""The unit's level writes the words: registers/levels.yaml gives templates and starters the
bodies and titles of the level (``body``), and the check rule usage.level flags one that does not
exist there."""

import docx
import pytest

from drafter import levels, unit
from drafter.errors import DrafterError
from drafter.schema import SchemaError

TOWN = "unit:\n  level: 镇\n  place: 恒阳镇\n  prefix: 恒镇人发\n"


def _workspace(cli, root, config: str):
    assert cli("init", root)[0] == 0
    (root / "drafter.yaml").write_text(config, encoding="utf-8")
    return root


def _text(path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_every_level_has_its_basis_and_names():
    entries = levels.levels()
    assert list(entries) == ["全国", "省", "设区的市", "县", "乡镇"]
    for entry in entries.values():
        assert entry["basis"] and entry["examples"] and entry["head_of"]
    assert not entries["乡镇"]["standing"] and entries["乡镇"]["supervised"] == ["人民政府"]
    assert entries["县"]["secretary"] is None and entries["设区的市"]["secretary"] == "秘书长"


def test_the_unit_level_takes_its_aliases_and_refuses_what_is_not_a_level():
    assert unit.PROFILE.check({"level": "镇"}, ())["level"] == "乡镇"
    assert unit.PROFILE.check({"level": "区"}, ())["level"] == "县"
    with pytest.raises(SchemaError) as caught:
        unit.PROFILE.check({"level": "村"}, ())
    assert caught.value.path == ("level",) and "乡镇" in caught.value.message


def test_a_town_workspace_renders_a_speech_and_a_notice_with_no_standing_committee(cli, tmp_path):
    ws = _workspace(cli, tmp_path / "镇", TOWN)
    for kind in ("speech", "notice"):
        code, _, err = cli("new", kind, "-o", ws / f"{kind}.yaml")
        assert code == 0, err
        code, out, err = cli("render", ws / f"{kind}.yaml")
        assert code == 0, err
        text = _text(ws / f"{kind}.docx")
        assert text.strip() and "常委会" not in text and "常务委员会" not in text, text
        assert "usage.level" not in out  # nothing of another level in what drafter wrote
    assert "恒阳镇人大主席" in _text(ws / "speech.docx")
    notice = _text(ws / "notice.docx")
    assert "恒阳镇人大主席团" in notice and "各代表小组" in notice


def test_a_county_workspace_keeps_its_standing_committee(cli, tmp_path):
    ws = _workspace(cli, tmp_path / "区", "unit:\n  level: 区\n  place: 恒阳区\n  prefix: 恒人常办发\n")
    cli("new", "notice", "-o", ws / "n.yaml")
    assert cli("render", ws / "n.yaml")[0] == 0
    text = _text(ws / "n.docx")
    assert "恒阳区人大常委会办公室" in text and "各乡镇人大主席团" in text


def test_check_flags_a_body_the_level_does_not_have(cli, tmp_path):
    ws = _workspace(cli, tmp_path / "镇", TOWN)
    draft = ws / "稿.txt"
    draft.write_text("在镇人大会议上的讲话\n常委会要加强对一府一委两院的监督。\n县人大常委会的部署要落实。\n", encoding="utf-8")
    code, out, _ = cli("check", draft)
    found = [line for line in out.splitlines() if "usage.level" in line]
    assert len(found) == 2 and "“常委会”" in found[0] and "“一府一委两院”" in found[1], out
    assert not any("第3段" in line for line in found)  # 县人大常委会 names its level
    elsewhere = tmp_path / "稿.txt"  # no workspace: the level is unknown, the bare words pass
    elsewhere.write_text(draft.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = cli("check", elsewhere)
    assert "usage.level" not in out


def test_a_damaged_register_is_named(monkeypatch, tmp_path):
    bad = tmp_path / "levels.yaml"
    bad.write_text("- level: 县\n  standing: 是\n", encoding="utf-8")
    monkeypatch.setattr(levels, "register_file", lambda: str(bad))
    levels.levels.cache_clear()
    try:
        with pytest.raises(DrafterError) as caught:
            levels.levels()
        assert caught.value.file == str(bad) and caught.value.line == 1 and "缺少必填字段" in caught.value.message
    finally:
        levels.levels.cache_clear()
