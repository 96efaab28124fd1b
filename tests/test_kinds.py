"""Kinds as data: the folders in kinds/, their schema read by drafter and by a JSON-Schema
validator (what an editor uses) alike, and the loader's refusals of a bad kind folder."""

import json

import pytest
import yaml

from drafter.errors import DrafterError
from drafter.outline import kinds as K
from drafter.outline import parse

from .conftest import OUTLINES, ROOT

KINDS_DIR = ROOT / "kinds"
SHIPPED = sorted(p.name for p in KINDS_DIR.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


class _NoDates(yaml.SafeLoader):
    """YAML as an editor's language server reads it: 2024-03-20 stays text."""


_NoDates.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in rs if tag != "tag:yaml.org,2002:timestamp"]
    for ch, rs in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _validator(kind: str):
    """A jsonschema validator for kinds/<kind>/kind.yaml, its $ref to _common.yaml resolved as
    an editor resolves it: relative to the kind file."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    folder = KINDS_DIR / kind
    schema = yaml.load((folder / "kind.yaml").read_text(encoding="utf-8"), _NoDates)
    common = yaml.load((KINDS_DIR / "_common.yaml").read_text(encoding="utf-8"), _NoDates)
    Draft202012Validator.check_schema(schema)
    Draft202012Validator.check_schema(common)
    registry = Registry().with_resource((KINDS_DIR / "_common.yaml").as_uri(),
                                        Resource.from_contents(common, default_specification=DRAFT202012))
    return Draft202012Validator({**schema, "$id": (folder / "kind.yaml").as_uri()}, registry=registry)


def _outline(path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), _NoDates)


def test_every_shipped_kind_is_a_complete_folder():
    assert {"speech", "report", "notice"} <= set(SHIPPED)
    for kind in SHIPPED:
        for name in ("kind.yaml", "template.md.j2", "starter.yaml", "example.yaml", "README.md"):
            assert (KINDS_DIR / kind / name).is_file(), f"kinds/{kind}/{name}"
        assert K.load_kind(KINDS_DIR / kind).name == kind


@pytest.mark.parametrize("kind", [k for k in SHIPPED if k != "meeting"])
def test_the_gallery_copy_of_a_shipped_example_is_the_example(kind):
    """outlines/<kind>.yaml (make demo, make examples, the pagination sweep) is a copy of the
    kind's example; the meeting file renders a set, shown in examples/meeting/ instead."""
    assert (OUTLINES / f"{kind}.yaml").read_bytes() == (KINDS_DIR / kind / "example.yaml").read_bytes()


@pytest.mark.parametrize("kind", SHIPPED)
def test_each_example_is_valid_for_the_editor_and_for_drafter(kind):
    example = KINDS_DIR / kind / "example.yaml"
    errors = [e.message for e in _validator(kind).iter_errors(_outline(example))]
    assert not errors, errors
    assert parse(example.read_text(encoding="utf-8"), str(example)).kind.name == kind


@pytest.mark.parametrize("kind", SHIPPED)
def test_each_starter_is_valid_for_the_editor(kind):
    from drafter.tasks import starter

    data = yaml.load(starter(kind), _NoDates)  # as drafter new writes it, body's names filled in
    errors = [e.message for e in _validator(kind).iter_errors(data)]
    assert not errors, errors


WRONG = [  # (kind, change to the example, field drafter names)
    ("speech", {"speakr": "张三"}, "speakr"),
    ("speech", {"limit": 0}, "limit"),
    ("speech", {"announce": "是"}, "announce"),
    ("speech", {"date": "2024年13月"}, "date"),
    ("report", {"points": []}, "points"),
    ("report", {"organ": None}, "organ"),
    ("notice", {"number": {"prefix": "恒人常办发", "year": 2024}}, "number.serial"),
    ("notice", {"attachments": [{"columns": ["姓名"]}]}, "attachments[0].title"),
    ("notice", {"points": [{"title": "时间", "style": "甲乙"}]}, "points[0].style"),
    ("notice", {"points": [{"paragraphs": ["没有标题。"]}]}, "points[0].title"),
]


