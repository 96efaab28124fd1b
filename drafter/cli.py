"""The ``drafter`` command. It parses arguments and calls the library; nothing more.

Heavy modules (python-docx, jinja2, markdown-it) are imported inside the commands, so
``drafter --help`` starts fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .errors import DrafterError

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70

# click's own words, for users who read Chinese.
_ZH = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看帮助。",
    "Missing argument {param_hint}.": "缺少参数 {param_hint}。",
    "Missing option {param_hint}.": "缺少选项 {param_hint}。",
    "No such option {name!r}.": "没有这个选项 {name!r}。",
    "Did you mean {possibility}?": "是不是 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是以下之一：{possibilities}？）",
    "No such command {name!r}.": "没有这个命令：{name!r}。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不在可选值 {choices} 之中。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "Path": "路径",
    "File": "文件",
    "Directory": "目录",
    "Aborted!": "已中止！",
}


def _translate(message: str) -> str:
    return _ZH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _ZH.get(singular if n == 1 else plural, singular if n == 1 else plural)


for _mod in ("core", "exceptions", "formatting", "decorators", "types", "parser"):
    _module = sys.modules.get(f"click.{_mod}") or __import__(f"click.{_mod}", fromlist=["_"])
    if hasattr(_module, "_"):
        _module._ = _translate
    if hasattr(_module, "ngettext"):
        _module.ngettext = _ngettext


def fail(err: DrafterError) -> None:
    click.echo(f"错误：{err}", err=True)


def resources(template_dirs: tuple[str, ...] = (), glossary_dirs: tuple[str, ...] = ()):
    """The workspace around the current directory, and the template and glossary folders to use.

    Templates: the folders given with --templates, then the workspace's, then the shipped ones.
    Glossary: the shipped one, then the workspace's, then those given with --glossary (a later
    entry of the same term wins).
    """
    from . import workspace

    for folder in template_dirs:
        if not os.path.isdir(folder):
            raise DrafterError("模板目录不存在", file=folder)
    ws = workspace.find()
    if ws is None:
        return None, tuple(template_dirs), tuple(glossary_dirs)
    tdirs = tuple(template_dirs) + ((str(ws.templates),) if ws.templates.is_dir() else ())
    gdirs = ((str(ws.glossary),) if ws.glossary.is_dir() else ()) + tuple(glossary_dirs)
    return ws, tdirs, gdirs


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, options_metavar="[选项]",
             subcommand_metavar="命令 [参数]...")
@click.version_option(package_name="drafter", message="drafter %(version)s")
def cli() -> None:
    """drafter：把 YAML 大纲生成符合 GB/T 9704-2012 的讲话稿、工作报告和通知。

    \b
    常用命令：
      drafter new speech -o 讲话.yaml         生成一份待填写的讲话稿大纲
      drafter render 讲话.yaml                生成 讲话.docx（并校对）
      drafter check 文稿.docx                 校对文稿
      drafter import 旧讲话.docx -o 大纲.yaml  把旧讲话稿转成大纲
      drafter sections                        查看可复用的片段
      drafter init 公文                        新建工作区
      drafter doctor                          检查 LibreOffice 和字体
    """


@cli.command(options_metavar="[选项]")
@click.argument("outlines", nargs=-1, metavar="大纲文件...")
@click.option("-o", "--output", metavar="文件", help="输出文件（只能用于一个大纲）。")
@click.option("--out-dir", metavar="目录", help="输出目录，批量生成时使用。")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "txt"]), default=None,
              help="输出格式，默认 docx（或按 -o 的扩展名）。")
@click.option("--templates", "template_dirs", multiple=True, metavar="目录",
              help="自定义模板目录，优先于内置模板，可多次使用。")
@click.option("--glossary", "glossary_dirs", multiple=True, metavar="目录",
              help="自己的词库目录，用于生成后的校对。")
@click.option("--strict", is_flag=True, help="校对发现错误时不写出文件，退出码 1。")
@click.option("--rate", type=click.IntRange(60, 600), default=None,
              help="语速（字/分钟），用于估算讲话时长，默认 220 或工作区设置。")
@click.option("--force", is_flag=True, help="覆盖已有的输出文件。")
def render(outlines: tuple[str, ...], output: str | None, out_dir: str | None, fmt: str | None,
           template_dirs: tuple[str, ...], glossary_dirs: tuple[str, ...], strict: bool, rate: int | None,
           force: bool) -> None:
    """按大纲生成文档（docx、md 或 txt），并校对生成的内容。"""
    from . import outputs
    from . import render as pipeline
    from .check import load_glossary
    from .check.report import text as report_text
    from .writers import FORMATS

    if not outlines:
        raise click.UsageError("请给出至少一个大纲文件，例如：drafter render 讲话.yaml")
    if output and len(outlines) > 1:
        raise click.UsageError("-o 只能用于一个大纲；批量生成请用 --out-dir")
    if output and out_dir:
        raise click.UsageError("-o 和 --out-dir 不能同时使用")
    if fmt is None:
        ext = os.path.splitext(output)[1].lower() if output else ""
        fmt = next((f for f, e in FORMATS.items() if e == ext), "docx")
    if out_dir and not os.path.isdir(out_dir):
        try:
            os.makedirs(out_dir, exist_ok=True)
        except OSError as exc:
            raise click.UsageError(f"无法创建输出目录 {out_dir}（{exc.strerror}）") from None

    ws, template_dirs, glossary_dirs = resources(template_dirs, glossary_dirs)
    plan = outputs.Plan(outlines, folders=template_dirs + glossary_dirs, force=force)
    targets, refusals = [], []  # every target is checked before the first file is written
    for path in outlines:
        try:
            targets.append(plan.add(output or pipeline.output_path(path, fmt, out_dir)))
        except DrafterError as exc:
            refusals.append(exc)
    if refusals:
        for exc in refusals:
            fail(exc)
        click.echo(f"{len(outlines)} 个大纲未能生成。", err=True)
        sys.exit(EXIT_BAD_INPUT)
    glossary = load_glossary(glossary_dirs)
    rate = rate or (ws.config["rate"] if ws else None)
    failed = refused = 0
    reports: list[str] = []

    def one(path: str, out: str) -> None:
        nonlocal failed, refused
        try:
            written = pipeline.render_file(path, out, fmt, template_dirs, glossary, strict)
        except DrafterError as exc:
            failed += 1
            fail(exc.located(path))
            return
        except pipeline.StrictError as exc:
            refused += 1
            reports.append(report_text(exc.findings, [out], colour=sys.stdout.isatty()))
            reports.append(f"校对发现错误，未写出 {out}（--strict）")
            return
        if written.findings:
            reports.append(report_text(written.findings, [out], colour=sys.stdout.isatty()))
        spoken = written.speaking(rate)
        if spoken and spoken[1]:
            reports.append(f"警告：{out} 超过讲话限时 {written.rendered.outline.data['limit']} 分钟")
        click.echo(f"已生成 {out}" + (f"，{spoken[0]}" if spoken else ""))

    if len(outlines) > 1:
        with click.progressbar(list(zip(outlines, targets)), label="正在生成", file=sys.stderr) as bar:
            for path, out in bar:
                one(path, out)
    else:
        one(outlines[0], targets[0])
    for report in reports:
        click.echo(report)
    if failed:
        click.echo(f"{failed} 个大纲未能生成。", err=True)
        sys.exit(EXIT_BAD_INPUT)
    if refused:
        sys.exit(1)


@cli.command(options_metavar="[选项]")
@click.argument("kind", type=click.Choice(["speech", "report", "notice"]), metavar="文种")
@click.option("-o", "--output", metavar="文件", help="写入文件；不给则输出到屏幕。")
@click.option("--force", is_flag=True, help="覆盖已有文件。")
def new(kind: str, output: str | None, force: bool) -> None:
    """生成一份带说明的空白大纲（speech、report 或 notice）。"""
    from . import outputs
    from .resources import shipped

    text = (shipped("templates") / "starters" / f"{kind}.yaml").read_text(encoding="utf-8")
    if not output:
        click.echo(text, nl=False)
        return
    outputs.write(outputs.Plan(force=force).add(output), text.encode("utf-8"))
    click.echo(f"已生成 {output}，请填写后运行：drafter render {output}")


@cli.command(options_metavar="[选项]")
@click.argument("files", nargs=-1, metavar="文件...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="输出格式。")
@click.option("--glossary", "glossary_dirs", multiple=True, metavar="目录",
              help="自己的词库目录，补充或覆盖内置词库，可多次使用。")
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
    from .check import check_file, load_glossary
    from .check.report import as_json, text
    from .schema import Date, SchemaError

    if not files:
        raise click.UsageError("请给出至少一个文件，例如：drafter check 讲话.docx")
    if (fix or annotate) and len(files) > 1:
        raise click.UsageError("--fix 和 --annotate 每次只能处理一个文件")
    if fix and not output:
        raise click.UsageError("--fix 需要用 -o 指定输出文件，原稿不会被修改")
    if output and not fix:
        raise click.UsageError("-o 只与 --fix 一起使用")
    try:
        when = Date().check(doc_date, ("--date",)) if doc_date else None
    except SchemaError as exc:
        raise click.UsageError(f"--date：{exc.message}") from None
    ws, template_dirs, glossary_dirs = resources((), glossary_dirs)
    if fix or annotate:
        from . import outputs

        plan = outputs.Plan(files, folders=glossary_dirs, force=force)
        for target in (output, annotate):
            if target:
                plan.add(target)
    glossary = load_glossary(glossary_dirs)
    region = region or (ws.config.get("region") if ws else None)
    findings, bad = [], 0
    for path in files:
        try:
            findings.extend(check_file(path, glossary, date=when, region=region, template_dirs=template_dirs))
        except DrafterError as exc:
            bad += 1
            fail(exc.located(path))
    if fmt == "json":
        click.echo(as_json(findings))
    else:
        click.echo(text(findings, list(files), colour=sys.stdout.isatty()))
    if not bad and fix:
        from .check.edits import fix_file

        changes, skipped = fix_file(files[0], findings, output)
        for c in changes:
            click.echo(f"已修改 第{c.paragraph}段 第{c.offset + 1}字：“{c.old}” → “{c.new}”", err=True)
        for f in skipped:
            click.echo(f"未修改 第{f.paragraph}段 第{f.offset + 1}字：“{f.match}”跨越了不同格式的文字，请手工修改",
                       err=True)
        click.echo(f"已写入 {output}（{len(changes)} 处修改）", err=True)
    if not bad and annotate:
        from .check.edits import annotate as add_comments

        count = add_comments(files[0], findings, annotate)
        click.echo(f"已写入 {annotate}（{count} 条批注）", err=True)
    if bad:
        sys.exit(EXIT_BAD_INPUT)
    if any(f.severity == "error" for f in findings):
        sys.exit(1)


@cli.command(options_metavar="[选项]")
@click.argument("term", required=False, metavar="提法")
@click.option("--list", "list_all", is_flag=True, help="列出全部条目。")
@click.option("--test", "self_test", is_flag=True, help="逐条运行词库条目自带的例句，检验词库本身。")
@click.option("--glossary", "glossary_dirs", multiple=True, metavar="目录", help="自己的词库目录。")
def glossary(term: str | None, list_all: bool, self_test: bool, glossary_dirs: tuple[str, ...]) -> None:
    """查看规范提法词库：drafter glossary 四个意识；drafter glossary --list；drafter glossary --test。"""
    from .check import load_glossary
    from .check.glossary import self_test as run_self_test
    from .check.report import describe_entry

    g = load_glossary(resources((), glossary_dirs)[2])
    if self_test:
        failures = run_self_test(g)
        for entry, kind, text in failures:
            want = "应被查出，但没有" if kind == "bad" else "不应被查出，但被查出了"
            click.echo(f"{entry.source}：{entry.term}：例句“{text}”{want}")
        click.echo(f"词库自测：{len(g.entries)} 条，{len(failures)} 处不符。")
        if failures:
            sys.exit(1)
        return
    if list_all or not term:
        for entry in sorted(g.entries.values(), key=lambda e: (e.data.get("category") or "", e.term)):
            click.echo(f"{entry.term}\t{entry.data.get('category') or ''}")
        click.echo(f"共 {len(g.entries)} 条。")
        return
    entry = g.find(term)
    if entry is None:
        raise DrafterError(f"词库中没有“{term}”；用 drafter glossary --list 查看全部条目")
    click.echo(describe_entry(entry))


@cli.command(options_metavar="[选项]")
@click.argument("name", required=False, metavar="片段名")
@click.option("--templates", "template_dirs", multiple=True, metavar="目录", help="自定义模板目录。")
def sections(name: str | None, template_dirs: tuple[str, ...]) -> None:
    """列出可复用的片段；给出片段名时显示它的参数和示例效果。

    \b
    在大纲中引用片段：
      points:
        - use: 加强自身建设
          with: {body: 区人大常委会}
    """
    from . import sections as library
    from . import templating

    ws, template_dirs, _ = resources(template_dirs)
    path = templating.search_path(template_dirs)

    def origin(section) -> str:
        folder = Path(section.folder)
        if ws and folder == ws.templates:
            return "工作区"
        return "内置" if folder == Path(path[-1]) else str(folder)

    def params(section) -> list[str]:
        lines = []
        for p, spec in section.params.items():
            default = spec.get("default")
            tail = "必填" if default is None else f"默认：{default or '（空）'}"
            lines.append(f"    {p}：{spec.get('doc') or '（无说明）'}（{tail}）")
        return lines

    if not name:
        found = library.find_all(path)
        for section in found.values():
            over = f"，覆盖了{len(section.overrides)}个同名片段" if section.overrides else ""
            click.echo(f"{section.name}［{origin(section)}{over}］　{section.purpose}")
            for line in params(section):
                click.echo(line)
        click.echo(f"共 {len(found)} 个片段。用 drafter sections 片段名 查看示例。")
        return
    section = library.find(name, path)
    click.echo(f"{section.name}［{origin(section)}］　{section.purpose}")
    click.echo(f"  文件：{section.path}")
    for over in library.find_all(path)[section.name].overrides:
        click.echo(f"  覆盖：{over}")
    click.echo("  参数：" if section.params else "  参数：无")
    for line in params(section):
        click.echo(line)
    values = section.example_values()
    missing = [p for p, v in values.items() if v is None]
    if missing:
        click.echo(f"  （参数 {'、'.join(missing)} 没有示例值，无法显示示例）")
        return
    shown = "，".join(f"{p}={v}" for p, v in values.items())
    click.echo(f"  示例（{shown or '无参数'}）：")
    from . import markdown, writers

    text = writers.write(markdown.parse(library.render(section, values, path)), "txt").decode("utf-8")
    for line in text.rstrip("\n").splitlines():
        click.echo(f"  {line}")


@cli.command(options_metavar="[选项]")
@click.argument("folder", metavar="目录", default=".")
def init(folder: str) -> None:
    """新建工作区：outlines/、templates/sections/、glossary/、drafter.yaml 和说明。"""
    from . import workspace

    ws = workspace.init(folder)
    click.echo(f"已在 {ws.root} 新建工作区：outlines/（大纲）、templates/sections/（片段）、glossary/（词库）、"
               f"drafter.yaml（设置），说明见 README.md")


@cli.command("import", options_metavar="[选项]")
@click.argument("source", metavar="讲话稿")
@click.option("-o", "--output", required=True, metavar="大纲.yaml", help="写出的大纲文件。")
@click.option("--sections", "sections_dir", metavar="目录", help="同时把每个一级要点另存为可复用的片段。")
@click.option("--force", is_flag=True, help="覆盖已有的大纲文件。")
@click.option("--rate", type=click.IntRange(60, 600), default=None, help="语速（字/分钟），用于估算讲话时长。")
def import_(source: str, output: str, sections_dir: str | None, force: bool, rate: int | None) -> None:
    """把已有的讲话稿（.txt 或 .docx）转成大纲，去掉网页残留，保留原文文字。"""
    from . import importer, outputs, speaking

    plan = outputs.Plan([source], force=force)
    plan.add(output)
    if sections_dir and not os.path.isdir(sections_dir):
        raise DrafterError("片段目录不存在", file=sections_dir)
    result = importer.import_file(source)
    text = importer.to_yaml(result, os.path.basename(source))
    written = {}
    if sections_dir:  # every target is checked before the first file is written
        taken = {n[:-len(".md.j2")] for n in os.listdir(sections_dir) if n.endswith(".md.j2")}
        for i, point in enumerate(result.points, 1):
            name = importer.section_name(point.title, taken)
            path = plan.add(os.path.join(sections_dir, f"{name}.md.j2"))
            written[path] = importer.section_markdown(point, os.path.basename(source), i).encode("utf-8")
    for path, data in written.items():
        outputs.write(path, data)
    outputs.write(output, text.encode("utf-8"))
    click.echo(f"已生成 {output}：{len(result.points)} 个一级要点")
    if result.removed:
        click.echo(f"已去掉网页残留 {len(result.removed)} 处：" + "；".join(r[:20] for r in result.removed[:5])
                   + ("……" if len(result.removed) > 5 else ""))
    for path in written:
        click.echo(f"已保存片段 {path}")
    ws = resources()[0]
    click.echo(speaking.report(speaking.count(result.text), rate or (ws.config["rate"] if ws else None)))


@cli.command()
def kinds() -> None:
    """列出支持的文种。"""
    from .kinds import KINDS

    for kind in KINDS.values():
        click.echo(f"{kind.name:<8}{kind.label}\t{kind.description}")


@cli.command()
def doctor() -> None:
    """检查 LibreOffice（预览用）和公文字体是否安装。"""
    from .doctor import diagnose

    for line in diagnose():
        click.echo(line)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code; every failure is one line on stderr."""
    from .streams import cannot_write, stdout_closed

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
        from .streams import WRITE_ERRNOS

        if exc.errno in WRITE_ERRNOS:  # stdout full, closed or broken
            return cannot_write(exc.strerror or "")
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
