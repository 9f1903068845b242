"""Chat models behind one small protocol: stream text for a list of chat messages.

`local` runs a GGUF model shipped in PyPI packages with llama.cpp on this CPU (no network);
`openai` calls any OpenAI-compatible `/v1/chat/completions` server (vLLM, Ollama, llama.cpp
server, DeepSeek, Qwen…) over httpx with streaming, timeouts and retries.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from typing import Protocol

import httpx

from bot.errors import BackendUnavailable
from bot.settings import Settings

log = logging.getLogger(__name__)


class LLMError(BackendUnavailable):
    """The model could not answer: unreachable, timed out, refused, or sent something unreadable.

    Its message reaches API clients (`error`), so it says what happened, never the server's address or
    reply text: those go to the log.

    `partial` is True when some text had already been streamed before the failure.
    """

    part = "the answer model"

    def __init__(self, message: str, partial: bool = False):
        super().__init__(message)
        self.partial = partial


class LLM(Protocol):
    name: str

    def stream(self, messages: list[dict], max_tokens: int = 512) -> Iterator[str]: ...


def complete(llm: LLM, messages: list[dict], max_tokens: int = 512) -> str:
    return "".join(llm.stream(messages, max_tokens))


_RETRY_STATUS = {429, 500, 502, 503, 504}


class OpenAIChat:
    """An OpenAI-compatible chat endpoint, streamed as server-sent events."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 60.0,
        retries: int = 3,
        backoff: float = 0.5,
        deadline: float = 180.0,
    ):
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.name = f"openai:{model}"
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.deadline = deadline  # a server trickling tokens must not hold an answer slot for ever
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(headers=headers, timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)))

    def stream(self, messages: list[dict], max_tokens: int = 512) -> Iterator[str]:
        payload = {"model": self.model, "messages": messages, "max_tokens": max_tokens, "temperature": 0}
        payload["stream"] = True
        ends = time.monotonic() + self.deadline
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                with self._client.stream("POST", self.url, json=payload) as response:
                    if response.status_code in _RETRY_STATUS and not last:
                        time.sleep(min(_retry_after(response, self.backoff * 2**attempt), _left(ends)))
                        continue
                    if response.status_code != 200:
                        body = response.read().decode(errors="replace")[:200]
                        log.warning("model server %s answered %s: %s", self.url, response.status_code, body)
                        raise LLMError(f"the model server answered {response.status_code}")
                    yield from self._events(response, ends)
                    return
            except httpx.TimeoutException as exc:
                raise LLMError(f"the model server timed out (no answer within {self.timeout:g} s)") from exc
            except httpx.TransportError as exc:
                if isinstance(exc, httpx.ConnectError) and not last:
                    time.sleep(min(self.backoff * 2**attempt, _left(ends)))
                    continue
                log.warning("model server %s unreachable: %s", self.url, exc)
                raise LLMError("the model server is unreachable (BOT_OPENAI_URL)") from exc
            except httpx.HTTPError as exc:  # bad encoding, protocol errors: never an unhandled exception
                log.warning("model server %s failed: %s", self.url, exc)
                raise LLMError(f"the model server failed ({exc.__class__.__name__})") from exc

    def _events(self, response: httpx.Response, ends: float) -> Iterator[str]:
        sent = False
        try:
            for line in response.iter_lines():
                if time.monotonic() > ends:
                    raise LLMError(f"the model server took longer than {self.deadline:g} s", partial=sent)
                if not line.startswith("data:"):
                    continue
                data = line[5:].strip()
                if data == "[DONE]":
                    return
                try:
                    choice = json.loads(data)["choices"][0]
                    text = (choice.get("delta") or choice.get("message") or {}).get("content") or ""
                except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
                    raise LLMError("the model server sent a malformed stream event", partial=sent) from exc
                if text:
                    sent = True
                    yield text
        except httpx.TimeoutException as exc:
            message = f"the model server timed out mid-answer (nothing for {self.timeout:g} s)"
            raise LLMError(message, partial=sent) from exc
        except httpx.HTTPError as exc:
            log.warning("model server %s closed the stream early: %s", self.url, exc)
            raise LLMError("the model server closed the stream early", partial=sent) from exc
        raise LLMError("the model server ended the stream without [DONE]", partial=sent)


def _left(ends: float) -> float:
    return max(0.0, ends - time.monotonic())


def _retry_after(response: httpx.Response, default: float) -> float:
    try:
        return min(float(response.headers.get("retry-after", default)), 30.0)
    except ValueError:
        return default


class LocalLlama:
    """A GGUF model from PyPI part packages, run by llama.cpp on the CPU (2 threads by default)."""

    def __init__(self, model: str, models_dir, threads: int = 2, n_ctx: int = 4096):
        from bot.answer.gguf import get_spec

        self.spec = get_spec(model)
        self.name = f"local:{self.spec.name}"
        self.models_dir = models_dir
        self.threads = threads
        self.n_ctx = n_ctx
        self._llama = None

    def _get(self):
        if self._llama is None:
            try:
                import llama_cpp  # noqa: F401
            except ImportError as exc:
                raise LLMError("llama-cpp-python is not installed: pip install -e '.[local]'") from exc
            from bot.answer.gguf import ModelCorrupt, ModelMissing, ensure_model, load_llama

            try:
                path = ensure_model(self.spec, self.models_dir)
            except (ModelMissing, ModelCorrupt) as exc:
                raise LLMError(str(exc)) from exc
            self._llama = load_llama(path, n_threads=self.threads, n_ctx=self.n_ctx)
        return self._llama

    def stream(self, messages: list[dict], max_tokens: int = 512) -> Iterator[str]:
        llama, sent = self._get(), False
        try:  # llama.cpp raises ValueError/RuntimeError (context overflow, decode failure): an LLMError like any other
            chunks = llama.create_chat_completion(messages=messages, max_tokens=max_tokens, temperature=0, stream=True)
            for chunk in chunks:
                text = chunk["choices"][0].get("delta", {}).get("content")
                if text:
                    sent = True
                    yield text
        except (ValueError, RuntimeError) as exc:
            raise LLMError(f"the local model failed: {exc}", partial=sent) from exc


LLMS: dict[str, Callable[[Settings], LLM]] = {
    "local": lambda s: LocalLlama(s.local_model, s.models_path, s.threads, s.local_ctx),
    "openai": lambda s: OpenAIChat(
        s.openai_url, s.openai_model, s.openai_api_key, s.openai_timeout, s.openai_retries, deadline=s.openai_deadline
    ),
}
