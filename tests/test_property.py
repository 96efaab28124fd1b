"""Any outline a writer (or a cat on the keyboard) can produce ends in a .docx or a clear error."""

import contextlib
import io
import os
import tempfile

import docx
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.cli import run

FIELDS = ["kind", "title", "speaker", "role", "meeting", "date", "salutation", "opening", "theme",
          "announce", "points", "closing", "signoff", "organ", "reporter", "number", "addressees",
          "intro", "attachments", "signer", "cc", "printed", "note", "masthead", "titel", "pionts"]
POINT_FIELDS = ["title", "paragraphs", "style", "subpoints", "titel", "body", "use", "with"]

text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
    st.sampled_from(["**加粗**", "# 标题", "1. 列表", "---", "::: date", "|a|b|", "{{ x }}", "〔2024〕",
                     "加强自身建设", "会议开场", "联系人和电话", "培训纪律要求",
                     "2024-02-30", "2024年3月1日", "一是", "（一）", "首先", "1.", "\t", "\x00", "\ud7ff"]),
    st.tuples(st.sampled_from("人大代表履职**#"), st.integers(1000, 30000)).map(lambda t: t[0] * t[1]),  # huge
)
scalar = st.one_of(text, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
                   st.dates().map(str))


def point(depth: int):
    children = st.lists(point(depth - 1), max_size=3) if depth > 0 else st.just([])
    return st.one_of(
        scalar,
        st.dictionaries(st.sampled_from(POINT_FIELDS), st.one_of(scalar, st.lists(text, max_size=3), children),
                        max_size=5),
        st.fixed_dictionaries({"title": text, "paragraphs": st.lists(text, max_size=2),
                               "style": st.sampled_from(["一是", "一要", "首先", "（一）", "1.", "（1）", "甲"]),
                               "subpoints": children}),
    )


value = st.one_of(scalar, st.lists(text, max_size=3), st.lists(point(6), max_size=4),
                  st.dictionaries(st.sampled_from(["prefix", "year", "serial", "title", "columns", "rows"]),
                                  st.one_of(scalar, st.lists(text, max_size=3)), max_size=4))
outline = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), value, max_size=12).map(
        lambda d: {"kind": d.pop("kind", "speech"), **d}),
    st.fixed_dictionaries({"kind": st.sampled_from(["speech", "report", "notice", "讲话稿", "memo", 3]),
                           "title": text, "points": st.lists(point(5), max_size=4),
                           "organ": text, "meeting": text, "date": st.sampled_from(["2024-03-01", "2024-13-01", 5]),
                           "number": st.fixed_dictionaries({"prefix": text, "year": st.integers(), "serial": st.integers()}),
                           "addressees": st.one_of(text, st.lists(text, max_size=3))}),
    value,
)
raw = st.one_of(outline.map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
                st.text(max_size=300), st.binary(max_size=300).map(lambda b: b.decode("latin-1")))


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(source=raw, fmt=st.sampled_from(["docx", "docx", "md", "txt"]))
def test_generated_outlines_render_or_fail_cleanly(source, fmt):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "outline.yaml")
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as fh:
            fh.write(source)
        out = os.path.join(folder, f"out.{fmt}")
        err, std = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(std):
            code = run(["render", path, "-o", out, "--format", fmt])
        message = err.getvalue()
        assert "Traceback" not in message and "内部错误" not in message, message
        leftovers = [n for n in os.listdir(folder) if n.startswith(".drafter-")]
        assert not leftovers
        if code == 0:
            if fmt == "docx":
                docx.Document(out)
            else:
                open(out, encoding="utf-8").read()
        else:
            assert code == 2, message
            assert message.startswith("错误：") and message.count("\n") == 2, message
            assert not os.path.exists(out)


speechy = st.lists(st.one_of(
    st.sampled_from(["同志们：", "一、加强学习", "二、强化监督", "（一）读原著", "1.谈体会。要交流。", "一是读原著。要研读。",
                     "二要抓落实。", "首先，学习。", "其次，监督。", "谢谢大家！", "发言完毕。", "---此处隐藏12字,下载后查看---",
                     "预览阅读已结束", "2023年x月xx日", "对“一府两院”工作", "坚定“四个意识”", "我讲三点意见。",
                     "会议(扩大)召开,", "“", "）", "2月30日", "- 11-14汇编", "www.example.com", "。。", "的的"]),
    st.text(max_size=30)), max_size=25)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(lines=speechy, one_line=st.booleans())
def test_any_draft_is_checked_and_imported_without_a_crash(lines, one_line):
    text = ("" if one_line else "\n").join(lines)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "draft.txt")
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as fh:
            fh.write(text)
        for argv, allowed in ((["check", path, "--format", "json"], (0, 1, 2)),
                              (["import", path, "-o", os.path.join(folder, "o.yaml")], (0, 2))):
            err, std = io.StringIO(), io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(std):
                code = run(argv)
            assert code in allowed and "内部错误" not in err.getvalue(), (argv[0], err.getvalue())
        outline = os.path.join(folder, "o.yaml")
        if os.path.exists(outline):  # an imported outline always renders
            err = io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                code = run(["render", outline, "--format", "txt", "-o", os.path.join(folder, "o.txt")])
            assert code == 0, err.getvalue()
