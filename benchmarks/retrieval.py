"""Retrieval quality and latency on the gold set, beside the LlamaIndex defaults, in one run.

    .venv/bin/python benchmarks/retrieval.py [--rounds 2] [--no-api] [--json]

Pipelines (all with the same embedder: the bot's e5, wrapped as a LlamaIndex `BaseEmbedding`):

- `fazhi hybrid`: the bot's `Library.search` (cleaned text, heading-aware 200-token chunks, dense + BM25
  over jieba tokens, reciprocal-rank fusion);
- `li vector`: the LlamaIndex default pipeline a user would otherwise pick: `SimpleDirectoryReader`
  over the raw seeds as-is (no cleaning), the default `SentenceSplitter` (1024 tokens, 200 overlap),
  `VectorStoreIndex` on Chroma, `as_retriever(similarity_top_k=5)`;
- `li bm25`: `BM25Retriever.from_defaults` over the same nodes (its defaults: English stemmer and
  stopwords, `\\b\\w\\w+\\b` tokens);
- `li fusion`: `QueryFusionRetriever` over both (reciprocal rerank, no query generation);
- `li vector 200/40`: not a default: the LlamaIndex vector pipeline at the bot's chunk size, to show
  what chunk size alone explains.

hit@k: a top-k passage contains an evidence string (eval/metrics.py rule) over the 105 answerable gold
questions; latency over all 119 questions, the pipelines interleaved question by question (noisy
machine), `--rounds` times. API latency: `POST /api/v1/search` (k=5) against `app.py` started on
127.0.0.1 over the same index, one client, sequential, keep-alive.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import time
from pathlib import Path

from _common import (
    CACHE,
    PYTHON,
    ROOT,
    SEEDS,
    Proc,
    bench_env,
    emit,
    free_port,
    gold_items,
    hit_summary,
    latency_ms,
    loadavg,
    machine,
    retrieval_hits,
    rss_mb,
    say,
    wait_http,
    work_dir,
)


def make_li_embedding(embedder, cache):
    """The bot's embedder (and its vector cache) as a LlamaIndex `BaseEmbedding`: same model, same prefixes."""
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from pydantic import PrivateAttr

    class BotEmbedding(BaseEmbedding):
        _embedder: object = PrivateAttr()
        _cache: object = PrivateAttr()

        def __init__(self, **kwargs):
            super().__init__(model_name=embedder.name, embed_batch_size=16, **kwargs)
            self._embedder = embedder
            self._cache = cache

        def _get_query_embedding(self, query: str) -> list[float]:
            return self._embedder.queries([query])[0].tolist()

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._get_text_embeddings([text])[0]

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return self._cache.passages(self._embedder, texts).tolist()

    return BotEmbedding()


class LlamaIndexPipelines:
    """The LlamaIndex default pipeline over the raw seeds, on its own Chroma store."""

    def __init__(self, folder: Path, embedder, cache, k: int = 5):
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from llama_index.core import Settings as LISettings
        from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter
        from llama_index.core.retrievers import QueryFusionRetriever
        from llama_index.retrievers.bm25 import BM25Retriever
        from llama_index.vector_stores.chroma import ChromaVectorStore

        LISettings.llm = None  # retrieval only: never reach for a hosted model
        LISettings.embed_model = make_li_embedding(embedder, cache)
        shutil.rmtree(folder, ignore_errors=True)
        client = chromadb.PersistentClient(path=str(folder), settings=ChromaSettings(anonymized_telemetry=False))
        started = time.perf_counter()
        documents = SimpleDirectoryReader(str(SEEDS)).load_data()
        self.nodes = LISettings.node_parser.get_nodes_from_documents(documents)  # SentenceSplitter defaults
        store = ChromaVectorStore(chroma_collection=client.get_or_create_collection("li-default"))
        index = VectorStoreIndex(self.nodes, storage_context=StorageContext.from_defaults(vector_store=store))
        self.build_s = time.perf_counter() - started
        self.vector = index.as_retriever(similarity_top_k=k)
        self.bm25 = BM25Retriever.from_defaults(nodes=self.nodes, similarity_top_k=k)
        self.fusion = QueryFusionRetriever(
            [self.vector, self.bm25], similarity_top_k=k, num_queries=1, mode="reciprocal_rerank", use_async=False
        )
        small_nodes = SentenceSplitter(chunk_size=200, chunk_overlap=40).get_nodes_from_documents(documents)
        small_store = ChromaVectorStore(chroma_collection=client.get_or_create_collection("li-200"))
        small = VectorStoreIndex(small_nodes, storage_context=StorageContext.from_defaults(vector_store=small_store))
        self.vector_small = small.as_retriever(similarity_top_k=k)
        self.small_nodes = small_nodes


