"""Section templates: reusable passages an outline pulls in with ``use:`` and ``with:``.

A section is a Jinja2 template in a ``sections/`` folder of the template search path
(a writer's folders, the workspace, then the shipped library). It opens with a header in a
Jinja comment that says what it is for and documents its parameters::

    {#- section
    purpose: 号召学习贯彻会议精神
    kinds: [speech, report]
    params:
      meeting: {doc: 会议名称, example: 全国两会}
      year: {doc: 年份, default: 2024}
    -#}
    # 深刻领悟{{ meeting }}精神，及时准确推动贯彻落实
    学习贯彻{{ meeting }}精神，……
    ## 提高站位抓好学习领会
    ……

The parameters themselves are found in the template (jinja2's ``meta`` module); the header
adds their documentation, defaults and example values, and ``kinds`` the kinds of document
the section is written for (the workbench offers a kind only its own sections; without
``kinds`` a section fits every kind). A section renders to the same
Markdown as the kinds' templates, but without numbers: ``#`` is the point's own title,
``##`` its sub-points (``**领起句。**正文`` for run-in ones), so the numbering follows the
place where the outline uses it.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import numbering, safeyaml
from . import markdown, model, templating, writers
from ..errors import DrafterError
from ..outline.kinds import KindWord
from ..schema import Field, ListOf, Mapping, Record, SchemaError, Text

HEADER = re.compile(r"\A\{#-?\s*section\s*\n(.*?)\n\s*-?#\}\s*\n?", re.S)
PARAM = Record(fields={
    "doc": Field(Text(max_len=200), doc="参数说明"),
    "default": Field(Text(max_len=2000, allow_empty=True), doc="默认值"),
    "example": Field(Text(max_len=2000), doc="示例值"),
})
META = Record(fields={
    "purpose": Field(Text(max_len=200), required=True, doc="一句话说明用途"),
    "kinds": Field(ListOf(KindWord(), max_items=20), default=list, doc="适用的文种，不写则适用于全部文种"),
    "params": Field(Mapping(), default=dict, doc="参数"),
})


@dataclass
class Section:
    name: str
    path: Path
    folder: str  # the template folder it comes from
    purpose: str
    params: dict[str, dict]  # name -> {doc, default, example}; every parameter the template uses
    overrides: list[Path] = field(default_factory=list)  # same-named sections it hides
    kinds: tuple[str, ...] = ()  # the kinds it is written for; empty: every kind

    def fits(self, kind: str) -> bool:
        """Whether the section is written for documents of ``kind``."""
        return not self.kinds or kind in self.kinds

    @property
    def required(self) -> list[str]:
        return [p for p, spec in self.params.items() if spec.get("default") is None]

    def example_values(self) -> dict:
        return {p: spec.get("example") if spec.get("example") is not None else spec.get("default")
                for p, spec in self.params.items()}


_PARSED: dict[tuple, Section] = {}  # (path, its mtime and size, folder, search path) -> Section


def _parse(path: Path, folder: str, search_path: tuple[str, ...]) -> Section:
    """The section in ``path``, read once per process while the file is unchanged (a batch
    uses the same sections again and again)."""
    try:
        st = os.stat(path)
        key = (str(path), st.st_mtime_ns, st.st_size, folder, search_path)
    except OSError:
        key = None  # read_text below says what is wrong with it
    section = _PARSED.get(key) if key is not None else None
    if section is None:
        section = _read(path, folder, search_path)
        if key is not None:
            if len(_PARSED) > 1000:  # a long-running workbench whose sections keep changing
                _PARSED.clear()
            _PARSED[key] = section
    # a copy: find_all adds to a section's overrides
    return Section(section.name, section.path, section.folder, section.purpose, dict(section.params),
                   kinds=section.kinds)


def _read(path: Path, folder: str, search_path: tuple[str, ...]) -> Section:
    from jinja2 import TemplateSyntaxError, meta  # jinja2 loads only when a template is read

    source = safeyaml.read_text(str(path))
    m = HEADER.match(source)
    if not m:
        raise DrafterError("片段模板应以 {#- section … -#} 说明开头（purpose、params）", file=str(path), line=1)
    data, marks = safeyaml.load(m.group(1), str(path))
    if isinstance(data, dict) and isinstance(data.get("kinds"), str):
        data["kinds"] = [data["kinds"]]  # kinds: notice
    try:
        header = META.check(data, ())
        params = {}
        for name, spec in header["params"].items():
            params[name] = PARAM.check(spec if isinstance(spec, dict) else {"doc": spec}, ("params", name))
    except SchemaError as exc:
        raise marks.schema_error(exc, str(path), line_offset=1) from None
    env = templating.environment(search_path)
    try:
        used = meta.find_undeclared_variables(env.parse(source)) - set(env.globals)
    except TemplateSyntaxError as exc:
        raise DrafterError(f"模板语法错误（{exc.message}）", file=str(path), line=exc.lineno) from None
    for name in used:
        params.setdefault(name, {"doc": None, "default": None, "example": None})
    for name in list(params):
        if name not in used:
            raise DrafterError(f"说明中的参数 {name} 在片段正文中没有用到", file=str(path))
    return Section(path.name[: -len(".md.j2")], path, folder, header["purpose"], params,
                   kinds=tuple(dict.fromkeys(header["kinds"])))


_PLAIN = re.compile(r"[^/\\\x00]+")


def _inside(folder: Path, path: Path) -> bool:
    """Whether ``path``, links followed, is a file of ``folder`` itself."""
    return os.path.dirname(os.path.realpath(path)) == os.path.realpath(folder)


def find_all(search_path: tuple[str, ...]) -> dict[str, Section]:
    """Every section on the search path; the first folder that has a name wins.

    A link that leads out of its sections folder is not a section (it is left out, unread).
    """
    found: dict[str, Section] = {}
    for folder in search_path:
        base = Path(folder) / "sections"
        for path in sorted(p for p in base.glob("*.md.j2") if _inside(base, p)):
            name = path.name[: -len(".md.j2")]
            if name in found:
                found[name].overrides.append(path)
            else:
                found[name] = _parse(path, folder, search_path)
    return found


def find(name: str, search_path: tuple[str, ...]) -> Section:
    """The section called ``name``: a plain name, looked up only inside the sections folders.

    A name with a folder in it (``../x``, ``/etc/x``, ``a/b``) or one that leads out of its
    folder through a link is refused with the same words as an unknown name, so the answer
    says nothing about files elsewhere.
    """
    plain = bool(_PLAIN.fullmatch(name)) and not name.startswith(".")
    for folder in search_path if plain else ():
        base = Path(folder) / "sections"
        path = base / f"{name}.md.j2"
        if os.path.lexists(path) and _inside(base, path):
            return _parse(path, folder, search_path)
    names = list(find_all(search_path))
    guess = difflib.get_close_matches(name, names, n=1, cutoff=0.4)
    hint = f"，是不是“{guess[0]}”？" if guess else "。"
    raise DrafterError(f"没有名为“{name}”的片段{hint}用 drafter sections 查看全部片段")


def render(section: Section, values: dict, search_path: tuple[str, ...]) -> str:
    """The section's Markdown for these parameter values (defaults filled in)."""
    context = {p: spec.get("default") for p, spec in section.params.items()}
    context.update(values)
    return templating.render_in(search_path, f"sections/{section.name}.md.j2", context)


