"""drafter compare."""

from __future__ import annotations

import click


@click.command("compare", options_metavar="[选项]", short_help="对照两稿：法规生成修改前后对照表，讲话稿、报告写出带修订标记的 Word 文稿。")
@click.argument("old", metavar="修改前")
@click.argument("new", metavar="修改后")
@click.option("-o", "--output", metavar="对照表.docx",
              help="写出的文件；不给时写到修改后文稿旁边（…-对照表.docx），写 - 则把 Markdown 输出到屏幕。")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "pdf"]), default=None,
              help="输出格式，默认按 -o 的扩展名，否则 docx；pdf 经 LibreOffice 排版。")
@click.option("--keep-unchanged", is_flag=True, help="未修改的条文也列入对照表（默认只列修改、新增、删除和移动的条文）。")
@click.option("--notes", is_flag=True, help="增加“说明”一栏（新增、删除、条序调整等）。")
@click.option("--redline", is_flag=True,
              help="讲话稿、报告等非条文稿：写出修改后的 Word 文稿，改动为修订标记（可逐条接受或拒绝）。")
@click.option("--force", is_flag=True, help="覆盖已有的输出文件。")
def compare(old: str, new: str, output: str | None, fmt: str | None, keep_unchanged: bool, notes: bool,
            redline: bool, force: bool) -> None:
    """对照两稿法规（章、节、条、款、项），生成修改前后对照表：条文按内容逐条对齐，改动处加标示。
    讲话稿、报告等加 --redline，写出带修订标记的 Word 文稿。"""
    from .. import compare as cmp, workspace  # the library loads only when a command runs: fast --help

    res = workspace.resources()
    if redline:
        if fmt in ("md", "pdf") or (output or "").lower().endswith((".md", ".pdf")) or output == cmp.STDOUT:
            raise click.UsageError("--redline 只能写出 .docx（修订标记是 Word 的功能）")
        done = cmp.write_redline(old, new, output, force=force, unit=(res.setting("unit") or {}),
                                 template_dirs=res.template_dirs)
        click.echo(f"已生成 {done.output}：{done.summary}")
        return
    fmt = cmp.output_format(fmt, output)
    done = cmp.run(old, new, output, fmt, keep_unchanged=keep_unchanged, notes=notes, force=force,
                   unit=(res.setting("unit") or {}), template_dirs=res.template_dirs)
    if done.output == cmp.STDOUT:
        click.echo(done.data.decode("utf-8"), nl=False)
        return
    click.echo(f"已生成 {done.output}：{done.summary}")
