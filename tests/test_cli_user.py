"""What a new user met in one afternoon (issue 23): each case failed before and passes now."""

import re
import struct

import pytest

from .conftest import MINIMAL_SPEECH, needs_soffice, write


@pytest.mark.parametrize("name,first", [("讲话稿", "讲话稿大纲"), ("讲话", "讲话稿大纲"), ("通知", "通知大纲"),
                                        ("工作报告", "报告"), ("speech", "讲话稿大纲")])
def test_new_takes_a_kind_by_its_chinese_name(cli, tmp_path, name, first):
    code, out, err = cli("new", name)
    assert code == 0 and first in out.splitlines()[0], err
    code, _, err = cli("new", name, "-o", tmp_path / "x.yaml")
    assert code == 0 and (tmp_path / "x.yaml").exists(), err


def test_new_names_the_kinds_in_chinese_when_the_kind_is_unknown(cli):
    code, _, err = cli("new", "简报")
    assert code == 2 and "“简报”不是文种" in err and "speech（讲话稿）" in err


def test_import_without_o_writes_beside_the_input_and_never_over_a_file(cli, tmp_path):
    src = write(tmp_path, "旧稿.txt", "在会议上的讲话\n同志们：\n今天开会。\n一、加强学习\n要加强学习。\n谢谢大家！\n")
    code, out, err = cli("import", src)
    assert code == 0, err
    assert (tmp_path / "旧稿.yaml").read_text(encoding="utf-8").count("加强学习") >= 1
    assert f"已生成 {tmp_path / '旧稿.yaml'}" in out
    before = (tmp_path / "旧稿.yaml").read_bytes()
    code, _, err = cli("import", src)
    assert code == 2 and "已存在" in err and (tmp_path / "旧稿.yaml").read_bytes() == before


def test_import_to_standard_output(cli, tmp_path):
    src = write(tmp_path, "旧稿.txt", "在会议上的讲话\n同志们：\n今天开会。\n一、加强学习\n要加强学习。\n")
    code, out, err = cli("import", src, "-o", "-")
    assert code == 0 and out.startswith("# 由 drafter import") and "已生成" not in out, err
    assert not (tmp_path / "-").exists() and not (tmp_path / "旧稿.yaml").exists()


@pytest.mark.parametrize("fmt,words", [("txt", "同志们："), ("md", "# ")])
def test_render_to_standard_output(cli, tmp_path, monkeypatch, fmt, words):
    monkeypatch.chdir(tmp_path)
    src = write(tmp_path, "s.yaml", MINIMAL_SPEECH)
    code, out, err = cli("render", src, "-o", "-", "--format", fmt)
    assert code == 0 and words in out and "提高政治站位" in out, err
    assert not (tmp_path / "-").exists() and not (tmp_path / "s.docx").exists()


