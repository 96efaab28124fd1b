"""Rows of a comparison -> the blocks of a 修改前后对照表, which the writers turn into a .docx
(GB/T 9704 pages) or Markdown.

The marks are the unit's choice (``unit.compare`` in ``drafter.yaml``): text deleted from the
old version struck through or in square brackets, text added in the new one in bold or
underlined; one style for the whole table, as offices do (实务, not a clause of GB/T 9704).
"""

from __future__ import annotations

from ..render import model as M
from .align import ADDED, DELETED, MOVED, RENUMBERED, Row

STRIKE, BRACKETS = "删除线", "方括号"
BOLD, UNDERLINE = "加粗", "下划线"
HEADER = ("修改前", "修改后")
NOTE_HEADER = "说明"
OPEN, CLOSE = "［", "］"


def note(row: Row) -> str:
    """The 说明 of a row, short enough for its narrow column: 新增, 删除, 修改, 条序调整 (the
    number changed, the words not), 移至第十六条; the row's two labels show the numbers."""
    if row.status == ADDED:
        return "新增"
    if row.status == DELETED:
        return "删除"
    if not row.new.unit:
        return "修改名称" if row.changed else ""
    if row.status == MOVED:
        return f"移至{row.new.label}" + ("" if row.old.text == row.new.text else "并修改")
    if row.status == RENUMBERED:
        return "条序调整"
    if not row.changed:
        return ""
    return "修改" if row.old.label == row.new.label else "修改，条序调整"


def _runs(label: str, parts: list[tuple[str, str]], marks: dict) -> list[M.Run]:
    runs = [M.Run(f"{label}　")] if label else []
    for text, op in parts:
        if op == "-" and marks.get("deleted") == BRACKETS:
            runs.append(M.Run(f"{OPEN}{text}{CLOSE}"))
        elif op == "-":
            runs.append(M.Run(text, strike=True))
        elif op == "+" and marks.get("added") == UNDERLINE:
            runs.append(M.Run(text, underline=True))
        elif op == "+":
            runs.append(M.Run(text, bold=True))
        else:
            runs.append(M.Run(text))
    return runs


def _cell(division, parts, marks) -> list[M.Run]:
    """第五条　… (or a heading, 第二章　…) with its changes marked; empty where there is none."""
    return _runs(division.label, parts, marks) if division is not None else []


def blocks(title: str, rows: list[Row], marks: dict, keep_unchanged: bool = False,
           notes: bool = False) -> list[M.Block]:
    """The title and the table: a header row, then one row per article shown."""
    shown = [r for r in rows if keep_unchanged or r.changed]
    header = list(HEADER) + ([NOTE_HEADER] if notes else [])
    cells: list[list[list[M.Run]]] = [[[M.Run(h)] for h in header]]
    for row in shown:
        line = [_cell(row.old, row.old_parts, marks), _cell(row.new, row.new_parts, marks)]
        if notes:
            line.append([M.Run(note(row))] if note(row) else [])
        cells.append(line)
    plain = [["".join(r.text for r in cell) for cell in line] for line in cells]
    # the title's and the 编/章/节 headings' rows centred, as the text prints them
    headings = frozenset(k for k, row in enumerate(shown, 1) if not (row.new or row.old).is_article)
    # the 说明 column holds seven characters a line: 修改，条序调整, 移至第二十三条
    table = M.Block(M.TABLE, rows=plain, cells=cells, widths=[9, 9, 3.8] if notes else [1, 1], long_text=True,
                    centred=headings)
    return [M.Block(M.TITLE, [M.Run(title)]), table]
