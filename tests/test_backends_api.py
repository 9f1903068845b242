"""A misbehaving LLM server as a client of /api/v1 sees it: a clear message, the checked sentences it wrote kept
(marked incomplete) and the answer completed from the facts, and the server answering everyone else meanwhile.
The backend's own error handling is in test_llm.py.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from live_server import serve
from stub_llm import serve_chat
from test_api import sse_events

from bot.serve.api import create_api
from bot.serve.service import Service

QUESTION = "广州全市有多少个单位按期公开了法治政府建设年度报告？"
SLOW = {"openai_timeout": 1.0, "openai_deadline": 2.0}


@pytest.fixture(scope="module")
def chat_url():
    with serve_chat() as url:
        yield url


def _closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/v1"


@contextmanager
def api_with_llm(library, url: str, model: str, **overrides) -> Iterator[tuple[httpx.Client, Service]]:
    """Our API over the shared seeded library, answering with the stub's `model`."""
    update = {"llm": "openai", "openai_url": url, "openai_model": model, "openai_retries": 1, "rate_limit": 0}
    service = Service(library, settings=library.settings.model_copy(update={**update, **SLOW, **overrides}))
    with serve(create_api(service)) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client, service
    service.close()


# model, the model's checked sentences kept and completed from the facts (incomplete) or the facts alone
# (extractive fallback: it failed before a whole sentence), what the error says
FAILURES = [
    ("cut", "fallback", "closed the stream early|without \\[DONE\\]"),
    ("malformed", "fallback", "malformed stream event"),
    ("nodone", "incomplete", "without \\[DONE\\]"),
    ("stall", "fallback", "timed out mid-answer"),
    ("trickle", "incomplete", "longer than 2 s"),
    ("e500", "fallback", "answered 500"),
    ("e429", "fallback", "answered 429"),
    ("slow", "fallback", "timed out"),
    ("unreachable", "fallback", "unreachable"),
]


@pytest.mark.parametrize(("model", "outcome", "message"), FAILURES, ids=[f[0] for f in FAILURES])
def test_llm_failures_reach_the_client_clearly(seeded, chat_url, model, outcome, message):
    url = _closed_port_url() if model == "unreachable" else chat_url
    with api_with_llm(seeded, url, model) as (client, service):
        with client.stream("POST", "/answer", json={"question": QUESTION, "stream": True}) as response:
            assert response.status_code == 200
            events = sse_events(response)
        names = [name for name, _ in events]
        assert names[-1] == "answer" and set(names[:-1]) <= {"token"}, names
        final = events[-1][1]
        assert re.search(message, final["error"]) and "Traceback" not in final["error"]
        assert "127.0.0.1" not in final["error"] and "busy" not in final["error"]  # no address, no reply text
        if outcome == "incomplete":  # what was checked and streamed stays, marked as cut short
            assert final["incomplete"] is True and final["llm"] == f"openai:{model}"
            assert "".join(data["text"] for _, data in events[:-1]).startswith("广州市2024年全市544个单位[1]。")
            assert "544" in final["answer"] and final["citations"]
        else:  # nothing came: the answer is taken from the passages instead, and says so
            assert final["incomplete"] is False and final["llm"].startswith("extractive (fallback")
            assert "544" in final["answer"] and final["citations"]

        plain = client.post("/answer", json={"question": QUESTION}).json()
        assert plain["incomplete"] is (outcome == "incomplete") and re.search(message, plain["error"])

        chat = {"model": "x", "stream": True, "messages": [{"role": "user", "content": QUESTION}]}
        with client.stream("POST", "/chat/completions", json=chat) as response:
            chunks = [data for _, data in sse_events(response)]
        assert chunks[-1] == "[DONE]"
        last = next(c for c in reversed(chunks[:-1]) if c["choices"] and c["choices"][0]["finish_reason"])
        assert last["incomplete"] is (outcome == "incomplete") and re.search(message, last["error"])
        assert service._slots._value == service.settings.max_concurrent_answers  # every slot given back


def test_the_server_keeps_serving_while_the_llm_hangs(seeded, chat_url):
    with api_with_llm(seeded, chat_url, "stall", openai_timeout=2.0, openai_deadline=10.0) as (client, service):
        results: list[dict] = []

        def ask() -> None:
            with client.stream("POST", "/answer", json={"question": QUESTION, "stream": True}) as response:
                results.append(sse_events(response)[-1][1])

        hung = [threading.Thread(target=ask) for _ in range(2)]  # both answer slots stuck on the stalled model
        for thread in hung:
            thread.start()
        time.sleep(0.5)
        started = time.monotonic()
        assert client.get("/health").json()["status"] == "ok"
        assert client.post("/search", json={"question": QUESTION, "k": 3}).json()["passages"]
        assert len(client.get("/documents").json()["documents"]) == 5
        assert time.monotonic() - started < 2.0  # served at once, not after the hung answers
        for thread in hung:
            thread.join(20)
        assert len(results) == 2 and all("timed out" in r["error"] and "544" in r["answer"] for r in results)
        assert service._slots._value == service.settings.max_concurrent_answers


def test_a_client_that_leaves_mid_stream_frees_its_slot(seeded, chat_url):
    with api_with_llm(seeded, chat_url, "trickle", openai_deadline=30.0) as (client, service):
        with client.stream("POST", "/answer", json={"question": QUESTION, "stream": True}) as response:
            for line in response.iter_lines():
                if line.startswith("data:"):
                    break  # the user closed the tab after the first piece
        deadline = time.monotonic() + 15
        while service._slots._value < service.settings.max_concurrent_answers and time.monotonic() < deadline:
            time.sleep(0.1)
        assert service._slots._value == service.settings.max_concurrent_answers
