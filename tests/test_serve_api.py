"""The workbench's API without a browser (Starlette's TestClient): paths, bodies, conflicts, errors."""

from __future__ import annotations

import json
import re
import os
import sys
from pathlib import Path

import pytest

from .conftest import OUTLINES
from .serve_helpers import make_workspace

H = {"X-Drafter": "1"}


@pytest.fixture
def ws(tmp_path):
    root = tmp_path / "公文"
    make_workspace(root)
    (root / "outlines" / "讲话.yaml").write_text((OUTLINES / "speech.yaml").read_text(encoding="utf-8"),
                                                encoding="utf-8")
    return root


@pytest.fixture
def client(ws):
    from starlette.testclient import TestClient

    from drafter.serve import library
    from drafter.serve.app import create_app

    return TestClient(create_app(library.resources(str(ws)), allowed_hosts=("testserver",)),
                      raise_server_exceptions=False)


def load(client, path="outlines/讲话.yaml"):
    resp = client.get("/api/outline", params={"path": path})
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_lists_outlines_and_serves_the_page(client):
    got = client.get("/api/outlines").json()
    assert [o["path"] for o in got["outlines"]] == ["outlines/讲话.yaml"]
    assert got["outlines"][0]["kind"] == "speech"
    page = client.get("/")
    assert page.status_code == 200 and "drafter 工作台" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/app.js").status_code == 200


@pytest.mark.parametrize("bad", ["../外面.yaml", "outlines/../../外面.yaml", "/etc/passwd", "C:/x.yaml",
                                 "outlines\\..\\x.yaml", "drafter.yaml", "README.md", "outlines/链接.yaml", ""])
def test_only_outlines_inside_the_workspace(client, ws, bad):
    outside = ws.parent / "外面.yaml"
    outside.write_text("kind: speech\ntitle: 外面\n", encoding="utf-8")
    os.symlink(outside, ws / "outlines" / "链接.yaml")
    data = load(client)
    for resp in (client.get("/api/outline", params={"path": bad}),
                 client.post("/api/save", json={"path": bad, "version": data["version"], "data": data["data"]},
                             headers=H),
                 client.post("/api/preview", json={"path": bad, "data": data["data"]}, headers=H),
                 client.get("/api/download", params={"path": bad})):
        assert resp.status_code == 400, (bad, resp.text)
        assert "Traceback" not in resp.text
        assert any("\u4e00" <= ch <= "\u9fff" for ch in resp.json()["error"])
    assert outside.read_text(encoding="utf-8") == "kind: speech\ntitle: 外面\n"
    assert "链接.yaml" not in json.dumps(client.get("/api/outlines").json(), ensure_ascii=False)


