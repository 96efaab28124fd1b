"""The workbench's file store and page layout, without a server."""

from __future__ import annotations

import pytest

from drafter.errors import DrafterError
from drafter.serve.store import ORIGIN, Store


@pytest.fixture
def store(tmp_path):
    (tmp_path / "drafter.yaml").write_text("rate: 220\n", encoding="utf-8")
    return Store(tmp_path)


TEXT = """\
# 头注释
kind: speech
title: 讲话   # 标题注释
points:
  - title: 甲
    paragraphs: [甲的正文。]   # 甲注释
  - title: 乙
    with: {a: 1}
closing:
  - 结尾。
"""


def test_merge_keeps_comments_flow_style_and_moves_nodes_with_their_items(store):
    from drafter.serve.store import to_plain

    data = to_plain(__import__("ruamel.yaml", fromlist=["YAML"]).YAML().load(TEXT))
    assert [p[ORIGIN] for p in data["points"]] == [0, 1]
    data["points"].reverse()
    data["points"].append({"title": "丙", ORIGIN: 0})  # a second claim on item 0 gets a fresh node
    data["speaker"] = "张三"
    out = store.build(TEXT, data)
    assert out.startswith("# 头注释\n")
    assert "title: 讲话   # 标题注释" in out
    assert "paragraphs: [甲的正文。]   # 甲注释" in out
    assert out.index("title: 乙") < out.index("title: 甲") < out.index("title: 丙")
    assert "with: {a: 1}" in out
    assert ORIGIN not in out and "&" not in out and "*" not in out  # no anchors from shared nodes
    assert out.index("speaker: 张三") > out.index("closing:")  # after the last key the page sent before it


def test_new_keys_follow_the_order_sent(store):
    out = store.build("kind: speech\ntitle: 甲\nclosing: [乙]\n", {"kind": "speech", "title": "甲", "speaker": "张三",
                                                                 "closing": ["乙"]})
    assert out.splitlines() == ["kind: speech", "title: 甲", "speaker: 张三", "closing: [乙]"]


def test_dates_stay_dates_and_unchanged_text_keeps_its_quotes(store):
    text = "kind: speech\ntitle: '讲话'\ndate: 2024-03-28\n"
    assert store.build(text, {"kind": "speech", "title": "讲话", "date": "2024-03-28"}) == text
    out = store.build(text, {"kind": "speech", "title": "讲话", "date": "2024-04-01"})
    assert "date: 2024-04-01\n" in out


def test_refused_values(store):
    with pytest.raises(DrafterError):
        store.build("kind: speech\n", {"kind": {"nested": [object()]}})
    with pytest.raises(DrafterError):
        store.build("kind: speech\n", ["not", "a", "mapping"])


def test_create_and_list(store, tmp_path):
    (tmp_path / "outlines").mkdir()
    assert store.create("讲话", "speech") == "outlines/讲话.yaml"
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "x.yaml").write_text("kind: speech\n", encoding="utf-8")  # not an outline folder
    (tmp_path / "notes.yaml").write_text("a: 1\n", encoding="utf-8")  # no kind: not an outline
    assert [o["path"] for o in store.list_outlines()] == ["outlines/讲话.yaml"]
    with pytest.raises(DrafterError, match="已存在"):
        store.create("讲话.yaml", "speech")


def test_pages_hold_22_lines_and_split_long_paragraphs():
    from drafter.serve import pages
    from drafter.serve.library import model as M

    para = M.Block(M.PARAGRAPH, [M.Run("字" * (28 * 8 - 2))])  # eight lines, indented two characters
    laid = pages.paginate([M.Block(M.TITLE, [M.Run("标题")]), para, para, para])  # title: 1 line and 1 blank
    assert len(laid) == 2
    first, second = laid
    assert sum(pages._lines(b) for b in first) == 22
    assert len(first[-1].text) == 4 * 28 - 2  # the four lines left on the first page
    assert second[0].kind == pages.CONTINUED and len(second[0].text) == 4 * 28
    assert "".join(b.text for page in laid for b in page).count("字") == 3 * (28 * 8 - 2)
    assert len(pages.paginate([para, M.Block(M.PAGEBREAK), para])) == 2
    html = pages.to_html([M.Block(M.PARAGRAPH, [M.Run("<b>"), M.Run("粗", bold=True)])])
    assert "&lt;b&gt;" in html and "<b>粗</b>" in html and "— 1 —" in html


def test_browser_tests_are_mandatory_in_ci(monkeypatch):
    from . import serve_helpers

    monkeypatch.setattr(serve_helpers.os.path, "exists", lambda path: False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        serve_helpers.need_chromium()
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        serve_helpers.need_chromium()


def _outline_texts(tmp_path):
    from .conftest import CORPUS, OUTLINES, ROOT

    from drafter.tasks import starter

    files = sorted(OUTLINES.glob("*.yaml"))
    texts = {f"{p.parent.name}/{p.name}": p.read_text(encoding="utf-8") for p in files}
    for folder in sorted((ROOT / "kinds").glob("*/starter.yaml")):  # as drafter new writes them
        texts[f"{folder.parent.name}/starter.yaml"] = starter(folder.parent.name)
    if CORPUS.is_dir():  # imported real speeches carry the importer's comments
        from drafter.tasks import import_draft

        for source in sorted(CORPUS.glob("*.txt")):
            out = tmp_path / f"导入-{source.stem}.yaml"
            import_draft(str(source), str(out), force=True)
            texts[out.name] = out.read_text(encoding="utf-8")
    return texts


def test_a_save_without_changes_leaves_every_outline_byte_for_byte(store, tmp_path):
    from ruamel.yaml import YAML

    from drafter.serve.store import to_plain

    texts = _outline_texts(tmp_path)
    assert len(texts) >= 9  # six example outlines and three starters, with their comments
    for name, text in texts.items():
        assert store.build(text, to_plain(YAML().load(text))) == text, name


def test_one_field_changed_changes_one_line(store, tmp_path):
    from ruamel.yaml import YAML

    from drafter.serve.store import to_plain

    for name, text in _outline_texts(tmp_path).items():
        data = to_plain(YAML().load(text))
        data["title"] = "新标题"
        before, after = text.splitlines(), store.build(text, data).splitlines()
        assert len(before) == len(after), name
        changed = [(a, b) for a, b in zip(before, after) if a != b]
        assert len(changed) == 1 and "新标题" in changed[0][1], name
