"""Hypothesis strategies that build hostile outlines, drafts, glossary files and drafter.yaml."""

from __future__ import annotations

from hypothesis import strategies as st

from .cases import BAD_SCALARS, NOTICE_HEAD, docx_bytes, files, speech, workspace
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


STRATEGIES = {"gen_outline": hostile_outline(), "gen_draft": hostile_draft(), "gen_glossary": hostile_glossary(),
              "gen_config": hostile_config()}
