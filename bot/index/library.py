"""The public front: a library of indexed reports you can add to, remove from and search."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock, Timeout

from bot.errors import Busy, NotFound
from bot.index.embed import EmbeddingCache, make_embedder
from bot.index.keyword import KeywordIndex
from bot.index.pipeline import IndexReport, index_paths
from bot.index.search import Extras, scoped_search, search
from bot.index.store import Store
from bot.models import Filters, Passage
from bot.settings import Settings


class IndexBusy(Busy):
    """Another process is changing the index and did not finish in time."""


class Library:
    def __init__(self, settings: Settings | None = None, clock: Callable[[], float] = time.monotonic):
        """`clock` is passed to the store (its generation-token refresh window); tests pass a fake one."""
        self.settings = settings or Settings()
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.embedder = make_embedder(self.settings)
        self._lock = FileLock(str(self.settings.data_dir / "index.lock"))
        with self._locked(600):  # opening Chroma writes to its database: not while another process indexes
            self.store = Store(self.settings, self.embedder.name, clock)
        self.cache = EmbeddingCache(self.settings.embed_cache_path)

    def _locked(self, timeout: float):
        try:
            return self._lock.acquire(timeout=timeout)
        except Timeout:
            raise IndexBusy(f"another process is indexing {self.settings.data_dir}; try again later") from None

    def index(self, paths: list[Path], show_progress: bool = True, wait: float = 600) -> IndexReport:
        """Index files and folders; unchanged reports cost nothing, changed ones only their new chunks."""
        with self._locked(wait):
            report = index_paths(paths, self.store, self.embedder, self.cache, self.settings, show_progress)
            self.store.keyword_index()
        return report

    def remove(self, doc: str, wait: float = 600) -> int:
        """Remove a report and all its chunks; returns how many chunks went. `NotFound` if unknown."""
        with self._locked(wait):
            if self.store.document_record(doc) is None:
                raise NotFound(f"no report '{doc}' in the index")
            removed = self.store.remove_document(doc)
            self.store.keyword_index()
        return removed

    def repair(self, wait: float = 600) -> dict[str, list[str]]:
        """After a crash (`kill -9`, power loss): drop chunks no report owns; mark reports whose chunk count is off.

        A marked report is indexed again the next time its file is, which deletes its leftover chunks.
        """
        with self._locked(wait):
            records = self.store.document_records()
            counts = self.store.chunk_counts()
            orphans = sorted(doc for doc in counts if doc not in records)
            for doc in orphans:
                self.store.delete_chunks(self.store.chunk_ids(doc))
            partial = sorted(doc for doc, meta in records.items() if counts.get(doc, 0) != meta.get("chunks"))
            for doc in partial:
                self.store.mark_stale(doc)
            if orphans or partial:
                self.store.keyword_index()
        return {"orphans": orphans, "partial": partial}

    def documents(self) -> list[dict]:
        records = self.store.document_records()
        return [{"doc": doc, **meta} for doc, meta in sorted(records.items())]

    def generation(self) -> str:
        """A token that changes whenever any report changes, in any process sharing the store."""
        return self.store.generation()

    def document(self, doc: str) -> dict | None:
        """One report's record, or None."""
        return self.store.document_record(doc)

    def issuers(self) -> list[str]:
        """The issuing bodies of the indexed reports (a question naming one is scoped to it)."""
        return [d["body"] for d in self.documents() if d.get("body")]

    def keyword_index(self) -> KeywordIndex:
        return self.store.keyword_index()

    def search(
        self, questions: list[str], k: int = 5, filters: Filters | None = None, extras: Extras | None = None
    ) -> list[list[Passage]]:
        """Hybrid search, one list of the top-k passages per question; plain unless `extras` are given."""
        return search(self.store, self.embedder, questions, k, filters, self.settings.retrieval, extras)

    def scoped_search(
        self, question: str, targets: list[Filters], places: list[str], k: int, extras: Extras | None = None
    ) -> list[Passage]:
        """Hybrid search within each target (body/year), interleaved (see `index.search.scoped_search`)."""
        return scoped_search(self.store, self.embedder, question, targets, places, k, self.settings.retrieval, extras)

    def close(self) -> None:
        self.cache.close()
