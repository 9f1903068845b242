"""One ASGI app: the API at /api/v1, the chat for iframes at /embed, the full web page at /; and how uvicorn
must serve it.

Mount order matters: Gradio at / would swallow every other path, so it comes last. Every request first
passes `access.AccessControl` (who may call what, rate and body limits: bot/access.py). CORS covers the
API for the portal's origins only; framing is allowed for /embed only (by those origins, if listed).
"""

from __future__ import annotations

import gradio as gr
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException
from uvicorn.protocols.http.h11_impl import H11Protocol

from bot.errors import NotFound
from bot.serve.access import AccessControl
from bot.serve.admin import admin_response
from bot.serve.api import PREFIX, create_api, http_error
from bot.serve.embed_scope import EmbedLinkCheck
from bot.serve.render import CSS, report_missing_html, report_page_html
from bot.serve.service import Service
from bot.serve.theme import CSS as THEME_CSS
from bot.serve.theme import HEAD, government_theme
from bot.serve.ui import create_embed, create_ui
from bot.settings import Settings

try:  # uvicorn's faster parser when installed (it is, with uvicorn's standard extras)
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol as _Protocol
except ImportError:  # pragma: no cover
    _Protocol = H11Protocol  # type: ignore[assignment,misc]


class FrameAncestors:
    """`Content-Security-Policy: frame-ancestors`: /embed for the portal, everything else same-origin only."""

    def __init__(self, app, origins: list[str]):
        self.app = app
        self.embed_policy = ("frame-ancestors 'self' " + " ".join(origins)).encode() if origins else None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        embed = scope["path"] == "/embed" or scope["path"].startswith("/embed/")
        policy = self.embed_policy if embed else b"frame-ancestors 'self'"

        async def send_with_policy(message):
            if policy and message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"content-security-policy", policy)]
            await send(message)

        await self.app(scope, receive, send_with_policy)


def create_server(service: Service) -> FastAPI:
    settings = service.settings
    app = FastAPI(title="法治问答", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.add_middleware(AccessControl, settings=settings, on_denied=service.denied)
    # Always ours, even with no portal origin: Gradio then adds none of its own (it would allow any origin,
    # with credentials, on a server not named localhost).
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
        allow_headers=["Authorization", "Content-Type"],
        max_age=600,
    )
    app.add_middleware(FrameAncestors, origins=settings.cors_origins)
    app.add_middleware(EmbedLinkCheck, settings=settings)  # a signed /embed link that does not verify: 403
    app.mount(PREFIX, create_api(service))

    @app.exception_handler(HTTPException)
    async def api_paths_keep_the_api_shape(request: Request, exc: HTTPException) -> Response:
        """A path under /api/v1 that misses the mount (a newline in it, say) still gets an API-shaped error."""
        if request.url.path.startswith(PREFIX):
            return http_error(request, exc)
        return await http_exception_handler(request, exc)

    @app.get("/admin", include_in_schema=False)
    def admin(request: Request) -> Response:  # admin key (header or the admin sign-in cookie): access.py
        return admin_response(service, dict(request.query_params))

    @app.get("/embed", include_in_schema=False)
    def embed_slash(request: Request) -> RedirectResponse:  # Gradio at / would answer /embed with a 404
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"{request.scope.get('root_path', '')}/embed/{query}", status_code=307)

    @app.api_route("/reports/{doc}", methods=["GET", "HEAD"], include_in_schema=False)
    def report_page(doc: str, hl: str = "") -> HTMLResponse:
        """The whole cleaned report, every passage anchored (#p-N), passage `hl` highlighted: where a source card
        leads. Same access as the page; `doc` is only ever looked up in the index, never used as a path."""
        try:
            view = service.report_view(doc)
        except NotFound:
            return HTMLResponse(report_missing_html(), status_code=404)
        highlight = int(hl) if hl.isdigit() and len(hl) < 7 else None
        return HTMLResponse(report_page_html(view, highlight))

    # show_error=False: an exception that escaped a handler shows as a bare failure, never its text. The page
    # takes no files (documents go through the API), so Gradio's upload limit is its smallest.
    common = {
        "css": CSS + THEME_CSS,
        "theme": government_theme(),
        "head": HEAD,
        "ssr_mode": False,
        "max_file_size": 1,
        "footer_links": [],
        "show_error": False,
    }
    common["run_history"] = False
    for path, blocks in (("/embed", create_embed(service)), ("/", create_ui(service))):
        # Questions beyond `page_queue` are refused, not queued for ever; queued events only through the queue.
        blocks.queue(max_size=settings.page_queue, api_open=False)
        app = gr.mount_gradio_app(app, blocks, path=path, **common)
        # Only launch() sets this, and Gradio checks that event files come from its upload folder only when it
        # is set; a mounted app would otherwise copy (and hash) any path an event names, /dev/zero included.
        blocks.has_launched = True
    return app


class _HeadDeadline:
    """A connection must send a whole request head within `head_seconds` of opening (or of its last
    response): a client trickling header bytes (slowloris) would otherwise hold a connection for ever.
    """

    head_seconds = 10.0

    def connection_made(self, transport) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._arm_head_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()  # type: ignore[misc]
        self._arm_head_deadline()

    def _arm_head_deadline(self) -> None:
        self.loop.call_later(self.head_seconds, self._head_deadline_passed, self.cycle)  # type: ignore[attr-defined]

    def _head_deadline_passed(self, cycle) -> None:
        transport = self.transport  # type: ignore[attr-defined]
        waiting = cycle is None or cycle.response_complete  # no request was being served then…
        if waiting and self.cycle is cycle and not transport.is_closing():  # type: ignore[attr-defined]
            transport.close()  # …and no new request head has arrived since


def uvicorn_options(settings: Settings) -> dict:
    """How uvicorn serves this app (app.py and the tests alike): head deadline, connection cap, proxies."""
    protocol = type("HttpProtocol", (_HeadDeadline, _Protocol), {"head_seconds": settings.header_seconds})
    return {
        "http": protocol,
        "ws": "none",
        "limit_concurrency": settings.max_connections,
        "timeout_keep_alive": 5,
        "proxy_headers": True,
        "forwarded_allow_ips": settings.trusted_proxies,
        "log_level": "warning",
    }
