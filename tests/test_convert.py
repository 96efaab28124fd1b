"""Archives in old formats: .doc, .wps and .rtf through LibreOffice, PDF through poppler.

A test draft is written as .docx; LibreOffice turns it into .doc, .rtf and PDF, and the .doc
is also saved as .wps (LibreOffice cannot write WPS Office's format; WPS Office's own .wps
files are OLE compound documents like Word 97's, which is what LibreOffice reads them as).
Each must import and check exactly as the .docx does.
"""

import json
import os
import shutil
import subprocess

import docx
import pytest
from docx.shared import Pt

from drafter import convert

from .conftest import needs_soffice, write

LINES = [
    "在全区人大工作会议上的讲话",
    "同志们：",
    "今天的会议,主要任务是总结去年工作、部署今年任务。下面，我讲两点意见。",
    "一、加强学习，提高能力",
    "学习是履职的前提。全区各级人大代表和机关干部要把学习作为第一需要，做到常学常新，不断提高依法"
    "履职的能力和水平，努力成为人大工作的行家里手，为全区高质量发展贡献人大力量。",
    "一是读原著。要认真研读原著原文。",
    "二是谈体会。要结合xx区实际交流心得。",
    "二、强化监督，务求实效",
    "监督是宪法和法律赋予人大的重要职权，会议圆满结束。。",
    "同志们，让我们共同努力，把人大工作做得更好！",
    "谢谢大家！",
]


def _soffice(args, cwd):
    profile = (cwd / "lo-profile").as_uri()
    subprocess.run([convert.soffice(), f"-env:UserInstallation={profile}", "--headless", "--norestore", *args],
                   cwd=cwd, check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archives")
    document = docx.Document()
    for line in LINES:
        para = document.add_paragraph(line)
        para.paragraph_format.first_line_indent = Pt(24)  # as GB/T 9704 drafts are indented
    document.save(folder / "draft.docx")
    for fmt in ("doc", "rtf", "pdf"):
        _soffice(["--convert-to", fmt, "--outdir", str(folder), str(folder / "draft.docx")], folder)
    shutil.copyfile(folder / "draft.doc", folder / "draft.wps")
    return folder


def _outline(cli, source, tmp_path):
    out = tmp_path / f"{source.suffix[1:]}.yaml"
    code, _, err = cli("import", source, "-o", out)
    assert code == 0, err
    return out.read_text(encoding="utf-8").split("\n", 1)[1]  # the first line names the source


def _findings(cli, source):
    code, out, err = cli("check", "--format", "json", source)
    assert code == 1, err  # the draft has errors on purpose
    return [{k: v for k, v in f.items() if k != "file"} for f in json.loads(out)["findings"]]


@needs_soffice()
@pytest.mark.parametrize("ext", ["doc", "wps", "rtf", "pdf"])
def test_archive_imports_and_checks_as_the_docx(cli, tmp_path, archives, ext):
    if ext == "pdf" and not shutil.which("pdftotext") and not os.environ.get("DRAFTER_REQUIRE_SOFFICE"):
        pytest.skip("poppler's pdftotext is not installed")
    expected_outline = _outline(cli, archives / "draft.docx", tmp_path)
    expected_findings = _findings(cli, archives / "draft.docx")
    assert "title: 在全区人大工作会议上的讲话" in expected_outline
    assert {f["rule"] for f in expected_findings} >= {"punctuation", "placeholder"}
    assert _outline(cli, archives / f"draft.{ext}", tmp_path) == expected_outline
    assert _findings(cli, archives / f"draft.{ext}") == expected_findings


@needs_soffice()
def test_an_encrypted_pdf_is_refused_in_one_line(cli, tmp_path, archives):
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"secret"}}')
    locked = tmp_path / "locked"
    _soffice(["--convert-to", options, "--outdir", str(locked), str(archives / "draft.docx")], tmp_path)
    for command in ("import", "check"):
        args = ["-o", tmp_path / "x.yaml"] if command == "import" else []
        code, _, err = cli(command, locked / "draft.pdf", *args)
        assert code == 2 and "PDF 已加密" in err and "draft.pdf" in err and "Traceback" not in err
    assert not (tmp_path / "x.yaml").exists()


