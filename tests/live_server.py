"""Tests over real HTTP: a service over the indexed seeds, uvicorn in a thread, servers as processes (127.0.0.1)."""

from __future__ import annotations

import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
import uvicorn
from conftest import SEEDS

from bot.index.library import Library
from bot.serve.server import uvicorn_options
from bot.serve.service import Service
from bot.settings import Settings


@contextmanager
def seeded_service(data_dir: Path, embed_cache: Path, **settings) -> Iterator[Service]:
    """A service over a library with the five seeds indexed, in `data_dir`; closed afterwards."""
    library = Library(Settings(data_dir=data_dir, embed_cache=embed_cache, **settings))
    assert not library.index([SEEDS], show_progress=False).errors
    service = Service(library)
    try:
        yield service
    finally:
        service.close()
        library.close()


@contextmanager
def serve(app, timeout: float = 60.0) -> Iterator[str]:
    """Yields the base URL once the server accepts connections; stops it afterwards."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    settings = getattr(getattr(app, "state", None), "settings", None)  # as app.py serves it, when made by us
    options = uvicorn_options(settings) if settings else {"log_level": "warning"}
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, **options))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(command: list[str], ready_url: str, timeout: float = 60.0, **popen) -> Iterator[subprocess.Popen]:
    """A server process for a test: yields once `ready_url` answers 200 (fails the test if it never does)."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, **popen)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(ready_url, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        else:
            process.kill()
            process.wait(10)
            errors.seek(0)
            pytest.fail(f"{' '.join(command)[:80]} did not start: {errors.read()[-2000:].decode(errors='replace')}")
        try:
            yield process
        finally:
            if process.poll() is None:
                process.terminate()
                process.wait(30)


@contextmanager
def serve_handler(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A stub HTTP server (`http.server` handler) on a free 127.0.0.1 port in a thread; yields `…/v1`."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
