"""The word layer: words and their parts of speech, as jieba segments and tags them.

Word rules ask about the words around a place they found by a cheap search (a trigger): a
short window there is segmented, never the whole draft. The segmentation is jieba's own (its
dictionary, its unigram model, its part-of-speech cut without the HMM), computed from a table
of its dictionary kept as an SQLite file in the user's cache folder: opening it takes a
millisecond where loading jieba takes a second and 150 MB, so a check loads no segmenter at all.
Windows are cached, so rules asking about the same place share one segmentation.
"""

from __future__ import annotations

import hashlib
import marshal
import math
import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Callable, Iterator

from ..errors import DrafterError
from ..files.fs import cache_dir, decode, read_bounded

MARGIN = 12  # characters each side of a trigger: enough for the two words around it
MAX_DICTIONARY_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    tag: str  # jieba's part of speech: n noun, v verb, vn verbal noun, a adjective, d adverb, p preposition…
    start: int  # in the paragraph
    end: int


# How jieba's part-of-speech cut splits a text before its dictionary does (jieba.posseg): runs of
# Han characters, Latin letters, digits and +#&._ are segmented; any other character is a word of its own.
_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SPACE = re.compile("(\r\n|\\s)")
_NUMBER, _LATIN, _LATIN_ONE = re.compile("[\\.0-9]+"), re.compile("[a-zA-Z0-9]+"), re.compile("^[a-zA-Z0-9]$")


@lru_cache(maxsize=4096)
def _segment(text: str) -> tuple[tuple[str, str], ...]:
    """The words of ``text`` and their parts of speech, as jieba.posseg cuts it without its HMM
    (the dictionary's best path through each block, single Latin letters and digits joined),
    made from the word table: jieba itself is never loaded for a check."""
    out: list[tuple[str, str]] = []
    for block in _BLOCK.split(text):
        if _BLOCK.match(block):
            latin = ""
            for word in route(block)[1]:
                if _LATIN_ONE.match(word):
                    latin += word
                    continue
                if latin:
                    out.append((latin, "eng"))
                    latin = ""
                out.append((word, tag(word) or "x"))
            if latin:
                out.append((latin, "eng"))
            continue
        for piece in _SPACE.split(block):
            if _SPACE.match(piece):
                out.append((piece, "x"))
            else:
                out.extend((c, "m" if _NUMBER.match(c) else "eng" if _LATIN.match(piece) else "x") for c in piece)
    return tuple(out)


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


@lru_cache(maxsize=65536)
def frequency(word: str) -> int:
    """How often the segmenter's dictionary saw ``word`` (0: not a word it knows)."""
    return _lookup((word,)).get(word, (0, None))[0]


@lru_cache(maxsize=65536)
def tag(word: str) -> str | None:
    """The dictionary's part of speech for a word."""
    return _lookup((word,)).get(word, (0, None))[1]


@lru_cache(maxsize=4096)
def route(text: str) -> tuple[float, list[str]]:
    """The dictionary's best segmentation of ``text`` and its log probability: jieba's own
    (a unigram model over its dictionary, every word that can start at each place, the best
    path by dynamic programming), computed from the word table so that a rule asking about a
    few characters does not load the segmenter (its dictionary takes a second and 150 MB)."""
    n, longest, total = len(text), *_table()[1:]
    found = _lookup(tuple({text[i:j] for i in range(n) for j in range(i + 1, min(n, i + longest) + 1)}))
    starts = [[j - 1 for j in range(i + 1, min(n, i + longest) + 1) if found.get(text[i:j], (0,))[0] > 0] or [i]
              for i in range(n)]
    best: dict[int, tuple[float, int]] = {n: (0.0, 0)}
    log_total = math.log(total)
    for i in range(n - 1, -1, -1):
        best[i] = max((math.log(found.get(text[i:j + 1], (0,))[0] or 1) - log_total + best[j + 1][0], j)
                      for j in starts[i])
    out, i = [], 0
    while i < n:
        j = best[i][1] + 1
        out.append(text[i:j])
        i = j
    return best[0][0], out


_LOCK = threading.Lock()
_TABLE: dict = {}  # this process's connection to the word table (a forked worker opens its own)
TABLE_VERSION = "1"


def _table(rebuild: bool = False):
    """(connection, longest word, total of all frequencies) of the word table: jieba's dictionary
    (word, frequency, part of speech) as an SQLite file in the user's cache folder, built once
    from the dictionary file; in memory when there is no cache folder. ``rebuild``: the file
    was found damaged, so it is built again whatever it says of itself."""
    if _TABLE.get("pid") == os.getpid():
        if not rebuild:
            return _TABLE["table"]
        _TABLE.pop("table")[0].close()
    source = dictionary_file()
    stat = source.stat()
    key = f"{stat.st_size}-{int(stat.st_mtime)}-{TABLE_VERSION}"
    path = cache_dir() / "words.sqlite"
    db = None if rebuild else _open(path, key)
    if db is None:
        db = _build_table(source, key, path)
    _TABLE.update(pid=os.getpid(), table=(db, *_sizes(db)))
    return _TABLE["table"]


