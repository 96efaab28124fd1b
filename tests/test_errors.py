"""Bad input: one line in Chinese with file and place, exit code 2, and nothing written."""

import os
import time
from pathlib import Path

import pytest

from .conftest import MINIMAL_SPEECH, OUTLINES, write


def render_fails(cli, outline: Path, out: Path, *extra):
    before = out.read_bytes() if out.exists() else None
    code, stdout, stderr = cli("render", outline, "-o", out, *extra)
    assert code == 2
    assert "Traceback" not in stderr
    lines = [l for l in stderr.splitlines() if l.strip()]
    assert lines[0].startswith("错误：")
    assert lines[-1] == "1 个大纲未能生成。"
    if before is None:
        assert not out.exists()
    else:
        assert out.read_bytes() == before  # never clobbered
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".drafter-")]  # no temp left
    return lines[0]


def template_fails(cli, tmp_path, source: str, name: str = "speech.md.j2", outline: str = MINIMAL_SPEECH):
    """Render ``outline`` with a writer's template ``name`` holding ``source``; the error line,
    the template file and the outline file."""
    tpl = tmp_path / "tpl"
    (tpl / name).parent.mkdir(parents=True, exist_ok=True)
    (tpl / name).write_text(source, encoding="utf-8")
    path = write(tmp_path, "s.yaml", outline)
    return render_fails(cli, path, tmp_path / "s.docx", "--templates", tpl), tpl / name, path


def test_yaml_syntax_error_gives_file_line_col(cli, tmp_path):
    src = write(tmp_path, "bad.yaml", "kind: speech\ntitle: 讲话\npoints:\n  - title: 一\n   paragraphs: [x]\n")
    msg = render_fails(cli, src, tmp_path / "bad.docx")
    assert msg.startswith(f"错误：{src}:5:")
    assert "缩进" in msg or "冒号" in msg


def test_unclosed_quote(cli, tmp_path):
    src = write(tmp_path, "q.yaml", 'kind: speech\ntitle: "讲话\n')
    msg = render_fails(cli, src, tmp_path / "q.docx")
    assert f"{src}:3:1: 引号或括号没有配对" in msg


def test_schema_error_names_the_field_path(cli, tmp_path):
    src = MINIMAL_SPEECH.replace("  - title: 加强自身建设\n    paragraphs: [要改进作风。]\n",
                                 "  - title: 加强自身建设\n    subpoints:\n      - title: [列表不是标题]\n")
    path = write(tmp_path, "s.yaml", src)
    msg = render_fails(cli, path, tmp_path / "s.docx")
    assert msg == f"错误：{path}:12:16: points[2].subpoints[0].title: 应为文字，实为列表"


def test_missing_required_field(cli, tmp_path):
    path = write(tmp_path, "r.yaml", "kind: report\ntitle: 工作报告\n")
    msg = render_fails(cli, path, tmp_path / "r.docx")
    assert "organ: 缺少必填字段 organ" in msg


def test_unknown_key_suggests_the_intended_one(cli, tmp_path):
    path = write(tmp_path, "s.yaml", MINIMAL_SPEECH.replace("  - title: 依法履职尽责", "  - titel: 依法履职尽责"))
    msg = render_fails(cli, path, tmp_path / "s.docx")
    assert msg == f"错误：{path}:8:5: points[1].titel: 未知字段 titel，是不是 title？"


def test_unknown_style_lists_the_choices(cli, tmp_path):
    path = write(tmp_path, "s.yaml", MINIMAL_SPEECH.replace("    paragraphs: [要强化监督。]", "    style: 甲乙\n    paragraphs: [要强化监督。]"))
    msg = render_fails(cli, path, tmp_path / "s.docx")
    assert "points[1].style: “甲乙”不是可选值" in msg and "一是" in msg


def test_date_that_does_not_exist(cli, tmp_path):
    path = write(tmp_path, "s.yaml", MINIMAL_SPEECH + "date: 2024-02-30\n")
    msg = render_fails(cli, path, tmp_path / "s.docx")
    assert "date: 日期不存在：2024-02-30" in msg


