"""The workbench's 对照旧稿 in a real browser: upload last year's speech, see what was carried over."""

from __future__ import annotations

import re

from .test_serve_browser import UNLABELLED, browser, create, new_page, served  # noqa: F401 (fixtures)

OLD = "在全县人大工作会议上的讲话\n（2025年2月18日）\n2025年，常委会将听取审议专项工作报告12项，开展执法检查5次。\n"


def test_upload_an_old_document_and_see_its_findings(browser, served, tmp_path):  # noqa: F811
    from playwright.sync_api import expect

    server, ws = served
    errors: list = []
    page = new_page(browser, errors)
    create(page, server.url, "speech", "今年讲话")
    page.locator('[data-path="date"]').fill("2026-02-16")
    page.locator('[data-path="opening[0]"]').fill("2025年，常委会将听取审议专项工作报告12项，开展执法检查6次。")
    page.get_by_role("tab", name=re.compile("校对")).click()
    old = tmp_path / "去年讲话.txt"
    old.write_text(OLD, encoding="utf-8")
    page.locator("#against-file").set_input_files(str(old))
    expect(page.locator("#against-pick")).to_have_value("旧稿/去年讲话.txt")
    item = page.locator("#findings li", has_text="against.year")
    expect(item).to_contain_text("旧稿 去年讲话.txt 第3段")
    expect(item).to_contain_text("建议：2026年")
    expect(page.locator("#against-note")).to_contain_text("已对照 旧稿/去年讲话.txt")
    assert (ws / "旧稿" / "去年讲话.txt").read_text(encoding="utf-8") == OLD
    assert page.evaluate(UNLABELLED) == []
    page.screenshot(path=str(tmp_path / "against.png"))
    page.get_by_label("对照旧稿").select_option("")
    expect(page.locator("#findings li", has_text="against.year")).to_have_count(0)
    assert not errors
