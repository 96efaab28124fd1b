"""Where a web copy's paragraphs, headings and items begin once its line breaks are lost.

Document sites drop a speech's line breaks, so that a heading, its first sentence and the
first 一是 end up on one line, separated by a space, a full-width space or nothing. The
clues that are left, used here in this order:

- line breaks, where the copy kept any;
- a marker (一、 （一） （1） 1. 一是 一要 首先…) where a sentence ended, or after white space;
- a heading's shape: a short phrase with no sentence-final mark, ending where a space begins,
  or where the first marker of the level below (一是 （一） 1. 首先) follows it directly;
- the marker sequence itself: 一是 starts a group only where 二是 follows;
- closings (同志们， 各位代表， 总之，) and sign-offs (谢谢大家！ 发言完毕。 最后，祝……).

Every pattern here is a literal or a bounded character class, matched in one pass over a
line: segmentation stays linear in the size of the draft.
"""

from __future__ import annotations

import re

from .. import numbering

SENTENCE_END = numbering.SENTENCE_END
# A marker can begin after one of these (the end of a sentence or clause, a closing quote) ...
BREAK_BEFORE = "。！？!?；;：:”’」』"
# ... or after white space, which is often all that is left of a line break.
SPACE = " \t\u3000\xa0"

# Salutations: 同志们： 各位代表： 尊敬的各位领导，各位同事： 各位副主任、秘书长，各位委员：
_ITEM = r"(?:尊敬的)?(?:各位[\u4e00-\u9fff]{1,6}?|同志们|同事们|朋友们|代表们|委员们|同学们|女同胞们|秘书长)"
SALUTATION = re.compile(rf"^{_ITEM}(?:[、，,]{_ITEM}){{0,6}}[：:]$")
SALUTATION_IN = re.compile(rf"{_ITEM}(?:[、，,]{_ITEM}){{0,6}}[：:]")
CLOSING_START = re.compile(r"^(?:同志们|各位代表|各位委员|同事们|朋友们|总之)[，,！!]")
SIGNOFF = re.compile(
    r"^(?:谢谢大家|谢谢各位|谢谢|(?:我的)?发言完毕(?:[，,]谢谢(?:大家)?)?|我就讲这些|我就讲这些，谢谢大家"
    r"|以上(?:发言|是我的[^。！？!?]{0,12})[，,][^。！？!?]{0,16}指正"
    r"|最后[，,]祝[^。！？!?]{1,60})[！!。.]?$")

# Where a marker may begin (numbering's grammar then reads it), and the closings that begin
# a paragraph.
MARKER = re.compile(rf"{numbering.alternatives()}|(?P<closing>(?:同志们|各位代表|各位委员|同事们|总之)[，,！!])")
TOP = "一、"
HEADING_KINDS = (TOP, numbering.STYLE_PAREN, numbering.STYLE_ARABIC_PAREN, numbering.STYLE_ARABIC)  # open a heading
LAST = 99  # 最后: the last item, whatever its number


def marker_at(text: str, pos: int = 0):
    """(style, number, end) of the marker at ``pos``, or None. Style is numbering's (一、 （一）
    1. （1） 一是 一要 首先) or "closing" (同志们， 总之，); MARKER only finds where a marker may
    be, numbering's grammar reads it."""
    m = MARKER.match(text, pos)
    if not m:
        return None
    if m.lastgroup == "closing":
        return "closing", 0, m.end()
    found = numbering.opening(text[pos:m.end()])
    if found is None:
        return None
    number = found.number or LAST  # 0 only for 最后, the last of 首先/其次/再次/最后
    return found.style, number, pos + found.end


def _boundary(line: str, i: int) -> bool:
    return i == 0 or line[i - 1] in BREAK_BEFORE or line[i - 1] in SPACE


SECOND = {numbering.STYLE_YISHI: ("二是",), numbering.STYLE_YIYAO: ("二要",),
          numbering.STYLE_SHOUXIAN: ("其次，", "其次,"), numbering.STYLE_DIYI: ("第二，", "第二,")}


def _follows(last_second: dict, pos: int, kind: str) -> bool:
    """Whether the second marker of ``kind`` occurs after ``pos`` (一是 needs a 二是)."""
    return kind not in SECOND or last_second[kind] >= pos


def _split_line(line: str) -> list[str]:
    """A line cut before each marker that begins a structure."""
    # where each run-in style's second marker last occurs: one look-up per line, not per marker
    last_second = {kind: max(line.rfind(w) for w in words) for kind, words in SECOND.items()}
    cuts = [0]
    piece_kind = None  # the marker kind that opened the current piece
    piece_start = 0
    for m in MARKER.finditer(line):
        i = m.start()
        if i == 0:
            found = marker_at(line, 0)
            piece_kind = found[0] if found else None
            continue
        found = marker_at(line, i)
        if found is None:  # not a number a marker uses: 二一是
            continue
        kind, number, end = found
        if end >= len(line):
            continue
        if kind == TOP and numbering.to_int(line[end]):  # 一、二季度
            continue
        accept = False
        if _boundary(line, i):
            accept = number != 1 or _follows(last_second, end, kind)
        elif (number == 1 and kind != TOP and kind != "closing" and piece_kind in HEADING_KINDS
              and i - piece_start <= 64 and _follows(last_second, end, kind)):
            # a heading run directly into the first item of the level below: 一、加强学习一是……
            head = line[piece_start:i]
            accept = not any(ch in head for ch in "。！？!?；;：:")
        if accept:
            cuts.append(i)
            piece_kind, piece_start = kind, i
    pieces = [line[a:b].strip() for a, b in zip(cuts, cuts[1:] + [len(line)])]
    out: list[str] = []
    for piece in pieces:
        if piece:
            out.extend(split_heading_space(piece))
    return out


