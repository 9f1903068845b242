"""The versioned HTTP API, mounted at /api/v1: answers (JSON, SSE, OpenAI format), documents, health.

Every error, whatever raised it, leaves as `{"error": {"code", "message"}}` with the right status,
so portal backends can handle failures without parsing HTML or FastAPI's own shapes.
"""

import json
import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Annotated

import anyio
from fastapi import Depends, FastAPI, File, Request, Security, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from .answer import Answer
from .openai_api import MODEL, completion, completion_chunks, question_and_history
from .retrieve import Filters
from .schemas import (
    AnswerOut,
    AnswerRequest,
    ChatRequest,
    DocumentList,
    ErrorOut,
    HealthOut,
    JobAccepted,
    JobOut,
    RemoveOut,
    SearchRequest,
)
from .security import AuthError, Caller, KeyRing, RateLimiter
from .service import (
    BACKEND_ERRORS,
    MAX_FILES,
    READABLE_ERRORS,
    Service,
    ServiceError,
    answer_json,
    public_reason,
    stream_error,
)

PREFIX = "/api/v1"
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
REMOVE_WAIT = 60.0
_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_request",
    429: "rate_limited",
    503: "unavailable",
}
_ERRORS = {status: {"model": ErrorOut} for status in (400, 401, 403, 404, 413, 422, 429, 503)}
# With `stream: true` the same 200 is Server-Sent Events: each event a name and a JSON `data` line.
_EVENT = {"type": "object", "required": ["data"], "properties": {"data": {"type": "string"}}}
_ANSWER_EVENT = {**_EVENT, "properties": {**_EVENT["properties"], "event": {"enum": ["token", "answer", "error"]}}}
_ANSWER_STREAM = {**_ERRORS, 200: {"content": {"text/event-stream": {"schema": _ANSWER_EVENT}}}}
_CHAT_STREAM = {**_ERRORS, 200: {"content": {"text/event-stream": {"schema": _EVENT}}}}
log = logging.getLogger(__name__)


