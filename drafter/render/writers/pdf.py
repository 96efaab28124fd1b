"""Blocks -> PDF: the .docx drafter writes, laid out by LibreOffice (``drafter.preview``)
with the free substitute fonts where the official ones are missing."""

from __future__ import annotations

from .. import layout as layout_module
from .. import preview
from . import docx


def write(blocks, title: str = "", layout=None, properties: dict | None = None) -> bytes:
    subs = (layout or layout_module.DEFAULT).PREVIEW_SUBSTITUTES
    return preview.docx_bytes_to_pdf(docx.write(blocks, title, layout=layout, properties=properties), subs)
