"""Search latency while an index job runs, with and without the indexer yielding the CPU, side by side.

    .venv/bin/python benchmarks/yielding.py                 # 3 look-alike reports (≈ 2–4 min on 2 cores)
    .venv/bin/python benchmarks/yielding.py --n 5 --json

Each mode indexes the same look-alike reports (archive.py's, so nothing is in any embedding cache) into a
fresh data directory with its own fresh embedding cache, on a background thread, while this thread keeps
asking the place-naming gold questions through `Library.search` (the query embedding included: the query
cache is off) until the index job ends. Before that, the same questions are timed with nothing indexing.

- `yielding`: the defaults, `BOT_INDEX_THREADS=1`, `BOT_INDEX_NICE=10`;
- `not yielding`: the indexer as answering, `BOT_INDEX_THREADS=$BOT_THREADS` (2), `BOT_INDEX_NICE=0`.

The machine is shared: compare the two rows of one run, not runs of different days.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

from _common import emit, latency_ms, loadavg, machine, say
from archive import build_archive, place_questions

MODES = {"yielding": {"index_threads": 1, "index_nice": 10}, "not yielding": {"index_threads": 2, "index_nice": 0}}


def open_library(data: Path, **overrides):
    from bot import Library, Settings

    settings = Settings(data_dir=data, embed_cache=data / "embeddings.sqlite", query_cache=0, threads=2, **overrides)
    return Library(settings)


def timed_searches(library, questions: list[str], until: threading.Event | None, rounds: int = 1) -> list[float]:
    """Ask the questions in turn (`rounds` times, or until `until` is set); seconds of each search."""
    seconds: list[float] = []
    i = 0
    while (until is None and i < rounds * len(questions)) or (until is not None and not until.is_set()):
        started = time.perf_counter()
        library.search([questions[i % len(questions)]], k=5)
        seconds.append(time.perf_counter() - started)
        i += 1
    return seconds


def run_mode(name: str, base: Path, reports: list[Path], questions: list[str]) -> dict:
    """Seed the index with one report, time idle searches, then index the rest while searching."""
    library = open_library(base / name.replace(" ", "-"), **MODES[name])
    library.index(reports[:1], show_progress=False)
    idle = timed_searches(library, questions, None, rounds=2)
    done = threading.Event()
    box: dict = {}

    def index() -> None:
        started = time.perf_counter()
        try:
            box["report"] = library.index(reports[1:], show_progress=False)
        finally:
            box["seconds"] = time.perf_counter() - started
            done.set()

    indexer = threading.Thread(target=index, daemon=True)
    indexer.start()
    during = timed_searches(library, questions, done)
    indexer.join()
    library.close()
    embedded = box["report"].embedded
    return {
        "mode": name,
        **MODES[name],
        "index_s": round(box["seconds"], 1),
        "chunks_embedded": embedded,
        "chunks_per_s": round(embedded / box["seconds"], 2),
        "idle_p50": latency_ms(idle)["p50"],
        "idle_p95": latency_ms(idle)["p95"],
        **{f"during_{k}": v for k, v in latency_ms(during).items() if k in ("n", "p50", "p95", "p99", "max")},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=3, help="look-alike reports indexed while searching (+1 first)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="fazhi-yielding-"))
    bodies = build_archive(base / "reports", args.n + 1)
    reports = sorted((base / "reports").glob("lookalike_*.txt"))
    questions = [item.question for item in place_questions(bodies)]
    result = {"machine": machine(), "reports_indexed": len(reports) - 1, "questions": len(questions), "rows": []}
    for name in MODES:
        say(f"yielding: {name} …")
        result["rows"].append(run_mode(name, base, reports, questions))
    result["load_at_end"] = loadavg()
    emit(result, args.json, [("search latency (ms) while an index job runs", "rows", None)])
    say(f"(work files in {base})")


if __name__ == "__main__":
    main()
