"""`drafter serve` driven in a real browser: Playwright against Debian's chromium.

Without chromium these tests skip, except in CI (CI=true), where they fail.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from .conftest import needs_soffice
from .serve_helpers import CHROMIUM, CHROMIUM_ARGS, Server, make_workspace, need_chromium

TIMEOUT = 20_000  # ms: a preview round trip is well under a second; LibreOffice takes longer


@pytest.fixture(scope="module")
def browser():
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def served(tmp_path):
    ws = tmp_path / "公文"
    make_workspace(ws)
    server = Server(ws)
    yield server, ws
    server.stop()


def new_page(browser, errors: list):
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT)
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return page


def create(page, url: str, kind: str, name: str) -> None:
    page.goto(url)
    page.get_by_label("文种").select_option(kind)
    page.get_by_label("文件名").fill(name)
    page.get_by_role("button", name="新建大纲").click()
    page.wait_for_selector("#outline-form:not([hidden])")
    page.wait_for_selector("#preview .page")


def drag(page, source: str, target: str) -> None:
    """Drag with the mouse in small steps, both ends in view."""
    handle = page.locator(source)
    handle.scroll_into_view_if_needed()
    box = handle.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 4, box["y"] + box["height"] / 2 + 4, steps=4)
    goal = page.locator(target).bounding_box()
    page.mouse.move(goal["x"] + goal["width"] / 2, goal["y"] + goal["height"] / 2, steps=12)
    page.mouse.up()


def save(page) -> None:
    from playwright.sync_api import expect

    page.get_by_role("button", name="保存").click()
    expect(page.locator("#status")).to_have_text(re.compile("^已保存"))


def test_create_add_reorder_points_and_save(browser, served):
    from playwright.sync_api import expect

    server, ws = served
    errors: list = []
    page = new_page(browser, errors)
    create(page, server.url, "speech", "全区会议讲话")
    assert (ws / "outlines" / "全区会议讲话.yaml").is_file()
    expect(page.locator("#announce")).to_have_text("开场末尾宣布：我讲两点意见。")
    expect(page.locator("#preview")).to_contain_text("我讲两点意见")

    page.get_by_label("标题（必填）").first.fill("在全区人大工作会议上的讲话")
    page.get_by_label("不要称呼").check()  # salutation: "" means none (the schema's own rule)
    expect(page.locator("#preview")).not_to_contain_text("同志们：")
    page.get_by_label("不要称呼").uncheck()
    expect(page.get_by_label("称呼", exact=True)).to_have_attribute("placeholder", "默认：同志们")
    expect(page.locator("#preview")).to_contain_text("同志们：")
    page.get_by_label("不要称呼").check()
    page.get_by_role("button", name="在要点末尾添加一点").click()
    # the new point's title field has the focus; the announced count changed at once
    expect(page.locator("#announce")).to_have_text("开场末尾宣布：我讲三点意见。")
    page.locator('[data-path="points[2].title"]').fill("狠抓工作落实")
    expect(page.locator("#preview")).to_contain_text("我讲三点意见")
    expect(page.locator("#preview")).to_contain_text("三、狠抓工作落实")

    # drag the third point's handle onto the second point's head (mouse steps, as a person drags)
    drag(page, '[data-path="points[2]:handle"]', '[data-path="points[1]"] .point-head >> nth=0')
    expect(page.locator('[data-path="points[1].title"]')).to_have_value("狠抓工作落实")
    expect(page.locator("#preview")).to_contain_text("二、狠抓工作落实")
    expect(page.locator("#preview")).to_contain_text("三、第二点的标题")

    # keyboard: Alt+↑ on the second point's handle moves it to the top
    page.get_by_label("拖动或用 Alt+↑/↓ 移动第2个要点").press("Alt+ArrowUp")
    expect(page.locator('[data-path="points[0].title"]')).to_have_value("狠抓工作落实")
    expect(page.get_by_label("拖动或用 Alt+↑/↓ 移动第1个要点")).to_be_focused()
    expect(page.locator("#preview")).to_contain_text("一、狠抓工作落实")
    expect(page.locator("#preview")).to_contain_text("二、第一点的标题")
    expect(page.locator("#preview")).to_contain_text("三、第二点的标题")

    # delete one: two points again
    page.get_by_role("button", name="删除第2个要点").click()
    expect(page.locator("#announce")).to_have_text("开场末尾宣布：我讲两点意见。")
    expect(page.locator("#preview")).to_contain_text("二、第二点的标题")
    save(page)
    text = (ws / "outlines" / "全区会议讲话.yaml").read_text(encoding="utf-8")
    assert text.index("狠抓工作落实") < text.index("第二点的标题")
    assert "第一点的标题" not in text
    assert re.search(r"^title: 在全区人大工作会议上的讲话 +# 标题$", text, re.M)  # the starter's comments stay
    assert re.search(r"^salutation: ''", text, re.M)
    assert "# 讲话稿大纲（drafter）" in text
    assert not errors


def test_insert_section_error_on_field(browser, served):
    from playwright.sync_api import expect

    server, ws = served
    errors: list = []
    page = new_page(browser, errors)
    create(page, server.url, "speech", "片段")
    page.get_by_label("为要点选择片段").select_option("学习贯彻会议精神")
    page.get_by_role("button", name="在要点末尾插入所选片段").click()
    field = page.locator('[data-path="points[2].with.meeting"]')
    expect(field).to_have_attribute("aria-invalid", "true")
    card = page.locator('.section-card[data-path="points[2]"]')
    expect(card.locator(".field-error")).to_contain_text("缺少参数 meeting")
    expect(page.locator("#preview-error")).to_contain_text("points[2].with")
    page.locator("#preview-error").get_by_role("button", name="转到该字段").click()
    expect(field).to_be_focused()
    field.fill("全国两会")
    expect(page.locator("#preview")).to_contain_text("三、深刻领悟全国两会精神")
    expect(field).not_to_have_attribute("aria-invalid", "true")
    page.get_by_label(re.compile("落实的主体")).fill("区乡两级人大")
    expect(page.locator("#preview")).to_contain_text("区乡两级人大")
    save(page)
    from drafter.render import render_outline

    docx = render_outline(str(ws / "outlines" / "片段.yaml"))
    assert len(docx) > 10_000
    assert "use: 学习贯彻会议精神" in (ws / "outlines" / "片段.yaml").read_text(encoding="utf-8")
    assert not errors


def test_finding_jump_and_fix(browser, served):
    from playwright.sync_api import expect

    server, ws = served
    errors: list = []
    page = new_page(browser, errors)
    create(page, server.url, "speech", "校对")
    para = page.locator('[data-path="opening[0]"]')
    para.fill("今天召开会议，听取一府两院的工作汇报。")
    note = page.locator(".finding-note", has_text="一府两院")
    expect(note).to_be_visible()
    page.get_by_role("tab", name=re.compile("校对")).click()
    item = page.locator("#findings li", has_text="一府两院")
    item.locator("button.jump").click()
    expect(para).to_be_focused()
    selected = page.evaluate("(() => { const t = document.activeElement; return t.value.slice(t.selectionStart, t.selectionEnd); })()")
    assert selected == "一府两院"
    item.get_by_role("button", name=re.compile("改正")).click()
    expect(para).to_have_value("今天召开会议，听取一府一委两院的工作汇报。")
    expect(page.locator(".finding-note", has_text="一府两院")).to_have_count(0)
    expect(page.locator("#preview")).to_contain_text("一府一委两院")
    assert not errors


def test_download_docx_reads_back(browser, served, tmp_path):
    import docx
    from playwright.sync_api import expect

    server, ws = served
    errors: list = []
    page = new_page(browser, errors)
    create(page, server.url, "report", "报告")
    page.get_by_label("标题（必填）").first.fill("市人大常委会工作报告")
    expect(page.locator("#preview")).to_contain_text("市人大常委会工作报告")
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 .docx").click()  # saves first: the file is what the page shows
    target = tmp_path / "下载.docx"
    info.value.save_as(target)
    assert info.value.suggested_filename == "报告.docx"
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "市人大常委会工作报告" in texts
    assert any(t.startswith("一、") for t in texts)
    assert "市人大常委会工作报告" in (ws / "outlines" / "报告.yaml").read_text(encoding="utf-8")
    assert not errors


def test_two_sessions_cannot_lose_changes(browser, served):
    from playwright.sync_api import expect

    server, ws = served
    errors: list = []
    a = new_page(browser, errors)
    create(a, server.url, "notice", "通知")
    b = new_page(browser, errors)
    b.goto(server.url + "#outlines%2F%E9%80%9A%E7%9F%A5.yaml")
    b.wait_for_selector("#preview .page")

    a.get_by_label("标题（必填）").first.fill("关于举办代表培训班的通知")
    save(a)
    b.get_by_label("发文机关（必填）").fill("恒阳市人大常委会办公室")
    b.get_by_role("button", name="保存").click()
    expect(b.locator("#banner-text")).to_contain_text("文件在载入后已被修改")
    expect(b.get_by_role("button", name="重新载入")).to_be_visible()
    path = ws / "outlines" / "通知.yaml"
    text = path.read_text(encoding="utf-8")
    assert "关于举办代表培训班的通知" in text and "恒阳市人大常委会办公室" not in text

    b.get_by_role("button", name="重新载入").click()
    expect(b.get_by_label("标题（必填）").first).to_have_value("关于举办代表培训班的通知")
    b.get_by_label("发文机关（必填）").fill("恒阳市人大常委会办公室")
    save(b)
    text = path.read_text(encoding="utf-8")
    assert "关于举办代表培训班的通知" in text and "恒阳市人大常委会办公室" in text
    # and now A is the stale one
    a.get_by_label("标题（必填）").first.fill("另一个标题")
    a.get_by_role("button", name="保存").click()
    expect(a.locator("#banner-text")).to_contain_text("文件在载入后已被修改")
    assert "另一个标题" not in path.read_text(encoding="utf-8")
    assert not errors


UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea, button, [role=button]')]
    .filter(e => !e.hidden && e.offsetParent !== null)
    .filter(e => !(e.getAttribute('aria-label') || (e.id && document.querySelector(`label[for="${e.id}"]`))
                   || (e.tagName === 'BUTTON' && e.textContent.trim())))
    .map(e => e.outerHTML.slice(0, 80))"""


