"""Outline data -> Markdown, through sandboxed Jinja2 templates.

The environment is sandboxed (a template cannot reach Python internals) and strict (a
variable the outline does not have is an error naming the template and the variable).
Numbering comes from filters, so templates never hold a typed number.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from functools import lru_cache
from pathlib import Path

from .. import numbering
from ..errors import DrafterError
from ..files.fs import cache_dir, decode, prune_cache, read_bounded
from ..safeyaml import XML_ILLEGAL, illegal_char_message
from ..schema import type_name
from ..resources import shipped

_BLOCK_START = re.compile(r"^(#{1,6}(?=\s|$)|:{3,}|[*_-](?:\s*[*_-]){2,}\s*$|[|>])")


def inline(text: object) -> str:
    """One paragraph of outline text as inline Markdown.

    Lines are joined (Chinese needs no space between them), and a start that Markdown
    would read as a block (a heading ``#``, a container ``:::``, a rule ``---``, a table
    ``|``) is escaped, so the writer's words always stay a paragraph. ``**bold**`` stays.
    """
    s = "".join(part.strip() for part in str(text).splitlines())
    if _BLOCK_START.match(s):
        s = "\\" + s
    return s


_END_PUNCT = "。！？；：…”’）"


def sentence(text: object) -> str:
    """Text ending in a full stop: a run-in lead needs one before its body follows."""
    s = inline(text)
    return s if not s or s[-1] in _END_PUNCT else s + "。"


LINE_BREAK = "\u2028"  # a writer's own break in a title, carried through Markdown


def title_lines(text: object) -> str:
    """A title as inline Markdown, the writer's own line breaks kept (as U+2028)."""
    return LINE_BREAK.join(inline(line) for line in str(text).splitlines() if line.strip())


def parenthesised(text: str) -> str:
    """附注 in round brackets, GB/T 9704-2012 7.3.6 (加圆括号); a note already in brackets is kept."""
    s = str(text).strip()
    if s.startswith(("（", "(")) and s.endswith(("）", ")")):
        return "（" + s[1:-1] + "）"
    return f"（{s}）"


def after(text: object, marker: str) -> str:
    """Text that follows ``marker``, without repeating its last character (一要 + 要加强 → 一要加强)."""
    s = str(text).strip()
    if marker and s.startswith(marker[-1]) and marker[-1] in "是要":
        s = s[1:]
    return s


def cndate(value: dt.date) -> str:
    """2024年3月20日: Arabic numerals, as GB/T 9704-2012 7.3.5.4 (成文日期中的数字) sets."""
    return f"{value.year}年{value.month}月{value.day}日"


WEEKDAYS = "一二三四五六日"


def weekday(value: dt.date) -> str:
    """星期二: the day of the week of a date, from the calendar (a meeting's dates carry it)."""
    return "星期" + WEEKDAYS[value.weekday()]


def monthday(value: dt.date) -> str:
    """12月15日: a date within its year, as a meeting's 日程 and 主持词 write it."""
    return f"{value.month}月{value.day}日"


def _marker(index: int, count: int, style: str) -> str:
    try:
        return numbering.marker(index, count, style)
    except ValueError as exc:
        raise DrafterError(str(exc)) from None


FILTERS = {
    "cn": numbering.cn,
    "cn_count": numbering.cn_count,
    "inline": inline,
    "sentence": sentence,
    "after": after,
    "parenthesised": parenthesised,
    "title_lines": title_lines,
    "cndate": cndate,
    "weekday": weekday,
    "monthday": monthday,
}
GLOBALS = {
    "marker": _marker,
    "heading_level": lambda style: numbering.HEADING_LEVEL.get(style, 0),
    "run_in_styles": numbering.RUN_IN_STYLES,
    "renders_run_in": lambda style, subpoints, paragraphs: numbering.renders_run_in(
        style, bool(subpoints), bool(paragraphs)),
}


MAX_TEMPLATE_BYTES = 1024 * 1024
MAX_LOOPS = 1_000_000  # iterations of all {% for %} loops of one render
MAX_CHARS = 5_000_000  # characters one render may produce, and any string or list it builds
MAX_POWER = 10_000  # the largest exponent of **


class TemplateBudget(Exception):
    """A template went over one of the limits above (reported as a template error)."""


