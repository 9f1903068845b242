"""A stub OpenAI-compatible chat server on 127.0.0.1 that misbehaves on request, for the LLM backend and the API.

The request's model name picks the behaviour: ok, e500, e429 (always), e429once, slow (3 s before each token),
stall (two tokens, then 3 s of nothing), trickle (a token every 0.2 s, 40 of them), crawl (a token every 0.2 s,
300 of them: a minute), malformed (bad JSON after
two tokens), cut (connection closed after two tokens), nodone (no [DONE]); any model in `ChatServer.scripts`
streams those tokens instead.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler

from live_server import serve_handler

TOKENS = ["全市", "544个", "单位", "[1]。"]


class ChatServer(BaseHTTPRequestHandler):
    attempts: dict[str, int] = {}
    seen: list[dict] = []
    scripts: dict[str, list[str]] = {}

    def do_POST(self):  # noqa: N802 (http.server API)
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        ChatServer.seen.append({"body": body, "auth": self.headers.get("authorization")})
        model = body["model"]
        ChatServer.attempts[model] = ChatServer.attempts.get(model, 0) + 1
        if model in ("e500", "e429") or (model == "e429once" and ChatServer.attempts[model] == 1):
            self.send_response(500 if model == "e500" else 429)
            self.send_header("retry-after", "0")
            self.end_headers()
            self.wfile.write(b'{"error": "busy"}')
            return
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()
        repeat = {"trickle": 10, "crawl": 75}.get(model, 1)
        tokens = ChatServer.scripts.get(model) or TOKENS * repeat
        for i, token in enumerate(tokens):
            if model == "slow" or (model == "stall" and i == 2):
                time.sleep(3)
            if model in ("trickle", "crawl"):
                time.sleep(0.2)
            if model == "malformed" and i == 2:
                self._send("data: {not json}\n\n")
                return
            if model == "cut" and i == 2:
                self.wfile.flush()
                self.connection.shutdown(2)
                return
            self._send("data: " + json.dumps({"choices": [{"delta": {"content": token}}]}, ensure_ascii=False) + "\n\n")
        if model != "nodone":
            self._send("data: [DONE]\n\n")

    def _send(self, text: str) -> None:
        try:
            self.wfile.write(text.encode())
            self.wfile.flush()
        except OSError:  # the client gave up (timeout, deadline): nothing more to send
            pass

    def log_message(self, *args):
        pass


@contextmanager
def serve_chat() -> Iterator[str]:
    """The stub's base URL (`…/v1`) while it runs; what it counted and saw starts empty."""
    ChatServer.attempts.clear()
    ChatServer.seen.clear()
    with serve_handler(ChatServer) as url:
        yield url