def test_glossary_lookup(browser, served):
    from playwright.sync_api import expect

    server, ws = served
    errors: list = []
    page = new_page(browser, errors)
    create(page, server.url, "speech", "词库")
    page.get_by_role("tab", name="词库").click()
    page.get_by_label("查提法").fill("一府两院")
    page.get_by_label("查提法").press("Enter")
    expect(page.locator("#glossary-results .entry").first).to_contain_text("一府一委两院")
    # another outline from the list: its own preview, nothing left from the one before
    create(page, server.url, "notice", "另一份")
    expect(page.locator("#preview")).to_contain_text("文件")
    # listed by title (the file name shows only where titles repeat: test_outline_list_…)
    page.locator('#outline-list button[data-path="outlines/词库.yaml"]').click()
    expect(page.locator("#current")).to_have_text("outlines/词库.yaml")
    expect(page.locator("#preview")).to_contain_text("在xx会议上的讲话")
    expect(page.locator("#preview")).not_to_contain_text("文件")
    assert not errors


@pytest.mark.parametrize("kind", ["speech", "report", "notice"])
def test_every_control_labelled_and_no_horizontal_scroll(browser, served, kind):
    from playwright.sync_api import expect

    server, ws = served
    errors: list = []
    page = new_page(browser, errors)
    create(page, server.url, kind, f"{kind}-标签")
    if kind == "notice":  # a notice's attachment is edited in the form too
        page.get_by_role("button", name="添加附件").click()
        page.locator('[data-path="attachments[1].title"]').fill("参会回执")
        expect(page.locator("#preview")).to_contain_text("参会回执")
    for tab in ("校对", "词库", "页面预览"):
        page.get_by_role("tab", name=re.compile(tab)).click()
        assert page.evaluate(UNLABELLED) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.evaluate("document.querySelector('.editor').scrollWidth <= document.querySelector('.editor').clientWidth")
    assert not errors