def _open(path: Path, key: str):
    """The table file in the cache folder, when it opens and was made from this dictionary."""
    import sqlite3  # only when a rule asks about a word

    db = None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        if db.execute("SELECT value FROM meta WHERE name = 'key'").fetchone() == (key,):
            _sizes(db)
            return db
    except sqlite3.Error:
        pass
    if db is not None:
        db.close()
    return None


def _sizes(db) -> tuple[int, int]:
    return tuple(int(db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()[0])
                 for name in ("longest", "total"))


def _build_table(source: Path, key: str, path: Path):
    import sqlite3  # only when a rule asks about a word

    rows, total = {}, 0
    for word, freq, tag in entries(source):
        if freq is not None:
            rows[word] = (freq, tag)  # the last line of a word wins, as in jieba
            total += freq
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(str(tmp))
    except (OSError, sqlite3.Error):  # no cache folder: the table lives in memory for this process
        tmp, db = None, sqlite3.connect(":memory:", check_same_thread=False)
    db.execute("CREATE TABLE w (word TEXT PRIMARY KEY, freq INTEGER, tag TEXT) WITHOUT ROWID")
    db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
    db.executemany("INSERT INTO w VALUES (?, ?, ?)", ((w, f, t) for w, (f, t) in rows.items()))
    db.executemany("INSERT INTO meta VALUES (?, ?)", (("key", key), ("total", str(total)),
                                                      ("longest", str(max(map(len, rows), default=1)))))
    db.commit()
    if tmp is None:
        return db
    db.close()
    try:
        os.replace(tmp, path)
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    except (OSError, sqlite3.Error):
        return sqlite3.connect(f"file:{tmp}?mode=ro", uri=True, check_same_thread=False)


def _lookup(words: tuple[str, ...]) -> dict[str, tuple[int, str | None]]:
    """The frequency and part of speech of each of ``words`` the dictionary holds. A table file
    damaged in the cache folder (a disk error, a copy cut short) is built again, once."""
    import sqlite3  # only when a rule asks about a word

    out = {}
    for i in range(0, len(words), 500):  # SQLite's limit on the values of one query
        chunk = words[i:i + 500]
        query = f"SELECT word, freq, tag FROM w WHERE word IN ({','.join('?' * len(chunk))})"
        with _LOCK:  # the workbench checks in threads: one query at a time on the connection
            try:
                rows = _table()[0].execute(query, chunk).fetchall()
            except sqlite3.DatabaseError:
                rows = _table(rebuild=True)[0].execute(query, chunk).fetchall()
        out.update((w, (f, t)) for w, f, t in rows)
    return out


def dictionary_file() -> Path:
    """jieba's dictionary file (words, frequencies, parts of speech), found without importing jieba."""
    return Path(find_spec("jieba").origin).parent / "dict.txt"


_READ: dict[str, tuple] = {}  # the dictionary file as read by this process, until forget_entries()


def entries(source: Path) -> tuple[tuple[str, int | None, str | None], ...]:
    """Each line of jieba's dictionary file as (word, how often seen or None, part of speech or None).
    Read once for the four tables a check builds from it in a new or damaged cache folder
    (reading the file takes half a second); ``forget_entries`` lets it go."""
    read = _READ.get(str(source))
    if read is None:
        read = _READ[str(source)] = tuple(_parse(source))
    return read


def _parse(source: Path) -> Iterator[tuple[str, int | None, str | None]]:
    for line in decode(read_bounded(str(source), MAX_DICTIONARY_BYTES), str(source)).splitlines():
        parts = line.split(" ")
        yield (parts[0], int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None,
               parts[2] if len(parts) > 2 else None)


def forget_entries() -> None:
    """Let the dictionary file as read go (about 60 MB): a check calls this when its rules are done."""
    _READ.clear()


def dictionary_index(name: str, build: Callable[[Path], Any], params: str = "") -> Any:
    """An index ``build`` makes from the dictionary file, kept in the user's cache folder as
    ``name``.marshal: loading it is many times faster than building it. It is built again when the
    dictionary file, ``params`` (the caller's thresholds) or the code of ``build`` changes; with no
    cache folder it is built every time."""
    source = dictionary_file()
    stat = source.stat()
    made_by = hashlib.sha1()
    for code in (build.__code__, _parse.__code__):  # the builder and the reading it builds from
        made_by.update(code.co_code + repr([c for c in code.co_consts if not hasattr(c, "co_code")]).encode())
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