def error_response(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def answer_events(events: Iterator[str | Answer]) -> Iterator[str]:
    """`token` events with text pieces, then one `answer` event (or an `error` event if the backend fails)."""
    try:
        for event in events:
            yield sse("answer", answer_json(event)) if isinstance(event, Answer) else sse("token", {"text": event})
    except Exception as exc:  # headers are sent: report in-band
        yield sse("error", stream_error(exc))
    finally:
        close(events)


def close(events: Iterator) -> None:
    if hasattr(events, "close"):
        events.close()


async def closing(events: Iterator[str]) -> AsyncIterator[str]:
    """Stream a blocking iterator from worker threads, and close it however the response ends.

    A client that leaves mid-answer must free its answer slot now, not whenever the garbage collector
    gets to the abandoned generator (Starlette's own wrapper leaves it in a reference cycle).
    """
    try:
        while (piece := await anyio.to_thread.run_sync(next, events, None)) is not None:
            yield piece
    finally:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(close, events)


def event_stream(events: Iterator[str]) -> StreamingResponse:
    return StreamingResponse(closing(events), media_type="text/event-stream", headers=SSE_HEADERS)


class BodyLimit:
    """413 for request bodies over the limit: uploads (POST …/documents) get the upload limit, the JSON routes a
    small one. Refused before reading when `content-length` says so, else as soon as a chunked body passes it.
    """

    def __init__(self, app, upload_limit: int, json_limit: int):
        self.app, self.upload_limit, self.json_limit = app, upload_limit, json_limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        upload = scope["method"] == "POST" and scope["path"].rstrip("/").endswith("/documents")
        limit = self.upload_limit if upload else self.json_limit
        message = f"request body larger than allowed ({limit} bytes{' per upload' if upload else ''})"
        length = dict(scope["headers"]).get(b"content-length", b"0")
        if length.isdigit() and int(length) > limit:
            await error_response(413, "too_large", message)(scope, receive, send)
            return
        received = 0

        async def counted():
            nonlocal received
            event = await receive()
            received += len(event.get("body", b""))
            if received > limit:  # raised inside FastAPI's body parsing, so our handler answers 413
                raise HTTPException(413, message)
            return event

        await self.app(scope, counted, send)


def http_error(request: Request, exc: HTTPException) -> JSONResponse:
    """Starlette's and FastAPI's own errors (404, 405, body parsing) in our shape."""
    code = _CODES.get(exc.status_code, "error")
    message = str(exc.detail)
    if exc.status_code == 400 and message == "There was an error parsing the body":  # e.g. not UTF-8
        json_body = "json" in request.headers.get("content-type", "")
        code = "invalid_json" if json_body else code
        message = "the request body is not valid JSON" if json_body else "the request body could not be parsed"
    if exc.status_code in (404, 405) and message in ("Not Found", "Method Not Allowed"):
        message = f"{message}: {request.method} {request.url.path}"
    return error_response(exc.status_code, code, message, getattr(exc, "headers", None))


def _add_error_handlers(api: FastAPI, data_dir: Path) -> None:
    @api.exception_handler(ServiceError)
    def service_error(request: Request, exc: ServiceError) -> JSONResponse:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
        return error_response(exc.status, exc.code, exc.message, headers)

    @api.exception_handler(AuthError)
    def auth_error(request: Request, exc: AuthError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.code, exc.message, headers)

    @api.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        parts = [f"{'.'.join(str(x) for x in e.get('loc', ()) if x != 'body') or 'body'}: {e['msg']}" for e in errors]
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(400, "invalid_json", "the request body is not valid JSON")
        return error_response(422, "invalid_request", "; ".join(parts[:5]))

    api.add_exception_handler(HTTPException, http_error)

    def backend_error(request: Request, exc: Exception) -> JSONResponse:
        """503 that names the failing backend but no server path; a disk or Chroma error is logged in full."""
        log.warning("backend failure on %s: %s", request.url.path, exc, exc_info=not isinstance(exc, READABLE_ERRORS))
        message = f"a backend is unavailable: {public_reason(exc, data_dir)}"
        return error_response(503, "backend_unavailable", message, {"Retry-After": "10"})

    for kind in BACKEND_ERRORS:
        api.add_exception_handler(kind, backend_error)

    @api.exception_handler(Exception)
    def internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(500, "internal_error", "internal error; see the server log")


def create_api(service: Service) -> FastAPI:
    settings = service.settings
    keys = KeyRing(settings.api_keys, settings.admin_keys)
    limiter = RateLimiter(settings.rate_limit)
    bearer = HTTPBearer(auto_error=False, description="An API key from BOT_API_KEYS (or BOT_ADMIN_KEYS).")
    api = FastAPI(
        title="法治问答 API",
        version="1",
        description="Cited answers over rule-of-law government reports. Errors: `{error: {code, message}}`.",
        docs_url="/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    _add_error_handlers(api, settings.data_dir)
    api.add_middleware(
        BodyLimit, upload_limit=settings.max_upload_bytes * MAX_FILES + (1 << 20), json_limit=settings.max_json_bytes
    )

    def limit(who: str) -> None:
        wait = limiter.hit(who)
        if wait is not None:
            message = f"rate limit of {settings.rate_limit} requests a minute exceeded; retry in {wait} s"
            raise ServiceError(429, "rate_limited", message, retry_after=wait)

    def admit(request: Request, admin: bool) -> Caller:
        address = request.client.host if request.client else "-"
        try:
            caller = keys.check(request.headers.get("authorization"), admin)
        except AuthError as exc:
            if exc.status == 401:  # guessing keys is rate limited too, per client address
                limit(f"unauthenticated {address}")
            raise
        limit(caller.key or address)
        return caller

    Bearer = Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]  # for the docs' "Authorize"

    def user(request: Request, _: Bearer) -> Caller:
        return admit(request, admin=False)

    def admin(request: Request, _: Bearer) -> Caller:
        return admit(request, admin=True)

    User = Annotated[Caller, Depends(user)]
    Admin = Annotated[Caller, Depends(admin)]

    @api.get("/health", response_model=HealthOut, tags=["status"])
    def health() -> dict:
        """Liveness and a summary; needs no key."""
        return {
            "status": "ok",
            "documents": len(service.documents()),
            "llm": service.answerer.generator.name,
            "embedder": service.library.embedder.name,
            "auth": "open" if keys.open else "keys",
            "jobs_pending": service.jobs.pending(),
        }

    @api.post(
        "/answer", response_model=AnswerOut, responses=_ANSWER_STREAM, tags=["answers"], dependencies=[Depends(user)]
    )
    def answer(request: AnswerRequest):
        """A cited answer; with `stream: true`, Server-Sent Events (`token`…, then `answer`)."""
        history = [turn.model_dump() for turn in request.history]
        filters = request.filters.filters() if request.filters else None
        events = service.stream(request.question, history, filters, request.top_k)
        if request.stream:
            return event_stream(answer_events(events))
        *_, final = events
        return answer_json(final)

    @api.post("/chat/completions", responses=_CHAT_STREAM, tags=["openai"], dependencies=[Depends(user)])
    def chat_completions(request: ChatRequest):
        """OpenAI-compatible chat completions (streaming too); citations in the extra `citations` field."""
        question, history = question_and_history(request.messages)
        filters = request.filters.filters() if request.filters else None
        events = service.stream(question, history, filters, request.top_k)
        if request.stream:
            usage = bool((request.stream_options or {}).get("include_usage"))
            return event_stream(completion_chunks(events, request.messages, request.model, usage))
        *_, final = events
        return completion(final, request.messages, request.model)

    @api.get("/models", tags=["openai"], dependencies=[Depends(user)])
    def models() -> dict:
        """The one model name, for OpenAI clients that list models first (any name is accepted)."""
        return {"object": "list", "data": [{"id": MODEL, "object": "model", "created": 0, "owned_by": "fazhi"}]}

    @api.post("/search", responses=_ERRORS, tags=["answers"], dependencies=[Depends(user)])
    def search(request: SearchRequest) -> dict:
        """Hybrid search without an answer: the top passages."""
        passages = service.library.search([request.question.strip()], request.k, Filters(request.body, request.year))
        return {"question": request.question, "passages": [p.to_json() for p in passages[0]]}

    @api.get("/documents", response_model=DocumentList, responses=_ERRORS, tags=["documents"])
    def documents(_: User) -> dict:
        return {"documents": service.documents()}

    @api.post("/documents", status_code=202, response_model=JobAccepted, responses=_ERRORS, tags=["documents"])
    def upload(
        files: Annotated[list[UploadFile], File(min_length=1, description="Report files: .txt .md .html .pdf .docx")],
        _: Admin,
    ) -> dict:
        """Upload reports (admin key); they are indexed in the background: poll the job. Same name: replaced."""
        job = service.upload([(f.filename or "", f.file) for f in files])
        return {"job": job.to_json(), "poll": f"{PREFIX}/jobs/{job.id}"}

    @api.get("/jobs/{job_id}", response_model=JobOut, responses=_ERRORS, tags=["documents"])
    def job(job_id: str, _: Admin) -> dict:
        found = service.jobs.get(job_id)
        if found is None:
            raise ServiceError(404, "not_found", f"no job '{job_id}'")
        return found.to_json()

    @api.delete("/documents/{doc}", response_model=RemoveOut, responses=_ERRORS, tags=["documents"])
    def remove(doc: str, _: Admin):
        """Remove a report and its chunks (admin key); 202 if it still waits behind other document jobs."""
        job = service.jobs.wait(service.remove(doc).id, REMOVE_WAIT)
        body = {"doc": doc, "removed": job.status == "done", "job": job.to_json()}
        return JSONResponse(body, status_code=200 if job.over else 202)

    return api
