"""What the API and the web page share: one library, one answerer, one indexing worker, answer slots.

Both front ends go through here so that limits hold across them: a 2-core machine (or a local
model that must not run twice at once) gets at most `max_concurrent_answers` answers at a time,
and every document change is serialised through the one job queue, journaled so it survives a crash.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import BinaryIO

from chromadb.errors import ChromaError

from bot.answer.chain import Answerer, search_scoped
from bot.answer.hittest import hit_test
from bot.answer.intent import MAX_ANSWER_CHARS, MAX_QUESTION_CHARS, MAX_TURNS, make_plan
from bot.answer.quotes import cited_sentences
from bot.errors import BackendUnavailable, BadInput, BadRequest, Busy, FazhiError, NotFound
from bot.index.library import Library
from bot.index.pipeline import IndexReport
from bot.index.progress import Progress
from bot.ingest.chunk import warm_up
from bot.ingest.figures import Figure
from bot.ingest.structure import ROLES, Section
from bot.lru import LRU
from bot.models import Answer, Citation, Filters, Passage
from bot.serve.audit import AuditLog
from bot.serve.conversations import ConversationLog, Rating
from bot.serve.errors import known
from bot.serve.jobs import (
    FAILED,
    FINISHED_FILES,
    INDEXED,
    INSTALLED,
    REMOVED,
    REMOVING,
    SEARCHABLE,
    STAGED,
    Job,
    JobFile,
    JobQueue,
)
from bot.serve.reports import ReportView, cited_position, locate, report_url, valid_doc
from bot.serve.security import RateLimiter
from bot.serve.uploads import BadName, Uploads, safe_name
from bot.settings import Settings

MAX_FILES = 20
PRIVATE_FIELDS = {"path", "fingerprint", "kw"}  # kw: the keyword stamp (store-internal)
log = logging.getLogger(__name__)


def public_reason(exc: BaseException) -> str:
    """What a client may read about a failure: the tree's `public` text; for anything else (a disk error, a
    bug) a plain sentence pointing to the log, where the caller has written the detail.
    """
    exc = known(exc)
    if isinstance(exc, FazhiError):
        return exc.public
    if isinstance(exc, OSError):
        cause = exc.strerror or exc.__class__.__name__
        return f"a file could not be written or read on the server ({cause}); see the server log"
    return f"unexpected error ({exc.__class__.__name__}); see the server log"


def stream_error(exc: Exception) -> dict:
    """The in-band error once a stream has started: what was streamed is incomplete; no internals leak."""
    exc = known(exc)
    if isinstance(exc, FazhiError):
        log.warning("answer stream failed: %s", exc)
        error = {"code": exc.code, "message": exc.public}
    else:
        log.exception("answer stream failed")
        error = {"code": "internal_error", "message": "internal error while answering; see the server log"}
    return {"error": error, "incomplete": True}


def answer_json(answer: Answer, answer_id: str | None = None) -> dict:
    """`Answer.to_json()`, each citation with the passage sentences the answer rests on (`highlights`), and the
    answer's id in the conversation log (`answer_id`, what feedback names)."""
    data = answer.to_json()
    if answer_id:
        data["answer_id"] = answer_id
    for citation in data["citations"]:
        citation["highlights"] = cited_sentences(answer.answer, citation["n"], citation["text"])
    return data


class RememberedAnswers:
    """Finished answers by request and index generation: a question asked again is answered from memory.

    Staff ask the same questions over and over; the same reports give the same answer, so it is made once
    per index generation (any change to the reports, in any process, moves the generation). Answers that
    failed, were cut off or fell back to another backend are not kept.
    """

    def __init__(self, size: int):
        self.size = size
        self._answers: LRU[tuple, Answer] = LRU(size)

    def get(self, key: tuple) -> Answer | None:
        return self._answers.get(key)

    def keep(self, key: tuple, events: Iterator[str | Answer]) -> Iterator[str | Answer]:
        """Pass the events through, keeping the final answer if it is whole."""
        for event in events:
            if isinstance(event, Answer) and not (event.error or event.incomplete):
                self._answers.put(key, replace(event, cached=True))
            yield event


