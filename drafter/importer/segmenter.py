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

CN_DIGITS = "一二三四五六七八九十"
CN = f"[{CN_DIGITS}]+"
SENTENCE_END = "。！？!?"
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

# Markers, each with the number it stands for. A marker's number has at most three Chinese
# digits (三十九), so that no match runs along a long string of numerals.
CN3 = f"[{CN_DIGITS}]{{1,3}}"
MARKER = re.compile(
    rf"(?P<top>{CN3})、"
    rf"|[（(](?P<paren>{CN3})[）)]"
    r"|[（(](?P<aparen>[1-9]\d?)[）)]"
    r"|(?P<arabic>[1-9]\d?)[.．、](?![\d%])"
    rf"|(?P<yishi>{CN3})是"
    rf"|(?P<yiyao>{CN3})要"
    r"|(?P<shouxian>首先|其次|再次|最后)[，,]"
    r"|(?P<closing>(?:同志们|各位代表|各位委员|同事们|总之)[，,！!])")
HEADING_KINDS = ("top", "paren", "aparen", "arabic")  # markers that open a heading
SHOUXIAN_NUMBERS = {"首先": 1, "其次": 2, "再次": 3, "最后": 99}
LAST = 99  # 最后: the last item, whatever its number


def cn_number(text: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23 (the numbers a speech's markers use)."""
    digits = [CN_DIGITS.index(ch) + 1 for ch in text]
    if len(digits) == 1:
        return digits[0]
    if len(digits) == 2 and digits[0] == 10:
        return 10 + digits[1]
    if len(digits) == 2 and digits[1] == 10:
        return digits[0] * 10
    if len(digits) == 3 and digits[1] == 10:
        return digits[0] * 10 + digits[2]
    return 0  # not a number a marker uses


def marker_at(text: str, pos: int = 0):
    """(kind, number, end) of the marker at ``pos``, or None."""
    m = MARKER.match(text, pos)
    if not m:
        return None
    kind = m.lastgroup
    value = m.group(kind)
    if kind in ("aparen", "arabic"):
        number = int(value)
    elif kind == "shouxian":
        number = SHOUXIAN_NUMBERS[value]
    elif kind == "closing":
        number = 0
    else:
        number = cn_number(value)
    return kind, number, m.end()


def _boundary(line: str, i: int) -> bool:
    return i == 0 or line[i - 1] in BREAK_BEFORE or line[i - 1] in SPACE


SECOND = {"yishi": ("二是",), "yiyao": ("二要",), "shouxian": ("其次，", "其次,")}


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
        kind, number, end = marker_at(line, i)
        if end >= len(line):
            continue
        if kind == "top" and line[end] in CN_DIGITS:  # 一、二季度
            continue
        accept = False
        if _boundary(line, i):
            accept = number != 1 or _follows(last_second, end, kind)
        elif (number == 1 and kind != "top" and kind != "closing" and piece_kind in HEADING_KINDS
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
            return [piece[:j].rstrip()] + (split_heading_space(rest) if rest else [])
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
    """A title run into the text that follows it, with a space between: ``…的讲话 根据安排，……``."""
    for j, ch in enumerate(line[:61]):
        if ch in SPACE:
            head, rest = line[:j], line[j:].strip()
            if head and rest and not marker_at(head) and not any(c in head for c in "。！？!?；;：:，,"):
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
    for n, line in enumerate(lines):
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
BODY_START = re.compile("我们|常委会|各级人大|各级|总书记|近年来|代表们|人大代表要|今年以来|过去一年")


def split_runon(text: str) -> tuple[str, str, str | None]:
    """A heading's title and the body run into it, and a comment when the cut is a guess."""
    m = re.search(f"[{SENTENCE_END}]", text)
    if not m:
        return text, "", None
    head = text[:m.end()]
    comma = min((i for i in (head.find("，"), head.find(",")) if i >= 0), default=-1)
    for b in BODY_START.finditer(head, comma + 1 if comma >= 0 else 4):
        i = b.start()
        if i >= 6 and head[i - 1] not in "，,、“\"（(" and m.end() - i >= 12:
            return (text[:i], text[i:].strip(),
                    f"标题与正文原在同一段，已在“{b.group()}”之前分开（按正文常见的开头推断），请核对")
    return head, text[m.end():].strip(), "标题与正文原在同一段，已在第一个句号处分开，请核对"
