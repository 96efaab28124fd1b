"""Edit an outline's text values and nothing else: comments, key order, indentation and quoting
of everything untouched stay byte for byte as the writer left them.

``roundtrip()`` is the ruamel.yaml set-up the workbench merges its saves with. ``replace_values``
is for mechanical fixes (``drafter check --fix``): ruamel composes the document to find where
each string value starts and ends in the text, and only those characters are replaced, in the
value's own quoting style. (Dumping the whole document again would re-indent lists to one
house style: a change the writer did not ask for.) The result is parsed again and compared
with what was meant before anyone writes it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

from ..errors import DrafterError
from ..safeyaml import format_path

STR_TAG = "tag:yaml.org,2002:str"


def roundtrip():
    """A round-trip ruamel.yaml instance: quotes kept, long Chinese lines never folded."""
    from ruamel.yaml import YAML  # loaded when an outline is edited

    y = YAML()
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    y.allow_unicode = True
    return y


@dataclass(frozen=True)
class Scalar:
    """A string value as written: its characters ``text[start:end]`` and their style
    (None plain, "'" or '"' quoted, "|" or ">" a block)."""

    start: int
    end: int
    style: str | None
    value: str
    one_line: bool


def string_values(text: str) -> dict[str, Scalar]:
    """Every string value of the YAML document ``text`` by its field path (points[0].title)."""
    root = roundtrip().compose(text)
    out: dict[str, Scalar] = {}
    stack = [(root, ())] if root is not None else []
    while stack:
        node, where = stack.pop()
        kind = type(node).__name__
        if kind == "MappingNode":
            for key, value in node.value:
                if type(key).__name__ == "ScalarNode":
                    stack.append((value, where + (key.value,)))
        elif kind == "SequenceNode":
            stack.extend((item, where + (i,)) for i, item in enumerate(node.value))
        elif kind == "ScalarNode" and str(node.tag) == STR_TAG:
            start, end = node.start_mark.index, node.end_mark.index
            out[format_path(where)] = Scalar(start, end, node.style, node.value,
                                       "\n" not in text[start:end] and node.style not in ("|", ">"))
    return out


def _plain_ok(value: str) -> bool:
    """Whether ``value`` reads back as itself written plain after "key: " on one line."""
    if not value or value != value.strip() or "\n" in value:
        return False
    try:
        return yaml.safe_load(f"k: {value}\n") == {"k": value}
    except yaml.YAMLError:
        return False


def written(value: str, style: str | None) -> str:
    """``value`` as YAML source in ``style``; a plain value that would read back otherwise is
    double-quoted."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style is None and _plain_ok(value):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def replace_values(text: str, edits: dict[str, str], file: str) -> tuple[str, list[str]]:
    """``text`` with the string values at these field paths replaced; and the paths that were
    not (absent from the file, not a one-line string, or not the value expected).

    Raises DrafterError, leaving nothing written, when the edited text would not read back as
    the original data with exactly these values changed.
    """
    found = string_values(text)
    done, skipped = {}, []
    for field, new in edits.items():
        scalar = found.get(field)
        if scalar is None or not scalar.one_line:
            skipped.append(field)
        elif new != scalar.value:
            done[field] = (scalar, new)
    out = text
    for scalar, new in sorted(done.values(), key=lambda item: item[0].start, reverse=True):
        out = out[:scalar.start] + written(new, scalar.style) + out[scalar.end:]
    if done:
        changed = string_values(out)
        before = yaml.safe_load(text)
        after = yaml.safe_load(out)
        if _without(before, done) != _without(after, done) or any(
                changed.get(f) is None or changed[f].value != new for f, (_, new) in done.items()):
            raise DrafterError("修改后的大纲无法按原样读回，未写入", file=file)
    return out, skipped


def _without(data, done: dict) -> str:
    """``data`` with the edited fields blanked, to compare the rest."""
    blank = json.loads(json.dumps(data, ensure_ascii=False, default=str))
    for field in done:
        node, parts = blank, _parts(field)
        for part in parts[:-1]:
            node = node[part]
        node[parts[-1]] = None
    return json.dumps(blank, ensure_ascii=False, sort_keys=True)


def _parts(field: str) -> list:
    """points[0].title -> ["points", 0, "title"]."""
    return [int(m.group(1)) if m.group(1) is not None else m.group(2)
            for m in re.finditer(r"\[(\d+)\]|([^.\[\]]+)", field)]
