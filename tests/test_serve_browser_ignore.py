"""The workbench's 忽略 in a real browser: ignore a finding here, see it go, see it listed,
restore it; ignore a whole rule for the workspace."""

from __future__ import annotations

import re

from drafter import safeyaml

from .test_serve_browser import browser, create, new_page, served  # noqa: F401 (fixtures)


def test_ignore_a_finding_then_restore_it(browser, served):  # noqa: F811
    from playwright.sync_api import expect

    server, ws = served
    errors: list = []
    page = new_page(browser, errors)
    create(page, server.url, "speech", "忽略")
    page.locator('[data-path="opening[0]"]').fill("严格执行2014年修订的代表法，听取一府两院的工作汇报。")
    page.get_by_role("tab", name=re.compile("校对")).click()
    law = page.locator("#findings li", has_text="2014年修订的代表法")
    term = page.locator("#findings li", has_text="一府两院")
    expect(law).to_have_count(1)
    expect(term).to_have_count(1)

    law.get_by_role("button", name=re.compile("^忽略此处")).click()
    expect(page.locator("#findings li", has_text="2014年修订的代表法")).to_have_count(0)
    expect(term).to_have_count(1)  # only that finding went
    expect(page.locator("#ignored-count")).to_have_text("1")
    data, _ = safeyaml.load((ws / "drafter.yaml").read_text(encoding="utf-8"), "drafter.yaml")
    assert data["ignore"] == [{"rule": "usage.lawdate", "text": "2014年修订的代表法", "file": "outlines/忽略.yaml"}]

    term.get_by_role("button", name=re.compile("^忽略此提法")).click()
    expect(page.locator("#findings li", has_text="一府两院")).to_have_count(0)
    expect(page.locator("#ignored-count")).to_have_text("2")

    page.locator("#ignored-box summary").click()
    listed = page.locator("#ignored li", has_text="2014年修订的代表法")
    expect(listed).to_contain_text("仅在 outlines/忽略.yaml 中")
    listed.get_by_role("button", name=re.compile("恢复")).click()
    expect(page.locator("#findings li", has_text="2014年修订的代表法")).to_have_count(1)
    expect(page.locator("#ignored-count")).to_have_text("1")

    # a whole rule, for every document of the workspace
    page.locator("#findings li", has_text="2014年修订的代表法").get_by_role(
        "button", name=re.compile("^不再检查规则")).click()
    expect(page.locator("#findings li", has_text="usage.lawdate")).to_have_count(0)
    data, _ = safeyaml.load((ws / "drafter.yaml").read_text(encoding="utf-8"), "drafter.yaml")
    assert "usage.lawdate" in data["ignore"]
    assert not errors
