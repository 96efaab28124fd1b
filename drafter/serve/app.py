"""The workbench's web app: a page, its static files, and a small JSON API.

Every answer that is an error carries one line in Chinese, the same words the CLI prints
(``DrafterError``); nothing sends a traceback to the page.
"""

from __future__ import annotations

import base64
import sys
import threading
from collections import OrderedDict
from pathlib import Path
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from . import library, pages
from .auth import SignIn
from .library import DrafterError
from .store import Conflict, Store, version_of

STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY = library.MAX_YAML_BYTES + 64 * 1024  # an outline and its envelope
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
CONFLICT_MESSAGE = "文件在载入后已被修改（另一个窗口或编辑器保存过），这次的修改未保存。请重新载入，再把修改做一遍。"
CSP = ("default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; "
       "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


def internal_error(exc: BaseException) -> str:
    """The CLI's words for a bug in drafter (cli.run), one line."""
    return f"内部错误：{type(exc).__name__}: {exc}（这是 drafter 的缺陷，请报告）".replace("\n", " ")


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes, by their declared length or as they arrive."""

    def __init__(self, app, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        too_big = JSONResponse({"error": f"提交的内容过大（上限 {self.limit // 1024} KB）"}, status_code=413)
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await too_big(scope, receive, send)
        seen = 0
        started = False

        async def limited():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooBig()
            return message

        async def tracked(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited, tracked)
        except _TooBig:
            if not started:
                await too_big(scope, receive, send)


class _TooBig(Exception):
    pass


class Headers:
    """Security headers on every answer: no request of the page leaves this server."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def add(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"cache-control", b"no-store")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, add)


def _error(exc: DrafterError, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": str(exc), "message": exc.message, "field": exc.field}, status_code=status)


def create_app(res: library.Resources, allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS,
               secret: str | None = None, password: bool = False) -> Starlette:
    """The app; with a ``secret`` every request must sign in first (``auth.SignIn``)."""
    store = Store(res.root)
    images: OrderedDict[tuple[str, str], list[bytes]] = OrderedDict()
    convert_lock = threading.Lock()

    async def body(request: Request) -> dict:
        if request.headers.get("x-drafter") != "1":  # a custom header: other sites cannot send it
            raise DrafterError("请求缺少 X-Drafter 标头，已拒绝")
        if not request.headers.get("content-type", "").startswith("application/json"):
            raise DrafterError("请求应为 JSON")
        try:
            data = await request.json()
        except ValueError:
            raise DrafterError("请求不是有效的 JSON") from None
        except RecursionError:
            raise DrafterError("请求嵌套层次太深") from None
        if not isinstance(data, dict):
            raise DrafterError("请求应为 JSON 对象")
        return data

    def api(handler):
        async def endpoint(request: Request):
            try:
                return await handler(request)
            except Conflict:
                return JSONResponse({"error": CONFLICT_MESSAGE, "conflict": True}, status_code=409)
            except DrafterError as exc:
                return _error(exc)
            except _TooBig:
                raise
            except Exception as exc:  # a bug: one line, no traceback on the page
                print(f"drafter serve: {internal_error(exc)}", file=sys.stderr)
                return JSONResponse({"error": internal_error(exc)}, status_code=500)
        return endpoint

    # --- page ----------------------------------------------------------------------------

    async def index(request: Request):
        text = (STATIC / "index.html").read_text(encoding="utf-8")
        return HTMLResponse(text)

    async def page_css(request: Request):
        return Response(pages.page_css(), media_type="text/css")

    # --- API -----------------------------------------------------------------------------

    @api
    async def outlines(request: Request):
        found = await run_in_threadpool(store.list_outlines)
        return JSONResponse({"root": str(res.root), "name": res.root.name, "outlines": found,
                             "kinds": library.kind_names(res.root), "soffice": library.have_soffice()})

    @api
    async def create(request: Request):
        data = await body(request)
        kind = library.resolve_kind(data.get("kind"), res.root)  # its id, Chinese name or an alias
        rel = await run_in_threadpool(store.create, data.get("name"), kind)
        return JSONResponse({"path": rel})

    def _load(rel: str) -> dict:
        loaded = store.load(rel)
        kind = library.kind_of(loaded["data"], rel, res.root)
        return {"path": loaded["path"], "version": loaded["version"], "data": loaded["data"],
                "form": library.kind_form(kind, res.root), "sections": library.section_list(res, kind)}

    @api
    async def outline(request: Request):
        return JSONResponse(await run_in_threadpool(_load, request.query_params.get("path", "")))

    def _preview(rel: str, data: dict, against=None) -> dict:
        text = store.preview_text(rel, data)
        return _analyse(rel, text, against)

    def _analyse(rel: str, text: str, against=None) -> dict:
        """The outline's preview and findings; with ``against`` (an old document's path in the
        folder), the comparison's findings among them and what it could not compare."""
        out = {"error": None, "html": "", "findings": [], "speaking": None, "against_notes": [], "against_error": None}
        try:
            ol = library.parse_outline(text, rel, res.search_path, res.root)
            blocks = library.render_blocks(ol, res.template_dirs, res.config.get("unit"))
        except DrafterError as exc:
            out["error"] = {"text": str(exc), "message": exc.message, "field": exc.field}
            return out
        out["html"] = pages.to_html(blocks)
        out["pages"] = out["html"].count('class="page"')
        out["speaking"] = library.speaking_line(ol, blocks, res.config.get("rate"))
        if against:
            try:  # an old document that cannot be read is said beside the findings, not as a failed save
                out["findings"] = library.findings_for(text, rel, res, store.document(against), out["against_notes"])
                return out
            except DrafterError as exc:
                out["against_error"] = str(exc.located(str(against)))
        out["findings"] = library.findings_for(text, rel, res)
        out["findings"] += _set_findings(rel, ol)
        return out

    def _set_findings(rel: str, ol) -> list:
        """The set's cross-check: all of it for a meeting file (its folder beside it), and for a
        document in a set's folder, what concerns it. The saved files are what is compared."""
        try:
            path = store.resolve(rel)
            if library.is_meeting(ol):
                return library.set_findings(library.set_folder_of(path), res)
            return library.set_findings(path.parent, res, only=path)
        except DrafterError:  # a broken file of the set: its own preview says why
            return []

    @api
    async def preview(request: Request):
        data = await body(request)
        if not isinstance(data.get("data"), dict):
            raise DrafterError("缺少大纲数据")
        return JSONResponse(await run_in_threadpool(_preview, data.get("path"), data["data"], data.get("against")))

    def _save(rel: str, version, data: dict, against=None) -> dict:
        saved = store.save(rel, version, data)
        result = _analyse(saved["path"], saved["text"], against)
        return {"path": saved["path"], "version": saved["version"], "data": saved["data"], **result}

    @api
    async def save(request: Request):
        data = await body(request)
        if not isinstance(data.get("data"), dict):
            raise DrafterError("缺少大纲数据")
        return JSONResponse(await run_in_threadpool(_save, data.get("path"), data.get("version"), data["data"],
                                                    data.get("against")))

    def _meeting_set(rel: str) -> dict:
        path = store.resolve(rel)
        raw, text = store.read(path)
        ol = library.parse_outline(text, store.rel(path), res.search_path, res.root)
        if not library.is_meeting(ol):
            raise DrafterError("只有会议文件（kind: meeting）才能生成全套材料", file=store.rel(path))
        try:
            written = library.render_meeting_set(path, res)
        except DrafterError as exc:  # the refusal names the file as the workbench lists it
            if exc.file and Path(exc.file).resolve().is_relative_to(res.root):
                exc.file = store.rel(Path(exc.file).resolve())
            raise
        folder = library.set_folder_of(path)
        return {"folder": store.rel(folder), "written": written, "findings": library.set_findings(folder, res)}

    @api
    async def meeting_set(request: Request):
        data = await body(request)
        return JSONResponse(await run_in_threadpool(_meeting_set, data.get("path") or ""))

    @api
    async def documents(request: Request):
        return JSONResponse({"documents": await run_in_threadpool(store.list_documents)})

    @api
    async def upload(request: Request):
        data = await body(request)
        try:
            content = base64.b64decode(data.get("data") or "", validate=True)
        except (ValueError, TypeError):
            raise DrafterError("上传的内容无效") from None
        return JSONResponse({"path": await run_in_threadpool(store.upload, data.get("name"), content)})

    def _render_saved(rel: str, fmt: str) -> tuple[bytes, str, str]:
        path = store.resolve(rel)
        raw, text = store.read(path)
        ol = library.parse_outline(text, store.rel(path), res.search_path, res.root)
        blocks = library.render_blocks(ol, res.template_dirs, res.config.get("unit"))
        docx = library.docx_bytes(blocks, ol.data.get("title") or "")
        if fmt == "docx":
            return docx, path.stem, store.rel(path)
        with convert_lock:
            return library.to_pdf(docx, "document"), path.stem, store.rel(path)

    @api
    async def download(request: Request):
        fmt = request.query_params.get("format", "docx")
        if fmt not in ("docx", "pdf"):
            raise DrafterError("只能下载 .docx 或 .pdf")
        if fmt == "pdf" and not library.have_soffice():
            raise DrafterError("未找到 LibreOffice（soffice），无法生成 PDF；请安装 libreoffice-writer")
        data, stem, _ = await run_in_threadpool(_render_saved, request.query_params.get("path", ""), fmt)
        name = f"{stem}.{fmt}"
        media = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                 if fmt == "docx" else "application/pdf")
        return Response(data, media_type=media, headers={
            "content-disposition": f"attachment; filename=\"document.{fmt}\"; filename*=UTF-8''{quote(name)}"})

    def _page_images(rel: str) -> dict:
        path = store.resolve(rel)
        raw, _ = store.read(path)
        key = (store.rel(path), version_of(raw))
        if key not in images:
            docx, _, _ = _render_saved(rel, "docx")
            with convert_lock:
                pdf = library.to_pdf(docx, "document")
            images[key] = library.pdf_pages(pdf)
            while len(images) > 8:
                images.popitem(last=False)
        return {"version": key[1], "count": len(images[key]),
                "pages": [f"/api/page-image?path={quote(key[0])}&version={key[1]}&n={i}" for i in range(len(images[key]))]}

    @api
    async def page_images(request: Request):
        if not library.have_soffice():
            raise DrafterError("未找到 LibreOffice（soffice）或 pdftoppm，无法生成页面图片；HTML 预览不受影响")
        return JSONResponse(await run_in_threadpool(_page_images, request.query_params.get("path", "")))

    @api
    async def page_image(request: Request):
        q = request.query_params
        rel = store.rel(store.resolve(q.get("path", "")))
        found = images.get((rel, q.get("version", "")))
        n = q.get("n", "")
        if found is None or not n.isdigit() or int(n) >= len(found):
            raise DrafterError("页面图片已过期，请重新生成")
        return Response(found[int(n)], media_type="image/png")

    @api
    async def glossary(request: Request):
        q = request.query_params.get("q", "")[:50]
        return JSONResponse({"entries": await run_in_threadpool(library.glossary_lookup, res, q)})

    ignore_lock = threading.Lock()

    def _ignore_entry(data) -> object:
        """The ignore entry a finding's 忽略 button asks for: ``here`` (this text, in this
        document), ``phrase`` (this text of this rule, in every document), ``rule`` (the rule)."""
        scope, rule, text = data.get("scope"), data.get("rule"), data.get("text")
        if not isinstance(rule, str) or not rule:
            raise DrafterError("缺少规则 ID")
        if scope == "rule":
            return rule
        if not isinstance(text, str) or not text.strip():
            raise DrafterError("缺少要接受的文字")
        if scope == "phrase":
            return {"rule": rule, "text": text}
        if scope == "here":
            rel = store.rel(store.resolve(data.get("file") or ""))
            where = res.in_workspace(rel)
            if where is None:
                raise DrafterError("这份文稿不在工作区中，无法只在这里忽略", file=rel)
            return {"rule": rule, "text": text, "file": where}
        raise DrafterError("忽略的范围应为 here、phrase 或 rule")

    def _edit_ignore(data: dict) -> dict:
        with ignore_lock:
            if "remove" in data:
                entry = data["remove"]
                if not isinstance(entry, (str, dict)):
                    raise DrafterError("要恢复的忽略项无效")
                return {"ignored": res.edit_ignore(remove=entry)}
            return {"ignored": res.edit_ignore(add=_ignore_entry(data))}

    @api
    async def ignored(request: Request):
        return JSONResponse({"ignored": res.ignored(), "workspace": res.workspace_root is not None})

    @api
    async def ignore(request: Request):
        data = await body(request)
        return JSONResponse(await run_in_threadpool(_edit_ignore, data))

    async def not_found(request: Request, exc):
        return JSONResponse({"error": "没有这个页面"}, status_code=404)

    async def server_error(request: Request, exc):
        return JSONResponse({"error": internal_error(exc)}, status_code=500)

    routes = [
        Route("/", index),
        Route("/page.css", page_css),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/api/outlines", outlines),
        Route("/api/outlines", create, methods=["POST"]),
        Route("/api/outline", outline),
        Route("/api/preview", preview, methods=["POST"]),
        Route("/api/save", save, methods=["POST"]),
        Route("/api/download", download),
        Route("/api/pages", page_images),
        Route("/api/page-image", page_image),
        Route("/api/glossary", glossary),
        Route("/api/ignore", ignored),
        Route("/api/ignore", ignore, methods=["POST"]),
        Route("/api/documents", documents),
        Route("/api/meeting-set", meeting_set, methods=["POST"]),
        Route("/api/upload", upload, methods=["POST"]),
        Mount("/static", StaticFiles(directory=str(STATIC)), name="static"),
    ]
    sign_in = [Middleware(SignIn, secret=secret, password=password)] if secret else []
    middleware = [Middleware(Headers), *sign_in, Middleware(BodyLimit),
                  Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))]
    return Starlette(routes=routes, middleware=middleware,
                     exception_handlers={404: not_found, 500: server_error})


