"""The workbench's check --against and people register, through its API (Starlette's TestClient)."""

from __future__ import annotations

import base64

import pytest

from .test_serve_api import client, ws  # noqa: F401  (the same workspace and client)

H = {"X-Drafter": "1"}
OLD = "在全市县市区人大主任会议上的讲话\n（2024年3月28日）\n2024年，市人大常委会将召开常委会会议8次，审议议题30项。\n"
CARRIED = "2024年，市人大常委会将召开常委会会议8次，审议议题30项。"


def _new_year(client):
    data = client.get("/api/outline", params={"path": "outlines/讲话.yaml"}).json()
    data["data"]["date"] = "2025-03-20"
    data["data"]["opening"].append(CARRIED)
    return data


def _upload(client, name, content: bytes):
    return client.post("/api/upload", json={"name": name, "data": base64.b64encode(content).decode()}, headers=H)


def test_upload_pick_and_see_the_comparison_with_the_other_findings(client, ws):
    resp = _upload(client, "去年讲话.txt", OLD.encode("utf-8"))
    assert resp.status_code == 200, resp.text
    assert resp.json()["path"] == "旧稿/去年讲话.txt"
    assert (ws / "旧稿" / "去年讲话.txt").read_text(encoding="utf-8") == OLD
    docs = client.get("/api/documents").json()["documents"]
    assert "旧稿/去年讲话.txt" in docs and "outlines/讲话.yaml" in docs and "drafter.yaml" not in docs
    data = _new_year(client)
    data["data"]["opening"][0] = "依法监督一府两院的工作。"
    got = client.post("/api/preview", json={"path": data["path"], "data": data["data"], "against": "旧稿/去年讲话.txt"},
                      headers=H).json()
    assert got["error"] is None and got["against_error"] is None and got["against_notes"] == []
    rules = {f["rule"]: f for f in got["findings"]}
    assert "glossary.deprecated" in rules  # the others are still there
    year = rules["against.year"]
    assert year["field"] == "opening[2]" and year["match"] == "2024年" and year["suggestion"] == "2025年"
    assert year["against"] == {"file": "旧稿/去年讲话.txt",
                               "places": [{"paragraph": 3, "offset": 0, "length": 5, "field": None}]}
    assert not year["fixable"]  # a comparison is for the writer to judge
    assert rules["against.copied"]["severity_label"] == "提示"
    saved = client.post("/api/save", json={"path": data["path"], "version": data["version"], "data": data["data"],
                                           "against": "旧稿/去年讲话.txt"}, headers=H).json()
    assert "against.year" in {f["rule"] for f in saved["findings"]}
    without = client.post("/api/preview", json={"path": data["path"], "data": data["data"]}, headers=H).json()
    assert not [f for f in without["findings"] if f["rule"].startswith("against.")]


def test_an_outline_as_the_old_document_and_a_note_when_not_later(client, ws):
    data = _new_year(client)
    got = client.post("/api/preview", json={"path": data["path"], "data": data["data"],
                                            "against": "outlines/讲话.yaml"}, headers=H).json()
    assert {f["rule"] for f in got["findings"] if f["rule"].startswith("against.")} == {"against.copied"}
    data["data"]["date"] = "2024-01-10"
    got = client.post("/api/preview", json={"path": data["path"], "data": data["data"],
                                            "against": "outlines/讲话.yaml"}, headers=H).json()
    assert "不晚于旧稿" in got["against_notes"][0]


@pytest.mark.parametrize("bad,reason", [("../外面.txt", "“..”"), ("旧稿/没有.txt", "文件不存在"),
                                        ("/etc/passwd", "绝对路径"), ("drafter.yaml", "")])
def test_a_bad_old_document_is_said_and_the_rest_still_works(client, ws, bad, reason):
    data = _new_year(client)
    resp = client.post("/api/save", json={"path": data["path"], "version": data["version"], "data": data["data"],
                                          "against": bad}, headers=H)
    assert resp.status_code == 200  # the save is not lost for a bad old document
    got = resp.json()
    assert got["against_error"] and reason in got["against_error"] and "Traceback" not in got["against_error"]
    assert got["error"] is None and got["html"] and got["version"] != data["version"]  # saved, previewed
    assert not [f for f in got["findings"] if f["rule"].startswith("against.")]


def test_uploads_are_bounded_and_never_overwrite(client, ws):
    assert _upload(client, "去年讲话.txt", OLD.encode("utf-8")).status_code == 200
    assert _upload(client, "去年讲话.txt", OLD.encode("utf-8")).json()["path"] == "旧稿/去年讲话.txt"  # the same again
    resp = _upload(client, "去年讲话.txt", b"another text")
    assert resp.status_code == 400 and "未覆盖" in resp.json()["error"]
    assert (ws / "旧稿" / "去年讲话.txt").read_text(encoding="utf-8") == OLD
    assert _upload(client, "空.txt", b"").status_code == 400
    assert _upload(client, "程序.exe", b"MZ").status_code == 400
    assert client.post("/api/upload", json={"name": "x.txt", "data": "不是base64"}, headers=H).status_code == 400
    assert client.post("/api/upload", json={"name": "x.txt", "data": "eA=="}).status_code == 400  # no X-Drafter
    assert _upload(client, "../../逃出.txt", b"x").json()["path"] == "旧稿/逃出.txt"  # only the name is used
    from drafter.serve.app import MAX_BODY  # the one body limit (tests/test_serve_api.py tries it)

    declared = client.post("/api/upload", content=b"{}", headers={**H, "content-type": "application/json",
                                                                   "content-length": str(MAX_BODY + 1)})
    assert declared.status_code == 413


def test_the_people_register_applies_in_the_workbench(client, ws):
    (ws / "people.yaml").write_text("- {name: 李四, post: 某市人大常委会办公室主任, from: 2021-09-28, until: 2024-03-01}\n",
                                    encoding="utf-8")
    data = client.get("/api/outline", params={"path": "outlines/讲话.yaml"}).json()  # dated 2024-03-28
    data["data"]["opening"].append("市人大常委会办公室主任李四同志通报了有关情况。")
    got = client.post("/api/preview", json={"path": data["path"], "data": data["data"]}, headers=H).json()
    (hit,) = [f for f in got["findings"] if f["rule"] == "people.post"]
    assert hit["field"] == "opening[2]" and "李四已于2024年3月1日免去" in hit["message"]
