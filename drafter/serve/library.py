"""The one door from the workbench into drafter's library.

Every call the web app makes into drafter goes through this module, so that a change in the
library's layout (modules moved into packages) needs changes here only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .. import numbering, outline, safeyaml, tasks, workspace
from ..check import for_file, ignore_list, known_ids, load_glossary, read_draft, run_rules, with_against
from ..check.against import old_document
from ..check.meeting import cross_check, find_meeting_file
from ..check.people import workspace_register
from ..check.edits import fixable
from ..check.report import LABELS, describe_entry
from ..documents import DRAFT_EXTENSIONS
from ..errors import DrafterError
from ..files.fs import atomic_write, decode
from ..outline.kinds import registry
from ..outline.builtins import point_spec
from ..outline.meeting import SET as MEETING_SET
from ..render import (context as render_context, layout, markdown, model, pagination, preview, sections,
                      speaking, templating, titles, writers)
from ..schema import Boolean, Choice, Date, Integer, ListOf, Paragraphs, Record, SchemaError, Text, TextList

__all__ = ["DrafterError", "atomic_write", "MAX_YAML_BYTES", "Resources", "resources", "starter_text",
           "kind_names", "resolve_kind", "kind_form", "parse_outline", "check_safe", "render_blocks", "docx_bytes",
           "to_pdf", "pdf_pages", "have_soffice", "findings_for", "glossary_lookup", "section_list",
           "decode_text", "kind_of", "speaking_line", "layout", "model", "title_lines", "outline_facts",
           "style_choices", "old_document", "DRAFT_EXTENSIONS", "is_meeting", "set_folder_of",
           "render_meeting_set", "set_findings"]

MAX_YAML_BYTES = safeyaml.MAX_BYTES


@dataclass
class Resources:
    """The folder served, its workspace settings, and the template and glossary folders to use."""

    root: Path
    config: dict
    template_dirs: tuple[str, ...]
    glossary_dirs: tuple[str, ...]
    ignore: list = field(default_factory=list)  # the workspace's ignore list, checked
    workspace_root: Path | None = None  # the workspace's own folder (its people.yaml), when there is one
    _glossary: object = None

    @property
    def search_path(self) -> tuple[str, ...]:
        return templating.search_path(self.template_dirs)

    def glossary(self):
        if self._glossary is None:
            self._glossary = load_glossary(self.glossary_dirs)
        return self._glossary

    def in_workspace(self, rel: str) -> str | None:
        """A document's path (relative to the folder served) relative to the workspace's folder,
        as an ignore entry's ``file`` names it."""
        if self.workspace_root is None:
            return None
        here, root = (self.root / rel).resolve(), Path(self.workspace_root).resolve()
        return here.relative_to(root).as_posix() if here.is_relative_to(root) else None

    def ignored(self) -> list[dict]:
        """The workspace's ignore list as the workbench shows it: each entry, and what it means."""
        out = []
        for entry in self.ignore:
            if isinstance(entry, str):
                label = "全部文稿不查" + ("任何规则" if entry == "*" else f"规则 {entry}")
            else:
                entry = {k: v for k, v in entry.items() if v is not None}
                rule = entry.get("rule") or "任何规则"
                where = f"仅在 {entry['file']} 中" if entry.get("file") else "全部文稿中"
                label = f"{where}接受“{entry['text']}”（{rule}）"
            out.append({"entry": entry, "label": label})
        return out

    def edit_ignore(self, add=None, remove=None) -> list[dict]:
        """Add or remove an ignore entry in the workspace's drafter.yaml, then use the list as
        re-read from the file."""
        if self.workspace_root is None:
            raise DrafterError("工作台打开的目录不在工作区中（没有 drafter.yaml），无法记录忽略；"
                               "请先用 drafter init 建立工作区")
        if add is not None:
            rule = add if isinstance(add, str) else add.get("rule")
            if rule and rule != "*" and rule not in known_ids():
                raise DrafterError(f"没有规则“{rule}”")
        ws = workspace.edit_ignore(Path(self.workspace_root), add=add, remove=remove)
        self.ignore = ignore_list(ws)
        self.config["ignore"] = ws.config.get("ignore")
        return self.ignored()

    def people(self):
        """The workspace's people register, read afresh (an office edits it beside the workbench)."""
        return workspace_register(self.workspace_root)


def resources(folder: str | None) -> Resources:
    """The folder to serve and the workspace settings, sections and glossary that apply there
    (``workspace.resources``, as every command finds them).

    Without a folder: the workspace around the current directory, else the current directory.
    """
    if folder is None:
        ws = workspace.find()
        root = ws.root.resolve() if ws else Path.cwd().resolve()
    else:
        root = Path(folder).resolve()
        if not root.is_dir():
            raise DrafterError("不是一个目录", file=folder)
    found = workspace.resources(start=root)
    config = found.workspace.config if found.workspace else {"rate": None, "region": None}
    return Resources(root, config, found.template_dirs, found.glossary_dirs, ignore_list(found.workspace),
                     found.workspace.root if found.workspace else None)