@pytest.mark.parametrize("kind,change,field", WRONG)
def test_drafter_and_the_editor_agree_on_wrong_outlines(kind, change, field):
    data = _outline(KINDS_DIR / kind / "example.yaml")
    for key, value in change.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    assert list(_validator(kind).iter_errors(data)), "the editor's schema accepts it"
    with pytest.raises(DrafterError) as caught:
        parse(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "x.yaml")
    assert caught.value.field == field and caught.value.line, str(caught.value)


def test_every_place_takes_the_chinese_name_and_aliases():
    kinds = K.registry()
    for word, name in (("讲话稿", "speech"), ("讲话", "speech"), ("工作报告", "report"), ("报告", "report"),
                       ("通知", "notice"), ("notice", "notice")):
        assert kinds.get(word).name == name
    text = (KINDS_DIR / "speech" / "example.yaml").read_text(encoding="utf-8").replace("kind: speech", "kind: 讲话稿")
    assert parse(text, "x.yaml").data["kind"] == "speech"


def test_the_editor_schema_is_one_self_contained_json_file():
    from jsonschema import Draft7Validator

    kind = K.registry().get("notice")
    path = K.editor_schema_file(kind)
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert "x-drafter" not in schema and "_common.yaml" not in path.read_text(encoding="utf-8")
    Draft7Validator.check_schema(schema)
    assert not list(Draft7Validator(schema).iter_errors(_outline(KINDS_DIR / "notice" / "example.yaml")))
    assert list(Draft7Validator(schema).iter_errors({"kind": "notice", "title": "x"}))


def _kind_folder(tmp_path, kind_yaml: str, name: str = "brief"):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "kind.yaml").write_text(kind_yaml, encoding="utf-8")
    (folder / "template.md.j2").write_text("# {{ title|title_lines }}\n", encoding="utf-8")
    return folder


GOOD = """\
type: object
additionalProperties: false
required: [kind, title]
properties:
  kind: {enum: [brief]}
  title: {$ref: '../_common.yaml#/$defs/title'}
  issue: {type: integer, minimum: 1, maximum: 99, description: 期号}
x-drafter: {id: brief, label: 简报}
"""


@pytest.mark.parametrize("change,line,message", [
    (("issue: {type: integer", "issue: {type: number"), 7, "不支持的 type number"),
    (("issue: {type: integer, minimum: 1", "issue: {oneOf: [], type: integer, minimum: 1"), 7, "不支持的写法 oneOf"),
    (("$defs/title", "$defs/titel"), 6, "不支持的引用"),
    (("x-drafter: {id: brief, label: 简报}", "x-drafter: {id: brief, label: 简报, layout: {red: true}}"), 8,
     "layout 中的未知部分 red"),
    (("additionalProperties: false\n", ""), 1, "additionalProperties: false"),
    (("maximum: 99,", "maximum: 99, default: 100,"), 7, "default 不合本字段的要求"),
    (("  issue:", "  date: {type: integer}\n  issue:"), 7, "字段 date 在 drafter 中有固定含义"),
])
def test_a_bad_kind_file_is_one_chinese_line_naming_the_file_and_place(tmp_path, change, line, message):
    folder = _kind_folder(tmp_path, GOOD.replace(*change))
    with pytest.raises(DrafterError) as caught:
        K.load_kind(folder, "workspace")
    err = caught.value
    assert err.file == str(folder / "kind.yaml") and err.line == line and message in err.message, str(err)
    assert "\n" not in str(err)


def test_a_good_kind_file_loads(tmp_path):
    kind = K.load_kind(_kind_folder(tmp_path, GOOD), "workspace")
    assert (kind.name, kind.label, kind.origin) == ("brief", "简报", "workspace")
    assert kind.schema.check({"kind": "brief", "title": "x", "issue": 3}, ())["issue"] == 3


