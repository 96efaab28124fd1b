"""The render pipeline: outline file -> Markdown -> blocks -> bytes of a format."""

from __future__ import annotations

import os

from . import markdown, outline, templating, writers
from .errors import DrafterError
from .fsutil import atomic_write


def to_markdown(ol: outline.Outline, template_dirs: tuple[str, ...] = ()) -> str:
    try:
        return templating.render(ol.kind.template, ol.data, template_dirs)
    except DrafterError as exc:
        if exc.file is None:
            exc.file = ol.file
        raise


def render_outline(path: str, fmt: str = "docx", template_dirs: tuple[str, ...] = ()) -> bytes:
    """Render the outline at ``path`` and return the bytes of the document."""
    ol = outline.load(path)
    blocks = markdown.parse(to_markdown(ol, template_dirs))
    return writers.write(blocks, fmt, title=ol.data.get("title", ""))


def output_path(path: str, fmt: str, out_dir: str | None = None) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    folder = out_dir if out_dir is not None else os.path.dirname(path)
    return os.path.join(folder, stem + writers.FORMATS[fmt])


def render_file(path: str, out: str, fmt: str = "docx", template_dirs: tuple[str, ...] = ()) -> str:
    """Render ``path`` into ``out``; nothing is written unless rendering succeeded."""
    if os.path.abspath(out) == os.path.abspath(path):
        raise DrafterError("输出文件与大纲是同一个文件，已拒绝覆盖", file=path)
    data = render_outline(path, fmt, template_dirs)
    atomic_write(out, data)
    return out
