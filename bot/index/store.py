"""The index: chunks and their vectors in Chroma, one record per report, its structure, and the BM25 index.

Chroma is the source of truth (embedded `PersistentClient` under the data directory, or a Chroma
server when `CHROMA_HOST` is set); the keyword index is rebuilt from it when it changes.
A report's record is written last, so an interrupted run is simply redone on the next run.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import ChromaError

from bot.errors import BackendUnavailable
from bot.index.keyword import KeywordIndex
from bot.models import Chunk, Document, Filters
from bot.settings import Settings
from bot.text import tokenize

_BATCH = 500
# A record in the reports collection (never a report: report ids are file names, without "/") whose token
# changes with every write, so any process can tell whether the keyword index is stale with one lookup.
_GENERATION = "/generation"
_MAX_IDS = 10_000  # a larger id list costs more to send than Chroma's own `where` filter saves
_FILTER_FIELDS = ("body", "year")  # chunk metadata the keyword index keeps for filtering (see retrieve.Filters)


class StoreError(BackendUnavailable):
    """The vector store cannot be reached or opened."""

    part = "the index (vector store)"


def _client(settings: Settings):
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        except Exception as exc:  # chromadb raises plain ValueError/ConnectionError here
            raise StoreError(
                f"Chroma server at {settings.chroma_host}:{settings.chroma_port} unreachable: {exc}"
            ) from exc
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    try:
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    except Exception as exc:  # a locked or damaged database: one line, not a traceback
        raise StoreError(f"cannot open the index in {settings.chroma_dir}: {exc}") from exc


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name.lower())


class Store:
    def __init__(self, settings: Settings, embedder_name: str, clock: Callable[[], float] = time.monotonic):
        """`clock` is what the generation token's refresh window (`index_refresh`) is measured by; tests move
        a fake one instead of sleeping."""
        self._clock = clock
        self._client = _client(settings)
        prefix = _slug(settings.collection)
        self.chunks = self._client.get_or_create_collection(
            f"{prefix}-chunks-{_slug(embedder_name)}"[:63],
            embedding_function=None,
            metadata={"hnsw:space": "cosine"},
        )
        self.docs = self._client.get_or_create_collection(f"{prefix}-docs"[:63], embedding_function=None)
        # Each report's structure (`ingest.report.Report` as JSON): read whole, never searched by vector.
        self.reports = self._client.get_or_create_collection(f"{prefix}-reports"[:63], embedding_function=None)
        self._keyword_dir = settings.data_dir / "keyword" / self.chunks.name
        self._keyword: KeywordIndex | None = None
        self._keyword_lock = threading.Lock()  # the server answers while a worker thread indexes
        self._records: tuple[str, dict[str, dict]] | None = None
        self._refresh = settings.index_refresh
        self._token: tuple[str, float] | None = None  # the generation token and when it was read

    # -- reports -----------------------------------------------------------------------------
    def document_records(self) -> dict[str, dict]:
        """Every report's record; read again only when the generation token moved (answers ask on every request)."""
        token = self.generation()  # before the read: a change in between is caught by the next call
        cached = self._records
        if cached is None or cached[0] != token:
            got = self.docs.get(include=["metadatas"])
            records = {doc: dict(meta) for doc, meta in zip(got["ids"], got["metadatas"]) if doc != _GENERATION}
            self._records = cached = (token, records)
        return {doc: dict(meta) for doc, meta in cached[1].items()}

    def document_record(self, doc: str) -> dict | None:
        if doc == _GENERATION:
            return None
        got = self.docs.get(ids=[doc], include=["metadatas"])
        return dict(got["metadatas"][0]) if got["ids"] else None

    def chunk_ids(self, doc: str) -> set[str]:
        return set(self.chunks.get(where={"doc": doc}, include=[])["ids"])

    def add_chunks(self, chunks: list[Chunk], vectors: np.ndarray) -> None:
        for i in range(0, len(chunks), _BATCH):
            part = chunks[i : i + _BATCH]
            self.chunks.upsert(
                ids=[c.id for c in part],
                embeddings=vectors[i : i + _BATCH].tolist(),
                documents=[c.text for c in part],
                metadatas=[_chunk_meta(c) for c in part],
            )

    def delete_chunks(self, ids: set[str]) -> None:
        ids_list = sorted(ids)
        for i in range(0, len(ids_list), _BATCH):
            self.chunks.delete(ids=ids_list[i : i + _BATCH])
        if ids_list:
            self._bump()

    def put_document(self, document: Document, fingerprint: str, n_chunks: int) -> None:
        meta = {k: v for k, v in document.meta().items() if isinstance(v, (str, int, float))}
        meta.update(fingerprint=fingerprint, chunks=n_chunks)
        self.docs.upsert(ids=[document.doc], embeddings=[[1.0]], metadatas=[meta])
        self._bump()

    def put_report(self, doc: str, data: dict) -> None:
        """A report's structure, written before its record (the record is the last write of an indexing run)."""
        self.reports.upsert(ids=[doc], embeddings=[[1.0]], documents=[json.dumps(data, ensure_ascii=False)])

    def report_data(self, doc: str) -> dict | None:
        got = self.reports.get(ids=[doc], include=["documents"])
        return json.loads(got["documents"][0]) if got["ids"] else None

    def _bump(self) -> None:
        """A new generation token, written after the change it announces (for every process sharing the store)."""
        token = uuid.uuid4().hex
        self.docs.upsert(ids=[_GENERATION], embeddings=[[1.0]], metadatas=[{"token": token}])
        self._token = (f"g-{token}", self._clock())

    def chunk_counts(self) -> dict[str, int]:
        """Chunks per report as the store holds them (a full scan: for repairs, not for requests)."""
        counts: dict[str, int] = {}
        total = self.chunks.count()
        for offset in range(0, total, 5000):
            for meta in self.chunks.get(include=["metadatas"], limit=5000, offset=offset)["metadatas"]:
                counts[str(meta.get("doc"))] = counts.get(str(meta.get("doc")), 0) + 1
        return counts

    def mark_stale(self, doc: str) -> None:
        """Forget a report's fingerprint, so the next run over its file indexes it again."""
        record = self.document_record(doc)
        if record is not None:
            self.docs.upsert(ids=[doc], embeddings=[[1.0]], metadatas=[{**record, "fingerprint": ""}])
            self._bump()

    def remove_document(self, doc: str) -> int:
        ids = self.chunk_ids(doc)
        self.delete_chunks(ids)
        self.docs.delete(ids=[doc])
        self.reports.delete(ids=[doc])
        self._bump()
        return len(ids)

    # -- search ------------------------------------------------------------------------------
    def dense(self, vector: np.ndarray, k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        # Chroma returns fewer than k (or none) when the collection is smaller: no count() per query.
        query = {"query_embeddings": [vector.tolist()], "n_results": k, "include": ["distances"]}
        fields = filters.fields() if filters else {}
        got = None
        if fields:
            allowed = self.keyword_index().matching(fields)
            if allowed is not None and not allowed:
                return []
            if allowed is not None and len(allowed) <= _MAX_IDS:  # the same top k without a metadata scan (~10x faster)
                try:
                    got = self.chunks.query(**query, ids=sorted(allowed))
                except ChromaError:  # an id deleted since the keyword index was built (another replica): filter
                    got = None
        if got is None:
            got = self.chunks.query(**query, where=_where(fields))
        return [(cid, 1.0 - dist) for cid, dist in zip(got["ids"][0], got["distances"][0])]

    def get_chunks(self, ids: list[str]) -> dict[str, tuple[str, dict]]:
        if not ids:
            return {}
        got = self.chunks.get(ids=ids, include=["documents", "metadatas"])
        return {cid: (text, dict(meta)) for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"])}

    def opening_ids(self, filters: Filters) -> list[str]:
        """The first chunk of each report within `filters` (title, date, source, opening sentence)."""
        return sorted(self.chunks.get(where=_where({**filters.fields(), "position": 0}), include=[])["ids"])

    def matching_ids(self, filters: Filters) -> set[str]:
        """Chunk ids a filter lets through: from the keyword index's copy of the fields when it can say."""
        fields = filters.fields()
        found = self.keyword_index().matching(fields)
        return found if found is not None else set(self.chunks.get(where=_where(fields), include=[])["ids"])

    def generation(self) -> str:
        """Changes whenever any report's chunks change: the generation token (one lookup, whatever the size).

        An answer asks several times; within `index_refresh` seconds the last token read is reused, so
        another process's change shows within that time and this store's own changes at once.
        """
        known = self._token
        if known is not None and self._clock() - known[1] < self._refresh:
            return known[0]
        got = self.docs.get(ids=[_GENERATION], include=["metadatas"])
        if not got["ids"]:  # a new store, or one written before generation tokens: give it one
            self._bump()
            got = self.docs.get(ids=[_GENERATION], include=["metadatas"])
        token = f"g-{got['metadatas'][0].get('token', '')}"
        self._token = (token, self._clock())
        return token

    def keyword_index(self) -> KeywordIndex:
        """The BM25 index matching the store now: loaded from disk, or rebuilt if stale (one thread at a time)."""
        generation = self.generation()
        with self._keyword_lock:
            if self._keyword is None or self._keyword.generation != generation:
                self._keyword = KeywordIndex.load(self._keyword_dir) if self._keyword_dir.exists() else None
            if self._keyword is None or self._keyword.generation != generation:
                self._keyword = self._rebuild_keyword(generation)
            return self._keyword

    def _rebuild_keyword(self, generation: str) -> KeywordIndex:
        ids: list[str] = []
        tokens: list[list[str]] = []
        fields: dict[str, list] = {name: [] for name in _FILTER_FIELDS}
        total = self.chunks.count()
        for offset in range(0, total, 5000):
            got = self.chunks.get(include=["metadatas"], limit=5000, offset=offset)
            for cid, meta in zip(got["ids"], got["metadatas"]):
                ids.append(cid)
                tokens.append(str(meta.get("tokens", "")).split())
                for name in _FILTER_FIELDS:
                    fields[name].append(meta.get(name))
        index = KeywordIndex.build(ids, tokens, generation, fields)
        index.save(self._keyword_dir)
        return index


def _where(fields: dict[str, object]) -> dict | None:
    """Field equalities in Chroma's `where` dialect (spoken here only)."""
    clauses = [{name: value} for name, value in fields.items()]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _chunk_meta(chunk: Chunk) -> dict:
    meta = {
        "doc": chunk.doc,
        "title": chunk.title,
        "heading": chunk.heading,
        "position": chunk.position,
        "text_s": chunk.text_s,
        "tokens": " ".join(tokenize(chunk.embed_text())),
    }
    if chunk.issuer:
        meta["body"] = chunk.issuer
    if chunk.year:
        meta["year"] = chunk.year
    return meta