BRIEF_KIND = """\
$schema: https://json-schema.org/draft/2020-12/schema
title: 简报
description: 工作简报：期号、编发单位、标题、正文
type: object
additionalProperties: false
required: [kind, title, issue, points]
properties:
  kind: {description: 文种, enum: [briefing, 简报]}
  title: {$ref: '../_common.yaml#/$defs/title'}
  issue: {type: integer, minimum: 1, maximum: 999, description: 期号}
  editor: {type: string, maxLength: 60, default: 区人大常委会办公室, description: 编发单位}
  points:
    description: 正文各部分
    type: array
    minItems: 1
    items: {$ref: '../_common.yaml#/$defs/point'}
x-drafter: {id: briefing, label: 简报}
"""
BRIEF_TEMPLATE = """\
{% import "_points.md.j2" as pts %}
::: subtitle
第{{ issue }}期
:::

::: subtitle
{{ editor|inline }}
:::

# {{ title|title_lines }}

{{ pts.points(points) }}
"""
BRIEF_STARTER = """\
# 简报大纲
kind: 简报
title: 关于xx的简报
issue: 1
points:
  - title: 基本情况
    paragraphs: [今年以来，区人大常委会围绕中心工作开展调研。]
"""


def test_a_workspace_adds_a_kind_with_no_python(cli, tmp_path):
    import docx

    ws = tmp_path / "ws"
    assert cli("init", ws)[0] == 0
    folder = ws / "kinds" / "简报"
    folder.mkdir(parents=True)
    (folder / "kind.yaml").write_text(BRIEF_KIND, encoding="utf-8")
    (folder / "template.md.j2").write_text(BRIEF_TEMPLATE, encoding="utf-8")
    (folder / "starter.yaml").write_text(BRIEF_STARTER, encoding="utf-8")
    code, out, err = cli("new", "简报", "-o", ws / "j.yaml")
    assert code == 0, err
    first = (ws / "j.yaml").read_text(encoding="utf-8").splitlines()[0]
    from urllib.parse import unquote, urlparse

    url = first.split("$schema=", 1)[1]
    assert url.startswith("file:///")
    schema = json.loads(open(unquote(urlparse(url).path), encoding="utf-8").read())
    assert schema["title"] == "简报" and "issue" in schema["properties"]
    code, out, err = cli("render", ws / "j.yaml")
    assert code == 0 and (ws / "j.docx").is_file(), err
    text = "\n".join(p.text for p in docx.Document(str(ws / "j.docx")).paragraphs)
    assert "第1期" in text and "区人大常委会办公室" in text and "一、基本情况" in text
    # a wrong field is told in the workspace kind's words, at its line
    (ws / "bad.yaml").write_text(BRIEF_STARTER.replace("issue: 1", "issue: 0"), encoding="utf-8")
    code, _, err = cli("render", ws / "bad.yaml")
    assert code == 2 and f"{ws / 'bad.yaml'}:4:8: issue: 应在 1 到 999" in err, err


def test_drafter_kinds_lists_workspace_kinds_and_overrides(cli, tmp_path, monkeypatch):
    ws = tmp_path / "ws"
    cli("init", ws)
    folder = ws / "kinds" / "简报"
    folder.mkdir(parents=True)
    (folder / "kind.yaml").write_text(BRIEF_KIND, encoding="utf-8")
    (folder / "template.md.j2").write_text(BRIEF_TEMPLATE, encoding="utf-8")
    import shutil
    shutil.copytree(KINDS_DIR / "notice", ws / "kinds" / "notice")
    monkeypatch.chdir(ws)
    code, out, _ = cli("kinds")
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "[工作区]" in lines["briefing"] and "简报" in lines["briefing"]
    assert "[工作区，覆盖了内置]" in lines["notice"] and "[内置]" in lines["speech"]
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("kinds")
    assert "briefing" not in out and "覆盖" not in out


