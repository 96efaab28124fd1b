"""`drafter import`: an existing speech (.txt, .docx) -> an outline that renders back to it.

The importer never invents text. It removes web-copy residue (the checker's ``noise``
rule), splits text that was pasted without line breaks at the places a speech's structure
begins (一、 （一） 1. 一是 同志们：), and places each paragraph: title, salutation,
opening, numbered points with their sub-points in whatever style the writer used, closing
and sign-off. What it cannot place goes into the outline as it is, with a YAML comment.
Numbers are dropped, since drafter generates them; everything else is kept verbatim.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field

import yaml

from .. import numbering, outputs
from ..check.glossary import Glossary
from ..check.rules import Context, noise
from ..documents import draft_from_lines, read_draft
from ..errors import DrafterError
from ..render.templating import inline

CN = "[一二三四五六七八九十]+"
SENTENCE_END = "。！？!?"
SALUTATION = re.compile(r"^(同志们|各位代表|各位委员|各位领导|各位同事|同事们|朋友们|各位来宾)[：:]$")
SALUTATION_IN = re.compile(r"(同志们|各位代表|各位委员|各位领导|同事们)[：:]")
CLOSING_START = re.compile(r"^(同志们|各位代表|各位委员|同事们)[，,！!]")
SIGNOFF = re.compile(r"^(谢谢大家|谢谢|发言完毕|我就讲这些|以上发言，不当之处，敬请批评指正)[！!。.]?$")
DATE_LINE = re.compile(r"^[（(](\d{4})年(\d{1,2})月(\d{1,2})日[）)]$")

# Markers, at the start of a paragraph: (style, pattern). A style's markers are regenerated.
TOP = ("一、", re.compile(rf"^({CN})、\s*"))
SUB_STYLES = [
    (numbering.STYLE_PAREN, re.compile(rf"^[（(]({CN})[）)]\s*")),
    (numbering.STYLE_ARABIC_PAREN, re.compile(r"^[（(]([1-9]\d?)[）)]\s*")),
    (numbering.STYLE_ARABIC, re.compile(r"^([1-9]\d?)[.．、]\s*(?!\d)")),
    (numbering.STYLE_YISHI, re.compile(rf"^({CN})是")),
    (numbering.STYLE_YIYAO, re.compile(rf"^({CN})要")),
    (numbering.STYLE_SHOUXIAN, re.compile(r"^(首先|其次|再次|最后)[，,]")),
]
# Where run-together text is split: before a marker that follows the end of a sentence.
SPLIT = re.compile(
    rf"(?<=[。！？!?；;：:”])\s*(?=(?:{CN}、|[（(]{CN}[）)]|\d{{1,2}}[.．](?!\d)|{CN}[是要](?![一二三四五六七八九十])"
    r"|(?:同志们|各位代表|各位委员|同事们)[，,]))")


@dataclass
class Node:
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    style: str | None = None
    subpoints: list["Node"] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


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


def clean(lines: list[str]) -> tuple[list[str], list[str]]:
    """Lines without web-copy residue or invisible control characters, and what was removed."""
    invisible = yaml.reader.Reader.NON_PRINTABLE  # what no outline may hold either
    removed_chars = [ch for line in lines for ch in invisible.findall(line)]
    lines = [invisible.sub("", line) for line in lines]
    draft = draft_from_lines("<import>", lines)
    ctx = Context(draft, Glossary())
    spans: dict[int, list[tuple[int, int]]] = {}
    for f in noise.check(draft, ctx):
        spans.setdefault(f.paragraph, []).append((f.offset, f.offset + f.length))
    out, removed = [], [f"控制字符 U+{ord(c):04X}" for c in removed_chars]
    for para in draft.paragraphs:
        cut = sorted(spans.get(para.number, []))
        if not cut:
            out.append(para.text)
            continue
        kept, pos = "", 0
        for start, end in cut:
            kept += para.text[pos:start]
            removed.append(para.text[start:end])
            pos = max(pos, end)
        kept += para.text[pos:]
        letters = len(re.findall(r"[\u4e00-\u9fff]", kept))
        if letters < 4 or letters < 0.5 * len(re.findall(r"[\u4e00-\u9fff]", para.text)):
            if kept.strip():
                removed.append(kept.strip())  # the rest of a residue line: ，或代笔。
            continue
        out.append(kept.strip())
    return out, removed


def segment(lines: list[str]) -> list[str]:
    """Split paragraphs where a structure begins: text pasted with no line breaks at all."""
    out: list[str] = []
    for line in lines:
        line = line.strip()
        m = SALUTATION_IN.search(line)
        if m and 0 < m.start() <= 80 and not re.search(f"[{SENTENCE_END}]", line[:m.start()]):
            out.append(line[:m.start()])  # a title run into the salutation
            line = line[m.start():]
            m = SALUTATION_IN.match(line)
        if m and m.start() == 0 and m.end() < len(line):
            out.append(line[:m.end()])
            line = line[m.end():]
        for part in SPLIT.split(line):
            if part.strip():
                out.extend(_split_signoff(part.strip()))
    return out


def _split_signoff(text: str) -> list[str]:
    m = re.search(r"(?<=[。！？!?])(谢谢大家[！!]|发言完毕。)$", text)
    if m and m.start() > 0:
        return [text[:m.start()], m.group()]
    return [text]


# --- placing paragraphs -----------------------------------------------------------------

def _title_like(text: str) -> bool:
    return len(text) <= 80 and text[-1] not in SENTENCE_END + "；;，,：:" and not _top(text)


def _split_heading(text: str) -> tuple[str, str, bool]:
    """A heading's title and the body that ran into it; True when they were split by guess."""
    m = re.search(f"[{SENTENCE_END}]", text)
    if not m:
        return text, "", False
    return text[:m.end()], text[m.end():].strip(), True  # a heading with a full stop is a guess


