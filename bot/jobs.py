"""Document changes as background jobs, run one at a time by a single worker thread.

A Library is not safe for concurrent index writes, while the server must keep answering during a
long upload; so every change (index, remove) is queued here and the request gets a job id to poll.
"""

from __future__ import annotations

import queue
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

KEEP_FINISHED = 200


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

    def to_json(self) -> dict:
        return asdict(self)

    @property
    def over(self) -> bool:
        return self.status in ("done", "failed")


class JobQueue:
    """FIFO of jobs; `work(job)` functions run on one daemon thread and may update `job` as they go."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._work: dict[str, Callable[[Job], None]] = {}
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="index-worker", daemon=True)
        self._thread.start()

    def submit(self, kind: str, work: Callable[[Job], None], files: list[str] | None = None) -> Job:
        job = Job(id=uuid.uuid4().hex[:16], kind=kind, files=list(files or []), total=len(files or []) or 1)
        with self._changed:
            self._jobs[job.id] = job
            self._work[job.id] = work
            self._forget_old()
        self._queue.put(job.id)
        return job

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
        self._queue.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while (job_id := self._queue.get()) is not None:
            job = self._jobs[job_id]
            work = self._work.pop(job_id)
            job.status = "running"
            self.notify()
            try:
                work(job)
                job.status = "failed" if job.errors and len(job.errors) >= job.total else "done"
            except Exception as exc:  # a job must never kill the worker; its error is reported instead
                job.errors.append({"file": None, "reason": f"{exc.__class__.__name__}: {exc}"})
                job.status = "failed"
            job.finished = time.time()
            self.notify()

    def _forget_old(self) -> None:
        finished = [job for job in self.list() if job.over]
        for job in finished[KEEP_FINISHED:]:
            self._jobs.pop(job.id, None)
