"""drafter check, drafter glossary."""

from __future__ import annotations

import os
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
@click.option("--fix", is_flag=True, help="自动修改旧提法和标点、删除整行的网页残留，写入 -o 指定的新文件（大纲也可以）。")
@click.option("-o", "--output", metavar="文件", help="--fix 的输出文件（原稿不会被修改）；大纲 .yaml 不给 -o 时就地修改。")
@click.option("--track", is_flag=True, help="与 --fix 同用：.docx 的修改写成 Word 修订（作者 drafter），逐条接受或拒绝。")
@click.option("--annotate", metavar="文件.docx", help="另存一份 .docx，在每处问题上加 Word 批注。")
@click.option("--force", is_flag=True, help="覆盖已有的 -o 或 --annotate 文件。")
@click.option("--against", "against_path", metavar="旧稿",
              help="对照旧稿（如去年的同题文稿，或生成的文稿目录）：查沿用未改的年份、会议次数、今年去年的数据和照抄的段落。")
@click.option("--against-date", "against_date", metavar="日期",
              help="旧稿的日期（如 2025-02-18），旧稿中找不到日期时用；新稿的日期用 --date。")
@click.option("--jobs", type=click.IntRange(1, 64), default=None, metavar="N",
              help="同时校对的进程数；默认 8 个文件以上时每个处理器核一个，--jobs 1 只用一个进程。")
@click.option("--no-cache", "no_cache", is_flag=True,
              help="不用校对缓存：每个文件都重新校对（默认内容、设置和 drafter 版本都没变的文件直接用上次的结果）。")
def check(files: tuple[str, ...], fmt: str, glossary_dirs: tuple[str, ...], doc_date: str | None,
          region: str | None, fix: bool, output: str | None, track: bool, annotate: str | None,
          force: bool, against_path: str | None, against_date: str | None, jobs: int | None,
          no_cache: bool) -> None:
    """校对文稿（.docx、.doc、.wps、.rtf、.pdf、.md、.txt 或大纲 .yaml）。

    查旧提法、错误写法、动词搭配、内容和顺序、时效、地域、占位符、序号、点数、标点、
    网页残留、重复和日期。退出码：0 没有错误，1 发现错误，2 文件无法读取或参数有误。
    """
    from .. import workspace  # the library loads only when a command runs: fast --help
    from ..files import outputs
    from ..check import batch_jobs, check_files, ignore_list, load_glossary
    from ..check.meeting import cross_check
    from ..check.people import workspace_register
    from ..check.report import as_json, text

    files, sets = _expand_folders(files)
    files = _skip_lock_files(files)
    when = _check_args(files, fix, track, output, annotate, doc_date)
    res = workspace.resources((), glossary_dirs)
    plan = outputs.Plan(files, folders=res.glossary_dirs, force=force)  # both targets checked before any work
    in_place = fix and not output  # an outline, fixed where it is (_check_args)
    for target in (output, annotate):
        if target:
            plan.add(target)
    glossary, ignore = load_glossary(res.glossary_dirs), ignore_list(res.workspace)
    register = workspace_register(res.workspace.root) if res.workspace else None
    old = None
    if against_path:
        from ..check.against import old_document  # loaded when the command runs: fast --help
        try:
            old = old_document(against_path, res.template_dirs)
        except DrafterError as exc:
            raise exc.located(against_path) from None
        old.set_date(_date_option(against_date, "--against-date"), "命令行的 --against-date")
    elif against_date:
        raise click.UsageError("--against-date 只与 --against 一起使用")
    findings, bad, notes = [], 0, []
    outcomes = check_files(files, glossary, batch_jobs(len(files), jobs), date=when,
                           region=res.setting("region", region), template_dirs=res.template_dirs, ignore=ignore,
                           names={path: res.workspace and res.workspace.name_of(path) for path in files}, against=old,
                           people=register, cache=not no_cache)
    for path, (found, said) in zip(files, outcomes):
        notes.extend(said)
        if isinstance(found, DrafterError):
            bad += 1
            fail(found.located(path))
        else:
            findings.extend(found)
    for folder in sets:
        try:
            findings.extend(cross_check(folder, res.template_dirs))
        except DrafterError as exc:
            bad += 1
            fail(exc.located(folder))
    for note in dict.fromkeys(notes):
        click.echo(f"对照旧稿 {against_path}：{note}", err=True)
    shown = list(dict.fromkeys([*files, *(f.file for f in findings)]))  # a set's outlines and meeting file too
    click.echo(as_json(findings) if fmt == "json" else text(findings, shown, colour=colour()))
    if bad:
        sys.exit(EXIT_BAD_INPUT)
    if fix:
        _fix(files[0], findings, files[0] if in_place else output, track)
    if annotate:
        _annotate(files[0], findings, annotate)
    if any(f.severity == "error" for f in findings):
        sys.exit(EXIT_FINDINGS)