def test_damaged_archives_are_refused_in_one_line(cli, tmp_path):
    cases = {  # the file, and what the one line says of it
        "random.doc": (b"not a word file at all" * 10, "文件的内容是纯文本，不是 .doc 文档"),
        "header.wps": (convert.OLE + b"\x00" * 200, "损坏"),  # the magic number and nothing sound after it
        "broken.rtf": (b"PK\x03\x04 not rtf", "压缩包，与扩展名 .rtf 不符"),
        "broken.pdf": (b"%PDF-1.4\n1 0 obj garbage", "损坏"),
    }
    for name, (data, words) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        code, _, err = cli("import", path, "-o", tmp_path / "x.yaml")
        assert code == 2 and name in err and len(err.strip().splitlines()) == 1, (name, err)
        assert words in err, (name, err)


def test_a_missing_converter_is_named(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    doc = tmp_path / "old.doc"
    head = bytearray(convert.OLE + b"\x00" * 504)
    head[26:28], head[28:30] = b"\x03\x00", b"\xfe\xff"
    doc.write_bytes(bytes(head))
    code, _, err = cli("import", doc, "-o", tmp_path / "x.yaml")
    assert code == 2 and "LibreOffice" in err and "old.doc" in err
    pdf = tmp_path / "old.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    code, _, err = cli("check", pdf)
    assert code == 2 and "pdftotext" in err and "old.pdf" in err


def test_word_lock_files_are_skipped_in_a_batch(cli, tmp_path):
    draft = write(tmp_path, "讲话.txt", "在全区人大工作会议上的讲话\n同志们：\n今天召开会议。\n")
    lock = tmp_path / "~$讲话.docx"
    lock.write_bytes(b"\x0bWPS-lock-owner" + b"\x00" * 150)
    code, out, err = cli("check", draft, lock)
    assert code == 0, err
    assert "已跳过" in err and "临时锁文件" in err
    code, _, err = cli("check", lock)  # named alone, it is an error, not a skip
    assert code == 2 and "临时锁文件" in err


def test_layout_text_is_joined_into_paragraphs():
    text = ("        在全区人大工作会议上的讲话\n\n  同志们：\n\n  学习是履职的前提，要把学习作为\n第一需要。\n"
            "  一是读原著。\n\f\n                 — 2 —\n  二是谈体会。\n")
    assert convert.join_layout(text) == ["在全区人大工作会议上的讲话", "同志们：", "学习是履职的前提，要把学习作为第一需要。",
                                         "一是读原著。", "二是谈体会。"]
    across = "  要围绕市委重大决策部署开展专项\n\n                 —2—\n\f监督，加大监督力度。\n\n  二是谈体会。\n"
    assert convert.join_layout(across) == ["要围绕市委重大决策部署开展专项监督，加大监督力度。", "二是谈体会。"]


@needs_soffice()
def test_fix_refuses_an_archive_and_annotate_writes_a_docx(cli, tmp_path, archives):
    code, _, err = cli("check", archives / "draft.pdf", "--fix", "-o", tmp_path / "fixed.pdf")
    assert code == 2 and "另存为 .docx" in err and not (tmp_path / "fixed.pdf").exists()
    code, _, err = cli("check", archives / "draft.doc", "--annotate", tmp_path / "review.docx")
    assert code == 1, err
    assert "批注" in err and (tmp_path / "review.docx").exists()


@needs_soffice()
def test_an_encrypted_word_file_is_refused_in_one_line(cli, tmp_path, archives):
    from msoffcrypto.format.ooxml import OOXMLFile  # a test dependency: encrypts as Word does

    with open(archives / "draft.docx", "rb") as plain, open(tmp_path / "locked.doc", "wb") as locked:
        OOXMLFile(plain).encrypt("secret", locked)
    shutil.copyfile(tmp_path / "locked.doc", tmp_path / "locked.wps")
    for name in ("locked.doc", "locked.wps"):
        code, _, err = cli("import", tmp_path / name, "-o", tmp_path / "x.yaml")
        assert code == 2 and name in err and "已加密" in err and len(err.strip().splitlines()) == 1, err
    code, _, err = cli("check", tmp_path / "locked.doc")
    assert code == 2 and "已加密" in err
    assert not (tmp_path / "x.yaml").exists()
