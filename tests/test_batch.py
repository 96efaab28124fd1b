"""A batch shared out to worker processes says and writes what one process would."""

import pickle
import shutil
import zipfile

from drafter.errors import DrafterError

from .conftest import MINIMAL_SPEECH, OUTLINES, write


def batch(tmp_path, count: int):
    """``count`` outlines of every shipped kind (one of them broken), in a folder of their own."""
    src = tmp_path / "src"
    src.mkdir()
    shipped = sorted(OUTLINES.glob("*.yaml"))
    for i in range(count):
        shutil.copy(shipped[i % len(shipped)], src / f"{i:02d}-{shipped[i % len(shipped)].name}")
    write(src, "07-bad.yaml", MINIMAL_SPEECH.replace("signoff:", "signof:"))
    return sorted(src.glob("*.yaml"))


def test_workers_write_the_same_documents_and_say_the_same_in_order(cli, tmp_path):
    paths = batch(tmp_path, 12)
    one = cli("render", *paths, "--out-dir", tmp_path / "one", "--jobs", "1")
    two = cli("render", *paths, "--out-dir", tmp_path / "two", "--jobs", "2")
    assert one[0] == two[0] == 2  # the broken outline
    assert one[1].replace("/one/", "/two/") == two[1]  # 已生成 … and the findings, in the outlines' order
    assert [l for l in one[2].splitlines() if l.startswith("错误")] == \
        [l for l in two[2].splitlines() if l.startswith("错误")]
    bad = [l for l in two[2].splitlines() if l.startswith("错误")]
    assert len(bad) == 1 and "07-bad.yaml:12:1: signof: 未知字段 signof" in bad[0], bad  # file, line, field kept
    for path in paths:
        if path.name == "07-bad.yaml":
            assert not (tmp_path / "two" / "07-bad.docx").exists()
            continue
        a, b = (zipfile.ZipFile(tmp_path / d / (path.stem + ".docx")) for d in ("one", "two"))
        assert a.read("word/document.xml") == b.read("word/document.xml")


def test_a_bad_input_error_crosses_processes_whole():
    exc = DrafterError("缺少必填字段 title", file="a.yaml", line=3, col=5, field="title")
    exc.value_path = ("points", 0)
    back = pickle.loads(pickle.dumps(exc))
    assert str(back) == str(exc) == "a.yaml:3:5: title: 缺少必填字段 title"
    assert back.value_path == ("points", 0)
