"""Answers: time to first token and total per backend, the local model's tokens/s, and how accuracy and
latency trade against the number and size of passages in the prompt.

    .venv/bin/python benchmarks/answers.py                        # extractive, openai-stub, local (bounded)
    .venv/bin/python benchmarks/answers.py --no-local --json
    .venv/bin/python benchmarks/answers.py --local-questions 6 --local-k 1,3,5

The answer chain runs in-process (`bot.answer.chain.Answerer`, as the API serves it):

- `extractive` (no model): every gold question, passages k ∈ `--k` at 200- and 400-token chunks;
- `openai-stub`: the OpenAI-compatible client against benchmarks/stub_openai.py (fixed TTFT and rate, on
  127.0.0.1), `--stub-questions` questions: the chain's own overhead around a remote model;
- `local`: Qwen2.5-Coder-1.5B Q4_K_M in llama.cpp on this CPU (2 threads). Slow (10–30 s an answer),
  so bounded: `--local-questions` questions (one per question type, in gold order) × `--local-k`
  passages at 200-token chunks, plus k=3 at 400-token chunks. Tokens/s are llama.cpp's own counters
  (prompt tokens evaluated and generated, per answer; the shared system prompt may be reused from the
  KV cache, which is what a server sees too: `prompt_tokens` is the whole prompt, `prefilled_tokens` the part
evaluated).

Accuracy: `keyword_accuracy` (every answer keyword in the answer) on answerable questions, `refusal` on
unanswerable ones (eval/metrics.py); both over the questions each configuration ran.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from _common import (
    CACHE,
    PYTHON,
    ROOT,
    SEEDS,
    Proc,
    bench_env,
    emit,
    free_port,
    gold_items,
    latency_ms,
    machine,
    say,
    wait_http,
    work_dir,
)

CHUNKS = {200: 40, 400: 60}  # chunk tokens: overlap


def library_for(tokens: int, **overrides):
    from bot import Library, Settings

    settings = Settings(
        data_dir=work_dir(f"answers/c{tokens}"),
        embed_cache=CACHE,
        chunk_tokens=tokens,
        chunk_overlap=CHUNKS[tokens],
        models_dir=ROOT / "data" / "models",
        **overrides,
    )
    library = Library(settings)
    report = library.index([SEEDS], show_progress=False)
    assert not report.errors, report.errors
    return library


def score(item, answer: dict) -> dict:
    from eval.metrics import is_refusal, keyword_accuracy

    if not item.answerable:
        return {"refusal": float(is_refusal(answer))}
    return {"keyword_accuracy": keyword_accuracy(answer.get("answer", ""), item.answer_keywords) or 0.0}


def run_config(answerer, items, k: int, label: str, perf=None) -> dict:
    """Ask each question; TTFT, total, accuracy, context size (and llama.cpp counters with `perf`)."""
    firsts, totals, accuracy, refusals, contexts, prompt_tokens, prefill, decode, generated, evaluated = (
        [] for _ in range(10)
    )
    written: list[tuple[float, float]] = []  # (first text, total) of the answers a model wrote
    for item in items:
        if perf:
            perf.reset()
        started = time.perf_counter()
        first = None
        for event in answerer.stream(item.question, k=k):
            if first is None and not (isinstance(event, str) and not event):  # text shown, not a heartbeat
                first = time.perf_counter() - started
            final = event
        total = time.perf_counter() - started
        answer = final.to_json()
        firsts.append(first or total)
        totals.append(total)
        if answer.get("verification"):  # a model wrote it (refusals and composed kinds ask none)
            written.append((first or total, total))
        got = score(item, answer)
        if "refusal" in got:
            refusals.append(got["refusal"])
        else:
            accuracy.append(got["keyword_accuracy"])
        contexts.append(sum(len(c["text"]) for c in answer["citations"]))
        if perf:
            counters = perf.read()
            prompt_tokens.append(counters["prompt_tokens"])
            evaluated.append(counters["prefill_tokens"])
            generated.append(counters["generated"])
            if counters["prefill_tps"]:
                prefill.append(counters["prefill_tps"])
            if counters["decode_tps"]:
                decode.append(counters["decode_tps"])
    row = {
        "config": label,
        "k": k,
        "n": len(items),
        "keyword_accuracy": round(statistics.fmean(accuracy), 3) if accuracy else None,
        "refusal": round(statistics.fmean(refusals), 3) if refusals else None,
        "ttft_p50_ms": latency_ms(firsts)["p50"],
        "total_p50_ms": latency_ms(totals)["p50"],
        "total_p95_ms": latency_ms(totals)["p95"],
        "cited_chars": round(statistics.fmean(contexts)),
    }
    if written:  # the same, over the answers a model wrote only
        row["model_answers"] = len(written)
        row["model_ttft_p50_ms"] = latency_ms([f for f, _ in written])["p50"]
        row["model_total_p50_ms"] = latency_ms([t for _, t in written])["p50"]
    if perf:
        row.update(
            prompt_tokens=round(statistics.fmean(prompt_tokens)) if prompt_tokens else None,
            prefilled_tokens=round(statistics.fmean(evaluated)) if evaluated else None,
            generated_tokens=round(statistics.fmean(generated)) if generated else None,
            prefill_tok_s=round(statistics.fmean(prefill), 1) if prefill else None,
            decode_tok_s=round(statistics.fmean(decode), 1) if decode else None,
        )
    return row


class LlamaPerf:
    """llama.cpp's own counters for the local model: prompt tokens evaluated, tokens generated, rates."""

    def __init__(self, answerer):
        self.llama = answerer.backend.llm._get()

    def reset(self) -> None:
        import llama_cpp

        llama_cpp.llama_perf_context_reset(self.llama._ctx.ctx)

    def read(self) -> dict:
        import llama_cpp

        data = llama_cpp.llama_perf_context(self.llama._ctx.ctx)
        return {
            "prompt_tokens": self.llama.n_tokens - data.n_eval,
            "prefill_tokens": data.n_p_eval,
            "generated": data.n_eval,
            "prefill_tps": data.n_p_eval / data.t_p_eval_ms * 1000 if data.t_p_eval_ms else None,
            "decode_tps": data.n_eval / data.t_eval_ms * 1000 if data.t_eval_ms else None,
        }


