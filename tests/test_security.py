"""Every route the server answers, the web page's (Gradio's) own included, against the access policy
(bot/access.py), and the abuse a security review confirmed on the page's routes (issue #12), over real HTTP
on 127.0.0.1 with keys configured. The whole attack run, with health and memory watched, is
benchmarks/attack.py (and tests/test_attack.py).
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress

import httpx
import pytest
from fastapi.routing import _IncludedRouter
from live_server import serve, serve_handler
from starlette.routing import Mount
from stub_llm import serve_chat
from test_api import assert_error, bearer

from bot.answer.intent import MAX_QUESTION_CHARS, standalone
from bot.errors import NotFound
from bot.serve.access import PAGE_EVENTS_PER_QUESTION, POLICY, rule_for
from bot.serve.render import escape
from bot.serve.server import create_server
from bot.serve.service import Service

KEY, ADMIN = "user-key-12-a41f", "admin-key-12-9c3e"
QUESTION = "广州全市有多少个单位按期公开了法治政府建设年度报告？"
DEV_ZERO = {"path": "/dev/zero", "meta": {"_type": "gradio.FileData"}}


@contextmanager
def secured(seeded, **overrides):
    """A server over the shared seeded library with keys set; yields (base URL, service)."""
    update = {"api_keys": [KEY], "admin_keys": [ADMIN], "rate_limit": 10_000, **overrides}
    service = Service(seeded, settings=seeded.settings.model_copy(update=update))
    try:
        with serve(create_server(service)) as base:
            yield base, service
    finally:
        service.close()


@pytest.fixture(scope="module")
def server(seeded):
    with secured(seeded) as (base, service):
        yield base, service


def served_routes(app, prefix: str = "") -> list[tuple[str, str]]:
    """(method, path template) of every route the app serves, through mounts and included routers."""
    found = []
    for route in app.routes:
        if isinstance(route, Mount):
            found += served_routes(route.app, prefix + route.path)
        elif isinstance(route, _IncludedRouter):
            found += served_routes(route.original_router, prefix)
        else:
            found += [(method, prefix + route.path) for method in sorted(getattr(route, "methods", None) or ["GET"])]
    return found


def concrete(path: str, api_name: str = "do_upload") -> str:
    """A template's path with sample values ({api_name} → do_upload, {path:path} → x…)."""
    samples = {"api_name": api_name, "doc": "000_8fbd729c494b9d50.txt", "job_id": "x", "session_hash": "s"}
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: samples.get(m.group(1), "x"), path) or "/"


def policy(method: str, path: str) -> str:
    """Who the policy lets call a request: anyone / page / user / admin, or 'nobody' (404/405)."""
    try:
        return rule_for(method, path).who
    except NotFound:  # NotAllowed too
        return "nobody"


def test_every_route_the_app_serves_obeys_the_policy(server, seeded):
    """A route added later, by us or by a Gradio upgrade, is closed until the policy names it."""
    base, service = server
    routes = sorted(set(served_routes(create_server(service))))
    assert len(routes) > 100  # Gradio serves many: uploads, files, URL fetching, its login, monitoring…
    kinds: dict[str, int] = {}
    for method, template in routes:
        path = concrete(template)
        who = policy(method, path)
        kinds[who] = kinds.get(who, 0) + 1
        if who in ("anyone", "page"):
            continue  # open by design (the page's own use is in test_browser.py)
        for key in (None, KEY) if who != "nobody" else (None, KEY, ADMIN):  # never an admin key on a real route
            response = httpx.request(method, base + path, headers=bearer(key) if key else {}, timeout=10)
            if who == "nobody":
                assert response.status_code in (404, 405), (method, path, response.status_code)
            elif key is None:
                assert_error(response, 401, "unauthorized")
            elif who == "admin" and key == KEY:
                assert_error(response, 403, "forbidden")
            else:
                assert response.status_code not in (401, 403), (method, path, key, response.text)
    assert kinds["nobody"] > 80 and kinds["page"] >= 10 and kinds["admin"] == 9 and kinds["user"] == 7, kinds
    served = {(m, concrete(t, name)) for m, t in routes for name in ("do_upload", "predict")}
    for rule in POLICY:  # and the policy names nothing that is not served (but our own sign-in)
        if rule.what.startswith(("the page's sign", "the admin view's sign")):
            continue
        assert any(rule.matches(m, p) for m, p in served), rule.pattern.pattern


