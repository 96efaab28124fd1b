"""`drafter serve`: the writer's workbench in the browser, on this machine.

A Starlette app served by uvicorn on 127.0.0.1: list the outlines of a workspace, edit one as
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
          echo=None) -> None:
    """Serve the workbench for ``folder`` until interrupted."""
    import click  # the web stack loads only when serving: drafter --help stays fast
    import uvicorn
    from . import library
    from .app import LOOPBACK_HOSTS, create_app

    echo = echo or click.echo
    res = library.resources(folder)
    loopback = is_loopback(host)
    if not loopback:
        echo(f"警告：工作台监听在 {host}，同一网络中的其他计算机也能打开并修改 {res.root} 中的大纲；"
             "只在可信的内部网络中这样使用。", err=True)
    app = create_app(res, allowed_hosts=LOOPBACK_HOSTS if loopback else ("*",))
    sock = _socket(host, port)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{sock.getsockname()[1]}/"
    echo(f"drafter 工作台：{url}　工作区：{res.root}（按 Ctrl+C 停止）")
    sys.stdout.flush()
    if open_browser:
        threading.Timer(0.8, lambda: webbrowser.open(url)).start()
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
