"""The exception tree (bot/errors.py) as HTTP: one status per kind, one body shape, in one place.

Every error leaves the server as `{"error": {"code", "message"}}` with the status below, `Retry-After` when
trying again later will work and `WWW-Authenticate` on a 401; the message is the error's `public` text.
"""

from __future__ import annotations

from chromadb.errors import ChromaError
from fastapi.responses import JSONResponse

from bot.errors import (
    BackendUnavailable,
    BadConfig,
    BadFile,
    BadInput,
    BadRequest,
    Busy,
    FazhiError,
    Forbidden,
    NotAllowed,
    NotFound,
    RateLimited,
    TooLarge,
    TooSlow,
    Unauthorized,
)
from bot.index.store import StoreError

STATUS: dict[type[FazhiError], int] = {
    BadInput: 422,
    BadRequest: 400,
    BadFile: 400,
    TooLarge: 413,
    TooSlow: 408,
    NotFound: 404,
    NotAllowed: 405,
    Forbidden: 403,
    Unauthorized: 401,
    Busy: 503,
    RateLimited: 429,
    BackendUnavailable: 503,
    BadConfig: 500,
    FazhiError: 500,
}
RETRY_AFTER = {Busy: 5, BackendUnavailable: 10}  # when the error does not say


def known(exc: BaseException) -> BaseException:
    """Foreign exceptions that mean one of ours, as ours (Chroma's own errors are a failing store)."""
    if isinstance(exc, ChromaError):
        return StoreError(f"Chroma: {exc.__class__.__name__}: {exc}")
    return exc


def status_of(error: FazhiError) -> int:
    return next(STATUS[kind] for kind in type(error).__mro__ if kind in STATUS)


def body(code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message}}


def error_response(error: FazhiError) -> JSONResponse:
    status = status_of(error)
    headers = {}
    retry = error.retry_after or next((s for kind, s in RETRY_AFTER.items() if isinstance(error, kind)), None)
    if retry and status in (429, 503):
        headers["Retry-After"] = str(retry)
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    return JSONResponse(body(error.code, error.public), status_code=status, headers=headers)
