"""The .docx packages drafter reads and writes: opened within bounds, verified before saving.

Reading: a .docx is a zip of XML parts, so a small file can expand to gigabytes or to
millions of elements (each a Python object once python-docx wraps it). Every part is capped by
its uncompressed size, the whole package by its total, and the XML by its element count,
all before python-docx parses anything.

Writing: every .docx drafter produces is checked before it is renamed into place: each XML
part must parse. A package that does not is drafter's bug, never the user's input (the text
gate refuses XML-illegal characters when the input is loaded), so it is reported as an
internal error and no file is left behind.
"""

from __future__ import annotations

import hashlib
import io
import zipfile

from lxml import etree

from ..errors import DrafterError
from .fs import MAX_FILE_BYTES, read_bounded

MAX_DOCX_BYTES = MAX_FILE_BYTES  # the file itself
MAX_PART_BYTES = 64 * 1024 * 1024  # one part, uncompressed
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all parts, uncompressed
MAX_ELEMENTS = 400_000  # XML elements in the parts python-docx reads: some 2,000 pages of text
_READ_PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml", "word/comments.xml")


class CorruptOutput(Exception):
    """A .docx drafter built does not parse: a bug in drafter, reported with exit code 70."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def parses(data: bytes) -> bool:
    try:
        etree.fromstring(data, _parser())
        return True
    except (etree.XMLSyntaxError, ValueError):
        return False


_PARSED: set[bytes] = set()  # digests of parts that parsed: a batch repeats its styles, footers, …
_MAX_PARSED = 256


def _parses_once(data: bytes) -> bool:
    """``parses``, but a part byte-identical to one that parsed before in this process is not
    parsed again (every document of a batch shares the skeleton's parts)."""
    key = hashlib.blake2b(data, digest_size=20).digest()
    if key in _PARSED:
        return True
    if not parses(data):
        return False
    if len(_PARSED) < _MAX_PARSED:
        _PARSED.add(key)
    return True


def verify(data: bytes) -> None:
    """Raise CorruptOutput unless ``data`` is a zip whose every XML part parses."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise CorruptOutput("生成的 .docx 缺少必需的部件")
            for name in names:
                if name.endswith((".xml", ".rels")) and not _parses_once(zf.read(name)):
                    raise CorruptOutput(f"生成的 .docx 的部件 {name} 不是合法的 XML")
    except zipfile.BadZipFile:
        raise CorruptOutput("生成的 .docx 不是有效的 zip 包") from None


def _count_elements(data: bytes, limit: int) -> int:
    """Elements in an XML part, counting no further than ``limit`` + 1."""
    count = 0
    for _ in etree.iterparse(io.BytesIO(data), events=("start",), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False):
        count += 1
        if count > limit:
            break
    return count


def open_document(path: str, total: int = MAX_TOTAL_BYTES):
    """python-docx's Document for the .docx at ``path``, refused (DrafterError) past any bound."""
    data = read_bounded(path, MAX_DOCX_BYTES)
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise DrafterError("文件已加密或是旧版 .doc 格式，请在 Word 中另存为未加密的 .docx", file=path)
    bomb = DrafterError("文档解压后过大，已拒绝（可能是恶意构造的文件）", file=path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            zf.getinfo("word/document.xml")  # KeyError: not a Word document
            if sum(i.file_size for i in infos) > total or any(i.file_size > MAX_PART_BYTES for i in infos):
                raise bomb
            elements = 0
            for name in _READ_PARTS:
                if name in zf.NameToInfo:
                    elements += _count_elements(zf.read(name), MAX_ELEMENTS - elements)
                    if elements > MAX_ELEMENTS:
                        raise DrafterError(f"文档的 XML 元素超过 {MAX_ELEMENTS} 个，已拒绝（可能是恶意构造的文件）",
                                           file=path)
    except (zipfile.BadZipFile, KeyError, EOFError, zipfile.LargeZipFile, NotImplementedError):
        raise DrafterError("不是有效的 .docx 文件（文件损坏或格式不符）", file=path) from None
    except etree.XMLSyntaxError as exc:
        raise DrafterError(f"不是有效的 .docx 文件（XML 有误：第 {exc.lineno} 行）", file=path) from None
    import docx  # python-docx is heavy: loaded only when a .docx is opened

    try:
        doc = docx.Document(io.BytesIO(data))
        if doc.element.body is None:
            raise DrafterError("不是有效的 .docx 文件（缺少正文 <w:body>）", file=path)
    except DrafterError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a damaged package
        raise DrafterError(f"无法打开 .docx（{type(exc).__name__}）", file=path) from None
    return doc