def _lead(text: str) -> tuple[str, str]:
    """A run-in lead sentence (without its full stop, which rendering adds back) and the rest."""
    m = re.search(f"[{SENTENCE_END}]", text)
    if not m or m.start() == 0:
        return text, ""
    lead = text[:m.start()] if text[m.start()] == "。" else text[:m.end()]
    return lead, text[m.end():].strip()


def _style_of(text: str):
    """The sub-point style a paragraph opens with, if a marker opens it and text follows."""
    for style, pattern in SUB_STYLES:
        m = pattern.match(text)
        if m and text[m.end():].strip("，, 　"):
            return style, m
    return None, None


def _top(text: str) -> bool:
    m = TOP[1].match(text)
    return bool(m and text[m.end():].strip())


def place_subpoints(node: Node, paragraphs: list[str], depth: int) -> None:
    """Fill ``node`` with its own paragraphs and sub-points found among ``paragraphs``."""
    first = next((i for i, p in enumerate(paragraphs) if _style_of(p)[0]), None)
    if first is None or depth > 3:
        node.paragraphs.extend(paragraphs)
        return
    style, m = _style_of(paragraphs[first])
    own, rest = paragraphs[:first], paragraphs[first:]
    # A group of 2. 3. whose first item lost its number (the 001 case): the paragraphs just
    # before the first numbered one are the missing items.
    number = m.group(1)
    missing = 0
    if number.isdigit() and int(number) > 1 and len(own) > int(number) - 1:
        missing = int(number) - 1
        rest = own[-missing:] + rest
        own = own[:-missing]
        node.comments.append(f"原文这一组序号从“{number}.”开始，前面 {missing} 段没有序号，已按位置作为第 1 项")
    node.paragraphs.extend(own)
    node.style = style
    items: list[list[str]] = []
    for i, para in enumerate(rest):
        s, mm = _style_of(para)
        if (s == style and mm) or i < missing:
            text = para[mm.end():] if s == style and mm else para
            if style == numbering.STYLE_SHOUXIAN:
                text = text.lstrip("，,")
            items.append([text])
        else:
            items[-1].append(para)
    for item in items:
        head, body = item[0], item[1:]
        child = Node()
        if style in numbering.RUN_IN_STYLES or (numbering.HEADING_LEVEL.get(style, 0) >= 3 and
                                                re.search(f"[{SENTENCE_END}]", head)):
            child.title, first_body = _lead(head)
            body = ([first_body] if first_body else []) + body
        else:
            child.title, first_body, guessed = _split_heading(head)
            if guessed:
                child.comments.append("标题与正文原在同一段，已在第一个句号处分开，请核对")
            body = ([first_body] if first_body else []) + body
        place_subpoints(child, body, depth + 1)
        node.subpoints.append(child)


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
    starts = [j for j in range(i, end) if _top(paras[j])]
    closing_at = end
    if starts:
        for j in range(starts[-1] + 1, end):
            if CLOSING_START.match(paras[j]):
                closing_at = j
                break
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
        head = TOP[1].sub("", paras[start], count=1)
        node = Node()
        node.title, body, guessed = _split_heading(head)
        if guessed:
            node.comments.append("标题与正文原在同一段，已在第一个句号处分开，请核对")
        place_subpoints(node, ([body] if body else []) + paras[start + 1:stop], 2)
        points.append(node)
    outline["closing"] = paras[closing_at:end] if starts else []
    return Imported(outline, comments, [], points)


