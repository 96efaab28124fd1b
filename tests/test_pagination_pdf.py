"""Pages measured in LibreOffice's PDF, over outlines whose body length sweeps every line
position of a page (GB/T 9704-2012 §7; see drafter/pagination.py and drafter/titles.py).

The documents of the suite are converted by LibreOffice in batches of ``BATCH`` (module
fixture): a few starts, and a fraction of a second a document on a small machine. (One start
for a few hundred documents has been seen to stop halfway.)
"""

from __future__ import annotations

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn

from drafter.render import layout, pagination, preview, titles
from drafter.render.writers.docx import styles
from drafter.render import render_file
from drafter.outline.kinds import registry

from .conftest import OUTLINES, ends_inside_words, needs_soffice
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
BATCH = 60


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


def notice_plain(extra: int, lines: int = 4, attachments: bool = False) -> dict:
    """A notice that ends with a paragraph of ``lines`` under its last heading, without 附注:
    署名 chains of other heights than ``notice``'s."""
    data = notice(extra, attachments)
    data.pop("note")
    data["points"][-1]["paragraphs"] = [body_text(lines)]
    return data


def speech(extra: int) -> dict:
    data = yaml.safe_load((OUTLINES / "speech.yaml").read_text(encoding="utf-8"))
    data["title"] = "在全市人大系统深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想座谈会上的讲话"
    data["opening"] = data["opening"] + [body_text(extra + 1)]
    return data


def chains(extra: int) -> dict:
    """A report whose heading chains (一、 directly followed by （一）, （一） by 1., 一、 + （一）
    + 1.) start ``extra`` lines further down: over the sweep each chain stands on every line
    of a page."""
    def item(title, lines):
        return {"title": title, "paragraphs": [body_text(lines)]}

    def level3(title, lines):  # a 1. with sub-points below it is a heading, not a bold lead
        return {**item(title, lines), "style": "（1）", "subpoints": [item("加强调查研究", 1)]}

    return {"kind": "report", "title": "恒阳市人民代表大会常务委员会工作报告", "organ": "市人民代表大会常务委员会",
            "meeting": "恒阳市第十七届人民代表大会第四次会议", "date": "2025-01-15",
            "reporter": "市人大常委会主任　张明", "opening": [body_text(extra + 1)],
            "points": [
                {"title": "2024年主要工作", "style": "（一）", "subpoints": [
                    item("坚持党的全面领导", 3),
                    {"title": "提高立法质量", "style": "1.", "subpoints": [level3("围绕中心工作确定立法项目", 2)]}]},
                {"title": "2025年主要任务", "style": "（一）", "subpoints": [
                    {"title": "聚焦高质量发展做好立法工作", "style": "1.",
                     "subpoints": [level3("制定科技创新促进条例", 4)]}]},
                {"title": "坚持党的领导、人民当家作主、依法治国有机统一，全面加强常委会自身建设",  # two lines
                 "style": "（一）", "subpoints": [item("加强思想政治建设", 2)]}],
            "closing": [body_text(3)]}


def body_paragraphs(lines: int, most: int = 4) -> list[str]:
    """``lines`` full lines of body text as paragraphs of at most ``most`` lines, as a 会议通知's
    其他事项 or an 审议意见's assessment is written."""
    return [body_text(min(most, lines - done)) for done in range(0, lines, most)]


def meeting_notice(extra: int) -> dict:
    """A 会议通知 whose 其他事项 run ``extra`` lines longer: its 署名, 附件 (the 回执) and 版记 on
    every line of a page."""
    data = yaml.safe_load((OUTLINES / "meeting-notice.yaml").read_text(encoding="utf-8"))
    if extra:
        data["other"] = data["other"] + body_paragraphs(extra)
    return data


def review_opinion(extra: int) -> dict:
    """An 审议意见 whose assessment runs ``extra`` lines longer: its 署名 on every line of a page."""
    data = yaml.safe_load((OUTLINES / "review-opinion.yaml").read_text(encoding="utf-8"))
    if extra:
        data["assessment"] = data["assessment"] + body_paragraphs(extra)
    return data


CASES = {**{f"notice-{n:02d}": notice(n, False) for n in SWEEP},
         **{f"meeting-notice-{n:02d}": meeting_notice(n) for n in SWEEP},
         **{f"review-opinion-{n:02d}": review_opinion(n) for n in SWEEP},
         **{f"notice-att-{n:02d}": notice(n, True) for n in SWEEP},
         **{f"notice-plain-{n:02d}": notice_plain(n) for n in SWEEP},
         **{f"notice-long-{n:02d}": notice_plain(n, 9, True) for n in SWEEP},
         **{f"speech-{n:02d}": speech(n) for n in range(0, 22, 7)},
         **{f"chains-{n:02d}": chains(n) for n in SWEEP}}
SHIPPED = sorted(p.stem for p in OUTLINES.glob("*.yaml"))


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """Every case and shipped outline as (PDF, .docx, outline), in one LibreOffice start."""
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
    pdfs = [pdf for k in range(0, len(docs), BATCH) for pdf in preview.to_pdfs(docs[k:k + BATCH], str(folder))]
    return {name: (pdf, docx, data[name]) for name, pdf, docx in zip([*CASES, *SHIPPED], pdfs, docs)}


@pytest.fixture(scope="module")
def rendered(converted):
    return {name: (pages(pdf), data) for name, (pdf, _, data) in converted.items()}


ALL = [*CASES, *SHIPPED]


def _has(name: str, part: str) -> bool:
    data = CASES[name] if name in CASES else yaml.safe_load((OUTLINES / f"{name}.yaml").read_text(encoding="utf-8"))
    return registry().get(data["kind"]).has(part)