def starter_text(kind: str, root: Path | None = None) -> str:
    """The commented starter outline ``drafter new KIND`` writes (the kinds of ``root``)."""
    kinds = registry(root)
    if kind not in kinds.kinds:
        raise DrafterError(f"未知文种 {kind}，应为以下之一：{kinds.names()}")
    return tasks.starter(kind, root)


def resolve_kind(word, root: Path | None = None) -> str:
    """The id of the kind ``word`` names (its id, Chinese name or an alias) among the kinds of
    ``root``; DrafterError listing them if none."""
    kinds = registry(root)
    try:
        return kinds.get(word).name
    except SchemaError:
        raise DrafterError(f"请选择文种：{kinds.names()}") from None


def kind_of(data: dict, file: str, root: Path | None = None) -> str:
    """The kind an outline's data names (its id, Chinese name or an alias)."""
    try:
        return registry(root).choice.check(data.get("kind"), ("kind",))
    except SchemaError as exc:
        raise DrafterError(exc.message, file=file, field="kind") from None


def speaking_line(ol, blocks: list, rate: int | None) -> str | None:
    """Length and speaking time of a kind read aloud, as ``drafter render`` reports it."""
    if not ol.kind.spoken:
        return None
    return speaking.report(speaking.count_blocks(blocks), rate, ol.data.get("limit"))


def title_lines(text: str, subtitle: bool = False) -> list[str]:
    """A title's (or subtitle's) lines, broken as the .docx writer breaks them (the same
    function, ``titles.break_lines``, at the same width)."""
    L = layout.DEFAULT
    return titles.break_lines(text, pagination.body_width(L) if subtitle else pagination.title_width(L))


_LISTED_KEYS = ("kind", "title", "date")


def outline_facts(head: str, file: str, root: Path | None = None) -> dict | None:
    """What the outline list shows of an outline, from the first part of its text: its kind
    (canonical: 讲话稿 and "speech" are speech), title (a list of lines joined) and date;
    None when it names no kind. Only the top-level ``kind``, ``title`` and ``date`` entries
    are read, with drafter's own YAML loader, so quotes and lists mean what they mean."""
    lines = head.splitlines()
    keep, on = [], False
    for line in lines:
        top = re.match(r"^([A-Za-z_]+)\s*:", line)
        if top:
            on = top.group(1) in _LISTED_KEYS
        elif line and not line[0].isspace() and not line.startswith(("-", "#")):
            on = False
        if on:
            keep.append(line)
    try:
        data = safeyaml.load("\n".join(keep), file)[0] if keep else None
    except DrafterError:
        return None
    if not isinstance(data, dict) or data.get("kind") in (None, ""):
        return None
    try:
        kind = registry(root).choice.check(data["kind"], ("kind",))
    except SchemaError:
        kind = str(data["kind"])
    title = data.get("title")
    if isinstance(title, list):
        title = "".join(str(t) for t in title)
    date = data.get("date")
    return {"kind": kind, "title": "".join(str(title).split("\n")) if title is not None else "",
            "date": date.isoformat() if hasattr(date, "isoformat") else (str(date) if date else "")}


def style_choices() -> list[dict]:
    """The sub-point styles with their labels (the markers they make: 1. 2. 3.)."""
    out = []
    for style in numbering.STYLES:
        if style == numbering.STYLE_SHOUXIAN:
            shown = "首先 其次 再次 最后"
        else:
            shown = " ".join(numbering.label(style, n) for n in (1, 2, 3)) + " …"
        out.append({"value": style, "label": shown})
    return out


def kind_names(root: Path | None = None) -> list[dict]:
    return [{"name": k.name, "label": k.label, "description": k.description, "aliases": list(k.aliases)}
            for k in registry(root).kinds.values()]


def decode_text(data: bytes, file: str) -> str:
    return decode(data, file)


# --- the outline schema as a form -------------------------------------------------------

