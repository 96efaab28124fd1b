"""`drafter serve`: the writer's workbench in the browser, on this machine.

A Starlette app served by uvicorn on 127.0.0.1 (on another address, only after sign-in:
``auth``): list the outlines of a workspace, edit one as
a form that follows the outline schema, see its pages and what ``drafter check`` finds, and
download the .docx or .pdf. The YAML file stays the source of truth.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import webbrowser

DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _socket(host: str, port: int | None) -> socket.socket:
    """A listening socket on ``port``; without a port, 8765 or else any free one."""
    from .library import DrafterError  # the web stack loads only when serving
    from ..errors import os_reason  # loaded only when serving

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    for candidate in ([port] if port is not None else [DEFAULT_PORT, 0]):
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host.strip("[]"), candidate))
        except OSError as exc:
            sock.close()
            if port is not None or candidate == 0:
                raise DrafterError(f"无法在 {host}:{candidate} 上监听（{os_reason(exc)}）") from None
            continue
        sock.listen(64)
        sock.set_inheritable(True)
        return sock
    raise AssertionError("unreachable")


def serve(folder: str | None, host: str = "127.0.0.1", port: int | None = None, open_browser: bool = True,
          echo=None, sign_in: bool = False) -> None:
    """Serve the workbench for ``folder`` until interrupted; on an address other than this
    machine's own (or with ``sign_in``: behind a reverse proxy) only after signing in."""
    import click  # the web stack loads only when serving: drafter --help stays fast
    import uvicorn
    from . import library
    from .app import LOOPBACK_HOSTS, create_app

    echo = echo or click.echo
    res = library.resources(folder)
    loopback = is_loopback(host)
    secret, password = None, False
    if not loopback or sign_in:
        from .auth import new_token  # only a server open to the network signs in

        password = bool((res.config.get("serve") or {}).get("password"))
        secret = res.config["serve"]["password"] if password else new_token()
    if not loopback:
        echo(f"警告：工作台监听在 {host}，同一网络中的其他计算机也能打开 {res.root} 中的大纲；"
             + ("需要输入 drafter.yaml 中设置的密码才能使用。" if password else
                "需要用下面带口令的地址打开（只发给需要的同事），每次启动都会换一个口令。")
             + "办公室网络之外请放在 HTTPS 反向代理之后（见 README“工作台”一节）。", err=True)
    app = create_app(res, allowed_hosts=LOOPBACK_HOSTS if loopback else ("*",), secret=secret, password=password)
    sock = _socket(host, port)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{sock.getsockname()[1]}/"
    address = f"{url}?token={secret}" if secret and not password else url
    echo(f"drafter 工作台：{address}　工作区：{res.root}（按 Ctrl+C 停止）")
    if host in ("0.0.0.0", "::", "[::]"):
        echo("其他计算机请把地址中的 " + host + " 换成本机在办公室网络中的 IP 地址。")
    sys.stdout.flush()
    if open_browser:
        threading.Timer(0.8, lambda: webbrowser.open(address)).start()
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
