"""`drafter compare`: two versions of a text side by side.

For a statute (a 地方性法规 and other texts of 章/节/条/款/项): the 修改前后对照表, each 条
paired with its counterpart by its words (``align``), changed words marked (``table``),
written through the GB/T 9704 writer on landscape pages. For a speech or a report: the new
version as a Word document with the changes as tracked revisions (``redline``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from .. import documents
from ..errors import DrafterError
from ..files import guard, outputs
from ..importer.articles import Division, Statute, parse_statute
from ..render import layout as layout_module
from ..render import writers
from . import align, redline, table

FORMATS = ("docx", "md", "pdf")
STDOUT = "-"
_DRAFT_NOTE = re.compile(r"[（(][^）)]*(?:草案|修订|修正|稿)[^）)]*[）)]$")  # （修正草案） after a title


@dataclass
class Comparison:
    old: Statute
    new: Statute
    rows: list[align.Row] = field(default_factory=list)

    def count(self, status: str) -> int:
        """How many articles (not headings) have ``status``."""
        return sum(1 for r in self.rows if r.status == status and (r.new or r.old).is_article)

    @property
    def title(self) -> str:
        """《恒阳市文明行为促进条例》修改前后对照表: the new title without its （修正草案）."""
        name = _DRAFT_NOTE.sub("", self.new.title or self.old.title).strip()
        if name and not name.startswith("《"):
            name = f"《{name}》"
        return f"{name}修改前后对照表"


@dataclass
class Done:
    output: str
    data: bytes
    summary: str


def compare(old_path: str, new_path: str, template_dirs: tuple[str, ...] = ()) -> Comparison:
    """Read both files (any draft format), parse each into divisions, and pair them; a changed
    title (the statute renamed) is the first row."""
    old = parse_statute(documents.read_draft(old_path, template_dirs))
    new = parse_statute(documents.read_draft(new_path, template_dirs))
    rows = align.rows(old.divisions, new.divisions)
    if old.title and new.title:
        a, b = Division("", 0, [old.title], 1), Division("", 0, [new.title], 1)
        if a.text == b.text:
            rows.insert(0, align.Row(align.UNCHANGED, a, b, [(a.text, "=")], [(b.text, "=")]))
        else:
            rows.insert(0, align.Row(align.CHANGED, a, b, *align.diff(a.text, b.text)))
    return Comparison(old, new, rows)


def write(result: Comparison, fmt: str, marks: dict | None = None, keep_unchanged: bool = False,
          notes: bool = False, layout=None) -> bytes:
    """The 对照表 as bytes of ``fmt``: md, or docx (pdf through LibreOffice) on landscape pages
    (GB/T 9704-2012 8)."""
    blocks = table.blocks(result.title, result.rows, marks or {}, keep_unchanged, notes)
    if fmt == "md":
        return writers.write(blocks, "md", result.title)
    return writers.write(blocks, fmt, result.title, layout=layout_module.landscape(layout or layout_module.DEFAULT))


def output_path(new_path: str, fmt: str, redline: bool = False) -> str:
    """Beside the new version: 修改后-对照表.docx (or 修改后-修订.docx for a redline)."""
    stem = os.path.splitext(new_path)[0]
    return f"{stem}-{'修订' if redline else '对照表'}.{fmt}"


def output_format(fmt: str | None, output: str | None) -> str:
    """The format asked for, else the output's extension, else docx (md when printed)."""
    ext = os.path.splitext(output or "")[1].lower().lstrip(".")
    if output == STDOUT:
        if fmt in ("docx", "pdf"):
            raise DrafterError(f".{fmt} 不能输出到屏幕；请用 -o 给出文件名，或用 --format md")
        return "md"
    if fmt:
        return fmt
    if output and ext not in FORMATS:
        raise DrafterError(f"不支持写出 .{ext} 文件；对照表可写成 .docx、.pdf 或 .md", file=output)
    return ext or "docx"


def summary(result: Comparison, shown: int) -> str:
    counts = [(align.CHANGED, "修改"), (align.ADDED, "新增"), (align.DELETED, "删除"), (align.MOVED, "移动"),
              (align.RENUMBERED, "仅条序调整")]
    said = "，".join(f"{word} {result.count(status)} 条" for status, word in counts if result.count(status))
    return f"{said or '条文没有改动'}；对照表共 {shown} 行"


def run(old_path: str, new_path: str, output: str | None, fmt: str, *, keep_unchanged: bool = False,
        notes: bool = False, force: bool = False, unit: dict | None = None,
        template_dirs: tuple[str, ...] = ()) -> Done:
    """Compare, then write the 对照表 to ``output`` (planned first: never over an input, nor
    over an existing file without ``force``); ``output`` "-" returns the Markdown unwritten."""
    plan = outputs.Plan([old_path, new_path], force=force, replace=guard.check_overwrite)
    target = output or output_path(new_path, fmt)
    if target != STDOUT:
        plan.add(target, new_path)
    result = compare(old_path, new_path, template_dirs)
    unit = unit or {}
    data = write(result, fmt, unit.get("compare") or {}, keep_unchanged, notes, layout_module.resolve(unit))
    shown = sum(1 for r in result.rows if keep_unchanged or r.changed)
    if target != STDOUT:
        outputs.write(target, data)
    return Done(target, data, summary(result, shown))


def write_redline(old_path: str, new_path: str, output: str | None, *, force: bool = False,
                  unit: dict | None = None, template_dirs: tuple[str, ...] = ()) -> Done:
    """The new version of a speech or report with its changes as Word tracked revisions."""
    plan = outputs.Plan([old_path, new_path], force=force, replace=guard.check_overwrite)
    target = plan.add(output or output_path(new_path, "docx", redline=True), new_path)
    old = [p.text for p in documents.read_draft(old_path, template_dirs).paragraphs]
    new = [p.text for p in documents.read_draft(new_path, template_dirs).paragraphs]
    data, counts = redline.write(old, new, new[0] if new else "", layout_module.resolve(unit or {}))
    outputs.write(target, data)
    said = "，".join(f"{word} {counts[key]} 段" for key, word in
                    ((redline.CHANGED, "修改"), (redline.ADDED, "新增"), (redline.DELETED, "删除")) if counts[key])
    return Done(target, data, f"{said or '两稿文字相同'}；改动为修订标记，可在 Word、WPS 中逐条接受或拒绝")
