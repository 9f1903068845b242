"""The security review's attacks (issue #12), repeatable: each against a live `app.py` with keys set.

    .venv/bin/python benchmarks/attack.py            # about 40 s after start-up (15 s, the seeds embedded)
    .venv/bin/python benchmarks/attack.py --quick    # smaller counts (CI: tests/test_attack.py)
    .venv/bin/python benchmarks/attack.py --json     # one JSON object instead of the lines

Starts `app.py` as its own process on a free 127.0.0.1 port (a fresh data directory under
`data/bench/attack/`, the shared embedding cache of benchmarks/_common.py, so the seeds are embedded once),
then runs one case per confirmed item and prints one line per case:

    case | what was tried | outcome (refused/bounded, status codes, times) | PASS/FAIL

then the summary: `GET /api/v1/health` polled every 100 ms by a thread for the whole run (p50/p95/max, target
p95 < 200 ms), the server's memory (psutil, the app and its reader children: start, end, max, target growth
< 200 MB), the status of every request the script sent (5xx: 0, apart from the documented `503 busy`, counted
apart with the page's own `503` queue-full refusals of BOT_PAGE_QUEUE), and the replies that carried a server
path or a traceback (0). Exit status 1 if a case fails or a target is missed.

The server's settings, and why:
  BOT_API_KEYS, BOT_ADMIN_KEYS   keys set, as deployed; several user keys so that each case's own requests stay
                                 under the per-key rate limit (one bucket per key)
  BOT_RATE_LIMIT=60              the default, said explicitly: page floods and key guesses reach it in seconds
  BOT_MAX_CONCURRENT_ANSWERS=1   one answer slot, so one held question crowds the server…
  BOT_ANSWER_QUEUE=4             …and of the questions behind it 4 wait, the rest hear `503 busy` at once
  BOT_PARSE_SECONDS=3            the slow PDF (tests/test_parse_budget.py) fails in seconds, not 90 s of CPU
  BOT_HEADER_SECONDS=2           trickled request heads (slowloris) are cut after 2 s
  BOT_LLM=openai                 a stub model server run by this script (127.0.0.1): answers at once, holds one
                                 question until released (to crowd the slot) and fails another (error texts)
  BOT_MAX_JSON_KB=4096, BOT_PAGE_QUEUE=32, BOT_TRUSTED_PROXIES=127.0.0.1, BOT_PAGE_ACCESS=open   the defaults,
                                 said explicitly because the cases rely on them. X-Forwarded-For from 127.0.0.1
                                 is believed (a reverse proxy on the host), which is how the script plays
                                 clients at other addresses (203.0.113.x) for the per-address limits.

One fault is injected rather than attacked: for the "which part, no path" 503 a file is put where the staging
folder goes (the server's disk refuses the upload), then taken away. kill -9 during uploads is tested in
tests/test_crash.py, and the quote shown as a quote in the page's chat in tests/test_security.py and
tests/test_server_parts.py; the script prints a line for each. All traffic goes to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import select
import shutil
import socket
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
from _common import (
    CACHE,
    PYTHON,
    ROOT,
    HealthWatch,
    Proc,
    bench_env,
    free_port,
    latency_ms,
    machine,
    say,
    tree_rss_mb,
    wait_http,
    work_dir,
)
from stub_openai import canned_answer

sys.path.insert(0, str(ROOT / "tests"))
from test_parse_budget import slow_pdf  # noqa: E402 (the slow PDF is built there; one builder, not two)

from bot.serve.access import PAGE_EVENTS_PER_QUESTION  # noqa: E402

USER, TIMED, CROWD = "attack-user-key-5b1d", "attack-timed-key-93e0", "attack-crowd-key-c2a7"
ADMIN = "attack-admin-key-7f42"
RATE_LIMIT, ANSWER_QUEUE, PARSE_SECONDS, HEADER_SECONDS, MAX_JSON_KB = 60, 4, 3, 2, 4096
SETTINGS = {
    "BOT_API_KEYS": ",".join([USER, TIMED, CROWD]),
    "BOT_ADMIN_KEYS": ADMIN,
    "BOT_RATE_LIMIT": RATE_LIMIT,
    "BOT_MAX_CONCURRENT_ANSWERS": 1,
    "BOT_ANSWER_QUEUE": ANSWER_QUEUE,
    "BOT_ANSWER_WAIT": 30,
    "BOT_PARSE_SECONDS": PARSE_SECONDS,
    "BOT_HEADER_SECONDS": HEADER_SECONDS,
    "BOT_MAX_JSON_KB": MAX_JSON_KB,
    "BOT_PAGE_QUEUE": 32,
    "BOT_TRUSTED_PROXIES": "127.0.0.1",
    "BOT_PAGE_ACCESS": "open",
    "BOT_CORS_ORIGINS": "",
    "BOT_LLM": "openai",
    "BOT_OPENAI_MODEL": "attack-stub",
    "BOT_OPENAI_RETRIES": 0,
    "BOT_OPENAI_TIMEOUT": 30,
}
COUNTS = {  # full run / --quick
    "guesses": (700, 200),
    "flood_addresses": (4, 3),
    "flood_seconds": (10.0, 5.0),
    "timed_answers": (8, 5),
    "crowd": (20, 12),
    "slow_connections": (70, 70),
}
FAST = 3.0  # seconds: a refusal that takes longer is not "fast" (they take milliseconds; a loaded machine adds some)
MARGIN = 3.0  # seconds past BOT_HEADER_SECONDS within which a trickling connection must be closed
HEALTH_P95_MS, MEMORY_GROWTH_MB, MEMORY_JUMP_MB = 200.0, 200.0, 64.0
FLOOD_LANES = 2  # connections flooding from each address
SLOWER = 3.0  # keyed answers during the page flood: p50 at most this many times the p50 before (plus 0.5 s)
QUESTIONS = [
    "广州全市有多少个单位按期公开了法治政府建设年度报告？",
    "花都区2023年一共收到多少宗行政复议申请？",
    "成都市2024年办理的行政应诉案件有多少件？",
]
HOLD = "韶关市选聘了几名行政执法监督员？"  # the stub model holds this question until released
FAIL = "广州把多少类基础信息纳入了政府信息共享范畴？"  # the stub model answers this one with a 500
SEED = "000_8fbd729c494b9d50.txt"
FILE_DATA = {"meta": {"_type": "gradio.FileData"}}
LEAKS = ("Traceback (most recent call last)", 'File "/', "site-packages")
REPORT = """{place}人民政府关于2025年度法治政府建设情况的报告

