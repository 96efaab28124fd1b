"""drafter serve: the workbench in the browser."""

from __future__ import annotations

import click


@click.command(options_metavar="[选项]")
@click.argument("folder", required=False, metavar="[工作区]")
@click.option("--host", default="127.0.0.1", help="监听地址，默认 127.0.0.1（只有本机能打开）；其他地址（如 0.0.0.0）需要登录：打印带口令的一次性地址，或用 drafter.yaml 中的密码。")
@click.option("--port", type=click.IntRange(0, 65535), default=None, metavar="端口", help="端口，默认 8765（被占用时任选一个）。")
@click.option("--no-browser", is_flag=True, help="不自动打开浏览器。")
@click.option("--sign-in", is_flag=True, help="监听本机时也要求登录（放在 HTTPS 反向代理之后时用）。")
def serve(folder: str | None, host: str, port: int | None, no_browser: bool, sign_in: bool) -> None:
    """在浏览器中编辑大纲：表单、页面预览、校对结果、下载 .docx 和 .pdf。"""
    from ..serve import serve as run_server  # loaded when the command runs: fast --help

    run_server(folder, host, port, not no_browser, sign_in=sign_in)