def _expand_folders(files: tuple[str, ...]) -> tuple[tuple[str, ...], list[str]]:
    """A folder given to check stands for the drafts in it (not its sub-folders); a folder of a
    meeting's documents (``drafter render 会议.yaml -o 目录/``) is also cross-checked, and of a
    document written both as an outline and as a .docx only the .docx is proofread."""
    from ..check.meeting import find_meeting_file  # loaded when the command runs: fast --help
    from ..documents import DRAFT_EXTENSIONS

    out, sets = [], []
    for path in files:
        if not os.path.isdir(path):
            out.append(path)
            continue
        names = sorted(n for n in os.listdir(path) if not n.startswith((".", "~$"))
                       and n.lower().endswith((*DRAFT_EXTENSIONS, ".yaml", ".yml"))
                       and os.path.isfile(os.path.join(path, n)))
        if find_meeting_file(path):
            sets.append(path)
            stems = {os.path.splitext(n)[0] for n in names if n.lower().endswith(".docx")}
            names = [n for n in names if not (n.lower().endswith((".yaml", ".yml")) and os.path.splitext(n)[0] in stems)]
        if not names and path not in sets:
            raise DrafterError("目录中没有可校对的文稿", file=path)
        out.extend(os.path.join(path, n) for n in names)
    return tuple(out), sets


def _skip_lock_files(files: tuple[str, ...]) -> tuple[str, ...]:
    """Word's and WPS's lock files (~$讲话.docx) when a batch names them: `drafter check *.doc*`."""
    if len(files) < 2:
        return files
    locks = [f for f in files if os.path.basename(f).startswith("~$")]
    for f in locks:
        click.echo(f"已跳过 {f}：Word/WPS 的临时锁文件，不是文稿", err=True)
    return tuple(f for f in files if f not in locks) or files


def _check_args(files, fix: bool, track: bool, output: str | None, annotate: str | None, doc_date: str | None):
    """Refuse option combinations that make no sense; the --date value as a date."""
    if not files:
        raise click.UsageError("请给出至少一个文件，例如：drafter check 讲话.docx")
    if (fix or annotate) and len(files) > 1:
        raise click.UsageError("--fix 和 --annotate 每次只能处理一个文件")
    if fix and not output and not files[0].lower().endswith((".yaml", ".yml")):
        raise click.UsageError("--fix 需要用 -o 指定输出文件，原稿不会被修改（大纲 .yaml 不给 -o 时就地修改）")
    if output and not fix:
        raise click.UsageError("-o 只与 --fix 一起使用")
    if track and not fix:
        raise click.UsageError("--track 只与 --fix 一起使用")
    return _date_option(doc_date, "--date")


def _date_option(value: str | None, name: str):
    try:
        return Date().check(value, (name,)) if value else None
    except SchemaError as exc:
        raise click.UsageError(f"{name}：{exc.message}") from None


