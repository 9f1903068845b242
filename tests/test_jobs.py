"""The job journal: jobs and their files survive a restart, unfinished ones are resumed in order, finished ones
stay bounded, staging is kept for what is pending, and a resumed job still puts a previous version back.
"""

from __future__ import annotations

import io
import os
import sqlite3
import threading
import time

import bot.serve.jobs
from bot.serve.jobs import INDEXED, INSTALLED, REMOVING, STAGED, Job, JobQueue, Journal
from bot.serve.service import Service
from bot.serve.uploads import Uploads

REPORT = "{county}人民政府关于2025年度法治政府建设情况的报告\n\n一、主要工作\n\n全县建成法治示范点{n}个。\n"


def eventually(check, timeout: float = 60.0) -> None:
    """Wait for `check()` to hold, polling; fails after a generous deadline rather than a fixed sleep."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.02)


def test_jobs_and_their_files_are_reloaded_after_a_restart(tmp_path):
    path = tmp_path / "jobs.sqlite"
    jobs = JobQueue(path)

    def index(job: Job) -> None:
        for name in job.files:
            job.done += 1
            job.result = {"added": job.files[: job.done]}
            jobs.record(job, name, INDEXED)

    first = jobs.submit("index", index, ["a.txt", "b.txt"], batch="b1")
    missing = {"file": "x.txt", "reason": "no such document"}
    second = jobs.submit("remove", lambda job: job.errors.append(missing), ["x.txt"], state=REMOVING)
    assert jobs.wait(second.id, 30).status == "failed"
    jobs.close()

    again = JobQueue(path)
    try:
        assert again.get(first.id).to_json() == first.to_json() and first.status == "done"
        assert again.get(second.id).to_json() == second.to_json()
        assert [(f.name, f.state) for f in again.journal.files(first.id)] == [("a.txt", INDEXED), ("b.txt", INDEXED)]
        assert [f.state for f in again.journal.files(second.id)] == [REMOVING]
        assert again.resumable() == [] and again.pending() == 0 and again.journal.pending_batches() == set()
        assert [job.id for job in again.list()] == [second.id, first.id]
    finally:
        again.close()


def test_unfinished_jobs_are_resumed_in_their_order_after_a_crash(tmp_path):
    path = tmp_path / "jobs.sqlite"
    crashed = JobQueue(path)
    gate = threading.Event()

    def stuck(job: Job) -> None:  # the process "dies" while the first file is being indexed
        crashed.record(job, "a.txt", INSTALLED, kept_previous=True)
        gate.wait(60)

    first = crashed.submit("index", stuck, ["a.txt", "b.txt"], batch="b1")
    second = crashed.submit("index", lambda job: None, ["c.txt"], batch="b2")
    eventually(lambda: crashed.journal.files(first.id)[0].state == INSTALLED)

    restarted = JobQueue(path)
    try:
        assert [job.id for job in restarted.resumable()] == [first.id, second.id]
        assert restarted.get(first.id).status == "queued" and restarted.pending() == 2
        assert restarted.journal.batch(first.id) == "b1" and restarted.journal.pending_batches() == {"b1", "b2"}
        files = [(f.name, f.state, f.kept_previous) for f in restarted.journal.files(first.id)]
        assert files == [("a.txt", INSTALLED, True), ("b.txt", STAGED, False)]
        ran = []
        for job in restarted.resumable():
            restarted.resume(job, lambda job: ran.append(job.id))
        assert restarted.wait(second.id, 30).status == "done" and restarted.get(first.id).status == "done"
        assert ran == [first.id, second.id] and restarted.resumable() == [] and restarted.pending() == 0
    finally:
        gate.set()
        crashed.close()
        restarted.close()


def test_finished_jobs_are_bounded_on_disk_too(tmp_path, monkeypatch):
    monkeypatch.setattr(bot.serve.jobs, "KEEP_FINISHED", 3)
    path = tmp_path / "jobs.sqlite"
    jobs = JobQueue(path)
    made = [jobs.submit("index", lambda job: None, [f"{i}.txt"], batch=f"b{i}") for i in range(6)]
    assert jobs.wait(made[-1].id, 30).status == "done"
    assert [jobs.get(job.id) is not None for job in made] == [False] * 3 + [True] * 3
    jobs.close()
    again = JobQueue(path)
    try:
        assert [again.get(job.id) is not None for job in made] == [False] * 3 + [True] * 3
    finally:
        again.close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM jobs").fetchone() == (3,)
        assert db.execute("SELECT count(*) FROM job_files").fetchone() == (3,)


def test_a_job_that_raises_reports_a_plain_reason_and_the_worker_goes_on(tmp_path):
    jobs = JobQueue()  # in memory: for tests and one-off services
    broken = jobs.submit("index", lambda job: (tmp_path / "missing" / "x.txt").read_bytes(), ["x.txt"])
    after = jobs.submit("index", lambda job: None, ["y.txt"])
    assert jobs.wait(after.id, 30).status == "done" and broken.status == "failed"
    assert str(tmp_path) not in broken.errors[0]["reason"] and "server log" in broken.errors[0]["reason"]
    jobs.close()


def test_staging_is_kept_for_pending_jobs_and_cleared_for_orphans(tmp_path):
    uploads = Uploads(tmp_path / "uploads")
    for batch in ("pending", "orphan"):
        uploads.stage(batch, "a.txt", io.BytesIO(b"x"), 10)
    (uploads.staging / "empty").mkdir()
    uploads.clear_staging(keep={"pending"})
    assert [p.name for p in uploads.staging.iterdir()] == ["pending"]
    uploads.discard("pending")
    uploads.clear_staging(keep=set())
    assert not uploads.staging.exists()


def test_install_and_roll_back_can_run_again_after_a_crash(tmp_path):
    uploads = Uploads(tmp_path / "uploads")
    uploads.stage("b0", "a.txt", io.BytesIO(b"old"), 100)
    assert uploads.install("b0", "a.txt") is False
    uploads.discard("b0")
    uploads.stage("b1", "a.txt", io.BytesIO(b"new"), 100)
    previous = uploads.staging / "b1" / ".previous" / "a.txt"
    previous.parent.mkdir(parents=True)
    os.replace(uploads.folder / "a.txt", previous)  # a crash half-way through install: old kept, new not moved
    assert uploads.install("b1", "a.txt") is True
    assert uploads.install("b1", "a.txt") is True  # again: nothing is moved twice
    assert (uploads.folder / "a.txt").read_bytes() == b"new" and previous.read_bytes() == b"old"
    for _ in range(2):
        uploads.roll_back("b1", "a.txt", kept_previous=True)
        assert (uploads.folder / "a.txt").read_bytes() == b"old"
    uploads.stage("b2", "new.txt", io.BytesIO(b"x"), 100)
    assert uploads.install("b2", "new.txt") is False
    for _ in range(2):
        uploads.roll_back("b2", "new.txt", kept_previous=False)
        assert not (uploads.folder / "new.txt").exists()


def test_a_resumed_job_finishes_and_puts_the_previous_version_back(make_library, tmp_path):
    library = make_library(seeds_dir=tmp_path / "no-seeds")
    service = Service(library)
    first = REPORT.format(county="甲县", n=11).encode()
    job = service.upload([("甲县.txt", io.BytesIO(first))])
    assert service.jobs.wait(job.id, 300).status == "done"
    service.close()

    # What kill -9 leaves: a replacement (unreadable) installed, the old file kept aside, its job unfinished; an
    # upload accepted behind it; and a batch staged by a request that never got its 202.
    uploads, journal = service.uploads, Journal(library.settings.data_dir / "jobs.sqlite")
    uploads.stage("b1", "甲县.txt", io.BytesIO(b"   \n"), 100)
    replacement = Job(id="replacement", kind="index", files=["甲县.txt"], total=1)
    journal.add(replacement, "b1", STAGED)
    journal.set_file(replacement, "甲县.txt", INSTALLED, kept_previous=uploads.install("b1", "甲县.txt"))
    uploads.stage("b2", "乙县.txt", io.BytesIO(REPORT.format(county="乙县", n=22).encode()), 1000)
    journal.add(Job(id="queued", kind="index", files=["乙县.txt"], total=1), "b2", STAGED)
    removal = Job(id="removal", kind="remove", files=["乙县.txt"], total=1)  # runs after the upload of 乙县
    journal.add(removal, None, REMOVING)
    journal.add(Job(id="removed", kind="remove", files=["丙县.txt"], total=1), None, REMOVING)  # gone before
    uploads.stage("b3", "orphan.txt", io.BytesIO(b"x"), 100)
    journal.close()

    restarted = Service(library)
    try:
        assert restarted.jobs.get("replacement").status == "queued"
        restarted.index_bundled()
        replaced = restarted.jobs.get("replacement")
        assert replaced.status == "failed" and "empty" in replaced.errors[0]["reason"], replaced
        assert (uploads.folder / "甲县.txt").read_bytes() == first
        queued = restarted.jobs.get("queued")
        assert queued.status == "done" and queued.result["added"] == ["乙县.txt"] and queued.done == 1
        removal = restarted.jobs.get("removal")
        assert removal.status == "done" and removal.result["chunks_removed"] > 0, removal
        assert restarted.jobs.get("removed").status == "done" and not restarted.jobs.get("removed").errors
        assert [d["doc"] for d in library.documents()] == ["甲县.txt"]
        assert not (uploads.folder / "乙县.txt").exists() and not uploads.staging.exists()
    finally:
        restarted.close()


def test_a_job_is_seen_over_only_after_its_end_is_recorded(tmp_path):
    """A poller reading a job (`GET /api/v1/jobs/{id}` reads `get`, with no lock) had seen it "done" before the
    service's `on_finish` hook had written "job_finished" to the audit log: ci56 read the log too early. The hook
    is held here until the job has been read while it runs."""
    entered, release = threading.Event(), threading.Event()

    def hook(job) -> None:
        entered.set()
        assert release.wait(60)

    jobs = JobQueue(tmp_path / "jobs.sqlite", on_finish=hook)
    job = jobs.submit("index", lambda job: None, ["a.txt"])
    assert entered.wait(60)
    seen = jobs.get(job.id).status  # what a poller reads while the end is being recorded
    release.set()
    assert jobs.wait(job.id, 60).status == "done"
    jobs.close()
    assert seen == "running", seen
