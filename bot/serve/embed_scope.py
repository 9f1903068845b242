"""The scope of the chat in a portal's iframe (`/embed`): which reports it answers from, and whether that is locked.

A portal page embedding the chat for one city must not become a way to ask about every other report, and a
query parameter is something any user can edit. So a scope is *locked* only by the server: either by its
settings (`BOT_EMBED_BODY` / `BOT_EMBED_YEAR`, which win over everything) or by a link signed with the
server's secret (`BOT_EMBED_SECRET`, an HMAC over body and year: `python -m bot.serve.embed_scope 成都市 2024`
prints one). Without a secret, a plain `?body=…&year=…` only pre-sets the filters. With one, every `/embed/`
link must be signed: one whose signature is missing or does not verify is refused (403), never downgraded to
an open chat the portal did not mean to show (dropping the signature must not widen the scope either).

Questions in a locked chat are checked with the question plan: one naming another indexed body, another place
or another year gets a notice instead of an answer.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import html
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

from bot.answer.intent import make_plan
from bot.settings import Settings

EMBED_PATHS = ("/embed", "/embed/")
SIGNATURE = "sig"  # the query parameter holding a link's signature


class BadEmbedLink(ValueError):
    """A signed embed link whose signature does not verify (edited, or signed with another secret)."""


@dataclass(frozen=True)
class EmbedScope:
    """What the embedded chat answers from; `locked` when the server, not the visitor, chose it."""

    body: str = ""
    year: int | None = None
    locked: bool = False
    refused: bool = False  # no valid link (yet): answers nothing

    @property
    def label(self) -> str:
        """The title bar's words: "成都市 · 2024年", or "全部报告" when nothing is chosen."""
        parts = [self.body, f"{self.year}年" if self.year else ""]
        return " · ".join(p for p in parts if p) or "全部报告"

    @property
    def year_text(self) -> str:
        return str(self.year) if self.year else ""


def sign(secret: str, body: str, year: int | None) -> str:
    """The link signature: HMAC-SHA256 over body and year, so neither can be edited alone."""
    message = f"{body}\n{year or ''}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def embed_link(base: str, secret: str, body: str, year: int | None = None) -> str:
    """A signed `/embed/` link for a portal: locked to `body` (and `year`) by whoever holds `secret`."""
    query = {"body": body, **({"year": str(year)} if year else {}), SIGNATURE: sign(secret, body, year)}
    return f"{base.rstrip('/')}/embed/?{urlencode(query)}"


def _year(text: str) -> int | None:
    return int(text) if text.isdigit() and len(text) == 4 else None


def scope_for(params: Mapping[str, str], settings: Settings) -> EmbedScope:
    """The scope of one embedded chat from its query parameters; `BadEmbedLink` for a failed signature.

    Settings lock first (the query is then ignored whole); then a signed link; else the query only pre-sets.
    """
    if settings.embed_body or settings.embed_year:
        return EmbedScope(settings.embed_body or "", settings.embed_year, locked=True)
    body, year = (params.get("body") or "").strip(), _year((params.get("year") or "").strip())
    signature, secret = params.get(SIGNATURE), settings.embed_secret
    if signature is None and not secret:
        return EmbedScope(body, year)
    if not secret or not hmac.compare_digest((signature or "").encode(), sign(secret, body, year).encode()):
        raise BadEmbedLink("the embed link is not signed, or its signature does not match its body and year")
    return EmbedScope(body, year, locked=True)


def initial_scope(settings: Settings) -> EmbedScope:
    """The scope a chat has before its page has loaded (and its link been read): never wider than allowed."""
    if settings.embed_body or settings.embed_year:
        return scope_for({}, settings)
    return EmbedScope(locked=True, refused=True) if settings.embed_secret else EmbedScope()


def outside(scope: EmbedScope, question: str, issuers: list[str]) -> bool:
    """Whether a question in a locked chat asks about another body, place or year than the scope's.

    Read from the question plan: an indexed body other than the scope's, a place (not an indexed body) while
    the scope's body is not named, or only years other than the scope's. A question naming none is inside.
    """
    if scope.refused:
        return True
    if not scope.locked:
        return False
    named = make_plan(question, issuers).scope
    if scope.body and any(issuer != scope.body for issuer in named.issuers):
        return True
    if scope.body and named.places and scope.body not in named.issuers:
        return True
    return bool(scope.year and named.years and scope.year not in named.years)


def notice(scope: EmbedScope) -> str:
    """The plain Chinese answer to a question outside a locked scope (or in a chat with no valid link)."""
    if scope.refused:
        return "嵌入链接无效，本窗口不回答问题。请向门户网站管理员索取新的链接。"
    what = f"{scope.body}{f'{scope.year}年' if scope.year else ''}" or f"{scope.year}年"
    return f"本窗口仅回答{what}的报告。其他地区或年份的问题，请到法治问答主页提问。"


def title_html(scope: EmbedScope) -> str:
    """The embed's title bar: the app's name, its scope and, when locked, that it is."""
    lock = '<span class="embed-lock">（范围已锁定）</span>' if scope.locked else ""
    return (
        '<header class="embed-title"><h1>法治问答</h1>'
        f'<span class="embed-scope">{html.escape(scope.label)}</span>{lock}</header>'
    )


class EmbedLinkCheck:
    """ASGI middleware: a GET of `/embed/` whose signed link does not verify is answered 403 with a Chinese page."""

    def __init__(self, app, settings: Settings):
        self.app = app
        self.settings = settings

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"] in EMBED_PATHS:
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
            params = {key: values[-1] for key, values in query.items()}
            try:
                scope_for(params, self.settings)
            except BadEmbedLink:
                await _refuse(send)
                return
        await self.app(scope, receive, send)


REFUSED_PAGE = (
    '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>嵌入链接无效</title>'
    "<p>嵌入链接无效：链接已被修改或已失效。请向门户网站管理员索取新的链接。</p></html>"
).encode()


async def _refuse(send) -> None:
    headers = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(REFUSED_PAGE)).encode())]
    await send({"type": "http.response.start", "status": 403, "headers": headers})
    await send({"type": "http.response.body", "body": REFUSED_PAGE})


def main(argv: list[str] | None = None) -> None:
    """`python -m bot.serve.embed_scope 成都市 2024 [--base URL]`: print a signed embed link (BOT_EMBED_SECRET)."""
    parser = argparse.ArgumentParser(description="Print an /embed/ link locked to one body (and year).")
    parser.add_argument("body")
    parser.add_argument("year", nargs="?", type=int)
    parser.add_argument("--base", default="http://127.0.0.1:7860")
    args = parser.parse_args(argv)
    secret = Settings().embed_secret
    if not secret:
        parser.error("BOT_EMBED_SECRET is not set (in the environment or .env): the server could not check the link")
    print(embed_link(args.base, secret, args.body, args.year))


if __name__ == "__main__":
    main()