# --- outline values that remember where they came from ---------------------------------
# The context a template sees is the outline's data with every text, number, list and mapping
# replaced by a subclass that carries its path in the context. Where a template operation
# fails on such a value (an operator, ``range``, a filter, a missing attribute), the exception
# is marked with it, and the error can name the outline field the writer should change.

class _TracedStr(str):
    pass


class _TracedInt(int):
    pass


class _TracedFloat(float):
    pass


class _TracedList(list):
    pass


class _TracedDict(dict):
    pass


def traced(value, path: tuple = ()):
    """``value`` with every part marked with its path (booleans, dates and None stay as they are)."""
    if isinstance(value, dict):
        out = _TracedDict((k, traced(v, path + (k,))) for k, v in value.items())
    elif isinstance(value, list):
        out = _TracedList(traced(v, path + (i,)) for i, v in enumerate(value))
    elif isinstance(value, str):
        out = _TracedStr(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        out = _TracedInt(value)
    elif isinstance(value, float):
        out = _TracedFloat(value)
    else:
        return value
    out.drafter_path = path
    return out


def _blame(exc: BaseException, *values) -> BaseException:
    """Mark ``exc`` with the first traced value among ``values`` (the first one marked wins)."""
    if getattr(exc, "drafter_path", None) is None:
        for value in values:
            path = getattr(value, "drafter_path", None)
            if path is not None:
                exc.drafter_path = path
                break
    return exc


def _blaming(name: str, function):
    """A filter or global that marks its exception with the traced argument it was given, and
    says in words which value it could not take (Python's own message names its types)."""
    @functools.wraps(function)
    def call(*args, **kwargs):
        values = args[1:] if getattr(function, "jinja_pass_arg", None) else args
        try:
            return function(*args, **kwargs)
        except (TypeError, AttributeError, ValueError) as exc:
            if values:
                exc = TypeError(f"{name} 不能用于{type_name(values[0])}")
            raise _blame(exc, *values, *kwargs.values()) from None
        except Exception as exc:  # noqa: BLE001 - marked and raised again, unchanged
            raise _blame(exc, *values, *kwargs.values())

    return call


class _Budget:
    """What the render under way has spent; reset by render_in."""

    loops = 0


_budget = _Budget()


def _counted(iterable):
    """Every {% for %} iterates through this: the loop-iteration budget of one render."""
    for item in iterable:
        _budget.loops += 1
        if _budget.loops > MAX_LOOPS:
            raise TemplateBudget(f"循环次数超过 {MAX_LOOPS} 次")
        yield item


def _budget_range(*args):
    r = range(*args)
    if len(r) > MAX_LOOPS:
        raise _blame(TemplateBudget(f"range 的范围超过 {MAX_LOOPS}"), *args)
    return r


def _size(value) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


def _sandbox_classes():
    # jinja2 loads only when a template is rendered: commands that render nothing start faster.
    from jinja2 import FileSystemLoader, nodes
    from jinja2.exceptions import TemplateNotFound
    from jinja2.loaders import split_template_path
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BoundedLoader(FileSystemLoader):
        """Templates read like every other input: bounded, regular files only, no XML-illegal
        characters; a section resolves inside its folder (a link out of it is as if missing)."""

        def get_source(self, environment, template):
            pieces = split_template_path(template)
            for searchpath in self.searchpath:
                filename = os.path.join(searchpath, *pieces)
                if not os.path.lexists(filename):
                    continue
                if pieces[0] == "sections":
                    base = os.path.realpath(os.path.join(searchpath, "sections"))
                    if not os.path.realpath(filename).startswith(base + os.sep):
                        continue
                text = decode(read_bounded(filename, MAX_TEMPLATE_BYTES), filename)
                bad = XML_ILLEGAL.search(text)
                if bad:
                    raise DrafterError(illegal_char_message(bad.group()), file=filename,
                                       line=text.count("\n", 0, bad.start()) + 1)
                mtime = os.path.getmtime(filename)

                def uptodate(filename=filename, mtime=mtime) -> bool:
                    try:
                        return os.path.getmtime(filename) == mtime
                    except OSError:
                        return False

                return text, os.path.normpath(filename), uptodate
            raise TemplateNotFound(template)

    class BudgetEnvironment(ImmutableSandboxedEnvironment):
        """The sandbox with a budget: ``*``, ``+`` and ``**`` checked before they build something
        huge, every loop counted, ``range`` capped (render_in caps the characters produced)."""

        # Every arithmetic operator passes here: the three that can build something huge are
        # checked, and an operator that fails is marked with the outline value it was given.
        intercepted_binops = frozenset({"*", "+", "**", "-", "/", "//", "%"})

        def call_binop(self, context, operator, left, right):
            try:
                if operator == "*":
                    for seq, n in ((left, right), (right, left)):
                        if _size(seq) is not None and isinstance(n, int) and _size(seq) * n > MAX_CHARS:
                            raise TemplateBudget(f"“*”将生成超过 {MAX_CHARS} 个字符或元素")
                elif operator == "+":
                    if _size(left) is not None and _size(right) is not None and _size(left) + _size(right) > MAX_CHARS:
                        raise TemplateBudget(f"“+”将生成超过 {MAX_CHARS} 个字符或元素")
                elif operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_POWER:
                    raise TemplateBudget(f"“**”的指数超过 {MAX_POWER}")
                return super().call_binop(context, operator, left, right)
            except TypeError:
                # Text where a number was meant (三 for 3) is the likelier slip: blame the text first.
                suspects = sorted((left, right), key=lambda v: not isinstance(v, str))
                raise _blame(TypeError(f"“{operator}”不能用于{type_name(left)}和{type_name(right)}"),
                             *suspects) from None
            except Exception as exc:  # noqa: BLE001 - marked and raised again, unchanged
                raise _blame(exc, left, right)

        def _parse(self, source, name, filename):
            tree = super()._parse(source, name, filename)
            for loop in tree.find_all(nodes.For):
                loop.iter = nodes.Call(nodes.Name("_drafter_counted", "load"), [loop.iter], [], None, None,
                                       lineno=loop.lineno)
            return tree

    return BoundedLoader, BudgetEnvironment


def _HealingBytecodeCache(base):
    """Jinja's file cache, but a damaged entry (truncated, overwritten) is compiled anew instead
    of being unmarshalled into garbage: a cache is never trusted to be whole."""

    class HealingBytecodeCache(base):
        def load_bytecode(self, bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # noqa: BLE001 - any damage means: compile again
                bucket.reset()

    return HealingBytecodeCache


@lru_cache(maxsize=64)
def environment(search_path: tuple[str, ...]):
    # jinja2 loads only when a template is rendered: commands that render nothing start faster.
    from jinja2 import FileSystemBytecodeCache, StrictUndefined

    FileSystemLoader, ImmutableSandboxedEnvironment = _sandbox_classes()

    folder = cache_dir() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    prune_cache(folder, (".cache",))
    # Compiled templates, keyed by their source; without a writable cache, Jinja compiles anew.
    # The pattern names the budget's code transformation (the loops counted, the operators
    # intercepted): bytecode compiled without this one is never reused.
    bytecode = _HealingBytecodeCache(FileSystemBytecodeCache)(str(folder), "__drafter_budget2_%s.cache") \
        if os.access(folder, os.W_OK) else None
    class TracedUndefined(StrictUndefined):
        """A missing attribute of an outline value is marked with that value (see ``traced``)."""

        __slots__ = ()

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            error, obj = self._undefined_exception, self._undefined_obj
            self._undefined_exception = lambda message: _blame(error(message), obj)

    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(list(search_path)),
        undefined=TracedUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode,
    )
    env.filters.update(FILTERS)
    env.filters.update({name: _blaming(name, f) for name, f in env.filters.items()})
    env.globals.update({name: _blaming(name, f) if callable(f) else f for name, f in GLOBALS.items()})
    env.globals.update(range=_budget_range, _drafter_counted=_counted)
    return env


def search_path(extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """User template folders first, so a writer's template overrides the shipped one."""
    return tuple(str(Path(p)) for p in extra) + (str(shipped("templates")),)


def _template_line(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line an exception was raised at, from Jinja's rewritten traceback."""
    where: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            where = (name, tb.tb_lineno)
        tb = tb.tb_next
    return where


def _undefined_name(message: str) -> str:
    m = re.search(r"has no attribute '([^']+)'", message) or re.search(r"'([^']+)' is undefined", message)
    return m.group(1) if m else message


def render(template: str, context: dict, extra_dirs: tuple[str, ...] = ()) -> str:
    """Render ``template`` with ``context``, the writer's folders before the shipped ones."""
    return render_in(search_path(extra_dirs), template, context)


def kind_search(kind, extra_dirs: tuple[str, ...] = ()) -> tuple[tuple[str, ...], str]:
    """The search path and template name that render ``kind`` (``drafter.outline.kinds.Kind``).

    A writer's template folder holding ``<id>.md.j2`` replaces the kind's template (as before
    kinds were folders); otherwise the kind's own template, its folder searched first (so a
    kind may bring its own partials), then the writer's folders and the shipped ones."""
    own = f"{kind.name}.md.j2"
    for folder in extra_dirs:
        if os.path.lexists(os.path.join(folder, own)):
            return search_path(extra_dirs), own
    return (str(kind.folder),) + search_path(extra_dirs), kind.template


def render_kind(kind, context: dict, extra_dirs: tuple[str, ...] = ()) -> str:
    """Render the template of ``kind`` with ``context`` (``kind_search``)."""
    path, name = kind_search(kind, extra_dirs)
    return render_in(path, name, context)


def render_in(path: tuple[str, ...], template: str, context: dict) -> str:
    """Render ``template`` found on the search ``path``; every failure becomes a DrafterError.

    Where the failure came from one of the context's values, the error's ``value_path`` is
    that value's path in ``context`` (the caller knows which outline field that is)."""
    env = environment(path)
    _budget.loops = 0
    try:
        out, size, lines = [], 0, 0
        compiled = env.get_template(template)
        for piece in compiled.generate(**traced(context)):
            size += len(piece)
            if size > MAX_CHARS:
                raise TemplateBudget(f"生成的文字超过 {MAX_CHARS} 字")
            bad = XML_ILLEGAL.search(piece)
            if bad:
                line = lines + piece.count("\n", 0, bad.start()) + 1
                raise DrafterError(_illegal_output(bad.group(), line), file=compiled.filename or template)
            lines += piece.count("\n")
            out.append(piece)
        return "".join(out)
    except Exception as exc:  # noqa: BLE001 - each kind below, or raised as is
        error = _template_error(exc, template)
        if error is None:
            raise
        error.value_path = getattr(exc, "drafter_path", None)
        raise error from None


def _illegal_output(ch: str, line: int) -> str:
    """A character the template produced (a string escape such as "\\x01" or "\\ud800") that no
    document can hold. (Outline values and the template's own text are refused when read.)"""
    what = "不成对的代理码位" if "\ud800" <= ch <= "\udfff" else "控制字符"
    return (f"模板生成的文字（第 {line} 行）含有不能写入文档的{what} U+{ord(ch):04X}，"
            "请检查模板里字符串中的转义写法（如 \\x01、\\ud800）")


def value_error(exc: DrafterError, marks, file: str, path: tuple) -> DrafterError:
    """A template error that an outline value caused, told at that value in the outline
    (``marks``, ``file``, the value's ``path`` there), the template's place kept in the text."""
    where = (exc.file or "") + (f":{exc.line}" if exc.line else "")
    return marks.error(file, path, f"{exc.message}；起因是大纲中的这个值（模板 {where}）")


def _template_error(exc: BaseException, template: str) -> DrafterError | None:
    """What the writer is told about ``exc``, raised rendering ``template`` (None: a bug of ours)."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError  # loaded with the environment
    from jinja2.exceptions import SecurityError

    file, line = _template_line(exc)
    file = file or template
    if isinstance(exc, TemplateBudget):
        return DrafterError(f"模板超出运算限额：{exc}，已停止", file=file, line=line)
    if isinstance(exc, MemoryError):
        return DrafterError("模板占用内存过多，已停止", file=template)
    if isinstance(exc, RecursionError):
        return DrafterError("模板递归过深", file=template)
    if isinstance(exc, TemplateNotFound):
        return DrafterError(f"找不到模板 {exc.name}")
    if isinstance(exc, TemplateSyntaxError):
        return DrafterError(f"模板语法错误（{exc.message}）", file=exc.filename or template, line=exc.lineno)
    if isinstance(exc, UndefinedError):
        return DrafterError(f"模板用到的变量 {_undefined_name(exc.message or '')} 在大纲中没有",
                            file=file, line=line)
    if isinstance(exc, SecurityError):
        return DrafterError("模板试图访问沙箱之外的内容，已拒绝", file=file, line=line)
    if isinstance(exc, DrafterError):
        exc.file, exc.line = exc.file or file, exc.line or line
        return exc
    if isinstance(exc, (TypeError, ValueError, ArithmeticError, LookupError, AttributeError)):
        return DrafterError(f"模板出错（{exc}）", file=file, line=line)
    return None
