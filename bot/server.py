"""One ASGI app: the API at /api/v1, the chat for iframes at /embed, the full web page at /.

Mount order matters: Gradio at / would swallow every other path, so it comes last. CORS covers the
API for the portal's origins; framing is allowed for /embed only (by those origins, if listed).
"""

from __future__ import annotations

import gradio as gr
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException

from .api import PREFIX, create_api, http_error
from .render import CSS
from .service import Service
from .ui import create_embed, create_ui


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
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type"],
            max_age=600,
        )
    app.add_middleware(FrameAncestors, origins=settings.cors_origins)
    app.mount(PREFIX, create_api(service))

    @app.exception_handler(HTTPException)
    async def api_paths_keep_the_api_shape(request: Request, exc: HTTPException) -> Response:
        """A path under /api/v1 that misses the mount (a newline in it, say) still gets an API-shaped error."""
        if request.url.path.startswith(PREFIX):
            return http_error(request, exc)
        return await http_exception_handler(request, exc)

    @app.get("/embed", include_in_schema=False)
    def embed_slash(request: Request) -> RedirectResponse:  # Gradio at / would answer /embed with a 404
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"{request.scope.get('root_path', '')}/embed/{query}", status_code=307)

    # show_error=False: an exception that escaped a handler shows as a bare failure, never its text.
    common = {"css": CSS, "ssr_mode": False, "max_file_size": settings.max_upload_bytes, "footer_links": []}
    common["show_error"] = False
    app = gr.mount_gradio_app(app, create_embed(service), path="/embed", **common)
    app = gr.mount_gradio_app(app, create_ui(service), path="/", **common)
    return app