def _check_values(section: Section, values: dict) -> tuple[str, str] | None:
    """(parameter, message) for the first missing or unknown parameter, or None."""
    for name in values:
        if name not in section.params:
            guess = difflib.get_close_matches(name, list(section.params), n=1, cutoff=0.5)
            hint = f"是不是 {guess[0]}？" if guess else ""
            known = "、".join(section.params) or "（无）"
            return name, f"片段“{section.name}”没有参数 {name}，{hint}可用参数：{known}"
        value = values[name]
        ok = isinstance(value, (str, int, float)) and not isinstance(value, bool) or (
            isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value))
        if not ok:
            return name, f"片段“{section.name}”的参数 {name} 应为文字、数字或文字列表"
    for name in section.required:
        if name not in values:
            doc = section.params[name].get("doc")
            return name, f"片段“{section.name}”缺少参数 {name}" + (f"（{doc}）" if doc else "")
    return None


# --- Markdown of a section -> outline structure --------------------------------------

def _inline(runs: list[model.Run]) -> str:
    return "".join(f"**{r.text}**" if r.bold and r.text.strip() else r.text for r in runs)


def _node(title: str | None) -> dict:
    return {"title": title, "paragraphs": [], "style": None, "subpoints": [], "use": None, "with": {}}


def to_point(md: str) -> dict:
    """A point (title, paragraphs, sub-points) from a section's Markdown."""
    blocks = markdown.parse(md)
    root = _node(None)
    stack = [(0, root)]  # (level, node): level 0 is the point itself
    for block in blocks:
        if block.kind == model.TITLE:
            root["title"] = block.text
        elif block.kind == model.HEADING:
            while stack[-1][0] >= block.level:
                stack.pop()
            parent = stack[-1][1]
            child = _node(block.text)
            parent["subpoints"].append(child)
            parent["style"] = parent["style"] or (numbering.STYLE_PAREN if block.level == 1 else numbering.STYLE_ARABIC)
            stack.append((block.level, child))
        elif block.kind == model.LEAD:
            parent = stack[-1][1]
            lead = block.runs[0].text.strip().rstrip("。")
            child = _node(lead)
            body = _inline(block.runs[1:]).strip()
            if body:
                child["paragraphs"].append(body)
            parent["subpoints"].append(child)
            parent["style"] = parent["style"] or numbering.STYLE_YISHI
        elif block.kind == model.PAGEBREAK or block.kind == model.TABLE:
            continue
        else:
            node = stack[-1][1]
            target = node["subpoints"][-1] if node["subpoints"] and not node["subpoints"][-1]["subpoints"] \
                and numbering.is_run_in(node["style"]) else node
            target["paragraphs"].append(_inline(block.runs))
    return root


