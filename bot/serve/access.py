"""Who may call which route, with what limits: one table for every route the server answers.

The API (`/api/v1/…`) and the web page (Gradio's own routes under `/` and `/embed/`) pass through one
ASGI middleware that reads `POLICY`. A route the table does not name is answered 404 before it reaches
any app, so a route added later (by us or by a Gradio upgrade) cannot ship open by accident; Gradio serves
dozens of routes (uploads, file and URL fetching, its own login, monitoring…) and the page needs six.

For each request, in order: the route's rule; the caller (a bearer key, the page's sign-in cookie, or
nobody); the rate limit (per key, else per client address); the body, read in full up to the rule's
limit before the app sees it (so an unauthenticated upload is refused before its body is read, and a
400 MB JSON body never reaches Gradio). Page events must not name server files (Gradio `FileData`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, quote

from fastapi.responses import HTMLResponse, RedirectResponse

from bot.errors import BadRequest, FazhiError, Forbidden, NotAllowed, NotFound, RateLimited, TooLarge, TooSlow
from bot.serve.errors import error_response, status_of
from bot.serve.security import Caller, KeyRing, RateLimiter, page_token
from bot.serve.service import MAX_FILES
from bot.settings import Settings

Who = Literal["anyone", "page", "user", "admin"]
Body = Literal["none", "json", "upload"]
PAGE = r"(?:/embed)?"  # Gradio serves the full page at / and the chat for iframes at /embed/
SESSION_COOKIE = "fazhi_session"
# The admin view's sign-in: a browser cannot send a bearer header, so an admin key signs in once and a cookie
# (a token derived from the key, sent only to /admin…, never cross-site) carries it; the API still wants headers.
ADMIN_COOKIE = "fazhi_admin"
ADMIN_PAGE = "/admin"
SMALL_BODY = 16 * 1024  # routes that take no body still get a bound
# Page events a question may cost (the question, a page load, an example, a listing): the page's events are held
# to this many times the rate limit, a backstop against raw floods. Questions themselves are limited in the
# chat, which can say so in Chinese (a refused event only shows Gradio's 错误 badges).
PAGE_EVENTS_PER_QUESTION = 4


@dataclass(frozen=True)
class Rule:
    """Routes matching `pattern` (the whole path) with one of `methods`: who may call them, and their limits."""

    methods: frozenset[str]
    pattern: re.Pattern[str]
    who: Who
    body: Body = "none"
    counted: bool = True  # takes a token from the caller's rate-limit bucket
    what: str = ""

    def matches(self, method: str, path: str) -> bool:
        return method in self.methods and self.pattern.fullmatch(path) is not None


def _rule(methods: str, pattern: str, who: Who, body: Body = "none", counted: bool = True, what: str = "") -> Rule:
    return Rule(frozenset(methods.split()), re.compile(pattern), who, body, counted, what)


# The access policy. docs/reliability.md shows it as a table; tests/test_security.py walks every route the
# app serves and checks each against it.
POLICY: tuple[Rule, ...] = (
    _rule("GET", r"/api/v1/health", "anyone", counted=False, what="liveness and a summary"),
    _rule("GET HEAD", r"/api/v1/(?:openapi\.json|docs|docs/oauth2-redirect)", "anyone", what="API docs"),
    _rule("GET", r"/api/v1/(?:documents|models)", "user", what="list reports, models"),
    _rule("GET", r"/api/v1/documents/[^/]+", "user", what="one report: its sections by role and its figures"),
    _rule("POST", r"/api/v1/(?:answer|chat/completions|search)", "user", "json", what="answers and search"),
    _rule("POST", r"/api/v1/documents", "admin", "upload", what="upload reports"),
    _rule("DELETE", r"/api/v1/documents/[^/]+", "admin", what="remove a report"),
    _rule("GET", r"/api/v1/jobs/[^/]+", "admin", what="upload/removal job status"),
    _rule("POST", r"/api/v1/feedback", "user", "json", what="👍/👎 on an answer (by its answer_id)"),
    _rule("GET", r"/api/v1/admin/log(?:/stats|/export)?", "admin", what="the conversation log, its counts, its export"),
    _rule("GET", r"/api/v1/admin/hittest", "admin", what="hit-testing: what a question retrieves, and why"),
    _rule("POST", r"/api/v1/admin/hittest", "admin", "json", what="hit-testing, with filters"),
    _rule("GET", r"/admin", "admin", what="the admin view (log, counts, hit-testing): admin key or its sign-in"),
    _rule("GET POST", r"/admin/login", "anyone", "json", what="the admin view's sign-in (admin key)"),
    _rule("GET", r"/admin/logout", "anyone", counted=False, what="the admin view's sign-out"),
    _rule("GET POST", r"/login", "anyone", "json", what="the page's sign-in (BOT_PAGE_ACCESS=key)"),
    _rule("GET", r"/logout", "anyone", counted=False, what="the page's sign-out"),
    _rule("GET HEAD", r"/|/embed/?", "page", counted=False, what="the web page and the iframe chat"),
    _rule("GET HEAD", r"/reports/[^/]+", "page", what="one report's whole text, opened at a cited passage"),
    _rule(
        "GET HEAD",
        PAGE + r"/(?:assets/.+|static/.+|theme\.css|favicon\.ico|robots\.txt|config/?)",
        "page",
        counted=False,
        what="the page's scripts, styles, fonts and layout",
    ),
    _rule("POST", PAGE + r"/gradio_api/queue/join", "page", "json", what="a page event: a question, a listing"),
    _rule("POST", PAGE + r"/gradio_api/run/predict", "page", "json", what="a page event outside the queue (examples)"),
    _rule(
        "GET",
        PAGE + r"/gradio_api/(?:queue/data|heartbeat/[^/]+)",
        "page",
        counted=False,
        what="the page's event stream",
    ),
    _rule("POST", PAGE + r"/gradio_api/cancel", "page", "json", counted=False, what="the page cancelling its event"),
)


def rule_for(method: str, path: str) -> Rule:
    """The rule for a request; `NotFound` for a path no rule names, `NotAllowed` for a method it does not allow."""
    for rule in POLICY:
        if rule.matches(method, path):
            return rule
    if any(rule.pattern.fullmatch(path) for rule in POLICY):
        raise NotAllowed(f"Method Not Allowed: {method} {path}")
    raise NotFound(f"Not Found: {method} {path}")


class AccessControl:
    """The ASGI middleware enforcing `POLICY` in front of the whole server (API and page alike)."""

    def __init__(self, app, settings: Settings, on_denied: Callable[[dict], None] | None = None):
        self.app = app
        self.settings = settings
        self.keys = KeyRing(settings.api_keys, settings.admin_keys)
        self.limiter = RateLimiter(settings.rate_limit)
        self.page_events = RateLimiter(settings.rate_limit * PAGE_EVENTS_PER_QUESTION)
        self.on_denied = on_denied  # e.g. the audit log, for refused admin-key checks
        self.limits = {
            "none": SMALL_BODY,
            "json": settings.max_json_bytes,
            "upload": settings.max_upload_bytes * MAX_FILES + (1 << 20),
        }

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":  # websockets are not used: refuse them like any unknown route
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
                return
            await self.app(scope, receive, send)
            return
        try:
            rule = rule_for(scope["method"], scope["path"])
            caller = self.admit(scope, rule)
            receive = await self.body(scope, receive, rule)
        except FazhiError as refusal:
            await error_response(refusal)(scope, receive, send)
            return
        except RedirectToSignIn as redirect:
            await redirect.response()(scope, receive, send)
            return
        if scope["path"] in ("/login", "/logout"):
            await self.sign_in(scope, receive, send)
            return
        if scope["path"] in (ADMIN_PAGE + "/login", ADMIN_PAGE + "/logout"):
            await self.admin_sign_in(scope, receive, send)
            return
        scope.setdefault("state", {})["caller"] = caller
        await self.app(scope, receive, _retry_when_busy(send) if rule.who == "page" else send)

    # -- who --------------------------------------------------------------------------------------------
    def admit(self, scope: dict, rule: Rule) -> Caller | None:
        """The caller allowed by `rule`, rate limited; `Unauthorized`, `Forbidden`, `RateLimited`, or a redirect to
        sign in.
        """
        address = client_address(scope)
        if rule.who == "anyone":
            self._count(rule, f"address {address}")
            return None
        if rule.who == "page" and (self.settings.page_access == "open" or self.keys.open):
            self._count(rule, f"page {address}")
            return None
        headers = _headers(scope)
        admin_page = rule.who == "admin" and scope["path"] == ADMIN_PAGE
        cookie = SESSION_COOKIE if rule.who == "page" else ADMIN_COOKIE if admin_page else None
        signed_in = self._cookie_key(headers, cookie) if cookie else None
        presented = headers.get("authorization") or (f"Bearer {signed_in}" if signed_in else None)
        self._not_guessing(address)
        try:
            caller = self.keys.check_admin(presented) if rule.who == "admin" else self.keys.check(presented)
        except Forbidden:  # Unauthorized too
            self._failed(scope, rule, address, presented is not None)
            if cookie and scope["method"] in ("GET", "HEAD") and _wants_html(headers):
                raise RedirectToSignIn(scope, ADMIN_PAGE + "/login" if admin_page else "/login") from None
            raise
        self._count(rule, f"key {caller.key_id}" if caller.key else f"address {address}")
        return caller

    def _cookie_key(self, headers: dict[str, str], cookie: str = SESSION_COOKIE) -> str | None:
        """The key behind a sign-in cookie (the cookie holds a token derived from the key, not the key)."""
        token = _cookies(headers.get("cookie", "")).get(cookie)
        return self.keys.key_for_token(token) if token else None

    def _not_guessing(self, address: str) -> None:
        wait = self.limiter.blocked(f"failed {address}")
        if wait is not None:
            raise RateLimited(f"too many failed key checks; retry in {wait} s", retry_after=wait)

    def _failed(self, scope: dict, rule: Rule, address: str, presented: bool) -> None:
        """A failed key check costs a token of the address's failure bucket (guessing keys is rate limited)."""
        if presented:
            self.limiter.hit(f"failed {address}")
        if self.on_denied and rule.who == "admin":
            self.on_denied({"route": f"{scope['method']} {scope['path']}", "address": address, "key_given": presented})

    def _count(self, rule: Rule, who: str) -> None:
        if not rule.counted:
            return
        limiter = self.page_events if rule.who == "page" else self.limiter
        wait = limiter.hit(who)
        if wait is not None:
            message = f"rate limit of {limiter.per_minute} requests a minute exceeded; retry in {wait} s"
            raise RateLimited(message, retry_after=wait)

    # -- the page's sign-in (BOT_PAGE_ACCESS=key) --------------------------------------------------------
    async def sign_in(self, scope: dict, receive, send) -> None:
        """GET /login: the form; POST /login: check the key, set the cookie; GET /logout: drop it."""
        if self.settings.page_access != "key" or self.keys.open:
            await RedirectResponse("/", status_code=303)(scope, receive, send)
            return
        if scope["path"] == "/logout":
            response = RedirectResponse("/login", status_code=303)
            response.delete_cookie(SESSION_COOKIE, path="/")
            await response(scope, receive, send)
            return
        form = parse_qs((await receive())["body"].decode("utf-8", "replace")) if scope["method"] == "POST" else {}
        target = _local(form.get("next", [""])[0] or _query(scope).get("next", ["/"])[0])
        if scope["method"] == "GET":
            await HTMLResponse(sign_in_page(target))(scope, receive, send)
            return
        key, address = form.get("key", [""])[0].strip(), client_address(scope)
        try:
            self._not_guessing(address)
            caller = self.keys.check(f"Bearer {key}")
        except (Forbidden, RateLimited) as exc:
            if isinstance(exc, Forbidden):
                self.limiter.hit(f"failed {address}")
            status = status_of(exc)
            await HTMLResponse(sign_in_page(target, failed=True), status_code=status)(scope, receive, send)
            return
        response = RedirectResponse(target, status_code=303)
        secure = scope.get("scheme") == "https"
        token = page_token(caller.key or "")
        response.set_cookie(SESSION_COOKIE, token, max_age=12 * 3600, httponly=True, samesite="lax", secure=secure)
        await response(scope, receive, send)

    async def admin_sign_in(self, scope: dict, receive, send) -> None:
        """GET /admin/login: the form; POST: check the admin key, set the admin view's cookie; /admin/logout."""
        if scope["path"].endswith("/logout"):
            response = RedirectResponse(ADMIN_PAGE + "/login", status_code=303)
            response.delete_cookie(ADMIN_COOKIE, path=ADMIN_PAGE)
            await response(scope, receive, send)
            return
        if scope["method"] == "GET":
            await HTMLResponse(sign_in_page(ADMIN_PAGE, action=ADMIN_PAGE + "/login", admin=True))(scope, receive, send)
            return
        form = parse_qs((await receive())["body"].decode("utf-8", "replace"))
        key, address = form.get("key", [""])[0].strip(), client_address(scope)
        try:
            self._not_guessing(address)
            caller = self.keys.check_admin(f"Bearer {key}")
        except (Forbidden, RateLimited) as exc:
            if isinstance(exc, Forbidden):
                self.limiter.hit(f"failed {address}")
            page = sign_in_page(ADMIN_PAGE, failed=True, action=ADMIN_PAGE + "/login", admin=True)
            await HTMLResponse(page, status_code=status_of(exc))(scope, receive, send)
            return
        response = RedirectResponse(ADMIN_PAGE, status_code=303)
        token, secure = page_token(caller.key or ""), scope.get("scheme") == "https"
        response.set_cookie(
            ADMIN_COOKIE, token, max_age=8 * 3600, path=ADMIN_PAGE, httponly=True, samesite="strict", secure=secure
        )
        await response(scope, receive, send)

    # -- body -------------------------------------------------------------------------------------------
    async def body(self, scope: dict, receive, rule: Rule):
        """A `receive` for the app: uploads stream through counted; other bodies are read whole first."""
        limit = self.limits[rule.body]
        unit = " per upload" if rule.body == "upload" else ""
        message = f"request body larger than allowed ({limit} bytes{unit})"
        length = _headers(scope).get("content-length", "0")
        if length.isdigit() and int(length) > limit:
            raise TooLarge(message)
        if rule.body == "upload":
            return _counted(receive, limit, message)
        data = await _read_body(receive, limit, message, self.settings.body_seconds)
        if rule.who == "page" and data:
            _no_server_files(data)
        return _replay(data, receive)


