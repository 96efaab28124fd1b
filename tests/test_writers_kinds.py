"""Every kind of block in the document model is handled by every writer."""

import io
import zipfile

import pytest

from drafter.render import model as M
from drafter.render import writers
from drafter.render.writers.docx import Writer

KINDS = sorted({v for k, v in vars(M).items() if k.isupper() and isinstance(v, str)})


def sample(kind: str) -> M.Block:
    if kind == M.TABLE:
        return M.Block(kind, rows=[["姓名", "单位及职务"], ["", ""]])
    if kind == M.PAGEBREAK:
        return M.Block(kind)
    text = {M.PRINTED: "某某办公室\t2024年5月8日印发", M.ATTACHMENTS: "附件：报名回执"}.get(kind, f"{kind}的文字样例")
    return M.Block(kind, [M.Run(text, bold=kind == M.LEAD), M.Run("正文")] if kind == M.LEAD
                   else [M.Run(text)], level=2 if kind == M.HEADING else 0)


def test_the_model_lists_its_kinds():
    assert {M.TITLE, M.PARAGRAPH, M.TABLE, M.PRINTED, M.PAGEBREAK} <= set(KINDS)
    assert set(M.CONTAINERS) <= set(KINDS)


def test_the_docx_writer_has_a_handler_for_every_kind():
    assert set(Writer.HANDLERS) == set(KINDS)
    for kind, name in Writer.HANDLERS.items():
        assert callable(getattr(Writer, name)), kind


@pytest.mark.parametrize("fmt", [f for f in writers.FORMATS if f != "pdf"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_writer_writes_every_kind(fmt, kind):
    block = sample(kind)
    data = writers.write([sample(M.TITLE), block, sample(M.PARAGRAPH)], fmt, title="样例")
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            body = zf.read("word/document.xml").decode("utf-8")
        shown = {M.TABLE: "单位及职务", M.PAGEBREAK: "pageBreakBefore", M.PRINTED: "<w:tab/>"}
        assert shown.get(kind, block.runs[0].text if block.runs else "") in body
    else:
        text = data.decode("utf-8").replace("**", "")
        if kind == M.TABLE:
            assert "单位及职务" in text
        elif kind != M.PAGEBREAK:
            assert block.text.replace("\t", "") in text.replace("\t", "").replace("　　", "").replace("\n", "")


def test_the_pdf_writer_goes_through_the_docx_writer(monkeypatch):
    from drafter.render import preview

    seen = []
    monkeypatch.setattr(preview, "docx_bytes_to_pdf", lambda data, subs=None: seen.append(data) or b"%PDF-1.7")
    assert writers.write([sample(k) for k in KINDS], "pdf", title="样例") == b"%PDF-1.7"
    assert zipfile.ZipFile(io.BytesIO(seen[0])).read("word/document.xml")