@needs_soffice()
def test_libreoffice_pages_and_pdf(browser, served, tmp_path):
    from playwright.sync_api import expect

    server, ws = served
    errors: list = []
    page = new_page(browser, errors)
    create(page, server.url, "speech", "页面")
    page.get_by_role("button", name="LibreOffice 页面").click()
    expect(page.locator("#pdf-pages img").first).to_be_visible(timeout=120_000)
    size = page.evaluate("(() => { const i = document.querySelector('#pdf-pages img'); return [i.naturalWidth, i.naturalHeight]; })()")
    assert abs(size[1] / size[0] - 297 / 210) < 0.02  # A4
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="下载 .pdf").click()
    pdf = tmp_path / "页面.pdf"
    info.value.save_as(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s", "", text)  # pdftotext spaces out Latin letters and breaks lines
    assert "在xx会议上的讲话" in flat and "我讲两点意见" in flat and "—1—" in flat
    assert not errors


# --- issue 23 ----------------------------------------------------------------------------------

STYLED = """\
kind: speech
title: 在全区人大工作会议上的讲话
date: 2024-03-28
points:
  - title: 提高政治站位
    style: 1.
    subpoints:
      - title: 学习
      - title: 宣传
  - title: 依法履职尽责
    paragraphs: [要强化监督。]
"""


def test_every_style_shows_its_label(browser, served):
    from playwright.sync_api import expect

    server, ws = served
    (ws / "outlines" / "分层.yaml").write_text(STYLED, encoding="utf-8")  # `style: 1.` is 1.0 in YAML
    errors: list = []
    page = new_page(browser, errors)
    page.goto(server.url + "#" + "outlines%2F分层.yaml")
    page.wait_for_selector("#preview .page")
    select = page.locator('[data-path="points[0].style"]')
    assert select.evaluate("s => s.value") == "1."
    assert select.evaluate("s => s.options[s.selectedIndex].text") == "1. 2. 3. …"
    options = select.evaluate("s => [...s.options].map(o => [o.value, o.text])")
    assert all(text.strip() for _, text in options), options
    assert dict(options)["（1）"] == "（1） （2） （3） …" and dict(options)[""] == "默认：（一） （二） （三） …"
    expect(page.locator('[data-path="points[0].subpoints"] .marker').first).to_have_text("1.")
    expect(page.locator("#preview")).to_contain_text("1.学习")
    select.select_option("一是")
    expect(page.locator('[data-path="points[0].subpoints"] .marker').first).to_have_text("一是")
    expect(page.locator("#preview")).to_contain_text("一是学习")
    assert not errors


def test_outline_list_by_title_kind_and_date(browser, served):
    from playwright.sync_api import expect

    server, ws = served
    out = ws / "outlines"
    (out / "旧稿一.yaml").write_text('kind: "speech"\ntitle: "在全区人大工作会议上的讲话"\ndate: 2023-02-10\n',
                                     encoding="utf-8")
    (out / "旧稿二.yaml").write_text('kind: "speech"\ntitle: "在全区人大工作会议上的讲话"\ndate: 2024-02-26\n',
                                     encoding="utf-8")
    (out / "培训.yaml").write_text("kind: 通知\ntitle: 关于举办培训班的通知\ndate: 2024-05-08\n", encoding="utf-8")
    errors: list = []
    page = new_page(browser, errors)
    page.goto(server.url)
    one = page.locator('#outline-list button[data-path="outlines/旧稿一.yaml"]')
    expect(one.locator(".title")).to_have_text("在全区人大工作会议上的讲话")
    expect(one.locator("small")).to_have_text("讲话稿 · 2023-02-10旧稿一.yaml")  # the file name on a line of its own
    expect(one.locator("small .file")).to_be_visible()
    expect(page.locator('#outline-list button[data-path="outlines/旧稿二.yaml"] small')).to_have_text(
        "讲话稿 · 2024-02-26旧稿二.yaml")
    notice = page.locator('#outline-list button[data-path="outlines/培训.yaml"]')
    expect(notice.locator(".title")).to_have_text("关于举办培训班的通知")
    expect(notice.locator("small")).to_have_text("通知 · 2024-05-08")  # a title of its own: no file name
    assert notice.locator(".file").count() == 0
    assert '"' not in page.locator("#outline-list").inner_text()
    assert not errors


def test_each_kind_is_offered_its_own_sections(browser, served):
    server, ws = served
    errors: list = []
    page = new_page(browser, errors)
    create(page, server.url, "notice", "培训通知")
    offered = page.get_by_label("为要点选择片段").evaluate("s => [...s.options].map(o => o.value)")
    assert "培训时间和地点" in offered and "联系人和电话" in offered
    assert not {"加强自身建设", "学习贯彻会议精神", "本单位片段示例"} & set(offered)
    create(page, server.url, "speech", "讲话")
    offered = page.get_by_label("为要点选择片段").evaluate("s => [...s.options].map(o => o.value)")
    assert "加强自身建设" in offered and "本单位片段示例" in offered
    assert not {"培训时间和地点", "联系人和电话"} & set(offered)
    opening = page.get_by_label("为开场选择片段").evaluate("s => [...s.options].map(o => o.value)")
    assert "会议开场" in opening and "培训时间和地点" not in opening
    assert not errors


def test_the_preview_breaks_the_title_as_the_docx(browser, served):
    from playwright.sync_api import expect

    from drafter.render import layout, pagination, titles

    server, ws = served
    long = "关于举办2024年全区各级人大代表履职能力提升专题培训班暨代表工作经验交流会的讲话"
    errors: list = []
    page = new_page(browser, errors)
    create(page, server.url, "speech", "长标题")
    page.get_by_label("标题（必填）").first.fill(long)
    expected = titles.break_lines(long, pagination.title_width(layout.DEFAULT))
    expect(page.locator("#preview .b-title .line")).to_have_text(expected)
    # each line stays on one line of the page, as in the .docx
    heights = page.evaluate("[...document.querySelectorAll('#preview .b-title .line')].map(e => e.getClientRects().length)")
    assert heights == [1] * len(expected)
    assert not errors


class LanServer:
    """`drafter serve --host 0.0.0.0`: the printed address carries the token."""

    def __init__(self, folder) -> None:
        import os
        import sys

        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "drafter", "serve", str(folder), "--host", "0.0.0.0",
                                      "--port", "0", "--no-browser"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        line = self.proc.stdout.readline()
        m = re.search(r"http://0\.0\.0\.0:(\d+)/\?token=([\w-]+)", line)
        if not m:
            self.stop()
            raise AssertionError(f"drafter serve did not start: {line!r}")
        self.url, self.token = f"http://127.0.0.1:{m.group(1)}/", m.group(2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def test_lan_mode_needs_the_token(browser, tmp_path):
    import time
    import urllib.error
    import urllib.request

    from playwright.sync_api import expect

    ws = tmp_path / "公文"
    make_workspace(ws)
    server = LanServer(ws)
    try:
        deadline = time.monotonic() + 20
        while True:  # up: it answers, and without the token it refuses
            try:
                urllib.request.urlopen(server.url + "api/outlines", timeout=2)
                raise AssertionError("a request without the token was answered")
            except urllib.error.HTTPError as exc:
                assert exc.code == 401
                break
            except OSError:
                assert time.monotonic() < deadline, "drafter serve did not answer"
                time.sleep(0.1)
        errors: list = []
        page = new_page(browser, errors)
        resp = page.goto(server.url)
        assert resp.status == 401
        expect(page.locator("h1")).to_have_text("drafter 工作台需要登录")
        assert page.locator("#outline-form").count() == 0
        resp = page.goto(server.url + "?token=" + server.token[:-2] + "xx")
        assert resp.status == 401
        page.goto(server.url + "?token=" + server.token)
        assert page.url == server.url  # the token left the address bar
        page.get_by_label("文种").select_option("speech")
        page.get_by_label("文件名").fill("内网")
        page.get_by_role("button", name="新建大纲").click()
        page.wait_for_selector("#preview .page")
        assert (ws / "outlines" / "内网.yaml").is_file()
        cookies = page.context.cookies()
        assert [(c["httpOnly"], c["sameSite"]) for c in cookies] == [(True, "Strict")]
        assert server.token not in cookies[0]["value"]
        # another browser without the cookie is still refused
        other = new_page(browser, errors)
        assert other.goto(server.url + "api/outlines").status == 401
        assert not errors
    finally:
        server.stop()
