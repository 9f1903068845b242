"""Indexing into a real Chroma store on disk (and a real `chroma run` server): incremental and exact."""

import os
import shutil
import uuid

import numpy as np
import pytest
from conftest import SEED_NAMES, SEEDS
from live_server import free_port, running

from bot import Filters
from bot.errors import NotFound


def _copy_seeds(folder):
    folder.mkdir(parents=True, exist_ok=True)
    for name in SEED_NAMES:
        shutil.copy(SEEDS / name, folder / name)
    return folder


def _all_chunk_docs(library):
    got = library.store.chunks.get(include=["metadatas"])
    return [meta["doc"] for meta in got["metadatas"]], got["ids"]


def test_index_all_seeds(seeded):
    docs = {d["doc"]: d for d in seeded.documents()}
    assert sorted(docs) == SEED_NAMES
    chunk_docs, ids = _all_chunk_docs(seeded)
    assert len(ids) == len(set(ids)) == sum(d["chunks"] for d in docs.values())
    assert set(chunk_docs) == set(SEED_NAMES)
    assert docs["003_29ae86f9fcedda95.txt"]["year"] == 2017


def test_reindex_unchanged_does_no_work(tmp_path, make_library):
    folder = _copy_seeds(tmp_path / "reports")
    library = make_library()
    library.index([folder], show_progress=False)
    before = library.cache.computed
    report = library.index([folder], show_progress=False)
    assert sorted(report.unchanged) == SEED_NAMES
    assert report.chunks_written == report.chunks_deleted == report.embedded == 0
    assert library.cache.computed == before


def test_changed_file_replaces_only_its_own_chunks(tmp_path, make_library):
    folder = _copy_seeds(tmp_path / "reports")
    library = make_library()
    library.index([folder], show_progress=False)
    _, ids_before = _all_chunk_docs(library)
    others_before = {cid for cid, doc in zip(ids_before, _all_chunk_docs(library)[0]) if doc != SEED_NAMES[2]}

    path = folder / SEED_NAMES[2]
    # with a text no run embedded before: FAZHI_TEST_EMBED_CACHE, kept across runs, would serve the changed chunk
    # from the cache on a second run, and nothing would be embedded
    changed = f"专利授权数居全省第九位（{uuid.uuid4().hex}）"
    path.write_text(path.read_text().replace("专利授权数居粤东西北首位", changed))
    report = library.index([folder], show_progress=False)

    assert report.updated == [SEED_NAMES[2]] and len(report.unchanged) == 4
    assert 1 <= report.chunks_written <= 3 and report.chunks_written == report.chunks_deleted
    assert report.embedded == report.chunks_written  # unchanged chunks came from the store, not the embedder
    docs, ids = _all_chunk_docs(library)
    assert {cid for cid, doc in zip(ids, docs) if doc != SEED_NAMES[2]} == others_before
    passages = library.search(["韶关专利授权数排名"], k=3)[0]
    assert any("全省第九位" in p.text for p in passages)
    assert not any("粤东西北首位" in p.text for p in library.search(["专利授权数居粤东西北首位"], k=10)[0])


def test_removed_file_leaves_no_chunk(make_library, seeds_dir):
    library = make_library()
    library.index([seeds_dir], show_progress=False)
    removed = library.remove(SEED_NAMES[4])
    assert removed > 0
    docs, _ = _all_chunk_docs(library)
    assert SEED_NAMES[4] not in docs
    assert SEED_NAMES[4] not in {d["doc"] for d in library.documents()}
    for passages in library.search(["成都市办理行政应诉案件多少件"], k=10):
        assert all(p.doc != SEED_NAMES[4] for p in passages)
    with pytest.raises(NotFound):
        library.remove(SEED_NAMES[4])


def test_bad_files_are_reported_and_the_rest_indexed(tmp_path, make_library):
    folder = _copy_seeds(tmp_path / "reports")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "garbage.pdf").write_bytes(b"%PDF-1.4 garbage")
    library = make_library()
    report = library.index([folder], show_progress=False)
    assert sorted(report.added) == SEED_NAMES
    assert sorted(e.path.rsplit("/", 1)[-1] for e in report.errors) == ["empty.txt", "garbage.pdf"]


