"""A statute's paragraphs -> its divisions: the title, the 编/章/节 headings and the 条.

A 地方性法规 is written article by article (第一条 …); an article's later paragraphs are its
款, and a paragraph opening with （一） is one of its 项. The markers are read with
``numbering.statute_opening`` (the one grammar of Chinese numbering). A 目录 (the list of
chapters some regulations print before 第一章) is recognised and left out: its lines would
otherwise stand as headings twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import numbering
from ..documents import Draft
from ..errors import DrafterError

MIN_ARTICLES = 2  # fewer 第X条 than this and the file is not a text of articles
MAX_DIVISIONS = 5000  # the Civil Code (民法典) has 1,260 articles: more is not one statute
_CONTENTS = re.compile(r"^目[ \t　]*录$")


@dataclass
class Division:
    """One 编/章/节 heading or one 条 with its 款 and 项."""

    unit: str  # 编 章 节 条, or "" for the statute's title
    number: int
    paragraphs: list[str]  # the first without its marker; a heading's is its name (总则)
    line: int  # the paragraph number in the source, for messages
    sub: int = 0  # 第十条之一 -> 1

    @property
    def label(self) -> str:
        return numbering.statute_marker(self.unit, self.number, self.sub) if self.unit else ""

    @property
    def text(self) -> str:
        """What the articles are compared by: the words, without the number."""
        return "\n".join(self.paragraphs)

    @property
    def display(self) -> str:
        """As the text prints it: 第五条　… with each 款 on a line of its own."""
        return "\n".join([f"{self.label}　{self.paragraphs[0]}".strip("　")] + self.paragraphs[1:])

    @property
    def is_article(self) -> bool:
        return self.unit == "条"


@dataclass
class Statute:
    file: str
    title: str
    preamble: list[str] = field(default_factory=list)  # what stands between the title and the first division
    divisions: list[Division] = field(default_factory=list)

    @property
    def articles(self) -> list[Division]:
        return [d for d in self.divisions if d.is_article]


def parse_statute(draft: Draft) -> Statute:
    """The divisions of ``draft``; DrafterError when it has too few 第X条 to be a statute."""
    paras = draft.paragraphs
    statute = Statute(draft.file, "")
    contents: set[str] = set()
    in_contents = False
    pieces = [(para.number, piece) for para in paras for piece in numbering.statute_pieces(para.text)]
    for number, text in pieces:
        if _CONTENTS.match(text) and not statute.articles:
            in_contents = True
            continue
        marker = numbering.statute_opening(text)
        if in_contents:
            key = re.sub(r"[ \t　]+", "", text)
            if marker and marker.unit != "条" and key not in contents:
                contents.add(key)
                continue
            in_contents = False  # the first heading seen twice: the body begins
        if marker:
            if len(statute.divisions) >= MAX_DIVISIONS:
                raise DrafterError(f"条、章、节超过 {MAX_DIVISIONS} 个，不像一部法规；请分开对照", file=draft.file,
                                   line=number)
            rest = text[marker.end:].strip()
            statute.divisions.append(Division(marker.unit, marker.number, [rest], number, marker.sub))
        elif statute.divisions and statute.divisions[-1].is_article:
            statute.divisions[-1].paragraphs.append(text)  # a 款 or a 项
        elif statute.divisions:
            # a heading's second line (a long chapter name) or a note between divisions
            statute.divisions[-1].paragraphs.append(text)
        elif not statute.title:
            statute.title = text
        else:
            statute.preamble.append(text)
    count = len(statute.articles)
    if count < MIN_ARTICLES:
        found = f"只找到 {count} 条" if count else "没有找到以“第X条”开头的段落"
        raise DrafterError(f"{found}，不是由条文组成的法规文本；讲话稿、报告等请用 --redline 对照",
                           file=draft.file)
    return statute
