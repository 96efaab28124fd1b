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
