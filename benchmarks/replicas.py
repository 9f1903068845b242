"""Beyond one machine: two stateless API replicas over one `chroma run`, embeddings and answers from
OpenAI-compatible servers, answering consistently, all on 127.0.0.1.

    .venv/bin/python benchmarks/replicas.py [--questions 30] [--in-process-models] [--json]

What runs (each its own process):

- `chroma run --path data/bench/replicas/chroma` on 127.0.0.1: the one vector store;
- benchmarks/stub_openai.py serving `/v1/embeddings` (e5) and `/v1/chat/completions` (fixed-rate stub),
  standing in for TEI / vLLM / Ollama (`--in-process-models`: each replica runs e5 and the extractive
  backend itself instead);
- replica A (`app.py`, the writer: bundled seeds, document uploads and removals) and replica B
  (`app.py`, a reader: `BOT_SEEDS_DIR` pointing at an empty folder), each with its own `BOT_DATA_DIR`
  (its own BM25 copy and embedding cache), both with `CHROMA_HOST`.

Checks: the seeds are indexed once through A; A and B return the same passages (chunk ids, in order) and
the same answers for `--questions` gold questions; a report uploaded through A is found through B on
B's next request (its keyword index follows Chroma's generation token) and is gone from B once A removes
it; B restarted does not bring anything back. Also probes whether this Chroma server can do keyword
search itself (its `search()` API and sparse-vector indexes), which would let replicas share it.
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import time
from pathlib import Path

from _common import (
    PYTHON,
    ROOT,
    SEEDS,
    Proc,
    bench_env,
    emit,
    free_port,
    gold_items,
    latency_ms,
    machine,
    say,
    wait_http,
    work_dir,
)

from bot.settings import Settings

NEW_REPORT = "900_shenzhen_2024.txt"
REFRESH = Settings().index_refresh  # what the replicas use (BOT_INDEX_REFRESH)
NEW_TEXT = """深圳市2024年法治政府建设情况报告
2024年，深圳市深入推进法治政府建设，各项工作取得新成效。
一、主要工作成效
（一）行政复议主渠道作用进一步发挥。全市各级行政复议机构全年共收到行政复议申请4321件，依法受理3987件，审结3876件，直接纠错率为12.3%。
（二）行政执法规范化水平持续提升。全市共组织行政执法人员培训85场，培训执法人员1.2万人次。
"""
QUESTION = "深圳市2024年收到了多少件行政复议申请？"


def probe_chroma(host: str, port: int) -> dict:
    """Can this Chroma server rank by keywords itself? Try its hybrid `search()` and a BM25 sparse index."""
    import chromadb
    from chromadb import Schema, SparseVectorIndexConfig
    from chromadb.config import Settings as ChromaSettings
    from chromadb.execution.expression import K, Knn, Search
    from chromadb.utils.embedding_functions import ChromaBm25EmbeddingFunction

    client = chromadb.HttpClient(host=host, port=port, settings=ChromaSettings(anonymized_telemetry=False))
    out = {}
    probe = client.get_or_create_collection("probe-features", embedding_function=None)
    probe.upsert(ids=["a"], embeddings=[[1.0, 0.0]], documents=["行政复议申请4321件"])
    try:
        probe.search(Search().rank(Knn(query=[1.0, 0.0])).limit(1))
        out["search_api"] = "works"
    except Exception as exc:  # the point is to record what it says
        out["search_api"] = f"{type(exc).__name__}: {exc}"
    try:
        schema = Schema().create_index(
            config=SparseVectorIndexConfig(source_key=K.DOCUMENT, embedding_function=ChromaBm25EmbeddingFunction()),
            key="bm25",
        )
        client.get_or_create_collection("probe-bm25", embedding_function=None, schema=schema)
        out["sparse_bm25_index"] = "works"
    except Exception as exc:
        out["sparse_bm25_index"] = f"{type(exc).__name__}: {exc}"
    try:
        found = probe.get(where_document={"$contains": "4321"}, include=[])["ids"]
        out["where_document_contains"] = f"works (a substring filter, unranked): {found}"
    except Exception as exc:
        out["where_document_contains"] = f"{type(exc).__name__}: {exc}"
    for name in ("probe-features", "probe-bm25"):
        with contextlib.suppress(Exception):  # the second may never have been created
            client.delete_collection(name)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=30)
    parser.add_argument("--in-process-models", action="store_true", help="e5 + extractive in each replica")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    import httpx

    folder = work_dir("replicas", fresh=True)
    empty = work_dir("replicas/no-seeds")
    chroma_port = free_port()
    result: dict = {"machine": machine(), "checks": [], "notes": []}
    procs: list[Proc] = []

    def check(name: str, ok: bool, detail: str = "") -> None:
        result["checks"].append({"check": name, "ok": bool(ok), "detail": detail})
        say(f"replicas: {'ok  ' if ok else 'FAIL'} {name} {detail}")

    try:
        chroma = Proc(
            [str(Path(PYTHON).parent / "chroma"), "run", "--path", str(folder / "chroma"), "--host", "127.0.0.1"]
            + ["--port", str(chroma_port)],
            bench_env(),
            log=folder / "chroma.log",
        )
        procs.append(chroma)
        wait_http(f"http://127.0.0.1:{chroma_port}/api/v2/heartbeat", chroma, timeout=120)
        common = {"CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": chroma_port, "BOT_RATE_LIMIT": 0}
        if args.in_process_models:
            common.update(BOT_EMBEDDER="e5", BOT_LLM="extractive")
        else:
            model_port = free_port()
            stub = Proc(
                [PYTHON, str(ROOT / "benchmarks" / "stub_openai.py"), "--port", str(model_port), "--embeddings"]
                + ["--threads", "2", "--ttft", "0.05", "--tokens-per-s", "200"],
                bench_env(),
                log=folder / "models.log",
            )
            procs.append(stub)
            wait_http(f"http://127.0.0.1:{model_port}/health", stub)
            url = f"http://127.0.0.1:{model_port}/v1"
            common.update(BOT_EMBEDDER="openai", BOT_EMBED_URL=url, BOT_LLM="openai", BOT_OPENAI_URL=url)
        result["setup"] = {k: str(v) for k, v in common.items()}

        say("replicas: indexing the seeds into the Chroma server (through the CLI) …")
        started = time.perf_counter()
        done = subprocess.run(
            [PYTHON, "-m", "bot", "index", str(SEEDS)],
            env=bench_env(BOT_DATA_DIR=folder / "indexer", **common),
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        check("seeds indexed into chroma run", done.returncode == 0, done.stdout.strip()[-200:] or done.stderr[-500:])
        result["index_s"] = round(time.perf_counter() - started, 1)

        def replica(name: str, **extra) -> tuple[Proc, str]:
            port = free_port()
            proc = Proc(
                [PYTHON, str(ROOT / "app.py")],
                bench_env(BOT_DATA_DIR=folder / name, BOT_PORT=port, **common, **extra),
                log=folder / f"{name}.log",
            )
            procs.append(proc)
            return proc, f"http://127.0.0.1:{port}/api/v1"

        a_proc, a = replica("replica-a", BOT_SEEDS_DIR=SEEDS)
        b_proc, b = replica("replica-b", BOT_SEEDS_DIR=empty)
        wait_http(f"{a}/health", a_proc, timeout=600)
        wait_http(f"{b}/health", b_proc, timeout=600)

        client = httpx.Client(timeout=120)
        items = gold_items()[: args.questions]
        same_search = same_answer = 0
        seconds = {"A": [], "B": []}
        for item in items:
            got = {}
            for name, base in (("A", a), ("B", b)):
                t0 = time.perf_counter()
                passages = client.post(f"{base}/search", json={"question": item.question, "k": 5}).json()["passages"]
                seconds[name].append(time.perf_counter() - t0)
                answer = client.post(f"{base}/answer", json={"question": item.question}).json()
                got[name] = (
                    [p["chunk_id"] for p in passages],
                    answer["answer"],
                    [c["doc"] for c in answer["citations"]],
                )
            same_search += got["A"][0] == got["B"][0]
            same_answer += got["A"][1:] == got["B"][1:]
        check("same passages from A and B", same_search == len(items), f"{same_search}/{len(items)} questions")
        check("same answers from A and B", same_answer == len(items), f"{same_answer}/{len(items)} questions")
        result["search_latency"] = [
            {"replica": name, **{k: v for k, v in latency_ms(s).items() if k in ("n", "p50", "p95")}}
            for name, s in seconds.items()
        ]

        def top_doc(base: str) -> str | None:
            passages = client.post(f"{base}/search", json={"question": QUESTION, "k": 3}).json()["passages"]
            return passages[0]["doc"] if passages else None

        check("new report unknown before the upload", top_doc(b) != NEW_REPORT)
        upload = client.post(f"{a}/documents", files={"files": (NEW_REPORT, NEW_TEXT.encode(), "text/plain")})
        job = upload.json()["job"]
        deadline = time.monotonic() + 300
        while job["status"] in ("queued", "running") and time.monotonic() < deadline:
            time.sleep(0.5)
            job = client.get(f"{a}/jobs/{job['id']}").json()
        check("upload through A indexed", job["status"] == "done", str(job.get("result")))
        time.sleep(REFRESH)  # other replicas see a change within BOT_INDEX_REFRESH seconds
        t0 = time.perf_counter()
        found_b = top_doc(b)
        result["b_first_request_after_change_ms"] = round((time.perf_counter() - t0) * 1000, 1)
        check("B finds the report uploaded through A", found_b == NEW_REPORT, f"top passage from {found_b}")
        answer_b = client.post(f"{b}/answer", json={"question": QUESTION}).json()
        cited = [c["doc"] for c in answer_b["citations"]]
        check("B answers from it", NEW_REPORT in cited, f"{answer_b['answer'][:60]} (cites {cited})")
        removed = client.delete(f"{a}/documents/{NEW_REPORT}").json()
        check("removed through A", removed.get("removed") is True)
        time.sleep(REFRESH)
        check("B no longer finds it", top_doc(b) != NEW_REPORT)

        say("replicas: restarting B …")
        b_proc.stop()
        b_proc, b = replica("replica-b-restarted", BOT_SEEDS_DIR=empty)
        wait_http(f"{b}/health", b_proc, timeout=600)
        docs_a = sorted(d["doc"] for d in client.get(f"{a}/documents").json()["documents"])
        docs_b = sorted(d["doc"] for d in client.get(f"{b}/documents").json()["documents"])
        check("after B restarts, A and B list the same reports", docs_a == docs_b, f"{len(docs_a)} reports")
        check("the removed report stays removed", NEW_REPORT not in docs_b)
        client.close()

        result["chroma_keyword_search"] = probe_chroma("127.0.0.1", chroma_port)
    finally:
        for proc in reversed(procs):
            proc.stop()
    result["all_ok"] = all(c["ok"] for c in result["checks"])
    result["notes"].append(
        "replica B has its own BOT_DATA_DIR (BM25 copy rebuilt from Chroma when the generation token changes) "
        "and no bundled seeds: document changes go through one writer (see docs/deploy.md)"
    )
    emit(
        result,
        args.json,
        [
            ("checks", "checks", None),
            ("search latency through each replica", "search_latency", None),
            (
                "B's first search after the upload (includes its BM25 rebuild), ms",
                "b_first_request_after_change_ms",
                None,
            ),
            ("can the Chroma server do keyword search itself?", "chroma_keyword_search", None),
        ],
    )
    return 0 if result["all_ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
