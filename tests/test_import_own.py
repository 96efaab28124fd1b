"""drafter import of a document drafter itself wrote: every shipped outline, rendered to .docx
and to PDF, imports back to the outline it came from, field by field (issue 23).

The examples are found by globbing outlines/*.yaml, so a kind added later is covered too (or
skipped here with the reason, while import cannot read it yet). An outline that uses sections
is compared as rendered, its sections filled in (an import cannot know which text a section
wrote). Compared "as generated": numbers are drafter's, so a sub-point's title is compared as
printed after its marker (一要 + 要加强 prints 一要加强; a run-in title gets its full stop), and a
point's sub-point style only where it has sub-points; a notice's 署名, 印发机关 and 印发日期 as
printed (signer or organ, printed or date), since two outlines that differ there print alike.
"""

import copy
import glob
import os

import pytest

from drafter import importer, render
from drafter.importer import own
from drafter.render.templating import after, parenthesised

from .conftest import ROOT, needs_soffice

EXAMPLES = sorted(glob.glob(str(ROOT / "outlines" / "*.yaml")))
READABLE = set(own.READERS)  # the kinds own.outline reads back
# Fields a PDF cannot give back: they are printed nowhere (a .docx keeps them as document
# properties, a PDF made by LibreOffice keeps no custom properties).
UNPRINTED = {"speech": ("meeting", "limit", "region"), "report": ("region",), "notice": ("region",)}


def _kind(path: str) -> str:
    return render.load(path).kind.name


def _points(points: list, parent_style: str | None = None) -> list:
    out = []
    for p in points:
        title = p["title"]
        if parent_style is not None:
            title = after(title, parent_style).rstrip("。")
        item = {"title": title, "paragraphs": p.get("paragraphs") or []}
        if p.get("subpoints"):
            item["style"] = p["style"]
            item["subpoints"] = _points(p["subpoints"], p["style"])
        out.append(item)
    return out


def comparable(path: str, pdf: bool = False) -> dict:
    """The outline at ``path`` as its document shows it (see the module's docstring)."""
    data = copy.deepcopy(render.load(path).data)
    kind = data["kind"]
    data["points"] = _points(data["points"])
    for key in [k for k, v in data.items() if v in (None, [], "")]:
        del data[key]
    if kind == "notice":
        organ = data["organ"]
        data["masthead"] = data.get("masthead") or f"{organ}文件"
        data["signer"] = data.get("signer") or organ
        data["printer"] = data.get("printer") or organ
        data["printed"] = data.get("printed") or data["date"]
        for a in data.get("attachments", []):
            if not a["columns"]:
                del a["columns"], a["rows"]
    if kind == "speech" and not data.get("announce"):
        data.pop("theme", None)  # printed only in 下面，围绕“……”这个主题，我讲×点意见。
    if "note" in data:
        data["note"] = parenthesised(data["note"])  # printed in brackets, written with or without
    if pdf:
        data["title"] = data["title"].replace("\n", "")  # a writer's own line break prints like drafter's
        for key in UNPRINTED.get(kind, ()):
            data.pop(key, None)
        if "salutation" in data:
            data["salutation"] = data["salutation"].rstrip("：:")
    return data


def _import(source, tmp_path) -> str:
    result = importer.import_file(str(source))
    assert result.own is not None, "not read as a document drafter wrote"
    out = tmp_path / (os.path.basename(source) + ".yaml")
    out.write_text(importer.to_yaml(result, os.path.basename(source)), encoding="utf-8")
    return str(out)


@pytest.mark.parametrize("example", EXAMPLES, ids=os.path.basename)
def test_docx_round_trip_restores_every_field(example, tmp_path):
    kind = _kind(example)
    if kind not in READABLE:
        pytest.skip(f"import does not read {kind} documents back yet (drafter/importer/own.py READERS)")
    docx_path = tmp_path / "doc.docx"
    docx_path.write_bytes(render.render(example, "docx").data)
    assert comparable(_import(docx_path, tmp_path)) == comparable(example)


def test_the_text_decides_over_the_properties(tmp_path):
    """A document edited in Word imports as edited: the properties only fill in."""
    import docx

    path = tmp_path / "doc.docx"
    path.write_bytes(render.render(str(ROOT / "outlines" / "speech.yaml"), "docx").data)
    doc = docx.Document(path)
    for p in doc.paragraphs:
        if p.text == "市人大常委会党组书记、主任\u3000张明":
            p.runs[0].text = "市人大常委会主任\u3000李强"
            for r in p.runs[1:]:
                r.text = ""
    doc.save(path)
    data = comparable(_import(path, tmp_path))
    assert (data["role"], data["speaker"]) == ("市人大常委会主任", "李强")
    assert data["meeting"] == "全市县市区人大主任会议"  # printed nowhere: from the properties


