"""Never lose a writer's edits; `render --format pdf` and `drafter preview` through LibreOffice."""

import os
import subprocess

import docx

from drafter.render import preview

from .conftest import OUTLINES, needs_soffice


def test_render_refuses_to_overwrite_a_docx_edited_since(cli, tmp_path):
    out = tmp_path / "讲话.docx"
    assert cli("render", OUTLINES / "speech.yaml", "-o", out)[0] == 0
    assert cli("render", OUTLINES / "speech.yaml", "-o", out)[0] == 0  # unchanged: replaced
    doc = docx.Document(str(out))
    doc.add_paragraph("领导亲笔加的一段话。")  # as if edited and saved in Word
    doc.save(str(out))
    code, _, err = cli("render", OUTLINES / "speech.yaml", "-o", out)
    assert code == 2 and "--force" in err and "修改" in err
    assert "领导亲笔加的一段话。" in [p.text for p in docx.Document(str(out)).paragraphs]
    code, _, err = cli("render", OUTLINES / "speech.yaml", "-o", out, "--force")
    assert code == 0, err
    assert "领导亲笔加的一段话。" not in [p.text for p in docx.Document(str(out)).paragraphs]


def test_render_refuses_a_docx_drafter_did_not_write(cli, tmp_path):
    out = tmp_path / "旧稿.docx"
    doc = docx.Document()
    doc.add_paragraph("自己写的稿子")
    doc.save(str(out))
    code, _, err = cli("render", OUTLINES / "speech.yaml", "-o", out)
    assert code == 2 and "--force" in err
    assert docx.Document(str(out)).paragraphs[0].text == "自己写的稿子"


def test_render_refuses_a_text_file_edited_since(cli, tmp_path):
    out = tmp_path / "讲话.txt"
    assert cli("render", OUTLINES / "speech.yaml", "-o", out)[0] == 0
    out.write_text(out.read_text(encoding="utf-8") + "手工补充。\n", encoding="utf-8")
    code, _, err = cli("render", OUTLINES / "speech.yaml", "-o", out)
    assert code == 2 and "--force" in err
    assert out.read_text(encoding="utf-8").endswith("手工补充。\n")


def test_pdf_and_preview_without_libreoffice_exit_2(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(preview, "soffice", lambda: None)
    code, _, err = cli("render", OUTLINES / "speech.yaml", "--format", "pdf", "-o", tmp_path / "a.pdf")
    assert code == 2 and "LibreOffice" in err and not (tmp_path / "a.pdf").exists()
    assert cli("render", OUTLINES / "speech.yaml", "-o", tmp_path / "a.docx")[0] == 0
    code, _, err = cli("preview", tmp_path / "a.docx")
    assert code == 2 and "LibreOffice" in err and len(err.strip().splitlines()) == 1


@needs_soffice()
def test_render_pdf_and_preview_png_pages(cli, tmp_path):
    code, out, err = cli("render", OUTLINES / "notice.yaml", "--format", "pdf", "-o", tmp_path / "通知.pdf")
    assert code == 0, err
    assert (tmp_path / "通知.pdf").read_bytes().startswith(b"%PDF")
    if preview.substitutes_in_use():
        assert "替代字体" in err
    assert cli("render", OUTLINES / "notice.yaml", "-o", tmp_path / "通知.docx")[0] == 0
    code, out, err = cli("preview", tmp_path / "通知.docx", "--png", "--out-dir", tmp_path / "预览")
    assert code == 0, err
    pages = int(subprocess.run(["pdfinfo", str(tmp_path / "预览" / "通知.pdf")], capture_output=True,
                               text=True).stdout.split("Pages:")[1].split()[0])
    pngs = sorted(os.listdir(tmp_path / "预览"))
    assert pngs == sorted(["通知.pdf"] + [f"通知-{n}.png" for n in range(1, pages + 1)])
    assert pages >= 2
    assert (tmp_path / "预览" / "通知-1.png").read_bytes().startswith(b"\x89PNG")


RECORDS = 300


def _record_many(cache: str, folder: str, worker: int, go) -> None:
    os.environ["XDG_CACHE_HOME"] = cache
    from drafter.files import guard
    go.wait(60)  # every worker starts recording at the same moment
    for i in range(RECORDS):
        guard.record(os.path.join(folder, f"{worker}-{i}.txt"), f"{worker}-{i}".encode())


def test_processes_recording_at_once_keep_every_entry(tmp_path, monkeypatch):
    """Two renders at once (a batch beside the workbench) each record what they wrote; neither
    may drop the other's entries, or an edited text file would be overwritten as unknown."""
    import multiprocessing

    from drafter.files import guard
    cache = tmp_path / "cache"
    ctx = multiprocessing.get_context("spawn")
    go = ctx.Event()
    workers = [ctx.Process(target=_record_many, args=(str(cache), str(tmp_path), w, go)) for w in range(3)]
    for p in workers:
        p.start()
    go.set()
    for p in workers:
        p.join(60)
        assert p.exitcode == 0
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    assert len(guard._registry()) == 3 * RECORDS