def test_interrupted_run_is_finished_without_duplicates(tmp_path, make_library, seeds_dir):
    """Chunks written but no report record (a crash mid-run): the next run completes it exactly."""
    data = tmp_path / "data"
    library = make_library(data)
    library.index([seeds_dir], show_progress=False)
    expected = sorted(_all_chunk_docs(library)[1])
    library.store.docs.delete(ids=[SEED_NAMES[0], SEED_NAMES[3]])  # as if killed before the records were written

    again = make_library(data)
    report = again.index([seeds_dir], show_progress=False)
    assert sorted(report.added) == [SEED_NAMES[0], SEED_NAMES[3]]
    assert report.embedded == 0 and report.chunks_written == 0
    assert sorted(_all_chunk_docs(again)[1]) == expected


def test_keyword_index_persists_and_follows_changes(make_library, seeds_dir, tmp_path):
    data = tmp_path / "data"
    library = make_library(data)
    library.index([seeds_dir], show_progress=False)
    keyword_dir = next((data / "keyword").iterdir())
    assert (keyword_dir / "manifest.json").exists()
    fresh = make_library(data, index_refresh=0)
    assert fresh.store.keyword_index().generation == library.store.keyword_index().generation
    library.remove(SEED_NAMES[1])
    assert len(fresh.store.keyword_index().ids) == len(library.store.keyword_index().ids)


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_another_process_change_shows_within_index_refresh(make_library, seeds_dir, tmp_path):
    """Another process's change is trusted-stale until `index_refresh` has passed on the reader's clock, and
    shows after; the reader's own change shows at once. The clock is a fake one, so indexing's speed is no
    part of the test (the window is 30 s: a real clock could not pass it in this test's time)."""
    data = tmp_path / "data"
    writer = make_library(data)
    writer.index([seeds_dir / SEED_NAMES[0]], show_progress=False)
    clock = FakeClock()
    reader = make_library(data, clock=clock, index_refresh=30)
    assert [d["doc"] for d in reader.documents()] == [SEED_NAMES[0]]  # the token read at 1000.0
    writer.index([seeds_dir / SEED_NAMES[1]], show_progress=False)
    assert [d["doc"] for d in reader.documents()] == [SEED_NAMES[0]]  # trusted: no time has passed
    clock.now += 29
    assert [d["doc"] for d in reader.documents()] == [SEED_NAMES[0]]  # still within the window
    clock.now += 1  # 30 s since the token was read: the window is over
    assert [d["doc"] for d in reader.documents()] == SEED_NAMES[:2]
    reader.remove(SEED_NAMES[0])  # its own change: at once, with the clock standing still
    assert [d["doc"] for d in reader.documents()] == [SEED_NAMES[1]]
    writer.index([seeds_dir / SEED_NAMES[2]], show_progress=False)  # the window restarts at the reader's change
    clock.now += 29
    assert [d["doc"] for d in reader.documents()] == [SEED_NAMES[1]]
    clock.now += 1
    assert [d["doc"] for d in reader.documents()] == SEED_NAMES[1:3]


def test_filters_by_body_and_year(seeded):
    passages = seeded.search(["行政复议案件"], k=5, filters=Filters(issuer="成都市"))[0]
    assert passages and {p.doc for p in passages} == {"004_7cff85eaf4bcf1da.txt"}
    passages = seeded.search(["法治政府"], k=5, filters=Filters(year=2017))[0]
    assert passages and {p.doc for p in passages} == {"003_29ae86f9fcedda95.txt"}


@pytest.fixture
def chroma_server(tmp_path):
    port = free_port()
    chroma = shutil.which("chroma") or os.path.join(os.path.dirname(os.sys.executable), "chroma")
    command = [chroma, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)]
    with running(command, f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=30):
        yield port