def split_heading_space(piece: str) -> list[str]:
    """A heading and its text separated only by white space: 一、加强学习，提高能力 代表们要……"""
    found = marker_at(piece)
    if not found or found[0] not in HEADING_KINDS:
        return [piece]
    start = found[2]
    while start < len(piece) and piece[start] in SPACE:
        start += 1
    for j in range(start, min(len(piece), start + 61)):
        ch = piece[j]
        if ch in SPACE:
            rest = piece[j:].strip()
            if rest and (marker_at(rest) or any(c in rest for c in SENTENCE_END + "；;：:，,")):
                return [piece[:j].rstrip()] + split_heading_space(rest)
            return [piece]  # 一、加强学习　提高能力: a space inside a heading, no body after it
        if ch in "。！？!?；;：:":
            break
    return [piece]


def split_signoff(text: str) -> list[str]:
    """The sign-off at the end of a paragraph as a paragraph of its own."""
    last = max(text.rfind(ch, 0, len(text) - 1) for ch in SENTENCE_END)
    if last < 0:
        return [text]
    tail = text[last + 1:].strip()
    if tail and SIGNOFF.match(tail):
        return [text[:last + 1].strip(), tail]
    return [text]


def split_title(line: str) -> list[str]:
    """A title run into the text that follows it, with a space between: ``…的讲话 根据安排，……``
    (a title has eight characters or more: 今天 我们…… is no title)."""
    for j, ch in enumerate(line[:61]):
        if ch in SPACE:
            head, rest = line[:j], line[j:].strip()
            if len(head) >= 8 and rest and not marker_at(head) and not any(c in head for c in "。！？!?；;：:，,"):
                return [head, rest]
            return [line]
        if ch in "。！？!?；;：:，,":
            return [line]
    return [line]


class Gapped(str):
    """A paragraph that directly follows text a site hid (---此处隐藏1234字---)."""


def segment(lines: list, gap: object) -> list[str]:
    """Paragraphs where a structure begins; a paragraph after ``gap`` in ``lines`` is Gapped."""
    out: list[str] = []
    gapped = False
    salutation_seen = False
    for line in lines:
        if line is gap:
            gapped = True
            continue
        line = line.strip()
        if not line:
            continue
        parts: list[str] = []
        if not salutation_seen and len(out) < 3:
            m = SALUTATION_IN.search(line, 0, 120)
            if m and m.start() <= 80 and not any(ch in line[:m.start()] for ch in SENTENCE_END):
                salutation_seen = True
                if m.start() > 0:
                    parts.append(line[:m.start()].strip())  # a title run into the salutation
                parts.append(m.group())
                line = line[m.end():].strip()
            elif not out:
                head = split_title(line)
                if len(head) == 2:
                    parts.append(head[0])
                    line = head[1]
        if line:
            pieces = _split_line(line)
            parts.extend(pieces[:-1])
            parts.extend(split_signoff(pieces[-1]) if pieces else [])
        for part in parts:
            if part:
                out.append(Gapped(part) if gapped else part)
                gapped = False
    return out


# A body's first words, in the practice of 人大 speeches: where a heading run into its body
# without a break is cut (实务: the subjects a body paragraph usually opens with).
BODY_START = re.compile("我们|常委会|各级人大|各级|总书记|近年来|代表们|人大代表|今年以来|过去一年")
MIN_BODY = 8  # characters of a first body sentence, its full stop included


def split_runon(text: str) -> tuple[str, str, str | None]:
    """A heading's title and the body run into it, and a comment when the cut is a guess.

    With no break at all between them, the cut is chosen among the places where a body's
    usual first word begins (我们 常委会 各级人大……, stronger when a 要 follows: 我们要) and the
    place where the heading's last phrase is as long as its first (对仗: 深化理论武装，提升政治能力);
    a body that opens with 要 adds to a place. Without any, the heading ends at the first full stop.
    """
    m = re.search(f"[{SENTENCE_END}]", text)
    if not m:
        return text, "", None
    head = text[:m.end()]
    commas = [i for i, ch in enumerate(head) if ch in "，,"]
    first_len = commas[0] if commas else 0
    candidates: dict[int, int] = {}  # cut -> score

    def last_phrase(cut: int) -> int:
        return cut - (max((c for c in commas if c < cut), default=-1) + 1)

    for b in BODY_START.finditer(head, commas[0] + 1 if commas else 4):
        i = b.start()
        if i >= 6 and head[i - 1] not in "，,、“\"（(" and m.end() - i >= MIN_BODY:
            score = 2 + ("要" in head[b.end():b.end() + 4])
            if commas and last_phrase(i) > 2 * first_len:
                score -= 1  # a heading's phrases are short
            candidates[i] = candidates.get(i, 0) + score
    if first_len >= 2:
        for k, comma in enumerate(commas):
            if comma > 40:  # a heading's phrases are near its start
                break
            cut = comma + 1 + first_len
            following = commas[k + 1] if k + 1 < len(commas) else m.end()
            if cut < following and m.end() - cut >= MIN_BODY:  # this phrase runs on past the first's length
                candidates[cut] = candidates.get(cut, 0) + 2 + (head[cut] == "要")
    if candidates:
        best = max(candidates.values())
        tops = sorted(c for c, v in candidates.items() if v == best)
        cut = next((c for c in tops if BODY_START.match(head, c)), tops[0])  # a tie: a body's first word wins
        return (text[:cut], text[cut:].strip(),
                f"标题与正文原在同一段，已在“{text[cut:cut + 4]}”之前分开（按标题和正文的常见写法推断），请核对")
    return head, text[m.end():].strip(), "标题与正文原在同一段，已在第一个句号处分开，请核对"