def test_bodies_are_bounded(client):
    from drafter.serve.app import MAX_BODY

    big = b"x" * (MAX_BODY + 1)
    resp = client.post("/api/preview", content=big, headers={**H, "content-type": "application/json"})
    assert resp.status_code == 413 and "过大" in resp.json()["error"]

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(MAX_BODY // 65536 + 2):
            yield b" " * 65536

    resp = client.post("/api/preview", content=chunks(), headers={**H, "content-type": "application/json"})
    assert resp.status_code == 413


def test_deeply_nested_bodies_are_bad_input(client):
    data = load(client)
    body = '{"path": "outlines/讲话.yaml", "data": ' + "[" * 100_000 + "]" * 100_000 + "}"
    resp = client.post("/api/preview", content=body.encode(), headers={**H, "content-type": "application/json"})
    assert resp.status_code == 400 and "嵌套" in resp.json()["error"]
    nested = {"title": "x"}
    for _ in range(60):
        nested = {"a": nested}
    data["data"]["extra"] = nested
    resp = client.post("/api/preview", json={"path": data["path"], "data": data["data"]}, headers=H)
    assert resp.status_code == 400 and "嵌套" in resp.json()["error"]


def _save_as(root: str, version: str, speaker: str, barrier) -> bool:
    from drafter.serve.store import Conflict, Store

    store = Store(Path(root))
    data = store.load("outlines/讲话.yaml")["data"]
    data["speaker"] = speaker
    barrier.wait(timeout=30)
    try:
        store.save("outlines/讲话.yaml", version, data)
        return True
    except Conflict:
        return False


@pytest.mark.skipif(sys.platform == "win32", reason="the lock between processes uses fcntl")
def test_processes_saving_the_same_version_at_once_only_one_wins(ws):
    """Six processes (as six servers on one folder) save the version they loaded at the same moment."""
    import multiprocessing

    from drafter.serve.store import Store

    version = Store(ws).load("outlines/讲话.yaml")["version"]
    ctx = multiprocessing.get_context("fork")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(6)
        with ctx.Pool(6) as pool:
            won = pool.starmap(_save_as, [(str(ws), version, f"讲话人{i}", barrier) for i in range(6)])
    assert won.count(True) == 1
    text = (ws / "outlines" / "讲话.yaml").read_text(encoding="utf-8")
    assert f"speaker: 讲话人{won.index(True)}" in text


def test_two_stores_cannot_both_save_the_same_version(ws):
    """Two stores on one folder: the second save, though it holds the version it loaded, is refused."""
    from drafter.serve.store import Conflict, Store

    one, two = Store(ws), Store(ws)
    loaded = one.load("outlines/讲话.yaml")
    data = loaded["data"]
    data["speaker"] = "甲"
    one.save("outlines/讲话.yaml", loaded["version"], data)
    data["speaker"] = "乙"
    with pytest.raises(Conflict):
        two.save("outlines/讲话.yaml", loaded["version"], data)
    assert "speaker: 甲" in (ws / "outlines" / "讲话.yaml").read_text(encoding="utf-8")


def test_requests_from_other_sites_and_hosts_are_refused(client):
    data = load(client)
    body = {"path": data["path"], "version": data["version"], "data": data["data"]}
    resp = client.post("/api/save", json=body)  # no X-Drafter header: a form on another site
    assert resp.status_code == 400 and "X-Drafter" in resp.json()["error"]
    resp = client.post("/api/save", content=json.dumps(body), headers={**H, "content-type": "text/plain"})
    assert resp.status_code == 400
    assert client.get("/api/outlines", headers={"host": "evil.example"}).status_code == 400


def test_save_keeps_comments_and_refuses_a_stale_version(client, ws):
    path = ws / "outlines" / "讲话.yaml"
    path.write_text("# 我的注释\n" + path.read_text(encoding="utf-8").replace(
        "title: 在全市县市区人大主任会议上的讲话", "title: 在全市县市区人大主任会议上的讲话  # 标题注释"), encoding="utf-8")
    data = load(client)
    first = data["data"]["points"][0]["title"]
    data["data"]["points"].reverse()
    data["data"]["speaker"] = "李华"
    resp = client.post("/api/save", json={"path": data["path"], "version": data["version"], "data": data["data"]},
                       headers=H)
    assert resp.status_code == 200, resp.text
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 我的注释\n")
    assert "# 标题注释" in text and "speaker: 李华" in text
    assert text.rindex(first) > text.index("points:")
    assert resp.json()["version"] != data["version"]
    assert not [n for n in os.listdir(path.parent) if n.startswith(".drafter-")]  # no temporary file left

    # the same (now stale) version again: refused, the file unchanged
    data["data"]["speaker"] = "王五"
    resp = client.post("/api/save", json={"path": data["path"], "version": data["version"], "data": data["data"]},
                       headers=H)
    assert resp.status_code == 409 and resp.json()["conflict"] is True
    assert "已被修改" in resp.json()["error"]
    assert path.read_text(encoding="utf-8") == text


def test_preview_names_the_field_in_the_clis_words(client, ws, cli):
    data = load(client)
    data["data"]["date"] = "2024-02-30"
    got = client.post("/api/preview", json={"path": data["path"], "data": data["data"]}, headers=H).json()
    assert got["error"]["field"] == "date"
    assert got["error"]["message"] == "日期不存在：2024-02-30"
    bad = ws / "outlines" / "坏.yaml"
    bad.write_text((ws / "outlines" / "讲话.yaml").read_text(encoding="utf-8").replace(
        "date: 2024-03-28", "date: 2024-02-30"), encoding="utf-8")
    code, out, err = cli("render", bad)
    assert code == 2 and "date: 日期不存在：2024-02-30" in err
    assert got["error"]["text"].split(": ", 1)[1] == err.splitlines()[0].split(": ", 1)[1]

    data["data"]["date"] = "2024-03-28"
    del data["data"]["points"][0]["title"]
    got = client.post("/api/preview", json={"path": data["path"], "data": data["data"]}, headers=H).json()
    assert got["error"]["field"] == "points[0].title" and "缺少必填字段 title" in got["error"]["message"]


def test_preview_renders_pages_and_findings(client):
    data = load(client)
    data["data"]["opening"][0] = "依法监督一府两院的工作。"
    got = client.post("/api/preview", json={"path": data["path"], "data": data["data"]}, headers=H).json()
    assert got["error"] is None
    assert got["html"].count('class="page"') >= 2
    assert "我讲三点意见" in got["html"]
    (hit,) = [f for f in got["findings"] if f["match"] == "一府两院"]
    assert hit["field"] == "opening[0]" and hit["fixable"] and hit["suggestion"] == "一府一委两院"


def test_section_parameters_are_validated_like_yaml(client):
    data = load(client)
    data["data"]["points"].append({"use": "学习贯彻会议精神", "with": {"meting": "全国两会"}})
    got = client.post("/api/preview", json={"path": data["path"], "data": data["data"]}, headers=H).json()
    assert got["error"]["field"] == "points[3].with.meting"
    assert "没有参数 meting" in got["error"]["message"] and "meeting" in got["error"]["message"]


def test_create_outline(client, ws):
    resp = client.post("/api/outlines", json={"kind": "notice", "name": "培训通知"}, headers=H)
    assert resp.json() == {"path": "outlines/培训通知.yaml"}
    assert (ws / "outlines" / "培训通知.yaml").read_text(encoding="utf-8").startswith("# ")
    again = client.post("/api/outlines", json={"kind": "notice", "name": "培训通知"}, headers=H)
    assert again.status_code == 400 and "已存在" in again.json()["error"]
    assert client.post("/api/outlines", json={"kind": "notice", "name": "../x"}, headers=H).status_code == 400
    assert client.post("/api/outlines", json={"kind": "poem", "name": "x"}, headers=H).status_code == 400


def test_create_takes_a_kind_by_its_chinese_name_and_the_workspace_kinds(client, ws):
    import shutil

    from .test_kinds import BRIEF_KIND, BRIEF_STARTER, BRIEF_TEMPLATE

    assert client.post("/api/outlines", json={"kind": "讲话稿", "name": "讲话二"}, headers=H).status_code == 200
    assert "kind: speech" in (ws / "outlines" / "讲话二.yaml").read_text(encoding="utf-8")
    folder = ws / "kinds" / "简报"
    folder.mkdir(parents=True)
    for name, text in (("kind.yaml", BRIEF_KIND), ("template.md.j2", BRIEF_TEMPLATE), ("starter.yaml", BRIEF_STARTER)):
        (folder / name).write_text(text, encoding="utf-8")
    assert "briefing" in [k["name"] for k in client.get("/api/outlines").json()["kinds"]]
    assert client.post("/api/outlines", json={"kind": "简报", "name": "第一期"}, headers=H).json() == \
        {"path": "outlines/第一期.yaml"}
    got = client.get("/api/outline", params={"path": "outlines/第一期.yaml"}).json()
    assert [f["name"] for f in got["form"]["fields"]][:3] == ["kind", "title", "issue"]
    shutil.rmtree(folder)


def test_download_docx(client):
    import io

    import docx

    resp = client.get("/api/download", params={"path": "outlines/讲话.yaml", "format": "docx"})
    assert resp.status_code == 200
    assert "filename*=UTF-8''%E8%AE%B2%E8%AF%9D.docx" in resp.headers["content-disposition"]
    texts = [p.text for p in docx.Document(io.BytesIO(resp.content)).paragraphs]
    assert "在全市县市区人大主任会议上的讲话" in texts
    assert client.get("/api/download", params={"path": "outlines/讲话.yaml", "format": "exe"}).status_code == 400


def test_a_bug_is_one_line_in_chinese_without_a_traceback(client, monkeypatch):
    from drafter.serve import library

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(library, "glossary_lookup", broken)
    resp = client.get("/api/glossary", params={"q": "一府两院"})
    assert resp.status_code == 500
    assert resp.json() == {"error": "内部错误：KeyError: 'boom'（这是 drafter 的缺陷，请报告）"}
    assert client.get("/nothing").json() == {"error": "没有这个页面"}


def test_glossary_lookup(client):
    got = client.get("/api/glossary", params={"q": "四种意识"}).json()
    assert got["entries"][0]["term"] == "四个意识"


def test_page_images_need_a_current_version(client):
    resp = client.get("/api/page-image", params={"path": "outlines/讲话.yaml", "version": "x", "n": "0"})
    assert resp.status_code == 400 and "过期" in resp.json()["error"]


def test_other_addresses_need_the_flag_and_get_a_warning(ws, monkeypatch):
    import uvicorn

    from drafter import serve

    assert serve.is_loopback("127.0.0.1") and serve.is_loopback("::1") and serve.is_loopback("localhost")
    assert not serve.is_loopback("0.0.0.0") and not serve.is_loopback("192.168.1.5")
    lines, opened = [], []
    real = serve._socket

    def loopback_socket(host, port):  # nothing listens beyond this machine in a test
        opened.append(real("127.0.0.1", 0))
        return opened[-1]

    monkeypatch.setattr(serve, "_socket", loopback_socket)
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: None)
    serve.serve(str(ws), host="0.0.0.0", port=None, open_browser=False,
                echo=lambda text, err=False: lines.append((text, err)))
    assert lines[0][1] is True and lines[0][0].startswith("警告：工作台监听在 0.0.0.0")
    lines.clear()
    serve.serve(str(ws), open_browser=False, echo=lambda text, err=False: lines.append((text, err)))
    assert len(lines) == 1 and lines[0][0].startswith("drafter 工作台：http://127.0.0.1:")
    for sock in opened:
        sock.close()