def test_gradio_file_inputs_cannot_name_server_files(server, tmp_path):
    """/dev/zero froze the server for good; any readable file could be indexed and read back by search."""
    base, service = server
    secret = tmp_path / "secret.txt"
    secret.write_text("机密文件内容：紫色长颈鹿口令 7431", encoding="utf-8")
    payloads = [
        ("/gradio_api/run/do_upload", {"data": [[DEV_ZERO], ""]}),
        ("/gradio_api/run/predict", {"data": [[DEV_ZERO]], "fn_index": 0, "session_hash": "s"}),
        ("/gradio_api/queue/join", {"data": [[DEV_ZERO], ADMIN], "fn_index": 0, "session_hash": "s"}),
        ("/embed/gradio_api/queue/join", {"data": [{**DEV_ZERO, "path": str(secret)}], "fn_index": 1}),
        ("/gradio_api/queue/join", {"data": [[{"path": str(secret), "meta": {"_type": "gradio.FileData"}}], ADMIN]}),
    ]
    before = service.documents()
    for path, payload in payloads:
        for headers in ({}, bearer(ADMIN)):
            response = httpx.post(base + path, json=payload, headers=headers, timeout=10)
            assert response.status_code in (400, 404), (path, response.status_code)
    health = httpx.get(f"{base}/api/v1/health", timeout=5)
    assert health.status_code == 200 and health.elapsed.total_seconds() < 5
    found = httpx.post(f"{base}/api/v1/search", json={"question": "紫色长颈鹿口令"}, headers=bearer(KEY), timeout=30)
    assert not any("紫色长颈鹿" in p["text"] for p in found.json()["passages"]) and service.documents() == before


