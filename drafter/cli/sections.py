"""drafter sections, drafter init."""

from __future__ import annotations

from pathlib import Path

import click

from .common import templates_option


@click.command(options_metavar="[选项]")
@click.argument("name", required=False, metavar="片段名")
@templates_option
def sections(name: str | None, template_dirs: tuple[str, ...]) -> None:
    """列出可复用的片段；给出片段名时显示它的参数和示例效果。

    \b
    在大纲中引用片段：
      points:
        - use: 加强自身建设
          with: {body: 区人大常委会}
    """
    from .. import workspace  # the library loads only when a command runs: fast --help
    from ..render import sections as library, templating

    res = workspace.resources(template_dirs)
    path = templating.search_path(res.template_dirs)
    found = library.find_all(path)
    if not name:
        for section in found.values():
            over = f"，覆盖了{len(section.overrides)}个同名片段" if section.overrides else ""
            click.echo(f"{section.name}［{_origin(section, res, path)}{over}］　{section.purpose}{_kinds(section)}")
            _echo_params(section)
        click.echo(f"共 {len(found)} 个片段。用 drafter sections 片段名 查看示例。")
        return
    section = library.find(name, path)
    click.echo(f"{section.name}［{_origin(section, res, path)}］　{section.purpose}{_kinds(section)}\n  文件：{section.path}")
    for over in found[section.name].overrides:
        click.echo(f"  覆盖：{over}")
    click.echo("  参数：" if section.params else "  参数：无")
    _echo_params(section)
    text = library.example_text(section, path)
    if text is None:
        missing = "、".join(p for p, v in section.example_values().items() if v is None)
        click.echo(f"  （参数 {missing} 没有示例值，无法显示示例）")
        return
    shown = "，".join(f"{p}={v}" for p, v in section.example_values().items())
    click.echo(f"  示例（{shown or '无参数'}）：")
    for line in text.rstrip("\n").splitlines():
        click.echo(f"  {line}")


def _origin(section, res, path: tuple[str, ...]) -> str:
    folder = Path(section.folder)
    if res.workspace and folder == res.workspace.templates:
        return "工作区"
    return "内置" if folder == Path(path[-1]) else str(folder)


def _kinds(section) -> str:
    """The kinds a section is written for, by their Chinese names (its header's ``kinds``)."""
    from ..outline.kinds import registry  # loaded when the command runs: fast --help

    known = registry().kinds

    names = "、".join(known[k].label for k in section.kinds if k in known) if section.kinds else "全部文种"
    return f"　适用：{names}"


def _echo_params(section) -> None:
    for p, spec in section.params.items():
        default = spec.get("default")
        tail = "必填" if default is None else f"默认：{default or '（空）'}"
        click.echo(f"    {p}：{spec.get('doc') or '（无说明）'}（{tail}）")


@click.command(options_metavar="[选项]")
@click.argument("folder", metavar="目录", default=".")
def init(folder: str) -> None:
    """新建工作区：outlines/、templates/sections/、glossary/、drafter.yaml 和说明。"""
    from .. import workspace  # loaded when the command runs: fast --help

    ws = workspace.init(folder)
    click.echo(f"已在 {ws.root} 新建工作区：outlines/（大纲）、templates/sections/（片段）、glossary/（词库）、"
               f"drafter.yaml（设置），说明见 README.md")
