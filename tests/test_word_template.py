"""drafter template: a Word template (.dotx) with the very styles the rendered .docx uses."""

import re
import subprocess
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn

from drafter.render.writers.docx import styles as S

from .conftest import MINIMAL_SPEECH, needs_soffice, write

TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
NAMES = [S.TITLE, S.BODY, *S.HEADINGS.values(), S.LABEL, S.IMPRINT]


def _styles_xml(path: Path) -> dict[str, bytes]:
    """Each drafter style's w:style element, as written, by its name."""
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("word/styles.xml").decode("utf-8")
    out = {}
    for m in re.finditer(r"<w:style\b.*?</w:style>", xml, re.S):
        name = re.search(r'<w:name w:val="([^"]+)"', m.group(0)).group(1)
        out[name] = m.group(0)
    return out


def test_template_is_a_dotx_with_the_rendered_documents_styles(cli, tmp_path):
    out = tmp_path / "单位模板.dotx"
    code, stdout, stderr = cli("template", "-o", out)
    assert code == 0, stderr
    assert "已生成" in stdout
    with zipfile.ZipFile(out) as zf:
        types = zf.read("[Content_Types].xml").decode("utf-8")
        names = zf.namelist()
    assert re.search(r'PartName="/word/document.xml" ContentType="' + re.escape(TEMPLATE_TYPE) + '"', types)
    assert "custom.xml" not in types and "docProps/custom.xml" not in names  # no drafter hash
    rendered = tmp_path / "讲话.docx"
    code, _, stderr = cli("render", write(tmp_path, "讲话.yaml", MINIMAL_SPEECH), "-o", rendered)
    assert code == 0, stderr
    mine, theirs = _styles_xml(out), _styles_xml(rendered)
    for name in NAMES:
        assert name in mine, name
        assert mine[name] == theirs[name], name  # one definition: the same XML, byte for byte
    levels = {name: re.search(r'<w:outlineLvl w:val="(\d)"', mine[name]) for name in S.HEADINGS.values()}
    assert {n: int(m.group(1)) for n, m in levels.items() if m} == {
        "一级标题": 0, "二级标题": 1, "三级标题": 2, "四级标题": 3}
    # python-docx reads it; the one paragraph is in the body style
    with zipfile.ZipFile(out) as zf, zipfile.ZipFile(tmp_path / "as.docx", "w") as copy:
        for item in zf.namelist():
            data = zf.read(item)
            if item == "[Content_Types].xml":
                data = data.replace(b"template.main", b"document.main")
            copy.writestr(item, data)
    doc = docx.Document(str(tmp_path / "as.docx"))
    assert [p.style.name for p in doc.paragraphs] == [S.BODY]


def test_template_takes_the_workspace_unit_profile(cli, tmp_path):
    write(tmp_path, "drafter.yaml", "unit:\n  fonts:\n    body: 宋体\n    heading_1: 微软雅黑\n"
                                    "  margins:\n    left: 30\n")
    out = tmp_path / "模板.dotx"
    code, stdout, stderr = cli("template", "-o", out)
    assert code == 0, stderr
    mine = _styles_xml(out)
    assert 'w:eastAsia="宋体"' in mine[S.BODY]
    assert 'w:eastAsia="微软雅黑"' in mine["一级标题"]
    with zipfile.ZipFile(out) as zf:
        document = zf.read("word/document.xml").decode("utf-8")
    left = int(re.search(r'<w:pgMar [^>]*w:left="(\d+)"', document).group(1))
    assert abs(left - 30 * 1440 / 25.4) < 2


def test_template_refuses_other_names_and_existing_files(cli, tmp_path):
    code, _, stderr = cli("template", "-o", tmp_path / "模板.docx")
    assert code == 2 and ".dotx" in stderr and "Traceback" not in stderr
    assert not (tmp_path / "模板.docx").exists()
    existing = tmp_path / "已有.dotx"
    existing.write_bytes(b"keep")
    code, _, stderr = cli("template", "-o", existing)
    assert code == 2 and "已存在" in stderr
    assert existing.read_bytes() == b"keep"
    code, _, stderr = cli("template", "-o", existing, "--force")
    assert code == 0 and zipfile.is_zipfile(existing)


@needs_soffice()
def test_libreoffice_reads_the_templates_styles_and_outline_levels(cli, tmp_path):
    from drafter.render import preview

    out = tmp_path / "单位模板.dotx"
    assert cli("template", "-o", out)[0] == 0
    folder = tmp_path / "odt"
    profile = tmp_path / "lo-profile"
    subprocess.run([preview.soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "odt", "--outdir", str(folder), str(out)],
                   check=True, capture_output=True, timeout=180)
    with zipfile.ZipFile(folder / "单位模板.odt") as zf:
        xml = zf.read("styles.xml").decode("utf-8")
    found = {m.group(1): m.group(0) for m in re.finditer(r'<style:style style:name="([^"]+)"[^>]*>', xml)}
    for name in NAMES:
        assert name in found, name
    for level, name in S.HEADINGS.items():
        assert f'style:default-outline-level="{level}"' in found[name], name
    assert "default-outline-level" not in found[S.BODY]
