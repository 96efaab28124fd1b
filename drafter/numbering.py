"""Chinese numerals and the sequence markers of GB/T 9704 7.3.3 and of speech practice.

Numbers are always computed from a position, never typed, so moving a point in an
outline renumbers everything after it.
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"

# Sub-point styles a writer can choose for a point's sub-points.
STYLE_YISHI = "一是"  # run-in: 一是……二是……
STYLE_YIYAO = "一要"  # run-in: 一要……二要……
STYLE_SHOUXIAN = "首先"  # run-in: 首先……其次……再次……最后……
STYLE_PAREN = "（一）"  # level-2 heading
STYLE_ARABIC = "1."  # level-3 item
STYLE_ARABIC_PAREN = "（1）"  # level-4 item
STYLES = (STYLE_YISHI, STYLE_YIYAO, STYLE_SHOUXIAN, STYLE_PAREN, STYLE_ARABIC, STYLE_ARABIC_PAREN)
STYLE_ALIASES = {
    "(一)": STYLE_PAREN,
    "1": STYLE_ARABIC,
    "1.0": STYLE_ARABIC,
    "1、": STYLE_ARABIC,
    "1．": STYLE_ARABIC,
    "(1)": STYLE_ARABIC_PAREN,
    "一是、二是": STYLE_YISHI,
    "一要、二要": STYLE_YIYAO,
    "首先、其次": STYLE_SHOUXIAN,
    "首先/其次/再次/最后": STYLE_SHOUXIAN,
}
RUN_IN_STYLES = (STYLE_YISHI, STYLE_YIYAO, STYLE_SHOUXIAN)
SHOUXIAN_MAX = 4

# The heading level (1-4) that a style's markers stand at, GB/T 9704 7.3.3.
HEADING_LEVEL = {"一、": 1, STYLE_PAREN: 2, STYLE_ARABIC: 3, STYLE_ARABIC_PAREN: 4}


def cn(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一, 105 -> 一百零五 (ordinal form)."""
    if not isinstance(n, int) or isinstance(n, bool) or n < 0 or n > 9999:
        raise ValueError(f"无法写成中文数字：{n!r}")
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    units = ["", "十", "百", "千"]
    out = ""
    digits = str(n)
    zero = False
    for i, ch in enumerate(digits):
        d = int(ch)
        place = len(digits) - 1 - i
        if d == 0:
            zero = True
            continue
        if zero and out:
            out += "零"
        zero = False
        out += DIGITS[d] + units[place]
    return out


def cn_count(n: int) -> str:
    """A quantity as spoken before a measure word: 2 -> 两 (两点意见), otherwise as cn()."""
    return "两" if n == 2 else cn(n)


# style -> (format, how the number is written)
_FORMATS = {
    "一、": ("{}、", cn),
    STYLE_PAREN: ("（{}）", cn),
    STYLE_ARABIC: ("{}.", str),
    STYLE_ARABIC_PAREN: ("（{}）", str),
    STYLE_YISHI: ("{}是", cn),
    STYLE_YIYAO: ("{}要", cn),
}


def marker(index: int, count: int, style: str) -> str:
    """The marker of item ``index`` (1-based) of ``count`` in ``style``."""
    if style == STYLE_SHOUXIAN:
        return shouxian(index, count)
    if style not in _FORMATS:
        raise ValueError(f"未知的序号样式：{style}")
    fmt, write = _FORMATS[style]
    return fmt.format(write(index))


def shouxian(index: int, count: int) -> str:
    if count > SHOUXIAN_MAX:
        raise ValueError(f"“首先/其次/再次/最后”最多 {SHOUXIAN_MAX} 项")
    if index == 1:
        return "首先，"
    if index == count and count > 2:
        return "最后，"
    return ("其次，", "再次，")[index - 2]
