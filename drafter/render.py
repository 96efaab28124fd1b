"""The render pipeline: outline file -> Markdown -> blocks -> bytes of a format."""

from __future__ import annotations

import os
from dataclasses import dataclass

from . import markdown, outline, outputs, sections, templating, writers
from .errors import DrafterError


def to_markdown(ol: outline.Outline, template_dirs: tuple[str, ...] = ()) -> str:
    try:
        ol.data = sections.expand_outline(ol, templating.search_path(template_dirs))
        return templating.render(ol.kind.template, ol.data, template_dirs)
    except DrafterError as exc:
        if exc.file is None:
            exc.file = ol.file
        raise


@dataclass
class Rendered:
    outline: outline.Outline
    blocks: list
    data: bytes


def render(path: str, fmt: str = "docx", template_dirs: tuple[str, ...] = ()) -> Rendered:
    """Render the outline at ``path``: its blocks and the bytes of the document."""
    ol = outline.load(path)
    blocks = markdown.parse(to_markdown(ol, template_dirs))
    return Rendered(ol, blocks, writers.write(blocks, fmt, title=ol.data.get("title", "")))


def render_outline(path: str, fmt: str = "docx", template_dirs: tuple[str, ...] = ()) -> bytes:
    """Render the outline at ``path`` and return the bytes of the document."""
    return render(path, fmt, template_dirs).data


def output_path(path: str, fmt: str, out_dir: str | None = None) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    folder = out_dir if out_dir is not None else os.path.dirname(path)
    return os.path.join(folder, stem + writers.FORMATS[fmt])


def check_rendered(rendered: Rendered, out: str, glossary) -> list:
    """Proofread what was rendered, paragraph numbers as in the written document."""
    from .check import run_rules
    from .check.reader import draft_from_blocks

    data = rendered.outline.data
    draft = draft_from_blocks(out, rendered.blocks, date=data.get("date"), region=data.get("region"),
                              kind=rendered.outline.kind.name)
    return run_rules(draft, glossary)


@dataclass
class Written:
    path: str
    findings: list  # what the proofreading found, when a glossary was given
    rendered: Rendered

    def speaking(self, rate: int | None = None) -> tuple[str, bool] | None:
        """For a speech or a report: its length and speaking time, and whether it runs over
        the outline's ``limit``; None for kinds that are not read aloud."""
        from . import speaking

        if self.rendered.outline.kind.name not in ("speech", "report"):
            return None
        chars, limit = speaking.count_blocks(self.rendered.blocks), self.rendered.outline.data.get("limit")
        return speaking.report(chars, rate, limit), speaking.over_limit(chars, rate, limit)


def render_file(path: str, out: str, fmt: str = "docx", template_dirs: tuple[str, ...] = (),
                glossary=None, strict: bool = False) -> Written:
    """Render ``path`` into ``out``; nothing is written unless rendering succeeded.

    With a glossary, the result is proofread and the findings returned; with ``strict``, a
    finding of severity error stops the file from being written (StrictError).
    """
    if os.path.abspath(out) == os.path.abspath(path):
        raise DrafterError("输出文件与大纲是同一个文件，已拒绝覆盖", file=path)
    rendered = render(path, fmt, template_dirs)
    findings = check_rendered(rendered, out, glossary) if glossary is not None else []
    if strict and any(f.severity == "error" for f in findings):
        raise StrictError(findings)
    outputs.write(out, rendered.data)
    return Written(out, findings, rendered)


class StrictError(Exception):
    """--strict: the rendered document has errors, so it was not written."""

    def __init__(self, findings: list) -> None:
        super().__init__("strict")
        self.findings = findings
