"""API load: concurrent clients against the bot on 127.0.0.1, beside a do-nothing FastAPI endpoint, in one run.

    .venv/bin/python benchmarks/api_load.py                       # 32 clients, 2 × 15 s rounds, 60 s sustained
    .venv/bin/python benchmarks/api_load.py --clients 32 --seconds 15 --rounds 2 --sustain 120 --json
    .venv/bin/python benchmarks/api_load.py --log-cost --rounds 3 --seconds 10   # conversation log on vs off

Servers (each its own process, uvicorn, one worker, as `app.py` runs):

- `noop`: a FastAPI app whose `POST /api/v1/answer` parses the same JSON body and returns a constant;
- `extractive`: `app.py` with `BOT_LLM=extractive` over the seeds (UI mounted, as deployed), default
  settings, warmed with every gold question once: staff asking questions that were asked before, which
  are answered from memory (`BOT_ANSWER_CACHE`) until the reports change;
- `extractive, new questions`: the same with `BOT_ANSWER_CACHE=0 BOT_QUERY_CACHE=0`, so every request
  embeds the question, retrieves and answers: a stream of questions never asked before;
- `extractive, remote embed`: new questions too, but `BOT_EMBEDDER=openai` against stub_openai.py
  `--embeddings --memo` (e5 behind an OpenAI-compatible `/v1/embeddings` that remembers vectors, warmed
  with every question once): what this box serves when the query embedding is done elsewhere (a TEI/vLLM box);
- `openai-stub`: `app.py` with `BOT_LLM=openai` against benchmarks/stub_openai.py, which streams at a
  fixed rate (`--stub-ttft`, `--stub-rate`, up to 60 tokens), with `BOT_MAX_CONCURRENT_ANSWERS` = clients
  (the model server, not this machine, bounds that backend).

The load generator (this process: asyncio + httpx, one connection per client) sends `POST /api/v1/answer`
with the gold questions in turn, each client from its own offset. noop and the extractive servers alternate
for `--rounds` rounds of `--seconds` each (the machine is noisy, so the ratio is taken within the run);
then the stub backend; then a sustained extractive run of `--sustain` s sampling the server's memory
every second. Every phase is bounded in time and in count (`--max-requests`). `BOT_RATE_LIMIT=0`.

`--log-cost` measures only the conversation log (bot/serve/conversations.py): two extractive servers, one
with `BOT_CONVERSATION_LOG=true` and one with it off, both answering questions asked before (the cheapest
answers, where logging's share is largest), alternating for `--rounds` rounds (the order flipped each round);
it reports each side's requests/s and p95 per round, their run-to-run spread, the on/off ratio per round, and
how many answers the log holds against how many were answered (a full queue drops records, never answers).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import threading
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
    latency_ms,
    loadavg,
    machine,
    rss_mb,
    say,
    wait_http,
    work_dir,
)

REMOTE = "extractive, remote embed"
NEW = "extractive, new questions"
NO_MEMORY = {"BOT_ANSWER_CACHE": 0, "BOT_QUERY_CACHE": 0}
MEMORY_ON = {"BOT_ANSWER_CACHE": 1024, "BOT_QUERY_CACHE": 4096}  # the defaults (_common turns them off)


def noop_app():
    from fastapi import Body, FastAPI

    app = FastAPI()

    @app.get("/api/v1/health")
    async def health() -> dict:
        return {"status": "ok"}

    @app.post("/api/v1/answer")
    async def answer(body: dict = Body(...)) -> dict:  # noqa: B008 - FastAPI's way to take a JSON body
        return {"question": body.get("question"), "answer": "", "refused": True, "citations": []}

    return app


async def load(base: str, questions: list[str], clients: int, seconds: float, max_requests: int) -> dict:
    """`clients` concurrent keep-alive clients for `seconds` (or `max_requests` in all)."""
    import httpx

    latencies: list[float] = []
    errors: dict[str, int] = {}
    sent = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        deadline = time.perf_counter() + seconds

        async def worker(offset: int) -> None:
            nonlocal sent
            i = offset
            while time.perf_counter() < deadline and sent < max_requests:
                sent += 1
                question = questions[i % len(questions)]
                i += 7
                started = time.perf_counter()
                try:
                    response = await client.post("/api/v1/answer", json={"question": question})
                    if response.status_code == 200:
                        latencies.append(time.perf_counter() - started)
                    else:
                        errors[str(response.status_code)] = errors.get(str(response.status_code), 0) + 1
                except httpx.HTTPError as exc:
                    errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(worker(n * 11) for n in range(clients)))
        wall = time.perf_counter() - started
    lat = latency_ms(latencies)
    return {
        "ok": len(latencies),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "rps": round(len(latencies) / wall, 1),
        "p50_ms": lat.get("p50"),
        "p95_ms": lat.get("p95"),
        "p99_ms": lat.get("p99"),
        "seconds": round(wall, 1),
    }


class MemorySampler:
    """RSS of a process every `interval` seconds, in a thread."""

    def __init__(self, pid: int, interval: float = 1.0):
        self.pid, self.interval, self.samples = pid, interval, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        started = time.perf_counter()
        while not self._stop.is_set():
            self.samples.append((round(time.perf_counter() - started, 1), rss_mb(self.pid)))
            self._stop.wait(self.interval)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def start_bot(folder: Path, name: str, log_dir: Path, **env) -> tuple[Proc, str]:
    port = free_port()
    proc = Proc(
        [PYTHON, str(ROOT / "app.py")],
        bench_env(
            BOT_DATA_DIR=folder,
            BOT_EMBED_CACHE=CACHE,
            BOT_SEEDS_DIR=SEEDS,
            BOT_RATE_LIMIT=0,
            BOT_PORT=port,
            **env,
        ),
        log=log_dir / f"{name}.log",
    )
    return proc, f"http://127.0.0.1:{port}"


def start_stub(log: Path, *flags: str | float) -> tuple[Proc, str]:
    """benchmarks/stub_openai.py on a free port, once it answers; returns it and its `…/v1` URL."""
    port = free_port()
    command = [PYTHON, str(ROOT / "benchmarks" / "stub_openai.py"), "--port", str(port), *map(str, flags)]
    stub = Proc(command, bench_env(), log=log)
    try:
        wait_http(f"http://127.0.0.1:{port}/health", stub)
    except BaseException:
        stub.stop()
        raise
    return stub, f"http://127.0.0.1:{port}/v1"


def _spread(values: list[float]) -> dict:
    """Mean, min, max and the run-to-run spread ((max - min) / mean) of one side's rounds."""
    mean = statistics.fmean(values) if values else 0.0
    spread = (max(values) - min(values)) / mean if mean else 0.0
    return {
        "mean": round(mean, 1),
        "min": min(values, default=0),
        "max": max(values, default=0),
        "spread": round(spread, 3),
    }


