"""The index: chunks and their vectors in Chroma, one record per report, its structure, and the BM25 index.

Chroma is the source of truth (embedded `PersistentClient` under the data directory, or a Chroma
server when `CHROMA_HOST` is set). A report is stored keyword-first: its chunks go to the `pending`
collection (text and tokens, no vector) and its record says `status: keyword`; it is then searchable by
keyword. Its vectors follow: each chunk moves to the `chunks` collection with its vector, and the record
says `status: complete`. Dense search only ever sees `chunks`.

The keyword index changes one report at a time (`keyword.Segment`): this store's own writes update it in
place; another process's are found by comparing each record's keyword stamp with the index's, and only
the reports whose stamps differ are read again. A full rebuild from Chroma happens only when there is no
saved index at all.
"""

from __future__ import annotations

import base64
import contextlib
import json
import threading
import time
import uuid
import zlib
from collections.abc import Callable

import chromadb
import numpy as np
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import ChromaError

from bot.errors import BackendUnavailable
from bot.index.keyword import KeywordIndex, Segment
from bot.models import Chunk, Document, Filters
from bot.settings import Settings
from bot.text import tokenize

_BATCH = 500
# A record in the reports collection (never a report: report ids are file names, without "/") whose token
# changes with every write, so any process can tell whether the keyword index is stale with one lookup.
_GENERATION = "/generation"
_FEW_REPORTS = 20  # more changed reports than this are read by one scan instead of one query each
_MAX_IDS = 10_000  # a larger id list costs more to send than Chroma's own `where` filter saves
_FILTER_FIELDS = ("body", "year")  # chunk metadata the keyword index keeps for filtering (see retrieve.Filters)
_RECORDS_HNSW = {"sync_threshold": 10, "batch_size": 10}  # see Store._records
_LOCKED_PAUSES = (0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0)  # seconds between tries of a change Chroma found locked
_PACKED = "packed"  # the metadata field holding a report's structure: zlib-compressed JSON, base64
KEYWORD_ONLY, COMPLETE = "keyword", "complete"  # a report's status: searchable by keyword only, or also by vector


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
    def __init__(
        self,
        settings: Settings,
        embedder_name: str,
        clock: Callable[[], float] = time.monotonic,
        on_keyword_rebuild: Callable[[], None] | None = None,
    ):
        """`clock` is what the generation token's refresh window (`index_refresh`) is measured by; tests move
        a fake one instead of sleeping. `on_keyword_rebuild` is called for every full keyword rebuild from
        Chroma (tests count them; there should be one per fresh data directory and no more)."""
        self._clock = clock
        self.on_keyword_rebuild = on_keyword_rebuild
        self._client = _client(settings)
        prefix = _slug(settings.collection)
        self.chunks = self._client.get_or_create_collection(
            f"{prefix}-chunks-{_slug(embedder_name)}"[:63],
            embedding_function=None,
            metadata={"hnsw:space": "cosine"},
        )
        # Chroma's vector index is approximate, and rebuilt from its write log in each process in an order
        # that varies: with its default breadth (100) one near-tie of 30 was found in some server starts and
        # not others, and the answer changed. A breadth of at least the chunks searched makes it exact.
        _configured(self.chunks, {"ef_search": settings.ef_search})
        # Chunks stored before their vectors: found by keyword only, until they move to `chunks`.
        self.pending = self._records(f"{prefix}-pending-{_slug(embedder_name)}")
        self.docs = self._records(f"{prefix}-docs")
        # Each report's structure (`ingest.report.Report`, packed): read whole, never searched by vector.
        self.reports = self._records(f"{prefix}-reports")
        self._keyword_dir = settings.data_dir / "keyword" / self.chunks.name
        self._keyword: KeywordIndex | None = None
        self._keyword_lock = threading.Lock()  # the server answers while a worker thread indexes
        self._records: tuple[str, dict[str, dict]] | None = None
        self._refresh = settings.index_refresh
        self._token: tuple[str, float] | None = None  # the generation token and when it was read

    # -- reports -----------------------------------------------------------------------------
    def _records(self, name: str):
        """A collection of records (a placeholder vector each, never searched by vector), whose vector index is
        persisted every few writes. Chroma keeps its write log until then (by default every 1,000 writes) and
        reads it again at each write: with reports' structures in it a write took 1.6 s at 100 reports, with
        this 10 ms (benchmarks/RESULTS.md). A store made before is changed to it (fails soft)."""
        collection = self._client.get_or_create_collection(
            name[:63], embedding_function=None, configuration={"hnsw": _RECORDS_HNSW}
        )
        _configured(collection, _RECORDS_HNSW)
        return collection

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
        """A report's chunks, with vectors or still pending."""
        return self.embedded_ids(doc) | self.pending_ids(doc)

    def embedded_ids(self, doc: str) -> set[str]:
        return set(self.chunks.get(where={"doc": doc}, include=[])["ids"])

    def pending_ids(self, doc: str) -> set[str]:
        return set(self.pending.get(where={"doc": doc}, include=[])["ids"])

    def add_pending(self, chunks: list[Chunk]) -> None:
        """Chunks without vectors yet (a dummy one: Chroma wants one; this collection is never queried by vector)."""
        for i in range(0, len(chunks), _BATCH):
            part = chunks[i : i + _BATCH]
            self.pending.upsert(
                ids=[c.id for c in part],
                embeddings=[[1.0]] * len(part),
                documents=[c.text for c in part],
                metadatas=[_chunk_meta(c) for c in part],
            )

    def pending_chunks(self, doc: str) -> list[Chunk]:
        """A report's chunks still waiting for their vectors, in report order."""
        got = self.pending.get(where={"doc": doc}, include=["documents", "metadatas"])
        chunks = [
            _meta_chunk(cid, text, meta) for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"])
        ]
        return sorted(chunks, key=lambda c: (c.position, c.id))

    def add_chunks(self, chunks: list[Chunk], vectors: np.ndarray) -> None:
        """Chunks with their vectors; each leaves `pending` once its vector is stored."""
        for i in range(0, len(chunks), _BATCH):
            part = chunks[i : i + _BATCH]
            self.chunks.upsert(
                ids=[c.id for c in part],
                embeddings=vectors[i : i + _BATCH].tolist(),
                documents=[c.text for c in part],
                metadatas=[_chunk_meta(c) for c in part],
            )
            self.pending.delete(ids=[c.id for c in part])

    def delete_chunks(self, ids: set[str]) -> None:
        ids_list = sorted(ids)
        for i in range(0, len(ids_list), _BATCH):
            self.chunks.delete(ids=ids_list[i : i + _BATCH])
            self.pending.delete(ids=ids_list[i : i + _BATCH])
        if ids_list:
            self._changed({})

    def put_document(
        self, document: Document, fingerprint: str, chunks: list[Chunk], status: str = COMPLETE, stamp: str = ""
    ) -> str:
        """The report's record, written after its chunks; returns its keyword stamp.

        A new stamp (`stamp` empty) says its chunks changed: the keyword index takes the report's new segment
        from `chunks` at once. Passing the stamp back (vectors added, chunks unchanged) leaves the index be.
        """
        meta = {k: v for k, v in document.meta().items() if isinstance(v, (str, int, float))}
        stamp = stamp or uuid.uuid4().hex[:16]
        meta.update(fingerprint=fingerprint, chunks=len(chunks), status=status, kw=stamp)
        self.docs.upsert(ids=[document.doc], embeddings=[[1.0]], metadatas=[meta])
        segment = _segment(document.doc, stamp, [c.id for c in chunks], [_chunk_meta(c) for c in chunks])
        self._changed({document.doc: segment})
        return stamp

    def set_status(self, doc: str, status: str) -> None:
        """Only the record's status (its vectors arrived): the keyword side does not move."""
        record = self.document_record(doc)
        if record is not None and record.get("status") != status:
            self.docs.upsert(ids=[doc], embeddings=[[1.0]], metadatas=[{**record, "status": status}])
            self._changed({})

    def put_report(self, doc: str, data: dict) -> None:
        """A report's structure, written before its record (the record is the last write of an indexing run).

        Packed (zlib, base64) in a metadata field, not as a document: Chroma indexes documents for full-text
        search, and a report's structure (≈ 60k characters of Chinese) there cost ≈ 1.6 s to write and 2 s to
        read at 100 reports, growing with the archive; packed, 16 ms and 11 ms (benchmarks/RESULTS.md)."""
        packed = _pack(data)
        # documents [""]: the document an older version wrote for this report goes (and with it its slow index)
        self.reports.upsert(ids=[doc], embeddings=[[1.0]], metadatas=[{_PACKED: packed}], documents=[""])

    def repack_reports(self) -> list[str]:
        """Reports whose structure an older version stored as a document, stored packed (a few calls, not one
        per report: while any such document is left, every write to the collection is slow)."""
        got = self.reports.get(include=["documents"])
        old = [(doc, text) for doc, text in zip(got["ids"], got["documents"]) if text]
        for start in range(0, len(old), 100):
            batch = old[start : start + 100]
            self.reports.upsert(
                ids=[doc for doc, _ in batch],
                embeddings=[[1.0]] * len(batch),
                metadatas=[{_PACKED: _pack(json.loads(text))} for _, text in batch],
                documents=[""] * len(batch),
            )
        return [doc for doc, _ in old]

    def report_data(self, doc: str) -> dict | None:
        """A report's structure; one written by an older version as a document is read as it is."""
        got = self.reports.get(ids=[doc], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        packed = (got["metadatas"][0] or {}).get(_PACKED)
        if packed:
            return json.loads(zlib.decompress(base64.b64decode(packed)))
        return json.loads(got["documents"][0])

    def _bump(self) -> str:
        """A new generation token, written after the change it announces (for every process sharing the store)."""
        token = uuid.uuid4().hex
        self.docs.upsert(ids=[_GENERATION], embeddings=[[1.0]], metadatas=[{"token": token}])
        self._token = (f"g-{token}", self._clock())
        return self._token[0]

    def _changed(self, segments: dict[str, Segment | None]) -> None:
        """Announce this store's own change and apply it to the keyword index in place (None: the report went).

        The index moves to the new generation only if it matched the token stored just before (read afresh, not
        the refresh window's copy); otherwise another process changed the store meanwhile and the next
        `keyword_index()` compares stamps.
        """
        before = self._stored_token()
        token = self._bump()
        with self._keyword_lock:
            index = self._keyword
            if index is None:
                return
            for doc, segment in segments.items():
                index.put(segment) if segment is not None else index.drop(doc)
            if before is not None and index.generation == before:
                index.generation = token
            index.save(self._keyword_dir, set(segments))

    def chunk_counts(self) -> dict[str, int]:
        """Distinct chunks per report as the store holds them, with vectors or pending (a full scan: for repairs,
        not for requests; a chunk caught in both collections by a crash while it moved counts once)."""
        owners: dict[str, str] = {}
        for collection in (self.chunks, self.pending):
            total = collection.count()
            for offset in range(0, total, 5000):
                got = collection.get(include=["metadatas"], limit=5000, offset=offset)
                owners.update((cid, str(meta.get("doc"))) for cid, meta in zip(got["ids"], got["metadatas"]))
        counts: dict[str, int] = {}
        for doc in owners.values():
            counts[doc] = counts.get(doc, 0) + 1
        return counts

    def mark_stale(self, doc: str) -> None:
        """Forget a report's fingerprint, so the next run over its file indexes it again."""
        record = self.document_record(doc)
        if record is not None:
            self.docs.upsert(ids=[doc], embeddings=[[1.0]], metadatas=[{**record, "fingerprint": ""}])
            self._changed({})

    def remove_document(self, doc: str) -> int:
        ids = self.chunk_ids(doc)
        self.delete_chunks(ids)
        self.docs.delete(ids=[doc])
        self.reports.delete(ids=[doc])
        self._changed({doc: None})
        return len(ids)

    # -- search ------------------------------------------------------------------------------
    def dense(self, vector: np.ndarray, k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        # Chroma returns fewer than k (or none) when the collection is smaller: no count() per query.
        query = {"query_embeddings": [vector.tolist()], "n_results": k, "include": ["distances"]}
        fields = filters.fields() if filters else {}
        got = None
        if fields:
            index = self.keyword_index()
            allowed = index.matching(fields)
            if allowed is not None:  # chunks without vectors yet are not in `chunks`: Chroma fails on their ids
                allowed -= self._keyword_only_ids(index)
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

    def _keyword_only_ids(self, index: KeywordIndex) -> set[str]:
        """Chunk ids of the reports still waiting for their vectors (none, nearly always)."""
        docs = [doc for doc, meta in self.document_records().items() if meta.get("status") == KEYWORD_ONLY]
        return {cid for doc in docs if doc in index.segments for cid in index.segments[doc].ids}

    def get_chunks(self, ids: list[str]) -> dict[str, tuple[str, dict]]:
        if not ids:
            return {}
        found = {}
        for collection in (self.chunks, self.pending):  # a chunk may still wait for its vector
            missing = [cid for cid in ids if cid not in found]
            if not missing:
                break
            got = collection.get(ids=missing, include=["documents", "metadatas"])
            found.update(
                (cid, (text, dict(meta))) for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"])
            )
        return found

    def opening_ids(self, filters: Filters) -> list[str]:
        """The first chunk of each report within `filters` (title, date, source, opening sentence)."""
        where = _where({**filters.fields(), "position": 0})
        return sorted({cid for c in (self.chunks, self.pending) for cid in c.get(where=where, include=[])["ids"]})

    def matching_ids(self, filters: Filters) -> set[str]:
        """Chunk ids a filter lets through: from the keyword index's copy of the fields when it can say."""
        fields = filters.fields()
        found = self.keyword_index().matching(fields)
        if found is not None:
            return found
        return {cid for c in (self.chunks, self.pending) for cid in c.get(where=_where(fields), include=[])["ids"]}

    def generation(self) -> str:
        """Changes whenever any report's chunks change: the generation token (one lookup, whatever the size).

        An answer asks several times; within `index_refresh` seconds the last token read is reused, so
        another process's change shows within that time and this store's own changes at once.
        """
        known = self._token
        if known is not None and self._clock() - known[1] < self._refresh:
            return known[0]
        token = self._stored_token()
        if token is None:  # a new store, or one written before generation tokens: give it one
            self._bump()
            token = self._stored_token()
        self._token = (token, self._clock())
        return token

    def _stored_token(self) -> str | None:
        got = self.docs.get(ids=[_GENERATION], include=["metadatas"])
        return f"g-{got['metadatas'][0].get('token', '')}" if got["ids"] else None

    def keyword_index(self) -> KeywordIndex:
        """The BM25 index matching the store now: its own changes are already in it; another process's are
        brought in report by report (stamps compared); a full rebuild only when none is saved."""
        generation = self.generation()
        with self._keyword_lock:
            if self._keyword is None:
                self._keyword = KeywordIndex.load(self._keyword_dir)
            if self._keyword is None:  # none saved, or by an older version
                KeywordIndex.clear(self._keyword_dir)
                self._keyword = KeywordIndex("", _FILTER_FIELDS)
                if self.on_keyword_rebuild is not None:
                    self.on_keyword_rebuild()
            if self._keyword.generation != generation:
                self._sync_keyword(self._keyword, generation)
            return self._keyword

    def _sync_keyword(self, index: KeywordIndex, generation: str) -> None:
        """Bring in the reports whose keyword stamp differs from the index's, drop those gone."""
        records = self.document_records()
        wanted = {doc: str(meta.get("kw") or meta.get("fingerprint", "")) for doc, meta in records.items()}
        have = index.stamps
        changed = {doc for doc in have if wanted.get(doc) != have[doc]} | {doc for doc in wanted if doc not in have}
        for doc in sorted(changed - set(wanted)):
            index.drop(doc)
        for segment in self._read_segments({doc: wanted[doc] for doc in sorted(changed & set(wanted))}):
            index.put(segment)
        index.generation = generation
        index.save(self._keyword_dir, changed)

    def _read_segments(self, stamps: dict[str, str]) -> list[Segment]:
        """The reports' chunks as stored (with or without vectors), as keyword segments: one query per report
        for a few, one paged scan of both collections for many (a fresh index: the scan is ~10× faster)."""
        grouped: dict[str, tuple[list[str], list[dict]]] = {doc: ([], []) for doc in stamps}
        for collection in (self.chunks, self.pending):
            if len(stamps) <= _FEW_REPORTS:
                pages = (collection.get(where={"doc": doc}, include=["metadatas"]) for doc in stamps)
            else:
                total = collection.count()
                pages = (collection.get(include=["metadatas"], limit=5000, offset=o) for o in range(0, total, 5000))
            for got in pages:
                for cid, meta in zip(got["ids"], got["metadatas"]):
                    if meta.get("doc") in grouped:
                        grouped[meta["doc"]][0].append(cid)
                        grouped[meta["doc"]][1].append(meta)
        return [_segment(doc, stamps[doc], *grouped[doc]) for doc in stamps]


def _segment(doc: str, stamp: str, ids: list[str], metas: list[dict]) -> Segment:
    tokens = [str(meta.get("tokens", "")).split() for meta in metas]
    fields = {name: [meta.get(name) for meta in metas] for name in _FILTER_FIELDS}
    return Segment.of(doc, stamp, ids, tokens, fields)


def _meta_chunk(cid: str, text: str, meta: dict) -> Chunk:
    """A stored chunk back as a `Chunk` (to embed a pending one)."""
    return Chunk(
        id=cid,
        doc=meta["doc"],
        text=text,
        text_s=meta.get("text_s", ""),
        title=meta.get("title", ""),
        heading=meta.get("heading", ""),
        position=int(meta.get("position", 0)),
        issuer=meta.get("body"),
        year=meta.get("year"),
    )


def _where(fields: dict[str, object]) -> dict | None:
    """Field equalities in Chroma's `where` dialect (spoken here only)."""
    clauses = [{name: value} for name, value in fields.items()]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _configured(collection, hnsw: dict, sleep: Callable[[float], None] = time.sleep) -> None:
    """A collection's vector index set as `hnsw` says, a store made before (or by another setting) changed to it;
    fails soft (a Chroma server too old to change it keeps searching as it did). Done at open, before the index
    is loaded: Chroma keeps an index it has loaded as it was. Only what Chroma reports back is compared (it keeps
    no `batch_size`), so an unchanged store is not written at each open. A change made soon after another is
    answered "database is locked" in about one open in twenty, for some 20 ms: it is tried again (`sleep` is
    injectable for tests)."""
    with contextlib.suppress(Exception):
        have = collection.configuration_json.get("hnsw") or {}
        known = [key for key in hnsw if key in have]
        if known and all(have[key] == hnsw[key] for key in known):
            return
        for pause in (*_LOCKED_PAUSES, None):
            try:
                collection.modify(configuration={"hnsw": hnsw})
                return
            except Exception as exc:
                if pause is None or "database is locked" not in str(exc):
                    raise
            sleep(pause)


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


def _pack(data: dict) -> str:
    """A report's structure as a metadata value: zlib-compressed JSON in base64 (≈ 40% of the JSON's length)."""
    return base64.b64encode(zlib.compress(json.dumps(data, ensure_ascii=False).encode(), 6)).decode()
