"""Who may do what, over real HTTP on 127.0.0.1: admin keys for every change, keys never in logs or answers,
constant-time comparison, and a rate limit that holds under concurrent bursts.
"""

from __future__ import annotations

import contextlib
import hmac
import logging
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from live_server import serve
from test_api import assert_error, bearer

from bot.errors import Forbidden
from bot.serve import security
from bot.serve.security import KeyRing
from bot.serve.server import create_server
from bot.serve.service import Service

KEY, ADMIN = "user-key-4-7c1e9a", "admin-key-4-5b2f0d"
# The only routes a non-admin key may use; any other route (a new one too) must refuse it.
READ_ROUTES = {
    ("get", "/health"),
    ("get", "/documents"),
    ("get", "/documents/{doc}"),
    ("get", "/models"),
    ("post", "/answer"),
    ("post", "/chat/completions"),
    ("post", "/search"),
    ("post", "/feedback"),
}
BURST = 60


@pytest.fixture(scope="module")
def service(seeded):
    settings = seeded.settings.model_copy(update={"api_keys": [KEY], "admin_keys": [ADMIN], "rate_limit": 20})
    service = Service(seeded, settings=settings)
    yield service
    service.close()


@pytest.fixture(scope="module")
def url(service):
    with serve(create_server(service)) as base:
        yield f"{base}/api/v1"


def spec_routes(url: str) -> list[tuple[str, str]]:
    spec = httpx.get(f"{url}/openapi.json", timeout=10).json()
    return [(method, path) for path, item in spec["paths"].items() for method in item]


def test_every_route_that_is_not_a_read_needs_an_admin_key(url, service):
    routes = spec_routes(url)
    assert set(routes) > READ_ROUTES
    changing = [route for route in routes if route not in READ_ROUTES]
    assert {("post", "/documents"), ("delete", "/documents/{doc}"), ("get", "/jobs/{job_id}")} <= set(changing)
    before = service.documents()
    for method, path in changing:
        concrete = path.replace("{doc}", "000_8fbd729c494b9d50.txt").replace("{job_id}", "x")
        files = {"files": ("a.txt", "测试".encode(), "text/plain")} if method == "post" else None
        as_user = httpx.request(method, url + concrete, headers=bearer(KEY), files=files, timeout=10)
        assert_error(as_user, 403, "forbidden")
        anonymous = httpx.request(method, url + concrete, files=files, timeout=10)
        assert_error(anonymous, 401, "unauthorized")
    assert service.documents() == before


def test_keys_are_never_logged_or_echoed(url, caplog):
    caplog.set_level(logging.DEBUG)
    for logger in ("uvicorn.access", "uvicorn.error", "bot"):
        caplog.set_level(logging.DEBUG, logger=logger)
    bodies = [
        httpx.get(f"{url}/documents", headers=bearer(KEY + "x"), timeout=10).text,
        httpx.delete(f"{url}/documents/nothing.txt", headers=bearer(KEY), timeout=10).text,
        httpx.delete(f"{url}/documents/nothing.txt", headers=bearer(ADMIN), timeout=10).text,
        httpx.post(f"{url}/answer", headers=bearer(KEY), json={"question": KEY}, timeout=30).text,
        httpx.post(f"{url}/answer", headers=bearer(ADMIN), content=b"{", timeout=10).text,
    ]
    health = httpx.get(f"{url}/health", timeout=10).text
    for text in [caplog.text, health, *bodies[:3], bodies[4]]:
        assert KEY not in text and ADMIN not in text
    assert ADMIN not in bodies[3]  # the user's own question may be echoed back to them, never another key


def test_settings_and_callers_do_not_print_keys(service):
    assert ADMIN not in repr(service.settings) and KEY not in str(service.settings)
    caller = KeyRing([KEY], [ADMIN]).check(f"Bearer {ADMIN}", admin=True)
    assert ADMIN not in repr(caller) and caller.admin


def test_keys_are_compared_in_constant_time(monkeypatch):
    """Every configured key is compared, with digests of one length, whichever key (or none) matches."""
    calls: list[tuple[int, int]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((len(a), len(b)))
        return real(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    ring = KeyRing(["k1", "a-much-longer-user-key"], ["admin"])
    for header in ("Bearer k1", "Bearer admin", "Bearer wrong-and-long-" + "x" * 100, "Bearer a"):
        calls.clear()
        with contextlib.suppress(Forbidden):
            ring.check(header)
        assert len(calls) >= 3 and len(set(calls)) == 1  # all keys, equal lengths: timing says nothing


def _burst(url: str, headers: dict, n: int = BURST) -> list[httpx.Response]:
    with ThreadPoolExecutor(max_workers=16) as pool, httpx.Client(timeout=30) as client:
        return list(pool.map(lambda _: client.get(f"{url}/models", headers=headers), range(n)))


def test_rate_limit_holds_under_concurrent_bursts(seeded):
    settings = seeded.settings.model_copy(update={"api_keys": ["k-a", "k-b"], "rate_limit": 20})
    service = Service(seeded, settings=settings)
    with serve(create_server(service)) as server, ThreadPoolExecutor(max_workers=2) as pool:
        base = f"{server}/api/v1"
        first, second = pool.map(lambda key: _burst(base, bearer(key)), ["k-a", "k-b"])
        guesses = _burst(base, bearer("guessed-key"))
    service.close()
    for responses in (first, second):  # each key its own 20 (one more if a token refilled mid-burst)
        statuses = [r.status_code for r in responses]
        assert set(statuses) == {200, 429} and 20 <= statuses.count(200) <= 21, statuses
        refused = [r for r in responses if r.status_code == 429]
        assert all(int(r.headers["retry-after"]) >= 1 and r.json()["error"]["code"] == "rate_limited" for r in refused)
    statuses = [r.status_code for r in guesses]  # guessing keys is limited per address too
    assert set(statuses) == {401, 429} and 20 <= statuses.count(401) <= 21, statuses


def test_rate_limit_buckets_stay_bounded(monkeypatch):
    """Open APIs count per client address; buckets that refilled are dropped, so memory does not grow with them."""
    monkeypatch.setattr(security.RateLimiter, "MAX_BUCKETS", 50)
    limiter = security.RateLimiter(per_minute=6_000_000)  # refills within microseconds
    for n in range(1000):
        assert limiter.hit(f"10.0.{n // 250}.{n % 250}") is None
    assert len(limiter._buckets) <= 51
