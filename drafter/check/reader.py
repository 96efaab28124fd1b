"""Read a draft into paragraphs: .txt and .md (UTF-8 or GB18030), .docx (bounded)."""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field

from ..errors import DrafterError
from ..safeyaml import decode

MAX_TEXT_BYTES = 64 * 1024 * 1024  # a draft, not an archive
MAX_DOCX_BYTES = 64 * 1024 * 1024
MAX_DOCX_XML = 256 * 1024 * 1024  # uncompressed document.xml: refuses zip bombs


@dataclass
class Paragraph:
    number: int
    text: str
    field: str | None = None


@dataclass
class Draft:
    file: str
    paragraphs: list[Paragraph] = field(default_factory=list)


def _read_bytes(path: str, limit: int) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > limit:
            raise DrafterError(f"文件过大（{size // (1024 * 1024)} MB，上限 {limit // (1024 * 1024)} MB）", file=path)
        with open(path, "rb") as fh:
            return fh.read(limit + 1)
    except FileNotFoundError:
        raise DrafterError("文件不存在", file=path) from None
    except IsADirectoryError:
        raise DrafterError("这是一个目录，不是文件", file=path) from None
    except OSError as exc:
        raise DrafterError(f"无法读取文件（{exc.strerror}）", file=path) from None


def _text_paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def _docx_paragraphs(path: str) -> list[str]:
    data = _read_bytes(path, MAX_DOCX_BYTES)
    import io

    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise DrafterError("文件已加密或是旧版 .doc 格式，请在 Word 中另存为未加密的 .docx", file=path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("word/document.xml")
            if info.file_size > MAX_DOCX_XML:
                raise DrafterError("文档内容过大，已拒绝", file=path)
    except (zipfile.BadZipFile, KeyError):
        raise DrafterError("不是有效的 .docx 文件（文件损坏或格式不符）", file=path) from None
    import docx

    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise DrafterError(f"无法打开 .docx（{type(exc).__name__}）", file=path) from None
    paragraphs = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(p.text for p in cell.paragraphs)
    return paragraphs


def read_draft(path: str) -> Draft:
    ext = os.path.splitext(path)[1].lower()
    if ext == ".docx":
        lines = _docx_paragraphs(path)
    elif ext in (".txt", ".md", ".markdown", ""):
        data = _read_bytes(path, MAX_TEXT_BYTES)
        if not data.strip():
            raise DrafterError("文件是空的", file=path)
        if b"\x00" in data[:8192]:
            raise DrafterError("这是二进制文件，不是文稿", file=path)
        lines = _text_paragraphs(decode(data, path))
    else:
        raise DrafterError(f"不支持的文件类型 {ext}，可检查 .docx、.md、.txt", file=path)
    return Draft(path, [Paragraph(i, t) for i, t in enumerate(lines, 1) if t.strip()])
