"""What every command shares: exit codes, the one-line error, and the workspace options."""

from __future__ import annotations

import sys

import click

from ..errors import DrafterError

EXIT_FINDINGS = 1  # check found errors, or render --strict held a file back
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70


def fail(err: DrafterError) -> None:
    click.echo(f"错误：{err}", err=True)


def colour() -> bool:
    return sys.stdout.isatty()


templates_option = click.option("--templates", "template_dirs", multiple=True, metavar="目录",
                                help="自定义模板目录，优先于内置模板，可多次使用。")


def glossary_option(help_text: str):
    return click.option("--glossary", "glossary_dirs", multiple=True, metavar="目录", help=help_text)


rate_option = click.option("--rate", type=click.IntRange(60, 600), default=None, metavar="字/分钟",
                           help="语速（字/分钟），用于估算讲话时长，默认 220 或工作区设置。")
