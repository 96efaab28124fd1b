"""Import, stage 3: the structure -> an outline in YAML with comments, and points as sections."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from .. import numbering
from ..render.templating import inline, search_path
from .segmenter import SENTENCE_END
from .structure import Imported, Node

# --- writing the outline as YAML with comments -----------------------------------------

_PLAIN_START = re.compile(r"[\u4e00-\u9fff（“《【]")


def _scalar(text: str) -> str:
    """A text as a YAML scalar, decided without loading the draft's text with a YAML parser:
    plain when it starts with a Chinese character or bracket (never a number, a date, a
    boolean or an indicator) and holds nothing YAML reads specially; double-quoted otherwise."""
    if (_PLAIN_START.match(text) and not any(c in text for c in "\n\r\t\\") and ": " not in text
            and " #" not in text and not text.endswith((":", " ")) and text.isprintable()):
        return text
    return json.dumps(text, ensure_ascii=False)


def _comment(lines: list[str], indent: str) -> str:
    return "".join(f"{indent}# {line}\n" for line in lines)


def _node_yaml(node: Node, indent: str) -> str:
    out = _comment(node.comments, indent)
    out += f"{indent}- title: {_scalar(node.title or '')}\n"
    inner = indent + "  "
    if node.paragraphs:
        out += f"{inner}paragraphs:\n" + "".join(
            _comment(node.notes.get(k, []), inner + "  ") + f"{inner}  - {_scalar(p)}\n"
            for k, p in enumerate(node.paragraphs))
    if node.subpoints:
        out += f"{inner}style: {_scalar(node.style)}\n{inner}subpoints:\n"
        out += "".join(_node_yaml(sp, inner + "  ") for sp in node.subpoints)
    return out


def _texts(key: str, items: list[str]) -> str:
    return (f"{key}:\n" + "".join(f"  - {_scalar(p)}\n" for p in items)) if items else f"{key}: []\n"


def to_yaml(result: Imported, source: str) -> str:
    if result.own is not None:
        return own_yaml(result.own, source)
    o = result.outline
    out = (f"# 由 drafter import 从 {source} 生成。序号由 drafter 生成，原文的序号已去掉；\n"
           "# 文字一律保留原文，未能确定位置的内容原样保留并加了注释。\n")
    for key in ("kind", "title", "date", "salutation", "announce"):
        if key not in o:
            continue
        out += _comment(result.comments.get(key, []), "")
        value = o[key]
        out += f"{key}: {'false' if value is False else _scalar(value)}\n"
    out += _comment(result.comments.get("opening", []), "") + _texts("opening", o["opening"])
    out += ("points:\n" + "".join(_node_yaml(p, "  ") for p in result.points)) if result.points else "points: []\n"
    out += _texts("closing", o["closing"])
    if "signoff" in o:
        out += f"signoff: {_scalar(o['signoff'])}\n"
    return out


def own_yaml(data: dict, source: str) -> str:
    """The outline of a document drafter wrote: every field as the document gives it."""
    import yaml  # PyYAML writes the outline: it only dumps, never reads the draft's text

    head = (f"# 由 drafter import 从 {source}（drafter 生成的文档）还原的大纲。\n"
            "# 序号由 drafter 生成，原文的序号已去掉；文字一律保留原文。\n")
    return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000,
                                 default_flow_style=False)


# --- points as reusable sections ---------------------------------------------------------

_BAD_NAME = re.compile(r'[\\/:*?"<>|\s“”‘’，,。、；;：！？!?（）()《》]')


def section_name(title: str, taken: set[str]) -> str:
    base = _BAD_NAME.sub("", title.split("，")[0].split(",")[0])[:16] or "片段"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def plan_sections(result: Imported, folder: str, source: str, plan,
                  template_dirs: tuple[str, ...] = ()) -> list[tuple[str, bytes, str]]:
    """Each top-level point as a section file of ``folder``: (path, content, why it was renamed,
    "" when it was not), every path checked with ``plan`` (outputs.Plan) before anything is
    written. A name in use, in ``folder``, in ``template_dirs`` (the workspace's) or among the
    shipped sections, is never overwritten: the section takes a new one (加强自身建设-2), since an
    outline that uses the old name must keep working."""
    existing = {n[:-len(".md.j2")]: "目录中已有" for n in os.listdir(folder) if n.endswith(".md.j2")}
    folders = search_path(template_dirs)
    for where in folders:
        for path in sorted(Path(where, "sections").glob("*.md.j2")):
            existing.setdefault(path.name[:-len(".md.j2")], "内置" if where == folders[-1] else "工作区中已有")
    taken = set(existing)
    files = []
    for i, point in enumerate(result.points, 1):
        wanted = section_name(point.title, set())
        name = section_name(point.title, taken)
        path = plan.add(os.path.join(folder, f"{name}.md.j2"))
        why = ""
        if name != wanted:
            why = (f"{existing[wanted]}同名片段“{wanted}”" if wanted in existing else f"本次导入已有“{wanted}”") \
                + f"，未覆盖，改名为“{name}”"
        files.append((path, section_markdown(point, source, i).encode("utf-8"), why))
    return files


def section_markdown(node: Node, source: str, index: int) -> str:
    def body(n: Node, level: int) -> str:
        out = "".join(f"{inline(p)}\n\n" for p in n.paragraphs)
        for sp in n.subpoints:
            if n.style in numbering.RUN_IN_STYLES or (numbering.HEADING_LEVEL.get(n.style, 0) >= 3 and sp.paragraphs
                                                     and not sp.subpoints):
                first = inline(sp.paragraphs[0]) if sp.paragraphs else ""
                out += f"**{inline(sp.title)}。**{first}\n\n" if not sp.title.endswith(tuple(SENTENCE_END)) \
                    else f"**{inline(sp.title)}**{first}\n\n"
                out += "".join(f"{inline(p)}\n\n" for p in sp.paragraphs[1:])
                out += body(Node(subpoints=sp.subpoints, style=sp.style), level + 1) if sp.subpoints else ""
            else:
                out += f"{'#' * (level + 1)} {inline(sp.title)}\n\n" + body(sp, level + 1)
        return out

    text = f"# {inline(node.title)}\n\n" + body(node, 1)
    if "{{" in text or "{%" in text or "{#" in text:
        text = "{% raw %}" + text + "{% endraw %}"
    header = f"{{#- section\npurpose: {json.dumps(f'从 {source} 导入的第 {index} 点：{node.title}', ensure_ascii=False)}\n-#}}\n"
    return header + text

