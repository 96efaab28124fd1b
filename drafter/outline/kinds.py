"""The document kinds drafter renders, loaded from their folders.

A kind is one folder (``kinds/<id>/``, described in ``kinds/README.md``): ``kind.yaml`` (its
outline's schema, JSON Schema written in YAML, with one ``x-drafter:`` block), its template,
starter outline and example. The shipped kinds come first, then the folders of the workspace's
``kinds/`` (a folder whose id is a shipped kind's replaces it there).

The JSON-Schema subset drafter supports is translated into drafter's own schema objects
(``drafter.schema``), so an outline's errors keep their file, line, column and field path; a
construct outside the subset is refused naming the kind file and the place.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import safeyaml, workspace
from ..errors import DrafterError
from ..files.fs import atomic_write, cache_dir, prune_cache
from ..resources import shipped
from ..schema import MAX_TEXT, Boolean, Choice, Date, Field, Integer, ListOf, Mapping, Record, SchemaError, Spec, Text
from . import builtins, meeting

SCHEMA_FILE = "kind.yaml"
COMMON_FILE = "_common.yaml"
TEMPLATE_FILE = "template.md.j2"
STARTER_FILE = "starter.yaml"
EXAMPLE_FILE = "example.yaml"

# Layout parts a kind may switch on (GB/T 9704-2012 clauses in kinds/README.md).
LAYOUT_PARTS = {
    "masthead": "红头（发文机关标志）",
    "number": "发文字号",
    "addressees": "主送机关",
    "signature": "署名",
    "date": "成文日期",
    "attachments": "附件",
    "imprint": "版记（抄送、印发机关和印发日期）",
    "copy_number": "份号",
    "secrecy": "密级和保密期限",
    "urgency": "紧急程度",
    "issuer": "签发人",
}

X_KEYS = {"id", "label", "aliases", "template", "spoken", "layout", "checks", "order", "set"}
SETS = ("meeting",)  # kinds whose outline renders a set of documents (drafter/outline/meeting.py)
# Keywords that only describe (an editor shows them; drafter's checks do not depend on them).
ANNOTATIONS = {"description", "title", "examples", "$comment", "markdownDescription", "deprecated"}
# Fields drafter itself reads from every outline (the title, the date, the province, the time
# limit, the 发文字号 the unit's 机关代字 fills in): a kind that has one keeps its meaning.
RESERVED = {
    "title": (Text, "文字（$ref: ../_common.yaml#/$defs/title 或 type: string）"),
    "date": (Date, "日期（$ref: ../_common.yaml#/$defs/date）"),
    "region": (Text, "文字（省份）"),
    "limit": (Integer, "整数（讲话限时，分钟）"),
    "number": (Record, "发文字号（$ref: ../_common.yaml#/$defs/docnumber）"),
    "printed": (Date, "日期（$ref: ../_common.yaml#/$defs/date）"),
}
_REF = re.compile(r"^(?:[^#]*/)?_common\.yaml#/\$defs/([A-Za-z_][A-Za-z0-9_-]*)$")
_ID = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")


@dataclass(frozen=True)
class Kind:
    name: str  # the English id
    label: str  # the Chinese name
    template: str  # the template's file name in ``folder``
    schema: Record
    description: str
    aliases: tuple[str, ...] = ()
    folder: Path | None = None
    layout: dict = field(default_factory=dict, hash=False, compare=False)
    spoken: bool = False  # read aloud: its length and speaking time are reported
    order: int = 100  # where ``drafter kinds`` and the workbench list it (smaller first)
    origin: str = "builtin"  # or "workspace"
    set: str | None = None  # "meeting": the outline is a meeting file, rendered as the set of its documents
    overrides: bool = False  # a workspace kind that replaces a shipped one of the same id
    json_schema: dict = field(default_factory=dict, hash=False, compare=False, repr=False)

    @property
    def schema_file(self) -> Path:
        return self.folder / SCHEMA_FILE

    @property
    def starter_file(self) -> Path:
        return self.folder / STARTER_FILE

    @property
    def example_file(self) -> Path:
        return self.folder / EXAMPLE_FILE

    def has(self, part: str) -> bool:
        """Whether the layout part ``part`` (``LAYOUT_PARTS``) is on for this kind."""
        return bool(self.layout.get(part))


class _Bad(Exception):
    """A kind file outside the supported subset: the message and its path in the file."""

    def __init__(self, message: str, path: tuple) -> None:
        super().__init__(message)
        self.message, self.path = message, path


# --- JSON Schema (the supported subset) -> drafter's schema objects -------------------------

def _allowed(node: dict, path: tuple, keys: set[str]) -> None:
    for key in node:
        if key not in keys and key not in ANNOTATIONS:
            raise _Bad(f"不支持的写法 {key}（drafter 支持的 JSON Schema 写法见 kinds/README.md）", path + (key,))


def _number(node: dict, key: str, path: tuple, default):
    value = node.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Bad(f"{key} 应为数字", path + (key,))
    return value


def _spec(node, path: tuple) -> Spec:
    """The spec that checks a value against the schema ``node`` (at ``path`` in the kind file)."""
    if not isinstance(node, dict):
        raise _Bad("应为映射（JSON Schema）", path)
    if "$ref" in node:
        _allowed(node, path, {"$ref", "default"})
        m = _REF.match(str(node["$ref"]))
        if not m or m.group(1) not in builtins.DEFINITIONS:
            names = "、".join(builtins.DEFINITIONS)
            raise _Bad(f"不支持的引用 {node['$ref']}；可引用 _common.yaml#/$defs/ 下的：{names}", path + ("$ref",))
        return builtins.DEFINITIONS[m.group(1)]()
    if "enum" in node:
        _allowed(node, path, {"enum", "type", "default"})
        values = node["enum"]
        if not isinstance(values, list) or not values or not all(isinstance(v, (str, int)) and not isinstance(v, bool)
                                                                   for v in values):
            raise _Bad("enum 应为文字的列表", path + ("enum",))
        return Choice(choices=tuple(str(v) for v in values))
    kind = node.get("type")
    if kind == "string":
        _allowed(node, path, {"type", "minLength", "maxLength", "format", "default"})
        if "format" in node:
            if node["format"] != "date":
                raise _Bad(f"不支持的 format {node['format']}；只支持 date", path + ("format",))
            return Date()
        return Text(max_len=int(_number(node, "maxLength", path, MAX_TEXT)),
                    allow_empty=_number(node, "minLength", path, 1) == 0)
    if kind == "integer":
        _allowed(node, path, {"type", "minimum", "maximum", "default"})
        return Integer(minimum=_number(node, "minimum", path, 0), maximum=_number(node, "maximum", path, 1_000_000))
    if kind == "boolean":
        _allowed(node, path, {"type", "default"})
        return Boolean()
    if kind == "array":
        _allowed(node, path, {"type", "items", "minItems", "maxItems", "default"})
        if "items" not in node:
            raise _Bad("列表（array）需要 items 说明每一项", path)
        return ListOf(_spec(node["items"], path + ("items",)), min_items=int(_number(node, "minItems", path, 0)),
                      max_items=int(_number(node, "maxItems", path, 200)))
    if kind == "object":
        _allowed(node, path, {"type", "properties", "required", "additionalProperties", "default"})
        if "properties" not in node:
            if node.get("additionalProperties", True) is not True:
                raise _Bad("没有 properties 的映射应允许任意键（additionalProperties 不写或写 true）", path)
            return Mapping()
        if node.get("additionalProperties", False) is not False:
            raise _Bad("有 properties 的映射应写 additionalProperties: false（不认识的字段要报错）",
                       path + ("additionalProperties",))
        return _record(node, path)
    if kind is None:
        raise _Bad("缺少 type（或 $ref、enum）", path)
    raise _Bad(f"不支持的 type {kind}；支持 string、integer、boolean、array、object", path + ("type",))


def _default(node: dict, spec: Spec, path: tuple):
    if "default" not in node:
        return list if isinstance(spec, ListOf) else None
    value = node["default"]
    try:
        spec.check(copy.deepcopy(value), ())
    except SchemaError as exc:
        raise _Bad(f"default 不合本字段的要求：{exc.message}", path + ("default",)) from None
    if isinstance(value, (list, dict)):
        return lambda value=value: copy.deepcopy(value)
    return value


@lru_cache(maxsize=1)
def _shared_definitions() -> dict:
    file = str(shipped_kinds() / COMMON_FILE)
    return safeyaml.load(safeyaml.read_text(file), file)[0].get("$defs", {})


def _shared_description(ref) -> str:
    """The description of a shared definition a field points to with ``$ref`` and says nothing
    of itself (份号, 密级 …): what the form and the messages call the field."""
    m = _REF.match(ref) if isinstance(ref, str) else None
    return str((_shared_definitions().get(m.group(1)) or {}).get("description", "")) if m else ""


def _record(node: dict, path: tuple, skip: tuple[str, ...] = ()) -> Record:
    props = node["properties"]
    if not isinstance(props, dict) or not props:
        raise _Bad("properties 应为非空的映射", path + ("properties",))
    required = node.get("required", [])
    if not isinstance(required, list) or any(r not in props for r in required):
        missing = [r for r in required if r not in props] if isinstance(required, list) else []
        raise _Bad(f"required 中的字段应在 properties 里：{'、'.join(map(str, missing)) or required}",
                   path + ("required",))
    fields = {}
    for name, sub in props.items():
        if name in skip:
            continue
        where = path + ("properties", name)
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,39}", name):
            raise _Bad(f"字段名 {name} 应为英文字母、数字和下划线", where)
        spec = _spec(sub, where)
        doc = sub.get("description", "") or _shared_description(sub.get("$ref")) if isinstance(sub, dict) else ""
        fields[name] = Field(spec, required=name in required, default=_default(sub, spec, where), doc=str(doc))
    return Record(fields=fields)


# --- one kind folder ----------------------------------------------------------------------

def _x(data: dict, folder: Path) -> dict:
    x = data.get("x-drafter")
    if not isinstance(x, dict):
        raise _Bad("缺少 x-drafter: 块（id、label、aliases、template、layout、checks）", ("x-drafter",))
    for key in x:
        if key not in X_KEYS:
            raise _Bad(f"x-drafter 中的未知键 {key}，可用：{'、'.join(sorted(X_KEYS))}", ("x-drafter", key))
    ident = x.get("id", folder.name)
    if not isinstance(ident, str) or not _ID.match(ident):
        if "id" not in x:
            raise _Bad(f"目录名“{folder.name}”不是英文名，请在 x-drafter 中写 id（小写英文字母开头，如 briefing）",
                       ("x-drafter",))
        raise _Bad("id 应为小写英文字母开头的英文名（如 briefing）", ("x-drafter", "id"))
    label = x.get("label", data.get("title"))
    if not isinstance(label, str) or not label.strip():
        raise _Bad("缺少中文名：写 x-drafter.label 或 title", ("x-drafter", "label"))
    aliases = x.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise _Bad("aliases 应为文字的列表", ("x-drafter", "aliases"))
    layout = x.get("layout", {}) or {}
    if not isinstance(layout, dict):
        raise _Bad("layout 应为映射，如 {masthead: true, number: true}", ("x-drafter", "layout"))
    for part, on in layout.items():
        if part not in LAYOUT_PARTS:
            raise _Bad(f"layout 中的未知部分 {part}，可用：{'、'.join(LAYOUT_PARTS)}", ("x-drafter", "layout", part))
        if not isinstance(on, bool):
            raise _Bad("应为 true 或 false", ("x-drafter", "layout", part))
    checks = x.get("checks", []) or []
    if not isinstance(checks, list):
        raise _Bad("checks 应为列表", ("x-drafter", "checks"))
    for i, name in enumerate(checks):
        if name not in builtins.CHECKS:
            raise _Bad(f"未知的结构检查 {name}，可用：{'、'.join(builtins.CHECKS)}", ("x-drafter", "checks", i))
    template = x.get("template", TEMPLATE_FILE)
    if not isinstance(template, str) or "/" in template or "\\" in template or not template.endswith(".j2"):
        raise _Bad("template 应为本文种目录中的模板文件名，如 template.md.j2", ("x-drafter", "template"))
    spoken = x.get("spoken", False)
    if not isinstance(spoken, bool):
        raise _Bad("spoken 应为 true 或 false", ("x-drafter", "spoken"))
    order = x.get("order", 100)
    if isinstance(order, bool) or not isinstance(order, int):
        raise _Bad("order 应为整数（列出文种时的先后，小的在前）", ("x-drafter", "order"))
    set_ = x.get("set")
    if set_ is not None and set_ not in SETS:
        raise _Bad(f"set 应为 {'、'.join(SETS)} 之一（一份大纲写出一套文件）", ("x-drafter", "set"))
    return {"id": ident, "label": label.strip(), "aliases": tuple(a.strip() for a in aliases), "layout": dict(layout),
            "checks": tuple(checks), "template": template, "spoken": spoken, "order": order, "set": set_}


def _after(checks: tuple[str, ...]):
    if not checks:
        return None

    def after(outline: dict, path: tuple) -> None:
        for name in checks:
            builtins.CHECKS[name](outline, path)

    return after


def load_kind(folder: Path, origin: str = "builtin") -> Kind:
    """The kind in ``folder``; a folder that is not a valid kind is one Chinese line naming its file."""
    file = str(folder / SCHEMA_FILE)
    if not os.path.lexists(file):
        raise DrafterError(f"文种目录中缺少 {SCHEMA_FILE}", file=str(folder))
    data, marks = safeyaml.load(safeyaml.read_text(file), file)
    try:
        if not isinstance(data, dict):
            raise _Bad("应为 JSON Schema 映射（$schema、title、properties、x-drafter……）", ())
        x = _x(data, folder)
        if data.get("type") != "object":
            raise _Bad("顶层应为 type: object", ("type",))
        if data.get("additionalProperties") is not False:
            raise _Bad("顶层应写 additionalProperties: false（不认识的字段要报错）", ("additionalProperties",))
        _allowed(data, (), {"$schema", "type", "properties", "required", "additionalProperties", "x-drafter"})
        props = data.get("properties")
        if not isinstance(props, dict) or "kind" not in props or "title" not in props:
            raise _Bad("properties 中至少要有 kind 和 title", ("properties",))
        if "kind" not in data.get("required", []) or "title" not in data.get("required", []):
            raise _Bad("required 中应有 kind 和 title", ("required",))
        schema = _record(data, (), skip=("kind",))
        for name, (kind_of_spec, what) in RESERVED.items():
            if name in schema.fields and not isinstance(schema.fields[name].spec, kind_of_spec):
                raise _Bad(f"字段 {name} 在 drafter 中有固定含义，应为{what}", ("properties", name))
        schema.fields = {"kind": Field(Text(), required=True, doc=str(props["kind"].get("description", "文种"))
                                       if isinstance(props["kind"], dict) else "文种"), **schema.fields}
        schema.after = _after(x["checks"])
    except _Bad as exc:
        raise marks.error(file, exc.path, f"文种定义有误：{exc.message}") from None
    template = folder / x["template"]
    if not template.is_file():
        raise DrafterError(f"文种目录中缺少模板 {x['template']}", file=str(folder))
    description = str(data.get("description") or "").strip()
    return Kind(name=x["id"], label=x["label"], template=x["template"], schema=schema, description=description,
                aliases=x["aliases"], folder=folder, layout=x["layout"], spoken=x["spoken"], order=x["order"], origin=origin,
                set=x["set"],
                json_schema=data)


# --- all kinds: shipped, then the workspace's ---------------------------------------------

@dataclass
class Registry:
    kinds: dict[str, Kind]
    choice: Choice

    def get(self, word: str) -> Kind:
        """The kind named ``word`` (its id, Chinese name or an alias); SchemaError if none."""
        return self.kinds[self.choice.check(word, ())]

    def names(self) -> str:
        return "、".join(f"{k.name}（{k.label}）" for k in self.kinds.values())


def _folders(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


@lru_cache(maxsize=16)
def _registry(roots: tuple[tuple[str, str], ...]) -> Registry:
    kinds: dict[str, Kind] = {}
    for root, origin in roots:
        for folder in _folders(Path(root)):
            kind = load_kind(folder, origin)
            before = kinds.get(kind.name)
            if before is not None and before.origin == origin:
                raise DrafterError(f"文种目录 {before.folder.name} 和 {folder.name} 的 id 都是 {kind.name}，"
                                   "请改掉一个", file=str(folder / SCHEMA_FILE), field="x-drafter.id")
            if before is not None:
                kind = dataclasses.replace(kind, overrides=True)
            kinds[kind.name] = kind
    kinds = dict(sorted(kinds.items(), key=lambda item: (item[1].order, item[0])))
    aliases: dict[str, str] = {}
    for kind in sorted(kinds.values(), key=lambda k: k.origin == "workspace"):  # the workspace's last: they win
        for word in (kind.label, *kind.aliases, kind.folder.name):
            if word not in kinds:  # an alias never hides another kind's id
                aliases[word] = kind.name
    return Registry(kinds, Choice(choices=tuple(kinds), aliases=aliases, label="文种"))


def shipped_kinds() -> Path:
    return shipped("kinds")


def registry(start: str | os.PathLike | None = None) -> Registry:
    """The kinds that apply at ``start`` (a folder; the current directory by default): the
    shipped ones, then those of the workspace holding ``start`` (else the current directory's).
    Loaded once per process for each workspace."""
    ws = (workspace.find(start) if start is not None else None) or workspace.find()
    roots = [(str(shipped_kinds()), "builtin")]
    if ws is not None and (ws.root / "kinds").is_dir():
        roots.append((str((ws.root / "kinds").resolve()), "workspace"))
    return _registry(tuple(roots))


class KindWord(Spec):
    """A kind named by its id, Chinese name or an alias, among the kinds that apply in the
    current directory (a section's ``kinds:``), given as its id."""

    label = "文种"

    def check(self, value, path: tuple) -> str:
        kinds = registry()
        return resolve(value, kinds, path).name


def resolve(value, registry_: Registry, path: tuple = ("kind",)) -> Kind:
    """The kind an outline's ``kind:`` names; SchemaError naming every kind if none."""
    try:
        return registry_.get(value)
    except SchemaError:
        raise SchemaError(f"“{value}”不是可选值，文种应为以下之一：{registry_.names()}", path) from None


# --- the schema as one JSON file, for an editor ---------------------------------------------

def _rewrite_refs(node):
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                m = _REF.match(value)
                out[key] = f"#/$defs/{m.group(1)}" if m else value
            else:
                out[key] = _rewrite_refs(value)
        return out
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


def editor_schema(kind: Kind) -> dict:
    """The kind's schema as one self-contained document: the shared definitions of
    ``_common.yaml`` put in its ``$defs``. Written as draft-07 (what yaml-language-server
    supports); the subset drafter uses means the same in both drafts."""
    common_file = str(shipped_kinds() / COMMON_FILE)
    common, _ = safeyaml.load(safeyaml.read_text(common_file), common_file)
    schema = {k: v for k, v in kind.json_schema.items() if k != "x-drafter"}
    schema = _rewrite_refs(schema)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["$defs"] = {**common.get("$defs", {}), **schema.get("$defs", {})}
    return json.loads(json.dumps(schema, ensure_ascii=False, default=str))


def editor_schema_file(kind: Kind) -> Path:
    """Write ``editor_schema`` into drafter's cache folder (once per content); its path."""
    text = json.dumps(editor_schema(kind), ensure_ascii=False, indent=1)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    path = cache_dir() / "schemas" / f"{kind.name}-{digest}.json"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(str(path), text.encode("utf-8"))
        prune_cache(path.parent, (".json", ".tmp"))
    return path


def __getattr__(name: str):
    """``KINDS`` and ``KIND_CHOICE``: the kinds that apply in the current directory (kept for
    code that looked them up before kinds were folders)."""
    if name == "KINDS":
        return registry().kinds
    if name == "KIND_CHOICE":
        return registry().choice
    raise AttributeError(name)


KIND_LINE = re.compile(r"(?m)^kind:[ \t]*[\"']?([^\"'\n#]+?)[\"']?[ \t]*(?:#.*)?$")


def is_meeting_file(path: str) -> bool:
    """Whether ``path`` is a meeting file: its ``kind:`` line names a kind that renders a set,
    among the kinds that apply where it is (a workspace's aliases too). Read from the file's
    head without parsing it, so that a batch of outlines is not loaded twice and a broken
    meeting file is still known for one (rendering or cross-checking it tells what is wrong)."""
    if not os.path.isfile(path):
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            m = KIND_LINE.search(fh.read(4096))
    except OSError:
        return False
    if not m:
        return False
    try:
        return registry(os.path.dirname(os.path.abspath(path))).get(m.group(1).strip()).set == meeting.SET
    except SchemaError:
        return False
