"""What each command does, as library calls: the CLI and the workbench both call these.

Commands only parse arguments and print; rendering with proofreading, starting a new outline
and importing a draft with its sections are done here, so they can be called from Python.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from . import importer, render
from .check import Glossary, check_rendered
from .errors import DrafterError
from . import outputs
from .render import speaking, writers
from .resources import shipped


def output_format(fmt: str | None, output: str | None) -> str:
    """The format asked for, else the one the output's extension names, else docx."""
    if fmt:
        return fmt
    ext = os.path.splitext(output)[1].lower() if output else ""
    return next((f for f, e in writers.FORMATS.items() if e == ext), "docx")


@dataclass
class RenderResult:
    """One outline rendered: where it went, what proofreading found, and whether --strict held it back."""

    outline: str
    out: str
    rendered: render.Rendered
    findings: list = field(default_factory=list)
    written: bool = True

    def speaking(self, rate: int | None = None) -> tuple[str, bool] | None:
        return self.rendered.speaking(rate)


def render_checked(path: str, out: str, fmt: str = "docx", template_dirs: tuple[str, ...] = (),
                   glossary: Glossary | None = None, strict: bool = False) -> RenderResult:
    """Render ``path`` to ``out`` and proofread it with ``glossary`` (if given).

    With ``strict``, a finding of severity error keeps the file from being written.
    """
    if os.path.abspath(out) == os.path.abspath(path):
        raise DrafterError("输出文件与大纲是同一个文件，已拒绝覆盖", file=path)
    rendered = render.render(path, fmt, template_dirs)
    findings = check_rendered(rendered, out, glossary) if glossary is not None else []
    if strict and any(f.severity == "error" for f in findings):
        return RenderResult(path, out, rendered, findings, written=False)
    outputs.write(out, rendered.data)
    return RenderResult(path, out, rendered, findings)


def starter(kind: str) -> str:
    """The commented, to-be-filled outline of a kind (templates/starters)."""
    return (shipped("templates") / "starters" / f"{kind}.yaml").read_text(encoding="utf-8")


def new_outline(kind: str, output: str, force: bool = False) -> None:
    outputs.write(outputs.Plan(force=force).add(output), starter(kind).encode("utf-8"))


@dataclass
class ImportResult:
    imported: importer.Imported
    output: str
    sections: list[str]  # section files written

    def speaking(self, rate: int | None = None) -> str:
        return speaking.report(speaking.count(self.imported.text), rate)


def import_draft(source: str, output: str, sections_dir: str | None = None,
                 force: bool = False) -> ImportResult:
    """Import ``source`` into the outline ``output``; with ``sections_dir``, each top-level point
    is saved there as a section too."""
    plan = outputs.Plan([source], force=force)  # the outline may not be the speech, nor overwrite a file
    plan.add(output)
    if sections_dir and not os.path.isdir(sections_dir):
        raise DrafterError("片段目录不存在", file=sections_dir)
    result = importer.import_file(source)
    text = importer.to_yaml(result, os.path.basename(source))
    # Every section file is checked before the first one is written.
    files = importer.plan_sections(result, sections_dir, os.path.basename(source), plan) if sections_dir else {}
    for path, data in files.items():
        outputs.write(path, data)
    outputs.write(output, text.encode("utf-8"))
    return ImportResult(result, output, list(files))
