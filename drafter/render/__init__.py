"""The render pipeline: outline file -> sections expanded -> Markdown -> blocks -> bytes of a format.

    outline.load -> sections.expand_outline -> templating -> markdown.parse -> writers.write

Proofreading what was rendered is the checker's business (``drafter.check.check_rendered``);
``drafter.tasks`` puts the two together for the CLI and the workbench.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from .. import levels, outline, unit as units, workspace
from ..outline import kinds, meeting
from ..files import guard, outputs
from ..errors import DrafterError
from . import layout, markdown, sections, speaking, templating, writers


def load(path: str, template_dirs: tuple[str, ...] = ()) -> outline.Outline:
    """The outline at ``path``, validated, with its sections filled in: what every stage after
    this one reads."""
    ol = outline.load(path)
    try:
        ol.data = sections.expand_outline(ol, templating.search_path(template_dirs))
    except DrafterError as exc:
        raise exc.located(ol.file)
    return ol


def to_markdown(ol: outline.Outline, template_dirs: tuple[str, ...] = (), profile: dict | None = None) -> str:
    """An expanded outline (``load``) as the Markdown of its kind's template (``context``)."""
    try:
        return templating.render_kind(ol.kind, context(ol, profile), template_dirs)
    except DrafterError as exc:
        written = _written(ol.source, exc.value_path or ())
        if exc.value_path and written is not _ABSENT and written == _written(ol.data, exc.value_path):
            raise templating.value_error(exc, ol.marks, ol.file, exc.value_path) from None
        raise exc.located(ol.file)


_ABSENT = object()


def context(ol: outline.Outline, profile: dict | None = None) -> dict:
    """What a kind's template sees: the outline's fields, ``layout`` (the kind's layout parts,
    each true or false), ``body`` (the names of the unit's level, ``levels.body_for``;
    kinds/README.md), and for a meeting file ``documents``, the set's documents (file, label,
    title) in order. ``profile`` is the unit profile, by default the outline's workspace's."""
    parts = {name: ol.kind.has(name) for name in kinds.LAYOUT_PARTS}
    profile = unit_profile(ol.file) if profile is None else profile
    extra = {}
    if ol.kind.set == meeting.SET:  # a meeting file renders as the list of its documents
        extra["documents"] = [{"file": doc.stem, "label": doc.label, "title": doc.title}
                              for doc in meeting.documents(ol.data)]
    return {**ol.data, **extra, "layout": parts, "body": levels.body_for(profile)}


def _written(data, path: tuple):
    """The value at ``path`` in ``data``, or a marker that matches nothing: a template error is
    put on an outline field only if the template saw the value the writer wrote there (not one
    a section or the unit profile filled in)."""
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return _ABSENT
    return data


@dataclass
class Rendered:
    outline: outline.Outline
    blocks: list
    data: bytes

    def speaking(self, rate: int | None = None) -> tuple[str, bool] | None:
        """For a speech or a report: its length and speaking time, and whether it runs over
        the outline's ``limit``; None for kinds that are not read aloud."""
        if not self.outline.kind.spoken:
            return None
        chars, limit = speaking.count_blocks(self.blocks), self.outline.data.get("limit")
        return speaking.report(chars, rate, limit), speaking.over_limit(chars, rate, limit)


def unit_profile(path: str) -> dict:
    """The unit profile (``drafter.unit``) of the workspace holding the outline ``path``, else
    of the one around the current directory; empty without a workspace."""
    ws = workspace.find(os.path.dirname(os.path.abspath(path))) or workspace.find()
    return (ws.config.get("unit") or {}) if ws else {}


def render(path: str, fmt: str = "docx", template_dirs: tuple[str, ...] = (),
           unit: dict | None = None) -> Rendered:
    """Render the outline at ``path``: its blocks and the bytes of the document.

    ``unit`` is the office's profile (masthead, 机关代字, 印发机关, fonts, colours, margins);
    by default, that of the workspace the outline is in."""
    profile = unit_profile(path) if unit is None else unit
    ol = load(path, template_dirs)
    ol.data = units.apply_to_outline(ol.kind.layout, ol.data, profile, ol.file)
    blocks = markdown.parse(to_markdown(ol, template_dirs, profile))
    data = writers.write(blocks, fmt, title=ol.data.get("title", "").replace("\n", ""),
                         layout=layout.resolve(profile) if profile else None, properties=properties(ol))
    return Rendered(ol, blocks, data)


KIND_PROPERTY = "drafter-kind"
FIELDS_PROPERTY = "drafter-fields"


def properties(ol: outline.Outline) -> dict:
    """What a .docx keeps of its outline besides the text, as invisible document properties,
    for ``drafter import`` to restore: the kind, and the outline's one-value fields (speaker,
    meeting, theme, limit …: some are printed nowhere, others print the same from two
    outlines, 同志们 or 同志们：) with the number of closing paragraphs (set like body text,
    they cannot be told from the last point's). The text stays the authority: import takes a
    field from here only where the document's text does not decide it."""
    fields = {key: value.isoformat() if hasattr(value, "isoformat") else value
              for key, value in ol.data.items()
              if isinstance(value, (str, int, float, bool)) or hasattr(value, "isoformat")}
    fields["closing"] = len(ol.data.get("closing") or [])
    return {KIND_PROPERTY: ol.kind.name, FIELDS_PROPERTY: json.dumps(fields, ensure_ascii=False)}


def render_outline(path: str, fmt: str = "docx", template_dirs: tuple[str, ...] = ()) -> bytes:
    """Render the outline at ``path`` and return the bytes of the document."""
    return render(path, fmt, template_dirs).data


def output_path(path: str, fmt: str, out_dir: str | None = None) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    folder = out_dir if out_dir is not None else os.path.dirname(path)
    return os.path.join(folder, stem + writers.FORMATS[fmt])



def render_file(path: str, out: str, fmt: str = "docx", template_dirs: tuple[str, ...] = (),
                force: bool = False, unit: dict | None = None) -> Rendered:
    """Render ``path`` into ``out``; nothing is written unless rendering succeeded, and an
    ``out`` the writer has edited since drafter wrote it is kept unless ``force``
    (``drafter.files.guard``)."""
    if os.path.abspath(out) == os.path.abspath(path):
        raise DrafterError("输出文件与大纲是同一个文件，已拒绝覆盖", file=path)
    guard.check_overwrite(out, force)
    rendered = render(path, fmt, template_dirs, unit)
    write_output(out, rendered.data)
    return rendered


def write_output(out: str, data: bytes) -> None:
    """Write what drafter made to ``out`` (a .docx verified first, ``outputs.write``) and remember
    it (``drafter.files.guard``)."""
    outputs.write(out, data)
    guard.record(out, data)
