"""Soak test: a bounded mixed load on a real server on 127.0.0.1, then a check of the index it leaves.

    .venv/bin/python benchmarks/soak.py                       # 5 minutes, 6 clients
    .venv/bin/python benchmarks/soak.py --minutes 0.5 --clients 4 --json

Starts `app.py` in its own process (keys configured, extractive answers, a fresh data directory), warms it up,
then lets each client loop over questions (JSON and streamed), searches, listings, uploads of generated reports,
deletions of its own uploads (each client keeps at most three, so the index stays about one size and memory
growth would mean a leak) and bad requests, until the time is up. Reports requests by kind, 5xx count,
p50/p95 latency, the server's resident memory (after warm-up, at the end, the largest seen) and whether the index
holds exactly the seeds plus what was uploaded minus what was deleted, with no duplicate or orphan chunk.
Every request has a timeout and all traffic goes to 127.0.0.1. Exit status 1 if any 5xx or the index is off.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import Library, Settings  # noqa: E402

KEY, ADMIN = "soak-user-key", "soak-admin-key"
TIMEOUT = httpx.Timeout(120.0, connect=10.0)
JOB_WAIT = 300.0
KEEP_UPLOADS = 3  # per client
WEIGHTS = {"ask": 30, "stream": 12, "search": 14, "list": 6, "upload": 12, "delete": 8, "bad": 18}
REPORT = """{place}人民政府关于2025年度法治政府建设情况的报告

2025年，{place}坚持依法行政，法治政府建设取得新成效。

一、主要工作成效

全{kind}办理行政复议案件{a}件，纠错{b}件。建成公共法律服务站点{c}个，调解矛盾纠纷{d}宗。

二、存在的不足

基层执法力量仍需加强，执法人员培训{e}人次。
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Recorder:
    """Thread-safe tallies: latency and status per request kind, the expected document set, RSS samples."""

    def __init__(self, seeds: list[str]):
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        self.failures: list[str] = []
        self.expected = set(seeds)
        self.incomplete = 0

    def record(self, kind: str, status: int, seconds: float, detail: str = "") -> None:
        with self.lock:
            self.latency[kind].append(seconds)
            self.statuses[kind][status] += 1
            if status >= 500 or status == 0:
                self.failures.append(f"{kind} {status} {detail[:300]}")


