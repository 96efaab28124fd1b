"""Load YAML safely: bounded size, no alias bombs, and the line of every value.

PyYAML's ``compose`` builds a node graph in which an alias is a second reference to the
same node, so a "billion laughs" document stays small until it is constructed. We
count the size it would expand to first, with memoisation, and refuse before
constructing anything big. Every value's position is kept so a schema error can say
``file:line:col``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .errors import DrafterError
from .files.fs import MAX_FILE_BYTES, decode, read_bounded

MAX_BYTES = MAX_FILE_BYTES  # an outline is a writer's file like any other
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


MAX_DEPTH = 50  # nested lists and mappings: an outline needs about ten

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
    # PyYAML 6.0.3 and newer stop at 1,000 levels while scanning ahead, before drafter's own count
    "exceeded maximum nesting depth": f"YAML 嵌套超过 {MAX_DEPTH} 层，已拒绝",
    "expected ',' or ']'": "方括号 [ ] 没有闭合，或列表项之间缺少逗号",
    "expected ',' or '}'": "花括号 { } 没有闭合，或各项之间缺少逗号",
    "expected <block end>": "缩进与上文不一致",
    "expected the node content": "此处缺少内容",
    "expected a single document": "文件中只能有一份大纲（去掉多余的“---”）",
    "but found another document": "文件中只能有一份大纲（去掉多余的“---”）",
    "found unexpected document separator": "此处不能出现“---”",
    "found duplicate anchor": "锚点（&名称）重复",
    "found undefined tag handle": "不支持的 YAML 标记",
    "found non-specific tag": "不支持的 YAML 标记",
    "found duplicate YAML directive": "重复的 %YAML 指令",
    "found incompatible YAML document": "不支持的 YAML 版本",
    "mapping keys are not allowed here": "此处不能出现键，请检查缩进",
    "sequence entries are not allowed here": "此处不能出现列表项“-”，请检查缩进",
    "invalid indentation or unclosed": "缩进有误，或方括号、花括号没有闭合",
    "found character": "此处有不能开始一个值的字符（如制表符、@ 或 `，请加引号）",
    "unacceptable character": "含有不能出现在 YAML 中的字符",
    "special characters are not allowed": "含有不能出现在 YAML 中的字符",
    "expected alphabetic or numeric character": "锚点或别名的名称只能用字母和数字",
    "expected chomping or indentation indicators": "“|”或“>”之后的写法有误",
    "expected indentation indicator": "“|”或“>”之后的缩进数字应在 1～9 之间",
    "expected a comment or a line break": "此处之后只能是注释或换行",
    "expected escape sequence": "双引号内的 \\x、\\u 转义有误",
    "expected URI": "YAML 标记的写法有误",
    "expected '!'": "YAML 标记的写法有误",
    "expected ' '": "YAML 指令的写法有误",
    "expected a digit": "YAML 指令的写法有误",
    "expected '<document start>'": "YAML 指令之后缺少“---”",
    "expected <block end>, but found '<block mapping start>'": "缩进与上文不一致",
    "expected <block end>, but found '<scalar>'": "缩进与上文不一致",
    "found duplicate anchor": "锚点名称重复",
}


def _reason(err: yaml.YAMLError) -> str:
    problem = getattr(err, "problem", None) or str(err)
    for english, chinese in _PROBLEMS.items():
        if problem.startswith(english):
            return chinese
    # A problem not in the table: said in Chinese, never in the parser's English.
    return "YAML 格式有误，请检查这一行及上一行的冒号、缩进、引号和括号"


def read_text(path: str, limit: int = MAX_BYTES) -> str:
    data = read_bounded(path, limit)
    if b"\x00" in data:
        raise DrafterError("这是二进制文件，不是 YAML 大纲", file=path)
    return decode(data, path)


MAX_CHARS = 12_000_000  # characters a document may expand to through its aliases: what a file at the limit holds

# What XML 1.0 cannot hold (a .docx part with one of them does not open), and lone surrogates,
# which no file can be written with. YAML's escapes ("\\x0b", "\\uFFFE") can produce them.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

_STR, _INT, _FLOAT, _BOOL, _NULL = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null"))
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_TAG_NAMES = {_INT: "整数", _FLOAT: "小数", _BOOL: "是/否", _NULL: "空值"}
_BOOL_WORDS = {"yes", "no", "true", "false", "on", "off"}
_NULL_WORDS = {"", "~", "null"}
MAX_DIGITS = 30  # a number longer than this is not a setting or a count


def illegal_char_message(ch: str) -> str:
    return f"含有不能写入文档的控制字符 U+{ord(ch):04X}，请删除"


def _check_depth(text: str, file: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH from the parser's events, before anything recurses.

    libyaml parses with an explicit stack; only composing the node tree recurses (in C, past
    the C stack at some 30,000 levels), so counting start and end events first is safe.
    """
    loader = _Loader(text)
    depth = 0
    try:
        while True:
            event = loader.get_event()
            if event is None:
                break
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise DrafterError(f"YAML 嵌套超过 {MAX_DEPTH} 层，已拒绝", file=file,
                                       line=event.start_mark.line + 1, col=event.start_mark.column + 1)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.StreamEndEvent):
                break
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, file, text) from None
    finally:
        loader.dispose()


def _syntax_error(exc: yaml.YAMLError, file: str, text: str = "") -> DrafterError:
    """The parser's error at the line that is wrong. A key without its colon is found by the
    parser only where the next key begins: the line of the key itself is named instead."""
    problem = getattr(exc, "problem", None) or ""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if problem.startswith("could not find expected ':'") and getattr(exc, "context_mark", None):
        mark = exc.context_mark
    elif problem.startswith("mapping values are not allowed") and mark and text:
        line = _colonless_line_before(text.splitlines(), mark.line)
        if line is not None:
            return DrafterError("缺少半角冒号“:”（或下一行的缩进与它不一致）", file=file, line=line + 1, col=1)
    return DrafterError(_reason(exc), file=file, line=mark.line + 1 if mark else None,
                        col=mark.column + 1 if mark else None)


