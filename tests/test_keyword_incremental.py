"""The keyword index changes one report at a time, and a report is searchable by keyword before its vectors exist.

Real Chroma stores on disk, real seeds. Full keyword rebuilds are counted through the store's
`on_keyword_rebuild` hook, not timed.
"""

from __future__ import annotations

import hashlib
import shutil
import threading
from pathlib import Path

import numpy as np
import pytest
from conftest import SEED_NAMES, SEEDS

from bot.index.embed import EmbeddingCache
from bot.index.keyword import KeywordIndex, Segment
from bot.index.store import COMPLETE, KEYWORD_ONLY
from bot.models import Filters
from bot.text import tokenize

QUERIES = ["专利授权数居粤东西北首位", "行政复议案件 纠错率", "法治政府建设示范创建", "府院联动 行政诉讼 败诉率"]


def _copy(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SEEDS / name, folder / name)
    return folder


def _count_rebuilds(library) -> list[int]:
    rebuilds = [0]

    def counted() -> None:
        rebuilds[0] += 1

    library.store.on_keyword_rebuild = counted
    return rebuilds


def _docs(library, query: str, k: int = 10) -> list[str]:
    hits = library.store.keyword_index().search(tokenize(query), k)
    return [library.store.get_chunks([cid])[cid][1]["doc"] for cid, _ in hits]


def test_scores_equal_bm25s_over_the_same_chunks(seeded):
    """Scored at query time from live statistics, the index ranks as the bm25s index it replaced did."""
    import bm25s

    index = seeded.store.keyword_index()
    ids = index.ids
    metas = seeded.store.get_chunks(ids)
    tokens = [metas[cid][1]["tokens"].split() or [""] for cid in ids]
    reference = bm25s.BM25()
    reference.index(tokens, show_progress=False)
    for query in QUERIES:
        words = tokenize(query)
        expected = np.asarray(reference.get_scores(words))
        top = np.argsort(-expected, kind="stable")[:10]
        got = dict(index.search(words, 10))
        assert got, query
        for i in top:
            if expected[i] > 0:
                assert got.get(ids[i], 0) == pytest.approx(float(expected[i]), rel=1e-4), (query, ids[i])


def test_removal_and_replacement_keep_keyword_search_right_without_a_rebuild(make_library, tmp_path, monkeypatch):
    folder = _copy(tmp_path / "reports", SEED_NAMES[:4])
    data = tmp_path / "data"
    writer = make_library(data)
    rebuilds = _count_rebuilds(writer)
    writer.index([folder], show_progress=False)
    assert rebuilds[0] == 1  # a fresh data directory: the one build, from an empty store
    replica = make_library(data, index_refresh=0)  # another process sharing the store
    replica_rebuilds = _count_rebuilds(replica)
    assert sorted(replica.store.keyword_index().ids) == sorted(writer.store.keyword_index().ids)

    opening = writer.store.get_chunks(writer.store.opening_ids(Filters()))
    removed = SEED_NAMES[1]
    phrase = next(text for text, meta in opening.values() if meta["doc"] == removed)[:60]
    assert _docs(writer, phrase)[0] == removed
    writer.remove(removed)
    assert removed not in _docs(writer, phrase) and removed not in _docs(replica, phrase)

    path = folder / SEED_NAMES[2]
    path.write_text(path.read_text().replace("专利授权数居粤东西北首位", "专利授权数居全省独角兽位次"))
    writer.index([folder], show_progress=False)
    for library in (writer, replica):
        assert _docs(library, "独角兽位次")[:1] == [SEED_NAMES[2]]
        top = library.store.keyword_index().search(tokenize("粤东西北首位"), 5)
        assert all("粤东西北首位" not in library.store.get_chunks([cid])[cid][0] for cid, _ in top)
    assert rebuilds[0] == 1 and replica_rebuilds[0] == 0

    # What the changes left equals what a full rebuild from Chroma gives (read by one scan, not per report).
    shutil.rmtree(data / "keyword")
    monkeypatch.setattr("bot.index.store._FEW_REPORTS", 0)
    fresh = make_library(data)
    fresh_rebuilds = _count_rebuilds(fresh)
    for query in QUERIES:
        expected = fresh.store.keyword_index().search(tokenize(query), 10)
        assert [c for c, _ in writer.store.keyword_index().search(tokenize(query), 10)] == [c for c, _ in expected]
    assert fresh_rebuilds[0] == 1


def test_segments_survive_a_restart_without_a_rebuild(make_library, tmp_path):
    folder = _copy(tmp_path / "reports", SEED_NAMES[:2])
    data = tmp_path / "data"
    make_library(data).index([folder], show_progress=False)
    again = make_library(data)
    rebuilds = _count_rebuilds(again)
    loaded = KeywordIndex.load(next((data / "keyword").iterdir()))
    assert loaded is not None and set(loaded.segments) == set(SEED_NAMES[:2])
    assert again.store.keyword_index().ids and rebuilds[0] == 0


