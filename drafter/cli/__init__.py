"""The ``drafter`` command: one module per command group, each parsing its arguments and
calling the library (``drafter.tasks``, ``drafter.render``, ``drafter.check``, …).

Command modules import the library inside their functions, so ``drafter --help`` starts
without loading python-docx, jinja2 or markdown-it.
"""

from __future__ import annotations

import os
import sys

import click

from ..errors import DrafterError, os_reason
from ..files.streams import WRITE_ERRNOS, cannot_write, stdout_closed
from . import check, compare, importing, info, people, render, sections, workbench, wordtemplate, zh
from .common import EXIT_BAD_INPUT, EXIT_INTERNAL, fail

zh.install()


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, options_metavar="[选项]",
             subcommand_metavar="命令 [参数]...")
@click.version_option(package_name="drafter", message="drafter %(version)s")
def cli() -> None:
    """drafter：把 YAML 大纲生成符合 GB/T 9704-2012 的讲话稿、工作报告和通知。

    \b
    常用命令：
      drafter new speech -o 讲话.yaml         生成一份待填写的讲话稿大纲
      drafter render 讲话.yaml                生成 讲话.docx（并校对）
      drafter preview 讲话.docx --png         用 LibreOffice 排成 PDF 和每页图片
      drafter check 文稿.docx                 校对文稿
      drafter import 旧讲话.docx -o 大纲.yaml  把旧讲话稿转成大纲
      drafter compare 旧.docx 新.docx         生成法规修改前后对照表
      drafter sections                        查看可复用的片段
      drafter people import 任免名单.docx       把任免决定导入人事名册
      drafter init 公文                        新建工作区
      drafter doctor                          检查 LibreOffice 和字体
      drafter serve                           在浏览器中编辑大纲（工作台）
      drafter template -o 单位模板.dotx        生成带 drafter 样式的 Word 模板
    """

for _command in (render.render, render.preview, render.new, check.check, check.glossary, sections.sections,
                 sections.init, importing.import_, compare.compare, people.people, info.kinds, info.doctor, workbench.serve,
                 wordtemplate.template):
    _command.options_metavar = "[选项]"  # click's default is the English [OPTIONS]
    cli.add_command(_command)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; every failure is one line on stderr."""
    if stdout_closed():
        return cannot_write("标准输出已关闭")
    try:
        cli(args=argv, prog_name="drafter", standalone_mode=False)
        sys.stdout.flush()
    except click.exceptions.Abort:
        click.echo("已中止。", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    except DrafterError as exc:
        fail(exc)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if exc.errno in WRITE_ERRNOS:  # stdout full, closed or broken
            return cannot_write(os_reason(exc))
        click.echo(f"内部错误：{type(exc).__name__}: {exc}（这是 drafter 的缺陷，请报告）", err=True)
        return EXIT_INTERNAL
    except Exception as exc:  # a bug: say so in one line, without a traceback
        click.echo(f"内部错误：{type(exc).__name__}: {exc}（这是 drafter 的缺陷，请报告）", err=True)
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        return EXIT_INTERNAL
    return 0


def main() -> None:
    sys.exit(run())
