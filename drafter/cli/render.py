"""drafter render, drafter preview, drafter new."""

from __future__ import annotations

import os
import sys

import click

from ..errors import DrafterError, os_reason
from .common import EXIT_BAD_INPUT, EXIT_FINDINGS, colour, fail, glossary_option, rate_option, templates_option



class KindName(click.ParamType):
    """A kind by its English name, its Chinese name or an alias (讲话稿, 讲话, 通知 …), among the
    kinds of the workspace where the command writes (``near``), else of the current directory."""

    name = "文种"

    def convert(self, value, param, ctx):
        return value

    def resolve(self, value: str, near: str | None, param, ctx):
        from ..outline.kinds import registry  # loaded when the command runs: fast --help
        from ..schema import SchemaError  # loaded when the command runs: fast --help

        kinds = registry(near)
        try:
            return kinds.get(value).name
        except SchemaError:
            self.fail(f"“{value}”不是文种，应为以下之一：{kinds.names()}", param, ctx)


@click.command(options_metavar="[选项]")
@click.argument("outlines", nargs=-1, metavar="大纲文件...")
@click.option("-o", "--output", metavar="文件",
              help="输出文件（只能用于一个大纲）；写 - 则输出到屏幕（--format md 或 txt）。")
@click.option("--out-dir", metavar="目录", help="输出目录，批量生成时使用。")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "txt", "pdf"]), default=None,
              help="输出格式，默认 docx（或按 -o 的扩展名）；pdf 需要 LibreOffice。")
@templates_option
@glossary_option("自己的词库目录，用于生成后的校对。")
@click.option("--strict", is_flag=True, help="校对发现错误时不写出文件，退出码 1。")
@rate_option
@click.option("--force", is_flag=True, help="覆盖已有的输出文件（drafter 生成且未改过的文件不必加）。")
@click.option("--jobs", type=click.IntRange(1, 64), default=None, metavar="N",
              help="批量生成时同时运行的进程数，默认每个处理器核心一个（8 个大纲以上才并行）。")
def render(outlines: tuple[str, ...], output: str | None, out_dir: str | None, fmt: str | None,
           template_dirs: tuple[str, ...], glossary_dirs: tuple[str, ...], strict: bool, rate: int | None,
           force: bool, jobs: int | None) -> None:
    """按大纲生成文档（docx、md 或 txt），并校对生成的内容。"""
    # The library (python-docx, jinja2, markdown-it) loads only when a command runs: fast --help.
    from .. import tasks, workspace
    from ..check import ignore_list, load_glossary
    from ..outline.kinds import is_meeting_file

    _check_render_args(outlines, output, out_dir)
    tasks.refuse_drafts(outlines)
    res = workspace.resources(template_dirs, glossary_dirs)
    meetings = [p for p in outlines if is_meeting_file(p)]
    if meetings:
        _render_sets(meetings, output, out_dir, fmt, res, strict, rate, force)
        outlines = tuple(p for p in outlines if p not in meetings)
        if not outlines:
            return
        output = None
    if output == tasks.STDOUT:
        _render_to_stdout(outlines[0], fmt or "docx", res, strict)
        return
    fmt = tasks.output_format(fmt, output)
    targets, refusals = tasks.render_targets(outlines, fmt, output, out_dir, res, force)
    for exc in refusals:  # nothing is written when any target is refused
        fail(exc)
    if refusals:
        click.echo(f"{len(outlines)} 个大纲未能生成。", err=True)
        sys.exit(EXIT_BAD_INPUT)
    glossary, ignore = load_glossary(res.glossary_dirs), ignore_list(res.workspace)
    failed = held = 0
    reports: list[str] = []
    pairs = list(zip(outlines, targets))
    existed = {t for t in targets if os.path.lexists(t)}
    written: list[str] = []
    not_made: list[str] = []
    lost: OSError | None = None  # standard output could not be written: the batch goes on, then says so
    results = tasks.render_batch(pairs, fmt, res.template_dirs, glossary, strict, ignore, force,
                                 res.setting("rate", rate), tasks.batch_jobs(len(pairs), fmt, jobs), res.workspace)
    for (outline, _), outcome in zip(pairs, _progress(results, len(pairs))):
        if isinstance(outcome, DrafterError):
            failed += 1
            not_made.append(outline)
            fail(outcome)
            continue
        held += not outcome.written
        if outcome.written:
            written.append(outcome.out)
        if lost is None:
            try:
                reports.extend(_report(outcome))
            except OSError as exc:
                lost = _unwritable(exc)
    try:
        for line in reports if lost is None else ():
            click.echo(line)
    except OSError as exc:
        lost = _unwritable(exc)
    if lost is not None:
        sys.exit(_stdout_lost(lost, len(pairs), written, existed, not_made))
    if fmt == "pdf":
        _font_note()
    if failed:
        click.echo(f"{failed} 个大纲未能生成。", err=True)
        sys.exit(EXIT_BAD_INPUT)
    if held:
        sys.exit(EXIT_FINDINGS)