def _colonless_line_before(lines: list[str], index: int) -> int | None:
    """The line above ``index`` that a plain text ran on from, when it reads like a key whose colon
    was left out (``title 第一点`` followed by ``paragraphs: …``): the parser took the two lines
    as one text and stopped at the second line's colon."""
    if not 0 < index < len(lines):
        return None
    here = lines[index]
    above = next((i for i in range(index - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")),
                 None)
    if above is None:
        return None
    prev = lines[above]
    item = prev.lstrip().removeprefix("- ")  # a list item's key stands after its "- "
    body = item.strip()
    if ":" in body or len(here) - len(here.lstrip()) != len(prev) - len(item):
        return None
    return above if re.match(r"^[A-Za-z_][\w-]*\s", body) else None


def _vet(root: yaml.Node, loader, file: str) -> None:
    """Check the composed tree before anything is constructed from it.

    Every tag must be one the schema knows (text, integer, decimal, yes/no, empty, list,
    mapping) and its text must read as that type; text must be writable into XML; and the
    document, its aliases expanded, must stay within MAX_DEPTH levels, MAX_NODES values and
    MAX_CHARS characters. Each refusal names the field path and the line.
    """
    memo: dict[int, tuple[int, int, int]] = {}  # node -> (values, characters, height)
    active: set[int] = set()

    def fail(message: str, node: yaml.Node, path: Path) -> DrafterError:
        return DrafterError(message, file=file, line=node.start_mark.line + 1, col=node.start_mark.column + 1,
                            field=format_path(path) or None)

    def scalar(node: yaml.ScalarNode, path: Path) -> None:
        tag, value = node.tag, node.value
        if tag == _STR:
            bad = XML_ILLEGAL.search(value)
            if bad:
                raise fail(illegal_char_message(bad.group()), node, path)
            return
        if tag not in _TAG_NAMES:
            raise fail(f"不支持的 YAML 标记 {tag.replace('tag:yaml.org,2002:', '!!')}，请删去标记，直接写值", node, path)
        name = _TAG_NAMES[tag]
        word = value.strip().lower()
        if tag == _BOOL:
            ok = word in _BOOL_WORDS
        elif tag == _NULL:
            ok = word in _NULL_WORDS
        else:
            ok = len(word.replace("_", "")) <= MAX_DIGITS + 3
            if ok:
                try:
                    (loader.construct_yaml_int if tag == _INT else loader.construct_yaml_float)(node)
                except (ValueError, TypeError, OverflowError, IndexError, yaml.YAMLError):
                    ok = False
            elif not node.style and not value.startswith(("!", "'", '"')):
                raise fail(f"数字过长（{len(word)} 位），如是文字请加引号", node, path)
        if not ok:
            raise fail(f"“{value[:20]}”不是有效的{name}，如是文字请加引号", node, path)

    def visit(node: yaml.Node, path: Path, depth: int) -> tuple[int, int, int]:
        key = id(node)
        if key in memo:
            values, chars, height = memo[key]
            if depth + height > MAX_DEPTH:
                raise fail(f"YAML 锚点展开后嵌套超过 {MAX_DEPTH} 层，已拒绝", node, path)
            return memo[key]
        if key in active:
            raise fail("YAML 锚点引用了它自身", node, path)
        if depth > MAX_DEPTH:
            raise fail(f"YAML 嵌套超过 {MAX_DEPTH} 层，已拒绝", node, path)
        values, chars, height = 1, 0, 0
        if isinstance(node, yaml.ScalarNode):
            scalar(node, path)
            chars = len(node.value)
        else:
            want = _SEQ if isinstance(node, yaml.SequenceNode) else _MAP
            if node.tag != want:
                raise fail(f"不支持的 YAML 标记 {node.tag.replace('tag:yaml.org,2002:', '!!')}，请删去标记", node, path)
            active.add(key)
            if isinstance(node, yaml.SequenceNode):
                children = [(child, path + (i,)) for i, child in enumerate(node.value)]
            else:
                children = []
                for k, v in node.value:
                    name = k.value if isinstance(k, yaml.ScalarNode) else "?"
                    children += [(k, path + (name,)), (v, path + (name,))]
            for child, where in children:
                v, c, h = visit(child, where, depth + 1)
                values, chars, height = values + v, chars + c, max(height, h + 1)
                if values > MAX_NODES:
                    raise fail(f"YAML 锚点展开后超过 {MAX_NODES} 个值，已拒绝（可能是恶意构造的文件）", node, path)
                if chars > MAX_CHARS:
                    raise fail(f"YAML 锚点展开后超过 {MAX_CHARS // 10000} 万字，已拒绝（可能是恶意构造的文件）", node, path)
            active.discard(key)
        memo[key] = (values, chars, height)
        return memo[key]

    visit(root, (), 0)


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
    _check_depth(text, file)
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as exc:
            raise _syntax_error(exc, file, text) from None
        if node is None:
            raise DrafterError("文件是空的", file=file)
        _vet(node, loader, file)
        marks = Marks(root=node)
        try:
            data = loader.construct_document(node)
        except (ValueError, TypeError, OverflowError) as exc:  # _vet lets nothing like this through
            raise DrafterError(f"YAML 中有无法读取的值（{type(exc).__name__}）", file=file) from None
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
