"""Files → documents → chunks (searchable by keyword) → vectors in the store, doing only the work that changed.

A report whose bytes, pipeline and settings are unchanged is skipped before it is even cleaned;
a changed report embeds only chunks whose text is new (the rest come from the cache) and loses
only its own stale chunks.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from bot.index.background import BackgroundEmbedding
from bot.index.embed import Embedder, EmbeddingCache
from bot.index.progress import Progress
from bot.index.store import COMPLETE, KEYWORD_ONLY, Store
from bot.ingest.chunk import chunk_document
from bot.ingest.clean import clean_text
from bot.ingest.load import LoadError, find_files, read
from bot.ingest.metadata import read_metadata
from bot.ingest.report import FORMAT as REPORT_FORMAT
from bot.ingest.report import Report, read_report
from bot.models import Chunk, Document
from bot.settings import Settings
from bot.text import TOKENS_VERSION

BAR_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} chunks [{elapsed}{postfix}]"
# 3: headings by ingest.structure, structure stored; 4: a signature is dated; 5: a footer's buttons, site lines,
# related links and the site's name above a page are chrome, an article's date line with a time and its headline's
# city are read, a lost heading opening the plans is plans; 6: simplified text keeps its words where OpenCC's
# phrases would cross them (载明覆盖); 7: traditional text too (說明覆蓋); 8: districts jieba does not tag as places
# (赤坎区) are in the gazetteer; 9: the year before's figure and its change ("较去年的114件增加24件") are of the measure
# before them; 10: 家次 is a unit (firms counted once per visit), no longer read as 家; 11: a figure's year is the one
# its paragraph's clauses before it opened with ("去年全年，…。…4.6万人次"). A change of the search tokens is
# `text.TOKENS_VERSION`, in the fingerprint and in chunk ids.
PIPELINE_VERSION = "11"


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
    recipe = f"{PIPELINE_VERSION}.{REPORT_FORMAT}.{TOKENS_VERSION}|{settings.chunk_tokens}|{settings.chunk_overlap}"
    recipe += f"|{embedder.name}"  # new search tokens (`TOKENS_VERSION`) read a report again, its chunks too
    return hashlib.sha256(f"{raw}|{recipe}".encode()).hexdigest()[:32]


def index_paths(
    paths: list[Path],
    store: Store,
    embedder: Embedder,
    cache: EmbeddingCache,
    settings: Settings,
    show_progress: bool = True,
    on_searchable: Callable[[str], None] | None = None,
    progress: Progress | None = None,
) -> IndexReport:
    """Keyword-first, overlapped: each changed report is stored and searchable by keyword, then embedded by a
    background thread while the next reports are read.

    `on_searchable(doc)` is called once a report can be found by keyword (before its vectors exist).
    A report left keyword-only by a crash has an unchanged fingerprint: it only gets its vectors.
    `progress` (made here if not given) counts the chunks to embed and estimates the time left.
    """
    report, names = IndexReport(), {}
    files = find_files(paths)
    progress = progress or Progress()
    progress.expect_files(len(files))
    before = cache.computed
    with _bar(progress, show_progress), BackgroundEmbedding(embedder, cache, settings, progress) as embedding:
        for path in files:
            doc = _read_and_store(path, names, store, embedder, settings, report)
            waiting = store.pending_chunks(doc) if doc else []
            progress.file_read(len(waiting))
            if doc is not None:
                if on_searchable is not None and doc not in report.unchanged:
                    on_searchable(doc)
                embedding.submit(store, doc, waiting)
            embedding.write_ready(store)
        embedding.finish(store)
    report.embedded = cache.computed - before
    return report


def _read_and_store(
    path: Path, names: dict[str, Path], store: Store, embedder: Embedder, settings: Settings, report: IndexReport
) -> str | None:
    """Read one file and store it keyword-first if it changed; the report id if it needs vectors, else None.

    An unchanged report needs vectors only if a crash left it keyword-only. A file that cannot be read
    is recorded in `report.errors`.
    """
    try:
        if path.name in names:
            raise LoadError(path, f"same file name as {names[path.name]}; report ids are file names")
        names[path.name] = path
        raw = read(path, settings)
        fingerprint = _fingerprint(raw, settings, embedder)
        record = store.document_record(path.name)
        if record and record.get("fingerprint") == fingerprint:
            report.unchanged.append(path.name)
            return path.name if record.get("status", COMPLETE) != COMPLETE else None
        document = make_document(path, raw)
    except LoadError as exc:
        report.errors.append(exc)
        return None
    chunks = chunk_document(document, settings.chunk_tokens, settings.chunk_overlap)
    _store_keyword_first(store, document, read_report(document), fingerprint, chunks, report)
    (report.updated if record is not None else report.added).append(document.doc)
    return document.doc


@contextlib.contextmanager
def _bar(progress: Progress, show: bool) -> Iterator[None]:
    """One bar for the whole run: chunks embedded of those expected, and the time left at the measured pace."""
    if not show:
        yield
        return
    with tqdm(total=0, desc="indexing", unit="chunk", bar_format=BAR_FORMAT) as bar:

        def draw(p: Progress) -> None:
            bar.total, bar.n = max(p.estimated_total(), p.done), p.done
            eta = p.eta()
            bar.set_postfix_str("eta " + ("…" if eta is None else _clock_text(eta)), refresh=False)
            bar.refresh()

        progress.listen(draw)
        yield
        draw(progress)


def _clock_text(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


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
    progress: Progress | None = None,
) -> list[str]:
    """Stage 2 alone: embed each report's pending chunks (the cache spares unchanged text), then mark it complete.

    Reads what to embed from the store, not from the file, so a report left keyword-only by a crash is
    completed by `Library.complete()` at the next start even if its file is gone.
    """
    progress = progress or Progress()
    docs = list(dict.fromkeys(docs))
    progress.expect_files(len(docs))
    with _bar(progress, show_progress), BackgroundEmbedding(embedder, cache, settings, progress) as embedding:
        for doc in docs:
            waiting = store.pending_chunks(doc)
            progress.file_read(len(waiting))
            embedding.submit(store, doc, waiting)
        embedding.finish(store)
    return docs


def _take_back(store: Store, ids: set[str]) -> None:
    """Best effort: a store that is down cannot be cleaned now; `Library.repair` does it at the next start."""
    with contextlib.suppress(Exception):
        store.delete_chunks(ids)
