"""drafter kinds, drafter doctor."""

from __future__ import annotations

import click


@click.command()
def kinds() -> None:
    """列出支持的文种。"""
    from ..outline.kinds import KINDS  # loaded when the command runs: fast --help

    for kind in KINDS.values():
        click.echo(f"{kind.name:<8}{kind.label}\t{kind.description}")


@click.command()
def doctor() -> None:
    """检查 LibreOffice（预览用）和公文字体是否安装。"""
    from ..render.doctor import diagnose  # loaded when the command runs: fast --help

    for line in diagnose():
        click.echo(line)
