"""A writer's workspace: outlines, own sections, own glossary, and settings, in one folder.

``drafter init DIR`` creates one; every command finds it from the current directory
upward, as git finds a repository, by its ``drafter.yaml``. The workspace's sections,
templates and glossary entries come before the shipped ones of the same name.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from . import safeyaml, unit
from .errors import DrafterError, os_reason
from .files.fs import atomic_write
from .schema import Field, Integer, ListOf, Record, SchemaError, Spec, Text

MARKER = "drafter.yaml"
ACCEPTED = Record(fields={
    "rule": Field(Text(max_len=60), doc="规则 ID；不写则任何规则"),
    "text": Field(Text(max_len=200), required=True, doc="接受的文字（查出的原文）"),
    "file": Field(Text(max_len=300), doc="只在这份文稿中接受（相对工作区目录的路径）；不写则所有文稿"),
})


class IgnoreEntry(Spec):
    """A rule id or family not to check, or {rule, text}: one flagged phrase the office accepts."""

    label = "规则 ID（如 punctuation.unpaired），或含 rule、text 的映射"

    def check(self, value, path):
        return ACCEPTED.check(value, path) if isinstance(value, dict) else Text(max_len=60).check(value, path)


@dataclass
class Password(Text):
    """The workbench's sign-in password: at least MIN_PASSWORD characters."""

    label: str = "密码"

    def check(self, value, path: tuple) -> str:
        text = super().check(value, path)
        if len(text) < MIN_PASSWORD:
            raise SchemaError(f"密码太短（{len(text)} 个字符），至少 {MIN_PASSWORD} 个", path)
        return text


MIN_PASSWORD = 8

CONFIG = Record(fields={
    "rate": Field(Integer(minimum=60, maximum=600), default=220, doc="讲话语速，字/分钟"),
    "region": Field(Text(max_len=20), doc="本单位所在省份"),
    "ignore": Field(ListOf(IgnoreEntry(), max_items=500), default=list, doc="不检查的规则，或接受的文字"),
    "unit": Field(unit.PROFILE, default=dict, doc="本单位的版式设置（红头、机关代字、印发机关、字体、颜色、页边距）"),
    "serve": Field(Record(fields={"password": Field(Password(), doc="工作台在内网开放时的登录密码，至少 8 个字符")}),
                   default=dict, doc="工作台（drafter serve）的设置"),
})

CONFIG_TEXT = """\
# drafter 工作区设置。drafter 在本目录及其子目录中运行时使用这里的设置。
rate: 220        # 讲话语速（字/分钟），用于估算讲话时长；常见为 200—240
# region: 湖南   # 本单位所在省份，drafter check 据此检查外省的地方性提法
# ignore: [punctuation.unpaired, {rule: glossary.dated, text: “十四五”规划}]   # drafter check 不报的：整类规则，或接受的某处文字（加 file: 只在这份文稿中）
# serve: {password: 换成本单位的密码}   # drafter serve --host 0.0.0.0 时的登录密码（至少 8 个字符）；不写则每次启动时生成一次性链接
""" + unit.CONFIG_TEXT

README_TEXT = """\
# 公文起草工作区

这个目录是 drafter 的工作区。在这里（或任何子目录里）运行 drafter 命令时，会自动使用本工作区的
片段、模板、词库和设置。

- `outlines/`：大纲。新建：`drafter new speech -o outlines/讲话.yaml`；生成：`drafter render outlines/讲话.yaml`。
- `templates/sections/`：本单位的片段（可复用的段落）。与内置片段同名时，使用这里的。
  查看全部片段：`drafter sections`；查看一个：`drafter sections 加强自身建设`。
- `glossary/`：本单位的规范提法词库（如本地的“四联四促”）。与内置条目同名时，使用这里的。
  查看：`drafter glossary --list`。
- `drafter.yaml`：设置，如讲话语速、本单位所在省份，以及本单位人大的级别和地名、红头、机关代字、印发机关、字体和页边距（`unit:`）。
- `kinds/`（需要时自己建）：本单位的文种，每个文种一个目录，不写代码；与内置文种同名时使用这里的。
  查看全部文种：`drafter kinds`；格式见 drafter 的 kinds/README.md。
- `people.yaml`（可选）：人事名册，谁在何时担任什么职务；`drafter people import 任免名单.docx` 导入，
  `drafter check` 据此查文稿中已免职或尚未任职的“职务＋姓名”。

把旧讲话稿变成大纲：`drafter import 旧讲话.docx -o outlines/旧讲话.yaml --sections templates/sections/`。
校对文稿：`drafter check 文稿.docx`。
"""

SECTION_EXAMPLE = """\
{#- section
purpose: 本单位片段的示例：复制本文件并改名，即可新建片段
kinds: [speech, report]   # 适用的文种（speech 讲话稿、report 工作报告、notice 通知）；不写则全部适用
params:
  place: {doc: 地名, example: 恒阳区}
-#}
# 推进{{ place }}人大工作高质量发展

这里写片段的正文，用 {{ place }} 这样的写法放入参数。
"""

GLOSSARY_EXAMPLE = """\
# 本单位的规范提法。每条需要 basis（依据）和 examples（bad 必须被查出，good 不得被查出）。
# 与内置条目同名（term 相同）的条目替换内置的；停用内置条目：- {term: 一府两院, disabled: true}。
# 本单位的易错字词放在 confusions/ 子目录：- {wrong: 布署, right: 部署}。运行 drafter glossary --test 检验。
- term: 四联四促
  category: 地方提法
  variants: [四连四促]
  basis: 本区人大常委会工作部署
  examples:
    bad: 深入开展四连四促活动。
    good: 深入开展“四联四促”活动。
"""


