"""The versioned HTTP API, mounted at /api/v1: answers (JSON, SSE, OpenAI format), documents, health.

Every error, whatever raised it, leaves as `{"error": {"code", "message"}}` with the right status,
so portal backends can handle failures without parsing HTML or FastAPI's own shapes.
"""

import json
import logging
from collections.abc import AsyncIterator, Generator, Iterator
from datetime import date
from functools import partial
from typing import Annotated, Literal

import anyio
from fastapi import Depends, FastAPI, File, Query, Request, Security, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from bot.answer.intent import MAX_QUESTION_CHARS
from bot.errors import FazhiError
from bot.models import Answer, Filters
from bot.serve.catalog import facet
from bot.serve.conversations import CHANNELS, LogQuery
from bot.serve.errors import body, error_response, known
from bot.serve.openai_api import MODEL, completion, completion_chunks, question_and_history
from bot.serve.schemas import (
    AnswerOut,
    AnswerRequest,
    ChatRequest,
    DocumentList,
    ErrorOut,
    FeedbackOut,
    FeedbackRequest,
    HealthOut,
    HitTestRequest,
    JobAccepted,
    JobOut,
    RemoveOut,
    ReportOut,
    SearchRequest,
)
from bot.serve.security import Caller, KeyRing
from bot.serve.service import AnswerStream, Service, answer_json, stream_error

PREFIX = "/api/v1"
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
REMOVE_WAIT = 60.0
CLIENT_LEFT = Response(status_code=499)  # nginx's "client closed request": nobody reads it
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
_EXPORT = {**_ERRORS, 200: {"content": {"application/x-ndjson": {"schema": {"type": "string"}}}}}
_CHAT_STREAM = {**_ERRORS, 200: {"content": {"text/event-stream": {"schema": _EVENT}}}}
log = logging.getLogger(__name__)


def sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def answer_events(events: AnswerStream) -> Iterator[str]:
    """`token` events with text pieces, then one `answer` event (or an `error` event if the backend fails)."""
    with events:
        try:
            for event in events:
                if isinstance(event, Answer):
                    yield sse("answer", answer_json(event, events.answer_id))
                elif event:  # an empty piece says only that the answer is under way
                    yield sse("token", {"text": event})
        except Exception as exc:  # headers are sent: report in-band
            yield sse("error", stream_error(exc))


async def closing(events: Generator[str, None, None]) -> AsyncIterator[str]:
    """Stream a blocking iterator from worker threads, and close it however the response ends.

    A client that leaves mid-answer must free its answer slot now, not whenever the garbage collector
    gets to the abandoned generator (Starlette's own wrapper leaves it in a reference cycle).
    """
    try:
        while (piece := await anyio.to_thread.run_sync(next, events, None)) is not None:
            yield piece
    finally:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(events.close)


def event_stream(events: Generator[str, None, None]) -> StreamingResponse:
    return StreamingResponse(closing(events), media_type="text/event-stream", headers=SSE_HEADERS)


async def finished(events: AnswerStream, request: Request) -> Answer | None:
    """The final answer, made in worker threads; None when the client left first.

    A client that gives up on a non-streamed answer must not leave the server making it (a local model can
    take a minute): between pieces the connection is checked, and a gone client's answer is closed, which
    frees its answer slot.
    """
    try:
        while (event := await anyio.to_thread.run_sync(next, events, None)) is not None:
            if isinstance(event, Answer):
                return event
            if await request.is_disconnected():
                log.info("client left before its answer was finished; answer abandoned")
                return None
        return None
    finally:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(events.close)


class DocumentCount:
    """How many reports are indexed, for /health: read in a thread of its own, never waiting on a busy server.

    Health must answer at once while every worker thread is taken (questions waiting for answer slots, an
    upload being indexed): the count is refreshed in its own thread for at most `wait` seconds, else the
    last count is given.
    """

    def __init__(self, service: Service, wait: float = 0.5):
        self.service, self.wait = service, wait
        self.known = 0
        self._thread = anyio.CapacityLimiter(1)

    async def now(self) -> int:
        with anyio.move_on_after(self.wait):
            self.known = await anyio.to_thread.run_sync(self._count, limiter=self._thread, abandon_on_cancel=True)
        return self.known

    def _count(self) -> int:
        return len(self.service.documents())


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
    return JSONResponse(body(code, message), status_code=exc.status_code, headers=getattr(exc, "headers", None))


