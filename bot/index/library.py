"""The public front: a library of indexed reports you can add to, remove from and search."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock, Timeout

from bot.errors import Busy, NotFound
from bot.index.embed import EmbeddingCache, make_embedder
from bot.index.keyword import KeywordIndex
from bot.index.pipeline import IndexReport, complete_vectors, index_paths
from bot.index.progress import Progress
from bot.index.search import Extras, scoped_search, search
from bot.index.store import COMPLETE, KEYWORD_ONLY, Store
from bot.ingest.duplicates import group
from bot.ingest.figures import Figure
from bot.ingest.places import Gazetteer
from bot.ingest.report import Report, from_json
from bot.ingest.structure import Section
from bot.lru import LRU
from bot.models import Filters, Passage
from bot.settings import Settings
from bot.text import to_simplified


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
        self._reports: LRU[tuple[str, str], Report] = LRU(64)  # (doc, generation) → its structure
        self._aliases: tuple[str, dict[str, str]] | None = None  # (generation, doc → the report it repeats)
        self._prints: dict[tuple[str, str | None], frozenset[int] | None] = {}  # (doc, sha) → its fingerprint

    def _locked(self, timeout: float):
        try:
            return self._lock.acquire(timeout=timeout)
        except Timeout:
            raise IndexBusy(f"another process is indexing {self.settings.data_dir}; try again later") from None

    def index(
        self,
        paths: list[Path],
        show_progress: bool = True,
        wait: float = 600,
        on_searchable: Callable[[str], None] | None = None,
        progress: Progress | None = None,
    ) -> IndexReport:
        """Index files and folders; unchanged reports cost nothing, changed ones only their new chunks.

        Keyword-first: each changed report is searchable by keyword (status `keyword`, `on_searchable(doc)`
        called) before its embedding starts; it is `complete` once its vectors are stored. The embedding runs
        on a thread that yields the CPU to questions (`index_threads`, `index_nice`) while the next files are
        read; `progress` follows it in chunks, with an ETA.
        """
        with self._locked(wait):
            self.store.keyword_index()  # loaded before the first write, so writes update it in place
            return index_paths(
                paths, self.store, self.embedder, self.cache, self.settings, show_progress, on_searchable, progress
            )

    def complete(self, wait: float = 600) -> list[str]:
        """Embed every keyword-only report's waiting chunks (one a crash interrupted); returns those completed."""
        with self._locked(wait):
            docs = [doc for doc, meta in sorted(self.store.document_records().items()) if _status(meta) != COMPLETE]
            return complete_vectors(self.store, self.embedder, self.cache, self.settings, docs)

    def remove(self, doc: str, wait: float = 600) -> int:
        """Remove a report and all its chunks; returns how many chunks went. `NotFound` if unknown."""
        with self._locked(wait):
            if self.store.document_record(doc) is None:
                raise NotFound(f"no report '{doc}' in the index")
            self.store.keyword_index()
            return self.store.remove_document(doc)

    def repair(self, wait: float = 600) -> dict[str, list[str]]:
        """After a crash (`kill -9`, power loss): drop chunks no report owns; mark reports whose chunk count is off;
        embed the chunks of reports left keyword-only. And structures an older version stored slowly, repacked.

        A marked report is indexed again the next time its file is, which deletes its leftover chunks.
        """
        with self._locked(wait):
            self.store.repack_reports()
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
        self.complete(wait)  # a report a crash left keyword-only gets its vectors from its stored chunks
        return {"orphans": orphans, "partial": partial}

    def documents(self) -> list[dict]:
        """Every report's record; a report published twice (near-duplicate text) names the one it repeats."""
        records = self.store.document_records()
        aliases = self.duplicates()
        listed = []
        for doc, meta in sorted(records.items()):
            entry = {"doc": doc, **meta, "status": _status(meta)}
            if doc in aliases:
                entry["duplicate_of"] = aliases[doc]
            repeats = sorted(d for d, original in aliases.items() if original == doc)
            if repeats:
                entry["aliases"] = repeats
            listed.append(entry)
        return listed

    def report(self, doc: str) -> Report | None:
        """A report's structure (sections, figures, dates, places) as stored at indexing time; None if unknown."""
        key = (doc, self.generation())
        found = self._reports.get(key)
        if found is None:
            data = self.store.report_data(doc)
            found = from_json(data) if data else None
            if found is not None:
                self._reports.put(key, found)
        return found

    def sections(self, doc: str, role: str | None = None) -> list[Section]:
        """A report's top-level sections in order, or only those of one role (`structure.ROLES`)."""
        report = self.report(doc)
        if report is None:
            raise NotFound(f"no report '{doc}' in the index")
        return report.by_role(role) if role else list(report.tops)

    def figures(self, docs: list[str] | None = None) -> list[tuple[str, Figure]]:
        """The indicator table: (doc, figure) rows of the given reports (default: all), in report order."""
        rows: list[tuple[str, Figure]] = []
        for doc in docs if docs is not None else sorted(self.store.document_records()):
            report = self.report(doc)
            rows.extend((doc, figure) for figure in (report.figures if report else ()))
        return rows

    def figures_in(self, passage: Passage) -> list[Figure]:
        """The indicator rows whose sentence a passage holds (what a search result states, as figures)."""
        report = self.report(passage.doc)
        if report is None:
            return []
        text = to_simplified(passage.text)
        return [f for f in report.figures if to_simplified(f.sentence) in text]

    def passages(self, doc: str) -> list[Passage]:
        """A report's chunks in reading order (`position`): what the report page anchors and a citation points at.

        Empty for an unknown report. Read from the store each time (a report page is opened, not searched)."""
        found = self.store.get_chunks(sorted(self.store.chunk_ids(doc)))
        passages = [
            Passage(text, doc, meta.get("title", ""), meta.get("heading", ""), 0.0, cid, position=meta.get("position"))
            for cid, (text, meta) in found.items()
        ]
        return sorted(passages, key=lambda p: (p.position is None, p.position or 0))

    def gazetteers(self) -> dict[str, Gazetteer]:
        """Each report's places (issuer, parent city, districts named), for scoping a question by place."""
        found = {}
        for doc in sorted(self.store.document_records()):
            report = self.report(doc)
            if report is not None:
                found[doc] = report.gazetteer
        return found

    def duplicates(self) -> dict[str, str]:
        """doc → the earlier report it repeats (same text published again or scraped twice); recomputed on change."""
        generation = self.generation()
        if self._aliases is None or self._aliases[0] != generation:
            prints = {}
            for doc, meta in sorted(self.store.document_records().items()):
                key = (doc, meta.get("sha"))  # a report's fingerprint is read once per version of its text
                if key not in self._prints:
                    data = self.store.report_data(doc)
                    self._prints[key] = frozenset(data["shingles"]) if data and data.get("shingles") else None
                if self._prints[key] is not None:
                    prints[doc] = self._prints[key]
            self._prints = {key: fp for key, fp in self._prints.items() if key[0] in prints}
            self._aliases = (generation, {d: o for d, o in group(prints).items() if d != o})
        return dict(self._aliases[1])

    def generation(self) -> str:
        """A token that changes whenever any report changes, in any process sharing the store."""
        return self.store.generation()

    def document(self, doc: str) -> dict | None:
        """One report's record, or None."""
        return self.store.document_record(doc)

    def issuers(self) -> list[str]:
        """The issuing bodies of the indexed reports (a question naming one is scoped to it). Read from the records
        alone: a search must not wait for the duplicate grouping a change of reports calls for."""
        return [meta["body"] for _, meta in sorted(self.store.document_records().items()) if meta.get("body")]

    def keyword_index(self) -> KeywordIndex:
        return self.store.keyword_index()

    def search(
        self, questions: list[str], k: int = 5, filters: Filters | None = None, extras: Extras | None = None
    ) -> list[list[Passage]]:
        """Hybrid search, one list of the top-k passages per question; plain unless `extras` are given."""
        found = search(self.store, self.embedder, questions, k, filters, self.settings.retrieval, extras)
        return [self.opened(passages) for passages in found]

    def scoped_search(
        self, question: str, targets: list[Filters], places: list[str], k: int, extras: Extras | None = None
    ) -> list[Passage]:
        """Hybrid search within each target (body/year), interleaved (see `index.search.scoped_search`)."""
        return self.opened(
            scoped_search(self.store, self.embedder, question, targets, places, k, self.settings.retrieval, extras)
        )

    def opened(self, passages: list[Passage]) -> list[Passage]:
        """The passages, each with its paragraph's opening when it starts inside one (`Report.opening`): the year a
        chunk's sentences are of may be said only there."""
        for passage in passages:
            report = self.report(passage.doc)
            passage.opening = report.opening(passage.text) if report else ""
        return passages

    def close(self) -> None:
        self.cache.close()


def _status(record: dict) -> str:
    """`keyword` while its vectors are missing; records written before keyword-first had them all."""
    return KEYWORD_ONLY if record.get("status") == KEYWORD_ONLY else COMPLETE