@dataclass
class Workspace:
    root: Path
    config: dict

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def glossary(self) -> Path:
        return self.root / "glossary"

    @property
    def outlines(self) -> Path:
        return self.root / "outlines"

    def name_of(self, path: str | os.PathLike) -> str | None:
        """A file's path relative to the workspace's folder, as an ignore entry's ``file`` names
        it (outlines/讲话.yaml); None for a file outside the folder."""
        here, root = Path(path).resolve(), self.root.resolve()
        return here.relative_to(root).as_posix() if here.is_relative_to(root) else None


def _load(root: Path) -> Workspace:
    path = root / MARKER
    text = safeyaml.read_text(str(path))  # a regular file, bounded: a FIFO or device is refused
    data, marks = safeyaml.load(text, str(path)) if text.strip() else ({}, safeyaml.Marks())
    try:
        config = CONFIG.check(data or {}, ())
    except SchemaError as exc:
        raise marks.schema_error(exc, str(path)) from None
    return Workspace(root, config)


def _same_entry(a, b) -> bool:
    """Whether two ignore entries say the same: a rule id, or the same rule, text and file."""
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return all((a.get(k) or None) == (b.get(k) or None) for k in ("rule", "text", "file"))


def edit_ignore(root: Path, add=None, remove=None) -> Workspace:
    """Add an entry to the workspace's ``ignore`` list, or remove one, in its drafter.yaml: the
    rest of the file (comments, other settings) kept as written, the new text validated as the
    workspace is, and written with a temporary file and a rename. The workspace as re-read."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq  # ruamel loads only when the list is edited
    from .files.yamledit import roundtrip

    path = root / MARKER
    text = safeyaml.read_text(str(path))
    safeyaml.load(text, str(path))  # a file the writer broke is refused before it is edited
    y = roundtrip()
    doc = y.load(text) if text.strip() else None
    if doc is None:
        doc = CommentedMap()
    if not hasattr(doc, "get"):
        raise DrafterError("drafter.yaml 应是“设置: 值”形式的映射", file=str(path), line=1, col=1)
    entries = doc.get("ignore")
    if entries is None:
        entries = doc["ignore"] = CommentedSeq()
    plain = [e if isinstance(e, str) else dict(e) for e in entries]
    if add is not None and not any(_same_entry(add, e) for e in plain):
        entries.append(add)
    if remove is not None:
        for i, entry in enumerate(plain):
            if _same_entry(remove, entry):
                del entries[i]
                break
        else:
            raise DrafterError("忽略列表中没有这一项（可能已在别处恢复）", file=str(path), field="ignore")
    out = io.StringIO()
    y.dump(doc, out)
    new = out.getvalue()
    data, marks = safeyaml.load(new, str(path))
    try:
        CONFIG.check(data or {}, ())  # what would be written is a valid drafter.yaml
    except SchemaError as exc:
        raise marks.schema_error(exc, str(path)) from None
    atomic_write(str(path), new.encode("utf-8"))
    return _load(root)  # the list as the file now holds it


def find(start: str | os.PathLike | None = None) -> Workspace | None:
    """The workspace holding ``start`` (the current directory by default), if any."""
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        marker = folder / MARKER
        if marker.exists() and not marker.is_dir():  # a FIFO or device named so is refused, not skipped
            return _load(folder)
    return None


def init(folder: str) -> Workspace:
    root = Path(folder)
    if (root / MARKER).exists():
        raise DrafterError("这里已经是一个工作区，未作改动", file=str(root / MARKER))
    try:
        for sub in ("outlines", "templates/sections", "glossary"):
            (root / sub).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DrafterError(f"无法在此处新建工作区（{os_reason(exc)}）", file=str(root)) from None
    files = {
        "README.md": README_TEXT,
        "templates/sections/本单位片段示例.md.j2": SECTION_EXAMPLE,
        "glossary/本单位提法.yaml": GLOSSARY_EXAMPLE,
        MARKER: CONFIG_TEXT,  # last: a half-made workspace is not found as one
    }
    for name, text in files.items():
        if not (root / name).exists():
            atomic_write(str(root / name), text.encode("utf-8"))
    return _load(root)


@dataclass
class Resources:
    """The workspace around the current directory and the folders a command uses.

    Templates: the folders given with --templates, then the workspace's, then the shipped ones.
    Glossary: the shipped one, then the workspace's, then those given with --glossary (a later
    entry of the same term wins).
    """

    workspace: Workspace | None
    template_dirs: tuple[str, ...]
    glossary_dirs: tuple[str, ...]

    def setting(self, name: str, given=None):
        """A value given on the command line, else the workspace's setting, else None."""
        if given is not None:
            return given
        return self.workspace.config.get(name) if self.workspace else None


def resources(template_dirs: tuple[str, ...] = (), glossary_dirs: tuple[str, ...] = (),
              start: str | os.PathLike | None = None) -> Resources:
    for folder in template_dirs:
        if not os.path.isdir(folder):
            raise DrafterError("模板目录不存在", file=folder)
    ws = find(start)
    if ws is None:
        return Resources(None, tuple(template_dirs), tuple(glossary_dirs))
    tdirs = tuple(template_dirs) + ((str(ws.templates),) if ws.templates.is_dir() else ())
    gdirs = ((str(ws.glossary),) if ws.glossary.is_dir() else ()) + tuple(glossary_dirs)
    return Resources(ws, tdirs, gdirs)
