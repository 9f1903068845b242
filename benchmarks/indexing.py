"""Indexing speed and memory per embedding backend: cold index of the seeds, re-index with nothing
changed, re-index with one report changed.

    .venv/bin/python benchmarks/indexing.py                    # e5 and use
    .venv/bin/python benchmarks/indexing.py --backends e5,use,openai --json

Each backend runs in its own process (so peak RSS is its own) over a copy of seeds/ in an empty data
directory with an empty embedding cache:

- cold: `Library.index` of the five seeds in-process, models loaded on first use (counted);
- unchanged: the same call again in-process, and `python -m bot index <seeds>` in a fresh process
  (wall time, interpreter start and imports included: what a user or `make run` sees), median of 3;
- one changed: one report gets a paragraph edited and one appended; `python -m bot index` again
  (fresh process), reporting what was re-embedded.

`openai` is the bot's `/v1/embeddings` client against benchmarks/stub_openai.py serving e5 on
127.0.0.1 (like TEI/vLLM/Ollama would), so it measures the HTTP path; the model runs in the server.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
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
    loadavg,
    machine,
    peak_rss_mb,
    rss_mb,
    say,
    wait_http,
    work_dir,
)

CHANGED = "002_092cc53afba18b30.txt"


def edit_report(path: Path) -> None:
    """A realistic revision: one figure in one sentence changed, and one paragraph appended."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if len(line) > 80 and any(ch.isdigit() for ch in line):
            digit = next(j for j, ch in enumerate(line) if ch.isdigit())
            lines[i] = line[:digit] + str((int(line[digit]) + 1) % 10) + line[digit + 1 :]
            break
    lines.append("（十）补充说明。本年度新增行政执法案卷评查工作，共评查案卷1234卷，发现问题56个，已全部整改。")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def time_embedder(embedder) -> list[float]:
    """Wrap `embedder.passages` so the time spent embedding (model load included) is known."""
    seconds: list[float] = []
    inner = embedder.passages

    def timed(texts):
        started = time.perf_counter()
        try:
            return inner(texts)
        finally:
            seconds.append(time.perf_counter() - started)

    embedder.passages = timed
    return seconds


def cli_index(seeds: Path, env: dict) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [PYTHON, "-m", "bot", "index", str(seeds)], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"bot index failed:\n{done.stderr[-2000:]}")
    return seconds, done.stdout.strip().splitlines()[-1]


def child(backend: str, folder: Path, embed_url: str | None) -> dict:
    """One backend, in this (fresh) process."""
    from bot import Library, Settings

    seeds = folder / "seeds"
    shutil.copytree(SEEDS, seeds)
    raw_chars = sum(len(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt"))
    overrides = {"embed_url": embed_url} if embed_url else {}
    env_extra = {"BOT_DATA_DIR": folder / "data", "BOT_EMBEDDER": backend}
    if embed_url:
        env_extra["BOT_EMBED_URL"] = embed_url
    env = bench_env(**env_extra)
    settings = Settings(data_dir=folder / "data", embedder=backend, **overrides)
    out: dict = {"backend": backend, "rss_before_mb": rss_mb()}

    load_before = loadavg()
    started = time.perf_counter()
    library = Library(settings)
    embed_seconds = time_embedder(library.embedder)
    report = library.index([seeds], show_progress=False)
    cold = time.perf_counter() - started
    assert not report.errors, report.errors
    chunks = report.chunks_written
    got = library.store.chunks.get(include=["documents"])
    chunk_chars = sum(len(t) for t in got["documents"])
    out.update(
        reports=len(report.added),
        chunks=chunks,
        raw_chars=raw_chars,
        chunk_chars=chunk_chars,
        cold_s=round(cold, 2),
        cold_embed_s=round(sum(embed_seconds), 2),
        chunks_per_s=round(chunks / cold, 2),
        chars_per_s=round(raw_chars / cold),
        load_cold=[load_before, loadavg()],
    )

    started = time.perf_counter()
    again = library.index([seeds], show_progress=False)
    out["unchanged_inproc_s"] = round(time.perf_counter() - started, 3)
    assert len(again.unchanged) == 5 and again.embedded == 0
    out["peak_rss_mb"] = peak_rss_mb()
    out["rss_after_mb"] = rss_mb()
    library.close()
    del library

    runs = [cli_index(seeds, env) for _ in range(3)]
    out["unchanged_cli_s"] = round(statistics.median(s for s, _ in runs), 2)
    out["unchanged_cli_runs"] = [round(s, 2) for s, _ in runs]
    out["unchanged_cli_says"] = runs[-1][1]

    edit_report(seeds / CHANGED)
    seconds, said = cli_index(seeds, env)
    out["one_changed_cli_s"] = round(seconds, 2)
    out["one_changed_says"] = said
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="e5,use", help="comma-separated: e5, use, openai")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--embed-url", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(child(args.child, args.dir, args.embed_url), ensure_ascii=False))
        return 0

    result: dict = {"machine": machine(), "runs": [], "notes": []}
    for backend in args.backends.split(","):
        folder = work_dir(f"indexing-{backend}", fresh=True)
        server, embed_url = None, None
        if backend == "openai":
            port = free_port()
            cmd = [PYTHON, str(ROOT / "benchmarks" / "stub_openai.py"), "--port", str(port), "--embeddings"]
            server = Proc(cmd + ["--threads", "2"], bench_env(), log=folder / "stub.log")
            wait_http(f"http://127.0.0.1:{port}/health", server)
            embed_url = f"http://127.0.0.1:{port}/v1"
        say(f"indexing: {backend} …")
        try:
            cmd = [PYTHON, __file__, "--child", backend, "--dir", str(folder)]
            done = subprocess.run(
                cmd + (["--embed-url", embed_url] if embed_url else []),
                capture_output=True,
                text=True,
                env=bench_env(),
                check=False,
            )
            if done.returncode:
                say(f"{backend} failed:\n{done.stderr[-3000:]}")
                continue
            run = json.loads(done.stdout.strip().splitlines()[-1])
            if server is not None:
                run["server_rss_mb"] = rss_mb(server.pid)
            result["runs"].append(run)
        finally:
            if server is not None:
                server.stop()
    result["notes"].append(
        "cold = empty store and empty embedding cache, model load included; unchanged_cli/one_changed_cli = "
        "`python -m bot index` in a fresh process, interpreter start and imports included"
    )
    emit(
        result,
        args.json,
        [
            (
                "indexing (5 seeds)",
                "runs",
                [
                    "backend",
                    "chunks",
                    "raw_chars",
                    "cold_s",
                    "cold_embed_s",
                    "chunks_per_s",
                    "chars_per_s",
                    "peak_rss_mb",
                    "unchanged_inproc_s",
                    "unchanged_cli_s",
                    "one_changed_cli_s",
                    "one_changed_says",
                ],
            )
        ],
    )
    return 0 if result["runs"] else 1


if __name__ == "__main__":
    sys.exit(main())