SIGNED = [n for n in ALL if _has(n, "signature")]  # every kind with a 署名 (7.3.5)
IMPRINTED = [n for n in ALL if _has(n, "imprint")]  # every kind with a 版记 (7.4)


@pytest.mark.parametrize("name", SIGNED)
def test_signature_never_stands_on_a_page_without_body_text(rendered, name):
    """7.3.5.5: the 署名 and 成文日期 never stand on a page without 正文."""
    doc, data = rendered[name]
    signer = data.get("signer") or data["organ"]
    for page in doc:
        texts = [l.text for l in page.body]
        if signer in texts:
            at = texts.index(signer)
            before = [t for t in texts[:at] if not t.startswith("附件：")]
            assert before, f"page {page.number} starts with the signature: {texts}"


@pytest.mark.parametrize("name", IMPRINTED)
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


def body_lines(page) -> list:
    return [l for l in page.body if abs(l.height - 20.8) < 1.5]  # 3号 body lines


def squeezed(page) -> bool:
    """Whether the page is set at a smaller pitch than the grid's (7.3.5.5, the 署名's page)."""
    tops = [l.top for l in body_lines(page)]
    return any(b - a < PITCH - 2 for a, b in zip(tops, tops[1:]))


@pytest.mark.parametrize("name", ALL)
def test_pages_are_22_lines_of_28_characters(rendered, name):
    """5.2.3: 一般每面排22行，每行排28个字，并撑满版心. The one exception is 7.3.5.5's: the page
    that holds the 署名 may be set at a smaller pitch to keep it with the 正文; that page holds
    lines down to its foot (at most one empty line), all inside the type area, and no tighter
    than MIN_SQUEEZE of the grid."""
    doc, data = rendered[name]
    signer = data.get("signer") or data.get("organ")
    full = 0
    for page in doc:
        body = body_lines(page)
        for l in body:
            # inside the type area; a closing mark may hang past a full line, as Word and WPS set it
            assert l.left + 0.5 >= LEFT_PT, (page.number, l.text)
            assert l.right <= LEFT_PT + WIDTH_PT + 1 + (layout.SIZE_BODY if l.text[-1] in titles.NO_LINE_START
                                                    else 1), (page.number, l.text)
            assert cells(l.text.rstrip("".join(titles.NO_LINE_START))) <= layout.CHARS_PER_LINE, l.text
        if squeezed(page):
            texts = [l.text for l in body]
            assert signer in texts, f"page {page.number} is set tighter but holds no 署名"
            tops = [l.top for l in body]
            assert min(b - a for a, b in zip(tops, tops[1:])) >= PITCH * pagination.MIN_SQUEEZE - 1
            assert TOP - 2 <= body[0].top and body[-1].bottom <= BOTTOM + 1, (page.number, body[-1].text)
            assert BOTTOM - body[-1].bottom < 2 * PITCH, f"page {page.number} set tighter but not full"
            continue
        slots = {grid_line(l) for l in body}
        assert len(slots) == len(body), f"two lines on one grid line, page {page.number}"
        assert all(0 <= s < layout.LINES_PER_PAGE for s in slots), (page.number, sorted(slots))
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
        assert not ends_inside_words(title, lines), f"broken inside a word: {lines}"


def paragraphs_of(docx: str) -> tuple[list[str], set[str]]:
    """The heading paragraphs' texts, and the texts of the paragraphs that start a page by a
    forced break (a page break before them, or the first after a section break)."""
    headings, forced, after_section = [], set(), False
    for p in Document(docx).paragraphs:
        text = "".join(p.text.split())
        if p.style.name in styles.HEADINGS.values():
            headings.append(text)
        ppr = p._p.pPr
        if after_section or (ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None):
            forced.add(text)
        after_section = ppr is not None and ppr.find(qn("w:sectPr")) is not None
    return headings, forced


@pytest.mark.parametrize("name", ALL)
def test_keep_chains_leave_at_most_one_empty_line(converted, rendered, name):
    """Headings keep with their first body line, and the last body paragraph with the 署名, but
    a page never ends with more than one empty grid line because of a keep chain (5.2.3
    撑满版心): a heading chain leaves its first headings at the foot (Flow.split_chain), and
    the 署名's chain is kept on the page by a smaller pitch (7.3.5.5, pagination.squeeze).
    A heading is the last line of a page only where its chain moving whole would leave two or
    more lines empty.

    Exempt: a page followed by a forced break (the 附件 on a new page, the 版记's section: its
    page opens with 抄送 or 印发机关) or by a blank page, and the document's last page."""
    doc, data = rendered[name]
    headings, forced = paragraphs_of(converted[name][1])

    def is_heading(text: str) -> bool:
        return any(h == text or (len(text) >= 4 and (h.startswith(text) or h.endswith(text))) for h in headings)

    for page, nxt in zip(doc, doc[1:]):
        if not page.body or not nxt.body or squeezed(page):
            continue
        empty = layout.LINES_PER_PAGE - 1 - grid_line(page.body[-1])
        top = [is_heading(l.text) for l in nxt.body]
        lead = next((n for n, h in enumerate(top) if not h), len(top))  # heading lines on top
        foot = next((n for n, l in enumerate(reversed(page.body)) if not is_heading(l.text)), len(page.body))
        where = f"page {page.number} ({empty} empty lines, then {nxt.body[0].text[:16]})"
        if foot:
            assert lead, f"a heading at the foot of {where} without its body text"
            assert empty + foot >= 2, f"a heading left at the foot of {where} though its chain fitted below"
        opening = nxt.body[0].text
        if opening in forced or opening.startswith("抄送") or opening.endswith("印发"):
            continue
        assert empty <= 1, f"a keep chain left {where}"
