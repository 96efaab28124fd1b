"""Hypothesis strategies that build hostile outlines, drafts, glossary files and drafter.yaml."""

from __future__ import annotations

from hypothesis import strategies as st

from .cases import (BAD_SCALARS, DOCX_COMMANDS, NOTICE_HEAD, TEMPLATE_COMMANDS, broken_xml, docx_bytes, files,
                    flipped, office_encrypted, section_emitting, speech, stored, with_part, workspace,
                    zip_encrypted)
from .harness import Case

ILLEGAL_ESCAPES = ["\\0", "\\x01", "\\x07", "\\b", "\\v", "\\f", "\\x0e", "\\x1b", "\\x1f", "\\uFFFE", "\\uFFFF",
                   "\\x7f", "\\x85", "\\u2028", "\\uD800"]
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
PUNCT = st.sampled_from(list("，。、；：！？“”‘’（）《》【】,.;:?!()\"'[]{}%#&*|>-—…·xX×某 \t"))
RAW_BAD = st.sampled_from(["\x01", "\x08", "\x0b", "\x0c", "\x1c", "\x1f", "\x7f", "\ufffe", "\u200b", "\ufeff"])


def _nest(draw_depth: int, kind: str) -> str:
    if kind == "seq":
        return "[" * draw_depth + "]" * draw_depth
    if kind == "map":
        return "{a: " * draw_depth + "1" + "}" * draw_depth
    return "- " * draw_depth + "x"


nesting = st.builds(_nest, st.sampled_from([10, 100, 1000, 5000, 30_000]), st.sampled_from(["seq", "map", "block"]))
words = st.text(st.one_of(CJK, PUNCT), min_size=1, max_size=40)
escaped = st.builds(lambda a, e, b: f'"{a}{e}{b}"', st.text(CJK, max_size=5), st.sampled_from(ILLEGAL_ESCAPES),
                    st.text(CJK, max_size=5))
long_text = st.builds(lambda ch, n: ch * n, st.sampled_from(["长", "(", "{{", "\"", "x", "，", "三点"]),
                      st.sampled_from([100, 5_000, 30_000, 200_000]))

# One YAML value as it would be written after "key: ".
scalar = st.one_of(
    st.sampled_from(BAD_SCALARS),
    escaped,
    nesting,
    st.sampled_from(["~", "null", "true", "no", "0o17", "1e400", ".nan", "-.inf", "2024-02-30", "0x1F", "&a x",
                     "*a", "*undefined", "&a [*a]", "!!str", "? x", "| \n  多行", ">-\n  折叠", "'单引号''", "@x", "`x",
                     "%YAML 1.1", "[a, *b]", "{}", "[]", "- x"]),
    words.map(lambda w: w.replace("\n", " ")),
    long_text.map(lambda t: '"' + t.replace('"', '\\"') + '"'),
    st.text(max_size=30).map(lambda t: t.replace("\n", " ")),
)


@st.composite
def hostile_outline(draw) -> Case:
    i = draw(st.integers(0, 10**9))
    base = draw(st.sampled_from(["speech", "notice", "raw"]))
    if base == "raw":
        source = draw(st.one_of(st.text(max_size=300), nesting, scalar))
    else:
        lines = (speech() if base == "speech" else NOTICE_HEAD).splitlines()
        for _ in range(draw(st.integers(1, 3))):
            at = draw(st.integers(0, len(lines) - 1))
            line = lines[at]
            if ":" in line and not line.rstrip().endswith(":"):
                key = line[: line.index(":") + 1]
                lines[at] = f"{key} {draw(scalar)}"
            elif line.lstrip().startswith("- "):
                lines[at] = line[: line.index("- ") + 2] + draw(scalar)
        if draw(st.booleans()):
            lines.append(f"{draw(st.sampled_from(['limit', 'date', 'region', 'subtitle', 'rate', 'x']))}: {draw(scalar)}")
        source = "\n".join(lines) + "\n"
    command = draw(st.sampled_from([["render", "o.yaml"], ["render", "o.yaml", "--format", "md"],
                                    ["render", "o.yaml", "--format", "txt"], ["check", "o.yaml"],
                                    ["render", "o.yaml", "--strict"]]))
    return Case("gen_outline", f"outline-{i}", files(**{"o.yaml": source}), command, names="o.yaml")