def _fix(path: str, findings: list, output: str, track: bool) -> None:
    from ..check.edits import fix_file  # loaded when the command runs: fast --help

    changes, skipped = fix_file(path, findings, output, track)
    done = "修订" if track else "已修改"
    for c in changes:
        where = f"{c.field}" if c.field else f"第{c.paragraph}段"
        change = f"删除“{c.old}”" if c.new == "" else f"“{c.old}” → “{c.new}”"
        click.echo(f"{done} {where} 第{c.offset + 1}字：{change}", err=True)
    for s in skipped:
        f = s.finding
        where = f"{f.field}" if f.field else f"第{f.paragraph}段"
        click.echo(f"未修改 {where} 第{f.offset + 1}字：“{f.match}”{s.reason}", err=True)
    kind = "处修订，请在 Word、WPS 或 LibreOffice 中逐条接受或拒绝" if track else "处修改"
    if output == path:
        click.echo(f"已就地修改大纲 {path}（{len(changes)} 处修改，注释和格式不变）" if changes
                   else f"大纲 {path} 没有可自动修改之处，未改动", err=True)
        return
    click.echo(f"已写入 {output}（{len(changes)} {kind}）", err=True)


def _annotate(path: str, findings: list, output: str) -> None:
    from ..check.edits import annotate  # loaded when the command runs: fast --help

    count = annotate(path, findings, output)
    click.echo(f"已写入 {output}（{count} 条批注）", err=True)


@click.command(options_metavar="[选项]")
@click.argument("term", required=False, metavar="提法")
@click.option("--list", "list_all", is_flag=True, help="列出全部条目和易错字词（不给提法时也是如此）。")
@click.option("--test", "self_test", is_flag=True, help="逐条运行词库条目和易错字词的例句，检验词库本身。")
@glossary_option("自己的词库目录。")
def glossary(term: str | None, list_all: bool, self_test: bool, glossary_dirs: tuple[str, ...]) -> None:
    """查看规范提法词库：drafter glossary 四个意识；drafter glossary --list；drafter glossary --test。"""
    from .. import check, workspace  # loaded when the command runs: fast --help
    from ..check.report import describe_entry

    g = check.load_glossary(workspace.resources((), glossary_dirs).glossary_dirs)
    counts = (f"共 {len(g.entries)} 条提法、{len(g.pairs)} 组易错字词、{len(g.twins)} 组近形近音词、"
              f"{len(g.usages)} 条人大用语、{len(g.voices)} 组网站用语")
    if self_test:
        failures = check.self_test(g)
        wants = {"bad": "应被查出，但没有", "good": "不应被查出，但被查出了", "fixed": ""}
        for item, kind, text in failures:
            click.echo(f"{item.source}：{item.term}：例句“{text}”{wants[kind]}")
        click.echo(f"词库自测：{counts}，{len(failures)} 处不符。")
        sys.exit(EXIT_FINDINGS if failures else 0)
    if list_all or not term:
        for entry in sorted(g.entries.values(), key=lambda e: (e.data.get("category") or "", e.term)):
            click.echo(f"{entry.term}\t{entry.data.get('category') or ''}")
        for pair in sorted(g.pairs.values(), key=lambda p: (p.data["right"], p.term)):
            mark = "\t（提醒）" if pair.data["severity"] == "warning" else ""
            click.echo(f"{pair.term} → {pair.data['right']}\t易错字词{mark}")
        by_category: dict[str, int] = {}
        for entry in g.entries.values():
            category = entry.data.get("category") or "未分类"
            by_category[category] = by_category.get(category, 0) + 1
        click.echo("按类别：" + "，".join(f"{c} {n}" for c, n in sorted(by_category.items(), key=lambda x: -x[1])))
        for disabled, source in g.disabled:
            click.echo(f"已停用：{disabled}（{source}）")
        click.echo(f"{counts}。")
        return
    entry = g.find(term)
    if entry is None:
        raise DrafterError(f"词库中没有“{term}”；用 drafter glossary --list 查看全部条目")
    click.echo(describe_entry(entry))