def test_cli_refuses_a_folder_that_does_not_exist(cli, tmp_path):
    code, out, err = cli("serve", tmp_path / "没有", "--no-browser")
    assert code == 2 and "不是一个目录" in err


def test_a_folder_inside_a_workspace_uses_its_sections_and_settings(ws):
    from drafter.serve import library

    (ws / "drafter.yaml").write_text("rate: 180\nregion: 湖南\n", encoding="utf-8")
    res = library.resources(str(ws / "outlines"))
    assert res.root == (ws / "outlines").resolve()
    assert (res.config["rate"], res.config["region"]) == (180, "湖南")
    assert "本单位片段示例" in [s["name"] for s in library.section_list(res)]
    plain = library.resources(str(ws.parent))
    assert plain.template_dirs == () and "本单位片段示例" not in [s["name"] for s in library.section_list(plain)]


# --- issue 23: what a writer could not tell apart or did not see -------------------------------

def test_outlines_are_listed_by_title_kind_and_date(client, ws):
    out = ws / "outlines"
    # as drafter import writes them, and as writers write them: quoted, Chinese, title as lines
    (out / "旧稿一.yaml").write_text('# 从 旧稿一.docx 导入\nkind: "speech"\ntitle: "在全区人大工作会议上的讲话"\n'
                                     'date: 2023-02-10\npoints: []\n', encoding="utf-8")
    (out / "旧稿二.yaml").write_text("kind: 'speech'\ntitle: 在全区人大工作会议上的讲话\n", encoding="utf-8")
    (out / "通知.yaml").write_text("kind: 通知  # 中文名\ntitle:\n  - 关于举办培训班\n  - 的通知\n"
                                   "number:\n  date: 2020-01-01\ndate: 2024-05-08\n", encoding="utf-8")
    (out / "不是大纲.yaml").write_text("name: 其他\n", encoding="utf-8")
    got = {o["path"]: o for o in client.get("/api/outlines").json()["outlines"]}
    assert set(got) == {"outlines/讲话.yaml", "outlines/旧稿一.yaml", "outlines/旧稿二.yaml", "outlines/通知.yaml"}
    one, two, notice = got["outlines/旧稿一.yaml"], got["outlines/旧稿二.yaml"], got["outlines/通知.yaml"]
    assert (one["kind"], one["title"], one["date"], one["name"]) == ("speech", "在全区人大工作会议上的讲话",
                                                                     "2023-02-10", "旧稿一.yaml")
    assert (two["kind"], two["title"], two["date"]) == ("speech", "在全区人大工作会议上的讲话", "")
    assert len(two["modified"]) == 10  # the file's date where the outline has none
    assert (notice["kind"], notice["title"], notice["date"]) == ("notice", "关于举办培训班的通知", "2024-05-08")