def test_render_to_standard_output_refuses_docx_with_a_reason(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = write(tmp_path, "s.yaml", MINIMAL_SPEECH)
    code, out, err = cli("render", src, "-o", "-")
    assert code == 2 and out == "" and "不能输出到屏幕" in err and "--format md" in err
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("name", ["稿.docx", "稿.txt", "稿.pdf", "稿.md"])
def test_render_of_a_draft_says_what_to_run_instead(cli, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"x")
    code, _, err = cli("render", path)
    assert code == 2 and "只接受 YAML 大纲" in err and f"drafter check {path}" in err and "drafter import" in err
    assert path.read_bytes() == b"x"


@pytest.mark.parametrize("text,line", [
    ("kind: speech\ntitle 在会议上的讲话\ndate: 2026-03-01\n", 2),
    ("kind: speech\ntitle: 在会议上的讲话\nspeaker 张三\n", 3),
    ("kind: speech\ntitle: 在会议上的讲话\npoints:\n  - title 第一点\n    paragraphs: [a]\n", 4),
    ("kind: speech\ntitle: 在会议上的讲话\npoints:\n  - title: 第一点\n    style 一是\n    paragraphs: [a]\n", 5),
])
def test_a_missing_colon_is_reported_at_its_own_line(cli, tmp_path, text, line):
    src = write(tmp_path, "o.yaml", text)
    code, _, err = cli("render", src)
    assert code == 2 and f"o.yaml:{line}:" in err and "冒号" in err, err


@pytest.mark.parametrize("name,content,words", [
    ("稿.docx", "在会议上的讲话\n同志们：\n".encode("utf-8"), "纯文本，不是 .docx 文档，请把扩展名改为 .txt"),
    ("稿.txt", b"PK\x03\x04" + b"\x00" * 40, "请把扩展名改为 .docx"),
    ("稿.docx", b"%PDF-1.7\n" + b"\x00" * 40, "PDF 文件，与扩展名 .docx 不符"),
    ("稿.pdf", b"\xd0\xcf\x11\xe0" + b"\x00" * 40, "请把扩展名改为 .doc"),
])
@pytest.mark.parametrize("command", ["check", "import"])
def test_a_file_whose_content_does_not_match_its_extension_is_named(cli, tmp_path, name, content, words, command):
    path = tmp_path / name
    path.write_bytes(content)
    code, _, err = cli(command, path, *(["-o", tmp_path / "o.yaml"] if command == "import" else []))
    assert code == 2 and words in err, err
    assert not (tmp_path / "o.yaml").exists()


def test_preview_dpi_out_of_range_is_refused_in_chinese(cli, tmp_path):
    code, _, err = cli("preview", tmp_path / "x.docx", "--dpi", "20")
    assert code == 2 and "不在允许的范围" in err


@needs_soffice()
def test_preview_writes_pages_at_150_dpi_by_default_and_at_the_dpi_asked(cli, tmp_path):
    src = write(tmp_path, "s.yaml", MINIMAL_SPEECH)

    def width(png):
        return struct.unpack(">II", png.read_bytes()[16:24])[0]

    assert cli("preview", src, "--png")[0] == 0
    assert abs(width(tmp_path / "s-1.png") - round(210 / 25.4 * 150)) <= 2
    assert cli("preview", src, "--png", "--dpi", "100", "--force")[0] == 0
    assert abs(width(tmp_path / "s-1.png") - round(210 / 25.4 * 100)) <= 2


# --- no English a writer can meet --------------------------------------------------------

# Words that may stand in a Chinese message: the program and its commands, options, formats,
# products and standards. Anything else of three or more Latin letters is English.
ALLOWED = {"drafter", "yaml", "yml", "docx", "dotx", "pdf", "txt", "md", "doc", "wps", "rtf", "png", "odt",
           "libreoffice", "soffice", "word", "pdftotext", "pdftoppm", "poppler", "utf", "gb", "gbt", "html", "http",
           "https", "url", "json", "speech", "report", "notice", "kind", "title", "points", "opening", "closing",
           "use", "with", "style", "paragraphs", "subpoints", "date", "unit", "chromium", "debian", "ubuntu",
           "apt", "get", "install", "writer", "nogui", "utils", "fonts", "noto", "cjk", "arphic", "ukai", "uming",
           "fontconfig", "markdown", "jinja", "python", "docker", "host", "port", "noise", "text", "json", "serif", "sans", "body", "outlines", "templates", "sections", "glossary"}


def _kind_words() -> set[str]:
    """Every shipped kind's English id, word by word (meeting-notice, host-script …): names, not English."""
    from drafter.outline.kinds import shipped_kinds

    return {w for p in shipped_kinds().iterdir() if p.is_dir() for w in p.name.lower().split("-")}


KIND_WORDS = _kind_words()


def english_words(text: str, names: set[str]) -> list[str]:
    names = names | KIND_WORDS
    words = []
    for line in text.splitlines():
        line = re.sub(r"--?[\w-]+", " ", line)  # option names
        for w in re.findall(r"[A-Za-z]{3,}", line):
            if w.lower() not in ALLOWED and w.lower() not in names:
                words.append(w)
    return words


def command_names():
    from drafter.cli import cli as group

    return sorted(group.commands)


def error_calls(tmp_path):
    """Every command with each way of getting it wrong: nothing given, a missing file, an unknown
    option, a bad option value, a file of the wrong kind, and a bad outline. Each command gets
    files of its own (``init`` makes a workspace folder of the name it is given)."""
    calls = []
    for name in command_names():
        folder = tmp_path / name
        folder.mkdir()
        bad_yaml = write(folder, "坏.yaml", "kind: speech\ntitle 讲话\n")
        not_outline = write(folder, "稿.txt", "在会议上的讲话\n")
        fake_docx = write(folder, "假.docx", "在会议上的讲话\n")
        calls += [(name,), (name, "--no-such-option"), (name, folder / "不存在.docx"), (name, bad_yaml),
                  (name, fake_docx), (name, not_outline, "--format", "xls"), (name, "--jobs", "x"),
                  (name, "--rate", "1"), (name, "--dpi", "abc"), (name, "--port", "abc")]
    folder = tmp_path / "render"
    calls += [("render", folder / "坏.yaml", "-o", "-"), ("render", "-o", "a.docx", folder / "坏.yaml", folder / "稿.txt"),
              ("check", folder / "稿.txt", "--date", "2026-13-40"), ("nosuchcommand",)]
    return calls


def test_no_command_answers_in_english(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DRAFTER_NO_BROWSER", "1")
    names = set(command_names()) | {"nosuchcommand", "abc", "xls"}
    leaks = []
    for call in error_calls(tmp_path):
        if call[0] == "serve" and len(call) == 1:
            continue  # serve with nothing wrong starts the server
        code, out, err = cli(*call)
        files = {p.stem.lower() for p in tmp_path.rglob("*")}
        said = (err + (out if code else "")).replace(str(tmp_path), "")
        words = english_words(said, names | files)
        if words:
            leaks.append(f"drafter {' '.join(map(str, call))} -> {words}: {err.strip()[:200]}")
    assert not leaks, "\n".join(leaks)


def test_help_of_every_command_is_in_chinese(cli):
    leaks = []
    for name in command_names():
        code, out, _ = cli(name, "--help")
        words = english_words(out, set(command_names()))
        if code or words:
            leaks.append(f"{name}: {words}")
    assert not leaks, "\n".join(leaks)


DRAFTS = ["旧稿.txt", "旧稿.md", "旧稿.docx", "旧稿.pdf"]


@pytest.mark.parametrize("command,name", [("render", "大纲.yaml"), ("check", "大纲.yaml")]
                         + [(command, name) for command in ("check", "import") for name in DRAFTS])
def test_one_size_limit_for_a_writers_files(cli, tmp_path, name, command):
    """Every command refuses a file over the one limit with the same words, and nothing over it
    is half-read: the file is sparse, so the refusal comes from its size alone."""
    from drafter.files.fs import MAX_FILE_MB
    path = tmp_path / name
    with open(path, "wb") as fh:
        fh.write(b"%PDF-1.4\n" if name.endswith(".pdf") else b"PK\x03\x04" if name.endswith(".docx") else b"kind: speech\n")
        fh.truncate(MAX_FILE_MB * 1024 * 1024 + 1)
    code, _, err = cli(command, path)
    assert code == 2 and f"上限 {MAX_FILE_MB} MB" in err and str(path) in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_import_refuses_an_outline_that_render_would_refuse(cli, tmp_path):
    """What import writes, render reads: an outline beyond one of render's limits is refused at
    import time, with render's reason, instead of being written for render to refuse."""
    body = "\n".join(["在会议上的讲话", "同志们：", "一、加强学习"] + ["要加强学习，提高履职能力。"] * 600)
    src = write(tmp_path, "旧稿.txt", body + "\n")
    code, _, err = cli("import", src)
    assert code == 2 and "drafter render 无法读取" in err and "段落过多" in err, err
    assert not (tmp_path / "旧稿.yaml").exists()
