"""Writers turn document blocks into bytes of one format. Each is imported only when used."""

from __future__ import annotations

from importlib import import_module

FORMATS = {"docx": ".docx", "md": ".md", "txt": ".txt"}


def write(blocks, fmt: str, title: str = "") -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt}")
    return import_module(f".{fmt}", __name__).write(blocks, title)
