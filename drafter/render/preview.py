"""Preview a .docx the way a reader sees it: LibreOffice headless -> PDF (-> PNG).

The official fonts (方正小标宋简体, 仿宋_GB2312, …) are rarely installed on Linux. For a
preview, a fontconfig file maps each to a free font of the same kind (layout.
PREVIEW_SUBSTITUTES), so the preview keeps the serif/sans/kai look and full-width marks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from . import layout
from ..errors import DrafterError


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def fontconfig_file(folder: str) -> str:
    """Write a fonts.conf that includes the system's and adds the preview substitutes."""
    aliases = "".join(
        f"<alias binding=\"same\"><family>{name}</family><prefer><family>{sub}</family></prefer></alias>"
        for name, sub in layout.PREVIEW_SUBSTITUTES.items()
    )
    path = os.path.join(folder, "fonts.conf")
    Path(path).write_text(
        "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">"
        f"<fontconfig><include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>{aliases}</fontconfig>",
        encoding="utf-8",
    )
    return path


def preview_env(folder: str) -> dict:
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = fontconfig_file(folder)
    return env


def to_pdf(docx: str, out_dir: str, timeout: int = 180) -> str:
    """Convert ``docx`` to PDF in ``out_dir`` and return the PDF's path."""
    exe = soffice()
    if exe is None:
        raise DrafterError("未找到 LibreOffice（soffice），无法生成预览；请安装 libreoffice-writer")
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as profile:
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", out_dir, docx]
        try:
            subprocess.run(cmd, env=preview_env(profile), capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise DrafterError("LibreOffice 转换超时", file=docx) from None
    pdf = os.path.join(out_dir, Path(docx).stem + ".pdf")
    if not os.path.exists(pdf):
        raise DrafterError("LibreOffice 未能转换该文件", file=docx)
    return pdf


def first_page_png(pdf: str, png: str, dpi: int = 60) -> str:
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise DrafterError("未找到 pdftoppm（poppler-utils），无法生成图片")
    stem = png[:-4] if png.endswith(".png") else png
    subprocess.run([exe, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", pdf, stem],
                   check=True, capture_output=True)
    return stem + ".png"