def test_dropped_report_leaves_no_trace_in_statistics():
    index = KeywordIndex("g", ("body",))
    a = Segment.of("a.txt", "1", ["a#0", "a#1"], [["法治", "政府"], ["复议"]], {"body": ["甲市", "甲市"]})
    b = Segment.of("b.txt", "1", ["b#0"], [["法治", "诉讼"]], {"body": ["乙市"]})
    index.put(a)
    index.put(b)
    before = index.idf("法治")
    index.drop("a.txt")
    assert index.ids == ["b#0"] and index.matching({"body": "甲市"}) == set()
    assert index.search(["复议"], 5) == [] and index.idf("法治") != before
    index.put(a)
    assert index.idf("法治") == pytest.approx(before) and index.matching({"body": "甲市"}) == {"a#0", "a#1"}


class BlockingEmbedder:
    """Hash vectors; passages wait until the test lets them through."""

    name = "stub-blocking"

    def __init__(self):
        self.release = threading.Event()
        self.asked = threading.Event()

    def passages(self, texts: list[str]) -> np.ndarray:
        self.asked.set()
        assert self.release.wait(120), "the test never released the embedder"
        return self.queries(texts)

    def queries(self, texts: list[str]) -> np.ndarray:
        return np.asarray([_vector(t) for t in texts], dtype=np.float32)


def _vector(text: str) -> np.ndarray:
    seed = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
    return np.random.default_rng(seed).standard_normal(32)


def test_report_is_searchable_by_keyword_before_its_vectors_exist(make_library, tmp_path):
    folder = _copy(tmp_path / "reports", [SEED_NAMES[2]])
    library = make_library(tmp_path / "data")
    embedder = library.embedder = BlockingEmbedder()
    library.cache.close()
    library.cache = EmbeddingCache(tmp_path / "cache.sqlite")  # empty: every chunk goes to the embedder
    searchable = threading.Event()
    worker = threading.Thread(
        target=library.index,
        args=([folder],),
        kwargs={"show_progress": False, "on_searchable": lambda d: searchable.set()},
    )
    worker.start()
    try:
        assert searchable.wait(60) and embedder.asked.wait(60)  # stored, and the embedding has begun
        assert library.document(SEED_NAMES[2])["status"] == KEYWORD_ONLY
        assert [d["status"] for d in library.documents()] == [KEYWORD_ONLY]
        assert library.store.chunks.count() == 0  # no vector stored yet
        hits = library.search(["专利授权数居粤东西北首位"], k=3)[0]
        assert hits and hits[0].doc == SEED_NAMES[2] and "粤东西北首位" in hits[0].text
        assert hits[0].ranks.keys() == {"keyword"}
        body = library.document(SEED_NAMES[2])["body"]
        within = library.search(["专利授权数居粤东西北首位"], k=3, filters=Filters(body))[0]
        assert within and {p.doc for p in within} == {SEED_NAMES[2]}
    finally:
        embedder.release.set()
        worker.join(120)
    assert library.document(SEED_NAMES[2])["status"] == COMPLETE
    assert library.store.pending.count() == 0 and library.store.chunks.count() > 0
    hits = library.search(["专利授权数居粤东西北首位"], k=3)[0]
    assert hits[0].doc == SEED_NAMES[2] and "dense" in hits[0].ranks


def test_a_report_left_keyword_only_is_completed_by_repair(make_library, tmp_path):
    """A crash after the keyword stage (vectors never stored): the next start's repair embeds the stored chunks."""
    folder = _copy(tmp_path / "reports", [SEED_NAMES[0]])
    data = tmp_path / "data"
    library = make_library(data)
    embedder = library.embedder = BlockingEmbedder()
    library.cache.close()
    library.cache = EmbeddingCache(tmp_path / "cache.sqlite")  # empty: every chunk goes to the embedder
    embedder.passages = _crash  # the process dies while embedding
    with pytest.raises(SystemExit):
        library.index([folder], show_progress=False)
    assert library.document(SEED_NAMES[0])["status"] == KEYWORD_ONLY
    (folder / SEED_NAMES[0]).unlink()  # completion reads the store, not the file
    again = make_library(data)
    again.embedder = BlockingEmbedder()
    again.cache.close()
    again.cache = EmbeddingCache(tmp_path / "cache.sqlite")
    again.embedder.release.set()
    assert again.repair() == {"orphans": [], "partial": []}
    assert again.document(SEED_NAMES[0])["status"] == COMPLETE
    assert again.store.pending.count() == 0 and again.store.chunks.count() == again.document(SEED_NAMES[0])["chunks"]


def _crash(texts):
    raise SystemExit("killed")


def test_own_write_after_another_process_write_still_brings_that_one_in(make_library, tmp_path):
    """Within the refresh window this store trusts its last token; its own next write must not paper over a
    change another process made meanwhile (the index then compares stamps instead of moving on)."""
    folder = _copy(tmp_path / "reports", SEED_NAMES[:3])
    data = tmp_path / "data"
    writer = make_library(data, clock=lambda: 1000.0)  # a clock that never moves: the token is always "fresh"
    writer.index([folder / SEED_NAMES[0], folder / SEED_NAMES[1]], show_progress=False)
    other = make_library(data, index_refresh=0)
    other.remove(SEED_NAMES[1])
    writer.index([folder / SEED_NAMES[2]], show_progress=False)
    ids = writer.store.keyword_index().ids
    assert {writer.store.get_chunks([cid])[cid][1]["doc"] for cid in ids} == {SEED_NAMES[0], SEED_NAMES[2]}
    assert sorted(ids) == sorted(other.store.keyword_index().ids)