2025年，{place}坚持依法行政，法治政府建设取得新成效。

一、主要工作成效

全县办理行政复议案件{n}件，建成公共法律服务站点{m}个。
"""


# -- the stub model server --------------------------------------------------------------------------
class ModelStub(BaseHTTPRequestHandler):
    """An OpenAI-style chat server: answers at once (the sentence of passage [1] nearest the question), holds
    the HOLD question after its first token until `release` is set, answers the FAIL question with a 500.
    Any other request (a fetch the bot should never make for a client) is recorded in `other`.
    """

    release = threading.Event()
    held = threading.Event()
    chats = 0
    other: list[str] = []
    lock = threading.Lock()

    def do_POST(self):  # noqa: N802 (http.server API)
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        if self.path != "/v1/chat/completions":
            self._other()
            return
        messages = json.loads(body).get("messages", [])
        user = next((m.get("content", "") for m in reversed(messages) if m.get("role") == "user"), "")
        question = user.rsplit("问题：", 1)[-1]
        with ModelStub.lock:
            ModelStub.chats += 1
        if FAIL[:-1] in question:
            self._reply(500, b'{"error": "model crashed"}', "application/json")
            return
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()
        text = canned_answer(messages)
        for n, piece in enumerate(re.findall(r".{1,8}", text, re.S)):
            self._event({"choices": [{"delta": {"content": piece}}]})
            if n == 0 and HOLD[:-1] in question:
                ModelStub.held.set()
                ModelStub.release.wait(60)
        self._send("data: [DONE]\n\n")

    def do_GET(self):  # noqa: N802
        self._other()

    def _other(self) -> None:
        with ModelStub.lock:
            ModelStub.other.append(f"{self.command} {self.path}")
        self._reply(404, b"{}", "application/json")

    def _reply(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("content-type", kind)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _event(self, data: dict) -> None:
        self._send(f"data: {json.dumps(data, ensure_ascii=False)}\n\n")

    def _send(self, text: str) -> None:
        with contextlib.suppress(OSError):  # the bot gave up on this answer
            self.wfile.write(text.encode())
            self.wfile.flush()

    def log_message(self, *args) -> None:
        pass


# -- the run: one server, every request counted -------------------------------------------------------
@dataclass
class Case:
    name: str
    tried: str
    outcome: str
    status: str  # PASS, FAIL, or where the item is tested instead
    details: dict = field(default_factory=dict)


class Run:
    """The live server and what the script saw: every status, every reply holding a server path."""

    def __init__(self, base: str, proc: Proc, data: Path, work: Path, quick: bool, stub: str, watch: HealthWatch):
        self.base, self.proc, self.watch = base, proc, watch
        self.data, self.work = data, work  # the server's data directory; the script's own files
        self.quick, self.stub = quick, stub
        self.host, self.port = "127.0.0.1", int(base.rsplit(":", 1)[1])
        self.http = httpx.Client(base_url=base, timeout=httpx.Timeout(90.0, connect=10.0))
        self.fresh = httpx.Client(base_url=base, timeout=30.0, limits=httpx.Limits(max_keepalive_connections=0))
        self.statuses: Counter[str] = Counter()
        self.leaks: list[str] = []
        self._lock = threading.Lock()
        self._secrets = {str(data.resolve()), str(ROOT)}

    def close(self) -> None:
        self.http.close()
        self.fresh.close()

    def count(self, name: str) -> int:
        return COUNTS[name][1 if self.quick else 0]

    # every request goes through here (or `raw`), so that its status is counted and its reply checked
    def record(self, what: str, status: int, text: str = "", fault: str | None = None) -> None:
        """Count a reply; a 5xx the script provoked on purpose (`fault`, an injected disk fault) is counted apart."""
        with self._lock:
            self.statuses[f"{status} {fault}" if fault and status >= 500 else status_class(status, text)] += 1
            found = [s for s in (*self._secrets, *LEAKS) if s in text[:500_000]]
            if found:
                self.leaks.append(f"{what} → {status}: {found} in {text[:300]!r}")

    def call(
        self,
        method: str,
        path: str,
        key: str | None = None,
        address: str | None = None,
        headers: dict | None = None,
        client: httpx.Client | None = None,
        fault: str | None = None,
        **kwargs,
    ) -> httpx.Response | None:
        headers = {**(headers or {})}
        if key:
            headers["Authorization"] = f"Bearer {key}"
        if address:
            headers["X-Forwarded-For"] = address
        try:
            response = (client or self.http).request(method, path, headers=headers, **kwargs)
        except httpx.HTTPError as exc:
            self.record(f"{method} {path}", 0, f"{exc.__class__.__name__}: {exc}")
            return None
        self.record(f"{method} {path}", response.status_code, response.text, fault)
        return response

    def raw(self, head: str, body: Iterable[bytes] = (), wait: float = 30.0) -> dict:
        """A request head (and body pieces, sent until the server answers) on a raw connection: what came back."""
        started = time.monotonic()
        sent, reply = 0, b""
        with socket.create_connection((self.host, self.port), timeout=wait) as connection:
            try:
                connection.sendall(head.encode("latin-1"))
                for piece in body:
                    if select.select([connection], [], [], 0)[0]:
                        break  # the server has answered (or closed): stop sending
                    connection.sendall(piece)
                    sent += len(piece)
            except OSError:
                pass  # it closed the connection on us: read what it said
            try:
                while b"\r\n\r\n" not in reply and (chunk := connection.recv(65536)):
                    reply += chunk
            except OSError:
                pass
        status = int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/1.1 ") else 0
        text = reply.decode("utf-8", "replace")
        self.record(head.split("\r\n", 1)[0], status, text)
        return {"status": status, "sent": sent, "seconds": time.monotonic() - started, "reply": text}

    # the page: a question through Gradio's queue, as the browser asks it
    def page_join(
        self,
        question: str,
        mount: str = "",
        address: str | None = None,
        client: httpx.Client | None = None,
        session: str | None = None,
    ) -> tuple[httpx.Response | None, str]:
        session = session or uuid.uuid4().hex[:11]
        # the ask event's inputs: question, chat, history, then body and year (the page) or the scope (the
        # embed), then the turns kept in the browser
        data = [question, [], None, "", "", []] if not mount else [question, [], None, None, []]
        body = {"data": data, "fn_index": 0, "trigger_id": None, "session_hash": session}
        return self.call("POST", f"{mount}/gradio_api/queue/join", address=address, client=client, json=body), session

    def page_result(self, session: str, mount: str = "", timeout: float = 60.0) -> str:
        """The page event's messages until it completes (the chat as the browser would show it)."""
        text = ""
        path = f"{mount}/gradio_api/queue/data"
        try:
            with self.http.stream("GET", path, params={"session_hash": session}, timeout=timeout) as stream:
                for line in stream.iter_lines():
                    text += line + "\n"
                    if "process_completed" in line:
                        break
            self.record(f"GET {path}", stream.status_code, text)
        except httpx.HTTPError as exc:
            self.record(f"GET {path}", 0, str(exc))
        return text

    def ask(self, question: str, key: str = USER, **kwargs) -> tuple[httpx.Response | None, float]:
        started = time.monotonic()
        response = self.call("POST", "/api/v1/answer", key, json={"question": question}, **kwargs)
        return response, time.monotonic() - started

    def ask_health(self) -> tuple[int, float]:
        """One health request of our own, on a new connection: (status, seconds)."""
        started = time.monotonic()
        response = self.call("GET", "/api/v1/health", client=self.fresh)
        return status_of(response), time.monotonic() - started

    def documents(self) -> list[dict]:
        response = self.call("GET", "/api/v1/documents", USER)
        return response.json()["documents"] if response is not None and response.status_code == 200 else []

    def upload(self, name: str, content: bytes, fault: str | None = None) -> httpx.Response | None:
        files = [("files", (name, content))]
        return self.call("POST", "/api/v1/documents", ADMIN, files=files, timeout=60, fault=fault)

    def job(self, accepted: httpx.Response, timeout: float = 120.0) -> dict:
        """The upload's job once it is over (polled every 0.5 s, within the admin key's rate limit)."""
        job_id = accepted.json()["job"]["id"]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            response = self.call("GET", f"/api/v1/jobs/{job_id}", ADMIN)
            if response is not None and response.status_code == 200 and response.json()["status"] in ("done", "failed"):
                return response.json()
            time.sleep(0.5)
        return {"status": "not over", "id": job_id}

    def health_during(self, start: float) -> dict:
        """The health polls since `start`, once one has been answered after now (a case may take less than a poll)."""
        now = time.monotonic()
        deadline = now + self.watch.timeout + 1  # a poll that hangs is recorded (as failed) at its timeout
        while time.monotonic() < deadline:
            if any(t + seconds >= now for t, seconds, _ in self.watch.between(start)):
                break
            time.sleep(0.02)
        return self.watch.summary(start)

    def rss(self) -> float:
        return tree_rss_mb(self.proc.pid)

    @contextlib.contextmanager
    def peak_rss(self, every: float = 0.02):
        """Yields a list that holds the server's memory (MB) sampled every `every` seconds while inside."""
        samples, stop = [self.rss()], threading.Event()

        def sample() -> None:
            while not stop.wait(every):
                samples.append(self.rss())

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            yield samples
        finally:
            stop.set()
            sampler.join(5)
            samples.append(self.rss())