class AnswerStream:
    """One answer as it comes — text pieces, then the final `Answer` — whether made now or remembered.

    The API and the web page consume answers only through this, the same way: iterate it, and close it
    (or use `with`) however the consumer ends. Closing a fresh answer gives its answer slot back at once
    (a page closed or a client gone mid-answer); closing a remembered one costs nothing.
    """

    def __init__(self, events: Iterator[str | Answer], answer_id: str | None = None):
        self._events = events
        self.answer_id = answer_id or uuid.uuid4().hex  # this answer's id in the conversation log

    def __iter__(self) -> AnswerStream:
        return self

    def __next__(self) -> str | Answer:
        return next(self._events)

    def final(self) -> Answer:
        """The finished answer (the pieces before it are skipped); the stream is closed afterwards."""
        with self:
            *_, answer = self
        assert isinstance(answer, Answer)
        return answer

    def close(self) -> None:
        close = getattr(self._events, "close", None)  # a generator (fresh) has one; a list iterator does not
        if close is not None:
            close()

    def __enter__(self) -> AnswerStream:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class Service:
    def __init__(
        self,
        library: Library,
        llm: str | None = None,
        settings: Settings | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        """`clock` times the index jobs' progress (their `eta_s`); tests pass a fake one."""
        self.library = library
        self._clock = clock
        self.settings: Settings = settings or library.settings
        self.answerer = Answerer(library, llm, self.settings)
        self.remembered = RememberedAnswers(self.settings.answer_cache)
        self.uploads = Uploads(self.settings.uploads_dir)
        self.audit = AuditLog(self.settings.data_dir / "audit.jsonl")
        self.jobs = JobQueue(self.settings.data_dir / "jobs.sqlite", on_finish=self._finished)
        self._issuers: tuple[object, list[str]] = (None, [])  # (index generation, issuers): the log's planner's
        self._plans: LRU[tuple, dict] = LRU(4096)  # the log's plans of questions asked before
        self.conversations = ConversationLog(
            self.settings.conversations_path,
            self.settings.conversation_days,
            self.settings.conversation_log,
            planner=self._plan,
        )
        slots = 1 if (llm or self.settings.llm) == "local" else max(1, self.settings.max_concurrent_answers)
        self._slots = threading.BoundedSemaphore(slots)
        self.page_questions = RateLimiter(self.settings.rate_limit)  # the page's, per asker (the API's: access.py)
        self._waiting = 0  # requests waiting for a slot now; at most `answer_queue`
        self._waiting_lock = threading.Lock()
        threading.Thread(
            target=warm_up, args=(self.settings.chunk_tokens, self.settings.chunk_overlap), name="warm-up", daemon=True
        ).start()

    # -- answers --------------------------------------------------------------------------------
    def stream(
        self,
        question: str,
        history: list[dict] | None = None,
        filters: Filters | None = None,
        k: int | None = None,
        channel: str = "page",
        key_id: str | None = None,
    ) -> AnswerStream:
        """Like `Answerer.stream`, but started already: waiting for a slot and retrieval failures raise here.

        The final answer is put on the conversation log's queue under the stream's `answer_id`, with the
        `channel` it was asked through (page, embed, api, openai) and the asking key's id.
        """
        check_lengths(question, history)
        answer_id = uuid.uuid4().hex
        key = self._key(question, history, filters, k)
        if key and (known := self.remembered.get(key)):
            return AnswerStream(self._logged(iter([known.answer, known]), answer_id, channel, key_id), answer_id)
        if not self._take_slot():
            raise Busy("all answer slots are busy; try again shortly", retry_after=5)
        events = self._linked(self.answerer.stream(question, history, filters, k))
        events = self._released(self.remembered.keep(key, events) if key else events)
        try:
            first = next(events)
        except ChromaError as exc:
            raise known(exc) from exc
        return AnswerStream(self._logged(_prepend(first, events), answer_id, channel, key_id), answer_id)

    def _logged(
        self, events: Iterator[str | Answer], answer_id: str, channel: str, key_id: str | None
    ) -> Iterator[str | Answer]:
        """The events passed through; the final answer is queued for the conversation log (never waited on).
        Closing this closes `events` at once (it may hold an answer slot)."""
        try:
            for event in events:
                if isinstance(event, Answer):
                    self.conversations.record(event, answer_id, channel, key_id)
                yield event
        finally:
            close = getattr(events, "close", None)
            if close is not None:
                close()

    def _plan(self, question: str) -> dict:
        """What the log keeps of a question's plan: its kind and the places and years it names."""
        generation = self.library.generation()
        if self._issuers[0] != generation:  # the issuers change only with the reports
            self._issuers = (generation, self.library.issuers())
        if (known := self._plans.get((question, generation))) is not None:  # staff ask the same questions again
            return known
        plan = make_plan(question, self._issuers[1])
        scope = plan.scope
        logged = {"kind": plan.kind, "issuers": scope.issuers, "places": scope.places, "years": scope.years}
        self._plans.put((question, generation), logged)
        return logged

    def feedback(
        self,
        answer_id: str,
        rating: Rating,
        comment: str | None = None,
        correct_answer: str | None = None,
        report: str | None = None,
        key_id: str | None = None,
    ) -> None:
        """A 👍/👎 on a logged answer (the page's buttons and POST /feedback); `NotFound` for an unknown answer."""
        self.conversations.feedback(answer_id, rating, comment, correct_answer, report, key_id)

    def ask(
        self, question: str, history: list[dict] | None = None, filters: Filters | None = None, k: int | None = None
    ) -> Answer:
        return self.stream(question, history, filters, k).final()

    def _key(self, question: str, history: list[dict] | None, filters: Filters | None, k: int | None) -> tuple | None:
        if self.remembered.size <= 0:
            return None
        try:
            generation = self.library.generation()
        except ChromaError as exc:
            raise known(exc) from exc
        turns = json.dumps(history or [], ensure_ascii=False, sort_keys=True)
        return (question.strip(), turns, filters or Filters(), k or self.settings.answer_k, generation)

    def _take_slot(self) -> bool:
        """An answer slot within `answer_wait` seconds; False at once when `answer_queue` requests already wait.

        Each waiting request holds a server thread: unbounded, a crowd of them starves every other route
        (health took 29 s while 42 questions waited). Beyond the queue a request is told `busy` at once.
        """
        with self._waiting_lock:
            if self._waiting >= self.settings.answer_queue:
                return False
            self._waiting += 1
        try:
            return self._slots.acquire(timeout=self.settings.answer_wait)
        finally:
            with self._waiting_lock:
                self._waiting -= 1

    def _linked(self, events: Iterator[str | Answer]) -> Iterator[str | Answer]:
        """The final answer's citations with the link to their passage in the report page (kept when remembered)."""
        for event in events:
            yield replace(event, citations=self.linked(event.citations)) if isinstance(event, Answer) else event

    def linked(self, citations: list[Citation]) -> list[Citation]:
        """Citations with `report_url`: the report page at the passage each quotes (the report alone if not found)."""
        passages: dict[str, list[Passage]] = {}
        out = []
        for citation in citations:
            if citation.doc not in passages:
                passages[citation.doc] = self.library.passages(citation.doc)
            position = cited_position(citation, passages[citation.doc])
            out.append(replace(citation, report_url=report_url(citation.doc, position)))
        return out

    def report_view(self, doc: str) -> ReportView:
        """The report page's content; `NotFound` for an id that is no indexed report (nothing else is looked up)."""
        record = self.library.document(doc) if valid_doc(doc) else None
        report = self.library.report(doc) if record else None
        if record is None or report is None:
            raise NotFound(f"no report '{doc}' in the index")
        return ReportView(
            doc=doc,
            title=record.get("title") or report.title or doc,
            body=record.get("body"),
            year=report.covered_year or record.get("year"),
            date=report.published or record.get("date"),
            source=record.get("source"),
            text=report.text,
            spans=locate(report.text, self.library.passages(doc)),
        )

    def _released(self, events: Iterator[str | Answer]) -> Iterator[str | Answer]:
        try:
            yield from events
        finally:
            self._slots.release()

    def backends(self) -> dict[str, str]:
        """The names of the answer backend and the embedder (for /health)."""
        return {"llm": self.answerer.backend.name, "embedder": self.library.embedder.name}

    def search(self, question: str, k: int, filters: Filters | None = None, scoped: bool = True) -> list[dict]:
        """Hybrid search: the top-k passages for one question, each with the figures it states; within the
        places and years the question names unless `scoped` is off (then plain, filtered by `filters` only)."""
        question = question.strip()
        if scoped:
            passages = search_scoped(self.library, question, k, filters)
        else:
            passages = self.library.search([question], k, filters)[0]
        return [{**p.to_json(), "figures": [figure_json(f) for f in self.library.figures_in(p)]} for p in passages]

    def hit_test(self, question: str, filters: Filters | None = None) -> dict:
        """Hit-testing for the admin view: what the chain reads for a question, and why it answers or refuses."""
        try:
            return hit_test(self.library, question, filters)
        except ChromaError as exc:
            raise known(exc) from exc

    def document(self, doc: str) -> dict:
        """One report: its record, dates, places, sections by role (with items) and its indicator table."""
        record = next((d for d in self.documents() if d["doc"] == doc), None)
        report = self.library.report(doc) if record else None
        if record is None or report is None:
            raise NotFound(f"no report '{doc}' in the index")
        return {
            **record,
            "covered_year": report.covered_year,
            "published": report.published,
            "places": asdict(report.gazetteer),
            "sections": [section_json(s) for s in report.tops],
            "figures": [figure_json(f) for f in report.figures],
        }

    def jobs_pending(self) -> int:
        return self.jobs.pending()

    def job(self, job_id: str) -> Job:
        """A document job by id (`NotFound` if there is none)."""
        found = self.jobs.get(job_id)
        if found is None:
            raise NotFound(f"no job '{job_id}'")
        return found

    def remove_and_wait(self, doc: str, who: str | None, seconds: float) -> Job:
        """Remove a report (see `remove`), waiting up to `seconds` for the job behind any earlier ones."""
        return self.jobs.wait(self.remove(doc, who).id, seconds)

    def question_allowed(self, asker: str) -> int | None:
        """None if `asker` (an address or key) may ask now; else the seconds to wait (the page's own limit)."""
        return self.page_questions.hit(asker)

    def denied(self, record: dict) -> None:
        """An admin route refused for want of an admin key (reported by the access middleware): audited."""
        self.audit.record("admin_key_refused", **record)

    # -- documents ------------------------------------------------------------------------------
    def documents(self) -> list[dict]:
        """Indexed reports, without server-side details (file paths, pipeline fingerprints)."""
        return [{k: v for k, v in d.items() if k not in PRIVATE_FIELDS} for d in self.library.documents()]

    def upload(self, files: list[tuple[str, BinaryIO | Path]], who: str | None = None) -> Job:
        """Stage files (400 bad name or type, 413 too large), journal the job, index them in the background.

        Once this returns (the API's 202) the files and their job survive a crash and are finished at the
        next start. `who` is the key id (`audit.key_id`) written to the audit log.
        """
        if not files:
            raise BadRequest("no files in the upload", code="no_files")
        if len(files) > MAX_FILES:
            raise BadRequest(f"at most {MAX_FILES} files per upload", code="too_many_files")
        batch = uuid.uuid4().hex[:12]
        names = self._stage(batch, files)

        def accepted(job: Job) -> None:
            self.audit.record("upload_accepted", job=job.id, files=names, key_id=who)

        try:
            return self.jobs.submit("index", self._index_work(batch), names, batch=batch, announce=accepted)
        except (sqlite3.Error, OSError) as exc:
            self.uploads.discard(batch)
            log.exception("could not journal an upload of %s", names)
            raise BackendUnavailable("the upload could not be recorded on the server; see the server log") from exc

    def _stage(self, batch: str, files: list[tuple[str, BinaryIO | Path]]) -> list[str]:
        """Each file under its safe name in the batch's staging folder; nothing is left behind on an error."""
        names: list[str] = []
        try:
            for raw, source in files:
                name = safe_name(raw)
                if name in names:
                    raise BadName(f"'{name}' appears twice in the upload")
                self.uploads.stage(batch, name, source, self.settings.max_upload_bytes)
                names.append(name)
        except BadName:
            self.uploads.discard(batch)
            raise
        except OSError as exc:
            self.uploads.discard(batch)
            log.exception("could not stage an upload")
            message = "the upload could not be stored on the server (disk full or not writable?); see the server log"
            raise BackendUnavailable(message) from exc
        return names

    def _index_work(self, batch: str) -> Callable[[Job], None]:
        return lambda job: self._index(job, batch)

    def _index(self, job: Job, batch: str) -> None:
        """Install and index each file not finished yet, then drop the batch's staging folder.

        The same for a new job and for one resumed after a crash: each file goes on from its journaled
        state, and a file journaled `failed` is rolled back again (the crash may have come first).
        """
        totals = _totals(job.result)
        files = self.jobs.journal.files(job.id)
        waiting = sum(1 for file in files if file.state not in FINISHED_FILES)
        progress = Progress(self._clock, lambda p: self._progressed(job, p), files=waiting)
        for file in files:
            if file.state == FAILED:
                self.uploads.roll_back(batch, file.name, file.kept_previous)
            elif file.state not in FINISHED_FILES:
                self._index_file(job, batch, file, totals, progress)
        job.eta_s = 0.0
        self.uploads.discard(batch)

    def _progressed(self, job: Job, progress: Progress) -> None:
        """The job's time left, from its chunks embedded so far (seconds, one decimal; None until measured)."""
        eta = progress.eta()
        job.eta_s = None if eta is None else round(eta, 1)

    def _index_file(self, job: Job, batch: str, file: JobFile, totals: dict, progress: Progress) -> None:
        """Install one file and index it; if that fails, journal why, then put the previous version back.

        A report is searchable by keyword before its vectors are stored (journaled `searchable`); if they then
        fail, the upload fails as a whole: the previous version (or none) is put back in the folder and the
        index, so a failed upload changes nothing. A crash in between leaves it `searchable`, and its vectors
        are computed at the next start (`Library.repair`).
        """
        kept, report, searchable = file.kept_previous, IndexReport(), file.state == SEARCHABLE

        def stored(doc: str) -> None:
            nonlocal searchable
            searchable = True
            self.jobs.record(job, file.name, SEARCHABLE)

        try:
            if file.state == STAGED:
                kept = self.uploads.install(batch, file.name)
                self.jobs.record(job, file.name, INSTALLED, kept_previous=kept)
            path = self.uploads.folder / file.name
            report = self.library.index([path], show_progress=False, on_searchable=stored, progress=progress)
        except Exception as exc:  # the store, the embedder or the disk failed on this file: report it, go on
            job.errors.append({"file": file.name, "reason": self._failure(exc, f"indexing {file.name}")})
            searchable = False  # rolled back below, with the keyword-only report
        job.errors.extend({"file": file.name, "reason": e.reason} for e in report.errors)
        if file.state == SEARCHABLE and file.name in report.unchanged:  # stored before a crash: this job's work
            report.unchanged.remove(file.name)
            (report.updated if kept else report.added).append(file.name)
        for key in ("added", "updated", "unchanged"):
            totals[key] = totals[key] + getattr(report, key)
        for key in ("chunks_written", "chunks_deleted", "embedded"):
            totals[key] += getattr(report, key)
        job.done += 1
        job.result = dict(totals)
        if searchable and not report.errors:
            self.jobs.record(job, file.name, INDEXED if report.added or report.updated else SEARCHABLE)
        elif (
            report.errors
            or job.errors
            and job.errors[-1]["file"] == file.name
            or not (report.added or report.updated or report.unchanged)
        ):
            self.jobs.record(job, file.name, FAILED)  # journaled first: a crash cannot skip the roll back
            self.uploads.roll_back(batch, file.name, kept)
            self._unindex_failed(file.name)
        else:
            self.jobs.record(job, file.name, INDEXED)

    def _unindex_failed(self, name: str) -> None:
        """After a failed upload's file was rolled back: the index follows the folder again (the previous
        version, from the vectors cached when it was indexed; or no report of that name)."""
        try:
            if (self.uploads.folder / name).exists():
                self.library.index([self.uploads.folder / name], show_progress=False)
            elif self.library.document(name) is not None:
                self.library.remove(name)
        except Exception as exc:  # what is left is completed at the next start (Library.repair)
            self._failure(exc, f"restoring the index after {name} failed")

    def remove(self, doc: str, who: str | None = None) -> Job:
        """Remove a report in the background (404 if unknown); its uploaded file goes too. Journaled like uploads."""
        if self.library.document(doc) is None:
            raise NotFound(f"no document '{doc}'")

        def requested(job: Job) -> None:
            self.audit.record("removal_requested", job=job.id, doc=doc, key_id=who)

        return self.jobs.submit("remove", self._remove_work(doc), [doc], state=REMOVING, announce=requested)

    def _remove_work(self, doc: str, resumed: bool = False) -> Callable[[Job], None]:
        return lambda job: self._remove(job, doc, resumed)

    def _remove(self, job: Job, doc: str, resumed: bool) -> None:
        """Take the report out of the index, then its file; a store failure leaves both as they were."""
        failed = False
        if self.jobs.journal.files(job.id)[0].state == REMOVING:
            try:
                job.result = {"doc": doc, "chunks_removed": self.library.remove(doc)}
            except NotFound:  # resumed: the run that crashed had removed it; else a second removal found it gone
                job.result = {"doc": doc, "chunks_removed": 0}
                if not resumed:
                    job.errors.append({"file": doc, "reason": "no such document (already removed?)"})
            except Exception as exc:
                job.errors.append({"file": doc, "reason": self._failure(exc, f"removing {doc}")})
                failed = True
        if not failed:
            self.uploads.delete(doc)
        job.done = 1
        self.jobs.record(job, doc, FAILED if job.errors else REMOVED)

    def _failure(self, exc: Exception, what: str) -> str:
        """Log a failure with its traceback; return the reason a client may read (no server path)."""
        log.warning("%s failed", what, exc_info=exc)
        return public_reason(exc)

    def _finished(self, job: Job) -> None:
        """The audit record of a job's end (`JobQueue` calls this for every job, resumed ones too)."""
        if job.kind == "remove":
            doc = job.files[0] if job.files else None
            self.audit.record("removal_finished", job=job.id, doc=doc, status=job.status, errors=job.errors)
            return
        added, updated = job.result.get("added", []), job.result.get("updated", [])
        unchanged = job.result.get("unchanged", [])
        fields = {"added": added, "updated": updated, "unchanged": unchanged, "errors": job.errors}
        self.audit.record("job_finished", job=job.id, status=job.status, **fields)

    def index_bundled(self) -> IndexReport:
        """At start, before serving: repair, finish the jobs a crash left, clear stale staging, then index
        the seeds (unless removed or replaced) and every upload.

        Unfinished jobs are resumed, in the order they were accepted, before the start-up pass, and waited
        for. Each goes on from its files' journaled states with its own bookkeeping: a file it had already
        moved into uploads/ is indexed and counted by its job, and a failed replacement is put back before
        the pass could index the new file. `repair` comes first so that jobs and pass start from an index
        where every chunk has its report; the pass then finds every upload in its final place, and what the
        jobs indexed costs nothing again. Only then is staging cleared, of what no unfinished job needs.
        """
        repaired = self.library.repair()
        if repaired["orphans"] or repaired["partial"]:
            log.warning("repaired the index after an interrupted run: %s", repaired)
        self._resume_jobs()
        self.uploads.clear_staging(keep=self.jobs.journal.pending_batches())
        return self.library.index(self.uploads.startup_paths(self.settings.seeds_dir))

    def _resume_jobs(self) -> None:
        """Give the jobs a previous run left unfinished their work back, in their order; wait for them."""
        resumed = self.jobs.resumable()
        for job in resumed:
            log.warning("resuming %s job %s (%s) left unfinished by the previous run", job.kind, job.id, job.files)
            self.audit.record("job_resumed", job=job.id, kind=job.kind, files=job.files)
            if job.kind == "remove":
                self.jobs.resume(job, self._remove_work(job.files[0], resumed=True))
            else:
                self.jobs.resume(job, self._index_work(self.jobs.journal.batch(job.id) or ""))
        for job in resumed:
            while not self.jobs.wait(job.id, 60).over:
                log.info("waiting for resumed job %s", job.id)

    def close(self) -> None:
        self.conversations.close()
        self.jobs.close()


def check_lengths(question: str, history: list[dict] | None) -> None:
    """422 for an empty or over-long question, an over-long earlier turn, or too many of them.

    Every door (API, OpenAI route, page) comes through here, and a follow-up is rewritten from earlier user
    turns, so those are held to the question's own limit: a short "那成都呢？" cannot smuggle in 15,000
    characters to embed while it holds an answer slot.
    """
    if not question.strip():
        raise BadInput("question is empty")
    if len(question) > MAX_QUESTION_CHARS:
        raise BadInput(f"question is longer than {MAX_QUESTION_CHARS} characters")
    turns = history or []
    if len(turns) > MAX_TURNS:
        raise BadInput(f"history holds more than {MAX_TURNS} turns")
    for n, turn in enumerate(turns):
        limit = MAX_QUESTION_CHARS if turn.get("role") == "user" else MAX_ANSWER_CHARS
        if len(turn.get("content") or "") > limit:
            raise BadInput(f"history[{n}] is longer than {limit} characters")


def _totals(result: dict) -> dict:
    """A job's running totals, starting from what it had counted before a crash (if it had)."""
    empty = {"added": [], "updated": [], "unchanged": [], "chunks_written": 0, "chunks_deleted": 0, "embedded": 0}
    return {**empty, **result}


def _prepend(first: str | Answer, rest: Iterator[str | Answer]) -> Iterator[str | Answer]:
    yield first
    yield from rest


def section_json(section: Section) -> dict:
    """A section as the API shows it: its role by key and Chinese name, heading path, text and numbered items."""
    return {**asdict(section), "role_name": ROLES[section.role]}


def figure_json(figure: Figure) -> dict:
    """An indicator row as the API shows it (`place` is the issuing body, as `body` is elsewhere)."""
    return asdict(figure)