class RedirectToSignIn(Exception):
    def __init__(self, scope: dict, form: str = "/login"):
        super().__init__("sign in")
        self.next = scope.get("root_path", "") + scope["path"]
        self.form = form

    def response(self) -> RedirectResponse:
        return RedirectResponse(f"{self.form}?next={quote(self.next)}", status_code=303)


def sign_in_page(target: str, failed: bool = False, action: str = "/login", admin: bool = False) -> str:
    note = '<p class="error" role="alert">密钥无效，或尝试次数过多，请稍后再试。</p>' if failed else ""
    asked = "管理员密钥（BOT_ADMIN_KEYS）" if admin else "管理员发放的访问密钥"
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>登录 · 法治问答</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:sans-serif;max-width:26rem;margin:12vh auto;padding:0 1rem;color:#1f2937}}
input,button{{font-size:1rem;padding:.5rem;width:100%;box-sizing:border-box;margin:.4rem 0}}
button{{background:#1d4e89;color:#fff;border:0;border-radius:4px}}.error{{color:#a11}}</style></head>
<body><h1>法治问答{" · 管理" if admin else ""}</h1><p>请输入{asked}。</p>{note}
<form method="post" action="{html.escape(action)}"><input type="hidden" name="next" value="{html.escape(target)}">
<label for="key">访问密钥</label><input id="key" name="key" type="password" autocomplete="current-password" required>
<button type="submit">登录</button></form></body></html>"""


def _local(target: str) -> str:
    """Only a path on this server may follow sign-in (never another site: no open redirect)."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def _query(scope: dict) -> dict[str, list[str]]:
    return parse_qs(scope.get("query_string", b"").decode("latin-1"))


def asker(scope: dict) -> str:
    """Whose question a page event is, for the chat's own rate limit: the signed-in key, else the address."""
    caller = scope.get("state", {}).get("caller")
    return f"key {caller.key_id}" if caller and caller.key else f"address {client_address(scope)}"


def client_address(scope: dict) -> str:
    """The client's address as uvicorn saw it (X-Forwarded-For counts only from BOT_TRUSTED_PROXIES)."""
    client = scope.get("client")
    return client[0] if client else "-"


def _headers(scope: dict) -> dict[str, str]:
    return {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope.get("headers", [])}


def _cookies(header: str) -> dict[str, str]:
    pairs = (part.strip().partition("=") for part in header.split(";") if "=" in part)
    return {name: value for name, _, value in pairs}


def _wants_html(headers: dict[str, str]) -> bool:
    return "text/html" in headers.get("accept", "")


async def _read_body(receive, limit: int, message: str, seconds: float) -> bytes:
    """The whole request body, refused past `limit` bytes or when it trickles in for longer than `seconds`."""
    import anyio

    parts, size = [], 0
    try:
        with anyio.fail_after(seconds):
            while True:
                event = await receive()
                if event["type"] == "http.disconnect":
                    break
                size += len(event.get("body", b""))
                if size > limit:
                    raise TooLarge(message)
                parts.append(event.get("body", b""))
                if not event.get("more_body", False):
                    break
    except TimeoutError:
        raise TooSlow(f"the request body did not arrive within {seconds:g} s") from None
    return b"".join(parts)


def _replay(data: bytes, receive) -> Callable[[], Awaitable[dict]]:
    """A `receive` that gives the app the body already read, then passes on (disconnects, for streams)."""
    sent = False

    async def replay() -> dict:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": data, "more_body": False}
        return await receive()

    return replay


def _counted(receive, limit: int, message: str) -> Callable[[], Awaitable[dict]]:
    """A `receive` for uploads: streamed to the app, refused as soon as the body passes `limit`."""
    from starlette.exceptions import HTTPException

    received = 0

    async def counted() -> dict:
        nonlocal received
        event = await receive()
        received += len(event.get("body", b""))
        if received > limit:  # raised inside FastAPI's body parsing, so the API's handler answers 413
            raise HTTPException(413, message)
        return event

    return counted


def _retry_when_busy(send):
    """Gradio answers `503` when the page's queue is full (BOT_PAGE_QUEUE); like our own `busy`, it says when
    to come back.
    """

    async def wrapped(message: dict) -> None:
        if message["type"] == "http.response.start" and message["status"] == 503:
            headers = message.setdefault("headers", [])
            if not any(name.lower() == b"retry-after" for name, _ in headers):
                message["headers"] = [*headers, (b"retry-after", b"5")]
        await send(message)

    return wrapped


def _no_server_files(data: bytes) -> None:
    """Page events carry text, choices and chat turns; a Gradio `FileData` (a server path) is refused.

    Gradio copies and hashes any path an event names before a handler runs: that is how one anonymous
    request could read /dev/zero and freeze the server, or index any file on it. The page has no file inputs.
    """
    try:
        payload = json.loads(data)
    except ValueError:
        return  # the app answers malformed JSON itself
    stack = [payload]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "path" in item or "url" in item and "meta" in item:
                raise BadRequest("page events may not name files")
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
