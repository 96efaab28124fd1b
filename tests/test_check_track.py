"""check --fix --track: fixes written as Word tracked changes that LibreOffice lists as revisions."""

import shutil
import subprocess
import zipfile

import docx
import pytest

from .conftest import needs_soffice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def draft(tmp_path):
    document = docx.Document()
    p = document.add_paragraph("对“一府两院”工作,")
    p.add_run("要加强监督。").bold = True
    document.add_paragraph("会议圆满结束。。")
    path = tmp_path / "稿.docx"
    document.save(str(path))
    return path


def revisions(path) -> list[tuple[str, str, str]]:
    """(kind, author, text) of every tracked change in a .docx, in document order."""
    from lxml import etree

    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    out = []
    for el in root.iter(W + "ins", W + "del"):
        tag = "delText" if el.tag == W + "del" else "t"
        out.append((el.tag[len(W):], el.get(W + "author"), "".join(t.text or "" for t in el.iter(W + tag))))
    return out


def test_fixes_become_tracked_changes_by_drafter(cli, tmp_path):
    src = draft(tmp_path)
    before = src.read_bytes()
    out = tmp_path / "审阅.docx"
    code, _, err = cli("check", src, "--fix", "--track", "-o", out)
    assert code == 1 and "修订" in err
    assert src.read_bytes() == before
    assert revisions(out) == [("del", "drafter", "一府两院"), ("ins", "drafter", "一府一委两院"),
                              ("del", "drafter", ","), ("ins", "drafter", "，"),
                              ("del", "drafter", "。。"), ("ins", "drafter", "。")]
    # the text around the changes and its formatting are untouched
    first = docx.Document(str(out)).paragraphs[0]
    assert [r.text for r in first.runs if r.bold] == ["要加强监督。"]


def test_track_needs_a_docx(cli, tmp_path):
    src = tmp_path / "稿.txt"
    src.write_text("对“一府两院”工作。\n", encoding="utf-8")
    code, _, err = cli("check", src, "--fix", "--track", "-o", tmp_path / "out.txt")
    assert code == 2 and "--track" in err and "Traceback" not in err


@needs_soffice()
def test_libreoffice_lists_the_revisions(cli, tmp_path):
    src = draft(tmp_path)
    out = tmp_path / "审阅.docx"
    cli("check", src, "--fix", "--track", "-o", out)
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    profile = tmp_path / "profile"
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "odt", "--outdir", str(tmp_path / "odt"), str(out)],
                   check=True, capture_output=True, timeout=180)
    with zipfile.ZipFile(tmp_path / "odt" / "审阅.odt") as zf:
        content = zf.read("content.xml").decode("utf-8")
    assert "<text:tracked-changes" in content
    assert content.count("<text:changed-region") == 6
    assert content.count("<text:deletion>") == 3 and content.count("<text:insertion>") == 3
    assert "drafter" in content
