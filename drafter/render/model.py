"""The document model: a flat list of blocks, each a run of styled text.

Templates produce Markdown; ``drafter.markdown`` parses it into these blocks; the writers
turn blocks into .docx, .md or .txt. The model knows nothing of fonts or sizes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Block kinds. Paragraph-like kinds hold runs; ``table`` holds rows; ``pagebreak`` nothing.
TITLE = "title"
SUBTITLE = "subtitle"
SALUTATION = "salutation"
HEADING = "heading"  # level 1-4: 一、 （一） 1. （1）
PARAGRAPH = "paragraph"
LEAD = "lead"  # a paragraph opening with a bold run-in lead: **一是……。**正文
SIGNATURE = "signature"
DATE = "date"
TABLE = "table"
PAGEBREAK = "pagebreak"
# Parts of a notice (GB/T 9704 版头, 主送, 附件说明, 附注, 附件标签, 版记).
MASTHEAD = "masthead"
MARK = "mark"  # 份号, 密级和保密期限, 紧急程度: 版心左上角, one a line (GB/T 9704-2012 7.2.1-7.2.3)
DOCNUMBER = "docnumber"  # 发文字号, and <tab> 签发人：姓名 when there is one (7.2.6)
ADDRESSEE = "addressee"
ATTACHMENTS = "attachments"
NOTE = "note"
LABEL = "label"
CC = "cc"
PRINTED = "printed"  # 印发机关 <tab> 印发日期

# Kinds a template may open with a Markdown container (::: name).
CONTAINERS = (SUBTITLE, SALUTATION, SIGNATURE, DATE, MASTHEAD, MARK, DOCNUMBER, ADDRESSEE,
              ATTACHMENTS, NOTE, LABEL, CC, PRINTED)


@dataclass
class Run:
    text: str
    bold: bool = False
    strike: bool = False  # text a 对照表 shows deleted
    underline: bool = False  # text a 对照表 shows added (when the unit marks additions so)


@dataclass
class Block:
    kind: str
    runs: list[Run] = field(default_factory=list)
    level: int = 0
    rows: list[list[str]] = field(default_factory=list)
    # A table whose cells carry marks (the 对照表): each cell's runs, rows keeping the plain text.
    cells: list[list[list[Run]]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # a table's column widths, in proportion
    long_text: bool = False  # a table of long texts: body cells justified, the header row repeated
    centred: frozenset[int] = frozenset()  # rows of such a table centred all the same (a heading's row)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)