@st.composite
def hostile_draft(draw) -> Case:
    i = draw(st.integers(0, 10**9))
    line = st.one_of(words, long_text, st.text(max_size=60), st.builds(lambda a, b: a + b, words, RAW_BAD))
    lines = draw(st.lists(line, min_size=1, max_size=12))
    ext = draw(st.sampled_from([".txt", ".md", ".docx"]))
    if ext == ".docx":
        import re

        clean = [re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]", "", l) for l in lines]
        content: bytes | str = docx_bytes(clean)
    else:
        content = "\n".join(lines).encode("utf-8", "surrogatepass") if draw(st.booleans()) else "\n".join(
            lines).encode("utf-8", "replace")
    name = f"d{ext}"
    command = draw(st.sampled_from([["check", name], ["check", name, "--fix", "-o", "f" + ext],
                                    ["check", name, "--annotate", "a.docx"], ["check", name, "--format", "json"],
                                    ["import", name, "-o", "o.yaml"]]))
    return Case("gen_draft", f"draft-{i}", files(**{name: content}), command, names=name)


@st.composite
def hostile_glossary(draw) -> Case:
    i = draw(st.integers(0, 10**9))
    if draw(st.booleans()):
        source = draw(st.one_of(st.text(max_size=200), nesting, scalar))
    else:
        entry = {
            "term": draw(st.one_of(words, scalar)),
            "category": draw(st.one_of(words, scalar)),
            "variants": "[" + draw(st.one_of(words, scalar)) + "]",
            "basis": draw(st.one_of(st.just("实务"), scalar)),
        }
        keys = draw(st.lists(st.sampled_from(list(entry)), min_size=1, unique=True))
        source = "- " + "\n  ".join(f"{k}: {entry[k]}" for k in keys) + "\n"
    draft = draw(st.lists(words, min_size=1, max_size=4))
    command = draw(st.sampled_from([["check", "--glossary", "g", "d.txt"], ["glossary", "--glossary", "g", "--list"],
                                    ["glossary", "--glossary", "g", "--test"],
                                    ["check", "--glossary", "g", "d.txt", "--annotate", "a.docx"]]))
    return Case("gen_glossary", f"glossary-{i}", files(**{"g__x.yaml": source, "d.txt": "\n".join(draft) + "\n"}),
                command, names="x.yaml")


@st.composite
def hostile_config(draw) -> Case:
    i = draw(st.integers(0, 10**9))
    if draw(st.booleans()):
        source = draw(st.one_of(st.text(max_size=200), nesting, scalar))
    else:
        source = f"rate: {draw(scalar)}\n" + (f"region: {draw(scalar)}\n" if draw(st.booleans()) else "")
    command = draw(st.sampled_from([["check", "d.txt"], ["render", "outlines/s.yaml"], ["sections"],
                                    ["import", "d.txt", "-o", "o.yaml"], ["glossary", "--list"]]))
    return Case("gen_config", f"config-{i}", workspace(config=source, **{"d.txt": "在会议上的讲话\n今天开会。\n"}),
                command, names="drafter.yaml")


# --- issue 23's families --------------------------------------------------------------------

PARTS = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
         "word/settings.xml", "word/fontTable.xml", "word/webSettings.xml", "word/theme/theme1.xml", "docProps/core.xml",
         "docProps/app.xml"]
UNPARSED = ("word/fontTable.xml", "word/webSettings.xml", "word/theme/theme1.xml", "docProps/app.xml")


def _part_copied(part: str, out: str):
    """When the run wrote ``out``, a part python-docx never parses is the input's, byte for byte."""
    def judge(work, stdout, stderr) -> list[str]:
        import zipfile

        if part not in UNPARSED or not (work / out).exists():
            return []
        with zipfile.ZipFile(work / "d.docx") as a, zipfile.ZipFile(work / out) as b:
            return [] if a.read(part) == b.read(part) else [f"{part} not copied byte for byte into {out}"]
    return judge


