"""The rendered documents as a reader sees them: LibreOffice -> PDF, read back with poppler."""

import re
import shutil
import subprocess
import unicodedata

import pytest

from drafter.render import preview

from .conftest import OUTLINES, needs_soffice

pytestmark = needs_soffice()

PAGES = {"speech": (3, 8), "report": (3, 10), "notice": (2, 6)}
TITLES = {"speech": "在全市县市区人大主任会议上的讲话", "report": "恒阳市人民代表大会常务委员会工作报告",
          "notice": "关于举办全区人大代表履职能力提升培训班的通知"}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    if not shutil.which("pdftotext"):
        pytest.fail("poppler-utils (pdftotext, pdfinfo) is needed to read the PDF back")
    from drafter.render import render_file

    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for kind in PAGES:
        docx = str(folder / f"{kind}.docx")
        render_file(str(OUTLINES / f"{kind}.yaml"), docx)
        out[kind] = preview.to_pdf(docx, str(folder))
    return out


def page_text(pdf: str, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"],
                          capture_output=True, text=True, check=True).stdout


def page_sizes(pdf: str) -> list[str]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", pdf], capture_output=True, text=True).stdout
    return re.findall(r"Page\s+\d+ size:\s+(.*)", info)


def cells(line: str) -> float:
    """Width of a line in character cells: a Chinese character is one, a digit half of one."""
    return sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in line)


def lines_of(text: str) -> list[str]:
    return [re.sub(r"\s+", "", l) for l in text.splitlines() if l.strip()]


PAGE_NUMBER = re.compile(r"^—(\d+)—$")


@pytest.mark.parametrize("kind", list(PAGES))
def test_a4_pages_count_title_and_page_numbers(pdfs, kind):
    sizes = page_sizes(pdfs[kind])
    low, high = PAGES[kind]
    assert low <= len(sizes) <= high, sizes
    assert all("A4" in s for s in sizes)
    first = "".join(lines_of(page_text(pdfs[kind], 1)))
    assert TITLES[kind] in first
    for n in range(1, len(sizes) + 1):
        numbers = [l for l in lines_of(page_text(pdfs[kind], n)) if PAGE_NUMBER.match(l)]
        assert numbers == [f"—{n}—"], (kind, n)


@pytest.mark.parametrize("kind", list(PAGES))
def test_chinese_text_uses_chinese_fonts(pdfs, kind):
    text = page_text(pdfs[kind], 1)
    assert sum(1 for c in text if "\u4e00" <= c <= "\u9fff") > 50
    fonts = subprocess.run(["pdffonts", pdfs[kind]], capture_output=True, text=True).stdout
    names = [l.split()[0] for l in fonts.splitlines()[2:] if l.strip()]
    assert names, fonts
    cjk = re.compile(r"CJK|Ming|Kai|Hei|Song|Fang|WenQuanYi", re.I)
    assert all(cjk.search(n) for n in names), names  # no Latin fallback font: no boxes


def test_full_body_page_has_22_lines_of_28_characters(pdfs):
    pdf = pdfs["speech"]
    full = []
    for n in range(2, len(page_sizes(pdf))):  # body pages: not the first, not the last
        body = [l for l in lines_of(page_text(pdf, n)) if not PAGE_NUMBER.match(l)]
        assert len(body) <= 22, (n, body)
        assert all(cells(l) <= 28 for l in body), [l for l in body if cells(l) > 28]
        if len(body) == 22:
            full.append(body)
    assert full, "no full body page found"
    assert any(cells(l) == 28 for l in full[0])  # the grid is 28 wide, not 27
