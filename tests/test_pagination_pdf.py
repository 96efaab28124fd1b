"""Pages measured in LibreOffice's PDF, over outlines whose body length sweeps every line
position of a page (GB/T 9704-2012 §7; see drafter/pagination.py and drafter/titles.py).

All documents of the suite are converted in one LibreOffice start (module fixture), so the
suite costs one start and about a second a document on a small machine.
"""

from __future__ import annotations

import pytest
import yaml

from drafter.render import layout, preview, titles
from drafter.render import render_file

from .conftest import OUTLINES, needs_soffice
from .pdfpages import BOTTOM, PITCH, TOP, cells, grid_line, pages

pytestmark = needs_soffice()

SENTENCE = "要坚持以人民为中心的发展思想，依法履行监督职责，推动解决群众急难愁盼问题，"
LONG_TITLES = [
    "关于举办全区人大代表履职能力提升培训班的通知",
    "关于开展全市地方性法规实施情况专项执法检查的通知",
    "关于做好市十七届人大四次会议代表建议批评和意见交办工作的通知",
    "关于组织市人大代表开展“下基层、听民意、解民忧”集中活动的通知",
]
WIDTH_PT = layout.TYPE_WIDTH_MM * 72 / 25.4
LEFT_PT = layout.MARGIN_LEFT_MM * 72 / 25.4
SWEEP = range(0, layout.LINES_PER_PAGE)  # every line position of a page


def body_text(lines: int) -> str:
    """A paragraph of exactly ``lines`` full lines (2 characters of first-line indent)."""
    need = lines * layout.CHARS_PER_LINE - layout.FIRST_LINE_INDENT_CHARS
    text = (SENTENCE * (need // len(SENTENCE) + 1))[: need - 1] + "。"
    return text


def notice(extra: int, attachments: bool) -> dict:
    data = yaml.safe_load((OUTLINES / "notice.yaml").read_text(encoding="utf-8"))
    data["title"] = LONG_TITLES[extra % len(LONG_TITLES)]
    if extra:
        data["intro"] = data["intro"] + [body_text(extra)]
    if not attachments:
        data.pop("attachments")
    data["note"] = "联系人：李华，电话：0738-8226451"
    return data


def speech(extra: int) -> dict:
    data = yaml.safe_load((OUTLINES / "speech.yaml").read_text(encoding="utf-8"))
    data["title"] = "在全市人大系统深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想座谈会上的讲话"
    data["opening"] = data["opening"] + [body_text(extra + 1)]
    return data


CASES = {**{f"notice-{n:02d}": notice(n, False) for n in SWEEP},
         **{f"notice-att-{n:02d}": notice(n, True) for n in SWEEP},
         **{f"speech-{n:02d}": speech(n) for n in range(0, 22, 7)}}
SHIPPED = sorted(p.stem for p in OUTLINES.glob("*.yaml"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sweep")
    docs, data = [], {}
    for name, outline in CASES.items():
        path = folder / f"{name}.yaml"
        path.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
        data[name] = outline
        docs.append(str(folder / f"{name}.docx"))
        render_file(str(path), docs[-1])
    for name in SHIPPED:
        data[name] = yaml.safe_load((OUTLINES / f"{name}.yaml").read_text(encoding="utf-8"))
        docs.append(str(folder / f"{name}.docx"))
        render_file(str(OUTLINES / f"{name}.yaml"), docs[-1])
    pdfs = preview.to_pdfs(docs, str(folder))
    return {name: (pages(pdf), data[name]) for name, pdf in zip([*CASES, *SHIPPED], pdfs)}


NOTICES = [n for n in [*CASES, *SHIPPED] if n.startswith("notice")]
ALL = [*CASES, *SHIPPED]


@pytest.mark.parametrize("name", NOTICES)
def test_signature_never_stands_on_a_page_without_body_text(rendered, name):
    """7.3.5.4: the 署名 and 成文日期 never stand on a page without 正文."""
    doc, data = rendered[name]
    signer = data.get("signer") or data["organ"]
    for page in doc:
        texts = [l.text for l in page.body]
        if signer in texts:
            at = texts.index(signer)
            before = [t for t in texts[:at] if not t.startswith("附件：")]
            assert before, f"page {page.number} starts with the signature: {texts}"


@pytest.mark.parametrize("name", NOTICES)
def test_imprint_is_last_at_the_foot_of_an_even_page(rendered, name):
    """7.4.1: the 版记's last rule on the lower edge of the type area of the last page;
    实务: that page is even. 7.5: a blank page before it, and the 版记 page then, unnumbered."""
    doc, data = rendered[name]
    last = doc[-1]
    texts = [l.text for l in last.body]
    assert texts and texts[-1].endswith("印发"), texts
    assert last.number % 2 == 0, f"版记 on page {last.number}"
    assert last.body[-1].top > (TOP + BOTTOM) / 2, "版记 not in the lower half"
    assert BOTTOM - last.body[-1].bottom < 2 * PITCH, "版记 not at the foot of the page"
    if len(doc) >= 2 and not doc[-2].body:  # a blank page precedes: neither is numbered
        assert doc[-2].page_number is None and last.page_number is None
    else:
        assert last.page_number == f"—{last.number}—"
    for page in doc[:-1]:
        assert not any(l.text.endswith("印发") for l in page.body), "版记 before the last page"


@pytest.mark.parametrize("name", ALL)
def test_pages_are_22_lines_of_28_characters(rendered, name):
    """5.2.3: 一般每面排22行，每行排28个字，并撑满版心."""
    doc, _ = rendered[name]
    full = 0
    for page in doc:
        body = [l for l in page.body if abs(l.height - 20.8) < 1.5]  # 3号 body lines
        slots = {grid_line(l) for l in body}
        assert len(slots) == len(body), f"two lines on one grid line, page {page.number}"
        assert all(0 <= s < layout.LINES_PER_PAGE for s in slots), (page.number, sorted(slots))
        for l in body:
            # inside the type area; a closing mark may hang past a full line, as Word and WPS set it
            assert l.left + 0.5 >= LEFT_PT, (page.number, l.text)
            assert l.right <= LEFT_PT + WIDTH_PT + 1 + (layout.SIZE_BODY if l.text[-1] in titles.NO_LINE_START
                                                    else 1), (page.number, l.text)
            assert cells(l.text.rstrip("".join(titles.NO_LINE_START))) <= layout.CHARS_PER_LINE, l.text
        if len(body) == layout.LINES_PER_PAGE:
            full += 1
            assert max(cells(l.text) for l in body) >= layout.CHARS_PER_LINE - 0.5
    if name.startswith("speech") and len(doc) > 2:
        assert full, "no full body page"


@pytest.mark.parametrize("name", ALL)
def test_title_lines_are_whole_words_of_three_characters_or_more(rendered, name):
    """7.3.1: 回行时词意完整、排列对称 — no line of one or two characters, no break inside a word."""
    doc, data = rendered[name]
    title = data["title"] if isinstance(data["title"], str) else "".join(data["title"])
    lines = [l.text for l in doc[0].lines if abs(l.height - 28.6) < 2]  # 2号 lines of page 1
    assert "".join(lines) == title.replace(" ", ""), lines
    assert all(len(l) >= titles.MIN_LINE_CHARS for l in lines), lines
    if len(lines) > 1 and not isinstance(data["title"], list):
        cuts, at = set(), 0
        for word in titles.words(title):
            at += len(word)
            cuts.add(at)
        pos = 0
        for line in lines[:-1]:
            pos += len(line)
            assert pos in cuts, f"broken inside a word: {lines}"