def _add_error_handlers(api: FastAPI) -> None:
    @api.exception_handler(FazhiError)
    def ours(request: Request, exc: FazhiError) -> JSONResponse:
        log.warning("%s on %s: %s", exc.__class__.__name__, request.url.path, exc)
        return error_response(exc)

    @api.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        parts = [f"{'.'.join(str(x) for x in e.get('loc', ()) if x != 'body') or 'body'}: {e['msg']}" for e in errors]
        if any(e.get("type") == "json_invalid" for e in errors):
            return JSONResponse(body("invalid_json", "the request body is not valid JSON"), status_code=400)
        return JSONResponse(body("invalid_request", "; ".join(parts[:5])), status_code=422)

    api.add_exception_handler(HTTPException, http_error)

    @api.exception_handler(Exception)
    def internal(request: Request, exc: Exception) -> JSONResponse:
        exc = known(exc)
        if isinstance(exc, FazhiError):  # a foreign exception that means one of ours (Chroma's)
            return ours(request, exc)
        log.exception("unhandled error on %s", request.url.path)
        return JSONResponse(body("internal_error", "internal error; see the server log"), status_code=500)


def create_api(service: Service) -> FastAPI:
    keys = KeyRing(service.settings.api_keys, service.settings.admin_keys)
    bearer = HTTPBearer(auto_error=False, description="An API key from BOT_API_KEYS (or BOT_ADMIN_KEYS).")
    api = FastAPI(
        title="法治问答 API",
        version="1",
        description="Cited answers over rule-of-law government reports. Errors: `{error: {code, message}}`.",
        docs_url="/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    _add_error_handlers(api)

    # Keys, rate limits and body limits are enforced for every route by `access.AccessControl` in front of the
    # whole server (bot/access.py); here they only describe the routes in the OpenAPI docs ("Authorize").
    Bearer = Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]

    def caller(request: Request, _: Bearer) -> Caller | None:
        return getattr(request.state, "caller", None)

    User = Annotated[Caller | None, Depends(caller)]
    Admin = Annotated[Caller | None, Depends(caller)]

    def key_of(request: Request) -> str | None:
        who = getattr(request.state, "caller", None)
        return who.key_id if who else None

    count = DocumentCount(service)

    @api.get("/health", response_model=HealthOut, tags=["status"])
    async def health() -> dict:
        """Liveness and a summary; needs no key. Answered at once, whatever the answers and uploads are doing."""
        return {
            "status": "ok",
            "documents": await count.now(),
            **service.backends(),
            "auth": "open" if keys.open else "keys",
            "jobs_pending": service.jobs_pending(),
        }

    @api.post(
        "/answer", response_model=AnswerOut, responses=_ANSWER_STREAM, tags=["answers"], dependencies=[Depends(caller)]
    )
    async def answer(asked: AnswerRequest, request: Request):
        """A cited answer; with `stream: true`, Server-Sent Events (`token`…, then `answer`)."""
        history = [turn.model_dump() for turn in asked.history]
        filters = asked.filters.filters() if asked.filters else None
        ask = partial(service.stream, channel="api", key_id=key_of(request))
        events = await anyio.to_thread.run_sync(ask, asked.question, history, filters, asked.top_k)
        if asked.stream:
            return event_stream(answer_events(events))
        final = await finished(events, request)
        return answer_json(final, events.answer_id) if final else CLIENT_LEFT

    @api.post("/chat/completions", responses=_CHAT_STREAM, tags=["openai"], dependencies=[Depends(caller)])
    async def chat_completions(asked: ChatRequest, request: Request):
        """OpenAI-compatible chat completions (streaming too); citations in the extra `citations` field."""
        question, history = question_and_history(asked.messages)
        filters = asked.filters.filters() if asked.filters else None
        ask = partial(service.stream, channel="openai", key_id=key_of(request))
        events = await anyio.to_thread.run_sync(ask, question, history, filters, asked.top_k)
        if asked.stream:
            usage = bool((asked.stream_options or {}).get("include_usage"))
            return event_stream(completion_chunks(events, asked.messages, asked.model, usage))
        final = await finished(events, request)
        return completion(final, asked.messages, asked.model, events.answer_id) if final else CLIENT_LEFT

    @api.get("/models", tags=["openai"], dependencies=[Depends(caller)])
    def models() -> dict:
        """The one model name, for OpenAI clients that list models first (any name is accepted)."""
        return {"object": "list", "data": [{"id": MODEL, "object": "model", "created": 0, "owned_by": "fazhi"}]}

    @api.post("/search", responses=_ERRORS, tags=["answers"], dependencies=[Depends(caller)])
    def search(request: SearchRequest) -> dict:
        """Hybrid search without an answer: the top passages."""
        passages = service.search(request.question, request.k, Filters(request.body, request.year), request.scoped)
        return {"question": request.question, "passages": passages}

    @api.get("/documents", response_model=DocumentList, responses=_ERRORS, tags=["documents"])
    def documents(_: User, body: str | None = None, year: int | None = None) -> dict:
        """Indexed reports, filtered by issuing body and/or year, with facet counts (`catalog.facet`)."""
        return facet(service.documents(), body, year)

    @api.get("/documents/{doc}", response_model=ReportOut, responses=_ERRORS, tags=["documents"])
    def document(doc: str, _: User) -> dict:
        """One report read as a structured document: its sections by role (with numbered items) and its figures."""
        return service.document(doc)

    @api.post("/documents", status_code=202, response_model=JobAccepted, responses=_ERRORS, tags=["documents"])
    def upload(
        files: Annotated[list[UploadFile], File(min_length=1, description="Report files: .txt .md .html .pdf .docx")],
        who: Admin,
    ) -> dict:
        """Upload reports (admin key); they are indexed in the background: poll the job. Same name: replaced."""
        job = service.upload([(f.filename or "", f.file) for f in files], who.key_id if who else None)
        return {"job": job.to_json(), "poll": f"{PREFIX}/jobs/{job.id}"}

    @api.get("/jobs/{job_id}", response_model=JobOut, responses=_ERRORS, tags=["documents"])
    def job(job_id: str, _: Admin) -> dict:
        return service.job(job_id).to_json()

    @api.delete("/documents/{doc}", response_model=RemoveOut, responses=_ERRORS, tags=["documents"])
    def remove(doc: str, who: Admin):
        """Remove a report and its chunks (admin key); 202 if it still waits behind other document jobs."""
        job = service.remove_and_wait(doc, who.key_id if who else None, REMOVE_WAIT)
        body = {"doc": doc, "removed": job.status == "done", "job": job.to_json()}
        return JSONResponse(body, status_code=200 if job.over else 202)

    _add_log_routes(api, service, key_of)
    return api


