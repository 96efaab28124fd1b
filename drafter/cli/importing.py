"""drafter import."""

from __future__ import annotations

import functools

import click

from .common import rate_option


@click.command("import", options_metavar="[选项]")
@click.argument("source", metavar="讲话稿")
@click.option("-o", "--output", metavar="大纲.yaml",
              help="写出的大纲文件；不给时写到原稿旁边的同名 .yaml（已存在则不覆盖），写 - 则输出到屏幕。")
@click.option("--sections", "sections_dir", metavar="目录", help="同时把每个一级要点另存为可复用的片段。")
@click.option("--force", is_flag=True, help="覆盖已有的大纲文件。")
@rate_option
def import_(source: str, output: str | None, sections_dir: str | None, force: bool, rate: int | None) -> None:
    """把已有的讲话稿（.txt、.docx、.doc、.wps、.rtf 或 .pdf）转成大纲，去掉网页残留，保留原文文字。"""
    from .. import importer, tasks, workspace  # the library loads only when a command runs: fast --help

    res = workspace.resources()
    done = tasks.import_draft(source, output, sections_dir, force, res.template_dirs)
    result = done.imported
    if done.output == tasks.STDOUT:  # the outline is the output; what is said about it goes to stderr
        click.echo(done.yaml, nl=False)
        say = functools.partial(click.echo, err=True)
    else:
        say = click.echo
        say(f"已生成 {done.output}：{len(result.points)} 个一级要点")
    if result.removed:
        say(f"已去掉网页残留 {len(result.removed)} 处：" + "；".join(r[:20] for r in result.removed[:5])
            + ("……" if len(result.removed) > 5 else ""))
    if result.full_width:
        say(f"原稿有 {result.full_width} 处半角“.”“,”当句号、逗号用，已按句号、逗号断句，大纲中保留原样；"
            "可用 drafter check --fix 改为全角")
    notes = importer.notes(result)
    if notes:
        say(f"大纲中有 {len(notes)} 处注释，请逐条核对：")
        for where, note in notes:
            say(f"  {where}：{note}")
    for path, renamed in done.sections:
        say(f"已保存片段 {path}" + (f"（{renamed}）" if renamed else ""))
    say(done.speaking(res.setting("rate", rate)))