def _render_sets(meetings: list[str], output: str | None, out_dir: str | None, fmt: str | None, res,
                 strict: bool, rate: int | None, force: bool) -> None:
    """Each meeting file as the set of its documents, in its own folder (``tasks.set_folder``)."""
    from .. import tasks  # loaded when the command runs: fast --help
    from ..check import ignore_list, load_glossary

    if output == tasks.STDOUT:
        raise click.UsageError("会议文件生成一套材料，不能输出到屏幕；请用 -o 给出目录")
    glossary, ignore = load_glossary(res.glossary_dirs), ignore_list(res.workspace)
    held = 0
    for path in meetings:
        folder = tasks.set_folder(path, output if len(meetings) == 1 else None, out_dir)
        outcomes = tasks.render_set(path, folder, fmt or "docx", res.template_dirs, glossary, strict, ignore, force,
                                    res.setting("rate", rate), res.workspace)
        for outcome in outcomes:
            held += not outcome.written
            for line in _report(outcome):
                click.echo(line)
        click.echo(f"会议材料共 {len(outcomes)} 份，在 {folder}；核对是否一致：drafter check {folder}")
    if held:
        sys.exit(EXIT_FINDINGS)


def _unwritable(exc: OSError) -> OSError:
    """``exc`` when it says standard output cannot be written (a full disk, a closed pipe)."""
    from ..files.streams import WRITE_ERRNOS  # loaded when the command runs: fast --help

    if exc.errno not in WRITE_ERRNOS:
        raise exc
    return exc


def _stdout_lost(exc: OSError, count: int, written: list[str], existed: set[str], not_made: list[str]) -> int:
    """Standard output failed while a render reported its files: one outline's new file is
    taken back (the run failed, so it leaves nothing behind); a batch says what it wrote and what
    it did not."""
    from ..files.streams import cannot_write  # loaded when the command runs: fast --help

    reason = os_reason(exc)
    if count == 1:
        for out in written:
            if out in existed:  # it replaced an older file, which is gone either way
                reason += f"；{out} 已更新"
                continue
            try:
                os.unlink(out)
                reason += f"，未留下 {out}"
            except OSError:
                reason += f"；{out} 已生成"
        return cannot_write(reason)

    def some(names: list[str]) -> str:
        return "、".join(names[:5]) + (f" 等 {len(names)} 个" if len(names) > 5 else "")

    reason += f"；已生成 {len(written)} 个文件" + (f"：{some(written)}" if written else "")
    if not_made:
        reason += f"；{len(not_made)} 个大纲未能生成：{some(not_made)}（原因见上）"
    held = count - len(written) - len(not_made)
    if held:
        reason += f"；{held} 个因校对发现错误未写出（--strict）"
    return cannot_write(reason)


def _render_to_stdout(path: str, fmt: str, res, strict: bool) -> None:
    """``-o -``: the text on stdout, the proofreading on stderr."""
    from .. import tasks  # loaded when the command runs: fast --help
    from ..check import ignore_list, load_glossary
    from ..check.report import text as report_text

    data, findings = tasks.render_to_text(path, fmt, res.template_dirs, load_glossary(res.glossary_dirs),
                                          ignore_list(res.workspace), res.workspace)
    if findings:
        click.echo(report_text(findings, [path], colour=False), err=True)
    if strict and any(f.severity == "error" for f in findings):
        click.echo("校对发现错误，未输出（--strict）", err=True)
        sys.exit(EXIT_FINDINGS)
    click.echo(data, nl=False)