def _add_log_routes(api: FastAPI, service: Service, key_of) -> None:
    """Feedback (user key), the conversation log and hit-testing (admin key): see bot/serve/conversations.py."""

    @api.post("/feedback", status_code=201, response_model=FeedbackOut, responses=_ERRORS, tags=["log"])
    def feedback(given: FeedbackRequest, request: Request) -> dict:
        """👍/👎 on an answer by its `answer_id`; on 👎 optionally the right answer and the report it is in."""
        fields = given.model_dump(exclude={"answer_id", "rating"})
        service.feedback(given.answer_id, given.rating, key_id=key_of(request), **fields)
        return {"answer_id": given.answer_id, "rating": given.rating, "recorded": True}

    @api.get("/admin/log", responses=_ERRORS, tags=["log"])
    def log_entries(query: Annotated[LogQuery, Depends(log_query)]) -> dict:
        """Logged answers, newest first, each with its latest feedback (admin key)."""
        service.conversations.flush(1.0)
        return {"entries": service.conversations.entries(query), "limit": query.limit, "offset": query.offset}

    @api.get("/admin/log/stats", responses=_ERRORS, tags=["log"])
    def log_stats(days: Annotated[int, Query(ge=1, le=3650)] = 30, top: Annotated[int, Query(ge=1, le=200)] = 20):
        """Per-day counts, the most frequent questions and the most frequent refusals (admin key)."""
        service.conversations.flush(1.0)
        return service.conversations.stats(days, top)

    @api.get("/admin/log/export", responses=_EXPORT, tags=["log"], response_class=StreamingResponse)
    def log_export(query: Annotated[LogQuery, Depends(log_query)]) -> StreamingResponse:
        """Every matching logged answer as JSON lines (no paging; admin key)."""
        service.conversations.flush(1.0)
        lines = (json.dumps(e, ensure_ascii=False) + "\n" for e in service.conversations.iter_entries(query, False))
        headers = {"Content-Disposition": 'attachment; filename="conversations.jsonl"'}
        return StreamingResponse(lines, media_type="application/x-ndjson", headers=headers)

    @api.get("/admin/hittest", responses=_ERRORS, tags=["log"])
    def hittest_get(question: Annotated[str, Query(min_length=1, max_length=MAX_QUESTION_CHARS)]) -> dict:
        """What the chain reads for a question and why it answers or refuses (admin key)."""
        return service.hit_test(question)

    @api.post("/admin/hittest", responses=_ERRORS, tags=["log"])
    def hittest_post(asked: HitTestRequest) -> dict:
        return service.hit_test(asked.question, asked.filters.filters() if asked.filters else None)


def log_query(
    since: date | None = None,
    until: date | None = None,
    channel: Literal[CHANNELS] | None = None,  # type: ignore[valid-type]
    refused: bool | None = None,
    flagged: bool | None = None,
    rating: Literal["up", "down"] | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
) -> LogQuery:
    """The admin log's filters from the query string (days as YYYY-MM-DD, inclusive)."""
    day = lambda d: d.isoformat() if d else None  # noqa: E731
    return LogQuery(day(since), day(until), channel, refused, flagged, rating, limit, offset)
