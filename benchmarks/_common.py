"""What the benchmark scripts share: machine facts, percentiles, memory, subprocess servers, output.

Every script prints a table by default and one JSON object with `--json`. Work files live under
`data/bench/` (git-ignored); the embedding cache there is shared between scripts so that only
the first run of a script embeds anything (the indexing benchmark uses its own empty caches).
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Benchmarks time the work, so the bot's memory of repeated questions and answers is off in every script
# (in this process's settings and in the servers it starts) unless a script turns it on and says so.
MEMORY_OFF = {"BOT_QUERY_CACHE": "0", "BOT_ANSWER_CACHE": "0"}
for _name, _value in MEMORY_OFF.items():
    os.environ.setdefault(_name, _value)

SEEDS = ROOT / "seeds"
GOLD = ROOT / "eval" / "gold.jsonl"
WORK = ROOT / "data" / "bench"
CACHE = WORK / "embeddings.sqlite"
PYTHON = sys.executable


def work_dir(name: str, fresh: bool = False) -> Path:
    path = WORK / name
    if fresh:
        shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True, exist_ok=True)
    return path


# -- the machine ---------------------------------------------------------------------------------
def machine() -> dict:
    """CPU, cores, memory, Python, date and the load average when the run started (a noisy machine)."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        meminfo = Path("/proc/meminfo").read_text().splitlines()
        mem_kb = next(int(line.split()[1]) for line in meminfo if line.startswith("MemTotal"))
    except (OSError, StopIteration):
        mem_kb = 0
    return {
        "date": datetime.now().isoformat(timespec="seconds"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "mem_gb": round(mem_kb / 2**20, 1),
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
    }


def loadavg() -> float:
    return round(os.getloadavg()[0], 2)


# -- numbers -------------------------------------------------------------------------------------
def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def latency_ms(seconds: Sequence[float]) -> dict:
    """p50/p95/p99/mean/max in milliseconds, and n."""
    ms = [s * 1000 for s in seconds]
    if not ms:
        return {"n": 0}
    return {
        "n": len(ms),
        "p50": round(percentile(ms, 50), 1),
        "p95": round(percentile(ms, 95), 1),
        "p99": round(percentile(ms, 99), 1),
        "mean": round(statistics.fmean(ms), 1),
        "max": round(max(ms), 1),
    }


def rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process (this one by default), from /proc."""
    status = Path(f"/proc/{pid or 'self'}/status")
    try:
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def peak_rss_mb(pid: int | None = None) -> float:
    """Peak resident memory (VmHWM) of a process (this one by default)."""
    status = Path(f"/proc/{pid or 'self'}/status")
    try:
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return 0.0


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (a server and its reader children), with psutil."""
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0
    for process in processes:
        with contextlib.suppress(psutil.Error):  # a child may end between listing and reading
            total += process.memory_info().rss
    return round(total / 2**20, 1)


def dir_mb(path: Path) -> float:
    total = sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0
    return round(total / 2**20, 2)


# -- gold set ------------------------------------------------------------------------------------
def gold_items(answerable_only: bool = False):
    from eval.gold import load_gold

    items = load_gold(GOLD)
    return [i for i in items if i.answerable] if answerable_only else items


def retrieval_hits(texts: Sequence[str], evidence: Sequence[str]) -> int | None:
    """1-based rank of the first text containing an evidence string (the eval's rule), or None."""
    from eval.metrics import first_hit_rank

    return first_hit_rank(list(texts), list(evidence))


def hit_summary(ranks: Sequence[int | None], contexts: Sequence[int] = ()) -> dict:
    n = len(ranks)
    out = {f"hit@{c}": round(sum(1 for r in ranks if r and r <= c) / n, 3) for c in (1, 3, 5)}
    out["mrr"] = round(sum(1 / r for r in ranks if r) / n, 3)
    if contexts:
        out["context_chars"] = round(statistics.fmean(contexts))
    out["n"] = n
    return out


# -- servers in subprocesses -----------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_env(**extra: str | int | float | Path) -> dict:
    """The environment for a child process: this one, quiet, plus overrides (all values as strings)."""
    env = dict(os.environ)
    env.setdefault("ANONYMIZED_TELEMETRY", "False")
    env["PYTHONUNBUFFERED"] = "1"
    env["TOKENIZERS_PARALLELISM"] = "false"
    env.update({k: str(v) for k, v in extra.items()})
    return env


class Proc:
    """A child process started in its own process group, stopped (group and all) on exit."""

    def __init__(self, cmd: list[str], env: dict | None = None, log: Path | None = None, cwd: Path = ROOT):
        self.cmd = cmd
        self.log = log
        out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed in stop()
        self._out = out
        self.popen = subprocess.Popen(
            cmd, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def tail(self, n: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-n:] if self.log and self.log.exists() else ""

    def stop(self, timeout: float = 15) -> None:
        if self.alive():
            try:
                os.killpg(self.popen.pid, signal.SIGTERM)
                self.popen.wait(timeout)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(5)
        if self._out is not subprocess.DEVNULL:
            self._out.close()

    def __enter__(self) -> Proc:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def wait_http(url: str, proc: Proc | None = None, timeout: float = 300) -> None:
    """Until `url` answers 200 (a server still indexing or loading models may take a while)."""
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and not proc.alive():
            raise RuntimeError(f"{proc.cmd[:3]} exited:\n{proc.tail()}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up in {timeout} s" + (f":\n{proc.tail()}" if proc else ""))


class HealthWatch:
    """Polls a health URL every `every` seconds in a thread for as long as it runs, each time on a new
    connection, recording (when, seconds, status; 0 for no reply within `timeout`); with `pid`, the memory of
    that process tree (`tree_rss_mb`) about every `memory_every` seconds too.

        with HealthWatch(f"{base}/api/v1/health", pid=server.pid) as watch:
            ...
        watch.summary()  # latencies (ms), failures, memory start/end/max
    """

    def __init__(
        self, url: str, every: float = 0.1, timeout: float = 10.0, pid: int | None = None, memory_every: float = 0.5
    ):
        self.url, self.every, self.timeout, self.pid, self.memory_every = url, every, timeout, pid, memory_every
        self.samples: list[tuple[float, float, int]] = []
        self.memory: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="health-watch", daemon=True)

    def start(self) -> HealthWatch:
        if self.pid:
            self.memory.append((time.monotonic(), tree_rss_mb(self.pid)))
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(self.timeout + 5)
        if self.pid:
            self.memory.append((time.monotonic(), tree_rss_mb(self.pid)))

    def __enter__(self) -> HealthWatch:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _run(self) -> None:
        import httpx

        limits = httpx.Limits(max_keepalive_connections=0)  # a new connection each time, like a load balancer's probe
        next_memory = time.monotonic() + self.memory_every
        with httpx.Client(timeout=self.timeout, limits=limits) as client:
            while not self._stop.is_set():
                started = time.monotonic()
                try:
                    status = client.get(self.url).status_code
                except httpx.HTTPError:
                    status = 0
                self.samples.append((started, time.monotonic() - started, status))
                if self.pid and time.monotonic() >= next_memory:
                    self.memory.append((time.monotonic(), tree_rss_mb(self.pid)))
                    next_memory = time.monotonic() + self.memory_every
                self._stop.wait(max(0.0, self.every - (time.monotonic() - started)))

    def between(self, start: float = 0.0, end: float = float("inf")) -> list[tuple[float, float, int]]:
        return [s for s in list(self.samples) if start <= s[0] <= end]

    def summary(self, start: float = 0.0, end: float = float("inf")) -> dict:
        """Latency (ms, successful polls only), the count of polls, and those that failed (non-200 or no reply)."""
        samples = self.between(start, end)
        out = latency_ms([seconds for _, seconds, status in samples if status == 200])
        out["polls"] = len(samples)
        out["failed"] = sum(1 for _, _, status in samples if status != 200)
        memory = [mb for t, mb in list(self.memory) if start <= t <= end]
        if memory:
            out["rss_mb"] = {"start": memory[0], "end": memory[-1], "max": max(memory)}
        return out


# -- output --------------------------------------------------------------------------------------
def table(rows: Iterable[dict], columns: Sequence[str] | None = None) -> str:
    rows = list(rows)
    if not rows:
        return "(no rows)"
    columns = list(columns or dict.fromkeys(k for row in rows for k in row))
    cells = [[_fmt(row.get(c, "")) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    return "\n".join(lines)


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(result: dict, as_json: bool, sections: Sequence[tuple[str, str, Sequence[str] | None]] = ()) -> None:
    """Print the result: as one JSON object, or the machine line and a table per (title, key, columns)."""
    if as_json:
        print(json.dumps(result, ensure_ascii=False))
        return
    m = result.get("machine", {})
    print(
        f"# {m.get('date')}  {m.get('cpu')}  {m.get('cores')} cores  {m.get('mem_gb')} GB  Python {m.get('python')}"
        f"  load at start {m.get('loadavg_at_start')}\n# {m.get('command')}"
    )
    for title, key, columns in sections:
        value = result.get(key)
        if value is None:
            continue
        print(f"\n## {title}")
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            print("\n".join(value))
        elif isinstance(value, list):
            print(table(value, columns))
        elif isinstance(value, dict):
            print(table([value], columns))
        else:
            print(value)
    for note in result.get("notes", []):
        print(f"note: {note}")


def say(*parts) -> None:
    """Progress on stderr, so `--json` output stays one clean line."""
    print(*parts, file=sys.stderr, flush=True)
