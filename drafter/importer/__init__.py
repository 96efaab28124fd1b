"""`drafter import`: an existing speech (.txt, .docx, .doc, .wps, .rtf, .pdf) -> an outline
that renders back to it.

The importer never invents text. It removes web-copy residue (the checker's ``noise``
rule), splits text that was pasted without line breaks where a speech's structure begins
(segmenter.py), and places each paragraph: title, salutation, opening, numbered points with
their sub-points in whatever style the writer used, closing and sign-off. What it cannot
place goes into the outline as it is, with a YAML comment. Numbers are dropped, since drafter
generates them, except where the source's sequence skips or starts again: such a group is
kept as written, numbers included, with a comment at its place. Everything else is verbatim.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import numbering, outputs
from ..check.glossary import Glossary
from ..check.rules import Context, noise
from ..documents import draft_from_lines, read_draft
from ..errors import DrafterError
from ..render.templating import inline, search_path
from . import segmenter
from .segmenter import CLOSING_START, SALUTATION, SENTENCE_END, SIGNOFF, Gapped

DATE_LINE = re.compile(r"^[（(](\d{4})年(\d{1,2})月(\d{1,2})日[）)]$")

# The sub-point styles a paragraph can open with (numbering's grammar reads the marker).
SUB_STYLES = (numbering.STYLE_PAREN, numbering.STYLE_ARABIC_PAREN, numbering.STYLE_ARABIC, numbering.STYLE_YISHI,
              numbering.STYLE_YIYAO, numbering.STYLE_SHOUXIAN)


@dataclass
class Node:
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    style: str | None = None
    subpoints: list["Node"] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    notes: dict[int, list[str]] = field(default_factory=dict)  # paragraph index -> comments before it


@dataclass
class Imported:
    outline: dict  # every field but points
    comments: dict  # field -> comment lines, for the YAML
    removed: list[str]  # residue that was dropped
    points: list[Node]  # the numbered points, with their own comments
    text: str = ""  # the source's text after residue removal


# --- reading and cleaning -------------------------------------------------------------

def read_lines(path: str) -> list[str]:
    draft = read_draft(path)
    return [p.text for p in draft.paragraphs]


GAP = object()  # where a site hid text (---此处隐藏1234字---): kept apart in the cleaned lines


def clean(lines: list[str]) -> tuple[list[str], list[str]]:
    """Lines without web-copy residue or invisible control characters, and what was removed."""
    cleaned, removed = _clean(lines)
    return [line for line in cleaned if line is not GAP], removed


def _clean(lines: list[str]) -> tuple[list, list[str]]:
    """As clean(), with GAP between the two parts of a line whose middle a site hid."""
    invisible = yaml.reader.Reader.NON_PRINTABLE  # what no outline may hold either
    removed_chars = [ch for line in lines for ch in invisible.findall(line)]
    lines = [invisible.sub("", line) for line in lines]
    draft = draft_from_lines("<import>", lines)
    ctx = Context(draft, Glossary())
    spans: dict[int, list[tuple[int, int]]] = {}
    for f in noise.check(draft, ctx):
        spans.setdefault(f.paragraph, []).append((f.offset, f.offset + f.length))
    out: list = []
    removed = [f"控制字符 U+{ord(c):04X}" for c in removed_chars]
    for para in draft.paragraphs:
        cut = sorted(spans.get(para.number, []))
        if not cut:
            out.append(para.text)
            continue
        parts, kept, pos = [], "", 0
        for start, end in cut:
            kept += para.text[pos:start]
            removed.append(para.text[start:end])
            if "此处隐藏" in para.text[start:end]:
                parts.append(kept)
                kept = ""
            pos = max(pos, end)
        kept += para.text[pos:]
        parts.append(kept)
        whole = "".join(parts)
        letters = len(re.findall(r"[\u4e00-\u9fff]", whole))
        if letters < 4 or letters < 0.5 * len(re.findall(r"[\u4e00-\u9fff]", para.text)):
            if whole.strip():
                removed.append(whole.strip())  # the rest of a residue line: ，或代笔。
            if len(parts) > 1:
                out.append(GAP)
            continue
        for n, part in enumerate(parts):
            if n:
                out.append(GAP)
            if part.strip():
                out.append(part.strip())
    return out, removed


def segment(lines: list) -> list[str]:
    """Split paragraphs where a structure begins: text pasted with no line breaks at all."""
    return segmenter.segment(lines, GAP)


# --- placing paragraphs -----------------------------------------------------------------

def _title_like(text: str) -> bool:
    return len(text) <= 80 and text[-1] not in SENTENCE_END + "；;，,：:" and not _top(text)


def _lead(text: str) -> tuple[str, str]:
    """A run-in lead sentence (without its full stop, which rendering adds back) and the rest."""
    m = re.search(f"[{SENTENCE_END}]", text)
    if not m or m.start() == 0:
        return text, ""
    lead = text[:m.start()] if text[m.start()] == "。" else text[:m.end()]
    return lead, text[m.end():].strip()


def _sub_marker(text: str):
    """(style, number, end of the marker) of a sub-point marker that opens a paragraph with
    text after it, or None."""
    found = segmenter.marker_at(text)
    if not found or found[0] not in SUB_STYLES:
        return None
    kind, number, end = found
    if not text[end:].strip("，, 　"):
        return None
    return kind, number, end


def _top_number(text: str) -> int | None:
    found = segmenter.marker_at(text)
    if found and found[0] == segmenter.TOP and text[found[2]:].strip():
        return found[1]
    return None


def _top(text: str) -> bool:
    return _top_number(text) is not None


def _marker_text(text: str) -> str:
    found = segmenter.marker_at(text)
    return text[:found[2]].strip() if found else text[:4]


def _last_leaf(node: Node) -> Node:
    while node.subpoints:
        node = node.subpoints[-1]
    return node


def _append_kept(node: Node, paragraphs: list[str], comment: str) -> None:
    """Paragraphs kept as they are, numbers included, with a comment before the first."""
    node.notes.setdefault(len(node.paragraphs), []).append(comment)
    node.paragraphs.extend(paragraphs)


def place_subpoints(node: Node, paragraphs: list[str], depth: int) -> None:
    """Fill ``node`` with its own paragraphs and sub-points found among ``paragraphs``.

    Numbers are never changed silently: a group that starts in the middle of its sequence
    (after hidden text), skips a number, or starts again from 一 is not merged into the group
    before it; it stays in the text as it is, with its own numbers and a comment.
    """
    first = next((i for i, p in enumerate(paragraphs) if _sub_marker(p)), None)
    if first is None or depth > 3:
        node.paragraphs.extend(paragraphs)
        return
    style, number, _ = _sub_marker(paragraphs[first])
    own, rest = paragraphs[:first], paragraphs[first:]
    # A group of 2. 3. whose first item lost its number (the 001 case): the paragraphs just
    # before the first numbered one are the missing items.
    missing = 0
    if style == numbering.STYLE_ARABIC and 1 < number <= 3 and len(own) >= number - 1 \
            and not isinstance(rest[0], Gapped):
        missing = number - 1
        rest = own[-missing:] + rest
        own = own[:-missing]
        node.comments.append(f"原文这一组序号从“{number}.”开始，前面 {missing} 段没有序号，已按位置作为第 1 项")
    elif number != 1:
        node.paragraphs.extend(own)
        where = "原文此处有隐藏文字，其后" if isinstance(rest[0], Gapped) else "原文"
        _append_kept(node, rest, f"{where}这一组序号从“{_marker_text(rest[0])}”开始，前面没有第一项；"
                                 "为不改动原文序号，这一组原样保留为正文（含原序号），请核对")
        return
    node.paragraphs.extend(own)
    node.style = style
    items: list[list[str]] = []
    expected, kept = 1, []
    for i, para in enumerate(rest):
        mk = _sub_marker(para)
        if i < missing:
            items.append([para])
            expected += 1
        elif mk and mk[0] == style:
            ok = mk[1] == expected or (mk[1] == segmenter.LAST and 3 <= expected <= numbering.SHOUXIAN_MAX)
            if not ok:
                kept = rest[i:]
                break
            text = para[mk[2]:]
            if style == numbering.STYLE_SHOUXIAN:
                text = text.lstrip("，,")
            items.append([text.strip()])
            expected += 1
        else:
            items[-1].append(para)
    for item in items:
        head, body = item[0], item[1:]
        child = Node()
        if style in numbering.RUN_IN_STYLES or (numbering.HEADING_LEVEL.get(style, 0) >= 3 and
                                                re.search(f"[{SENTENCE_END}]", head)):
            child.title, first_body = _lead(head)
        else:
            child.title, first_body, comment = segmenter.split_runon(head)
            if comment:
                child.comments.append(comment)
        place_subpoints(child, ([first_body] if first_body else []) + body, depth + 1)
        node.subpoints.append(child)
    if kept:
        previous = numbering.marker(expected - 1, expected - 1, style) if style != numbering.STYLE_SHOUXIAN else ""
        mark = _marker_text(kept[0])
        if isinstance(kept[0], Gapped):
            why = f"原文此处有隐藏文字，其后的序号“{mark}”与前面的“{previous}”不连续"
        elif _sub_marker(kept[0])[1] == 1:
            why = f"原文此处序号重新从“{mark}”开始（两组序号），未与前一组合并"
        else:
            why = f"原文序号在此处从“{previous}”跳到“{mark}”"
        _append_kept(_last_leaf(node), kept, why + "；为不改动原文序号，这一组原样保留为正文（含原序号），请核对")


def parse(lines: list[str]) -> Imported:
    comments: dict[str, list[str]] = {}
    paras = segment(lines)
    outline: dict = {"kind": "speech"}
    i = 0
    # title, date line and speaker line
    if paras and _title_like(paras[0]) and not SALUTATION.match(paras[0]):
        outline["title"] = paras[0]
        i = 1
    else:
        outline["title"] = "（标题待填）"
        comments["title"] = ["原文没有标题，请填写（drafter check 会把“标题待填”报为未填写的占位符）"]
    extra_heads = []
    while i < len(paras) and _title_like(paras[i]) and not SALUTATION.match(paras[i]):
        m = DATE_LINE.match(paras[i])
        if m and "date" not in outline:
            outline["date"] = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
        else:
            extra_heads.append(paras[i])
        i += 1
    if i < len(paras) and SALUTATION.match(paras[i]):
        outline["salutation"] = paras[i]
        i += 1
    else:
        outline["salutation"] = ""
    # the sign-off and the closing, from the end
    end = len(paras)
    if end > i and SIGNOFF.match(paras[end - 1]):
        outline["signoff"] = paras[end - 1]
        end -= 1
    # the points: 一、二、三、 in sequence; a number after hidden text may skip
    starts, top_notes, expected, gap = [], {}, 1, False
    for j in range(i, end):
        gap = gap or isinstance(paras[j], Gapped)
        n = _top_number(paras[j])
        if n is None:
            continue
        if n == expected:
            starts.append(j)
        elif n > expected and gap:
            starts.append(j)
            top_notes[j] = (f"原文此处有隐藏文字，其后的序号从“{_marker_text(paras[j])}”接续（前面的序号在隐藏文字中）；"
                            "drafter 按位置重新编号，请核对")
        else:
            continue
        expected, gap = n + 1, False
    closing_at = end
    if starts:
        shouxian_open = False
        for j in range(starts[-1] + 1, end):
            if CLOSING_START.match(paras[j]) or (paras[j].startswith(("最后，", "最后,")) and not shouxian_open):
                closing_at = j
                break
            shouxian_open = shouxian_open or paras[j].startswith(("首先，", "首先,", "其次，", "其次,"))
    opening = paras[i:starts[0]] if starts else paras[i:end]
    if extra_heads:
        comments["opening"] = [f"开头 {len(extra_heads)} 行像标题，未能确定位置，原样放在开场段落之首，请核对"]
    outline["opening"] = extra_heads + opening
    outline["announce"] = False
    if re.search(r"讲[一二三四五六七八九十两]点|[一二三四五六七八九十两]点(意见|体会)", "".join(opening)):
        comments["announce"] = ["开场里“我讲×点意见”一句保留了原文；要随要点数自动变化，请删去该句，填写 theme，并把 announce 改为 true"]
    points: list[Node] = []
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else closing_at
        head = paras[start][segmenter.marker_at(paras[start])[2]:].strip()
        node = Node()
        if start in top_notes:
            node.comments.append(top_notes[start])
        node.title, body, comment = segmenter.split_runon(head)
        if comment:
            node.comments.append(comment)
        place_subpoints(node, ([body] if body else []) + paras[start + 1:stop], 2)
        points.append(node)
    outline["closing"] = paras[closing_at:end] if starts else []
    return Imported(outline, comments, [], points)


def notes(result: Imported) -> list[tuple[str, str]]:
    """Every comment the outline carries, with the field it stands at, as the terminal lists them."""
    out = [(key, line) for key, lines in result.comments.items() for line in lines]

    def walk(node: Node, where: str) -> None:
        out.extend((where, line) for line in node.comments)
        for index, lines in sorted(node.notes.items()):
            out.extend((f"{where}.paragraphs[{index}]", line) for line in lines)
        for k, sp in enumerate(node.subpoints):
            walk(sp, f"{where}.subpoints[{k}]")

    for k, point in enumerate(result.points):
        walk(point, f"points[{k}]")
    return out


def import_file(path: str) -> Imported:
    lines = read_lines(path)
    cleaned, removed = _clean(lines)
    text = [line for line in cleaned if line is not GAP]
    if not any(line.strip() for line in text):
        raise DrafterError("去掉网页残留后没有正文可导入", file=path)
    result = parse(cleaned)
    result.removed, result.text = removed, "\n".join(text)
    return result


def clean_text(path: str) -> str:
    """The source's text after residue removal, as the round trip compares it."""
    return "\n".join(clean(read_lines(path))[0])


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
