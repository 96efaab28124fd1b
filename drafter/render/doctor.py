"""`drafter doctor`: is LibreOffice there, and which of the layout's fonts are installed?"""

from __future__ import annotations

import shutil
import subprocess
import tempfile

from . import layout, preview


def _run(cmd: list[str], env: dict | None = None) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=env).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def font_installed(name: str) -> bool:
    return bool(_run(["fc-list", f":family={name}", "family"]))


def substitute(name: str) -> str:
    """The family a preview renders ``name`` with (fontconfig with drafter's substitutes)."""
    with tempfile.TemporaryDirectory() as folder:
        out = _run(["fc-match", "-f", "%{family[0]}", name], env=preview.preview_env(folder))
    return out or "未知"


def diagnose() -> list[str]:
    lines = []
    exe = preview.soffice()
    if exe:
        version = _run([exe, "--version"]).splitlines()
        lines.append(f"LibreOffice：已安装（{version[0] if version else exe}），可生成 PDF/PNG 预览")
    else:
        lines.append("LibreOffice：未安装，无法生成预览（Debian/Ubuntu：apt-get install libreoffice-writer-nogui）")
    if not shutil.which("fc-list"):
        lines.append("字体：未找到 fontconfig（fc-list），无法检查字体")
        return lines
    for name in layout.REQUIRED_FONTS:
        if font_installed(name):
            lines.append(f"字体 {name}：已安装")
        else:
            lines.append(f"字体 {name}：未安装；Word/WPS 打开时需本机有此字体，预览时以 {substitute(name)} 代替")
    return lines
