"""drafter template: a Word template of drafter's styles."""

from __future__ import annotations

import click


@click.command(options_metavar="[选项]")
@click.option("-o", "--output", metavar="文件.dotx", help="写入的 Word 模板文件（.dotx），必须给出。")
@click.option("--force", is_flag=True, help="覆盖已有文件。")
def template(output: str | None, force: bool) -> None:
    """生成 Word 模板（.dotx）：公文标题、一至四级标题、正文、附件标签、版记等样式和页面设置与
    drafter 生成的 .docx 相同，标题带大纲级别，Word 和 WPS 的导航窗格能显示层次。
    在工作区中使用本单位的字体、颜色和页边距。"""
    from .. import tasks  # loaded when the command runs: fast --help
    from ..errors import DrafterError

    if not output:
        raise DrafterError("请用 -o 给出模板的文件名，如 drafter template -o 单位模板.dotx")

    source = tasks.word_template(output, force)
    click.echo(f"已生成 {output}（{source}）。在 Word 或 WPS 中用它新建文档，或把它设为文档的模板，"
               "再从“样式”中选用 公文正文、一级标题 等。")