def test_import_of_a_drafter_docx_by_the_cli(cli, tmp_path):
    path = tmp_path / "通知.docx"
    path.write_bytes(render.render(str(ROOT / "outlines" / "notice.yaml"), "docx").data)
    code, out, err = cli("import", path, "-o", tmp_path / "通知.yaml")
    assert code == 0, err
    assert comparable(str(tmp_path / "通知.yaml")) == comparable(str(ROOT / "outlines" / "notice.yaml"))
    code, _, err = cli("render", tmp_path / "通知.yaml", "-o", tmp_path / "again.docx")
    assert code == 0, err


def test_a_docx_drafter_did_not_write_is_imported_as_a_draft(tmp_path):
    import docx

    doc = docx.Document()
    for line in ("在全区人大工作会议上的讲话", "同志们：", "今天召开会议。", "一、加强学习", "要学习。"):
        doc.add_paragraph(line)
    doc.save(tmp_path / "old.docx")
    assert own.docx_own(str(tmp_path / "old.docx")) is None
    assert importer.import_file(str(tmp_path / "old.docx")).own is None


# LibreOffice 7.4 draws no comma or 、 that falls at a line's end (it hangs it in the margin and
# leaves it out: see the PNG of page 2 of outlines/speech.yaml's PDF), so the text a PDF gives back
# lacks them; the round trip compares a PDF's texts without these two marks, and the test below
# stays failing until the PDF keeps them.
LOST_AT_LINE_END = str.maketrans("", "", "，、")


def _without_marks(value):
    if isinstance(value, str):
        return value.translate(LOST_AT_LINE_END)
    if isinstance(value, list):
        return [_without_marks(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_marks(v) for k, v in value.items()}
    return value


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    """Every example rendered to PDF once (LibreOffice is slow to start)."""
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for example in EXAMPLES:
        if _kind(example) in READABLE:
            path = folder / (os.path.basename(example) + ".pdf")
            path.write_bytes(render.render(example, "pdf").data)
            out[example] = path
    return out


@needs_soffice()
@pytest.mark.parametrize("example", EXAMPLES, ids=os.path.basename)
def test_pdf_round_trip_restores_every_printed_field(example, pdfs, tmp_path):
    kind = _kind(example)
    if kind not in READABLE:
        pytest.skip(f"import does not read {kind} documents back yet (drafter/importer/own.py READERS)")
    got = comparable(_import(pdfs[example], tmp_path), pdf=True)
    assert _without_marks(got) == _without_marks(comparable(example, pdf=True))


@needs_soffice()
@pytest.mark.xfail(strict=True, reason="LibreOffice 7.4 leaves out a comma or 、 at a line's end (hanging punctuation)")
def test_pdf_keeps_the_marks_at_line_ends(pdfs, tmp_path):
    example = str(ROOT / "outlines" / "speech.yaml")
    assert comparable(_import(pdfs[example], tmp_path), pdf=True) == comparable(example, pdf=True)


VARIANTS = {
    "notice.yaml": {"masthead": "恒阳区人大常委会文件", "signer": "恒阳区人大常委会", "printer": "恒阳区人大常委会办公室",
                    "printed": "2024-05-09", "note": "联系人：李华，电话：0738-8226451", "closing": ["特此通知。"],
                    "region": "湖南",
                    "attachments": [{"title": "培训日程安排"},
                                    {"title": "报名回执", "columns": ["姓名", "单位"], "rows": 3,
                                     "paragraphs": ["填报单位：　　　　　　填报人："]}]},
    "speech.yaml": {"announce": False, "limit": 12, "region": "湖南", "salutation": "各位代表、同志们：",
                    "theme": None, "signoff": "我就讲这些，谢谢大家！"},
    "report.yaml": {"reporter": None, "closing": [], "title": ["恒阳市人民代表大会", "常务委员会工作报告"]},
}


def _variant(name: str, tmp_path) -> str:
    import yaml

    data = yaml.safe_load((ROOT / "outlines" / name).read_text(encoding="utf-8"))
    for key, value in VARIANTS[name].items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    source = tmp_path / name
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(source)


@needs_soffice()
@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_printed_field_round_trips_through_pdf(name, tmp_path):
    source = _variant(name, tmp_path)
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(render.render(source, "pdf").data)
    assert _without_marks(comparable(_import(pdf, tmp_path), pdf=True)) == _without_marks(comparable(source, pdf=True))


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_field_round_trips_through_docx(name, tmp_path):
    """The fields the shipped examples leave out: 附注, a 署名 and 印发机关 other than the organ, a
    版头 of its own, several attachments, a closing; a speech without 我讲×点意见, with a limit."""
    source = _variant(name, tmp_path)
    docx_path = tmp_path / "doc.docx"
    docx_path.write_bytes(render.render(str(source), "docx").data)
    assert comparable(_import(docx_path, tmp_path)) == comparable(source)
