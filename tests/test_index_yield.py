"""The indexer yields the CPU to questions, embeds while it reads, and reports progress with an ETA.

Real e5 and real Chroma stores on disk; the reports are made of text no other test embeds, so the
embedder really runs. No timing assertions: threads meet on Events with bounded waits, clocks are fake.
"""

from __future__ import annotations

import io
import os
import threading
import uuid
from pathlib import Path

import numpy as np
import pytest

from bot.index.embed import E5Embedder, EmbedError, yield_this_thread
from bot.index.progress import Progress
from bot.serve.service import Service

WAIT = 120  # seconds any thread waits for another, at most


def thread_nice(tid: int | None = None) -> int:
    """The nice value of one thread, read from /proc (field 19 of its stat line)."""
    stat = Path(f"/proc/self/task/{tid or threading.get_native_id()}/stat").read_text()
    return int(stat[stat.rindex(")") + 2 :].split()[16])


def unique_report(folder: Path, name: str, sentences: int = 3) -> Path:
    """A small report whose text no cache has seen."""
    tag = uuid.uuid4().hex[:8]
    lines = [f"某某县人民政府关于2024年度法治政府建设情况的报告（{tag}）"]
    lines += [f"2024年，某某县第{i}项工作办理行政复议案件{i + 11}件，编号{tag}-{i}。" * 6 for i in range(sentences)]
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


class Recording:
    """Wraps the library's embedder: notes each call's thread and nice value, and can hold a passage call."""

    def __init__(self, inner):
        self.inner, self.name = inner, inner.name
        self.calls: list[tuple[str, int, int]] = []  # (kind, thread id, nice)
        self.indexing = threading.Event()
        self.release = threading.Event()
        self.release.set()
        self.fail = False

    def passages(self, texts):
        self.calls.append(("passages", threading.get_native_id(), thread_nice()))
        self.indexing.set()
        assert self.release.wait(WAIT)
        if self.fail:
            raise EmbedError("embedding server down")
        return self.inner.passages(texts)

    def queries(self, texts):
        self.calls.append(("queries", threading.get_native_id(), thread_nice()))
        return self.inner.queries(texts)


@pytest.fixture
def recorded(make_library):
    library = make_library(index_nice=10, index_threads=1)
    library.embedder = Recording(library.embedder)
    return library


def test_the_indexing_thread_is_niced_and_a_question_asked_meanwhile_is_not(recorded, tmp_path):
    embedder, baseline = recorded.embedder, thread_nice()
    embedder.release.clear()  # the embedding waits until the question below was answered
    indexer = threading.Thread(
        target=recorded.index, args=([unique_report(tmp_path, "a.txt")],), kwargs={"show_progress": False}
    )
    indexer.start()
    assert embedder.indexing.wait(WAIT)
    passages_thread = embedder.calls[0][1]
    assert thread_nice(passages_thread) == max(10, baseline)  # read from /proc while it is embedding
    hits = recorded.search(["行政复议案件"], k=3)[0]
    embedder.release.set()
    indexer.join(WAIT)
    assert hits and not indexer.is_alive()
    kinds = {kind: (tid, nice) for kind, tid, nice in embedder.calls}
    assert kinds["passages"][1] == max(10, baseline)
    assert kinds["queries"] == (threading.get_native_id(), baseline)  # the asking thread kept its priority
    assert kinds["passages"][0] not in (threading.get_native_id(), indexer.native_id)  # its own thread
    assert thread_nice() == baseline


def test_index_nice_zero_leaves_the_priority_alone(make_library, tmp_path):
    library = make_library(index_nice=0)
    library.embedder = Recording(library.embedder)
    library.index([unique_report(tmp_path, "a.txt")], show_progress=False)
    assert {nice for kind, _, nice in library.embedder.calls if kind == "passages"} == {thread_nice()}


def test_the_engine_thread_count_is_set_per_thread_and_concurrent_embedding_is_safe():
    embedder = E5Embedder(threads=2)
    texts = [f"第{i}条 依法行政 法治政府建设 {uuid.uuid4().hex}" * 4 for i in range(6)]
    expected = embedder.passages(texts)
    results: dict[str, object] = {}

    def index_side() -> None:
        results["applied"] = yield_this_thread(embedder, threads=1, nice=5)
        results["nice"] = thread_nice()
        results["vectors"] = [embedder.passages(texts) for _ in range(3)]

    thread = threading.Thread(target=index_side)
    thread.start()
    queries = [embedder.queries(["法治政府建设"]) for _ in range(20)]  # meanwhile, from this thread
    thread.join(WAIT)
    assert results["applied"] == {"nice": True, "threads": True}
    assert results["nice"] >= 5 and thread_nice() < 5
    assert all(np.allclose(v, expected, atol=1e-5) for v in results["vectors"])
    assert all(np.allclose(q, queries[0], atol=1e-5) for q in queries)