def test_full_width_colon_is_explained(cli, tmp_path):
    path = write(tmp_path, "s.yaml", "kind：speech\n")
    msg = render_fails(cli, path, tmp_path / "s.docx")
    assert "半角" in msg


def test_too_many_shouxian_items(cli, tmp_path):
    subs = "".join(f"      - title: 第{i}项\n" for i in range(5))
    path = write(tmp_path, "s.yaml", MINIMAL_SPEECH.replace("    paragraphs: [要强化监督。]", "    style: 首先\n    subpoints:\n" + subs))
    msg = render_fails(cli, path, tmp_path / "s.docx")
    assert "points[1].subpoints" in msg and "最多 4 项" in msg


def test_nesting_deeper_than_four_levels(cli, tmp_path):
    deep = "  - title: 一\n    subpoints:\n      - title: 二\n        subpoints:\n          - title: 三\n            subpoints:\n              - title: 四\n                subpoints:\n                  - title: 五\n"
    path = write(tmp_path, "s.yaml", "kind: speech\ntitle: 讲话\npoints:\n" + deep)
    msg = render_fails(cli, path, tmp_path / "s.docx")
    assert "层次过深" in msg and "points[0].subpoints[0].subpoints[0].subpoints[0].subpoints" in msg


def test_alias_bomb_is_refused_quickly(cli, tmp_path):
    lines = ["kind: speech", "title: 讲话", 'a0: &a0 ["哈哈"]']
    for i in range(1, 30):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    start = time.monotonic()
    msg = render_fails(cli, path, tmp_path / "bomb.docx")
    assert time.monotonic() - start < 30  # generous: a bomb that expanded would never finish
    assert "锚点展开后超过" in msg


def test_self_referencing_alias(cli, tmp_path):
    path = write(tmp_path, "loop.yaml", "kind: speech\ntitle: 讲话\nopening: &x [*x]\n")
    msg = render_fails(cli, path, tmp_path / "loop.docx")
    assert "引用了它自身" in msg


def test_existing_output_is_not_clobbered_on_failure(cli, tmp_path):
    out = tmp_path / "speech.docx"
    out.write_bytes(b"last year's speech")
    path = write(tmp_path, "speech.yaml", "kind: speech\ntitle: [坏]\n")
    render_fails(cli, path, out)


def test_missing_template_variable_names_template_and_variable(cli, tmp_path):
    msg, template, _ = template_fails(cli, tmp_path, "# {{ title }}\n\n{{ venue }}\n")
    assert msg == f"错误：{template}:3: 模板用到的变量 venue 在大纲中没有"


def test_template_breaking_out_of_the_sandbox_is_refused(cli, tmp_path):
    msg, _, _ = template_fails(cli, tmp_path, "# {{ title }}\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    assert "沙箱" in msg and "speech.md.j2:2" in msg


COUNTDOWN = """{#- section
purpose: 会前倒计时的一句话
params:
  days: {doc: 距开会天数, example: 3}
  done: {doc: 已完成的准备事项数, example: 1}
-#}
距开会还有{{ days }}天，还有{{ days - done }}项准备工作要抓紧。{% for i in range(days) %}{% endfor %}
"""


@pytest.mark.parametrize("days,done,field,reason", [
    ("三", 1, "days", "“-”不能用于文字和数字"),  # a Chinese numeral where the template counts
    (3, "一", "done", "“-”不能用于数字和文字"),  # the text is blamed, not the number beside it
    (100000000, 1, "days", "range 的范围超过"),  # a value that blows the template's budget
])
def test_template_error_caused_by_an_outline_value_names_the_outline_field(cli, tmp_path, days, done, field, reason):
    """A template that fails on a value the writer gave is told at that value in the outline:
    file, line, field, and the template's own place after it."""
    msg, template, path = template_fails(cli, tmp_path, COUNTDOWN, "sections/倒计时.md.j2", MINIMAL_SPEECH.replace(
        "opening:\n", f"opening:\n  - use: 倒计时\n    with:\n      days: {days}\n      done: {done}\n"))
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, l in enumerate(lines, 1) if l.strip().startswith(f"{field}:"))
    assert msg.startswith(f"错误：{path}:{line}:"), msg
    assert f": opening[0].with.{field}: " in msg and reason in msg, msg
    assert f"起因是大纲中的这个值（模板 {template}:7）" in msg, msg


