"""Concurrency and crashes: two index runs at once, a busy index, writes that fail half-way, and `kill -9` of the
server in the middle of an upload followed by a restart. The CLI's own kill -9 test is in test_cli.py.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from conftest import ROOT, SEED_NAMES, SEEDS
from filelock import FileLock
from live_server import free_port, running
from stub_embed import Embeddings, serve_embeddings

from bot import Library, Settings
from bot.index.library import IndexBusy
from bot.index.store import StoreError


def consistency(library: Library) -> dict:
    """What must hold after anything: chunk ids unique, every chunk owned by a report, counts as recorded."""
    got = library.store.chunks.get(include=["metadatas"])
    waiting = library.store.pending.get(include=["metadatas"])  # keyword-first: chunks whose vectors follow
    records = {d["doc"]: d for d in library.documents()}
    owner_of = {cid: meta["doc"] for cid, meta in zip(got["ids"], got["metadatas"])}
    owner_of.update((cid, meta["doc"]) for cid, meta in zip(waiting["ids"], waiting["metadatas"]))
    owners = list(owner_of.values())
    counts = {doc: owners.count(doc) for doc in records}
    assert len(got["ids"]) == len(set(got["ids"])), "duplicate chunk ids"
    assert set(owners) <= set(records), f"orphan chunks of {set(owners) - set(records)}"
    assert all(counts[doc] == meta["chunks"] for doc, meta in records.items()), counts
    complete = {doc for doc, meta in records.items() if meta["status"] == "complete"}
    assert not complete & {meta["doc"] for meta in waiting["metadatas"]}, "a complete report with pending chunks"
    return records


def _cli(args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_index_runs_at_once_one_waits(tmp_path, embed_cache, make_library):
    halves = [tmp_path / "a", tmp_path / "b"]
    for folder, names in zip(halves, [SEED_NAMES[3:4], SEED_NAMES[4:]]):
        folder.mkdir()
        for name in names:
            shutil.copy(SEEDS / name, folder / name)
    env = {**os.environ, "BOT_DATA_DIR": str(tmp_path / "data"), "BOT_EMBED_CACHE": str(embed_cache)}
    runs = [_cli(["index", str(folder), "--quiet"], env) for folder in halves]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_out, err) in zip(runs, outputs):
        assert run.returncode == 0 and "Traceback" not in err, err
    assert sorted(consistency(make_library(tmp_path / "data"))) == SEED_NAMES[3:]


def test_a_busy_index_is_refused_after_the_wait_and_left_alone(make_library, seeds_dir, tmp_path):
    library = make_library(tmp_path / "data")
    library.index([seeds_dir / SEED_NAMES[0]], show_progress=False)
    with FileLock(str(tmp_path / "data" / "index.lock")):  # another process is indexing
        with pytest.raises(IndexBusy, match="try again later"):
            library.index([seeds_dir / SEED_NAMES[3]], show_progress=False, wait=0.3)
        with pytest.raises(IndexBusy):
            library.remove(SEED_NAMES[0], wait=0.3)
        assert [d["doc"] for d in library.documents()] == SEED_NAMES[:1]
    assert library.index([seeds_dir / SEED_NAMES[3]], show_progress=False).added == SEED_NAMES[3:4]


def test_half_written_reports_are_taken_back_or_repaired(make_library, seeds_dir, tmp_path, monkeypatch):
    library = make_library(tmp_path / "data")
    library.index([seeds_dir], show_progress=False)
    before = sorted(library.store.chunks.get(include=[])["ids"])
    changed = tmp_path / SEED_NAMES[1]
    changed.write_text((seeds_dir / SEED_NAMES[1]).read_text().replace("786宗", "787宗"), encoding="utf-8")

    real_add = library.store.add_chunks

    def lost_midway(chunks, vectors):
        real_add(chunks, vectors)
        raise StoreError("connection to Chroma lost")

    monkeypatch.setattr(library.store, "add_chunks", lost_midway)
    with pytest.raises(StoreError):
        library.index([changed], show_progress=False)
    monkeypatch.undo()
    # Keyword-first: the new version was stored and is searchable by keyword; only its vectors are missing.
    assert library.document(SEED_NAMES[1])["status"] == "keyword"
    consistency(library)

    # What a kill -9 leaves instead: chunks nobody owns, and a report with a chunk too many.
    stray = library.store.chunks.get(where={"doc": SEED_NAMES[4]}, include=["embeddings", "documents", "metadatas"])
    library.store.docs.delete(ids=[SEED_NAMES[4]])
    extra = {**stray["metadatas"][0], "doc": SEED_NAMES[2]}
    library.store.chunks.upsert(
        ids=["leftover"], embeddings=[stray["embeddings"][0]], documents=["x"], metadatas=[extra]
    )
    repaired = make_library(tmp_path / "data").repair()  # also gives the keyword-only report its vectors
    assert repaired == {"orphans": [SEED_NAMES[4]], "partial": [SEED_NAMES[2]]}
    again = make_library(tmp_path / "data")
    assert again.document(SEED_NAMES[1])["status"] == "complete" and not again.store.pending_ids(SEED_NAMES[1])
    report = again.index([seeds_dir], show_progress=False)  # the seed's own text again, in place of the changed one
    assert report.added == [SEED_NAMES[4]] and report.updated == [SEED_NAMES[1], SEED_NAMES[2]]
    assert report.embedded == 0
    assert sorted(consistency(again)) == SEED_NAMES
    assert sorted(again.store.chunks.get(include=[])["ids"]) == before


@contextmanager
def _app(env: dict, port: int) -> Iterator[subprocess.Popen]:
    """`app.py` as its own process, as deployed; yields once its API answers. It answers only after the jobs a
    crash left are finished, so the wait is long: a deadline for a hang, not a measure of speed. It takes
    ~15 s on an idle machine; with other work on the cores it once took more than 180 s."""
    with running([sys.executable, "app.py"], f"http://127.0.0.1:{port}/api/v1/health", 600, cwd=ROOT, env=env) as app:
        yield app


def _env(tmp_path, embed_url: str, port: int) -> dict:
    return {
        **os.environ,
        "BOT_DATA_DIR": str(tmp_path / "data"),
        "BOT_EMBEDDER": "openai",
        "BOT_EMBED_URL": embed_url,
        "BOT_EMBED_MODEL": "stub",
        "BOT_PORT": str(port),
        "BOT_ADMIN_KEYS": "admin",
        "BOT_RATE_LIMIT": "0",
    }


def _consistent_reports(tmp_path) -> dict:
    library = Library(Settings(data_dir=tmp_path / "data", embedder="openai", embed_model="stub"))
    try:
        return consistency(library)
    finally:
        library.close()


def test_kill_9_mid_upload_then_restart_recovers(tmp_path):
    port = free_port()
    first = "一号县人民政府关于2025年度法治政府建设情况的报告\n\n一、主要工作\n\n全县办理行政复议案件11件。\n"
    second = "二号县人民政府关于2025年度法治政府建设情况的报告\n\n一、主要工作\n\n全县办理行政复议案件22件。HOLD\n"
    admin = {"Authorization": "Bearer admin"}
    with serve_embeddings(hold_text="HOLD") as embed_url:
        env = _env(tmp_path, embed_url, port)
        with _app(env, port) as app:
            files = [
                ("files", ("一号县.txt", first.encode(), "text/plain")),
                ("files", ("二号县.txt", second.encode())),
            ]
            accepted = httpx.post(f"http://127.0.0.1:{port}/api/v1/documents", files=files, headers=admin)
            assert accepted.status_code == 202
            assert Embeddings.held.wait(60), "the upload never reached the embedder"
            app.send_signal(signal.SIGKILL)  # mid-upload: the first report written, the second being embedded
            app.wait(30)
        assert any((tmp_path / "data" / "uploads" / ".staging").iterdir())  # the crash left a half-done batch
        Embeddings.hold_text = None

        with _app(env, port):
            url = f"http://127.0.0.1:{port}/api/v1/documents"
            listed = httpx.get(url, headers=admin, timeout=10).json()["documents"]
    assert sorted(d["doc"] for d in listed) == sorted([*SEED_NAMES, "一号县.txt", "二号县.txt"])
    assert not (tmp_path / "data" / "uploads" / ".staging").exists()
    assert len(_consistent_reports(tmp_path)) == 7


def _job_when_over(base: str, job_id: str, headers: dict, timeout: float = 300) -> httpx.Response:
    """The job's answer once it is done or failed (never 404 on the way)."""
    deadline = time.monotonic() + timeout
    while True:
        answer = httpx.get(f"{base}/jobs/{job_id}", headers=headers, timeout=30)
        assert answer.status_code == 200, answer.text
        if answer.json()["status"] in ("done", "failed") or time.monotonic() > deadline:
            return answer
        time.sleep(0.2)