def _widget(spec) -> dict:
    if isinstance(spec, Paragraphs):
        return {"type": "paragraphs"}
    if isinstance(spec, TextList):
        return {"type": "lines"}
    if isinstance(spec, Boolean):
        return {"type": "boolean"}
    if isinstance(spec, Integer):
        return {"type": "integer", "min": spec.minimum, "max": spec.maximum}
    if isinstance(spec, Date):
        return {"type": "date"}
    if isinstance(spec, Choice):
        return {"type": "choice", "choices": list(spec.choices)}
    if isinstance(spec, Record):
        return {"type": "record", "fields": _fields(spec)}
    if isinstance(spec, ListOf) and isinstance(spec.item, Record) and "subpoints" in spec.item.fields:
        return {"type": "points", "max": spec.max_items}
    if isinstance(spec, ListOf) and isinstance(spec.item, Record):
        return {"type": "records", "fields": _fields(spec.item), "max": spec.max_items}
    if isinstance(spec, ListOf) and isinstance(spec.item, Text):
        return {"type": "lines"}
    if isinstance(spec, ListOf) and isinstance(spec.item, Date):  # a meeting's days: one date a line
        return {"type": "lines", "item": "date", "max": spec.max_items}
    if isinstance(spec, ListOf) and isinstance(spec.item, Integer):  # a sitting's items: one number a line
        return {"type": "lines", "item": "integer", "min": spec.item.minimum, "max_value": spec.item.maximum}
    if isinstance(spec, ListOf):
        return {"type": "unsupported"}
    if isinstance(spec, Text):
        return {"type": "text", "max": spec.max_len}
    return {"type": "unsupported"}


def _fields(record: Record) -> list[dict]:
    out = []
    for name, field in record.fields.items():
        widget = {"name": name, "doc": field.doc, "required": field.required, **_widget(field.spec)}
        if isinstance(field.default, (str, int, bool)) and not callable(field.default):
            widget["default"] = field.default
        if isinstance(field.spec, Text) and field.spec.allow_empty:
            widget["allow_empty"] = True  # "" means: none at all (no salutation), not the default
        out.append(widget)
    return out


def kind_form(kind: str, root: Path | None = None) -> dict:
    """The fields of a kind's outline, in schema order, each with the widget that edits it."""
    k = registry(root).kinds[kind]
    point = point_spec(1)
    return {"kind": k.name, "label": k.label, "fields": _fields(k.schema),
            "point": _fields(point), "styles": list(point.fields["style"].spec.choices),
            "style_labels": style_choices(), "style_aliases": dict(point.fields["style"].spec.aliases),
            "max_depth": 4}


# --- validating, rendering, checking -----------------------------------------------------

def parse_outline(text: str, file: str, search_path: tuple[str, ...], root: Path | None = None):
    """The validated outline with its sections filled in; DrafterError names the field."""
    ol = outline.parse(text, file, registry(root))
    try:
        ol.data = sections.expand_outline(ol, search_path)
    except DrafterError as exc:
        exc.located(file)
        raise
    return ol


def check_safe(text: str, file: str) -> None:
    """Refuse YAML that drafter's own loader refuses (size, alias bombs, syntax)."""
    safeyaml.load(text, file)


def render_blocks(ol, template_dirs: tuple[str, ...], unit: dict | None = None) -> list:
    """The document model of a validated outline, as ``drafter render`` builds it; ``unit`` is
    the served workspace's unit profile (its level gives the template's ``body``)."""
    return markdown.parse(templating.render_kind(ol.kind, render_context(ol, unit or {}), template_dirs))


def docx_bytes(blocks: list, title: str) -> bytes:
    return writers.write(blocks, "docx", title=title)


def have_soffice() -> bool:
    return preview.soffice() is not None and shutil.which("pdftoppm") is not None


def to_pdf(docx_data: bytes, stem: str) -> bytes:
    """The PDF LibreOffice makes of these .docx bytes (its own profile folder each time)."""
    with tempfile.TemporaryDirectory(prefix="drafter-serve-") as folder:
        path = os.path.join(folder, f"{stem}.docx")
        Path(path).write_bytes(docx_data)
        pdf = preview.to_pdf(path, folder)
        return Path(pdf).read_bytes()


