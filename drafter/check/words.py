"""The word layer: words and their parts of speech, from a real segmenter (jieba).

Word rules ask about the words around a place they found by a cheap search (a trigger): the
segmenter runs over a short window there, never over the whole draft, and jieba is loaded
only when some rule asks (once per process, shared with render.titles). Windows are cached,
so rules asking about the same place share one segmentation.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Callable

from ..errors import DrafterError
from ..files.fs import cache_dir, read_bounded
from ..render.titles import segmenter

MARGIN = 12  # characters each side of a trigger: enough for the two words around it
MAX_DICTIONARY_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    tag: str  # jieba's part of speech: n noun, v verb, vn verbal noun, a adjective, d adverb, p preposition…
    start: int  # in the paragraph
    end: int


@lru_cache(maxsize=1)
def _posseg():
    segmenter()  # the dictionary, loaded once
    import jieba.posseg as posseg  # with jieba: only when a word rule needs parts of speech

    return posseg


@lru_cache(maxsize=4096)
def _segment(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((w.word, w.flag) for w in _posseg().dt.cut(text, HMM=False))


def around(text: str, start: int, end: int, margin: int = MARGIN) -> list[Word]:
    """The words of ``text[start - margin:end + margin]``, with offsets in ``text``.

    The window is cut at a line's sentence marks when they are near, so that a word at its
    edge is a whole word more often than not.
    """
    lo, hi = max(0, start - margin), min(len(text), end + margin)
    out, pos = [], lo
    for word, tag in _segment(text[lo:hi]):
        out.append(Word(word, tag, pos, pos + len(word)))
        pos += len(word)
    return out


def at(words: list[Word], start: int, end: int) -> tuple[int, int] | None:
    """The indexes of the first and last words that make up exactly ``[start, end)``, or None
    when the segmenter cut the text otherwise (the form is part of a longer word: 全部属于
    holds no 部属)."""
    first = next((i for i, w in enumerate(words) if w.start == start), None)
    if first is None:
        return None
    for i in range(first, len(words)):
        if words[i].end == end:
            return first, i
        if words[i].end > end:
            break
    return None


def frequency(word: str) -> int:
    """How often the segmenter's dictionary saw ``word`` (0: not a word it knows)."""
    return segmenter().dt.FREQ.get(word, 0) or 0


def tag(word: str) -> str | None:
    """The dictionary's part of speech for a word."""
    return _posseg().dt.word_tag_tab.get(word)


def dictionary_file() -> Path:
    """jieba's dictionary file (words, frequencies, parts of speech), found without importing jieba."""
    return Path(find_spec("jieba").origin).parent / "dict.txt"


def dictionary_index(name: str, build: Callable[[Path], Any], params: str = "") -> Any:
    """An index ``build`` makes from the dictionary file, kept in the user's cache folder as
    ``name``.marshal: loading it is many times faster than building it. It is built again when the
    dictionary file, ``params`` (the caller's thresholds) or the code of ``build`` changes; with no
    cache folder it is built every time."""
    source = dictionary_file()
    stat = source.stat()
    code = build.__code__
    made_by = hashlib.sha1(code.co_code + repr([c for c in code.co_consts if not hasattr(c, "co_code")]).encode())
    key = f"{stat.st_size}-{int(stat.st_mtime)}-{params}-{made_by.hexdigest()[:12]}"
    cached = cache_dir() / f"{name}.marshal"
    try:
        stored_key, index = marshal.loads(read_bounded(str(cached), MAX_DICTIONARY_BYTES * 2))
        if stored_key == key:
            return index
    except (OSError, ValueError, EOFError, TypeError, DrafterError):
        pass  # no cache yet, or one this code cannot read
    index = build(source)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((key, index)))
        tmp.replace(cached)
    except OSError:
        pass  # no cache folder: built again next time
    return index
