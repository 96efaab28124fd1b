"""A meeting file in the workbench, in a real browser: generate its set, make one document disagree,
see the cross-check's finding."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import quote

from .test_serve_browser import browser, new_page, save, served  # noqa: F401  (fixtures)

KINDS = Path(__file__).resolve().parent.parent / "kinds"


def test_meeting_file_generates_its_set_and_shows_a_disagreement(browser, served, tmp_path):  # noqa: F811
    from playwright.sync_api import expect

    server, ws = served
    shutil.copy(KINDS / "meeting" / "example.yaml", ws / "会议.yaml")
    errors: list = []
    page = new_page(browser, errors)
    page.goto(server.url + "#" + quote("会议.yaml"))
    page.wait_for_selector("#preview .page")
    expect(page.locator("#preview")).to_contain_text("材料清单")
    expect(page.locator("#outline-form")).to_contain_text("会议的安排")  # the sittings' records, edited in the form
    page.get_by_role("button", name="生成全套材料").click()
    expect(page.locator("#banner-text")).to_contain_text("已在 会议/ 中生成")
    assert (ws / "会议" / "02-会议议程.docx").is_file()
    page.screenshot(path=str(tmp_path / "meeting-made.png"), full_page=False)

    # the agenda's title names another session: it disagrees with the meeting file
    page.goto(server.url + "#" + quote("会议/02-会议议程.yaml"))
    page.wait_for_selector("#preview .page")
    title = page.locator('#outline-form [data-path="title"]')
    title.fill(title.input_value().replace("第二十三次", "第二十四次"))
    save(page)
    page.locator("#tab-findings").click()
    expect(page.locator("#findings")).to_contain_text("【会议材料核对】")
    page.screenshot(path=str(tmp_path / "meeting-agenda.png"), full_page=False)

    # the meeting file lists it, naming the document; generating again refuses to overwrite it
    page.goto(server.url + "#" + quote("会议.yaml"))
    expect(page.locator("#current")).to_have_text("会议.yaml")
    page.locator("#tab-preview").click()
    expect(page.locator("#preview")).to_contain_text("材料清单")
    page.locator("#tab-findings").click()
    expect(page.locator("#findings")).to_contain_text("会议/02-会议议程.yaml")
    page.get_by_role("button", name="生成全套材料").click()
    expect(page.locator("#banner-text")).to_contain_text(re.compile("未生成.*02-会议议程.*未覆盖"))
    page.screenshot(path=str(tmp_path / "meeting-refused.png"), full_page=False)
    assert not errors
