"""Old office formats as paragraphs: .doc, .wps and .rtf through LibreOffice, PDF through poppler.

Offices keep their archives as .doc and .wps (WPS Office), some as .rtf or PDF. drafter
reads none of them itself: LibreOffice converts the first three to .docx (headless, in a
temporary directory, with a profile of its own so that runs never share one, and a time
limit), which is then read as any .docx is; poppler's ``pdftotext -layout`` gives a PDF's
text, whose lines are joined back into paragraphs. A missing converter, an encrypted or a
damaged file is one line of error (DrafterError), never a traceback.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import DrafterError, os_reason
from .files.fs import MAX_FILE_BYTES, MAX_FILE_MB

OFFICE = (".doc", ".wps", ".rtf")  # through LibreOffice
PDF = (".pdf",)  # through poppler
EXTENSIONS = OFFICE + PDF
TIMEOUT = 180  # seconds for one conversion; a first start of LibreOffice takes a while
MAX_BYTES = MAX_FILE_BYTES

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps (and encrypted Office files)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_lines(path: str, read_docx: Callable[[str], list[str]]) -> list[str]:
    """The paragraphs of a .doc, .wps, .rtf or .pdf file; ``read_docx`` reads the .docx that
    LibreOffice makes of the first three (documents.read_draft passes its own .docx reader)."""
    ext = os.path.splitext(path)[1].lower()
    if not os.path.isfile(path):
        raise DrafterError("文件不存在", file=path)
    if os.path.getsize(path) == 0:
        raise DrafterError("文件是空的", file=path)
    if os.path.getsize(path) > MAX_BYTES:
        raise DrafterError(f"文件过大（上限 {MAX_FILE_MB} MB）", file=path)
    if ext in PDF:
        return pdf_lines(path)
    return office_lines(path, read_docx)


def _check_office(path: str, ext: str) -> None:
    with open(path, "rb") as fh:
        head = fh.read(8)
    if ext == ".rtf":
        if not head.startswith(b"{\\rtf"):
            raise DrafterError("不是有效的 .rtf 文件（文件损坏或格式不符）", file=path)
    elif head != OLE:
        raise DrafterError(f"不是有效的 {ext} 文件（文件损坏或格式不符）", file=path)
    else:
        with open(path, "rb") as fh:
            header = fh.read(32)
        # An OLE compound file's header: byte order FFFE, major version 3 or 4 ([MS-CFB] 2.2).
        if header[28:30] != b"\xfe\xff" or header[26:28] not in (b"\x03\x00", b"\x04\x00"):
            raise DrafterError(f"不是有效的 {ext} 文件（文件头已损坏）", file=path)


def office_lines(path: str, read_docx: Callable[[str], list[str]]) -> list[str]:
    """A .doc, .wps or .rtf file converted to .docx by LibreOffice, read as a .docx."""
    ext = os.path.splitext(path)[1].lower()
    _check_office(path, ext)
    program = soffice()
    if not program:
        raise DrafterError(f"读取 {ext} 文件需要 LibreOffice（soffice），本机未安装；请安装 LibreOffice，"
                           "或在 Word/WPS 中另存为 .docx", file=path)
    with tempfile.TemporaryDirectory(prefix="drafter-convert-") as tmp:
        # A plain ASCII name: LibreOffice and the shell never see the writer's file name.
        source = Path(tmp, "source" + ext)
        shutil.copyfile(path, source)
        out = Path(tmp, "out")
        profile = Path(tmp, "profile").as_uri()
        command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
                   "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(source)]
        try:
            subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT, check=False, start_new_session=True)
        except subprocess.TimeoutExpired:
            raise DrafterError(f"LibreOffice 转换超时（{TIMEOUT} 秒），文件可能已损坏", file=path) from None
        except OSError as exc:
            raise DrafterError(f"无法启动 LibreOffice（{os_reason(exc)}）", file=path) from None
        converted = out / "source.docx"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise DrafterError("LibreOffice 无法打开这个文件：文件已加密（设置了打开密码）或已损坏；"
                               "请在 Word/WPS 中取消密码后另存为 .docx", file=path)
        try:
            return read_docx(str(converted))
        except DrafterError as exc:
            raise DrafterError(f"转换后的文档无法读取（{exc.message}）", file=path) from None


def pdf_lines(path: str) -> list[str]:
    """A PDF's text (poppler's pdftotext -layout), its lines joined into paragraphs."""
    lines = join_layout(pdftotext(path, "-layout"))
    if not any(line.strip() for line in lines):
        raise DrafterError("PDF 中没有可提取的文字（可能是扫描件，需要先做文字识别）", file=path)
    return lines


def pdftotext(path: str, *options: str) -> str:
    """What poppler's pdftotext prints for the PDF at ``path`` with ``options`` (-layout,
    -bbox-layout), time-bounded; DrafterError for a file that is no PDF or cannot be read."""
    with open(path, "rb") as fh:
        if not fh.read(5).startswith(b"%PDF"):
            raise DrafterError("不是有效的 PDF 文件（文件损坏或格式不符）", file=path)
    program = shutil.which("pdftotext")
    if not program:
        raise DrafterError("读取 PDF 需要 poppler 的 pdftotext，本机未安装（Debian/Ubuntu：apt-get install "
                           "poppler-utils）", file=path)
    try:
        proc = subprocess.run([program, *options, "-enc", "UTF-8", path, "-"], stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise DrafterError(f"pdftotext 超时（{TIMEOUT} 秒），文件可能已损坏", file=path) from None
    except OSError as exc:
        raise DrafterError(f"无法启动 pdftotext（{os_reason(exc)}）", file=path) from None
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        if "password" in err.lower() or "encrypt" in err.lower():
            raise DrafterError("PDF 已加密（设置了打开密码），无法读取", file=path)
        raise DrafterError("PDF 无法读取（文件已损坏）", file=path)
    return proc.stdout.decode("utf-8", "replace")


PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$")  # — 3 —, the page number of GB/T 9704 7.5


LAYOUT_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])")


def join_layout(text: str) -> list[str]:
    """Paragraphs from layout text: a blank line, or a line indented beyond the lines that
    continue a paragraph, starts a new one; page numbers, and the blank lines around a page
    break, are dropped, so that a paragraph split by a page break is joined again."""
    rows: list[str] = []
    for page in text.split("\f"):  # a paragraph goes on across a page break
        lines = [line.rstrip() for line in page.splitlines()]
        lines = [line for line in lines if not (line.strip() and PAGE_NUMBER.match(line))]
        first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
        last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), -1)
        rows.extend(lines[first:last + 1])
    indents = [len(r) - len(r.lstrip()) for r in rows if r.strip()]
    base = min(indents) if indents else 0  # where continuation lines start
    paragraphs: list[str] = []
    current: str | None = None
    for row in rows:
        if not row.strip():
            if current is not None:
                paragraphs.append(current)
                current = None
            continue
        indent = len(row) - len(row.lstrip())
        # Layout puts spaces where it positions text; Chinese text has none of its own.
        body = LAYOUT_SPACE.sub("", row.strip())
        body = re.sub(r" {2,}", " ", body)
        if current is None or indent > base + 1:
            if current is not None:
                paragraphs.append(current)
            current = body
        else:
            joint = " " if current[-1:].isascii() and current[-1:].isalnum() and body[:1].isascii() \
                and body[:1].isalnum() else ""
            current += joint + body
    if current is not None:
        paragraphs.append(current)
    return paragraphs
