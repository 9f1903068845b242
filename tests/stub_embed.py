"""A stub OpenAI-compatible embeddings server on 127.0.0.1, for crash tests that need indexing to be fast, or to
stop at a known point: hash vectors at once, except that a batch holding `hold_text` (when set) hangs until the
process using it is killed, and `slow` seconds pass before each answer.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler

import numpy as np
from live_server import serve_handler


class Embeddings(BaseHTTPRequestHandler):
    hold_text: str | None = None
    slow = 0.0
    held = threading.Event()
    batches = 0

    def do_POST(self):  # noqa: N802 (http.server API)
        texts = json.loads(self.rfile.read(int(self.headers["content-length"])))["input"]
        Embeddings.batches += 1
        if Embeddings.hold_text and any(Embeddings.hold_text in t for t in texts):
            Embeddings.held.set()
            time.sleep(60)  # the client is killed meanwhile
            return
        time.sleep(Embeddings.slow)
        body = json.dumps({"data": [{"index": i, "embedding": vector(t)} for i, t in enumerate(texts)]}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def vector(text: str) -> list[float]:
    seed = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
    return np.random.default_rng(seed).standard_normal(32).round(5).tolist()


@contextmanager
def serve_embeddings(hold_text: str | None = None, slow: float = 0.0) -> Iterator[str]:
    """The stub's base URL (`…/v1`) while it runs; the settings are reset afterwards."""
    Embeddings.hold_text, Embeddings.slow, Embeddings.batches = hold_text, slow, 0
    Embeddings.held.clear()
    try:
        with serve_handler(Embeddings) as url:
            yield url
    finally:
        Embeddings.hold_text, Embeddings.slow = None, 0.0