def pdf_pages(pdf_data: bytes, dpi: int = 50) -> list[bytes]:
    """PNG images of every page of a PDF (pdftoppm)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise DrafterError("未找到 pdftoppm（poppler-utils），无法生成页面图片")
    with tempfile.TemporaryDirectory(prefix="drafter-serve-") as folder:
        pdf = os.path.join(folder, "doc.pdf")
        Path(pdf).write_bytes(pdf_data)
        subprocess.run([exe, "-png", "-r", str(dpi), pdf, os.path.join(folder, "page")],
                       check=True, capture_output=True, timeout=120)
        names = sorted((p for p in Path(folder).glob("page-*.png")), key=lambda p: int(p.stem.split("-")[-1]))
        return [p.read_bytes() for p in names]


def findings_for(text: str, name: str, res: Resources, against: Path | None = None,
                 notes: list | None = None) -> list[dict]:
    """What ``drafter check`` finds in this outline text, each with its field and whether its
    fix is safe to apply (the same fixes ``drafter check --fix`` makes); with ``against`` (an
    old document in the folder served), what ``drafter check --against`` adds, and in ``notes``
    what it could not compare."""
    old = old_document(str(against), res.template_dirs) if against is not None else None
    with tempfile.TemporaryDirectory(prefix="drafter-serve-") as folder:
        path = os.path.join(folder, os.path.basename(name) or "outline.yaml")
        Path(path).write_text(text, encoding="utf-8")
        draft = read_draft(path, res.template_dirs)
        draft.region = draft.region or res.config.get("region")
        ignore = for_file(res.ignore, res.in_workspace(name))
        found = run_rules(draft, res.glossary(), ignore, res.people())
        found = with_against(draft, found, old, ignore, notes)
        safe = set(id(f) for f in fixable(found))  # the rules' own FIXABLE, as --fix applies them
    out = []
    for f in found:
        d = f.as_dict()
        d["file"] = name
        if "against" in d:
            d["against"]["file"] = Path(d["against"]["file"]).relative_to(res.root).as_posix() \
                if Path(d["against"]["file"]).is_relative_to(res.root) else os.path.basename(d["against"]["file"])
        d["fixable"] = id(f) in safe and f.suggestion != ""  # an outline item of residue is deleted by hand, as in --fix
        d["severity_label"] = LABELS[f.severity]
        out.append(d)
    return out


def glossary_lookup(res: Resources, query: str, limit: int = 20) -> list[dict]:
    """Glossary entries for a term, an outdated form or a wrong spelling; else entries that contain it."""
    g = res.glossary()
    query = query.strip()
    if not query:
        return []
    exact = g.find(query)
    found = [exact] if exact else []
    for entry in sorted(g.entries.values(), key=lambda e: e.term):
        if entry in found:
            continue
        d = entry.data
        words = [entry.term, *d["variants"], *(o["form"] for o in d["outdated"]), *d["items"]]
        if any(query in w for w in words):
            found.append(entry)
        if len(found) >= limit:
            break
    return [{"term": e.term, "text": describe_entry(e)} for e in found]


def section_list(res: Resources, kind: str | None = None) -> list[dict]:
    """Every section on the search path (those written for ``kind``, when given: the header's
    ``kinds``), its purpose and parameters, and whether it makes a point (it has a # title) or
    paragraphs."""
    out = []
    for s in sections.find_all(res.search_path).values():
        if kind is not None and not s.fits(kind):
            continue
        try:
            values = {p: (v if v is not None else "示例") for p, v in s.example_values().items()}
            md = sections.render(s, values, res.search_path)
            place = "paragraphs" if sections.to_paragraphs(md) is not None else "point"
        except Exception:  # a broken workspace section: still listed, used as a point
            place = "point"
        out.append({"name": s.name, "purpose": s.purpose, "place": place, "kinds": list(s.kinds),
                    "params": [{"name": p, "doc": spec.get("doc") or "", "default": spec.get("default"),
                                "example": spec.get("example"), "required": spec.get("default") is None}
                               for p, spec in s.params.items()]})
    return out


# --- a meeting file and its set ----------------------------------------------------------

def is_meeting(ol) -> bool:
    """Whether a validated outline is a meeting file (its kind renders a set)."""
    return ol.kind.set == MEETING_SET


def set_folder_of(path: Path) -> Path:
    """The folder a meeting file's set goes to in the workbench: beside it, named after it
    (``drafter render 会议.yaml -o 会议/``)."""
    return path.with_suffix("") if path.suffix else path.with_name(path.name + "-材料")


def render_meeting_set(path: Path, res: Resources) -> list[str]:
    """``drafter render 会议.yaml -o <stem>/``: the whole set into the folder beside the meeting
    file; a document edited since it was written is not overwritten (DrafterError names it).
    The files written, relative to the folder served."""
    folder = set_folder_of(path)
    outcomes = tasks.render_set(str(path), str(folder), "docx", res.template_dirs)
    written = [folder / path.name]
    for o in outcomes:
        written += [Path(o.outline), Path(o.out)] if Path(o.outline).parent == folder else [Path(o.out)]
    return sorted({p.resolve().relative_to(res.root).as_posix() for p in written if p.exists()})


def set_findings(folder: Path, res: Resources, only: Path | None = None) -> list[dict]:
    """The set's cross-check (``drafter check 目录/``) of ``folder`` as the findings panel shows
    them, each naming its document (relative to the folder served); with ``only``, those that
    concern that document."""
    if not folder.is_dir() or find_meeting_file(str(folder)) is None:
        return []
    out = []
    for f in cross_check(str(folder), res.template_dirs):
        file = Path(f.file).resolve()
        if only is not None and file != only.resolve():
            continue
        d = f.as_dict()
        d["file"] = file.relative_to(res.root).as_posix() if file.is_relative_to(res.root) else file.name
        d["fixable"] = False
        d["severity_label"] = LABELS[f.severity]
        d["set"] = True
        out.append(d)
    return out