class Client(threading.Thread):
    def __init__(self, n: int, base: str, recorder: Recorder, questions: list[str], stop: float):
        super().__init__(name=f"client-{n}", daemon=True)
        self.n, self.recorder, self.questions, self.stop = n, recorder, questions, stop
        self.random = random.Random(n)
        self.http = httpx.Client(base_url=f"{base}/api/v1", timeout=TIMEOUT)
        self.mine: list[str] = []
        self.uploads = 0

    def call(
        self, kind: str, method: str, path: str, key: str = KEY, headers: dict | None = None, **kwargs
    ) -> httpx.Response | None:
        started = time.perf_counter()
        try:
            headers = {"Authorization": f"Bearer {key}", **(headers or {})}
            response = self.http.request(method, path, headers=headers, **kwargs)
        except httpx.HTTPError as exc:
            self.recorder.record(kind, 0, time.perf_counter() - started, f"{exc.__class__.__name__}: {exc}")
            return None
        self.recorder.record(kind, response.status_code, time.perf_counter() - started, response.text)
        return response

    def run(self) -> None:
        kinds, weights = zip(*WEIGHTS.items())
        while time.monotonic() < self.stop:
            getattr(self, f"do_{self.random.choices(kinds, weights)[0]}")()
        self.http.close()

    def do_ask(self) -> None:
        body = {"question": self.random.choice(self.questions)}
        if self.random.random() < 0.2:
            body["filters"] = {"body": self.random.choice(["广州市", "成都市", "韶关市"])}
        self.call("ask", "POST", "/answer", json=body)

    def do_stream(self) -> None:
        started = time.perf_counter()
        body = {"question": self.random.choice(self.questions), "stream": True}
        try:
            with self.http.stream("POST", "/answer", json=body, headers={"Authorization": f"Bearer {KEY}"}) as response:
                text = "".join(response.iter_text())
            status = response.status_code
            if status == 200 and "event: answer" not in text:
                self.recorder.record("stream", 0, time.perf_counter() - started, "stream without a final answer")
                return
            if '"incomplete": true' in text:
                with self.recorder.lock:
                    self.recorder.incomplete += 1
        except httpx.HTTPError as exc:
            self.recorder.record("stream", 0, time.perf_counter() - started, str(exc))
            return
        self.recorder.record("stream", status, time.perf_counter() - started, text)

    def do_search(self) -> None:
        self.call("search", "POST", "/search", json={"question": self.random.choice(self.questions), "k": 5})

    def do_list(self) -> None:
        self.call("list", "GET", "/documents")

    def do_upload(self) -> None:
        if len(self.mine) >= KEEP_UPLOADS:  # the index stays about one size, so memory growth means a leak
            self.do_delete()
        self.uploads += 1
        name = f"soak-{self.n}-{self.uploads}.txt"
        numbers = {k: self.random.randint(10, 9999) for k in "abcde"}
        text = REPORT.format(place=f"测试{self.n}号{self.uploads}县", kind="县", **numbers)
        accepted = self.call(
            "upload", "POST", "/documents", ADMIN, files=[("files", (name, text.encode(), "text/plain"))]
        )
        if accepted is None or accepted.status_code != 202:
            return
        job = self.wait(accepted.json()["poll"].removeprefix("/api/v1"))
        if job and job["status"] == "done" and name in job["result"].get("added", []):
            self.mine.append(name)
            with self.recorder.lock:
                self.recorder.expected.add(name)
        elif job:
            self.recorder.record("upload-job", 0, 0.0, json.dumps(job, ensure_ascii=False))

    def wait(self, poll: str) -> dict | None:
        deadline = time.monotonic() + JOB_WAIT
        while time.monotonic() < deadline:
            response = self.call("poll", "GET", poll, ADMIN)
            if response is None or response.status_code != 200:
                return None
            job = response.json()
            if job["status"] in ("done", "failed"):
                return job
            time.sleep(0.5)
        self.recorder.record("upload-job", 0, JOB_WAIT, f"job {poll} not finished in {JOB_WAIT} s")
        return None

    def do_delete(self) -> None:
        if not self.mine:
            return self.do_upload()
        name = self.mine.pop(self.random.randrange(len(self.mine)))
        response = self.call("delete", "DELETE", f"/documents/{name}", ADMIN)
        if response is not None and response.status_code == 200 and response.json()["removed"]:
            with self.recorder.lock:
                self.recorder.expected.discard(name)
        elif response is not None and response.status_code == 202:  # still queued: it will go
            job = self.wait(f"/jobs/{response.json()['job']['id']}")
            if job and job["status"] == "done":
                with self.recorder.lock:
                    self.recorder.expected.discard(name)

    def do_bad(self) -> None:
        choice = self.random.randrange(7)
        if choice == 0:
            self.call("bad", "POST", "/answer", content=b"{oops", headers={"content-type": "application/json"})
        elif choice == 1:
            self.call("bad", "POST", "/answer", json={"question": "   "})
        elif choice == 2:
            self.call("bad", "POST", "/answer", json={"question": "问" * 3000})
        elif choice == 3:
            self.call("bad", "GET", "/documents", key="wrong-key")
        elif choice == 4:
            self.call("bad", "DELETE", "/documents/no-such-report.txt", ADMIN)
        elif choice == 5:
            self.call("bad", "POST", "/documents", KEY, files=[("files", ("x.txt", b"x", "text/plain"))])
        else:
            binary = bytes(range(256)) * 8
            accepted = self.call(
                "bad", "POST", "/documents", ADMIN, files=[("files", ("bin.txt", binary, "text/plain"))]
            )
            if accepted is not None and accepted.status_code == 202:
                self.wait(accepted.json()["poll"].removeprefix("/api/v1"))


