"""Length and speaking time of a speech: leaders' speeches are often limited to 10 or 15 minutes."""

from __future__ import annotations

import re

from . import model

DEFAULT_RATE = 220  # 字/分钟: 200-240 is usual for a speech read aloud
_UNSPOKEN = re.compile(r"[^\u3400-\u9fffA-Za-z0-9]+")
SPOKEN_BLOCKS = (model.SALUTATION, model.PARAGRAPH, model.LEAD, model.HEADING)


def count(text: str) -> int:
    """Characters that are read aloud: Chinese characters, letters and digits, not punctuation."""
    return len(_UNSPOKEN.sub("", text))


def count_blocks(blocks: list[model.Block]) -> int:
    """The spoken length of a rendered document: from the salutation to the sign-off."""
    return count("".join(b.text for b in blocks if b.kind in SPOKEN_BLOCKS))


def minutes(chars: int, rate: int | None = None) -> float:
    return chars / (rate or DEFAULT_RATE)


def report(chars: int, rate: int | None = None, limit: int | None = None) -> str:
    rate = rate or DEFAULT_RATE
    text = f"全文 {chars:,} 字，按每分钟 {rate} 字计，约需 {minutes(chars, rate):.1f} 分钟"
    if limit:
        over = minutes(chars, rate) - limit
        text += f"；限时 {limit} 分钟，" + (f"超出约 {over:.1f} 分钟，请压缩" if over > 0 else "未超时")
    return text + "。"


def over_limit(chars: int, rate: int | None, limit: int | None) -> bool:
    return bool(limit) and minutes(chars, rate) > limit