def test_the_style_choices_carry_their_labels_and_the_spellings_yaml_reads(client, ws):
    form = load(client)["form"]
    labels = {x["value"]: x["label"] for x in form["style_labels"]}
    assert set(labels) == set(form["styles"])
    assert labels["1."] == "1. 2. 3. …" and labels["（一）"] == "（一） （二） （三） …"
    assert all(label.strip() for label in labels.values())
    # `style: 1.` is the number 1.0 in YAML: the page reads it back as "1."
    assert form["style_aliases"]["1"] == "1." and form["style_aliases"]["1.0"] == "1."


def test_the_preview_breaks_a_long_title_as_the_docx_does(client, ws):
    import io
    import re

    import docx

    from drafter.render import layout, pagination, titles

    long = "关于举办2024年全区各级人大代表履职能力提升专题培训班暨代表工作经验交流会的讲话"
    data = load(client)
    data["data"]["title"] = long
    saved = client.post("/api/save", json={"path": data["path"], "version": data["version"], "data": data["data"]},
                        headers=H).json()
    expected = titles.break_lines(long, pagination.title_width(layout.DEFAULT))
    assert len(expected) == 2
    title_html = re.search(r'<p class="b-title">(.*?)</p>', saved["html"]).group(1)
    assert re.findall(r'<span class="line">(.*?)</span>', title_html) == expected
    resp = client.get("/api/download", params={"path": data["path"], "format": "docx"})
    first = docx.Document(io.BytesIO(resp.content)).paragraphs[0]
    assert first.text.split("\n") == expected


