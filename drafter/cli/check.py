"""drafter check, drafter glossary."""

from __future__ import annotations

import sys

import click

from ..errors import DrafterError
from ..schema import Date, SchemaError
from .common import EXIT_BAD_INPUT, EXIT_FINDINGS, colour, fail, glossary_option


@click.command(options_metavar="[选项]")
@click.argument("files", nargs=-1, metavar="文件...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="输出格式。")
@glossary_option("自己的词库目录，补充或覆盖内置词库，可多次使用。")
@click.option("--date", "doc_date", metavar="日期", help="文稿日期（如 2024-03-28），用于检查提法时效；默认从文中识别。")
@click.option("--region", metavar="省份", help="文稿所属省份（如 湖南），用于检查地方性提法；默认从文中识别。")
@click.option("--fix", is_flag=True, help="自动修改旧提法和标点，写入 -o 指定的新文件。")
@click.option("-o", "--output", metavar="文件", help="--fix 的输出文件（原稿不会被修改）。")
@click.option("--annotate", metavar="文件.docx", help="另存一份 .docx，在每处问题上加 Word 批注。")
@click.option("--force", is_flag=True, help="覆盖已有的 -o 或 --annotate 文件。")
def check(files: tuple[str, ...], fmt: str, glossary_dirs: tuple[str, ...], doc_date: str | None,
          region: str | None, fix: bool, output: str | None, annotate: str | None, force: bool) -> None:
    """校对文稿（.docx、.md、.txt 或大纲 .yaml）。

    查旧提法、错误写法、动词搭配、内容和顺序、时效、地域、占位符、序号、点数、标点、
    网页残留、重复和日期。退出码：0 没有错误，1 发现错误，2 文件无法读取或参数有误。
    """
    from .. import outputs, workspace  # the library loads only when a command runs: fast --help
    from ..check import check_file, load_glossary
    from ..check.report import as_json, text

    when = _check_args(files, fix, output, annotate, doc_date)
    res = workspace.resources((), glossary_dirs)
    plan = outputs.Plan(files, folders=res.glossary_dirs, force=force)  # both targets checked before any work
    for target in (output, annotate):
        if target:
            plan.add(target)
    glossary = load_glossary(res.glossary_dirs)
    findings, bad = [], 0
    for path in files:
        try:
            findings.extend(check_file(path, glossary, date=when, region=res.setting("region", region),
                                       template_dirs=res.template_dirs))
        except DrafterError as exc:
            bad += 1
            fail(exc.located(path))
    click.echo(as_json(findings) if fmt == "json" else text(findings, list(files), colour=colour()))
    if bad:
        sys.exit(EXIT_BAD_INPUT)
    if fix:
        _fix(files[0], findings, output)
    if annotate:
        _annotate(files[0], findings, annotate)
    if any(f.severity == "error" for f in findings):
        sys.exit(EXIT_FINDINGS)


def _check_args(files, fix: bool, output: str | None, annotate: str | None, doc_date: str | None):
    """Refuse option combinations that make no sense; the --date value as a date."""
    if not files:
        raise click.UsageError("请给出至少一个文件，例如：drafter check 讲话.docx")
    if (fix or annotate) and len(files) > 1:
        raise click.UsageError("--fix 和 --annotate 每次只能处理一个文件")
    if fix and not output:
        raise click.UsageError("--fix 需要用 -o 指定输出文件，原稿不会被修改")
    if output and not fix:
        raise click.UsageError("-o 只与 --fix 一起使用")
    try:
        return Date().check(doc_date, ("--date",)) if doc_date else None
    except SchemaError as exc:
        raise click.UsageError(f"--date：{exc.message}") from None


def _fix(path: str, findings: list, output: str) -> None:
    from ..check.edits import fix_file  # loaded when the command runs: fast --help

    changes, skipped = fix_file(path, findings, output)
    for c in changes:
        click.echo(f"已修改 第{c.paragraph}段 第{c.offset + 1}字：“{c.old}” → “{c.new}”", err=True)
    for f in skipped:
        click.echo(f"未修改 第{f.paragraph}段 第{f.offset + 1}字：“{f.match}”跨越了不同格式的文字，请手工修改", err=True)
    click.echo(f"已写入 {output}（{len(changes)} 处修改）", err=True)


def _annotate(path: str, findings: list, output: str) -> None:
    from ..check.edits import annotate  # loaded when the command runs: fast --help

    count = annotate(path, findings, output)
    click.echo(f"已写入 {output}（{count} 条批注）", err=True)


@click.command(options_metavar="[选项]")
@click.argument("term", required=False, metavar="提法")
@click.option("--list", "list_all", is_flag=True, help="列出全部条目。")
@click.option("--test", "self_test", is_flag=True, help="逐条运行词库条目自带的例句，检验词库本身。")
@glossary_option("自己的词库目录。")
def glossary(term: str | None, list_all: bool, self_test: bool, glossary_dirs: tuple[str, ...]) -> None:
    """查看规范提法词库：drafter glossary 四个意识；drafter glossary --list；drafter glossary --test。"""
    from .. import check, workspace  # loaded when the command runs: fast --help
    from ..check.report import describe_entry

    g = check.load_glossary(workspace.resources((), glossary_dirs).glossary_dirs)
    if self_test:
        failures = check.self_test(g)
        for entry, kind, text in failures:
            want = "应被查出，但没有" if kind == "bad" else "不应被查出，但被查出了"
            click.echo(f"{entry.source}：{entry.term}：例句“{text}”{want}")
        click.echo(f"词库自测：{len(g.entries)} 条，{len(failures)} 处不符。")
        sys.exit(EXIT_FINDINGS if failures else 0)
    if list_all or not term:
        for entry in sorted(g.entries.values(), key=lambda e: (e.data.get("category") or "", e.term)):
            click.echo(f"{entry.term}\t{entry.data.get('category') or ''}")
        click.echo(f"共 {len(g.entries)} 条。")
        return
    entry = g.find(term)
    if entry is None:
        raise DrafterError(f"词库中没有“{term}”；用 drafter glossary --list 查看全部条目")
    click.echo(describe_entry(entry))
