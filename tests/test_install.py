"""The built wheel carries its templates and outlines and works from any directory."""

import os
import re
import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(folder), str(ROOT)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    (whl,) = folder.glob("drafter-*.whl")
    return whl


def test_wheel_ships_templates_and_outlines(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for kind in ("speech", "report", "notice"):
        assert f"drafter/_data/kinds/{kind}/template.md.j2" in names
        assert f"drafter/_data/kinds/{kind}/starter.yaml" in names
        assert f"drafter/_data/kinds/{kind}/kind.yaml" in names
        assert f"drafter/_data/outlines/{kind}.yaml" in names
    assert "drafter/_data/templates/sections/加强自身建设.md.j2" in names
    assert "drafter/_data/glossary/core.yaml" in names
    assert "drafter/_data/registers/levels.yaml" in names and "drafter/_data/kinds/_common.yaml" in names
    for name in ("index.html", "app.js", "app.css"):  # the workbench's page, no build step
        assert f"drafter/serve/static/{name}" in names
    assert "drafter/render/layout.yaml" in names  # every layout number and font name


def test_installed_package_renders_from_another_directory(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = lambda *args: subprocess.run([sys.executable, "-m", "drafter", *args], cwd=work, env=env,
                                       capture_output=True, text=True)
    where = subprocess.run([sys.executable, "-c", "import drafter.resources as r; print(r.shipped('templates'))"],
                           cwd=work, env=env, capture_output=True, text=True).stdout.strip()
    assert where.startswith(str(site))
    assert "加强自身建设［内置］" in run("sections").stdout
    assert int(re.search(r"共 (\d+) 条", run("glossary", "--list").stdout).group(1)) >= 60
    assert run("new", "notice", "-o", "通知.yaml").returncode == 0
    proc = run("render", "通知.yaml")
    assert proc.returncode == 0, proc.stderr
    assert (work / "通知.docx").stat().st_size > 10_000
