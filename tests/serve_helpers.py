"""Shared by the workbench tests: a workspace, a running `drafter serve`, a real browser."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def need_chromium() -> None:
    """Browser tests: mandatory in CI (CI=true fails without chromium), skipped elsewhere."""
    have = os.path.exists(CHROMIUM)
    try:
        import playwright  # noqa: F401
    except ImportError:
        have = False
    if not have:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but chromium (/usr/bin/chromium) or the playwright package is missing")
        pytest.skip("chromium (/usr/bin/chromium) or playwright is not installed: browser tests not run")


def make_workspace(root) -> None:
    from drafter import workspace

    workspace.init(str(root))


class Server:
    def __init__(self, folder, *extra: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "drafter", "serve", str(folder), "--port", "0",
                                      "--no-browser", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        line = self.proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            self.stop()
            raise AssertionError(f"drafter serve did not start: {line!r} {self.proc.stderr.read()!r}")
        self.url = m.group(0)
        self._wait()

    def _wait(self) -> None:
        import urllib.request

        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "api/outlines", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("drafter serve did not answer")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
