"""Our answers in the OpenAI chat-completions format, so portals and tools that speak it work unchanged.

The last user message is the question and earlier user/assistant turns are its history (system
prompts are ignored: the answer chain has its own). Citations and checks ride along in extra
top-level fields (`citations`, `refused`, `flagged_numbers`), which OpenAI clients keep.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator

from bot.errors import BadRequest
from bot.models import Answer
from bot.serve.schemas import ChatMessage
from bot.serve.service import AnswerStream, answer_json, stream_error
from bot.text import count_tokens

MODEL = "fazhi-qa"


def question_and_history(messages: list[ChatMessage]) -> tuple[str, list[dict]]:
    """Split a chat into the question (the last user message) and the turns before it."""
    turns = [m for m in messages if m.role in ("user", "assistant")]
    if not turns or turns[-1].role != "user" or not turns[-1].text().strip():
        raise BadRequest("the last message must be a non-empty user message", code="invalid_request")
    return turns[-1].text().strip(), [{"role": m.role, "content": m.text()} for m in turns[:-1]]


def _extras(answer: Answer, answer_id: str | None = None) -> dict:
    """Our fields beside OpenAI's; `incomplete` and `error` say when the model failed part-way; `answer_id` is
    what POST /feedback names."""
    data = answer_json(answer)
    return {
        "answer_id": answer_id,
        "citations": data["citations"],
        "refused": answer.refused,
        "flagged_numbers": answer.flagged_numbers,
        "incomplete": answer.incomplete,
        "error": answer.error,
    }


def _usage(messages: list[ChatMessage], text: str) -> dict:
    prompt = sum(count_tokens(m.text()) for m in messages)
    completion = count_tokens(text)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def completion(answer: Answer, messages: list[ChatMessage], model: str, answer_id: str | None = None) -> dict:
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": answer.answer},
                "finish_reason": "stop",
                "logprobs": None,
            }
        ],
        "usage": _usage(messages, answer.answer),
        **_extras(answer, answer_id),
    }


def completion_chunks(
    events: AnswerStream, messages: list[ChatMessage], model: str, include_usage: bool = False
) -> Iterator[str]:
    """`data:` lines of chat.completion.chunk objects; the last chunk carries the citations, then [DONE]."""
    base = {"id": f"chatcmpl-{uuid.uuid4().hex}", "object": "chat.completion.chunk", "created": int(time.time())}
    base["model"] = model

    def chunk(delta: dict, finish: str | None = None, **extra) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
        return f"data: {json.dumps({**base, 'choices': [choice], **extra}, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    with events:  # closed however the stream ends: the answer slot is free at once, even if the client left
        try:
            for event in events:
                if isinstance(event, Answer):
                    yield chunk(
                        {}, "stop", answer=event.answer, **_extras(event, events.answer_id)
                    )  # `answer`: the checked final text
                    if include_usage:
                        usage = _usage(messages, event.answer)
                        yield f"data: {json.dumps({**base, 'choices': [], 'usage': usage}, ensure_ascii=False)}\n\n"
                elif event:  # an empty piece says only that the answer is under way
                    yield chunk({"content": event})
        except Exception as exc:  # headers are sent: report in-band, as OpenAI does
            yield f"data: {json.dumps(stream_error(exc), ensure_ascii=False)}\n\n"
    yield "data: [DONE]\n\n"