def li_texts(retriever, question: str) -> list[str]:
    return [hit.node.get_content() for hit in retriever.retrieve(question)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="latency passes over the questions")
    parser.add_argument("--no-api", action="store_true", help="skip the HTTP measurement")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from bot import Library, Settings

    result: dict = {"machine": machine(), "notes": []}
    folder = work_dir("retrieval")
    settings = Settings(data_dir=folder / "fazhi", embed_cache=CACHE)
    library = Library(settings)
    say("retrieval: indexing the seeds (cached vectors after the first run) …")
    report = library.index([SEEDS], show_progress=False)
    assert not report.errors, report.errors
    say("retrieval: building the LlamaIndex pipelines …")
    with contextlib.redirect_stdout(sys.stderr):  # LlamaIndex prints notices, which would spoil --json
        li = LlamaIndexPipelines(folder / "llamaindex", library.embedder, library.cache)

    pipelines = {
        "fazhi hybrid": lambda q: [p.text for p in library.search([q], k=5)[0]],
        "li vector (default)": lambda q: li_texts(li.vector, q),
        "li bm25 (default)": lambda q: li_texts(li.bm25, q),
        "li fusion (vector+bm25)": lambda q: li_texts(li.fusion, q),
        "li vector 200/40": lambda q: li_texts(li.vector_small, q),
    }
    chunk_counts = {
        "fazhi hybrid": library.store.chunks.count(),
        "li vector (default)": len(li.nodes),
        "li bm25 (default)": len(li.nodes),
        "li fusion (vector+bm25)": len(li.nodes),
        "li vector 200/40": len(li.small_nodes),
    }

    items = gold_items()
    for fn in pipelines.values():  # warm up: models loaded, first-call costs paid
        fn(items[0].question)

    say("retrieval: quality and in-process latency, pipelines interleaved …")
    ranks: dict[str, list] = {name: [] for name in pipelines}
    misses: dict[str, list] = {name: [] for name in pipelines}
    contexts: dict[str, list] = {name: [] for name in pipelines}
    seconds: dict[str, list] = {name: [] for name in pipelines}
    embed_seconds: list[float] = []
    load = [loadavg()]
    for round_ in range(args.rounds):
        for item in items:
            for name, fn in pipelines.items():
                started = time.perf_counter()
                texts = fn(item.question)
                seconds[name].append(time.perf_counter() - started)
                if round_ == 0 and item.answerable:
                    ranks[name].append(retrieval_hits(texts, item.evidence))
                    if ranks[name][-1] is None or ranks[name][-1] > 5:
                        misses[name].append(f"{item.id} ({item.type}) {item.question}")
                    contexts[name].append(sum(len(t) for t in texts))
            started = time.perf_counter()
            library.embedder.queries([item.question])
            embed_seconds.append(time.perf_counter() - started)
    load.append(loadavg())

    rows = []
    for name in pipelines:
        lat = latency_ms(seconds[name])
        rows.append(
            {
                "pipeline": name,
                "chunks": chunk_counts[name],
                **hit_summary(ranks[name], contexts[name]),
                "p50_ms": lat["p50"],
                "p95_ms": lat["p95"],
            }
        )
    result["retrieval"] = rows
    result["query_embedding_ms"] = latency_ms(embed_seconds)
    result["fazhi_misses"] = misses["fazhi hybrid"]
    result["loadavg_during"] = load
    best_li = max(r["hit@5"] for r in rows if r["pipeline"].startswith("li") and "default" in r["pipeline"])
    default_li = next(r["hit@5"] for r in rows if r["pipeline"] == "li vector (default)")
    ours = rows[0]["hit@5"]
    result["target_hit5"] = {
        "fazhi": ours,
        "li_default_vector": default_li,
        "margin_vs_li_default": round(ours - default_li, 3),
        "best_li_default_retriever": best_li,
        "margin_vs_best_li": round(ours - best_li, 3),
        "target": "+0.10",
        "met": ours - default_li >= 0.1,
    }
    result["rss_mb_in_process"] = rss_mb()

    if not args.no_api:
        result["api"] = measure_api(folder, settings, items, args.rounds)
    library.close()
    result["notes"].append(
        "hit@k over the 105 answerable gold questions; latency over all 119, k=5, includes the query embedding "
        f"(e5 alone: p50 {result['query_embedding_ms']['p50']} ms)"
    )
    emit(
        result,
        args.json,
        [
            ("retrieval on the gold set (k=5)", "retrieval", None),
            ("hit@5 target", "target_hit5", None),
            ("gold questions the bot misses at k=5", "fazhi_misses", None),
            ("query embedding alone", "query_embedding_ms", None),
            ("through the API (POST /api/v1/search, k=5)", "api", None),
        ],
    )
    return 0


def measure_api(folder: Path, settings, items, rounds: int) -> dict:
    """`app.py` over the same index, on 127.0.0.1; one keep-alive client asks every question in turn."""
    import httpx

    port = free_port()
    env = bench_env(
        BOT_DATA_DIR=settings.data_dir,
        BOT_EMBED_CACHE=CACHE,
        BOT_SEEDS_DIR=SEEDS,
        BOT_RATE_LIMIT=0,
        BOT_PORT=port,
    )
    say("retrieval: starting app.py for the API measurement …")
    with Proc([PYTHON, str(ROOT / "app.py")], env, log=folder / "app.log") as server:
        base = f"http://127.0.0.1:{port}/api/v1"
        wait_http(f"{base}/health", server)
        seconds, ranks, errors = [], [], 0
        with httpx.Client(timeout=30) as client:
            client.post(f"{base}/search", json={"question": items[0].question, "k": 5})
            for round_ in range(rounds):
                for item in items:
                    started = time.perf_counter()
                    response = client.post(f"{base}/search", json={"question": item.question, "k": 5})
                    seconds.append(time.perf_counter() - started)
                    if response.status_code != 200:
                        errors += 1
                        continue
                    if round_ == 0 and item.answerable:
                        texts = [p["text"] for p in response.json()["passages"]]
                        ranks.append(retrieval_hits(texts, item.evidence))
        lat = latency_ms(seconds)
        return {
            "requests": len(seconds),
            "errors": errors,
            "p50_ms": lat["p50"],
            "p95_ms": lat["p95"],
            "p99_ms": lat["p99"],
            "hit@5": hit_summary(ranks)["hit@5"] if ranks else None,
            "server_rss_mb": rss_mb(server.pid),
        }


if __name__ == "__main__":
    sys.exit(main())