def _logged_rows(folder: Path) -> int | None:
    import sqlite3

    path = folder / "conversations.sqlite"
    if not path.exists():
        return None
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]


def log_cost(args: argparse.Namespace) -> int:
    """The conversation log on vs off, side by side, `args.rounds` alternating rounds each."""
    import httpx

    questions = [item.question for item in gold_items()]
    folder = work_dir("api-log", fresh=True)  # `logged` counts this run only
    logs = work_dir("api-log/logs")
    sides = {"log on": "true", "log off": "false"}
    result: dict = {"machine": machine(), "clients": args.clients, "phases": [], "notes": []}
    procs: list[Proc] = []
    answered = dict.fromkeys(sides, 0)
    try:
        servers = {}
        for name, on in sides.items():
            proc, url = start_bot(
                folder / name.replace(" ", "-"),
                name.replace(" ", "-"),
                logs,
                BOT_LLM="extractive",
                BOT_CONVERSATION_LOG=on,
                **MEMORY_ON,
            )
            procs.append(proc)
            servers[name] = (proc, url)
        say("api_load --log-cost: waiting for the servers, then asking every question once …")
        for name, (proc, url) in servers.items():
            wait_http(f"{url}/api/v1/health", proc, timeout=900)
            with httpx.Client(base_url=url, timeout=60) as client:
                answered[name] += sum(
                    client.post("/api/v1/answer", json={"question": q}).status_code == 200 for q in questions
                )
        for round_ in range(1, args.rounds + 1):
            order = list(sides) if round_ % 2 else list(reversed(sides))
            for name in order:
                say(f"api_load --log-cost: {name} round {round_} ({args.seconds:.0f} s, {args.clients} clients) …")
                load_before = loadavg()
                measured = asyncio.run(load(servers[name][1], questions, args.clients, args.seconds, args.max_requests))
                answered[name] += measured["ok"]
                result["phases"].append(
                    {"server": name, "round": round_, **measured, "loadavg": [load_before, loadavg()]}
                )
        time.sleep(2)  # the writer's last batch
        on = [p for p in result["phases"] if p["server"] == "log on"]
        off = [p for p in result["phases"] if p["server"] == "log off"]
        result["summary"] = [
            {
                "server": name,
                "rps": _spread([p["rps"] for p in rows]),
                "p95_ms": _spread([p["p95_ms"] or 0 for p in rows]),
                "errors": sum(p["errors"] for p in rows),
                "answered": answered[name],
                "logged": _logged_rows(folder / name.replace(" ", "-")),
            }
            for name, rows in (("log on", on), ("log off", off))
        ]
        ratios = [a["rps"] / b["rps"] if b["rps"] else 0.0 for a, b in zip(on, off)]
        result["ratio"] = {
            "on_over_off_per_round": [round(r, 3) for r in ratios],
            "mean": round(statistics.fmean(ratios), 3),
        }
    finally:
        for proc in reversed(procs):
            proc.stop()
    result["notes"].append("both servers answer from memory (questions asked before); the order alternates per round")
    emit(
        result,
        args.json,
        [
            (f"POST /api/v1/answer, {args.clients} clients, log on vs off", "phases", None),
            ("per side over the rounds (spread = (max - min) / mean)", "summary", None),
            ("requests/s, log on / log off", "ratio", None),
        ],
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=15.0, help="length of each measured phase")
    parser.add_argument("--rounds", type=int, default=2, help="noop/extractive alternations")
    parser.add_argument("--sustain", type=float, default=60.0, help="sustained extractive run, seconds (0: skip)")
    parser.add_argument("--max-requests", type=int, default=20000, help="most requests in one phase")
    parser.add_argument("--stub-ttft", type=float, default=0.3)
    parser.add_argument("--stub-rate", type=float, default=30.0, help="stub tokens per second")
    parser.add_argument("--no-stub", action="store_true", help="skip the openai-stub backend")
    parser.add_argument("--no-remote-embed", action="store_true", help="skip extractive with remote embeddings")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--log-cost", action="store_true", help="only: conversation log on vs off, alternating")
    parser.add_argument("--serve-noop", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.log_cost:
        return log_cost(args)

    if args.serve_noop:
        import uvicorn

        uvicorn.run(noop_app(), host="127.0.0.1", port=args.serve_noop, log_level="warning")
        return 0

    import httpx

    questions = [item.question for item in gold_items()]
    folder = work_dir("api")
    logs = work_dir("api/logs")
    result: dict = {"machine": machine(), "clients": args.clients, "phases": [], "notes": []}
    procs: list[Proc] = []
    try:
        noop_port = free_port()
        noop = Proc([PYTHON, __file__, "--serve-noop", str(noop_port)], bench_env(), log=logs / "noop.log")
        procs.append(noop)
        servers = {"noop": (noop, f"http://127.0.0.1:{noop_port}")}
        bot, base = start_bot(folder / "extractive", "extractive", logs, BOT_LLM="extractive", **MEMORY_ON)
        procs.append(bot)
        servers["extractive"] = (bot, base)
        fresh, fresh_base = start_bot(folder / "new", "new-questions", logs, BOT_LLM="extractive", **NO_MEMORY)
        procs.append(fresh)
        servers[NEW] = (fresh, fresh_base)
        if not args.no_stub:
            stub, stub_url = start_stub(logs / "stub.log", "--ttft", args.stub_ttft, "--tokens-per-s", args.stub_rate)
            procs.append(stub)
            remote, remote_base = start_bot(
                folder / "openai",
                "openai",
                logs,
                BOT_LLM="openai",
                BOT_OPENAI_URL=stub_url,
                BOT_MAX_CONCURRENT_ANSWERS=args.clients,
            )
            procs.append(remote)
            servers["openai-stub"] = (remote, remote_base)
        if not args.no_remote_embed:
            embedder, embed_url = start_stub(logs / "embed.log", "--embeddings", "--memo", "--threads", 2)
            procs.append(embedder)
            remote_embed, remote_embed_base = start_bot(
                folder / "remote-embed",
                "remote-embed",
                logs,
                BOT_LLM="extractive",
                BOT_EMBEDDER="openai",
                BOT_EMBED_URL=embed_url,
                **NO_MEMORY,
            )
            procs.append(remote_embed)
            servers[REMOTE] = (remote_embed, remote_embed_base)
        say("api_load: waiting for the servers (indexing the seeds on first start) …")
        for proc, url in servers.values():
            wait_http(f"{url}/api/v1/health", proc, timeout=900)
        for name in ("extractive", REMOTE):
            if name in servers:
                say(f"api_load: {name}: asking every question once (answers / vectors remembered) …")
                with httpx.Client(base_url=servers[name][1], timeout=60) as client:
                    for question in questions:
                        client.post("/api/v1/answer", json={"question": question})

        def phase(name: str, seconds: float, round_: int | str) -> dict:
            proc, url = servers[name]
            asyncio.run(load(url, questions, args.clients, 3, 500))  # warm-up, not counted
            say(f"api_load: {name} round {round_} ({seconds:.0f} s, {args.clients} clients) …")
            load_before = loadavg()
            with MemorySampler(proc.pid) as memory:
                measured = asyncio.run(load(url, questions, args.clients, seconds, args.max_requests))
            row = {"server": name, "round": round_, **measured}
            row["rss_max_mb"] = max(mb for _, mb in memory.samples)
            row["loadavg"] = [load_before, loadavg()]
            result["phases"].append(row)
            return row

        for round_ in range(1, args.rounds + 1):
            phase("noop", args.seconds, round_)
            phase("extractive", args.seconds, round_)
            phase(NEW, args.seconds, round_)
            if REMOTE in servers:
                phase(REMOTE, args.seconds, round_)
        if "openai-stub" in servers:
            phase("openai-stub", args.seconds, 1)

        noop_rps = [p["rps"] for p in result["phases"] if p["server"] == "noop"]
        bot_rows = [p for p in result["phases"] if p["server"] == "extractive"]
        ratios = [b["rps"] / n if n else 0.0 for b, n in zip(bot_rows, noop_rps)]
        result["target"] = {
            "noop_rps": noop_rps,
            "extractive_rps": [b["rps"] for b in bot_rows],
            "ratio_per_round": [round(r, 3) for r in ratios],
            "ratio": round(statistics.fmean(ratios), 3),
            "errors": sum(b["errors"] for b in bot_rows),
            "target": ">= 0.5 with 0 errors",
            "met": statistics.fmean(ratios) >= 0.5 and not sum(b["errors"] for b in bot_rows),
        }
        for label, name in (("new_questions", NEW), ("remote_embed", REMOTE)):
            rows = [p for p in result["phases"] if p["server"] == name]
            if rows:
                row_ratios = [b["rps"] / n if n else 0.0 for b, n in zip(rows, noop_rps)]
                result["target"][f"{label}_rps"] = [b["rps"] for b in rows]
                result["target"][f"ratio_{label}"] = round(statistics.fmean(row_ratios), 3)
                result["target"][f"errors_{label}"] = sum(b["errors"] for b in rows)

        if args.sustain > 0:
            proc, url = servers["extractive"]
            say(f"api_load: sustained extractive run, {args.sustain:.0f} s …")
            windows = []
            rss_before = rss_mb(proc.pid)
            with MemorySampler(proc.pid) as memory:
                end = time.perf_counter() + args.sustain
                while time.perf_counter() < end - 1:
                    window = min(10.0, end - time.perf_counter())
                    measured = asyncio.run(load(url, questions, args.clients, window, args.max_requests))
                    windows.append(
                        {
                            "t_end_s": round(args.sustain - (end - time.perf_counter()), 1),
                            "ok": measured["ok"],
                            "rps": measured["rps"],
                            "p95_ms": measured["p95_ms"],
                            "errors": measured["errors"],
                            "rss_mb": rss_mb(proc.pid),
                        }
                    )
            samples = [mb for _, mb in memory.samples]
            result["sustained"] = windows
            result["sustained_memory"] = {
                "seconds": args.sustain,
                "rss_before_mb": rss_before,
                "rss_first_window_mb": windows[0]["rss_mb"] if windows else None,
                "rss_end_mb": samples[-1] if samples else None,
                "rss_max_mb": max(samples) if samples else None,
                "requests": sum(w["ok"] for w in windows),
                "errors": sum(w["errors"] for w in windows),
            }
    finally:
        for proc in reversed(procs):
            proc.stop()
    result["notes"].append(
        "rps counts 200 responses over the phase's wall time; latency is per request as the client saw it; "
        "load generator in the same machine (asyncio + httpx), so both servers share 2 cores with it"
    )
    emit(
        result,
        args.json,
        [
            (f"POST /api/v1/answer, {args.clients} concurrent clients", "phases", None),
            ("target: extractive ≥ 0.5 × noop requests/s, no errors (asked before / new)", "target", None),
            ("sustained extractive run (10 s windows)", "sustained", None),
            ("memory over the sustained run", "sustained_memory", None),
        ],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
