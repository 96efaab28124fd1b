"""Import, stage 2: cleaned lines -> the outline's structure.

Text pasted with no line breaks is split where a speech's structure begins (segmenter.py);
each paragraph is then placed: title, salutation, opening, numbered points with their
sub-points in whatever style the writer used, closing and sign-off. What cannot be placed is
kept as it is, with a comment."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import numbering
from . import segmenter
from .clean import GAP
from .segmenter import CLOSING_START, SALUTATION, SENTENCE_END, SIGNOFF, Gapped

DATE_LINE = re.compile(r"^[（(](\d{4})年(\d{1,2})月(\d{1,2})日[）)]$")

# The sub-point styles a paragraph can open with (numbering's grammar reads the marker).
SUB_STYLES = (numbering.STYLE_PAREN, numbering.STYLE_ARABIC_PAREN, numbering.STYLE_ARABIC, numbering.STYLE_YISHI,
              numbering.STYLE_YIYAO, numbering.STYLE_SHOUXIAN, numbering.STYLE_DIYI)


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
    full_width: int = 0  # half-width sentence marks made full-width (clean.full_width)
    own: dict | None = None  # the whole outline, when the source is a document drafter wrote (own.py)

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