def status_class(status: int, text: str) -> str:
    """A status as counted: `503 busy` (the API's answer slots, documented) and `503 page queue full` (the page's
    queue, BOT_PAGE_QUEUE) apart from any other 503; 0 for no reply."""
    if status == 503 and '"code":"busy"' in text.replace(" ", ""):
        return "503 busy"
    if status == 503 and "Queue is full" in text:
        return "503 page queue full"
    return str(status)


def tally(statuses: Iterable[int | None]) -> str:
    counts = Counter(0 if s is None else s for s in statuses)
    return " ".join(f"{status}×{n}" for status, n in sorted(counts.items()))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def health_text(health: dict) -> str:
    if not health.get("n"):
        return f"health: no reply in {health.get('polls', 0)} polls"
    failed = f", {health['failed']} failed" if health["failed"] else ""
    return f"health p95 {health['p95']:.0f} ms, max {health['max']:.0f} ms{failed}"


def health_ok(health: dict) -> bool:
    """Health kept answering during a case: every poll 200 and none slower than FAST."""
    return health.get("n", 0) > 0 and health["failed"] == 0 and health["max"] < FAST * 1000


def status_of(response: httpx.Response | None) -> int:
    return response.status_code if response is not None else 0


# -- the cases ------------------------------------------------------------------------------------------
def case_dev_zero(run: Run) -> Case:
    """1. /dev/zero named in a Gradio FileData: one anonymous request froze the server for good."""
    zero = {"path": "/dev/zero", **FILE_DATA}
    started = time.monotonic()
    sent = []
    for mount in ("", "/embed"):
        attempts = [
            ("/gradio_api/run/do_upload", {"data": [[zero], ""]}),
            ("/gradio_api/queue/join", {"data": [[zero], [], None, "", ""], "fn_index": 0, "session_hash": "z0"}),
            ("/gradio_api/run/predict", {"data": [[zero]], "fn_index": 3, "session_hash": "z0"}),
        ]
        for path, payload in attempts:
            t = time.monotonic()
            response = run.call("POST", mount + path, json=payload, timeout=30)
            sent.append((mount + path, status_of(response), time.monotonic() - t))
    health, health_seconds = run.ask_health()
    statuses = [s for _, s, _ in sent]
    slowest = max(seconds for *_, seconds in sent)
    during = run.health_during(started)
    passed = all(s in (400, 404) for s in statuses) and slowest < FAST and health_ok(during)
    passed = passed and health == 200 and health_seconds < FAST
    outcome = (
        f"refused {tally(statuses)}, slowest {ms(slowest)}; health after: {health} in {ms(health_seconds)}; "
        f"{health_text(during)}"
    )
    tried = "FileData /dev/zero → run/do_upload, queue/join, run/predict (at / and /embed)"
    return Case("dev_zero", tried, outcome, verdict(passed), {"requests": sent})