def test_chroma_server_mode(chroma_server, make_library, seeds_dir, tmp_path):
    library = make_library(tmp_path / "replica-a", chroma_host="127.0.0.1", chroma_port=chroma_server)
    report = library.index([seeds_dir], show_progress=False)
    assert sorted(report.added) == SEED_NAMES
    assert not (tmp_path / "replica-a" / "chroma").exists()

    # A second replica with its own data directory sees the same index through the server.
    other = make_library(tmp_path / "replica-b", chroma_host="127.0.0.1", chroma_port=chroma_server)
    assert [d["doc"] for d in other.documents()] == SEED_NAMES
    assert other.search(["广州全市多少个单位按期公开法治政府建设年度报告"], k=3)[0][0].doc == SEED_NAMES[0]
    assert sorted(other.index([seeds_dir], show_progress=False).unchanged) == SEED_NAMES


def test_filters_from_the_keyword_index_match_chromas(seeded):
    """Filtered search reads body/year from the keyword index's copy: it must agree with Chroma's own filter."""
    store = seeded.store
    cases = [
        (Filters("成都市"), {"body": "成都市"}),
        (Filters(year=2017), {"year": 2017}),
        (Filters("廣州市", 2024), {"$and": [{"body": "广州市"}, {"year": 2024}]}),  # traditional: simplified first
        (Filters("无"), {"body": "无"}),
    ]
    for filters, where in cases:
        expected = set(store.chunks.get(where=where, include=[])["ids"])
        assert store.keyword_index().matching(filters.fields()) == expected
        assert store.matching_ids(filters) == expected
    assert store.keyword_index().matching({"doc": "x.txt"}) is None  # not kept: Chroma answers


def test_generation_token_is_not_a_report(make_library, seeds_dir):
    library = make_library()
    before = library.store.generation()
    library.index([seeds_dir / SEED_NAMES[0]], show_progress=False)
    assert library.store.generation() != before
    assert [d["doc"] for d in library.documents()] == [SEED_NAMES[0]]


def test_a_reports_structure_is_stored_packed_and_one_stored_as_a_document_is_still_read(make_library):
    """Chroma indexes documents for full-text search: a report's structure stored as one cost seconds per write
    and read at 100 reports. It is packed in a metadata field; a store written before that still reads."""
    import json

    store = make_library().store
    store.reports.upsert(ids=["old.txt"], embeddings=[[1.0]], documents=[json.dumps({"title": "花都区"})])
    assert store.report_data("old.txt") == {"title": "花都区"}
    store.put_report("old.txt", {"title": "韶关市"})
    stored = store.reports.get(ids=["old.txt"], include=["documents", "metadatas"])
    assert stored["documents"] == [""] and set(stored["metadatas"][0]) == {"packed"}
    assert store.report_data("old.txt") == {"title": "韶关市"} and store.report_data("none.txt") is None


def test_repair_repacks_the_structures_an_older_version_stored_as_documents(make_library):
    import json

    library = make_library()
    library.store.reports.upsert(
        ids=["a.txt", "b.txt"], embeddings=[[1.0]] * 2, documents=[json.dumps({"n": 1}), json.dumps({"n": 2})]
    )
    library.store.put_report("c.txt", {"n": 3})
    assert library.store.repack_reports() == ["a.txt", "b.txt"]
    stored = library.store.reports.get(include=["documents"])
    assert set(stored["documents"]) == {""} and [library.store.report_data(d) for d in ("a.txt", "b.txt")] == [
        {"n": 1},
        {"n": 2},
    ]
    library.repair()  # at every start: nothing left to repack
    assert library.store.repack_reports() == []


