"""Writers turn document blocks into bytes of one format. Each is imported only when used."""

from __future__ import annotations

from importlib import import_module

FORMATS = {"docx": ".docx", "md": ".md", "txt": ".txt", "pdf": ".pdf"}


def write(blocks, fmt: str, title: str = "", layout=None, properties: dict | None = None) -> bytes:
    """``properties``: name -> text, kept as the .docx's custom document properties (invisible;
    ``drafter import`` reads them back)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt}")
    module = import_module(f".{fmt}", __name__)
    if fmt in ("docx", "pdf"):
        return module.write(blocks, title, layout=layout, properties=properties)
    return module.write(blocks, title)
