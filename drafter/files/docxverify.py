"""The .docx packages drafter reads and writes: opened within bounds, verified before saving.

Reading: a .docx is a zip of XML parts, so a small file can expand to gigabytes or to
millions of elements (each a Python object once python-docx wraps it). Every part is capped by
its uncompressed size, the whole package by its total, and the XML by its element count,
all before python-docx parses anything.

Writing: every .docx drafter produces is checked before it is renamed into place: each XML
part must parse. A package that does not is drafter's bug, never the user's input (the text
gate refuses XML-illegal characters when the input is loaded), so it is reported as an
internal error and no file is left behind. A part copied byte for byte from the .docx the
output was made from (--fix, --annotate: ``keep_unedited``) is the writer's, not checked.
"""

from __future__ import annotations

import hashlib
import io
import zipfile

from lxml import etree

from ..errors import DrafterError
from .fs import DAMAGED_ZIP as DAMAGED, MAX_FILE_BYTES, read_bounded

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


def verify(data: bytes, source: bytes | None = None) -> None:
    """Raise CorruptOutput unless ``data`` is a zip whose every XML part parses.

    With ``source`` (the .docx the output was made from: --fix, --annotate), a part that is
    byte for byte the source's part of the same name is not checked: it is the writer's,
    copied, not drafter's work (a damaged theme or font table stays as damaged as it was)."""
    copied = _xml_digests(source) if source is not None else {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise CorruptOutput("生成的 .docx 缺少必需的部件")
            for name in names:
                if not name.endswith((".xml", ".rels")):
                    continue
                part = zf.read(name)
                if copied.get(name) == _digest(part):
                    continue
                if not _parses_once(part):
                    raise CorruptOutput(f"生成的 .docx 的部件 {name} 不是合法的 XML")
    except zipfile.BadZipFile:
        raise CorruptOutput("生成的 .docx 不是有效的 zip 包") from None


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def _xml_digests(package: bytes) -> dict[str, bytes]:
    """The digest of each XML part of a package drafter has already opened (so within bounds)."""
    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        return {n: _digest(zf.read(n)) for n in zf.namelist() if n.endswith((".xml", ".rels"))}


def keep_unedited(source: bytes, saved: bytes, edited: set[str]) -> bytes:
    """The package python-docx ``saved``, but with every part of ``source`` that drafter did
    not edit copied byte for byte, in the source's order.

    python-docx re-serialises every XML part it loaded when it saves; a part it never parsed
    (a theme, a font table, web settings) it copies, whatever it holds. Either way a part that
    drafter did not mean to change is taken from the source as it was: ``edited`` names the
    parts drafter changed (word/document.xml for --fix); parts only in ``saved`` (a new
    comments part) are added after the source's own.
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(io.BytesIO(saved)) as new, \
            zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as out:
        kept = set()
        for info in old.infolist():
            if info.is_dir() or info.filename in kept:
                continue
            name = info.filename
            kept.add(name)
            take = new if name in edited and name in new.NameToInfo else old
            out.writestr(name, take.read(name))
        for name in new.namelist():
            if name not in kept:
                out.writestr(name, new.read(name))
    return buf.getvalue()


def _count_elements(data: bytes, limit: int) -> int:
    """Elements in an XML part, counting no further than ``limit`` + 1."""
    count = 0
    for _ in etree.iterparse(io.BytesIO(data), events=("start",), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False):
        count += 1
        if count > limit:
            break
    return count


def _most_elements(data: bytes) -> int:
    """At least as many as the elements of an XML part: its start tags and empty-element tags
    each open with a ``<`` that no ``/`` follows (comments and the like only add to the count)."""
    return data.count(b"<") - data.count(b"</")


def well_formed(data: bytes) -> None:
    """Raise etree.XMLSyntaxError unless the part parses. A part byte-identical to one that
    parsed before in this process is not parsed again: the drafts of an archive made from one
    template share its styles, often the largest part of a small document."""
    key = _digest(data)
    if key in _PARSED:
        return
    try:
        etree.fromstring(data, _parser())
    except etree.XMLSyntaxError:
        _count_elements(data, MAX_ELEMENTS)  # the error as the streaming count meets it (its line)
        raise
    if len(_PARSED) < _MAX_PARSED:
        _PARSED.add(key)


def open_document(path: str, total: int = MAX_TOTAL_BYTES):
    """python-docx's Document for the .docx at ``path``, refused (DrafterError) past any bound."""
    return open_package(path, total)[0]


def open_package(path: str, total: int = MAX_TOTAL_BYTES):
    """``open_document``, and the bytes of the file it was read from (for ``keep_unedited``)."""
    data = verified_package(path, total)
    return document_from(data, path), data


def verified_package(path: str, total: int = MAX_TOTAL_BYTES) -> bytes:
    """The bytes of the .docx at ``path``, refused (DrafterError) past any bound or when a part
    python-docx would read is not well-formed XML."""
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
            elements, most, name, earlier = 0, 0, None, []
            for name in _READ_PARTS:
                if name not in zf.NameToInfo:
                    continue
                part = zf.read(name)
                if earlier is not None:
                    most += _most_elements(part)
                    if most <= MAX_ELEMENTS:  # within the bound whatever it holds: only its XML is checked
                        well_formed(part)
                        earlier.append(part)
                        continue
                    elements = sum(_count_elements(p, MAX_ELEMENTS) for p in earlier)  # counted now
                    earlier = None
                elements += _count_elements(part, MAX_ELEMENTS - elements)
                if elements > MAX_ELEMENTS:
                    raise DrafterError(f"文档的 XML 元素超过 {MAX_ELEMENTS} 个，已拒绝（可能是恶意构造的文件）",
                                       file=path)
    except RuntimeError:  # zipfile: "File ... is encrypted, password required"
        raise DrafterError("文件已加密，请在 Word 中取消密码后另存为 .docx", file=path) from None
    except DAMAGED:
        raise DrafterError("不是有效的 .docx 文件（文件损坏或格式不符）", file=path) from None
    except etree.XMLSyntaxError as exc:
        raise DrafterError(f"不是有效的 .docx 文件（部件 {name} 的 XML 有误：第 {exc.lineno} 行）", file=path) from None
    return data


def document_from(data: bytes, path: str):
    """python-docx's Document for a package ``verified_package`` returned."""
    import docx  # python-docx is heavy: loaded only when a .docx is opened

    try:
        doc = docx.Document(io.BytesIO(data))
        if doc.element.body is None:
            raise DrafterError("不是有效的 .docx 文件（缺少正文 <w:body>）", file=path)
    except DrafterError:
        raise
    except Exception:  # noqa: BLE001 - python-docx raises many kinds on a damaged package
        raise DrafterError(f"不是有效的 .docx 文件（{_what_is_wrong(data)}）", file=path) from None
    return doc


def _what_is_wrong(data: bytes) -> str:
    """Why python-docx could not read a package that unzips: the first XML part that does not
    parse, a missing or wrong [Content_Types].xml, or else a structure Word would not write."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            if "[Content_Types].xml" not in names:
                return "缺少部件 [Content_Types].xml"
            for name in names:
                if name.endswith((".xml", ".rels")) and not parses(zf.read(name)):
                    return f"部件 {name} 的 XML 有误"
            types = zf.read("[Content_Types].xml")
    except (RuntimeError, *DAMAGED):
        return "文件损坏或格式不符"
    if b"wordprocessingml.document.main+xml" not in types:
        return "[Content_Types].xml 没有把 word/document.xml 登记为 Word 正文"
    return "内部结构不完整，可能不是 Word 写出的文件"