def test_each_kind_is_offered_its_own_sections(client, ws):
    (ws / "outlines" / "通知.yaml").write_text((OUTLINES / "notice.yaml").read_text(encoding="utf-8"),
                                               encoding="utf-8")
    (ws / "templates" / "sections" / "通用.md.j2").write_text("{#- section\npurpose: 各文种通用\n-#}\n# 通用\n",
                                                              encoding="utf-8")
    notice = {s["name"] for s in load(client, "outlines/通知.yaml")["sections"]}
    speech = {s["name"] for s in load(client)["sections"]}
    assert {"培训时间和地点", "联系人和电话", "通用"} <= notice
    assert not notice & {"会议开场", "加强自身建设", "结尾号召"}
    assert {"会议开场", "加强自身建设", "通用"} <= speech and not speech & {"培训时间和地点", "联系人和电话"}


# --- sign-in on the office network ---------------------------------------------------------------

def _gated(ws, secret, password=False):
    from starlette.testclient import TestClient

    from drafter.serve import library
    from drafter.serve.app import create_app

    return TestClient(create_app(library.resources(str(ws)), allowed_hosts=("*",), secret=secret, password=password),
                      raise_server_exceptions=False, follow_redirects=False)


def test_without_the_token_every_request_is_refused(ws, monkeypatch):
    from drafter.serve import auth

    compared = []
    real = auth.hmac.compare_digest
    monkeypatch.setattr(auth.hmac, "compare_digest", lambda a, b: compared.append(1) or real(a, b))
    token = auth.new_token()
    assert len(token) >= 32
    client = _gated(ws, token)
    for url in ("/", "/static/app.js", "/api/outlines", "/api/outline?path=outlines/讲话.yaml",
                "/api/download?path=outlines/讲话.yaml&format=docx", f"/?token={token[:-1]}x"):
        resp = client.get(url)
        assert resp.status_code == 401, url
        assert "set-cookie" not in resp.headers
        if url.startswith("/api/"):
            assert "需要登录" in resp.json()["error"]
        else:
            assert "drafter 工作台需要登录" in resp.text and "token" in resp.text
    assert client.post("/api/save", json={}, headers=H).status_code == 401
    assert compared  # the token was compared in constant time

    resp = client.get(f"/?token={token}")
    assert resp.status_code == 303 and resp.headers["location"] == "/"  # the token leaves the address bar
    cookie = resp.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and token not in cookie
    assert client.get("/").status_code == 200 and "drafter 工作台" in client.get("/").text
    assert client.get("/api/outlines").json()["outlines"][0]["path"] == "outlines/讲话.yaml"
    client.cookies.clear()
    assert client.get("/api/outlines").status_code == 401
    client.cookies.set(auth.COOKIE, "0" * 64)
    assert client.get("/api/outlines").status_code == 401


