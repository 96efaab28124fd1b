"""drafter people: the workspace's people register (people.yaml): list it, test it, import 任免 lists."""

from __future__ import annotations

import os
import sys

import click

from ..errors import DrafterError
from ..schema import Date, SchemaError
from .common import EXIT_FINDINGS

HEADER = """\
# 人事名册：本单位关心的任职记录。drafter check 据此查文稿中“某职务某某”是否与文稿日期时的任职相符。
# 每条：name 姓名，post 职务（写全称），body 任免机关或会议，from 任职日期，until 免职日期（当日起不再担任）。
# 可手工填写，也可用 drafter people import 任免名单.docx 导入；运行 drafter people --test 自检。
"""


@click.group(invoke_without_command=True, options_metavar="[选项]", subcommand_metavar="[import 任免名单]")
@click.option("--test", "self_test", is_flag=True, help="自检人事名册：同一职务的任期重叠、日期有误。")
@click.option("--file", "register_file", metavar="people.yaml", help="人事名册文件；默认是工作区的 people.yaml。")
@click.pass_context
def people(ctx: click.Context, self_test: bool, register_file: str | None) -> None:
    """人事名册（工作区的 people.yaml）：drafter people 列出；drafter people --test 自检；
    drafter people import 任免名单.docx 导入任免决定。"""
    ctx.obj = register_file
    if ctx.invoked_subcommand is not None:
        return
    from ..check.people import load_register  # loaded when the command runs: fast --help

    path = _register_path(register_file)
    if not os.path.exists(path):
        raise DrafterError("还没有人事名册；可手工新建，或用 drafter people import 任免名单.docx 导入", file=path)
    register = load_register(path)
    if self_test:
        problems = register.problems()
        for _term, text in problems:
            click.echo(f"{path}：{text}")
        click.echo(f"人事名册自检：共 {len(register.terms)} 条任职记录，{len(problems)} 处不符。")
        sys.exit(EXIT_FINDINGS if problems else 0)
    for t in sorted(register.terms, key=lambda t: (t.post, t.start or t.end)):
        click.echo(f"{t.post}\t{t.name}\t{t.start or '（不详）'}—{t.end or '至今'}")
    click.echo(f"共 {len(register.terms)} 条任职记录。")


def _register_path(given: str | None) -> str:
    from .. import workspace  # loaded when the command runs: fast --help
    from ..check.people import FILE

    if given:
        return given
    ws = workspace.find()
    if ws is None:
        raise DrafterError("不在工作区中：人事名册放在工作区根目录的 people.yaml（drafter init 新建工作区），"
                           "或用 --file 指定")
    return str(ws.root / FILE)


@people.command("import", options_metavar="[选项]")
@click.argument("source", metavar="任免名单")
@click.option("--date", "when", metavar="日期", help="名单中没有“（……年……月……日……通过）”时，任免决定的日期。")
@click.option("-o", "--output", metavar="文件",
              help="写到这个文件（已有的人事名册在此基础上更新）；默认更新 --file 或工作区的 people.yaml；写 - 则输出到屏幕。")
@click.pass_obj
def import_people(register_file: str | None, source: str, when: str | None, output: str | None) -> None:
    """把任免名单（.docx、.txt 等）中的任命、免职决定导入人事名册。"""
    # loaded when the command runs: fast --help
    import yaml
    from ..check.people import Register, as_records, load_register
    from ..documents import read_draft
    from ..files.fs import atomic_write
    from ..importer.appointments import merge, parse

    try:
        day = Date().check(when, ("--date",)) if when else None
    except SchemaError as exc:
        raise click.UsageError(f"--date：{exc.message}") from None
    base = _register_path(register_file) if output in (None, "-") else output
    if os.path.realpath(base) == os.path.realpath(source):
        raise DrafterError("任免名单就是人事名册本身，请分别给出", file=source)
    draft = read_draft(source)
    decisions = parse([(p.number, p.text) for p in draft.paragraphs], source, day)
    register = load_register(base) if os.path.exists(base) else Register(base, [])
    updated, changes = merge(register, decisions)
    class Plain(yaml.SafeDumper):  # a date shared by two terms is written twice, not as an &anchor
        def ignore_aliases(self, data):
            return True

    text = HEADER + yaml.dump(as_records(updated), Dumper=Plain, allow_unicode=True, sort_keys=False, width=200)
    if output == "-":
        click.echo(text, nl=False)
    elif changes:
        atomic_write(base, text.encode("utf-8"))
    for line in changes:
        click.echo(line, err=True)
    where = "，已输出到屏幕" if output == "-" else (f"，已写入 {base}" if changes else f"，{base} 未改动")
    click.echo(f"读到 {len(decisions)} 项任免决定，{len(changes)} 处更新{where}。", err=True)
    problems = updated.problems()
    for _term, problem in problems:
        click.echo(f"请核实：{problem}", err=True)
    if problems:
        sys.exit(EXIT_FINDINGS)
