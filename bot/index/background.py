"""The indexer's embedding thread: it embeds reports while the caller reads the next ones, and yields to questions.

Reading, cleaning and chunking a report takes far less time than embedding it, so the caller's thread
keeps reading (and keyword-storing) while one thread embeds what was stored before. Only the caller's
thread writes to the store: the embedding thread gets each report's chunks through a bounded queue and
hands back vectors, which the caller writes (`write_ready`) between files and at the end (`finish`).

The embedding thread lowers its own priority and engine thread count (`Settings.index_nice`,
`Settings.index_threads`; `embed.yield_this_thread`), so questions answered meanwhile keep the CPU.
The e5 engine keeps no state between calls (its model is read-only once loaded; every call allocates
its own buffers), so a question's embedding runs beside the indexer's without a lock.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from dataclasses import dataclass

import numpy as np

from bot.index.embed import Embedder, EmbeddingCache, yield_this_thread
from bot.index.progress import Progress
from bot.index.store import COMPLETE, Store
from bot.models import Chunk
from bot.settings import Settings

AHEAD = 4  # reports read and waiting for the embedding thread: bounds the chunks held in memory
POLL = 0.1  # seconds between looks at the other side while waiting on a queue
STOP_WAIT = 120.0  # seconds `__exit__` waits for the thread to finish its current batch after a failure


@dataclass(frozen=True)
class _Embedded:
    doc: str
    chunks: list[Chunk]
    vectors: np.ndarray


class _Cancelled(Exception):
    """The caller failed: the embedding thread stops after its current batch."""


_END = object()  # no more work (to the thread) / the thread is finished (from it)


class BackgroundEmbedding:
    """Embed reports' pending chunks on one yielding thread; the caller's thread stores the vectors."""

    def __init__(self, embedder: Embedder, cache: EmbeddingCache, settings: Settings, progress: Progress):
        self._embedder, self._cache, self._settings, self._progress = embedder, cache, settings, progress
        self._todo: queue.Queue = queue.Queue(maxsize=AHEAD)
        self._done: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._ended = False
        self._thread = threading.Thread(target=self._run, name="index-embed", daemon=True)
        self.completed: list[str] = []  # reports whose vectors are stored, in order

    def __enter__(self) -> BackgroundEmbedding:
        self._thread.start()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None or not self._ended:
            self._stop.set()  # checked between batches: at most one more batch is embedded
            with contextlib.suppress(queue.Full):  # wakes a thread waiting for work (a full queue: it is busy)
                self._todo.put_nowait(_END)
            self._thread.join(STOP_WAIT)

    def submit(self, store: Store, doc: str, chunks: list[Chunk]) -> None:
        """Queue one report's chunks; while the queue is full, store the vectors that are ready."""
        while True:
            self.write_ready(store)
            try:
                self._todo.put((doc, chunks), timeout=POLL)
                return
            except queue.Full:
                continue

    def write_ready(self, store: Store, wait: bool = False) -> None:
        """Store the vectors embedded so far and mark their reports complete; re-raise the thread's failure.

        With `wait`, return only once the thread is finished (after `finish` sent the end)."""
        while not self._ended:
            try:
                item = self._done.get(timeout=POLL) if wait else self._done.get_nowait()
            except queue.Empty:
                if wait and not self._thread.is_alive() and self._done.empty():
                    raise RuntimeError("the embedding thread ended without reporting") from None
                if wait:
                    continue
                return
            self._take(store, item)

    def finish(self, store: Store) -> list[str]:
        """No more reports: wait for the rest of the vectors and store them. Returns the completed reports."""
        while True:
            self.write_ready(store)
            try:
                self._todo.put(_END, timeout=POLL)
                break
            except queue.Full:
                continue
        self.write_ready(store, wait=True)
        return self.completed

    def _take(self, store: Store, item: object) -> None:
        if item is _END:
            self._ended = True
        elif isinstance(item, BaseException):
            self._ended = True
            raise item
        else:
            store.add_chunks(item.chunks, item.vectors)
            store.set_status(item.doc, COMPLETE)
            self.completed.append(item.doc)

    def _run(self) -> None:
        """The thread: yield the CPU, then embed each queued report until the end (or a failure)."""
        try:
            yield_this_thread(self._embedder, self._settings.index_threads, self._settings.index_nice)
            self._progress.started()
            while (work := self._todo.get()) is not _END and not self._stop.is_set():
                doc, chunks = work
                self._done.put(_Embedded(doc, chunks, self._embed(chunks)))
        except _Cancelled:
            pass
        except BaseException as exc:  # handed to the caller's thread, which raises it
            self._done.put(exc)
            return
        self._done.put(_END)

    def _embed(self, chunks: list[Chunk]) -> np.ndarray:
        def embedded(n: int) -> None:
            if self._stop.is_set():
                raise _Cancelled
            self._progress.embedded(n)

        texts = [c.embed_text() for c in chunks]
        return self._cache.passages(self._embedder, texts, self._settings.embed_batch, embedded, self._progress.cached)
