"""Regenerate examples/: for each outline in outlines/, the outline, its .docx and a PNG of
every page (LibreOffice -> PDF -> pdftoppm), all documents in one LibreOffice start; in
examples/meeting/, the set of documents the example meeting file renders (kinds/meeting/);
and the 修改前后对照表 of examples/compare/.
Run through `make examples`."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from drafter import tasks
from drafter.render import preview, render_file

ROOT = Path(__file__).resolve().parent.parent


def main(target: Path) -> None:
    outlines = sorted((ROOT / "outlines").glob("*.yaml"))
    docs = []
    for outline in outlines:
        shutil.copyfile(outline, target / outline.name)
        docs.append(str(target / (outline.stem + ".docx")))
        render_file(str(outline), docs[-1], force=True)  # examples/ is regenerated, never edited
    meeting = target / "meeting"
    shutil.rmtree(meeting, ignore_errors=True)
    meeting.mkdir()
    shutil.copyfile(ROOT / "kinds" / "meeting" / "example.yaml", meeting / "会议.yaml")
    tasks.render_set(str(meeting / "会议.yaml"), str(meeting))
    sets = sorted(meeting.glob("*.docx"))
    outlines += [Path(str(d)[:-len(".docx")]) for d in sets]
    docs += [str(d) for d in sets]
    with tempfile.TemporaryDirectory() as tmp:
        for outline, docx, pdf in zip(outlines, docs, preview.to_pdfs(docs, tmp)):
            # the first page only, as examples/ once had, and the pages of an earlier, longer run
            folder = Path(docx).parent
            for old in [folder / (outline.stem + ".png"), *folder.glob(outline.stem + "-[0-9]*.png")]:
                if old.exists():
                    os.remove(old)
            pngs = preview.page_pngs(pdf, str(folder / Path(docx).stem), dpi=60)
            print(docx, *pngs, sep="\n")
    compare_example(target / "compare")


def compare_example(folder: Path) -> None:
    """examples/compare/: the 修改前后对照表 of the two versions of the regulation
    (``drafter compare --notes``) and the redline of the two versions of the speech
    (``drafter compare --redline``), each with a PNG of every page."""
    from drafter import compare

    table = str(folder / "对照表.docx")
    compare.run(str(folder / "修改前.txt"), str(folder / "修改后.txt"), table, "docx", notes=True, force=True)
    speech = str(folder / "讲话-修订.docx")
    compare.write_redline(str(folder / "讲话-修改前.txt"), str(folder / "讲话-修改后.txt"), speech, force=True)
    with tempfile.TemporaryDirectory() as tmp:
        for docx, pdf in zip((table, speech), preview.to_pdfs([table, speech], tmp)):
            stem = docx[:-len(".docx")]
            for old in Path(stem).parent.glob(Path(stem).name + "-[0-9]*.png"):
                os.remove(old)
            pngs = preview.page_pngs(pdf, stem, dpi=60)
            print(docx, *pngs, sep="\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples")
