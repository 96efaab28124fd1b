"""drafter import."""

from __future__ import annotations

import click

from .common import rate_option


@click.command("import", options_metavar="[选项]")
@click.argument("source", metavar="讲话稿")
@click.option("-o", "--output", required=True, metavar="大纲.yaml", help="写出的大纲文件。")
@click.option("--sections", "sections_dir", metavar="目录", help="同时把每个一级要点另存为可复用的片段。")
@click.option("--force", is_flag=True, help="覆盖已有的大纲文件。")
@rate_option
def import_(source: str, output: str, sections_dir: str | None, force: bool, rate: int | None) -> None:
    """把已有的讲话稿（.txt 或 .docx）转成大纲，去掉网页残留，保留原文文字。"""
    from .. import tasks, workspace  # the library loads only when a command runs: fast --help

    done = tasks.import_draft(source, output, sections_dir, force)
    result = done.imported
    click.echo(f"已生成 {output}：{len(result.points)} 个一级要点")
    if result.removed:
        click.echo(f"已去掉网页残留 {len(result.removed)} 处：" + "；".join(r[:20] for r in result.removed[:5])
                   + ("……" if len(result.removed) > 5 else ""))
    for path in done.sections:
        click.echo(f"已保存片段 {path}")
    click.echo(done.speaking(workspace.resources().setting("rate", rate)))