def test_a_workspace_override_of_a_kind_is_used_there_and_not_elsewhere(cli, tmp_path):
    import shutil

    ws = tmp_path / "ws"
    cli("init", ws)
    shutil.copytree(KINDS_DIR / "notice", ws / "kinds" / "notice")
    template = ws / "kinds" / "notice" / "template.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace("# {{ title|title_lines }}",
                                                                    "# {{ title|title_lines }}（本单位格式）"),
                        encoding="utf-8")
    for folder in (ws, tmp_path / "elsewhere"):
        folder.mkdir(exist_ok=True)
        shutil.copy(KINDS_DIR / "notice" / "example.yaml", folder / "n.yaml")
        code, _, err = cli("render", folder / "n.yaml", "-o", folder / "n.md")
        assert code == 0, err
    assert "（本单位格式）" in (ws / "n.md").read_text(encoding="utf-8")
    assert "（本单位格式）" not in (tmp_path / "elsewhere" / "n.md").read_text(encoding="utf-8")


def test_a_bad_workspace_kind_is_named_when_the_workspace_is_used(cli, tmp_path):
    ws = tmp_path / "ws"
    cli("init", ws)
    folder = ws / "kinds" / "简报"
    folder.mkdir(parents=True)
    (folder / "kind.yaml").write_text(BRIEF_KIND.replace("type: integer", "type: float"), encoding="utf-8")
    (folder / "template.md.j2").write_text(BRIEF_TEMPLATE, encoding="utf-8")
    shutil_src = KINDS_DIR / "speech" / "example.yaml"
    (ws / "s.yaml").write_text(shutil_src.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = cli("render", ws / "s.yaml")
    first = err.splitlines()[0]
    assert code == 2 and "Traceback" not in err
    assert first.startswith(f"错误：{folder / 'kind.yaml'}:10:17: properties.issue.type: ") and "不支持的 type float" in first, err


def test_a_chinese_folder_name_needs_an_id(tmp_path):
    folder = _kind_folder(tmp_path, GOOD.replace("x-drafter: {id: brief, label: 简报}", "x-drafter: {label: 简报}"),
                          name="简报")
    with pytest.raises(DrafterError) as caught:
        K.load_kind(folder, "workspace")
    assert caught.value.line == 8 and "目录名“简报”不是英文名" in caught.value.message
    named = _kind_folder(tmp_path, GOOD.replace("x-drafter: {id: brief, label: 简报}", "x-drafter: {label: 简报}"))
    assert K.load_kind(named, "workspace").name == "brief"  # an English folder name is the id


def test_two_workspace_folders_with_one_id_are_refused_and_an_alias_never_hides_an_id(tmp_path):
    root = tmp_path / "kinds"
    root.mkdir()
    first = _kind_folder(root, GOOD, name="brief")
    K._registry.cache_clear()
    kinds = K._registry(((str(K.shipped_kinds()), "builtin"), (str(root), "workspace")))
    assert kinds.get("简报").name == "brief"
    (first / "kind.yaml").write_text(GOOD.replace("label: 简报}", "label: 简报, aliases: [speech, 讲话]}"),
                                     encoding="utf-8")
    K._registry.cache_clear()
    kinds = K._registry(((str(K.shipped_kinds()), "builtin"), (str(root), "workspace")))
    assert kinds.get("speech").name == "speech" and kinds.get("讲话").name == "brief"
    _kind_folder(root, GOOD, name="brief2")
    K._registry.cache_clear()
    with pytest.raises(DrafterError) as caught:
        K._registry(((str(K.shipped_kinds()), "builtin"), (str(root), "workspace")))
    assert "id 都是 brief" in caught.value.message and caught.value.file.endswith("brief2/kind.yaml")
    K._registry.cache_clear()
