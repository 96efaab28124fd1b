"""drafter kinds, drafter doctor."""

from __future__ import annotations

import unicodedata

import click


@click.command()
def kinds() -> None:
    """列出支持的文种：内置的，以及本工作区 kinds/ 目录中的。"""
    from ..outline.kinds import registry  # loaded when the command runs: fast --help

    kinds = list(registry().kinds.values())
    width = max((_columns(kind.name) for kind in kinds), default=0)
    for kind in kinds:
        origin = "内置" if kind.origin == "builtin" else ("工作区，覆盖了内置" if kind.overrides else "工作区")
        aliases = f"（又称 {'、'.join(kind.aliases)}）" if kind.aliases else ""
        pad = " " * (width - _columns(kind.name))
        click.echo(f"{kind.name}{pad}  {kind.label}{aliases}\t{kind.description}\t[{origin}]")


def _columns(text: str) -> int:
    """Terminal columns of text: two for each wide (CJK) character, so a workspace kind named 简报 lines up."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@click.command()
def doctor() -> None:
    """检查 LibreOffice（预览用）和公文字体是否安装。"""
    from ..render.doctor import diagnose  # loaded when the command runs: fast --help
    from ..workspace import find  # loaded when the command runs: fast --help

    ws = find()
    for line in diagnose(ws.config.get("unit") if ws else None):
        click.echo(line)
