"""Screenshots of the workbench at 1280x800 for the README: `.venv/bin/python docs/serve/screenshots.py`.

Starts `drafter serve` on a copy of outlines/ in a temporary workspace and drives Debian's
chromium with Playwright, as the browser tests do.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from tests.serve_helpers import CHROMIUM, CHROMIUM_ARGS, Server, make_workspace  # noqa: E402
from tests.test_serve_browser import LanServer  # noqa: E402


def main() -> None:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=120_000)
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "公文"
        make_workspace(ws)
        for name in ("speech.yaml", "notice.yaml", "speech-sections.yaml"):
            shutil.copy(ROOT / "outlines" / name, ws / "outlines" / name)
        # two drafts imported from old .docx files: the same title, told apart by date and file name
        for name, date in (("旧讲话-2023.yaml", "2023-02-10"), ("旧讲话-2024.yaml", "2024-02-26")):
            (ws / "outlines" / name).write_text(
                f'kind: "speech"\ntitle: "在全区人大工作会议上的讲话"\ndate: {date}\npoints:\n'
                '  - title: 提高政治站位\n    style: 1.\n    subpoints:\n      - title: 深入学习\n'
                '      - title: 广泛宣传\n', encoding="utf-8")
        server = Server(ws)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 800})

                def shot(name: str) -> None:
                    page.wait_for_timeout(600)
                    page.screenshot(path=str(HERE / name))
                    print(HERE / name)

                page.goto(server.url + "#outlines%2Fspeech.yaml")
                page.wait_for_selector("#preview .page")
                shot("workbench.png")

                # a finding beside its field, and the safe fix
                para = page.locator('[data-path="opening[1]"]')
                para.fill(para.input_value() + "全市人大要依法监督一府两院,推动工作落实。")
                expect(page.locator(".finding-note", has_text="一府两院")).to_be_visible()
                page.get_by_role("tab", name=re.compile("校对")).click()
                para.scroll_into_view_if_needed()
                shot("workbench-check.png")

                # a section with its parameters; a missing one is shown on its field
                page.get_by_role("tab", name="页面预览").click()
                page.get_by_label("为要点选择片段").select_option("依法履行监督职责")
                page.get_by_role("button", name="在要点末尾插入所选片段").click()
                page.get_by_label("为要点选择片段").select_option("学习贯彻会议精神")
                page.get_by_role("button", name="在要点末尾插入所选片段").click()
                expect(page.locator('[data-path="points[4].with.meeting"]')).to_have_attribute("aria-invalid", "true")
                page.locator('[data-path="points[4]"]').first.scroll_into_view_if_needed()
                shot("workbench-section.png")

                # a notice and the pages LibreOffice makes of it
                page.on("dialog", lambda d: d.accept())
                page.goto(server.url + "#outlines%2Fnotice.yaml")
                expect(page.locator("#preview")).to_contain_text("恒阳区人大常委会办公室文件")
                shot("workbench-notice.png")
                page.get_by_role("button", name="LibreOffice 页面").click()
                expect(page.locator("#pdf-pages img").first).to_be_visible()
                shot("workbench-libreoffice.png")

                # two windows: the second save is refused, nothing is lost
                other = browser.new_page(viewport={"width": 1280, "height": 800})
                other.goto(server.url + "#outlines%2Fnotice.yaml")
                other.wait_for_selector("#preview .page")
                page.get_by_role("button", name="HTML 预览").click()
                page.get_by_label("标题（必填）").first.fill("关于举办全区人大代表履职能力提升培训班的通知（第二期）")
                page.get_by_role("button", name="保存").click()
                expect(page.locator("#status")).to_contain_text("已保存")
                other.get_by_label("发文机关（必填）").fill("恒阳区人大常委会")
                other.get_by_role("button", name="保存").click()
                expect(other.locator("#banner-text")).to_contain_text("已被修改")
                page, _ = other, page
                shot("workbench-conflict.png")

                # an imported outline: listed by title, kind, date and file name; its styles labelled
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(server.url + "#outlines%2F旧讲话-2024.yaml")
                page.wait_for_selector("#preview .page")
                page.locator('[data-path="points[0].style"]').scroll_into_view_if_needed()
                shot("workbench-list.png")
                browser.close()
        finally:
            server.stop()
        # on the office network: nothing without the token
        lan = LanServer(ws)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(lan.url)
                page.wait_for_timeout(300)
                page.screenshot(path=str(HERE / "workbench-signin.png"))
                print(HERE / "workbench-signin.png")
                browser.close()
        finally:
            lan.stop()


if __name__ == "__main__":
    main()
