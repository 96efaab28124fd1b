import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUTLINES = ROOT / "outlines"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def cli(capsys):
    """Run drafter in-process; return (exit code, stdout, stderr)."""
    from drafter.cli import run

    def invoke(*args: str):
        code = run([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def needs_soffice():
    """LibreOffice tests: skipped with a reason without soffice, mandatory when CI asks for them."""
    have = shutil.which("soffice") or shutil.which("libreoffice")
    if not have and os.environ.get("DRAFTER_REQUIRE_SOFFICE"):
        pytest.fail("DRAFTER_REQUIRE_SOFFICE is set but LibreOffice (soffice) is not installed")
    return pytest.mark.skipif(not have, reason="LibreOffice (soffice) is not installed: layout not checked in a renderer")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL_SPEECH = """\
kind: speech
title: 在全区人大工作会议上的讲话
opening:
  - 今天召开全区人大工作会议。
points:
  - title: 提高政治站位
    paragraphs: [要深入学习。]
  - title: 依法履职尽责
    paragraphs: [要强化监督。]
  - title: 加强自身建设
    paragraphs: [要改进作风。]
signoff: 谢谢大家！
"""


def ends_inside_words(title: str, lines: list[str]) -> list[int]:
    """Offsets in ``title`` where one of ``lines`` (but the last) ends inside a word of the
    segmenter's dictionary (GB/T 9704-2012 7.3.1: 回行时词意完整)."""
    from drafter.render import titles

    cuts, at = set(), 0
    for word in titles.words(title):
        at += len(word)
        cuts.add(at)
    ends, pos = [], 0
    for line in lines[:-1]:
        pos += len(line)
        ends.append(pos)
    return [pos for pos in ends if pos not in cuts]