def to_paragraphs(md: str) -> list[str] | None:
    """Paragraphs from a section's Markdown, or None if it has headings (a point, not text)."""
    blocks = markdown.parse(md)
    if any(b.kind in (model.TITLE, model.HEADING, model.LEAD) for b in blocks):
        return None
    return [_inline(b.runs) for b in blocks if b.runs]


# --- expanding an outline --------------------------------------------------------------

PARAGRAPH_FIELDS = ("opening", "closing", "intro", "paragraphs")


def expand(data: dict, search_path: tuple[str, ...], file: str, marks: safeyaml.Marks) -> dict:
    """The outline with every ``use:`` replaced by the section's content."""

    def error(message: str, path: tuple) -> DrafterError:
        return marks.error(file, path, message)

    def content(use: str, values: dict, path: tuple) -> str:
        try:
            section = find(use, search_path)
        except DrafterError as exc:
            raise error(exc.message, path + ("use",)) from None
        problem = _check_values(section, values)
        if problem:
            param, message = problem
            raise error(message, path + ("with", param) if param in values else path + ("with",))
        try:
            return render(section, values, search_path)
        except DrafterError as exc:
            if exc.value_path and exc.value_path[0] in values:  # a value of the outline's with:
                raise templating.value_error(exc, marks, file, path + ("with",) + exc.value_path) from None
            raise

    def paragraphs(items: list, path: tuple) -> list[str]:
        out: list[str] = []
        for i, item in enumerate(items):
            if isinstance(item, dict):
                texts = to_paragraphs(content(item["use"], item["with"], path + (i,)))
                if texts is None:
                    raise error(f"片段“{item['use']}”有标题，只能用在 points 中", path + (i, "use"))
                out.extend(texts)
            else:
                out.append(item)
        return out

    def point(node: dict, path: tuple) -> dict:
        if node.get("use"):
            made = to_point(content(node["use"], node["with"], path))
            if node.get("title"):
                made["title"] = node["title"]
            if node.get("style"):
                made["style"] = node["style"]
            if not made["title"]:
                raise error(f"片段“{node['use']}”没有以 # 开头的标题，不能用作要点", path + ("use",))
            return made
        node = dict(node)
        node["paragraphs"] = paragraphs(node.get("paragraphs", []), path + ("paragraphs",))
        node["subpoints"] = [point(sp, path + ("subpoints", i)) for i, sp in enumerate(node.get("subpoints", []))]
        return node

    out = dict(data)
    for name in PARAGRAPH_FIELDS:
        if isinstance(out.get(name), list):
            out[name] = paragraphs(out[name], (name,))
    if isinstance(out.get("points"), list):
        out["points"] = [point(p, ("points", i)) for i, p in enumerate(out["points"])]
    return out


def uses_sections(data) -> bool:
    if isinstance(data, dict):
        return "use" in data and data["use"] is not None or any(uses_sections(v) for v in data.values())
    if isinstance(data, list):
        return any(uses_sections(v) for v in data)
    return False


def expand_outline(ol, search_path: tuple[str, ...]) -> dict:
    """An outline's data with its sections filled in, validated again as a whole."""
    if not uses_sections(ol.data):
        return ol.data
    data = expand(ol.data, search_path, ol.file, ol.marks)
    try:
        return ol.kind.schema.check(data, ())
    except SchemaError as exc:  # e.g. a section nested too deep for its place
        raise ol.marks.schema_error(exc, ol.file, note="（引用片段之后）") from None


def example_text(section: Section, search_path: tuple[str, ...]) -> str | None:
    """The section rendered with its example values, as plain text (numbers filled in as in a
    document), or None when a parameter has neither an example nor a default."""
    values = section.example_values()
    if any(v is None for v in values.values()):
        return None
    return writers.write(markdown.parse(render(section, values, search_path)), "txt").decode("utf-8")
