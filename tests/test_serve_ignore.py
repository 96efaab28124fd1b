"""The workbench's 忽略: a finding ignored here (this document), as a phrase or a whole rule
(the workspace), written to drafter.yaml's ignore list, the findings refreshed, and undone."""

from __future__ import annotations

import json

import pytest

from drafter import safeyaml

from .conftest import OUTLINES
from .serve_helpers import make_workspace

H = {"X-Drafter": "1"}
LINE = "严格执行2014年修订的代表法，依法监督“一府两院”工作。"


def outline_text() -> str:
    text = (OUTLINES / "speech.yaml").read_text(encoding="utf-8")
    first = text.index("  - 今天的会议")
    return text[:first] + f"  - {LINE}\n" + text[first:]


@pytest.fixture
def ws(tmp_path):
    root = tmp_path / "公文"
    make_workspace(root)
    for name in ("讲话.yaml", "另一篇.yaml"):
        (root / "outlines" / name).write_text(outline_text(), encoding="utf-8")
    return root


def client_for(folder):
    from starlette.testclient import TestClient

    from drafter.serve import library
    from drafter.serve.app import create_app

    return TestClient(create_app(library.resources(str(folder)), allowed_hosts=("testserver",)),
                      raise_server_exceptions=False)


def found(client, path="outlines/讲话.yaml") -> set:
    data = client.get("/api/outline", params={"path": path}).json()["data"]
    got = client.post("/api/preview", json={"path": path, "data": data}, headers=H).json()
    return {(f["rule"], f["match"]) for f in got["findings"]}


def ignore_list(ws):
    data, _ = safeyaml.load((ws / "drafter.yaml").read_text(encoding="utf-8"), "drafter.yaml")
    return data.get("ignore")


def test_ignore_here_as_a_phrase_and_a_rule_then_restore(ws):
    client = client_for(ws)
    before = found(client)
    assert {("usage.lawdate", "2014年修订的代表法"), ("glossary.deprecated", "一府两院")} <= before
    assert client.get("/api/ignore").json() == {"ignored": [], "workspace": True}

    # here: this text of this rule, in this document only
    resp = client.post("/api/ignore", json={"scope": "here", "rule": "usage.lawdate", "text": "2014年修订的代表法",
                                            "file": "outlines/讲话.yaml"}, headers=H)
    assert resp.status_code == 200, resp.text
    (item,) = resp.json()["ignored"]
    assert item["entry"] == {"rule": "usage.lawdate", "text": "2014年修订的代表法", "file": "outlines/讲话.yaml"}
    assert "仅在 outlines/讲话.yaml 中" in item["label"]
    assert ("usage.lawdate", "2014年修订的代表法") not in found(client)
    assert ("usage.lawdate", "2014年修订的代表法") in found(client, "outlines/另一篇.yaml")
    assert ignore_list(ws) == [item["entry"]]
    assert "# drafter 工作区设置" in (ws / "drafter.yaml").read_text(encoding="utf-8")  # comments kept

    # a phrase of a glossary rule, and a whole rule: every document of the workspace
    client.post("/api/ignore", json={"scope": "phrase", "rule": "glossary.deprecated", "text": "一府两院"}, headers=H)
    got = client.post("/api/ignore", json={"scope": "rule", "rule": "usage.lawname"}, headers=H).json()
    assert [i["entry"] for i in got["ignored"]][1:] == [{"rule": "glossary.deprecated", "text": "一府两院"},
                                                        "usage.lawname"]
    for path in ("outlines/讲话.yaml", "outlines/另一篇.yaml"):
        after = found(client, path)
        assert ("glossary.deprecated", "一府两院") not in after
        assert not any(rule == "usage.lawname" for rule, _ in after)

    # the same list as drafter check reads it: a new server and the CLI see what was ignored
    assert ("glossary.deprecated", "一府两院") not in found(client_for(ws))

    # undo
    got = client.post("/api/ignore", json={"remove": item["entry"]}, headers=H).json()
    assert item["entry"] not in [i["entry"] for i in got["ignored"]]
    assert ("usage.lawdate", "2014年修订的代表法") in found(client)
    resp = client.post("/api/ignore", json={"remove": item["entry"]}, headers=H)
    assert resp.status_code == 400 and "忽略列表中没有这一项" in resp.json()["error"]


def test_the_cli_honours_an_entry_for_one_document(ws, cli, monkeypatch):
    client = client_for(ws)
    client.post("/api/ignore", json={"scope": "here", "rule": "usage.lawdate", "text": "2014年修订的代表法",
                                     "file": "outlines/讲话.yaml"}, headers=H)
    monkeypatch.chdir(ws)
    code, out, _ = cli("check", "--format", "json", "outlines/讲话.yaml", "outlines/另一篇.yaml")
    got = {(f["file"], f["rule"]) for f in json.loads(out)["findings"]}
    assert ("outlines/另一篇.yaml", "usage.lawdate") in got
    assert ("outlines/讲话.yaml", "usage.lawdate") not in got


@pytest.mark.parametrize("body,message", [
    ({"scope": "rule", "rule": "usage.nosuch"}, "没有规则“usage.nosuch”"),
    ({"scope": "here", "rule": "usage.lawdate", "text": "x", "file": "../外面.yaml"}, ""),
    ({"scope": "phrase", "rule": "glossary.deprecated", "text": " "}, "缺少要接受的文字"),
    ({"scope": "everywhere", "rule": "usage.lawdate", "text": "x"}, "忽略的范围"),
    ({"scope": "rule"}, "缺少规则 ID"),
])
def test_a_bad_ignore_request_is_refused_and_writes_nothing(ws, body, message):
    client = client_for(ws)
    before = (ws / "drafter.yaml").read_bytes()
    resp = client.post("/api/ignore", json=body, headers=H)
    assert resp.status_code == 400 and message in resp.json()["error"]
    assert (ws / "drafter.yaml").read_bytes() == before


def test_ignore_needs_the_custom_header_and_a_workspace(ws, tmp_path):
    client = client_for(ws)
    resp = client.post("/api/ignore", json={"scope": "rule", "rule": "usage.lawdate"})
    assert resp.status_code == 400 and "X-Drafter" in resp.json()["error"]
    plain = tmp_path / "不是工作区"
    (plain / "outlines").mkdir(parents=True)
    other = client_for(plain)
    assert other.get("/api/ignore").json()["workspace"] is False
    resp = other.post("/api/ignore", json={"scope": "rule", "rule": "usage.lawdate"}, headers=H)
    assert resp.status_code == 400 and "drafter init" in resp.json()["error"]
    assert not (plain / "drafter.yaml").exists()


def test_a_broken_drafter_yaml_is_not_overwritten(ws):
    client = client_for(ws)
    (ws / "drafter.yaml").write_text("rate: [\n", encoding="utf-8")
    resp = client.post("/api/ignore", json={"scope": "rule", "rule": "usage.lawdate"}, headers=H)
    assert resp.status_code == 400 and "drafter.yaml" in resp.json()["error"]
    assert (ws / "drafter.yaml").read_text(encoding="utf-8") == "rate: [\n"