def import_file(path: str) -> Imported:
    lines = read_lines(path)
    cleaned, removed = clean(lines)
    if not any(l.strip() for l in cleaned):
        raise DrafterError("去掉网页残留后没有正文可导入", file=path)
    result = parse(cleaned)
    result.removed, result.text = removed, "\n".join(cleaned)
    return result


def clean_text(path: str) -> str:
    """The source's text after residue removal, as the round trip compares it."""
    return "\n".join(clean(read_lines(path))[0])


# --- writing the outline as YAML with comments -----------------------------------------

# A plain YAML scalar is safe when it starts with no indicator and does not read as another type;
# decided by two patterns, never by running a YAML loader on the draft's text.
_PLAIN_START = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*")
_OTHER_TYPE = re.compile(r"[-+]?[0-9][0-9_.:eExXoObB+-]*|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|~|null|Null|NULL"
                         r"|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|=|<<")


def _scalar(text: str) -> str:
    plain = bool(_PLAIN_START.fullmatch(text)) and not _OTHER_TYPE.fullmatch(text) and text == text.strip()
    if plain and ": " not in text and " #" not in text and not text.endswith(":"):
        return text
    return json.dumps(text, ensure_ascii=False)


def _comment(lines: list[str], indent: str) -> str:
    return "".join(f"{indent}# {line}\n" for line in lines)


def _node_yaml(node: Node, indent: str) -> str:
    out = _comment(node.comments, indent)
    out += f"{indent}- title: {_scalar(node.title or '')}\n"
    inner = indent + "  "
    if node.paragraphs:
        out += f"{inner}paragraphs:\n" + "".join(f"{inner}  - {_scalar(p)}\n" for p in node.paragraphs)
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


def plan_sections(result: Imported, folder: str, source: str, plan) -> dict[str, bytes]:
    """Each top-level point as a section file of ``folder``: path -> content, every path checked
    with ``plan`` (outputs.Plan) before anything is written."""
    taken = {n[:-len(".md.j2")] for n in os.listdir(folder) if n.endswith(".md.j2")}
    files = {}
    for i, point in enumerate(result.points, 1):
        path = plan.add(os.path.join(folder, f"{section_name(point.title, taken)}.md.j2"))
        files[path] = section_markdown(point, source, i).encode("utf-8")
    return files


def write_sections(result: Imported, folder: str, source: str) -> list[str]:
    """Save each top-level point as a section in ``folder``; return the files written."""
    files = plan_sections(result, folder, source, outputs.Plan())
    for path, data in files.items():
        outputs.write(path, data)
    return list(files)


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
