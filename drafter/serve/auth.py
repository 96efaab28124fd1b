"""Sign-in for a workbench open to the office network (``drafter serve --host 0.0.0.0``).

On this machine only (127.0.0.1) there is nothing to sign in to. On any other address every
request needs the secret: a random token printed with the URL when the server starts
(``secrets.token_urlsafe``), or the password in the workspace's ``drafter.yaml``
(``serve: {password: …}``). The secret, given once in the URL (``?token=``) or in the
sign-in form, is exchanged for an HttpOnly, SameSite=Strict cookie and the address bar is
cleared of it; the cookie holds an HMAC of the secret, never the secret itself. Secrets are
compared in constant time (``hmac.compare_digest``). A request without them gets 401: a page
in Chinese, or one line of JSON for the API.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import secrets
from urllib.parse import parse_qs, urlencode

COOKIE = "drafter_session"
LOGIN = "/login"
MAX_FORM = 4096  # bytes of the sign-in form
REFUSED = "需要登录：请用启动工作台时终端里打印的地址打开，或输入工作区设置的密码。"


def new_token() -> str:
    return secrets.token_urlsafe(24)


def same(given: str, secret: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), secret.encode("utf-8"))


class SignIn:
    """ASGI middleware: lets through only requests that carry the session cookie."""

    def __init__(self, app, secret: str, password: bool = False) -> None:
        self.app = app
        self.secret = secret
        self.password = password  # the workspace's password: the page asks for it
        self.session = hmac.new(secret.encode("utf-8"), b"drafter-serve-session", hashlib.sha256).hexdigest()

    def _signed_in(self, headers: dict) -> bool:
        for part in headers.get(b"cookie", b"").decode("latin-1").split(";"):
            name, _, value = part.strip().partition("=")
            if name == COOKIE and hmac.compare_digest(value.encode("latin-1"), self.session.encode("latin-1")):
                return True
        return False

    def _cookie(self) -> tuple[bytes, bytes]:
        return (b"set-cookie", f"{COOKIE}={self.session}; HttpOnly; SameSite=Strict; Path=/".encode("latin-1"))

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        if self._signed_in(headers):
            return await self.app(scope, receive, send)
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        token = (query.get("token") or [""])[0]
        if token and same(token, self.secret):
            rest = urlencode([(k, v) for k, vs in query.items() if k != "token" for v in vs], doseq=True)
            return await _answer(send, 303, b"", [self._cookie(), (b"location", (scope["path"] + (
                "?" + rest if rest else "")).encode("utf-8"))])
        if scope["path"] == LOGIN and scope["method"] == "POST":
            given = await _form_password(receive)
            if given is not None and same(given, self.secret):
                return await _answer(send, 303, b"", [self._cookie(), (b"location", b"/")])
            await asyncio.sleep(1)  # a wrong password costs a second: no guessing at speed
            return await self._refuse(scope, send, wrong=True)
        if token:
            await asyncio.sleep(1)
        return await self._refuse(scope, send, wrong=bool(token))

    async def _refuse(self, scope, send, wrong: bool = False):
        if scope["path"].startswith("/api/"):
            body = json.dumps({"error": REFUSED}, ensure_ascii=False).encode("utf-8")
            return await _answer(send, 401, body, [(b"content-type", b"application/json")])
        return await _answer(send, 401, self.page(wrong).encode("utf-8"),
                             [(b"content-type", b"text/html; charset=utf-8")])

    def page(self, wrong: bool) -> str:
        note = '<p class="wrong">密码或链接不对，请重试。</p>' if wrong else ""
        if self.password:
            ask = (f'<form method="post" action="{LOGIN}"><label for="password">密码</label> '
                   '<input id="password" name="password" type="password" autocomplete="current-password" '
                   'autofocus required> <button type="submit">登录</button></form>'
                   "<p>密码在工作区的 drafter.yaml 中（serve: password）。</p>")
        else:
            ask = ("<p>请用启动工作台的那台电脑终端里打印的完整地址（末尾带 ?token=…）打开，"
                   "打开一次后，这个浏览器就不必再带它。每次启动工作台，地址中的口令都会换一个；"
                   "没有地址的同事，请向启动工作台的同事索取。</p>")
        return ('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>登录 drafter 工作台</title>'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                "<style>body{font:16px/1.6 'Noto Sans CJK SC',sans-serif;max-width:36em;margin:4em auto;padding:0 1em}"
                ".wrong{color:#b42318}input{font:inherit;padding:2px 6px}button{font:inherit}</style></head><body>"
                f"<h1>drafter 工作台需要登录</h1>{note}{ask}</body></html>")


async def _form_password(receive) -> str | None:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if len(body) > MAX_FORM:
            return None
        if not message.get("more_body"):
            break
    try:
        return (parse_qs(body.decode("utf-8")).get("password") or [None])[0]
    except UnicodeDecodeError:
        return None


async def _answer(send, status: int, body: bytes, headers: list) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [*headers, (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