def local_items(items, n: int):
    """One question per type, in gold order, until n: a small but varied sample."""
    chosen, types = [], []
    for kind in ("number", "fact", "unanswerable", "list", "multi_doc", "trad", "time", "comparison", "rate", "report"):
        match = next((i for i in items if i.type == kind), None)
        if match and len(chosen) < n:
            chosen.append(match)
            types.append(kind)
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", default="1,2,3,5,8", help="passages given to the extractive backend")
    parser.add_argument("--stub-questions", type=int, default=20)
    parser.add_argument("--no-local", action="store_true")
    parser.add_argument("--local-questions", type=int, default=4)
    parser.add_argument("--local-k", default="1,3,5")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from bot.answer.chain import Answerer

    result: dict = {"machine": machine(), "notes": []}
    items = gold_items()
    say("answers: indexing the seeds at 200 and 400 tokens (cached vectors after the first run) …")
    libraries = {tokens: library_for(tokens) for tokens in CHUNKS}

    say("answers: extractive …")
    rows = []
    for tokens, library in libraries.items():
        answerer = Answerer(library, "extractive")
        answerer.ask(items[0].question)  # warm up
        for k in [int(x) for x in args.k.split(",")]:
            rows.append(run_config(answerer, items, k, f"extractive {tokens}-token chunks"))
    result["extractive"] = rows

    say("answers: openai-stub …")
    port = free_port()
    stub_cmd = [PYTHON, str(ROOT / "benchmarks" / "stub_openai.py"), "--port", str(port), "--ttft", "0.3"]
    with Proc(stub_cmd + ["--tokens-per-s", "30"], bench_env(), log=work_dir("answers") / "stub.log") as stub:
        wait_http(f"http://127.0.0.1:{port}/health", stub)
        library = libraries[200]
        library.settings.openai_url = f"http://127.0.0.1:{port}/v1"
        answerer = Answerer(library, "openai")
        sample = items[: args.stub_questions]
        answerer.ask(sample[0].question)
        stub_row = run_config(answerer, sample, 3, "openai-stub (TTFT 0.3 s, 30 tok/s)")
    result["backends"] = [
        next(r for r in rows if r["k"] == 3 and r["config"].startswith("extractive 200")),
        stub_row,
    ]

    if not args.no_local:
        say("answers: local model (slow; bounded) …")
        chosen = local_items(items, args.local_questions)
        local_rows = []
        started = time.perf_counter()
        load_started = time.perf_counter()
        answerer = Answerer(libraries[200], "local")
        perf = LlamaPerf(answerer)
        result["local_load_s"] = round(time.perf_counter() - load_started, 1)
        for k in [int(x) for x in args.local_k.split(",")]:
            say(f"answers: local, k={k} at 200-token chunks, {len(chosen)} questions …")
            local_rows.append(run_config(answerer, chosen, k, "local 200-token chunks", perf))
        answerer400 = Answerer(libraries[400], "local")
        answerer400.backend = answerer.backend  # the same loaded model
        say(f"answers: local, k=3 at 400-token chunks, {len(chosen)} questions …")
        local_rows.append(run_config(answerer400, chosen, 3, "local 400-token chunks", perf))
        result["local"] = local_rows
        result["local_questions"] = [f"{i.id} ({i.type}) {i.question}" for i in chosen]
        result["local_seconds"] = round(time.perf_counter() - started, 1)
        result["backends"].append(next(r for r in local_rows if r["k"] == 3))
        result["notes"].append(
            f"local model: {len(chosen)} questions per configuration only (one per type: "
            + ", ".join(i.type for i in chosen)
            + "); figures from so few answers are indicative"
        )
    for library in libraries.values():
        library.close()
    result["notes"].append(
        "ttft = from the question to the first text piece (retrieval + prefill); total = to the validated answer; "
        "cited_chars = characters of the passages the answer cites"
    )
    emit(
        result,
        args.json,
        [
            ("per backend (k=3, 200-token chunks)", "backends", None),
            ("extractive: passages vs accuracy and latency (all gold questions)", "extractive", None),
            ("local model: passages vs accuracy and latency", "local", None),
            ("local questions", "local_questions", None),
        ],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
