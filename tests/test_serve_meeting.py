"""The workbench and the kinds of a meeting: every kind's form, a meeting file's set and its cross-check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .serve_helpers import make_workspace

H = {"X-Drafter": "1"}
KINDS = Path(__file__).resolve().parent.parent / "kinds"


@pytest.fixture
def ws(tmp_path):
    root = tmp_path / "公文"
    make_workspace(root)
    shutil.copy(KINDS / "meeting" / "example.yaml", root / "outlines" / "会议.yaml")
    return root


@pytest.fixture
def client(ws):
    from starlette.testclient import TestClient

    from drafter.serve import library
    from drafter.serve.app import create_app

    return TestClient(create_app(library.resources(str(ws)), allowed_hosts=("testserver",)),
                      raise_server_exceptions=False)


def _widgets(fields, where=""):
    for f in fields:
        yield f"{where}{f['name']}", f
        yield from _widgets(f.get("fields", []), f"{where}{f['name']}.")


def test_every_kind_has_a_form_for_every_field(client):
    from drafter.outline.kinds import registry

    for kind in registry(None).kinds:
        form = client.get("/api/outlines").json()  # the served kinds
        assert kind in [k["name"] for k in form["kinds"]]
        from drafter.serve import library
        fields = dict(_widgets(library.kind_form(kind)["fields"]))
        assert not [n for n, f in fields.items() if f["type"] == "unsupported"], kind
    from drafter.serve import library
    meeting = dict(_widgets(library.kind_form("meeting")["fields"]))
    assert meeting["dates"]["type"] == "lines" and meeting["dates"]["item"] == "date"
    assert meeting["sittings"]["type"] == "records"
    assert meeting["sittings.items"]["item"] == "integer"
    assert meeting["notice"]["type"] == "record"
    script = dict(_widgets(library.kind_form("host-script")["fields"]))
    assert script["sittings.items"]["type"] == "records"


@pytest.mark.parametrize("kind", ["meeting", "meeting-notice", "agenda", "schedule", "host-script",
                                  "resolution", "decision", "review-opinion"])
def test_each_meeting_kind_is_created_loaded_and_saved(client, kind):
    made = client.post("/api/outlines", headers=H, json={"kind": kind, "name": f"新{kind}"})
    assert made.status_code == 200, made.text
    got = client.get("/api/outline", params={"path": made.json()["path"]}).json()
    assert got["form"]["kind"] == kind
    saved = client.post("/api/save", headers=H, json={"path": got["path"], "version": got["version"],
                                                     "data": got["data"]})
    assert saved.status_code == 200, saved.text  # the starter's data round-trips through the form's JSON


def test_meeting_file_generates_its_set_and_shows_the_cross_check(client, ws):
    got = client.get("/api/outline", params={"path": "outlines/会议.yaml"}).json()
    shown = client.post("/api/preview", headers=H, json={"path": "outlines/会议.yaml", "data": got["data"]}).json()
    assert shown["error"] is None and "材料清单" in shown["html"]

    made = client.post("/api/meeting-set", headers=H, json={"path": "outlines/会议.yaml"})
    assert made.status_code == 200, made.text
    assert made.json()["folder"] == "outlines/会议"
    assert "outlines/会议/02-会议议程.yaml" in made.json()["written"]
    assert (ws / "outlines" / "会议" / "00-材料清单.docx").is_file()
    assert made.json()["findings"] == []

    # the agenda edited so that its order disagrees with the meeting file
    agenda = client.get("/api/outline", params={"path": "outlines/会议/02-会议议程.yaml"}).json()
    data = agenda["data"]
    data["items"] = list(reversed(data["items"]))
    saved = client.post("/api/save", headers=H, json={"path": agenda["path"], "version": agenda["version"],
                                                     "data": data}).json()
    mine = [f for f in saved["findings"] if f.get("set")]
    assert mine and all(f["file"] == "outlines/会议/02-会议议程.yaml" for f in mine)
    assert mine[0]["places"][0]["field"].startswith("items[")
    assert "议程顺序" in mine[0]["message"]

    other = client.get("/api/outline", params={"path": "outlines/会议/03-会议日程.yaml"}).json()
    there = client.post("/api/preview", headers=H, json={"path": other["path"], "data": other["data"]}).json()
    assert not [f for f in there["findings"] if f.get("set")]  # only what concerns that document

    again = client.post("/api/preview", headers=H, json={"path": "outlines/会议.yaml", "data": got["data"]}).json()
    assert {f["file"] for f in again["findings"] if f.get("set")} == {"outlines/会议/02-会议议程.yaml"}

    # generating again never overwrites the edited agenda: the refusal is said, nothing changes
    before = (ws / "outlines" / "会议" / "02-会议议程.yaml").read_bytes()
    refused = client.post("/api/meeting-set", headers=H, json={"path": "outlines/会议.yaml"})
    assert refused.status_code == 400
    assert "02-会议议程.yaml" in refused.json()["error"] and "未覆盖" in refused.json()["error"]
    assert str(ws) not in refused.json()["error"]
    assert (ws / "outlines" / "会议" / "02-会议议程.yaml").read_bytes() == before


def test_only_a_meeting_file_generates_a_set(client, ws):
    made = client.post("/api/outlines", headers=H, json={"kind": "agenda", "name": "议程"}).json()
    refused = client.post("/api/meeting-set", headers=H, json={"path": made["path"]})
    assert refused.status_code == 400 and "会议文件" in refused.json()["error"]
    bad = client.post("/api/meeting-set", headers=H, json={"path": "../外面.yaml"})
    assert bad.status_code == 400
