"""Regenerate examples/: for each outline in outlines/, the outline, its .docx and a PNG
of its first page (LibreOffice -> PDF -> pdftoppm). Run through `make examples`."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from drafter.render import preview
from drafter.render import render_file

ROOT = Path(__file__).resolve().parent.parent


def main(target: Path) -> None:
    for outline in sorted((ROOT / "outlines").glob("*.yaml")):
        shutil.copyfile(outline, target / outline.name)
        docx = str(target / (outline.stem + ".docx"))
        render_file(str(outline), docx)
        with tempfile.TemporaryDirectory() as tmp:
            pdf = preview.to_pdf(docx, tmp)
            png = preview.first_page_png(pdf, str(target / (outline.stem + ".png")))
        print(docx, png, sep="\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples")