@st.composite
def damaged_docx(draw) -> Case:
    """A .docx truncated, bit-flipped, encrypted (zip flag or Word's password), with a wrong
    [Content_Types].xml or a part whose XML is cut, under every command that reads a .docx."""
    i = draw(st.integers(0, 10**9))
    paras = [p for p in draw(st.lists(words, min_size=1, max_size=8)) if p.strip()] or ["今天的会议,主要任务是学习。"]
    good = docx_bytes([p.replace("\t", " ") for p in paras])
    if draw(st.booleans()):
        good = stored(good)
    how = draw(st.sampled_from(["truncate", "flip", "zip-encrypt", "office-encrypt", "content-types", "part"]))
    part = None
    if how == "truncate":
        data = good[: draw(st.integers(0, len(good) - 1))]
    elif how == "flip":
        n = draw(st.sampled_from([1, 2, 8, 64]))
        data = flipped(good, draw(st.lists(st.integers(0, len(good) - 1), min_size=n, max_size=n)),
                       draw(st.lists(st.integers(0, 7), min_size=1, max_size=4)))
    elif how == "zip-encrypt":
        data = zip_encrypted(good)
    elif how == "office-encrypt":
        data = office_encrypted(good, draw(st.sampled_from(["1", "密码", "x" * 40])))
        cut = draw(st.sampled_from([None, 512, 4096, len(data) - 1]))
        data = data[:cut] if cut else data
    elif how == "content-types":
        import io
        import zipfile

        ct = zipfile.ZipFile(io.BytesIO(good)).read("[Content_Types].xml")
        data = with_part(good, "[Content_Types].xml", draw(st.sampled_from(
            [None, b"", b"<Types/>", b"not xml", ct.replace(b"document.main+xml", b"template.main+xml"),
             ct.replace(b'PartName="/word/document.xml"', b'PartName="/word/other.xml"'), ct[: len(ct) // 2]])))
    else:
        part = draw(st.sampled_from(PARTS))
        data = broken_xml(good, part)
    argv = draw(st.sampled_from(DOCX_COMMANDS))
    out = next((argv[k + 1] for k, a in enumerate(argv) if a in ("-o", "--annotate")), "")
    return Case("gen_damaged_docx", f"{how}-{i}", files(**{"d.docx": data}), argv, names="d.docx",
                check_output=_part_copied(part, out) if part and out.endswith(".docx") else None)


ILLEGAL_OUT = [f"\\x{c:02x}" for c in [*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20)]] + [
    "\\ufffe", "\\uffff", "\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\ud83d", "\\ude00"]


@st.composite
def template_output(draw) -> Case:
    """A section template whose string escapes make a control character or a lone surrogate.
    (Inside a string that trim cannot take them off: U+000B, U+000C and U+001C–U+001F are
    whitespace to Python, and trimmed away they leave nothing to refuse.)"""
    i = draw(st.integers(0, 10**9))
    esc = "".join(draw(st.lists(st.sampled_from(ILLEGAL_OUT), min_size=1, max_size=3)))
    text = draw(st.text(CJK, max_size=6))
    form = draw(st.sampled_from([
        '{{{{ "{t}{e}" }}}}', '{{{{ "x{e}{t}x" | trim }}}}', '{{% set s = "{t}{e}" %}}{{{{ s }}}}',
        '{{{{ ["{t}", "{e}"] | join("") }}}}', '{{{{ "{t}" ~ "{e}" }}}}', '{{{{ "{e}" * 3 }}}}',
        '{{% for c in "{e}{t}" %}}{{{{ c }}}}{{% endfor %}}', '{{{{ "{t}{e}" | replace("x", "y") }}}}']))
    expression = form.format(t=text, e=esc)
    where = draw(st.sampled_from(["heading", "paragraph"]))
    argv = draw(st.sampled_from(TEMPLATE_COMMANDS))
    return Case("gen_template_out", f"template-{i}", section_emitting(expression, where), argv, names="坏.md.j2",
                codes=(2,))


URL_UNITS = ["http://", "https://", "www.", "a.com", ".com", ".cn", "www.a.cn/", "?x=1&y=2", "_网", "-", "/", "@a.com",
             "http://www.rd.gov.cn/a_b-c.html", "网址：", "来源：", "（来自www.a.com）", "%", "a-b.net,", ":", "."]


@st.composite
def url_runs(draw) -> Case:
    """Long runs of URL-like text (residue everywhere), alone or among sentences."""
    i = draw(st.integers(0, 10**9))
    unit = "".join(draw(st.lists(st.sampled_from(URL_UNITS), min_size=1, max_size=4)))
    size = draw(st.sampled_from([1_000, 30_000, 100_000, 300_000]))
    run = unit * max(1, size // len(unit))
    around = draw(st.sampled_from(["", "今天召开会议,", "要坚定“四个意识”。"]))
    lines = [around + run + around] + (["第二段。"] if draw(st.booleans()) else [])
    ext = draw(st.sampled_from([".txt", ".md", ".docx"]))
    content = docx_bytes(lines) if ext == ".docx" else "\n".join(lines) + "\n"
    name = "d" + ext
    commands = [["check", name], ["check", name, "--format", "json"], ["import", name, "-o", "o.yaml"]]
    if size <= 30_000:  # a comment per finding: the .docx is as large as the findings are many
        commands += [["check", name, "--fix", "-o", "f" + ext], ["check", name, "--annotate", "a.docx"]]
    return Case("gen_url_runs", f"url-{i}", files(**{name: content}), draw(st.sampled_from(commands)), names=name)


@st.composite
def huge_line(draw) -> Case:
    """One line of a megabyte to tens of megabytes: refused past the file's or the paragraph's
    limit, otherwise checked within the time and memory limits."""
    i = draw(st.integers(0, 10**9))
    unit = draw(st.sampled_from(["a", "长", "，", "http://", "a.com,", "要加强学习，", "(", "“", "<!-- x -->", " "]))
    size = draw(st.sampled_from([500_000, 1_200_000, 3_000_000, 33_000_000, 50_000_000]))  # bytes
    repeat = max(1, size // len(unit.encode()))
    ext = draw(st.sampled_from([".txt", ".md"]))
    name = "d" + ext
    argv = draw(st.sampled_from([["check", name], ["check", name, "--format", "json"], ["import", name, "-o", "o.yaml"]]))

    def setup(work) -> None:  # written when the case runs: thousands of cases are drawn before any runs
        (work / name).write_bytes(unit.encode() * repeat + b"\n")

    return Case("gen_huge_line", f"line-{i}", setup, argv, names=name,
                codes=(2,) if len(unit) * repeat > 1_000_000 and unit.strip() else (0, 1, 2))


@st.composite
def linked_templates(draw) -> Case:
    """The templates or glossary folder (an option's or the workspace's) a link to / or another
    system folder."""
    i = draw(st.integers(0, 10**9))
    target = draw(st.sampled_from(["/", "/proc", "/proc/self", "/usr", "/etc", "/dev", "/sys", "/nowhere", ".", ".."]))
    place = draw(st.sampled_from(["option", "workspace", "glossary"]))

    def setup(work) -> None:
        import os
        import shutil

        workspace(**{"d.txt": "今天开会,学习。\n"})(work)
        if place == "workspace":
            shutil.rmtree(work / "templates")
            os.symlink(target, work / "templates")
        elif place == "glossary":
            shutil.rmtree(work / "glossary")
            os.symlink(target, work / "glossary")
        else:
            os.symlink(target, work / "t")

    option = ["--templates", "t"] if place == "option" else []
    argv = draw(st.sampled_from([["render", "outlines/s.yaml", *option], ["render", "outlines/s.yaml", "--format", "md",
                                                                          *option],
                                 ["sections", *option], ["check", "d.txt"], ["check", "outlines/s.yaml"],
                                 ["import", "d.txt", "-o", "o.yaml", "--force"]]))
    if place == "option" and argv[0] not in ("render", "sections"):
        argv = argv + ["--glossary", "t"] if argv[0] == "check" else argv
    return Case("gen_linked", f"linked-{i}", setup, argv)


STRATEGIES = {"gen_outline": hostile_outline(), "gen_draft": hostile_draft(), "gen_glossary": hostile_glossary(),
              "gen_config": hostile_config(), "gen_damaged_docx": damaged_docx(), "gen_template_out": template_output(),
              "gen_url_runs": url_runs(), "gen_huge_line": huge_line(), "gen_linked": linked_templates()}
