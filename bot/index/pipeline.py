"""Files → documents → chunks (searchable by keyword) → vectors in the store, doing only the work that changed.

A report whose bytes, pipeline and settings are unchanged is skipped before it is even cleaned;
a changed report embeds only chunks whose text is new (the rest come from the cache) and loses
only its own stale chunks.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from bot.index.embed import Embedder, EmbeddingCache
from bot.index.store import COMPLETE, KEYWORD_ONLY, Store
from bot.ingest.chunk import chunk_document
from bot.ingest.clean import clean_text
from bot.ingest.load import LoadError, find_files, read
from bot.ingest.metadata import read_metadata
from bot.ingest.report import FORMAT as REPORT_FORMAT
from bot.ingest.report import Report, read_report
from bot.models import Chunk, Document
from bot.settings import Settings

PIPELINE_VERSION = "4"  # 3: headings by ingest.structure, structure stored; 4: a signature is dated


@dataclass
class IndexReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    chunks_written: int = 0
    chunks_deleted: int = 0
    embedded: int = 0


def make_document(path: Path, raw: str) -> Document:
    """Clean and describe one file's text; `LoadError` if nothing usable is in it."""
    text = clean_text(raw)
    if not text.strip():
        raise LoadError(path, "nothing left after cleaning (only page chrome?)")
    sha = hashlib.sha256(raw.encode()).hexdigest()
    return Document(doc=path.name, path=str(path), text=text, sha=sha, **read_metadata(text))


def _fingerprint(raw: str, settings: Settings, embedder: Embedder) -> str:
    """Same fingerprint ⇔ same text through the same pipeline: the report can be skipped."""
    recipe = f"{PIPELINE_VERSION}.{REPORT_FORMAT}|{settings.chunk_tokens}|{settings.chunk_overlap}|{embedder.name}"
    return hashlib.sha256(f"{raw}|{recipe}".encode()).hexdigest()[:32]


def index_paths(
    paths: list[Path],
    store: Store,
    embedder: Embedder,
    cache: EmbeddingCache,
    settings: Settings,
    show_progress: bool = True,
    on_searchable: Callable[[str], None] | None = None,
) -> IndexReport:
    """Keyword-first: every changed report is stored and searchable by keyword, then each gets its vectors.

    `on_searchable(doc)` is called once a report can be found by keyword (before its vectors exist).
    A report left keyword-only by a crash has an unchanged fingerprint: it only gets its vectors.
    """
    report = IndexReport()
    pending: list[tuple[Document, Report, str, list[Chunk], bool]] = []
    incomplete: list[str] = []
    names: dict[str, Path] = {}
    for path in tqdm(find_files(paths), desc="reading", unit="file", disable=not show_progress):
        try:
            if path.name in names:
                raise LoadError(path, f"same file name as {names[path.name]}; report ids are file names")
            names[path.name] = path
            raw = read(path, settings)
            fingerprint = _fingerprint(raw, settings, embedder)
            record = store.document_record(path.name)
            if record and record.get("fingerprint") == fingerprint:
                report.unchanged.append(path.name)
                if record.get("status", COMPLETE) != COMPLETE:
                    incomplete.append(path.name)
                continue
            document = make_document(path, raw)
        except LoadError as exc:
            report.errors.append(exc)
            continue
        chunks = chunk_document(document, settings.chunk_tokens, settings.chunk_overlap)
        pending.append((document, read_report(document), fingerprint, chunks, record is not None))

    for document, structure, fingerprint, chunks, known in pending:
        _store_keyword_first(store, document, structure, fingerprint, chunks, report)
        (report.updated if known else report.added).append(document.doc)
        if on_searchable is not None:
            on_searchable(document.doc)
    before = cache.computed
    complete_vectors(store, embedder, cache, settings, [d.doc for d, *_ in pending] + incomplete, show_progress)
    report.embedded = cache.computed - before
    return report


def _store_keyword_first(
    store: Store, document: Document, structure: Report, fingerprint: str, chunks: list[Chunk], report: IndexReport
) -> str:
    """Stage 1: new chunks without vectors, stale ones gone, the structure, then the record (keyword-only)."""
    embedded = store.embedded_ids(document.doc)
    waiting = store.pending_ids(document.doc)
    new = [c for c in chunks if c.id not in embedded]
    try:
        store.add_pending([c for c in new if c.id not in waiting])
    except BaseException:  # the store failed or we were interrupted: take back what was added
        _take_back(store, {c.id for c in new} - waiting)
        raise
    stale = (embedded | waiting) - {c.id for c in chunks}
    store.delete_chunks(stale)
    store.put_report(document.doc, structure.to_json())
    report.chunks_written += len(new)
    report.chunks_deleted += len(stale)
    return store.put_document(document, fingerprint, chunks, status=KEYWORD_ONLY)


def complete_vectors(
    store: Store,
    embedder: Embedder,
    cache: EmbeddingCache,
    settings: Settings,
    docs: list[str],
    show_progress: bool = False,
) -> list[str]:
    """Stage 2: embed each report's pending chunks (the cache spares unchanged text), then mark it complete.

    Reads what to embed from the store, not from the file, so a report left keyword-only by a crash is
    completed by `Library.complete()` at the next start even if its file is gone.
    """
    waiting = {doc: store.pending_chunks(doc) for doc in dict.fromkeys(docs)}
    with tqdm(total=sum(map(len, waiting.values())), desc="embedding", unit="chunk", disable=not show_progress) as bar:
        for doc, chunks in waiting.items():
            vectors = cache.passages(embedder, [c.embed_text() for c in chunks], settings.embed_batch, bar.update)
            store.add_chunks(chunks, vectors)
            store.set_status(doc, COMPLETE)
    return list(waiting)


def _take_back(store: Store, ids: set[str]) -> None:
    """Best effort: a store that is down cannot be cleaned now; `Library.repair` does it at the next start."""
    with contextlib.suppress(Exception):
        store.delete_chunks(ids)
