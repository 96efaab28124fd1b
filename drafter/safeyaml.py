"""Load YAML safely: bounded size, no alias bombs, and the line of every value.

PyYAML's ``compose`` builds a node graph in which an alias is a second reference to the
same node, so a "billion laughs" document stays small until it is constructed. We
count the size it would expand to first, with memoisation, and refuse before
constructing anything big. Every value's position is kept so a schema error can say
``file:line:col``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .errors import DrafterError
from .fsutil import decode, read_bounded

MAX_BYTES = 2 * 1024 * 1024
MAX_NODES = 100_000

Path = tuple  # of str | int


def format_path(path: Path) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class Marks:
    """Where each value (and each mapping key) of a document starts, 1-based.

    Only an error message needs them, so they are collected from the node tree on first use.
    """

    root: object = None  # the composed yaml node
    values: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)

    def at(self, path: Path, key: bool = False) -> tuple[int | None, int | None]:
        if self.root is not None:
            _collect_marks(self.root, (), self)
            self.root = None
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            path = path[:-1]
            table = self.values
        return self.values.get((), (None, None))

    def error(self, file: str, path: Path, message: str, *, key: bool = False, line_offset: int = 0) -> DrafterError:
        """An error about the value (or the key) at ``path``: file, line, column and field path.
        ``line_offset`` is for YAML that starts below line 1 of its file (a section's header)."""
        line, col = self.at(path, key=key)
        if line_offset:
            line = (line or 0) + line_offset
        return DrafterError(message, file=file, line=line, col=col, field=format_path(path) or None)

    def schema_error(self, exc, file: str, *, line_offset: int = 0, note: str = "") -> DrafterError:
        """A ``schema.SchemaError`` raised while checking this document, located."""
        return self.error(file, exc.path, exc.message + note, key=exc.key, line_offset=line_offset)


_PROBLEMS = {
    "mapping values are not allowed here": "此处不能出现“键: 值”，冒号后的内容若含冒号请加引号",
    "mapping values are not allowed in this context": "此处不能出现“键: 值”，请检查缩进，冒号后的内容若含冒号请加引号",
    "did not find expected key": "缩进与上文不一致",
    "did not find expected '-' indicator": "列表项“-”的缩进与上文不一致",
    "found character that cannot start any token": "此处有不能开始一个值的字符（如制表符缩进，请改用空格）",
    "found unknown escape character while parsing a quoted scalar": "双引号内有无法识别的反斜杠转义",
    "found unexpected end of stream while scanning a quoted scalar": "引号或括号没有配对",
    "did not find expected node content": "此处缺少内容",
    "did not find expected ',' or ']'": "方括号 [ ] 没有闭合，或列表项之间缺少逗号",
    "did not find expected ',' or '}'": "花括号 { } 没有闭合，或各项之间缺少逗号",
    "could not find expected ':'": "缺少半角冒号“:”",
    "found character '\\t' that cannot start any token": "不能用制表符缩进，请改用空格",
    "found undefined alias": "引用了未定义的锚点（*名称）",
    "found unexpected end of stream": "引号或括号没有配对",
    "found unknown escape character": "双引号内有无法识别的反斜杠转义",
    "expected <block end>, but found '-'": "列表项“-”的缩进与上文不一致",
    "expected <block end>, but found '<block mapping start>'": "缩进与上文不一致",
    "expected <block end>, but found '<scalar>'": "缩进与上文不一致",
    "found duplicate anchor": "锚点名称重复",
}


def _reason(err: yaml.YAMLError) -> str:
    problem = getattr(err, "problem", None) or str(err)
    for english, chinese in _PROBLEMS.items():
        if problem.startswith(english):
            return chinese
    return f"YAML 格式有误（{problem}）"


def read_text(path: str, limit: int = MAX_BYTES) -> str:
    data = read_bounded(path, limit)
    if b"\x00" in data:
        raise DrafterError("这是二进制文件，不是 YAML 大纲", file=path)
    return decode(data, path)


def _expanded_size(root: yaml.Node, file: str) -> None:
    """Refuse documents whose aliases would expand past MAX_NODES, or refer to themselves."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise DrafterError("YAML 锚点引用了它自身", file=file,
                               line=node.start_mark.line + 1, col=node.start_mark.column + 1)
        active.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            for child in node.value:
                total += size(child)
                if total > MAX_NODES:
                    break
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += size(k) + size(v)
                if total > MAX_NODES:
                    break
        active.discard(key)
        sizes[key] = total
        if total > MAX_NODES:
            raise DrafterError(
                f"YAML 锚点展开后超过 {MAX_NODES} 个值，已拒绝（可能是恶意构造的文件）",
                file=file, line=node.start_mark.line + 1, col=node.start_mark.column + 1,
            )
        return total

    size(root)


def _collect_marks(node: yaml.Node, path: Path, marks: Marks, depth: int = 0) -> None:
    if depth > 200:
        return
    marks.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _collect_marks(child, path + (i,), marks, depth + 1)
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                marks.keys.setdefault(path + (k.value,), (k.start_mark.line + 1, k.start_mark.column + 1))
                _collect_marks(v, path + (k.value,), marks, depth + 1)


# libyaml (C) when PyYAML was built with it: ten times faster on a large glossary.
_Base = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None


class _Loader(_Base or yaml.SafeLoader):  # type: ignore[misc]
    """A safe loader that leaves dates as text: the outline schema parses and checks them."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(text: str, file: str) -> tuple[object, Marks]:
    """Parse one YAML document into plain Python data and its marks."""
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)  # what PyYAML's reader refuses
    if found:
        bad = found.start()
        line = text.count("\n", 0, bad) + 1
        col = bad - (text.rfind("\n", 0, bad) + 1) + 1
        raise DrafterError(f"含有不可见的控制字符 U+{ord(text[bad]):04X}，请删除", file=file, line=line, col=col)
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            line = mark.line + 1 if mark else None
            col = mark.column + 1 if mark else None
            raise DrafterError(_reason(exc), file=file, line=line, col=col) from None
        if node is None:
            raise DrafterError("文件是空的", file=file)
        if "&" in text:  # aliases need anchors: without any, nothing can expand
            _expanded_size(node, file)
        marks = Marks(root=node)
        try:
            data = loader.construct_document(node)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise DrafterError(
                _reason(exc), file=file,
                line=mark.line + 1 if mark else None, col=mark.column + 1 if mark else None,
            ) from None
    except RecursionError:
        raise DrafterError("YAML 嵌套层次太深", file=file) from None
    finally:
        loader.dispose()
    return data, marks
