"""Reading a PDF's pages back as lines of text with positions (poppler's pdftotext -bbox),
for the layout suites."""

from __future__ import annotations

import html
import re
import subprocess
import unicodedata
from dataclasses import dataclass, field

from drafter.render import layout

PT_PER_MM = 72 / 25.4
TOP = layout.MARGIN_TOP_MM * PT_PER_MM  # upper edge of the type area
BOTTOM = (layout.PAGE_HEIGHT_MM - layout.MARGIN_BOTTOM_MM) * PT_PER_MM  # lower edge
PITCH = layout.LINE_PITCH_TWIPS / 20
PAGE_NUMBER = re.compile(r"^—\d+—$")


def cells(text: str) -> float:
    """Width of a line in character cells: a Chinese character is one, a digit half of one."""
    return sum(1 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


@dataclass
class Line:
    text: str
    top: float
    bottom: float
    left: float
    right: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Page:
    number: int
    height: float
    lines: list[Line] = field(default_factory=list)

    @property
    def body(self) -> list[Line]:
        """Lines inside the type area (the page number below it left out)."""
        return [l for l in self.lines if l.top < BOTTOM - 2 and not PAGE_NUMBER.match(l.text)]

    @property
    def page_number(self) -> str | None:
        found = [l.text for l in self.lines if PAGE_NUMBER.match(l.text)]
        return found[0] if found else None

    @property
    def text(self) -> str:
        return "".join(l.text for l in self.body)


def pages(pdf: str) -> list[Page]:
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    result: list[Page] = []
    for n, chunk in enumerate(re.findall(r"<page [^>]*>(.*?)</page>", out, re.S), 1):
        height = 841.89
        words = [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', chunk)]
        rows: list[list] = []
        for w in sorted(words, key=lambda w: (w[3], w[0])):
            if rows and abs(rows[-1][0][3] - w[3]) < 3:
                rows[-1].append(w)
            else:
                rows.append([w])
        page = Page(n, height)
        for row in rows:
            row.sort(key=lambda w: w[0])
            page.lines.append(Line("".join(w[4] for w in row), min(w[1] for w in row),
                                   max(w[3] for w in row), min(w[0] for w in row), max(w[2] for w in row)))
        result.append(page)
    return result


def grid_line(line: Line) -> int:
    """The grid line (0-21) a body line stands on."""
    return int((line.bottom - TOP) // PITCH)