def test_kind_template_error_on_an_outline_field_names_the_field(cli, tmp_path):
    msg, _, path = template_fails(cli, tmp_path, "# {{ title }}\n\n{{ title | cndate }}\n")
    line = next(i for i, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if l.startswith("title:"))
    assert msg.startswith(f"错误：{path}:{line}:") and ": title: " in msg, msg
    assert "cndate 不能用于文字" in msg and f"speech.md.j2:3）" in msg, msg


def test_template_error_of_the_template_itself_names_only_the_template(cli, tmp_path):
    """A value the template made itself (not one of the outline's) is not blamed on the outline."""
    msg, template, _ = template_fails(cli, tmp_path, "# {{ title }}\n\n{{ '十' - 1 }}\n")
    assert msg == f"错误：{template}:3: 模板出错（“-”不能用于文字和数字）", msg


def test_template_syntax_error(cli, tmp_path):
    msg, _, _ = template_fails(cli, tmp_path, "# {{ title }\n")
    assert "模板语法错误" in msg and "speech.md.j2:1" in msg


@pytest.mark.parametrize("content,reason", [
    (b"", "文件是空的"),
    (b"\x00\x01\x02PK", "二进制文件"),
    (b"\xff\xfe\xfa\xfb\xfc" * 3, "无法识别文件编码"),
])
def test_unreadable_outlines(cli, tmp_path, content, reason):
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    assert reason in render_fails(cli, path, tmp_path / "x.docx")


def test_missing_file(cli, tmp_path):
    assert "文件不存在" in render_fails(cli, tmp_path / "nope.yaml", tmp_path / "nope.docx")


def test_gb18030_outline_renders(cli, tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes(MINIMAL_SPEECH.encode("gb18030"))
    code, _, err = cli("render", path)
    assert code == 0, err
    assert (tmp_path / "gbk.docx").exists()


def test_one_bad_outline_does_not_stop_the_batch(cli, tmp_path):
    bad = write(tmp_path, "bad.yaml", "kind: speech\n")
    code, out, err = cli("render", bad, OUTLINES / "speech.yaml", "--out-dir", tmp_path / "out")
    assert code == 2
    assert (tmp_path / "out" / "speech.docx").exists()
    assert not (tmp_path / "out" / "bad.docx").exists()
    assert "bad.yaml" in err and "title: 缺少必填字段 title" in err


def test_usage_errors_exit_2_in_chinese(cli, tmp_path):
    code, _, err = cli("render")
    assert code == 2 and "请给出至少一个大纲文件" in err
    code, _, err = cli("render", OUTLINES / "speech.yaml", OUTLINES / "report.yaml", "-o", tmp_path / "x.docx")
    assert code == 2 and "-o 只能用于一个大纲" in err
    assert not (tmp_path / "x.docx").exists()


def test_new_writes_a_starter_that_renders_and_never_overwrites(cli, tmp_path):
    target = tmp_path / "讲话.yaml"
    code, out, _ = cli("new", "speech", "-o", target)
    assert code == 0 and "已生成" in out
    text = target.read_text(encoding="utf-8")
    schema_line, rest = text.split("\n", 1)  # the editor's schema line comes first (kinds/README.md)
    assert schema_line.startswith("# yaml-language-server: $schema=") and rest.startswith("# 讲话稿大纲")
    code, _, err = cli("render", target)
    assert code == 0, err
    target.write_text("mine", encoding="utf-8")
    code, _, err = cli("new", "speech", "-o", target)
    assert code == 2 and "文件已存在" in err
    assert target.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("kind", ["speech", "report", "notice"])
def test_every_starter_renders(cli, tmp_path, kind):
    target = tmp_path / f"{kind}.yaml"
    assert cli("new", kind, "-o", target)[0] == 0
    code, _, err = cli("render", target)
    assert code == 0, err


def test_kinds_and_doctor(cli):
    code, out, _ = cli("kinds")
    assert code == 0 and "speech" in out and "讲话稿" in out and "notice" in out
    code, out, _ = cli("doctor")
    assert code == 0
    assert "LibreOffice" in out and "pdftotext（poppler）：" in out
    for font in ("方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体"):
        assert f"字体 {font}：" in out


def test_output_through_a_link_replaces_the_target_and_keeps_the_link(cli, tmp_path):
    target = tmp_path / "final.txt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.txt"
    link.symlink_to(target)
    code, _, err = cli("render", OUTLINES / "speech.yaml", "-o", link, "--force")  # it exists: --force
    assert code == 0, err
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("在全市县市区人大主任会议上的讲话")


def test_output_to_a_pipe_or_device_is_written_directly(cli, tmp_path):
    code, _, err = cli("render", OUTLINES / "speech.yaml", "--format", "txt", "-o", os.devnull)
    assert code == 0, err
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)


