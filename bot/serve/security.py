"""Bearer keys and a per-key rate limit, the way hosted LLM APIs do it, so portal teams meet no surprises.

Keys come from settings only. With none configured the API is open, which is why `app.py` then
binds to 127.0.0.1. The rate limit is a token bucket per key (per client address when open), kept
in this process's memory.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.errors import Forbidden, Unauthorized
from bot.settings import Settings

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class Caller:
    key: str | None = field(repr=False)  # None when the API is open (no keys configured); never in logs
    admin: bool

    @property
    def key_id(self) -> str | None:
        return key_id(self.key)


def key_id(key: str | None) -> str | None:
    """A short stable name for a key, for logs, audit records and rate-limit buckets (never the key itself)."""
    return hashlib.sha256(key.encode()).hexdigest()[:12] if key else None


def page_token(key: str) -> str:
    """What the page's sign-in cookie holds for a key: derived from it, useless as an API key if it leaks."""
    return f"{key_id(key)}.{hmac.new(key.encode(), b'fazhi-page-session', hashlib.sha256).hexdigest()}"


class KeyRing:
    def __init__(self, api_keys: list[str], admin_keys: list[str]):
        self.admin_keys = [k for k in admin_keys if k]
        self.keys = [k for k in api_keys if k] + self.admin_keys

    @property
    def open(self) -> bool:
        return not self.keys

    def check(self, authorization: str | None, admin: bool = False) -> Caller:
        """The caller behind an `Authorization` header; 401 without a known key, 403 for non-admin keys."""
        if self.open:
            return Caller(None, True)
        scheme, _, key = (authorization or "").partition(" ")
        key = key.strip()
        if scheme.lower() != "bearer" or not key:
            raise Unauthorized("missing API key: send 'Authorization: Bearer <key>'")
        if not _known(key, self.keys):
            raise Unauthorized("invalid API key")
        is_admin = _known(key, self.admin_keys)
        if admin and not is_admin:
            raise Forbidden("this key may not change documents (an admin key is needed)")
        return Caller(key, is_admin)

    def check_admin(self, authorization: str | None) -> Caller:
        """Like `check(…, admin=True)`, but an unknown key and a user key get the same 403: an admin route
        must not tell which user keys exist.
        """
        if self.open:
            return Caller(None, True)
        scheme, _, key = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise Unauthorized("missing API key: send 'Authorization: Bearer <key>'")
        if not _known(key.strip(), self.admin_keys):
            raise Forbidden("an admin key is needed for this (BOT_ADMIN_KEYS)")
        return Caller(key.strip(), True)

    def key_for_token(self, token: str) -> str | None:
        """The configured key whose page token this is (compared in constant time against every key), or None."""
        found = None
        for key in self.keys:
            if hmac.compare_digest(token.encode(), page_token(key).encode()):
                found = key
        return found


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode()).digest()


def _known(key: str, keys: list[str]) -> bool:
    """Compare digests (equal length) with every key in constant time, so timing tells neither key nor length."""
    given, found = _digest(key), False
    for candidate in keys:
        found |= hmac.compare_digest(given, _digest(candidate))
    return found


class RateLimiter:
    """Token bucket: `per_minute` requests a minute, bursts up to the same number.

    Buckets that have refilled completely carry no state, so they are dropped once there are many
    (open APIs count per client address, and addresses are unbounded). `clock` is injectable so tests
    can move time instead of sleeping.
    """

    MAX_BUCKETS = 10_000

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic):
        self.per_minute = per_minute
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def blocked(self, who: str) -> int | None:
        """The seconds until `who` has a token again, or None if it has one now (nothing is taken)."""
        if self.per_minute <= 0:
            return None
        with self._lock:
            tokens = self._tokens(who, self.clock())
        return None if tokens >= 1 else self._wait(tokens)

    def hit(self, who: str) -> int | None:
        """Take one token; None if allowed, else the seconds to wait (for `Retry-After`)."""
        if self.per_minute <= 0:
            return None
        now = self.clock()
        with self._lock:
            if len(self._buckets) >= self.MAX_BUCKETS:
                self._forget_full(now)
            tokens = self._tokens(who, now)
            self._buckets[who] = (tokens - 1 if tokens >= 1 else tokens, now)
        return None if tokens >= 1 else self._wait(tokens)

    def _tokens(self, who: str, now: float) -> float:
        tokens, then = self._buckets.get(who, (float(self.per_minute), now))
        return min(float(self.per_minute), tokens + (now - then) * self.per_minute / 60.0)

    def _wait(self, tokens: float) -> int:
        return max(1, math.ceil((1 - tokens) * 60.0 / self.per_minute))

    def _forget_full(self, now: float) -> None:
        full = [who for who in self._buckets if self._tokens(who, now) >= self.per_minute]
        for who in full:
            del self._buckets[who]


def bind_host(settings: Settings) -> tuple[str, str | None]:
    """Where to listen, and a notice when no key is configured (then only 127.0.0.1, whatever was asked)."""
    if not KeyRing(settings.api_keys, settings.admin_keys).open:
        return settings.host, None
    asked = "" if settings.host in (LOOPBACK, "localhost") else f" (not {settings.host} as configured)"
    return LOOPBACK, (
        f"no API key configured (BOT_API_KEYS / BOT_ADMIN_KEYS): the API is open, so it listens on {LOOPBACK} "
        f"only{asked}"
    )