def questions() -> list[str]:
    lines = (ROOT / "eval" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    asked = [json.loads(line)["question"] for line in lines if line.strip()]
    return asked + ["深圳市2024年行政机关负责人出庭应诉率是多少？", "那成都呢？", "测试1号1县办理行政复议案件多少件？"]


def start_server(data: Path, port: int, embed_cache: Path | None) -> subprocess.Popen:
    env = {
        **os.environ,
        "BOT_DATA_DIR": str(data),
        "BOT_PORT": str(port),
        "BOT_HOST": "127.0.0.1",
        "BOT_API_KEYS": KEY,
        "BOT_ADMIN_KEYS": ADMIN,
        "BOT_RATE_LIMIT": "0",
        "BOT_LLM": "extractive",
    }
    if embed_cache:
        env["BOT_EMBED_CACHE"] = str(embed_cache)
    log = open(data.parent / "server.log", "w")  # noqa: SIM115 (kept open for the server's life)
    return subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_healthy(base: str, process: subprocess.Popen, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode} before it was ready")
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("server not ready in time")


def drain(base: str, timeout: float = JOB_WAIT) -> int:
    """Wait until no document job is pending; returns how many still are."""
    deadline = time.monotonic() + timeout
    pending = -1
    while time.monotonic() < deadline:
        pending = httpx.get(f"{base}/api/v1/health", timeout=10).json()["jobs_pending"]
        if pending == 0:
            break
        time.sleep(0.5)
    return pending


def check_index(data: Path, embed_cache: Path | None, expected: set[str], listed: list[str]) -> dict:
    """The index after the server stopped: documents as expected, chunk ids unique, no orphan, counts as recorded."""
    settings = Settings(data_dir=data, **({"embed_cache": embed_cache} if embed_cache else {}))
    library = Library(settings)
    try:
        got = library.store.chunks.get(include=["metadatas"])
        records = {d["doc"]: d for d in library.documents()}
        owners = [meta["doc"] for meta in got["metadatas"]]
        counts = {doc: owners.count(doc) for doc in records}
        return {
            "expected_documents": len(expected),
            "listed_documents": len(listed),
            "documents_match": set(listed) == expected == set(records),
            "missing": sorted(expected - set(records)),
            "unexpected": sorted(set(records) - expected),
            "chunks": len(got["ids"]),
            "duplicate_chunks": len(got["ids"]) - len(set(got["ids"])),
            "orphan_chunks": sum(1 for doc in owners if doc not in records),
            "miscounted_documents": sorted(doc for doc, meta in records.items() if counts[doc] != meta["chunks"]),
        }
    finally:
        library.close()


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def soak(minutes: float, clients: int, embed_cache: Path | None, keep: Path | None) -> dict:
    folder = keep or Path(tempfile.mkdtemp(prefix="soak-"))
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    process = start_server(data, port, embed_cache)
    started = time.monotonic()
    try:
        wait_healthy(base, process)
        startup = time.monotonic() - started
        seeds = [
            d["doc"]
            for d in httpx.get(
                f"{base}/api/v1/documents", headers={"Authorization": f"Bearer {KEY}"}, timeout=30
            ).json()["documents"]
        ]
        recorder = Recorder(seeds)
        asked = questions()
        warm = Client(999, base, Recorder(seeds), asked, time.monotonic())
        for _ in range(3):  # models loaded, caches filled: memory from here on is the steady state
            warm.do_ask()
            warm.do_search()
        warm.do_upload()
        warm.do_delete()
        warm.http.close()
        samples: list[tuple[float, float]] = []
        stop = time.monotonic() + minutes * 60
        sampling = threading.Event()

        def sample() -> None:
            while not sampling.is_set():
                samples.append((time.monotonic(), rss_mb(process.pid)))
                sampling.wait(1.0)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        load_started = time.monotonic()
        threads = [Client(n, base, recorder, asked, stop) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(minutes * 60 + JOB_WAIT + 120)
        load_seconds = time.monotonic() - load_started
        pending = drain(base)
        sampling.set()
        sampler.join(5)
        listed = [
            d["doc"]
            for d in httpx.get(
                f"{base}/api/v1/documents", headers={"Authorization": f"Bearer {KEY}"}, timeout=30
            ).json()["documents"]
        ]
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
    index = check_index(data, embed_cache, recorder.expected, listed)
    index["jobs_pending_at_end"] = pending
    rss = [mb for _, mb in samples]
    half = [mb for t, mb in samples if t >= load_started + load_seconds / 2]
    kinds = {}
    for kind, values in sorted(recorder.latency.items()):
        kinds[kind] = {
            "requests": len(values),
            "statuses": dict(sorted(recorder.statuses[kind].items())),
            "p50_ms": round(statistics.median(values) * 1000, 1),
            "p95_ms": round(percentile(values, 0.95) * 1000, 1),
        }
    total = sum(k["requests"] for k in kinds.values())
    five_xx = sum(n for k in recorder.statuses.values() for status, n in k.items() if status >= 500)
    transport = sum(n for k in recorder.statuses.values() for status, n in k.items() if status == 0)
    return {
        "minutes": minutes,
        "clients": clients,
        "startup_s": round(startup, 1),
        "load_s": round(load_seconds, 1),
        "requests": total,
        "requests_per_s": round(total / load_seconds, 2) if load_seconds else 0.0,
        "five_xx": five_xx,
        "transport_errors": transport,
        "incomplete_streams": recorder.incomplete,
        "by_kind": kinds,
        "rss_mb": {
            "timeline": [round(mb) for _, mb in samples[::30]],
            "start": round(rss[0], 1) if rss else None,
            "end": round(rss[-1], 1) if rss else None,
            "max": round(max(rss), 1) if rss else None,
            "second_half_min": round(min(half), 1) if half else None,
            "second_half_max": round(max(half), 1) if half else None,
        },
        "index": index,
        "failures": recorder.failures[:20],
        "ok": five_xx == 0
        and transport == 0
        and index["documents_match"]
        and not (index["duplicate_chunks"] or index["orphan_chunks"] or index["miscounted_documents"]),
        "data": str(folder) if keep else None,
    }


def print_figures(result: dict) -> None:
    print(f"soak: {result['minutes']} min, {result['clients']} clients, server ready in {result['startup_s']} s")
    print(
        f"requests: {result['requests']} ({result['requests_per_s']}/s), 5xx: {result['five_xx']}, "
        f"transport errors: {result['transport_errors']}, incomplete streams: {result['incomplete_streams']}"
    )
    print(f"{'kind':<11}{'requests':>9}{'p50 ms':>10}{'p95 ms':>10}  statuses")
    for kind, figures in result["by_kind"].items():
        statuses = " ".join(f"{status}×{n}" for status, n in figures["statuses"].items())
        print(f"{kind:<11}{figures['requests']:>9}{figures['p50_ms']:>10}{figures['p95_ms']:>10}  {statuses}")
    rss = result["rss_mb"]
    print(
        f"server RSS MB: start {rss['start']}, end {rss['end']}, max {rss['max']}; "
        f"second half {rss['second_half_min']}–{rss['second_half_max']}"
    )
    print(f"server RSS MB every 30 s: {' '.join(str(mb) for mb in rss['timeline'])}")
    index = result["index"]
    print(
        f"index: {index['listed_documents']} listed / {index['expected_documents']} expected "
        f"(match: {index['documents_match']}), {index['chunks']} chunks, {index['duplicate_chunks']} duplicate, "
        f"{index['orphan_chunks']} orphan, miscounted: {index['miscounted_documents'] or 'none'}"
    )
    for failure in result["failures"]:
        print(f"  failure: {failure}")
    print("OK" if result["ok"] else "FAILED")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=5.0, help="length of the mixed load (default 5)")
    parser.add_argument("--clients", type=int, default=6, help="concurrent clients (default 6)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--embed-cache", type=Path, help="reuse an embedding cache (the seeds embed once)")
    parser.add_argument("--keep", type=Path, help="keep the data directory and server log in this folder")
    args = parser.parse_args()
    if args.minutes <= 0 or args.clients < 1:
        parser.error("--minutes must be positive and --clients at least 1")
    result = soak(args.minutes, args.clients, args.embed_cache, args.keep)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_figures(result)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