def test_kill_9_loses_no_accepted_upload(tmp_path):
    """Two files in one upload, the first being embedded at kill -9, and a second upload queued behind it."""
    port = free_port()
    report = "{}人民政府关于2025年度法治政府建设情况的报告\n\n一、主要工作\n\n全县办理行政复议案件{}件。{}\n"
    held, staged, queued = "三号县.txt", "四号县.txt", "五号县.txt"
    admin = {"Authorization": "Bearer admin"}
    base = f"http://127.0.0.1:{port}/api/v1"
    with serve_embeddings(hold_text="HOLD") as embed_url:
        env = _env(tmp_path, embed_url, port)
        with _app(env, port) as app:
            files = [
                ("files", (held, report.format("三号县", 33, "HOLD").encode(), "text/plain")),
                ("files", (staged, report.format("四号县", 44, "").encode(), "text/plain")),
            ]
            first = httpx.post(f"{base}/documents", files=files, headers=admin, timeout=60)
            assert first.status_code == 202, first.text
            files = [("files", (queued, report.format("五号县", 55, "").encode(), "text/plain"))]
            second = httpx.post(f"{base}/documents", files=files, headers=admin, timeout=60)
            assert second.status_code == 202, second.text
            assert Embeddings.held.wait(120), "the upload never reached the embedder"
            app.send_signal(signal.SIGKILL)  # the first file being embedded, the second staged, one job queued
            app.wait(30)
        Embeddings.hold_text = None

        with _app(env, port):
            jobs = [_job_when_over(base, r.json()["job"]["id"], admin).json() for r in (first, second)]
            listed = httpx.get(f"{base}/documents", headers=admin, timeout=30).json()["documents"]
    assert [job["status"] for job in jobs] == ["done", "done"], jobs
    assert jobs[0]["files"] == [held, staged] and jobs[1]["files"] == [queued]
    assert sorted(jobs[0]["result"]["added"]) == sorted([held, staged]) and jobs[0]["done"] == 2
    assert jobs[1]["result"]["added"] == [queued] and not jobs[0]["errors"] and not jobs[1]["errors"]
    assert sorted(d["doc"] for d in listed) == sorted([*SEED_NAMES, held, staged, queued])
    assert not (tmp_path / "data" / "uploads" / ".staging").exists()
    assert len(_consistent_reports(tmp_path)) == 8