def test_no_upload_file_or_url_route_for_anyone(server):
    base, _ = server
    fetched = []

    class Target(__import__("http.server").server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            fetched.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    with serve_handler(Target) as target:
        for headers in ({}, bearer(ADMIN)):
            upload = httpx.post(f"{base}/gradio_api/upload", files={"files": ("a.txt", b"x")}, headers=headers)
            assert upload.status_code == 404
            url = httpx.get(f"{base}/gradio_api/file={target}/secret", headers=headers, timeout=10)
            proxy = httpx.get(f"{base}/gradio_api/proxy={target}/secret", headers=headers, timeout=10)
            assert url.status_code == 404 and proxy.status_code == 404
    assert fetched == []


def test_history_is_held_to_the_question_limit(server):
    """A short follow-up was rewritten into a 15,000-character earlier turn and embedded whole."""
    base, _ = server
    long_turn = "广州市" + "法治政府建设" * 2500
    api = httpx.Client(base_url=f"{base}/api/v1", headers=bearer(KEY), timeout=30)
    chat = api.post(
        "/chat/completions",
        json={"messages": [{"role": "user", "content": long_turn}, {"role": "user", "content": "那成都呢？"}]},
    )
    assert "2000" in assert_error(chat, 422, "invalid_request")["message"]
    history = [{"role": "user", "content": long_turn[:7999]}, {"role": "assistant", "content": "好"}]
    answer = api.post("/answer", json={"question": "那成都呢？", "history": history})
    assert "history[0]" in assert_error(answer, 422, "invalid_request")["message"]
    allowed = [{"role": "user", "content": long_turn[: MAX_QUESTION_CHARS - 1]}, {"role": "assistant", "content": "好"}]
    assert api.post("/answer", json={"question": "那成都呢？", "history": allowed}).status_code == 200
    rewritten = standalone("那成都呢？", [{"role": "user", "content": long_turn[:MAX_QUESTION_CHARS]}] * 3, ["成都市"])
    assert len(rewritten) <= MAX_QUESTION_CHARS


def test_bodies_are_bounded_on_every_route(seeded):
    with secured(seeded, max_json_kb=64) as (base, _):
        big = b'{"data": ["' + b"x" * (2 << 20) + b'"], "fn_index": 0}'
        for path in ("/gradio_api/queue/join", "/embed/gradio_api/run/predict", "/api/v1/answer"):
            declared = httpx.post(base + path, content=big, headers={"content-type": "application/json", **bearer(KEY)})
            assert_error(declared, 413, "too_large")

            def chunked():
                yield big[: 1 << 20]
                yield big[1 << 20 :]

            streamed = httpx.post(base + path, content=chunked(), headers={"content-type": "application/json"})
            assert streamed.status_code in (401, 413)  # the API needs a key first; the page does not
        slow = _raw(base, "POST /gradio_api/queue/join HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{", wait=40)
        assert b" 408 " in slow.split(b"\r\n")[0]  # a body trickling in past BOT_BODY_SECONDS (30 s) is cut


def _raw(base: str, request: str, wait: float = 10.0) -> bytes:
    """Send `request` as is on a raw connection; what came back within `wait` seconds."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as connection:
        connection.sendall(request.encode())
        data = b""
        try:
            while chunk := connection.recv(65536):
                data += chunk
                if b"\r\n\r\n" in data:
                    break
        except TimeoutError:
            pass
        return data


def test_an_upload_without_a_key_is_refused_before_its_body_is_read(server):
    base, service = server
    head = "POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
    for auth in ("", f"Authorization: Bearer {KEY}\r\n"):
        reply = _raw(base, head + auth + "Content-Length: 104857600\r\n\r\n")  # announces 100 MB, sends none
        assert reply.split(b"\r\n")[0].split()[1] in (b"401", b"403", b"413")
    assert not list(service.settings.uploads_dir.glob(".staging/*"))


def test_page_events_are_rate_limited_per_address(seeded):
    """Raw page events are held to a backstop; the chat's own limit on questions is in test_browser.py."""
    with secured(seeded, rate_limit=5) as (base, _):
        event = {"data": [], "fn_index": 0, "session_hash": "s"}
        backstop = 5 * PAGE_EVENTS_PER_QUESTION
        statuses = [
            httpx.post(f"{base}/gradio_api/queue/join", json=event, timeout=10).status_code for _ in range(backstop + 5)
        ]
        assert statuses.count(429) >= 4 and 429 not in statuses[:backstop], statuses
        assert httpx.get(f"{base}/api/v1/health", timeout=10).status_code == 200  # not counted


def test_admin_key_guesses_are_limited_and_tell_nothing(seeded):
    with secured(seeded, rate_limit=10) as (base, service):
        url = f"{base}/api/v1/documents/000_8fbd729c494b9d50.txt"
        user, unknown = (httpx.delete(url, headers=bearer(key), timeout=10) for key in (KEY, "guessed-key"))
        assert (user.status_code, user.json()) == (unknown.status_code, unknown.json()) == (403, user.json())
        guesses = [httpx.delete(url, headers=bearer(f"guess-{n}"), timeout=10).status_code for n in range(20)]
        assert guesses.count(429) >= 8 and set(guesses) <= {403, 429}, guesses
        assert httpx.delete(url, headers=bearer(ADMIN), timeout=10).status_code == 429  # the address is blocked
        assert len(service.documents()) == 5
        audit = (service.settings.data_dir / "audit.jsonl").read_text(encoding="utf-8")
        refused = [json.loads(line) for line in audit.splitlines() if "admin_key_refused" in line]
        assert len(refused) >= 10 and KEY not in audit and "guess-1" not in audit


def test_health_answers_while_questions_crowd_the_answer_slots(seeded):
    """Health took 29 s while 42 questions waited for a slot; now few may wait and the rest hear `busy` at once."""
    with secured(seeded, max_concurrent_answers=1, answer_queue=3, answer_wait=60) as (base, service):
        held = service.stream(QUESTION + "（占位）")  # holds the only slot
        try:
            with ThreadPoolExecutor(max_workers=24) as pool, httpx.Client(timeout=90) as client:
                asks = [
                    pool.submit(
                        client.post, f"{base}/api/v1/answer", json={"question": f"{QUESTION}{n}"}, headers=bearer(KEY)
                    )
                    for n in range(20)
                ]
                busy = [f.result() for f in asks if _done_within(f, 30)]
                assert len(busy) >= 15 and all(r.status_code == 503 for r in busy)
                assert all(r.json()["error"]["code"] == "busy" and r.headers["retry-after"] for r in busy)
                took = [client.get(f"{base}/api/v1/health").elapsed.total_seconds() for _ in range(5)]
                assert max(took) < 5, took  # generous: the point is it is not behind the 60 s waits
                held.close()
                waited = [f.result(timeout=120) for f in asks if f.result(timeout=120).status_code != 503]
                assert len(waited) <= 3 and all(r.status_code == 200 for r in waited)
        finally:
            held.close()


def _done_within(future, seconds: float) -> bool:
    try:
        future.result(timeout=seconds)
        return True
    except TimeoutError:
        return False


def test_a_non_streamed_answer_is_abandoned_when_its_client_leaves(seeded):
    with serve_chat() as chat_url:
        overrides = {"llm": "openai", "openai_url": chat_url, "openai_model": "crawl", "openai_retries": 0}
        overrides |= {"openai_deadline": 180.0, "max_concurrent_answers": 1}
        with secured(seeded, **overrides) as (base, service):
            with pytest.raises(httpx.ReadTimeout):  # the answer takes a minute; the client gives up
                httpx.post(
                    f"{base}/api/v1/answer", json={"question": QUESTION}, headers=bearer(KEY), timeout=httpx.Timeout(3)
                )
            assert service._slots.acquire(timeout=40)  # freed long before the minute the answer would take
            service._slots.release()


def test_request_heads_that_trickle_in_are_cut(seeded):
    """Slowloris: 70 connections held open by sending a header byte now and then."""
    with secured(seeded, header_seconds=1.0) as (base, _):
        host, port = base.removeprefix("http://").split(":")
        connections = [socket.create_connection((host, int(port)), timeout=30) for _ in range(70)]
        stop = threading.Event()

        def trickle():
            while not stop.is_set():
                for c in connections:
                    with suppress(OSError):
                        c.send(b"X-Slow: 1\r\n")
                stop.wait(0.3)

        try:
            for c in connections:
                c.send(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")
            threading.Thread(target=trickle, daemon=True).start()
            assert httpx.get(f"{base}/api/v1/health", timeout=10).status_code == 200
            closed = 0
            deadline = time.monotonic() + 30
            for c in connections:
                c.settimeout(max(0.1, deadline - time.monotonic()))
                try:
                    closed += c.recv(1) == b""
                except (ConnectionResetError, BrokenPipeError):
                    closed += 1
                except TimeoutError:
                    pass
            assert closed == 70
        finally:
            stop.set()
            for c in connections:
                c.close()


def test_the_page_allows_no_foreign_origin(server):
    base, _ = server
    for origin in ("http://localhost:5555", "https://evil.example"):
        page = httpx.get(f"{base}/", headers={"Origin": origin}, timeout=30)
        event = httpx.post(f"{base}/gradio_api/queue/join", json={}, headers={"Origin": origin}, timeout=10)
        preflight = httpx.options(
            f"{base}/gradio_api/queue/join",
            headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
            timeout=10,
        )
        for response in (page, event, preflight):
            assert "access-control-allow-origin" not in response.headers
            assert "access-control-allow-credentials" not in response.headers


def test_the_page_can_sit_behind_a_key(seeded):
    with secured(seeded, page_access="key") as (base, _):
        page = httpx.get(f"{base}/", headers={"Accept": "text/html"}, timeout=30)
        assert page.status_code == 303 and page.headers["location"].startswith("/login?next=")
        assert httpx.post(f"{base}/gradio_api/queue/join", json={}, timeout=10).status_code == 401
        form = httpx.get(f"{base}/login", timeout=10)
        assert form.status_code == 200 and "访问密钥" in form.text
        wrong = httpx.post(f"{base}/login", data={"key": "guess", "next": "/"}, timeout=10)
        assert wrong.status_code == 401 and "密钥无效" in wrong.text
        away = httpx.post(f"{base}/login", data={"key": KEY, "next": "https://evil.example/"}, timeout=10)
        assert away.status_code == 303 and away.headers["location"] == "/"  # no open redirect
        cookie = away.cookies.get("fazhi_session")
        assert cookie and KEY not in cookie and "httponly" in away.headers["set-cookie"].lower()
        with httpx.Client(base_url=base, cookies={"fazhi_session": cookie}, timeout=30) as signed_in:
            assert signed_in.get("/").status_code == 200
            assert signed_in.get("/embed/").status_code == 200
            assert signed_in.get("/api/v1/documents").status_code == 401  # the API still wants its bearer key
        forged = httpx.get(f"{base}/", cookies={"fazhi_session": cookie[:-1] + "0"}, timeout=10)
        assert forged.status_code in (303, 401)


def test_quotes_show_as_quotes():
    assert escape('它\'s "说明" <b>') == '它\'s "说明" &lt;b&gt;'