def _font_note() -> None:
    from ..render.preview import font_note  # loaded when the command runs: fast --help

    note = font_note()
    if note:
        click.echo(note, err=True)


@click.command(options_metavar="[选项]")
@click.argument("file", metavar="文件")
@click.option("--png", is_flag=True, help="同时把每一页存为 PNG 图片（文件名-1.png……）。")
@click.option("--out-dir", metavar="目录", help="输出目录，默认与文件同目录。")
@click.option("--dpi", type=click.IntRange(50, 600), default=150, show_default=True, metavar="N",
              help="PNG 图片的分辨率（每英寸点数，50～600）。")
@click.option("--force", is_flag=True, help="覆盖生成后又被修改过的 PDF。")
def preview(file: str, png: bool, out_dir: str | None, dpi: int, force: bool) -> None:
    """用 LibreOffice 把 .docx（或大纲）排成 PDF，加 --png 时每页另存图片，看分页和版式。"""
    from .. import tasks  # loaded when the command runs: fast --help

    for path in tasks.preview_document(file, png=png, out_dir=out_dir, force=force, dpi=dpi):
        click.echo(f"已生成 {path}")
    _font_note()


def _check_render_args(outlines: tuple[str, ...], output: str | None, out_dir: str | None) -> None:
    if not outlines:
        raise click.UsageError("请给出至少一个大纲文件，例如：drafter render 讲话.yaml")
    if output and len(outlines) > 1:
        raise click.UsageError("-o 只能用于一个大纲；批量生成请用 --out-dir")
    if output and out_dir:
        raise click.UsageError("-o 和 --out-dir 不能同时使用")
    if out_dir and not os.path.isdir(out_dir):
        try:
            os.makedirs(out_dir, exist_ok=True)
        except OSError as exc:
            raise click.UsageError(f"无法创建输出目录 {out_dir}（{os_reason(exc)}）") from None


def _progress(results, count: int):
    """The outlines' outcomes one by one, with a progress bar on stderr for a batch."""
    if count < 2:
        yield from results
        return
    with click.progressbar(length=count, label="正在生成", file=sys.stderr) as bar:
        for outcome in results:
            yield outcome
            bar.update(1)


def _report(outcome) -> list[str]:
    """Say now that one outline was written (``tasks.Outcome``); return its findings and
    warnings, which are shown after the whole batch."""
    from ..check.report import text as report_text  # loaded when the command runs: fast --help

    lines = [report_text(outcome.findings, [outcome.out], colour=colour())] if outcome.findings else []
    if not outcome.written:
        return lines + [f"校对发现错误，未写出 {outcome.out}（--strict）"]
    if outcome.over_limit:
        lines.append(f"警告：{outcome.out} 超过讲话限时 {outcome.over_limit} 分钟")
    click.echo(f"已生成 {outcome.out}" + (f"，{outcome.spoken}" if outcome.spoken else ""))
    return lines


@click.command(options_metavar="[选项]")
@click.argument("kind", type=KindName(), metavar="文种")
@click.option("-o", "--output", metavar="文件", help="写入文件；不给或写 - 则输出到屏幕。")
@click.option("--force", is_flag=True, help="覆盖已有文件。")
def new(kind: str, output: str | None, force: bool) -> None:
    """生成一份带说明的空白大纲（文种见 drafter kinds，英文名、中文名都可以）。"""
    from .. import tasks  # loaded when the command runs: fast --help

    ctx = click.get_current_context()
    to_file = bool(output) and output != "-"
    near = os.path.dirname(os.path.abspath(output)) if to_file else None
    kind = KindName().resolve(kind, near if near and os.path.isdir(near) else None,
                              next(p for p in ctx.command.params if p.name == "kind"), ctx)
    if not to_file:
        click.echo(tasks.starter(kind), nl=False)
        return
    tasks.new_outline(kind, output, force)
    click.echo(f"已生成 {output}，请填写后运行：drafter render {output}")
