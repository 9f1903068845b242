"""Document changes as background jobs, run one at a time by a single worker thread, and journaled on disk.

A Library is not safe for concurrent index writes, while the server must keep answering during a
long upload; so every change (index, remove) is queued here and the request gets a job id to poll.

Every job, and the state of each of its files, is written to a SQLite journal (`$BOT_DATA_DIR/jobs.sqlite`)
before the request is answered and at every step after it. So an accepted upload survives `kill -9`: after a
restart its job id still answers, and the service resumes the job from the state its files were left in
(`Service.index_bundled`). One server process per data directory.
"""

from __future__ import annotations

import json
import logging
import queue
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

KEEP_FINISHED = 200
FINISHED_JOBS = ("done", "failed")

# Where each file of a job stands. An upload's file goes STAGED → INSTALLED → INDEXED, or to FAILED from any
# of them; a removal's report goes REMOVING → REMOVED or FAILED. A resumed job runs every step after the one
# recorded, so a new stage (say, keyword index first and vectors after) is one more value placed between
# INSTALLED and INDEXED plus its step in the service: the table and the values already stored keep their
# meaning, no migration needed.
STAGED = "staged"  # waiting in uploads/.staging/<batch>/
INSTALLED = "installed"  # moved into uploads/; the version it replaced set aside in .staging/<batch>/.previous/
SEARCHABLE = "searchable"  # in the index, found by keyword; its vectors still being computed
INDEXED = "indexed"  # in the index (finished)
FAILED = "failed"  # not indexed or not removed; an upload's previous version is put back (finished)
REMOVING = "removing"  # a removal's report, still in the index
REMOVED = "removed"  # gone from the index and from uploads/ (finished)
FINISHED_FILES = frozenset({INDEXED, FAILED, REMOVED})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,     -- submission order: the order jobs run and are resumed in
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,                        -- index | remove
    batch TEXT,                                -- an upload's staging folder: uploads/.staging/<batch>/
    status TEXT NOT NULL,                      -- queued | running | done | failed
    done INTEGER NOT NULL,
    total INTEGER NOT NULL,
    result TEXT NOT NULL,                      -- JSON, as the API shows it
    errors TEXT NOT NULL,                      -- JSON, as the API shows it
    created REAL NOT NULL,
    finished REAL
);
CREATE TABLE IF NOT EXISTS job_files (
    job TEXT NOT NULL,
    position INTEGER NOT NULL,                 -- order within the job
    name TEXT NOT NULL,                        -- the report id: its file name
    state TEXT NOT NULL,                       -- one of the file states above
    kept_previous INTEGER NOT NULL DEFAULT 0,  -- installing it set a previous version aside
    PRIMARY KEY (job, position)
);
"""
_FINISHED = "status IN ('done', 'failed')"
log = logging.getLogger(__name__)


@dataclass
class Job:
    id: str
    kind: str
    files: list[str] = field(default_factory=list)
    status: str = "queued"  # queued → running → done | failed
    done: int = 0
    total: int = 0
    result: dict = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)
    created: float = field(default_factory=time.time)
    finished: float | None = None
    eta_s: float | None = None  # seconds left (an index job's chunks, at the measured pace); not journaled

    def to_json(self) -> dict:
        return asdict(self)

    @property
    def over(self) -> bool:
        return self.status in FINISHED_JOBS


@dataclass
class JobFile:
    name: str
    state: str
    kept_previous: bool = False


class Journal:
    """Jobs and their files in SQLite (WAL), one transaction per change, usable from any thread.

    One connection behind a lock: a job writes a few small rows per file, far below what would need more.
    `synchronous=NORMAL` with WAL survives a crash of the process (`kill -9`); a power cut may lose the last
    changes, and the job then runs again from an earlier state, which every step is written to stand.
    `path=None` keeps the journal in memory (tests, one-off services).
    """

    def __init__(self, path: Path | None = None):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path or ":memory:"), check_same_thread=False, timeout=30)
        self._lock = threading.Lock()
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._db:  # commits on success, rolls back on error
            yield self._db

    def add(self, job: Job, batch: str | None, state: str) -> None:
        """A new job, its files all in `state`."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO jobs (id, kind, batch, status, done, total, result, errors, created, finished)"
                " VALUES (:id, :kind, :batch, :status, :done, :total, :result, :errors, :created, :finished)",
                {**_progress(job), "kind": job.kind, "batch": batch, "created": job.created},
            )
            rows = [(job.id, position, name, state) for position, name in enumerate(job.files)]
            db.executemany("INSERT INTO job_files (job, position, name, state) VALUES (?, ?, ?, ?)", rows)

    def save(self, job: Job) -> None:
        """The job's status and progress."""
        with self._transaction() as db:
            _update(db, job)

    def set_file(self, job: Job, name: str, state: str, kept_previous: bool | None = None) -> None:
        """One file's new state together with the job's progress: after a crash both hold, or neither."""
        with self._transaction() as db:
            db.execute(
                "UPDATE job_files SET state = ?, kept_previous = coalesce(?, kept_previous) WHERE job = ? AND name = ?",
                (state, kept_previous, job.id, name),
            )
            _update(db, job)

    def files(self, job_id: str) -> list[JobFile]:
        with self._lock:
            rows = self._db.execute(
                "SELECT name, state, kept_previous FROM job_files WHERE job = ? ORDER BY position", (job_id,)
            ).fetchall()
        return [JobFile(name, state, bool(kept)) for name, state, kept in rows]

    def batch(self, job_id: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT batch FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return row[0] if row else None

    def pending_batches(self) -> set[str]:
        """Staging folders that unfinished jobs still need."""
        with self._lock:
            rows = self._db.execute(f"SELECT batch FROM jobs WHERE NOT {_FINISHED} AND batch IS NOT NULL").fetchall()
        return {batch for (batch,) in rows}

    def load(self, keep_finished: int) -> list[Job]:
        """Every unfinished job and the `keep_finished` latest finished ones, in submission order."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, kind, status, done, total, result, errors, created, finished FROM jobs"
                f" WHERE NOT {_FINISHED} OR seq IN (SELECT seq FROM jobs WHERE {_FINISHED} ORDER BY seq DESC LIMIT ?)"
                " ORDER BY seq",
                (keep_finished,),
            ).fetchall()
            names: dict[str, list[str]] = {}
            for job_id, name in self._db.execute("SELECT job, name FROM job_files ORDER BY job, position"):
                names.setdefault(job_id, []).append(name)
        jobs = []
        for job_id, kind, status, done, total, result, errors, created, finished in rows:
            status = status if status in FINISHED_JOBS else "queued"  # it runs again once resumed
            files = names.get(job_id, [])
            jobs.append(Job(job_id, kind, files, status, done, total, json.loads(result), json.loads(errors), created))
            jobs[-1].finished = finished
        return jobs

    def forget(self, keep_finished: int) -> None:
        """Drop all but the `keep_finished` latest finished jobs (as the queue does in memory)."""
        old = f"SELECT id FROM jobs WHERE {_FINISHED} ORDER BY seq DESC LIMIT -1 OFFSET ?"
        with self._transaction() as db:
            db.execute(f"DELETE FROM job_files WHERE job IN ({old})", (keep_finished,))
            db.execute(f"DELETE FROM jobs WHERE id IN ({old})", (keep_finished,))

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _progress(job: Job) -> dict:
    return {
        "id": job.id,
        "status": job.status,
        "done": job.done,
        "total": job.total,
        "result": json.dumps(job.result, ensure_ascii=False),
        "errors": json.dumps(job.errors, ensure_ascii=False),
        "finished": job.finished,
    }


def _update(db: sqlite3.Connection, job: Job) -> None:
    db.execute(
        "UPDATE jobs SET status = :status, done = :done, total = :total, result = :result, errors = :errors,"
        " finished = :finished WHERE id = :id",
        _progress(job),
    )


class JobQueue:
    """FIFO of jobs; `work(job)` functions run on one daemon thread and may update `job` as they go.

    Jobs are journaled (`Journal`, at `journal`; in memory without one). A queue opened on the journal of a
    run that crashed knows all its jobs again: finished ones answer as before, unfinished ones wait (`queued`)
    until their owner gives them back their work with `resume`. `on_finish(job)` is called once a job ends,
    before anyone can see it over or waiting for it is woken (the service writes the audit log there).
    """

    def __init__(self, journal: Path | None = None, on_finish: Callable[[Job], None] | None = None) -> None:
        self.journal = Journal(journal)
        self._on_finish = on_finish
        loaded = self.journal.load(KEEP_FINISHED)
        self._jobs: dict[str, Job] = {job.id: job for job in loaded}
        self._unresumed = [job.id for job in loaded if not job.over]
        self._work: dict[str, Callable[[Job], None]] = {}
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="index-worker", daemon=True)
        self._thread.start()

    def submit(
        self,
        kind: str,
        work: Callable[[Job], None],
        files: list[str] | None = None,
        *,
        batch: str | None = None,
        state: str = STAGED,
        announce: Callable[[Job], None] | None = None,
    ) -> Job:
        """Journal a job (its files in `state`), then queue it. `announce(job)` runs after the journal has it
        and before it can start, so a record of the request always comes before the record of its end."""
        job = Job(id=uuid.uuid4().hex[:16], kind=kind, files=list(files or []), total=len(files or []) or 1)
        self.journal.add(job, batch, state)
        with self._changed:
            self._jobs[job.id] = job
            self._work[job.id] = work
            self._forget_old()
        if announce is not None:
            announce(job)
        self._queue.put(job.id)
        return job

    def resumable(self) -> list[Job]:
        """Jobs a previous run accepted and did not finish, in submission order, until they are resumed."""
        with self._changed:
            return [self._jobs[job_id] for job_id in self._unresumed]

    def resume(self, job: Job, work: Callable[[Job], None]) -> None:
        """Queue a job of a previous run again, with its work; it goes on from what its journal says."""
        with self._changed:
            self._unresumed.remove(job.id)
            self._work[job.id] = work
        self._queue.put(job.id)

    def record(self, job: Job, name: str, state: str, kept_previous: bool | None = None) -> None:
        """A file of `job` reached `state`: journal it with the job's progress, and wake waiters."""
        self.journal.set_file(job, name, state, kept_previous)
        self.notify()

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def list(self) -> list[Job]:
        with self._changed:  # an RLock: submit() calls this while holding it
            return sorted(self._jobs.values(), key=lambda j: j.created, reverse=True)

    def pending(self) -> int:
        return sum(1 for job in self.list() if not job.over)

    def wait(self, job_id: str, timeout: float) -> Job:
        """The job once it is over, or as it stands after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._changed:
            job = self._jobs[job_id]
            while not job.over and (left := deadline - time.monotonic()) > 0:
                self._changed.wait(left)
        return job

    def notify(self) -> None:
        """Wake waiters after a job reported progress."""
        with self._changed:
            self._changed.notify_all()

    def close(self, timeout: float = 5.0) -> None:
        """Stop after the queued jobs (or after `timeout`: the rest are resumed at the next start)."""
        self._queue.put(None)
        self._thread.join(timeout)
        if not self._thread.is_alive():
            self.journal.close()

    def _run(self) -> None:
        while (job_id := self._queue.get()) is not None:
            job = self._jobs[job_id]
            work = self._work.pop(job_id)
            job.status = "running"
            self._save(job)
            self.notify()
            try:
                work(job)
                status = "failed" if job.errors and len(job.errors) >= job.total else "done"
            except Exception as exc:  # a job must never kill the worker; a plain reason is reported, the detail logged
                log.exception("job %s (%s) stopped on an unexpected error", job.id, job.kind)
                reason = f"the job stopped on an unexpected error ({exc.__class__.__name__}); see the server log"
                job.errors.append({"file": None, "reason": reason})
                status = "failed"
            self._finish(job, status)

    def _finish(self, job: Job, status: str) -> None:
        """The job's end: `on_finish` is given it as it ends before the job itself shows it, so no reader (`get`
        takes no lock) sees the job over before its end is recorded (the audit log)."""
        with self._changed:
            ended = replace(job, status=status, finished=time.time())
            if self._on_finish is not None:
                try:
                    self._on_finish(ended)
                except Exception:  # a failing hook must not stop the worker either
                    log.exception("after job %s", job.id)
            job.status, job.finished = ended.status, ended.finished
            self._save(job)
            self._forget_old()
            self._changed.notify_all()

    def _save(self, job: Job) -> None:
        """Journal the job's status; a journal that cannot be written is logged, and the job goes on."""
        try:
            self.journal.save(job)
        except sqlite3.Error:
            log.exception("could not journal job %s (%s)", job.id, job.status)

    def _forget_old(self) -> None:
        finished = [job for job in self.list() if job.over]
        for job in finished[KEEP_FINISHED:]:
            self._jobs.pop(job.id, None)
        if len(finished) > KEEP_FINISHED:
            try:
                self.journal.forget(KEEP_FINISHED)
            except sqlite3.Error:
                log.exception("could not forget old jobs in the journal")
