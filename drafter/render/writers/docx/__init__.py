"""Blocks -> .docx in GB/T 9704-2012 layout, split the way python-docx is:

- ``xml``: WordprocessingML helpers (fonts, indents, borders, tab stops, runs);
- ``styles``: drafter's named styles and page set-up, from a layout;
- ``template``: the empty styled document, built once per layout and cached;
- ``writer``: the body, one handler per block kind (``Writer.HANDLERS``).
"""

from __future__ import annotations

from ... import layout as layout_module
from .writer import Writer, content_hash
from .xml import fonts as _fonts  # noqa: F401  (benchmarks style a pandoc reference with it)

__all__ = ["Writer", "content_hash", "write"]


def write(blocks, title: str = "", layout=None, properties: dict | None = None) -> bytes:
    w = Writer(layout or layout_module.DEFAULT)
    w.write(blocks)
    return w.save(title, properties)
