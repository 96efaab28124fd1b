"""Preview a .docx the way a reader sees it: LibreOffice headless -> PDF (-> PNG pages).

The official fonts (方正小标宋简体, 仿宋_GB2312, …) are rarely installed on Linux. For a
preview, a fontconfig file maps each to a free font of the same kind (layout.
PREVIEW_SUBSTITUTES), so the preview keeps the serif/sans/kai look and full-width marks.
Many documents go through one LibreOffice start (``to_pdfs``): starting it costs seconds.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from . import layout
from ..errors import DrafterError

NO_SOFFICE = ("未找到 LibreOffice（soffice），无法生成 PDF 或预览；"
              "请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer-nogui）")


# Keep the blank pages LibreOffice inserts (before a section that starts on an even page, such
# as the 版记's): printed on both sides, a document needs them.
PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def fontconfig_file(folder: str, substitutes: dict | None = None) -> str:
    """Write a fonts.conf that includes the system's and adds the preview substitutes
    (``layout.PREVIEW_SUBSTITUTES``, or a unit's layout's)."""
    aliases = "".join(
        f"<alias binding=\"same\"><family>{escape(name)}</family><prefer><family>{escape(sub)}</family>"
        "</prefer></alias>"
        for name, sub in (substitutes or layout.PREVIEW_SUBSTITUTES).items()
    )
    path = os.path.join(folder, "fonts.conf")
    Path(path).write_text(
        "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">"
        f"<fontconfig><include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>{aliases}</fontconfig>",
        encoding="utf-8",
    )
    return path


def preview_env(folder: str, substitutes: dict | None = None) -> dict:
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = fontconfig_file(folder, substitutes)
    return env


def substitutes_in_use(substitutes: dict | None = None) -> list[tuple[str, str]]:
    """(official font, substitute) for each official font this machine lacks."""
    if not shutil.which("fc-list"):
        return []
    missing = []
    for name, sub in (substitutes or layout.PREVIEW_SUBSTITUTES).items():
        found = subprocess.run(["fc-list", f":family={name}", "family"], capture_output=True, text=True).stdout
        if not found.strip():
            missing.append((name, sub))
    return missing


def font_note(substitutes: dict | None = None) -> str | None:
    """One line saying which substitutes a preview uses, or None when every font is installed."""
    used = substitutes_in_use(substitutes)
    if not used:
        return None
    pairs = "、".join(f"{name}→{sub}" for name, sub in used)
    return f"注意：本机未安装部分公文字体，PDF/预览以替代字体排版（{pairs}），与 Word/WPS 中的效果可能略有出入"


def to_pdfs(docx_files: list[str], out_dir: str, timeout: int = 600,
            substitutes: dict | None = None) -> list[str]:
    """Convert every .docx to PDF in ``out_dir`` with one LibreOffice start; their paths."""
    exe = soffice()
    if exe is None:
        raise DrafterError(NO_SOFFICE)
    if not docx_files:
        return []
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as profile:
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", PDF_FILTER, "--outdir", out_dir, *docx_files]
        try:
            subprocess.run(cmd, env=preview_env(profile, substitutes), capture_output=True, timeout=timeout,
                           check=False)
        except subprocess.TimeoutExpired:
            raise DrafterError("LibreOffice 转换超时", file=docx_files[0]) from None
    pdfs = []
    for docx in docx_files:
        pdf = os.path.join(out_dir, Path(docx).stem + ".pdf")
        if not os.path.exists(pdf):
            raise DrafterError("LibreOffice 未能转换该文件", file=docx)
        pdfs.append(pdf)
    return pdfs


def to_pdf(docx: str, out_dir: str, timeout: int = 180, substitutes: dict | None = None) -> str:
    """Convert ``docx`` to PDF in ``out_dir`` and return the PDF's path."""
    return to_pdfs([docx], out_dir, timeout, substitutes)[0]


def docx_bytes_to_pdf(data: bytes, substitutes: dict | None = None) -> bytes:
    """The PDF of a .docx given as bytes."""
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as tmp:
        src = os.path.join(tmp, "document.docx")
        Path(src).write_bytes(data)
        return Path(to_pdf(src, tmp, substitutes=substitutes)).read_bytes()


def _pdftoppm() -> str:
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise DrafterError("未找到 pdftoppm（poppler-utils），无法生成图片；请安装 poppler-utils")
    return exe


def first_page_png(pdf: str, png: str, dpi: int = 60) -> str:
    stem = png[:-4] if png.endswith(".png") else png
    subprocess.run([_pdftoppm(), "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", pdf, stem],
                   check=True, capture_output=True)
    return stem + ".png"


def page_pngs(pdf: str, stem: str, dpi: int = 60) -> list[str]:
    """A PNG of every page: STEM-1.png, STEM-2.png, … (old pages of the same stem removed)."""

    def pages_of(pattern_stem: str) -> list[tuple[int, str]]:
        name = Path(pattern_stem).name
        out = []
        for path in glob.glob(glob.escape(pattern_stem) + "-*.png"):
            tail = Path(path).stem[len(name) + 1:]
            if tail.isdigit():  # STEM-3.png, not STEM-sections-3.png
                out.append((int(tail), path))
        return sorted(out)

    for _, old in pages_of(stem):
        os.remove(old)
    subprocess.run([_pdftoppm(), "-png", "-r", str(dpi), pdf, stem], check=True, capture_output=True)
    # pdftoppm pads page numbers to the width of the last one (-01, -02 …): renumber plainly
    pages = []
    for n, path in pages_of(stem):
        target = f"{stem}-{n}.png"
        if path != target:
            os.replace(path, target)
        pages.append(target)
    return pages
