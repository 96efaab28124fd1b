"""Reading a .docx for check: word/document.xml read with lxml gives the paragraphs python-docx gives."""

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafter.documents import docx_paragraphs, plain_lines, read_draft
from drafter.files.docxverify import document_from, verified_package


def _run(text: str):
    r, t = OxmlElement("w:r"), OxmlElement("w:t")
    t.text = text
    r.append(t)
    return r


def _awkward(path) -> None:
    """A document with what python-docx reads in its own way: tabs and breaks in runs, a page
    break, a hyperlink, an insertion mark, a content control, merged cells, a nested table."""
    d = docx.Document()
    d.add_paragraph("第一段").add_run("\t制表\n换行")
    run = d.add_paragraph("分页前").add_run()
    br = OxmlElement("w:br")
    br.set(qn("w:type"), "page")
    run._r.append(br)
    run.add_text("分页后")
    p = d.add_paragraph("修订：")
    ins = OxmlElement("w:ins")
    ins.append(_run("插入的"))
    p._p.append(ins)
    link = OxmlElement("w:hyperlink")
    link.append(_run("链接文字"))
    p._p.append(link)
    sdt, content, inner = OxmlElement("w:sdt"), OxmlElement("w:sdtContent"), OxmlElement("w:p")
    inner.append(_run("控件内"))
    content.append(inner)
    sdt.append(content)
    d.element.body.insert(0, sdt)
    run = d.add_paragraph("连").add_run("字")
    run._r.append(OxmlElement("w:noBreakHyphen"))
    run._r.append(OxmlElement("w:cr"))
    table = d.add_table(rows=3, cols=3)
    for i, row in enumerate(table.rows):
        for j, cell in enumerate(row.cells):
            cell.text = f"格{i}{j}"
    table.cell(0, 0).merge(table.cell(0, 1))
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(2, 0).add_table(rows=1, cols=1).cell(0, 0).text = "嵌套"
    d.add_table(rows=1, cols=2).cell(0, 1).text = "二表"
    d.save(str(path))


def test_the_plain_reading_gives_python_docx_paragraphs(tmp_path):
    path = tmp_path / "a.docx"
    _awkward(path)
    data = verified_package(str(path))
    plain = plain_lines(data)
    assert plain is not None
    assert plain == [p.text for p in docx_paragraphs(document_from(data, str(path)))]
    assert plain[:3] == ["第一段\t制表\n换行", "分页前分页后", "修订：链接文字"] and "嵌套" not in plain


def test_a_document_with_comments_is_read_by_python_docx(tmp_path):
    """A Word comment may say drafter:ignore: such a document takes python-docx's reading."""
    path = tmp_path / "c.docx"
    d = docx.Document()
    p = d.add_paragraph("请严格遵守会议记律。")
    d.add_comment(p.runs[0], text="drafter:ignore typo.word", author="校对")
    d.save(str(path))
    assert plain_lines(verified_package(str(path))) is None
    assert set(read_draft(str(path)).ignores[1]) == {"typo.word"}