def test_embedding_starts_while_later_reports_are_still_being_read(recorded, tmp_path):
    folder = tmp_path / "reports"
    paths = [unique_report(folder, f"{i}.txt") for i in range(3)]
    seen: list[tuple[str, str]] = []
    overlapped = threading.Event()

    def searchable(doc: str) -> None:
        seen.append(("searchable", doc))
        if doc == paths[-1].name and recorded.embedder.indexing.wait(WAIT):  # the first is being embedded
            overlapped.set()

    report = recorded.index([folder], show_progress=False, on_searchable=searchable)
    assert overlapped.is_set()
    assert sorted(report.added) == sorted(p.name for p in paths) and report.embedded > 0
    assert [doc for kind, doc in seen] == [p.name for p in paths]  # each searchable, in file order
    assert {d["doc"]: d["status"] for d in recorded.documents()} == {p.name: "complete" for p in paths}


def test_a_failing_embedder_leaves_reports_keyword_only_and_the_next_run_completes_them(recorded, tmp_path):
    folder = tmp_path / "reports"
    paths = [unique_report(folder, f"{i}.txt") for i in range(3)]
    recorded.embedder.fail = True
    with pytest.raises(EmbedError):
        recorded.index([folder], show_progress=False)
    statuses = {d["doc"]: d["status"] for d in recorded.documents()}
    assert paths[0].name in statuses and set(statuses.values()) == {"keyword"}
    assert recorded.search(["行政复议案件"], k=3)[0]  # searchable by keyword meanwhile
    recorded.embedder.fail = False
    report = recorded.index([folder], show_progress=False)
    assert {d["doc"]: d["status"] for d in recorded.documents()} == {p.name: "complete" for p in paths}
    assert set(report.unchanged) == set(statuses)  # those stored before the failure only got their vectors


def test_the_eta_follows_the_measured_pace_not_the_cache():
    now = [100.0]
    progress = Progress(lambda: now[0], files=2)
    assert progress.eta() is None  # nothing known
    progress.file_read(10)
    progress.started()
    progress.cached(4)  # from the cache: done, but costs no time
    assert progress.eta() is None  # nothing measured yet
    now[0] += 6.0
    progress.embedded(3)  # 3 chunks in 6 s: 2 s a chunk
    # 10 known + the unread file counted as the average (10) = 20; 7 done; 13 left at 2 s each
    assert progress.estimated_total() == 20 and progress.eta() == pytest.approx(26.0)
    progress.file_read(0)  # the second file was unchanged: nothing more to embed
    assert progress.estimated_total() == 10 and progress.eta() == pytest.approx(6.0)
    progress.embedded(3)
    assert progress.eta() == 0.0


def test_an_upload_job_reports_its_eta_from_an_injected_clock(make_library, tmp_path):
    library = make_library(embed_batch=1)  # one chunk a batch: the ETA is seen between batches
    library.embedder = Recording(library.embedder)
    now = [0.0]
    service = Service(library, clock=lambda: now[0])
    seen: list[float | None] = []
    original = library.embedder.passages

    def tick(texts):
        jobs = service.jobs.list()
        seen.append(jobs[0].eta_s if jobs else "no job")
        now[0] += 2.0  # each chunk takes 2 s on the fake clock
        return original(texts)

    library.embedder.passages = tick
    path = unique_report(tmp_path / "in", "new.txt", sentences=8)
    job = service.upload([(path.name, io.BytesIO(path.read_bytes()))])
    finished = service.jobs.wait(job.id, WAIT)
    service.jobs.close()
    chunks = finished.result["chunks_written"]
    assert finished.status == "done" and chunks >= 3 and len(seen) == chunks
    assert seen[0] is None  # nothing measured before the first chunk
    assert seen[1:] == pytest.approx([2.0 * (chunks - i) for i in range(1, chunks)])  # left × 2 s
    assert finished.eta_s == 0.0 and finished.to_json()["eta_s"] == 0.0
    assert os.path.exists(library.settings.data_dir / "jobs.sqlite")