def test_a_workspace_password_signs_in_through_the_form(ws):
    client = _gated(ws, "本单位的密码12345", password=True)
    page = client.get("/")
    assert page.status_code == 401 and 'name="password"' in page.text
    wrong = client.post("/login", data={"password": "猜一个试试"})
    assert wrong.status_code == 401 and "密码或链接不对" in wrong.text and "set-cookie" not in wrong.headers
    right = client.post("/login", data={"password": "本单位的密码12345"})
    assert right.status_code == 303 and "SameSite=Strict" in right.headers["set-cookie"]
    assert client.get("/api/outlines").status_code == 200


def test_lan_mode_prints_a_token_url_or_uses_the_workspace_password(ws, monkeypatch, cli):
    import uvicorn

    from drafter import serve

    apps, lines, opened = [], [], []
    real = serve._socket

    def loopback_socket(host, port):  # nothing listens beyond this machine in a test
        opened.append(real("127.0.0.1", 0))
        return opened[-1]

    monkeypatch.setattr(serve, "_socket", loopback_socket)
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: apps.append(self.config.app))
    echo = lambda text, err=False: lines.append(text)  # noqa: E731
    serve.serve(str(ws), host="0.0.0.0", open_browser=False, echo=echo)
    url = next(line for line in lines if line.startswith("drafter 工作台："))
    first = re.search(r"\?token=([\w-]+)", url).group(1)
    lines.clear()
    serve.serve(str(ws), host="0.0.0.0", open_browser=False, echo=echo)
    second = re.search(r"\?token=([\w-]+)", next(line for line in lines if "工作台：" in line)).group(1)
    assert first != second and len(first) >= 32  # a new one each start
    lines.clear()
    (ws / "drafter.yaml").write_text("serve:\n  password: 本单位的密码12345\n", encoding="utf-8")
    serve.serve(str(ws), host="0.0.0.0", open_browser=False, echo=echo)
    shown = next(line for line in lines if "工作台：" in line)
    assert "?token=" not in shown and "12345" not in "".join(lines) and "密码" in lines[0]
    lines.clear()
    serve.serve(str(ws), open_browser=False, echo=echo)  # this machine only: no sign-in
    assert "?token=" not in "".join(lines)
    (ws / "drafter.yaml").write_text("rate: 220\n", encoding="utf-8")
    lines.clear()
    serve.serve(str(ws), open_browser=False, echo=echo, sign_in=True)  # behind a reverse proxy
    assert re.search(r"http://127\.0\.0\.1:\d+/\?token=[\w-]{32}", "".join(lines))
    assert not any(line.startswith("警告") for line in lines)
    for sock in opened:
        sock.close()
    (ws / "drafter.yaml").write_text("serve:\n  password: 短\n", encoding="utf-8")
    code, _, err = cli("serve", ws, "--host", "0.0.0.0", "--no-browser")
    assert code == 2 and "drafter.yaml" in err and "serve.password" in err and "至少 8 个" in err