def case_server_files(run: Run) -> Case:
    """2. Any readable file named in a FileData, admin key or not: it could be copied, indexed and searched."""
    token = uuid.uuid4().hex[:8]
    marker = f"紫色长颈鹿口令{token}"
    secret = run.work / f"secret-{token}.txt"
    secret.write_text(f"机密文件内容：{marker}。这一行不应出现在任何回答或检索结果中。\n", encoding="utf-8")
    named = {"path": str(secret), **FILE_DATA}
    before = run.documents()
    statuses = []
    for mount in ("", "/embed"):
        attempts = [
            ("/gradio_api/queue/join", {"data": [[named], [], None, "", ""], "fn_index": 0, "session_hash": "s2"}),
            ("/gradio_api/queue/join", {"data": [named, [], None, None, None], "fn_index": 1, "session_hash": "s2"}),
            ("/gradio_api/run/predict", {"data": [[named]], "fn_index": 3, "session_hash": "s2"}),
            ("/gradio_api/run/do_upload", {"data": [[named], ""]}),
        ]
        for path, payload in attempts:
            for key in (None, ADMIN):
                statuses.append(status_of(run.call("POST", mount + path, key, json=payload, timeout=30)))
    time.sleep(1.0)  # had anything been accepted, its indexing would have started by now
    found = run.call("POST", "/api/v1/search", USER, json={"question": marker, "k": 10})
    passages = found.json().get("passages", []) if found is not None and found.status_code == 200 else None
    leaked = passages is None or any(token in p["text"] or "紫色长颈鹿" in p["text"] for p in passages)
    after = run.documents()
    unchanged = before == after and len(before) > 0
    passed = all(s in (400, 404) for s in statuses) and not leaked and unchanged
    outcome = (
        f"refused {tally(statuses)}; search for the marker: {status_of(found)}, "
        f"{'MARKER FOUND' if leaked else 'not found'}; documents {'unchanged' if unchanged else 'CHANGED'} "
        f"({len(after)})"
    )
    tried = "FileData naming a secret file (unique marker), with and without the admin key, both mounts"
    return Case("server_files", tried, outcome, verdict(passed))


def case_history_length(run: Run) -> Case:
    """3. A short follow-up carrying a 15,000-character earlier turn, rewritten and embedded whole."""
    long_turn = "广州市" + "法治政府建设" * 2500
    chat = {"messages": [{"role": "user", "content": long_turn}, {"role": "user", "content": "那成都呢？"}]}
    answer = {"question": "那成都呢？", "history": [{"role": "user", "content": long_turn}]}
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=3) as pool:
        longs = [pool.submit(run.call, "POST", "/api/v1/chat/completions", USER, json=chat) for _ in range(2)]
        normal = pool.submit(run.ask, QUESTIONS[2])
        long_replies = [f.result() for f in longs]
        normal_reply, normal_seconds = normal.result()
    alone = run.call("POST", "/api/v1/answer", USER, json=answer)
    long_statuses = [status_of(r) for r in long_replies]
    took = time.monotonic() - started
    named = all("2000" in (r.json()["error"]["message"] if r is not None else "") for r in long_replies)
    passed = long_statuses == [422, 422] and status_of(alone) == 422 and named and status_of(normal_reply) == 200
    outcome = (
        f"chat/completions {tally(long_statuses)} (limit named: {named}), answer with history "
        f"{status_of(alone)}; a normal question meanwhile: {status_of(normal_reply)} in {ms(normal_seconds)} "
        f"(all in {ms(took)})"
    )
    tried = "15,003-char earlier user turn + '那成都呢？', two at once with a normal question (1 answer slot)"
    return Case("history_length", tried, outcome, verdict(passed))