def test_record_collections_persist_their_index_every_few_writes_even_in_an_older_store(tmp_path, make_library):
    """Chroma rereads its write log at each write until the vector index is persisted (by default every 1,000
    writes): a report's write took 1.6 s at 100 reports. The record collections persist every 10."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from bot.settings import Settings

    data = tmp_path / "old"
    older = chromadb.PersistentClient(
        path=str(Settings(data_dir=data).chroma_dir), settings=ChromaSettings(anonymized_telemetry=False)
    )
    older.get_or_create_collection("reports-reports", embedding_function=None)  # as a store made before
    assert older.get_collection("reports-reports").configuration_json["hnsw"]["sync_threshold"] == 1000
    store = make_library(data).store
    for collection in (store.reports, store.docs, store.pending):
        assert collection.configuration_json["hnsw"]["sync_threshold"] == 10
    assert store.chunks.configuration_json["hnsw"]["sync_threshold"] == 1000  # the searched index: unchanged


def test_dense_ranking_is_nearly_exact_and_a_store_made_before_is_changed_to_it(tmp_path, make_library):
    """Chroma's vector index is approximate and rebuilt in each process in a varying order: with its default
    breadth, one passage of a near-tie was found in some server starts and not others, and a placeless
    conversation's third answer changed. A store opened before with that breadth is changed on the next open.
    The index stays approximate: among 600 close vectors, 1000 wide gave all 40 questions' 30 nearest exactly,
    in order, in 12 runs of 12, and once in about ten runs one ranking off (so this test had failed in CI when
    it asked all 40); Chroma's 100 gave 31–40 of 40. At least 38 must be exact, and 99% of the nearest found."""
    from bot.models import Chunk

    data = tmp_path / "store"
    make_library(data, ef_search=100).close()
    store = make_library(data).store
    assert store.chunks.configuration_json["hnsw"]["ef_search"] == 1000
    rng = np.random.default_rng(3)
    centre = rng.normal(size=384)
    vectors = centre + rng.normal(size=(600, 384))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    chunks = [Chunk(f"c{i:03d}", "r", "文", "文", "", "", i) for i in range(len(vectors))]
    store.add_chunks(chunks, vectors)
    questions = centre + rng.normal(size=(40, 384))
    exact_rankings, found = 0, []
    for question in questions / np.linalg.norm(questions, axis=1, keepdims=True):
        exact = [chunks[i].id for i in np.argsort(-(vectors @ question), kind="stable")[:30]]
        got = [cid for cid, _ in store.dense(question, 30)]
        exact_rankings += got == exact
        found.append(len(set(got) & set(exact)) / len(exact))
    assert exact_rankings >= 38 and np.mean(found) >= 0.99, (exact_rankings, np.mean(found))


def test_each_open_takes_the_breadth_asked_though_chroma_is_briefly_locked(tmp_path):
    """Chroma answers a change of a collection's settings made soon after another with "database is locked" in
    about one open in twenty (it clears within 20 ms): the change was dropped without a word, the store kept
    searching approximately, and CI failed on it once. Each store here is made at Chroma's breadth, then opened."""
    from bot.index.store import Store
    from bot.settings import Settings

    for attempt in range(40):
        data = tmp_path / str(attempt)
        Store(Settings(data_dir=data, ef_search=100), "embedder")  # a store made before, at Chroma's breadth
        store = Store(Settings(data_dir=data), "embedder")
        assert store.chunks.configuration_json["hnsw"]["ef_search"] == 1000, attempt


def test_a_locked_change_is_tried_again_and_any_other_failure_is_left_soft():
    """The retry itself, with no waiting: a lock is tried again after a pause; an error of another kind (a Chroma
    server too old to change settings) is not, and the store opens as it was."""
    from chromadb.errors import InternalError

    from bot.index.store import _configured

    class Collection:
        def __init__(self, failures):
            self.failures, self.configuration_json, self.changes = list(failures), {"hnsw": {"ef_search": 100}}, 0

        def modify(self, configuration):
            self.changes += 1
            if self.failures:
                raise self.failures.pop(0)
            self.configuration_json = {"hnsw": dict(configuration["hnsw"])}

    pauses = []
    locked = Collection([InternalError("Database error: (code: 5) database is locked")] * 2)
    _configured(locked, {"ef_search": 1000}, sleep=pauses.append)
    assert locked.configuration_json["hnsw"]["ef_search"] == 1000 and locked.changes == 3 and len(pauses) == 2
    old_server = Collection([ValueError("unknown configuration")])
    _configured(old_server, {"ef_search": 1000}, sleep=pauses.append)
    assert old_server.configuration_json["hnsw"]["ef_search"] == 100 and old_server.changes == 1 and len(pauses) == 2
    done = Collection([])
    done.configuration_json = {"hnsw": {"ef_search": 1000}}
    _configured(done, {"ef_search": 1000, "batch_size": 10}, sleep=pauses.append)  # batch_size: never reported
    assert done.changes == 0
