"""drafter kinds, drafter doctor."""

from __future__ import annotations

import click


@click.command()
def kinds() -> None:
    """列出支持的文种：内置的，以及本工作区 kinds/ 目录中的。"""
    from ..outline.kinds import registry  # loaded when the command runs: fast --help

    for kind in registry().kinds.values():
        origin = "内置" if kind.origin == "builtin" else ("工作区，覆盖了内置" if kind.overrides else "工作区")
        aliases = f"（又称 {'、'.join(kind.aliases)}）" if kind.aliases else ""
        click.echo(f"{kind.name:<8} {kind.label}{aliases}\t{kind.description}\t[{origin}]")


@click.command()
def doctor() -> None:
    """检查 LibreOffice（预览用）和公文字体是否安装。"""
    from ..render.doctor import diagnose  # loaded when the command runs: fast --help
    from ..workspace import find  # loaded when the command runs: fast --help

    ws = find()
    for line in diagnose(ws.config.get("unit") if ws else None):
        click.echo(line)