def case_big_bodies(run: Run) -> Case:
    """4. 400 MB JSON bodies to the page's routes: declared by content-length, and chunked without one."""
    size, piece = 400 * 2**20, 2**20
    json_head = "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"

    def chunks() -> Iterable[bytes]:  # 400 MB in 1 MB chunks, made as they are sent (stopped once answered)
        yield b'%x\r\n{"data": ["\r\n' % len(b'{"data": ["')
        for _ in range(size // piece):
            yield b"%x\r\n" % piece + b"x" * piece + b"\r\n"

    started = time.monotonic()
    results = []
    with run.peak_rss() as memory:
        for path in ("/gradio_api/queue/join", "/gradio_api/run/predict", "/embed/gradio_api/queue/join"):
            declared = run.raw(json_head.format(path=path) + f"Content-Length: {size}\r\n\r\n", [b'{"data": ["'])
            results.append(("declared", path, declared))
        for path in ("/gradio_api/queue/join", "/gradio_api/run/predict"):
            chunked = run.raw(json_head.format(path=path) + "Transfer-Encoding: chunked\r\n\r\n", chunks())
            results.append(("chunked", path, chunked))
        time.sleep(0.3)  # memory a moment after, too
    during = run.health_during(started)
    statuses = [r["status"] for *_, r in results]
    sent_mb = max(r["sent"] for kind, _, r in results if kind == "chunked") / 2**20
    slowest = max(r["seconds"] for *_, r in results)
    jump = max(memory) - memory[0]
    passed = all(s == 413 for s in statuses) and jump < MEMORY_JUMP_MB and slowest < FAST * 3 and health_ok(during)
    outcome = (
        f"{tally(statuses)}, slowest {ms(slowest)}; chunked: refused after {sent_mb:.0f} MB had left the client "
        f"(limit {MAX_JSON_KB // 1024} MB, the rest in socket buffers); server RSS {memory[0]:.0f} → "
        f"{memory[-1]:.0f} MB, peak +{jump:.0f} MB ({len(memory)} samples); {health_text(during)}"
    )
    tried = "400 MB JSON to queue/join, run/predict: content-length (3), chunked without it (2)"
    bodies = [{"kind": kind, "path": path, "status": r["status"], "sent": r["sent"]} for kind, path, r in results]
    return Case("big_bodies", tried, outcome, verdict(passed), {"bodies": bodies, "rss_peak_jump_mb": jump})


def case_keyless_upload(run: Run) -> Case:
    """5. A keyless 100 MB upload: answered before its body is sent; a user key alike (403)."""
    head = "POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
    keyless = run.raw(head + "Content-Length: 104857600\r\n\r\n", wait=FAST * 3)
    user = run.raw(head + f"Authorization: Bearer {USER}\r\nContent-Length: 104857600\r\n\r\n", wait=FAST * 3)
    staging = run.data / "uploads" / ".staging"
    staged = sorted(p.name for p in staging.iterdir()) if staging.is_dir() else []
    passed = keyless["status"] == 401 and user["status"] == 403 and not staged
    passed = passed and max(keyless["seconds"], user["seconds"]) < FAST
    outcome = (
        f"no key: {keyless['status']} in {ms(keyless['seconds'])}, user key: {user['status']} in "
        f"{ms(user['seconds'])}, 0 body bytes sent; staged: {staged or 'nothing'}"
    )
    tried = "head only, Content-Length: 104857600, no body (raw socket)"
    return Case("keyless_upload", tried, outcome, verdict(passed))


def case_gradio_upload(run: Run) -> Case:
    """5. Gradio's own upload route: closed for everyone."""
    statuses = []
    for path in ("/gradio_api/upload", "/embed/gradio_api/upload"):
        for key in (None, ADMIN):
            response = run.call("POST", path, key, files={"files": ("a.txt", b"x")}, timeout=30)
            statuses.append(status_of(response))
    passed = all(s == 404 for s in statuses)
    return Case("gradio_upload", "POST /gradio_api/upload (both mounts, ± admin key)", tally(statuses), verdict(passed))


def case_long_name(run: Run) -> Case:
    """7. A 108-character Chinese file name (316 bytes): was a 503 carrying the server's staging path."""
    raw = ("某某省某某市某某区人民政府关于二〇二五年度法治政府建设情况的报告" * 4)[:104] + ".txt"
    accepted = run.upload(raw, REPORT.format(place="长名县", n=42, m=17).encode())
    if accepted is None or accepted.status_code != 202:
        text = accepted.text[:200] if accepted is not None else "no reply"
        return Case("long_name", "108-char name", f"upload: {status_of(accepted)} {text}", "FAIL")
    job = run.job(accepted)
    name = (job.get("files") or ["?"])[0]
    listed = [d for d in run.documents() if d["doc"] == name]
    texts = [accepted.text, json.dumps(job, ensure_ascii=False), json.dumps(listed, ensure_ascii=False)]
    pathless = not any(p in t for t in texts for p in (str(run.data), str(run.data.resolve()), ".staging", "uploads/"))
    passed = job.get("status") == "done" and bool(listed) and pathless and len(name.encode()) <= 200
    outcome = (
        f"upload 202, job {job.get('status')}, indexed as {len(name)} chars / {len(name.encode())} bytes "
        f"({'listed' if listed else 'NOT LISTED'}); server path in a message: {'no' if pathless else 'YES'}"
    )
    return Case("long_name", f"upload named {len(raw)} chars ({len(raw.encode())} bytes)", outcome, verdict(passed))


def case_fetch_and_origin(run: Run) -> Case:
    """8. Gradio's file= and proxy= routes fetching a URL for the client; a foreign origin for the page."""
    target = f"{run.stub}/x"
    statuses = []
    for mount in ("", "/embed"):
        for route in ("file", "proxy"):
            for key in (None, ADMIN):
                statuses.append(status_of(run.call("GET", f"{mount}/gradio_api/{route}={target}", key, timeout=30)))
    time.sleep(0.5)
    fetched = list(ModelStub.other)
    origin = {"Origin": "http://localhost:5555"}
    replies = [
        run.call("GET", "/", headers=origin, timeout=30),
        run.call("POST", "/gradio_api/queue/join", headers=origin, json={}, timeout=30),
        run.call(
            "OPTIONS",
            "/gradio_api/queue/join",
            headers={**origin, "Access-Control-Request-Method": "POST"},
            timeout=30,
        ),
    ]
    cors = [
        name
        for r in replies
        if r is not None
        for name in ("access-control-allow-origin", "access-control-allow-credentials")
        if name in r.headers
    ]
    passed = all(s == 404 for s in statuses) and not fetched and not cors and all(r is not None for r in replies)
    outcome = (
        f"file=/proxy= {tally(statuses)}, the stub saw {len(fetched)} request(s); Origin localhost:5555 on "
        f"GET /, queue/join, preflight ({tally(status_of(r) for r in replies)}): "
        f"{'CORS headers ' + str(cors) if cors else 'no CORS headers'}"
    )
    tried = f"/gradio_api/file= and proxy=http://127.0.0.1:{run.stub.rsplit(':', 1)[1]}/x; foreign Origin"
    return Case("fetch_and_origin", tried, outcome, verdict(passed))


def case_error_texts(run: Run) -> Case:
    """9. Raw exception text never in a reply: a disk fault's 503 and a failing model say which part, no path."""
    staging = run.data / "uploads" / ".staging"
    staging.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        staging.rmdir()  # empty between uploads (nothing is pending now)
    fault = not staging.exists()
    if fault:
        staging.write_text("a file where the staging folder goes: the disk refuses the upload\n")
    try:
        report = REPORT.format(place="故障县", n=1, m=2).encode()
        refused = run.upload("磁盘故障测试.txt", report, fault="backend_unavailable (injected disk fault)")
    finally:
        if fault:
            staging.unlink()
    json_reply = refused is not None and refused.headers.get("content-type", "").endswith("json")
    disk = refused.json()["error"] if json_reply else {}
    disk_ok = status_of(refused) == 503 and disk.get("code") == "backend_unavailable" and not has_path(disk)

    model, _ = run.ask(FAIL)
    answer = model.json() if model is not None and model.status_code == 200 else {}
    error = answer.get("error") or ""
    model_ok = bool(answer.get("answer")) and bool(error) and not has_path({"error": error})
    model_ok = model_ok and "Traceback" not in error and run.stub.split("//")[-1] not in error  # no address
    joined, session = run.page_join(FAIL)
    chat = run.page_result(session) if status_of(joined) == 200 else ""
    page_ok = "语言模型暂时不可用" in chat and "LLM server" not in chat and run.stub not in chat
    passed = fault and disk_ok and model_ok and page_ok
    outcome = (
        f"disk fault: {status_of(refused)} {disk.get('code')} {disk.get('message', '')!r}; model 500: answer "
        f"{status_of(model)} from the passages, page chat says 语言模型暂时不可用 ({'yes' if page_ok else 'NO'}); "
        f"API `error` holds no path or address ({'yes' if model_ok else 'NO'}): {error[:70]!r}"
    )
    tried = "upload while the disk refuses (a file where .staging goes); the model answers 500 (API and page)"
    return Case("error_texts", tried, outcome, verdict(passed), {"disk": disk, "model_error": error})


def has_path(value) -> bool:
    """A server file path in a reply: an absolute path that is not a URL's path or an API route."""
    text = json.dumps(value, ensure_ascii=False)
    return bool(re.search(r"(?<![\w:/.~-])/(?!api/v1)[\w.-]+/[^\s'\"]*", text))


def case_slow_pdf(run: Run) -> Case:
    """9. The slow PDF (90 s of pypdf CPU unbounded) fails its job at BOT_PARSE_SECONDS; the next upload is indexed."""
    reason = f"took longer than {PARSE_SECONDS} s to read (BOT_PARSE_SECONDS)"
    started = time.monotonic()
    slow = run.upload("slow.pdf", slow_pdf())
    good = run.upload("紧随县报告.txt", REPORT.format(place="紧随县", n=58, m=9).encode())
    if status_of(slow) != 202 or status_of(good) != 202:
        outcome = f"uploads: {status_of(slow)}, {status_of(good)}"
        return Case("slow_pdf", "the slow PDF", outcome, "FAIL")
    slow_job = run.job(slow)
    slow_seconds = time.monotonic() - started
    good_job = run.job(good)
    good_seconds = time.monotonic() - started
    errors = slow_job.get("errors") or [{}]
    passed = slow_job.get("status") == "failed" and str(errors[0].get("reason", "")).startswith(reason)
    passed = passed and good_job.get("status") == "done" and good_job["result"].get("added") == ["紧随县报告.txt"]
    passed = passed and not has_path(errors) and good_seconds < 60
    outcome = (
        f"slow.pdf: job {slow_job.get('status')} after {slow_seconds:.1f} s: {errors[0].get('reason', '')[:64]!r}…; "
        f"the upload after it: job {good_job.get('status')} at {good_seconds:.1f} s"
    )
    tried = f"7 kB PDF (750,000 lines) with BOT_PARSE_SECONDS={PARSE_SECONDS}, then a good report"
    return Case("slow_pdf", tried, outcome, verdict(passed))


def case_slowloris(run: Run) -> Case:
    """9. Connections trickling header bytes, one every 0.3 s each, so a head never completes."""
    count = run.count("slow_connections")
    connections = [socket.create_connection((run.host, run.port), timeout=10) for _ in range(count)]
    opened = time.monotonic()
    closed_at: dict[int, float] = {}
    stop = threading.Event()

    def trickle() -> None:
        while not stop.is_set() and len(closed_at) < count:
            for n, connection in enumerate(connections):
                if n in closed_at:
                    continue
                try:
                    connection.send(b"X-Slow: 1\r\n")
                except OSError:
                    closed_at.setdefault(n, time.monotonic())
            ready = select.select([c for n, c in enumerate(connections) if n not in closed_at], [], [], 0.3)[0]
            for connection in ready:
                n = connections.index(connection)
                try:
                    gone = connection.recv(1024) == b""
                except OSError:
                    gone = True
                if gone:
                    closed_at.setdefault(n, time.monotonic())

    try:
        for connection in connections:
            connection.send(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")
        trickler = threading.Thread(target=trickle, daemon=True)
        trickler.start()
        health, health_seconds = run.ask_health()
        trickler.join(HEADER_SECONDS + MARGIN + 5)
    finally:
        stop.set()
        for connection in connections:
            connection.close()
    during = run.health_during(opened)
    times = [closed_at[n] - opened for n in sorted(closed_at)]
    latest = max(times) if times else float("inf")
    passed = len(times) == count and latest <= HEADER_SECONDS + MARGIN and health == 200 and health_ok(during)
    outcome = (
        f"{len(times)}/{count} closed by the server, after {min(times or [0]):.1f}–{latest:.1f} s "
        f"(BOT_HEADER_SECONDS={HEADER_SECONDS} + {MARGIN:g} s margin); health meanwhile {health} in "
        f"{ms(health_seconds)}; {health_text(during)}"
    )
    return Case("slowloris", f"{count} connections trickling header lines", outcome, verdict(passed))


def case_crowd(run: Run) -> Case:
    """5. Health while questions crowd the answer slot: few may wait, the rest hear `503 busy` at once."""
    count = run.count("crowd")
    ModelStub.held.clear()
    ModelStub.release.clear()
    with ThreadPoolExecutor(max_workers=count + 1) as pool:
        try:
            holder = pool.submit(run.ask, HOLD, CROWD)
            if not ModelStub.held.wait(30):
                return Case("crowd", "hold the slot", "the held question never reached the model", "FAIL")
            started = time.monotonic()
            asks = [pool.submit(run.ask, f"{QUESTIONS[n % len(QUESTIONS)]}（{n}）", CROWD) for n in range(count)]
            at_once, waiting = futures_wait(asks, timeout=FAST)  # busy replies come at once; waiters wait
            probes = [run.ask_health() for _ in range(5)]
            crowded = run.health_during(started)
        finally:
            ModelStub.release.set()
        quick = [f.result() for f in asks if f in at_once]
        waited = [f.result() for f in asks if f in waiting]
        held = holder.result()
    busy = [(r, s) for r, s in quick if status_of(r) == 503 and r.json()["error"]["code"] == "busy"]
    busy_ok = all(r.headers.get("retry-after") and not has_path(r.json()) for r, _ in busy)
    slowest_busy = max((s for _, s in busy), default=0.0)
    probe_max = max(s for _, s in probes)
    passed = len(busy) == len(quick) == count - ANSWER_QUEUE and busy_ok and slowest_busy < FAST
    passed = passed and all(status_of(r) == 200 for r, _ in waited) and status_of(held[0]) == 200
    passed = passed and probe_max < FAST and health_ok(crowded)
    outcome = (
        f"held 1 slot; of {count} more: {len(busy)} × 503 busy (Retry-After, no path) in ≤ {ms(slowest_busy)}, "
        f"{len(waited)} waited → {tally(status_of(r) for r, _ in waited)} once released; health probes max "
        f"{ms(probe_max)}; {health_text(crowded)}"
    )
    tried = f"1 held question + {count} at once (BOT_MAX_CONCURRENT_ANSWERS=1, BOT_ANSWER_QUEUE={ANSWER_QUEUE})"
    return Case("crowd", tried, outcome, verdict(passed))


def case_page_flood(run: Run) -> Case:
    """5. Anonymous page clients flooding questions: limited per address; keyed API answers barely slower."""
    addresses = [f"203.0.113.{n}" for n in range(1, run.count("flood_addresses") + 1)]
    seconds, timed = run.count("flood_seconds"), run.count("timed_answers")
    before = [run.ask(QUESTIONS[n % len(QUESTIONS)], TIMED) for n in range(timed)]
    chats_before = ModelStub.chats
    flood: dict[str, list[str]] = {a: [] for a in addresses}
    lock, stop = threading.Lock(), threading.Event()

    def flooder(address: str, lane: int) -> None:
        with httpx.Client(base_url=run.base, timeout=30) as client:
            n = 0
            while not stop.is_set():
                n += 1
                question = f"{QUESTIONS[n % len(QUESTIONS)]}（{address}-{lane}-{n}）"
                response, _ = run.page_join(question, "", address, client)
                reply = status_class(status_of(response), response.text if response is not None else "")
                with lock:
                    flood[address].append(reply)
                stop.wait(0.02)

    threads = [
        threading.Thread(target=flooder, args=(a, lane), daemon=True) for a in addresses for lane in range(FLOOD_LANES)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    during = []
    while True:  # the timed answers, and at least `seconds` of flood, until every address has been limited
        elapsed = time.monotonic() - started
        if len(during) < timed:
            during.append(run.ask(QUESTIONS[len(during) % len(QUESTIONS)], TIMED))
        elif elapsed >= 3 * seconds or elapsed >= seconds and all("429" in flood[a] for a in addresses):
            break
        else:
            time.sleep(0.1)
    fresh, _ = run.page_join(QUESTIONS[0], "", "203.0.113.200")  # another address, while the flooders are limited
    fresh_reply = status_class(status_of(fresh), fresh.text if fresh is not None else "")
    stop.set()
    for thread in threads:
        thread.join(30)
    took = time.monotonic() - started
    health = run.health_during(started)
    answered = ModelStub.chats - chats_before
    per_address = {a: Counter(replies) for a, replies in flood.items()}
    # Raw page events are held to PAGE_EVENTS_PER_QUESTION × the rate limit per address (a backstop); the
    # questions among them to the rate limit itself, refused in the chat (so an answer is never made for them).
    events = RATE_LIMIT * PAGE_EVENTS_PER_QUESTION
    allowed = events + took * events / 60 + 2
    limited = all(c["429"] > 0 and c.total() - c["429"] <= allowed for c in per_address.values())
    limited = limited and answered <= len(addresses) * (RATE_LIMIT + took * RATE_LIMIT / 60 + 2)
    known = all(set(c) <= {"200", "429", "503 page queue full"} for c in per_address.values())
    before_p50, during_p50 = latency_ms([s for _, s in before])["p50"], latency_ms([s for _, s in during])["p50"]
    keyed_ok = all(status_of(r) == 200 for r, _ in before + during)
    not_much = during_p50 <= SLOWER * before_p50 + 500
    fresh_ok = fresh_reply in ("200", "503 page queue full")  # not 429: the limit is the flooders' own
    passed = limited and known and keyed_ok and not_much and fresh_ok and health_ok(health)
    replies = Counter(r for c in per_address.values() for r in c.elements())
    outcome = (
        f"{replies.total()} page events in {took:.1f} s: "
        + ", ".join(f"{reply} ×{n}" for reply, n in sorted(replies.items()))
        + f" (each address ≤ {allowed:.0f} not 429, ≤ {RATE_LIMIT} questions answered: {limited}); another address "
        f"meanwhile: {fresh_reply}; page answers made meanwhile {answered}; keyed /api/v1/answer p50 "
        f"{before_p50:.0f} ms before, {during_p50:.0f} ms during (bound {SLOWER:g}× + 500 ms), "
        f"{tally(status_of(r) for r, _ in before + during)}; {health_text(health)}"
    )
    tried = (
        f"queue/join questions from {len(addresses)} addresses ({FLOOD_LANES} connections each, no waiting) for "
        f"≥ {seconds:g} s; {timed} keyed answers before and during"
    )
    details = {
        "per_address": {a: dict(c) for a, c in per_address.items()},
        "keyed_before_ms": latency_ms([s for _, s in before]),
        "keyed_during_ms": latency_ms([s for _, s in during]),
    }
    return Case("page_flood", tried, outcome, verdict(passed), details)


def case_key_guesses(run: Run) -> Case:
    """5. Admin-key guesses from one address: limited after the first few; a user key tells nothing more."""
    guesser, other = "203.0.113.66", "203.0.113.67"
    url = f"/api/v1/documents/{SEED}"
    before = run.documents()
    same = []
    routes = [("DELETE", url, {}), ("GET", "/api/v1/jobs/no-such-job", {})]
    routes.append(("POST", "/api/v1/documents", {"files": [("files", ("a.txt", b"x"))]}))
    for method, path, body in routes:
        user, unknown = (run.call(method, path, key, other, **body) for key in (USER, "attack-unknown-key"))
        same.append(status_of(user) == status_of(unknown) == 403 and user.json() == unknown.json())
    count = run.count("guesses")
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=8) as pool, httpx.Client(base_url=run.base, timeout=30) as client:

        def guess(n: int) -> int:
            return status_of(run.call("DELETE", url, f"guess-{n:04d}", guesser, client=client))

        guesses = list(pool.map(guess, range(count)))
    took = time.monotonic() - started
    blocked = status_of(run.call("GET", "/api/v1/jobs/no-such-job", ADMIN, guesser))
    elsewhere = status_of(run.call("GET", "/api/v1/jobs/no-such-job", ADMIN, other))
    after = run.documents()
    audit = (run.data / "audit.jsonl").read_text(encoding="utf-8") if (run.data / "audit.jsonl").exists() else ""
    audited = sum(1 for line in audit.splitlines() if "admin_key_refused" in line)
    keyless_audit = "guess-0" not in audit and USER not in audit
    refused = Counter(guesses)
    allowed = RATE_LIMIT + took * RATE_LIMIT / 60 + 2
    passed = set(refused) <= {403, 429} and refused[403] <= allowed and refused[429] >= count - allowed
    passed = passed and all(same) and blocked == 429 and elsewhere == 404 and before == after and keyless_audit
    outcome = (
        f"{tally(guesses)} in {took:.1f} s (≤ {allowed:.0f} checked); the real admin key from that address "
        f"{blocked}, from another {elsewhere}; user key vs unknown key: same reply {all(same)}; documents "
        f"{'unchanged' if before == after else 'CHANGED'}; audited {audited} refusals, no key in the log: "
        f"{keyless_audit}"
    )
    tried = f"{count} DELETEs with guessed admin keys from one address (8 at a time)"
    return Case("key_guesses", tried, outcome, verdict(passed), {"guesses": dict(refused)})


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


CASES: list[Callable[[Run], Case]] = [
    case_dev_zero,
    case_server_files,
    case_history_length,
    case_big_bodies,
    case_keyless_upload,
    case_gradio_upload,
    case_long_name,
    case_fetch_and_origin,
    case_error_texts,
    case_slow_pdf,
    case_slowloris,
    case_crowd,
    case_page_flood,
    case_key_guesses,
]
ELSEWHERE = [
    Case(
        "kill_9",
        "kill -9 of the server during uploads, then a restart",
        "covered by tests/test_crash.py (test_kill_9_mid_upload_then_restart_recovers, "
        "test_kill_9_loses_no_accepted_upload)",
        "see tests/test_crash.py",
    ),
    Case(
        "quote_echo",
        "' in a question, echoed in the page's chat",
        "skipped here: a page rendering detail, tested by tests/test_security.py::test_quotes_show_as_quotes and "
        "tests/test_server_parts.py::test_report_text_is_escaped_everywhere",
        "skipped",
    ),
]


# -- the whole run --------------------------------------------------------------------------------------
def attack(quick: bool, embed_cache: Path, work: Path) -> dict:
    data = work / "data"
    ModelStub.other.clear()
    stub_server = ThreadingHTTPServer(("127.0.0.1", 0), ModelStub)
    stub_server.daemon_threads = True
    threading.Thread(target=stub_server.serve_forever, daemon=True).start()
    stub = f"http://127.0.0.1:{stub_server.server_address[1]}"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = bench_env(BOT_DATA_DIR=data, BOT_EMBED_CACHE=embed_cache, BOT_HOST="127.0.0.1", BOT_PORT=port, **SETTINGS)
    env["BOT_OPENAI_URL"] = f"{stub}/v1"
    say(f"attack: starting app.py on {base} (data {data})")
    started = time.monotonic()
    with Proc([PYTHON, "app.py"], env=env, log=work / "server.log") as proc:
        wait_http(f"{base}/api/v1/health", proc, timeout=600)
        startup = time.monotonic() - started
        watch = HealthWatch(f"{base}/api/v1/health", every=0.1, pid=proc.pid)
        run = Run(base, proc, data, work, quick, stub, watch)
        warm_up(run)
        cases: list[Case] = []
        with watch:
            for case in CASES:
                say(f"attack: {case.__name__.removeprefix('case_')}")
                began = time.monotonic()
                try:
                    result = case(run)
                except Exception as exc:  # a case that breaks is a failed case; the run goes on
                    name = case.__name__.removeprefix("case_")
                    result = Case(name, (case.__doc__ or "").strip()[:80], f"{exc.__class__.__name__}: {exc}", "FAIL")
                result.details["seconds"] = round(time.monotonic() - began, 1)
                cases.append(result)
            alive = proc.alive()
        run.close()
    stub_server.shutdown()
    stub_server.server_close()
    return summarise(run, cases + ELSEWHERE, startup, alive)


def warm_up(run: Run) -> None:
    """Models loaded and the page's queue started before memory is first measured (then the growth is the attacks')."""
    for question in QUESTIONS[:2]:
        run.ask(question)
    run.call("POST", "/api/v1/search", USER, json={"question": QUESTIONS[0]})
    joined, session = run.page_join(QUESTIONS[0])
    if status_of(joined) == 200:
        run.page_result(session)


def summarise(run: Run, cases: list[Case], startup: float, alive: bool) -> dict:
    health = run.watch.summary()
    memory = [mb for _, mb in run.watch.memory]
    rss = {"start": memory[0], "end": memory[-1], "max": max(memory)} if memory else {}
    growth = round(rss["end"] - rss["start"], 1) if rss else None
    statuses = dict(sorted(run.statuses.items()))
    five_xx = sum(n for status, n in statuses.items() if status.startswith("5") and " " not in status)
    apart = {status: n for status, n in statuses.items() if status.startswith("5") and " " in status}
    targets = {
        "cases": all(c.status != "FAIL" for c in cases),
        "health_p95": health.get("p95", float("inf")) < HEALTH_P95_MS and health.get("failed", 1) == 0,
        "memory_growth": growth is not None and growth < MEMORY_GROWTH_MB,
        "five_xx": five_xx == 0 and statuses.get("0", 0) == 0,
        "no_leaks": not run.leaks,
        "server_alive": alive,
    }
    return {
        "machine": machine(),
        "base": run.base,
        "quick": run.quick,
        "startup_s": round(startup, 1),
        "settings": {k: v for k, v in SETTINGS.items() if "KEYS" not in k},
        "cases": [asdict(c) for c in cases],
        "health": health,
        "rss_mb": {**rss, "growth": growth},
        "requests": sum(statuses.values()),
        "statuses": statuses,
        "five_xx": five_xx,
        "five_xx_apart": apart,
        "leaks": run.leaks[:20],
        "targets": targets,
        "ok": all(targets.values()),
        "data": str(run.data),
    }


def print_lines(result: dict) -> None:
    m = result["machine"]
    print(f"# {m['date']}  {m['cpu']}  {m['cores']} cores  load at start {m['loadavg_at_start']}  {m['command']}")
    settings = " ".join(f"{name}={value}" for name, value in result["settings"].items())
    print(f"# app.py at {result['base']} with keys set, ready in {result['startup_s']} s; {settings}")
    for case in result["cases"]:
        print(f"{case['name']} | {case['tried']} | {case['outcome']} | {case['status']}")
    health, rss, targets = result["health"], result["rss_mb"], result["targets"]
    print(
        f"health: {health.get('polls', 0)} polls every 100 ms, p50 {health.get('p50')} ms, p95 {health.get('p95')} "
        f"ms, max {health.get('max')} ms, failed {health.get('failed')} (target p95 < {HEALTH_P95_MS:.0f} ms) | "
        f"{verdict(targets['health_p95'])}"
    )
    print(
        f"memory: server RSS (app + children) start {rss.get('start')} MB, end {rss.get('end')} MB, max "
        f"{rss.get('max')} MB, growth {rss.get('growth')} MB (target < {MEMORY_GROWTH_MB:.0f} MB) | "
        f"{verdict(targets['memory_growth'])}"
    )
    statuses = " ".join(f"{status}×{n}" for status, n in result["statuses"].items())
    apart = ", ".join(f"{status} ×{n}" for status, n in result["five_xx_apart"].items()) or "none"
    print(
        f"responses: {result['requests']} requests: {statuses}; 5xx: {result['five_xx']} (counted apart: "
        f"{apart}); no reply: {result['statuses'].get('0', 0)} | {verdict(targets['five_xx'])}"
    )
    print(f"leaks: replies with a server path or a traceback: {len(result['leaks'])} | {verdict(targets['no_leaks'])}")
    for leak in result["leaks"]:
        print(f"  leak: {leak}")
    failed = [c["name"] for c in result["cases"] if c["status"] == "FAIL"]
    print(f"result: {'PASS' if result['ok'] else 'FAIL'}" + (f" (failed: {', '.join(failed)})" if failed else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="smaller counts (CI)")
    parser.add_argument("--embed-cache", type=Path, default=CACHE, help="embedding cache (default: the shared one)")
    parser.add_argument("--work", type=Path, help="work folder (default: a fresh data/bench/attack/)")
    args = parser.parse_args()
    if args.work:
        shutil.rmtree(args.work / "data", ignore_errors=True)
        args.work.mkdir(parents=True, exist_ok=True)
        work = args.work
    else:
        work = work_dir("attack", fresh=True)
    result = attack(args.quick, args.embed_cache, work)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print_lines(result)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
