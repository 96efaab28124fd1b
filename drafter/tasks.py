"""What each command does, as library calls: the CLI and the workbench both call these.

Commands only parse arguments and print; rendering with proofreading, starting a new outline
and importing a draft with its sections are done here, so they can be called from Python.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import importer, levels, outline, render, safeyaml, workers, workspace
from .files import guard, outputs
from .files.fs import MAX_FILE_MB
from .outline import kinds, meeting
from .schema import SchemaError
from .check import Glossary, check_rendered, for_file
from .documents import DRAFT_EXTENSIONS
from .errors import DrafterError, os_reason
from .render import layout, preview, speaking, writers


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


def refuse_drafts(outlines) -> None:
    """``drafter render`` takes outlines: a draft given to it is named, with what to run instead."""
    for path in outlines:
        if os.path.splitext(path)[1].lower() in DRAFT_EXTENSIONS:
            raise DrafterError(f"drafter render 只接受 YAML 大纲，这是一份文稿；校对它请用 drafter check {path}，"
                               f"把它转成大纲请用 drafter import {path}", file=path)


def _ignore_for(ignore, ws, *paths: str) -> list:
    """The workspace's ignore list as it applies to one document rendered: an entry for one
    document (``file:``) counts when it names the outline or the file written from it."""
    return for_file(ignore, *(ws.name_of(p) for p in paths)) if ws is not None else for_file(ignore)


def render_to_text(path: str, fmt: str, template_dirs: tuple[str, ...] = (), glossary: Glossary | None = None,
                   ignore=(), ws=None) -> tuple[str, list]:
    """``drafter render -o -``: the rendered text of a text format (md, txt) and what proofreading
    found (``ignore``: the workspace ``ws``'s list)."""
    if fmt not in ("md", "txt"):
        raise DrafterError(f"{fmt} 不是文字格式，不能输出到屏幕；输出到屏幕请加 --format md 或 --format txt，"
                           f"生成 .{fmt} 请用 -o 文件名.{fmt}")
    rendered = render.render(path, fmt, template_dirs)
    findings = check_rendered(rendered, path, glossary, _ignore_for(ignore, ws, path)) if glossary is not None else []
    return rendered.data.decode("utf-8"), findings


def render_targets(outlines, fmt: str, output: str | None, out_dir: str | None, res,
                   force: bool = False) -> tuple[list[str], list[DrafterError]]:
    """Where each outline of a batch will be written, every target checked before anything is:
    none may be an input (the outlines, their templates, glossary files), two may not be one
    file, and an existing file needs ``force`` unless it is drafter's own unchanged output."""
    plan = outputs.Plan(outlines, folders=res.template_dirs + res.glossary_dirs, force=force,
                        replace=guard.check_overwrite)
    return outputs.plan_all(plan, [output or render.output_path(p, fmt, out_dir) for p in outlines], outlines)


def render_checked(path: str, out: str, fmt: str = "docx", template_dirs: tuple[str, ...] = (),
                   glossary: Glossary | None = None, strict: bool = False, ignore=(),
                   force: bool = False, ws=None) -> RenderResult:
    """Render ``path`` to ``out`` and proofread it with ``glossary`` (if given), leaving out what
    ``ignore`` lists (the setting of the workspace ``ws``, ``check.ignore_list``).

    With ``strict``, a finding of severity error keeps the file from being written; an ``out``
    edited since drafter wrote it is kept unless ``force`` (``drafter.files.guard``).
    """
    if os.path.abspath(out) == os.path.abspath(path):
        raise DrafterError("输出文件与大纲是同一个文件，已拒绝覆盖", file=path)
    guard.check_overwrite(out, force)
    rendered = render.render(path, fmt, template_dirs)
    findings = check_rendered(rendered, out, glossary, _ignore_for(ignore, ws, path, out)) if glossary is not None else []
    if strict and any(f.severity == "error" for f in findings):
        return RenderResult(path, out, rendered, findings, written=False)
    render.write_output(out, rendered.data)
    return RenderResult(path, out, rendered, findings)


@dataclass
class Outcome:
    """What the CLI says of one outline of a batch (small enough to come back from a worker)."""

    outline: str
    out: str
    findings: list
    written: bool
    spoken: str | None  # length and speaking time, for a speech or a report
    over_limit: int | None  # the outline's limit in minutes, when the text runs over it


def _outcome(result: RenderResult, rate: int | None) -> Outcome:
    spoken = result.speaking(rate) if result.written else None
    return Outcome(result.outline, result.out, result.findings, result.written, spoken and spoken[0],
                   result.rendered.outline.data.get("limit") if spoken and spoken[1] else None)


_BATCH: dict = {}  # the settings of the batch under way, which forked workers inherit


def _render_one(pair: tuple[str, str]) -> Outcome | DrafterError:
    b = _BATCH
    try:
        result = render_checked(pair[0], pair[1], b["fmt"], b["template_dirs"], b["glossary"], b["strict"],
                                b["ignore"], b["force"], b["ws"])
    except DrafterError as exc:
        return exc.located(pair[0])
    return _outcome(result, b["rate"])


def batch_jobs(count: int, fmt: str, asked: int | None = None) -> int:
    """Worker processes for a batch of ``count`` outlines (``drafter.workers.count``); one for PDF
    whatever is asked (LibreOffice's profile is one per user)."""
    return 1 if fmt == "pdf" else workers.count(count, asked)


def render_batch(pairs: list[tuple[str, str]], fmt: str = "docx", template_dirs: tuple[str, ...] = (),
                 glossary: Glossary | None = None, strict: bool = False, ignore=(), force: bool = False,
                 rate: int | None = None, jobs: int = 1, ws=None):
    """``render_checked`` for every (outline, output) pair, yielding an ``Outcome`` or the
    ``DrafterError`` of each, in the order given. With ``jobs`` > 1 the outlines are shared out
    to that many forked worker processes (each writes its own outputs, which the caller has
    checked beforehand: no two are one file); a worker's failure is its outline's, never the batch's."""
    _BATCH.update(fmt=fmt, template_dirs=template_dirs, glossary=glossary, strict=strict, ignore=ignore,
                  force=force, rate=rate, ws=ws)
    if jobs <= 1:
        yield from map(_render_one, pairs)
        return
    import multiprocessing  # only for a batch shared out to workers
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=workers.quiet)
    try:
        yield from pool.map(_render_one, pairs, chunksize=max(1, min(8, len(pairs) // (jobs * 4))))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def set_folder(path: str, output: str | None, out_dir: str | None) -> str:
    """Where a meeting file's documents go: ``-o`` names the folder; else a folder named after
    the meeting file, in ``--out-dir`` or beside it."""
    if output:
        return output
    stem = Path(path).stem
    return os.path.join(out_dir, stem) if out_dir else os.path.join(os.path.dirname(os.path.abspath(path)), stem)


def render_set(path: str, folder: str, fmt: str = "docx", template_dirs: tuple[str, ...] = (),
               glossary: Glossary | None = None, strict: bool = False, ignore=(), force: bool = False,
               rate: int | None = None, ws=None) -> list[Outcome]:
    """``drafter render 会议.yaml -o 目录/``: every document of the meeting into ``folder``, each
    as its outline and its rendered file, the meeting file beside them (what ``drafter check
    目录/`` compares them with) and the 材料清单 rendered from it.

    All or nothing: every target is checked (an edited one is kept unless ``force``,
    ``drafter.files.guard``) and every document rendered before the first file is written."""
    ol = render.load(path, template_dirs)
    try:
        docs = meeting.documents(ol.data)
    except SchemaError as exc:
        raise ol.marks.schema_error(exc, path) from None
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise DrafterError("会议材料要写到一个目录中，这是一个文件；请用 -o 给出目录", file=folder)
    created = not os.path.isdir(folder)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise DrafterError(f"无法创建输出目录（{os_reason(exc)}）", file=folder) from None
    try:
        ext = writers.FORMATS[fmt]
        copy = os.path.join(folder, os.path.basename(path))
        own = os.path.realpath(copy) == os.path.realpath(path)  # rendered from the folder's own meeting file
        plan = outputs.Plan([path], folders=template_dirs, force=force, replace=guard.check_overwrite)
        if not own:
            plan.add(copy)
        jobs = [(path, plan.add(os.path.join(folder, meeting.LISTING + ext)), None)]
        for doc in docs:
            yaml_path = plan.add(os.path.join(folder, doc.stem + ".yaml"))
            jobs.append((yaml_path, plan.add(os.path.join(folder, doc.stem + ext)),
                         meeting.outline_text(doc, os.path.basename(path))))
        results = []
        # staged in the folder itself, so that they render in its workspace (kinds, unit profile)
        with tempfile.TemporaryDirectory(prefix=".drafter-staging-", dir=folder) as tmp:
            for source, out, text in jobs:
                staged = source
                if text is not None:  # a document's outline, rendered from a staged copy until all succeed
                    staged = os.path.join(tmp, os.path.basename(source))
                    Path(staged).write_text(text, encoding="utf-8")
                try:
                    rendered = render.render(staged, fmt, template_dirs)
                except DrafterError as exc:
                    exc.file = source if exc.file in (None, staged) else exc.file
                    raise
                findings = check_rendered(rendered, out, glossary, _ignore_for(ignore, ws, source, out)) \
                    if glossary is not None else []
                held = strict and any(f.severity == "error" for f in findings)
                results.append((RenderResult(source, out, rendered, findings, written=not held), text))
    except BaseException:
        if created:
            shutil.rmtree(folder, ignore_errors=True)  # nothing was written in it yet
        raise
    if not own:
        render.write_output(copy, safeyaml.read_text(path).encode("utf-8"))
    for result, text in results:
        if text is not None:
            render.write_output(result.outline, text.encode("utf-8"))
        if result.written:
            render.write_output(result.out, result.rendered.data)
    return [_outcome(result, rate) for result, _ in results]


def starter(kind: str, near: str | None = None) -> str:
    """The commented, to-be-filled outline of a kind (its folder's starter.yaml, a template that
    receives ``body``: the names of the unit's level, registers/levels.yaml), among the kinds
    and with the unit profile that apply in the folder ``near`` (else the current directory)."""
    found = kinds.registry(near).get(kind)
    if not found.starter_file.is_file():
        raise DrafterError(f"文种 {found.name} 没有空白大纲 starter.yaml", file=str(found.folder))
    ws = (workspace.find(near) if near else None) or workspace.find()
    body = levels.body_for((ws.config.get("unit") or {}) if ws else None)
    return render.templating.render_in((str(found.folder),) + render.templating.search_path(),
                                       found.starter_file.name, {"body": body})


SCHEMA_LINE = "# yaml-language-server: $schema="


def new_outline(kind: str, output: str, force: bool = False) -> None:
    """Write the starter of ``kind`` to ``output``, its first line naming the kind's schema for
    an editor with a YAML language server (a JSON copy in drafter's cache folder)."""
    near = os.path.dirname(os.path.abspath(output))
    near = near if os.path.isdir(near) else None
    found = kinds.registry(near).get(kind)
    line = SCHEMA_LINE + kinds.editor_schema_file(found).as_uri() + "\n"  # a file: URL, on Windows too
    outputs.write(outputs.Plan(force=force).add(output), (line + starter(kind, near)).encode("utf-8"))


TEMPLATE_EXTENSIONS = (".dotx",)


def word_template(output: str, force: bool = False) -> str:
    """Write a Word template (.dotx) of drafter's styles, in the layout of the unit profile of
    the workspace the output goes into (else around the current directory); return the
    profile's source ("工作区" or "内置")."""
    from .render.writers.docx.template import word_template as build  # python-docx loads only here

    if os.path.splitext(output)[1].lower() not in TEMPLATE_EXTENSIONS:
        raise DrafterError("Word 模板的文件名应以 .dotx 结尾", file=output)
    target = outputs.Plan(force=force).add(output)
    profile = render.unit_profile(output)
    outputs.write(target, build(layout.resolve(profile) if profile else layout.DEFAULT))
    return "本单位版式设置" if profile else "内置版式"


STDOUT = "-"  # an output of "-" is standard output


@dataclass
class ImportResult:
    imported: importer.Imported
    output: str  # the outline written, or "-" when it went to standard output (``yaml``)
    sections: list[tuple[str, str]]  # section files written, and why one was renamed ("" if not)
    yaml: str = ""

    def speaking(self, rate: int | None = None) -> str:
        return speaking.report(speaking.count(self.imported.text), rate)


def import_output(source: str) -> str:
    """Where ``drafter import`` writes when no -o is given: ``<source>.yaml`` beside the source."""
    return os.path.splitext(source)[0] + ".yaml"


def _renderable(text: str, source: str) -> None:
    """Refuse an imported outline that ``drafter render`` would refuse, with render's reason:
    the size limit and every limit of the kind's schema are the ones render applies."""
    if len(text.encode("utf-8")) > safeyaml.MAX_BYTES:
        raise DrafterError(f"导入后的大纲超过 {MAX_FILE_MB} MB，drafter render 无法读取；请把文稿分成几份再导入",
                           file=source)
    try:
        outline.parse(text, "<导入的大纲>")
    except DrafterError as exc:
        where = f"{exc.field}：" if exc.field else ""
        raise DrafterError(f"导入后的大纲 drafter render 无法读取（{where}{exc.message}）；请把文稿分成几份再导入",
                           file=source) from None


def import_draft(source: str, output: str | None = None, sections_dir: str | None = None,
                 force: bool = False, template_dirs: tuple[str, ...] = ()) -> ImportResult:
    """Import ``source`` into the outline ``output`` (``import_output(source)`` when None; "-"
    returns the outline as ``yaml`` and writes no outline); with ``sections_dir``, each top-level
    point is saved there as a section too."""
    output = output or import_output(source)
    plan = outputs.Plan([source], force=force)  # the outline may not be the speech, nor overwrite a file
    if output != STDOUT:
        plan.add(output)
    if sections_dir and not os.path.isdir(sections_dir):
        raise DrafterError("片段目录不存在", file=sections_dir)
    result = importer.import_file(source)
    text = importer.to_yaml(result, os.path.basename(source))
    _renderable(text, source)
    # Every section file is checked before anything is written, the outline first.
    files = importer.plan_sections(result, sections_dir, os.path.basename(source), plan,
                                   template_dirs) if sections_dir else []
    if output != STDOUT:
        outputs.write(output, text.encode("utf-8"))
    for path, data, _ in files:
        outputs.write(path, data)
    return ImportResult(result, output, [(path, why) for path, _, why in files], text)


def preview_document(path: str, png: bool = False, out_dir: str | None = None, force: bool = False,
                     dpi: int = 150) -> list[str]:
    """``drafter preview``: a .docx (or an outline, rendered first) -> PDF beside it, and with
    ``png`` a PNG of every page. Returns the files written."""
    if not os.path.exists(path):
        raise DrafterError("文件不存在", file=path)
    folder = out_dir or os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise DrafterError(f"无法创建输出目录（{os_reason(exc)}）", file=folder) from None
    stem = os.path.join(folder, Path(path).stem)
    ext = Path(path).suffix.lower()
    if preview.soffice() is None:
        raise DrafterError(preview.NO_SOFFICE)
    subs = layout.resolve(render.unit_profile(path)).PREVIEW_SUBSTITUTES  # a unit's own fonts too
    with tempfile.TemporaryDirectory(prefix="drafter-preview-") as tmp:
        if ext in (".yaml", ".yml"):
            src = os.path.join(tmp, Path(path).stem + ".docx")
            Path(src).write_bytes(render.render(path, "docx").data)
        elif ext == ".docx":
            src = os.path.join(tmp, Path(path).stem + ".docx")
            shutil.copyfile(path, src)
        else:
            raise DrafterError("只能预览 .docx 文档或 .yaml 大纲", file=path)
        pdf = preview.to_pdf(src, tmp, substitutes=subs)
        guard.check_overwrite(stem + ".pdf", force)
        data = Path(pdf).read_bytes()
        render.write_output(stem + ".pdf", data)
        written = [stem + ".pdf"]
        if png:
            written += preview.page_pngs(stem + ".pdf", stem, dpi)
    return written