def test_an_unusable_cache_only_makes_drafter_slower(tmp_path):
    import subprocess
    import sys

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")  # the cache folder cannot be made, even by root
    env = {**os.environ, "XDG_CACHE_HOME": str(blocked)}
    for args in (["render", str(OUTLINES / "notice.yaml"), "-o", str(tmp_path / "n.docx")],
                 ["check", str(tmp_path / "n.docx")]):
        proc = subprocess.run([sys.executable, "-m", "drafter", *args], env=env, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "n.docx").exists()


def test_two_outlines_of_one_name_into_one_folder_name_both_and_write_nothing(cli, tmp_path):
    for folder in ("甲", "乙"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "讲话.yaml", MINIMAL_SPEECH)
    a, b = tmp_path / "甲" / "讲话.yaml", tmp_path / "乙" / "讲话.yaml"
    code, _, stderr = cli("render", a, b, "--out-dir", tmp_path / "out")
    assert code == 2 and "Traceback" not in stderr
    assert f"{a} 与 {b} 都要写到这个文件" in stderr.splitlines()[0], stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.parametrize("escape", ["\\r", "\\x85", "\\u2028", "\\u2029", "\\n"])
def test_a_value_holding_a_line_break_is_quoted_on_one_line(cli, tmp_path, escape):
    """Found by make fuzz (seed 1904640817, outline-752#481): the value quoted in the message
    held U+2028 and the one-line message became two."""
    path = write(tmp_path, "k.yaml", f'kind: "a{escape}b"\ntitle: 讲话\n')
    code, _, stderr = cli("check", path)
    assert code == 2 and len(stderr.splitlines()) == 1, repr(stderr)
    assert stderr.startswith(f"错误：{path}:1:7: kind: “a") and "不是可选值" in stderr


def test_the_cache_drops_what_no_run_has_written_for_a_month(tmp_path):
    """Each version of a glossary or template leaves an entry in the cache: entries written more
    than CACHE_DAYS ago go when the folder is next written (at most once a day), the rest stay,
    and files that are not rebuilt from their source (the record of written files) are kept."""
    import time

    from drafter.files.fs import CACHE_DAYS, cache_get, cache_put

    old = time.time() - (CACHE_DAYS + 1) * 86400
    for name in ("glossary-old.pickle", "x.123.tmp", "written.json"):
        (tmp_path / name).write_bytes(b"x")
        os.utime(tmp_path / name, (old, old))
    (tmp_path / "glossary-recent.pickle").write_bytes(b"x")
    cache_put(tmp_path / "glossary-new.pickle", [1])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".pruned", "glossary-new.pickle", "glossary-recent.pickle", "written.json"]
    (tmp_path / "glossary-old.pickle").write_bytes(b"x")
    os.utime(tmp_path / "glossary-old.pickle", (old, old))
    cache_put(tmp_path / "glossary-newer.pickle", [2])  # pruned today already: left for tomorrow
    assert (tmp_path / "glossary-old.pickle").exists() and cache_get(tmp_path / "glossary-newer.pickle") == [2]
