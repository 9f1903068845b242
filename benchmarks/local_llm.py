"""Benchmark the local GGUF chat models on this machine: speed, memory and answer quality on RAG prompts.

    .venv/bin/python benchmarks/local_llm.py                      # every registered model, one process each
    .venv/bin/python benchmarks/local_llm.py --model qwen2.5-coder-1.5b --json

Speed: load time, resident memory, prefill tokens/s on a ~600-token Chinese prompt, decode tokens/s.
Quality: three prompts in the answer format the bot uses — an answerable question, one the passage cannot
answer (must refuse), and one where a distractor passage from another city carries other figures.
Each model runs in its own process so that one model's memory does not count against the next.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.answer.gguf import MODELS, ensure_model, get_spec, load_llama  # noqa: E402

SYSTEM = (
    "你是法治政府建设报告问答助手。只根据给出的资料回答，引用资料编号如[1]。资料中没有答案时只回答：资料中没有相关信息"
)
REFUSAL = "资料中没有相关信息"

GZ = ("广州市2024年法治政府建设年度报告", "落实法治政府建设年度报告制度，全市全部544个单位按期公开率为100%。")
SG = (
    "韶关市2024年法治政府建设年度报告",
    "推动完成《韶关市珠玑古巷保护条例》等3部地方性法规和《韶关市古树名木保护管理规定》等2部市政府规章出台工作；"
    "建立立法咨询专家库，以市政府立法基层联系点为载体开展立法调研活动，提高科学民主立法水平。",
)
CD = (
    "成都市人民政府关于2024年度法治政府建设情况的报告",
    "编制实施市政府2024年度立法工作计划，制定修改《成都市智慧蓉城促进条例》《成都市养犬管理条例》"
    "《成都市征地补偿安置办法》等地方性法规草案、政府规章12件。",
)

# name, passages, question, the figure a correct answer gives (None: must refuse), the citation it must carry
CASES = [
    ("a-answer", [GZ], "广州有多少个单位按期公开了法治政府建设年度报告？", "544", "[1]"),
    ("b-refuse", [GZ], "深圳有多少个单位按期公开？", None, None),
    ("c-distractor", [SG, CD], "成都市2024年制定修改了多少件地方性法规草案和政府规章？", "12", "[2]"),
]


def judge(text: str, figure: str | None, citation: str | None) -> dict[str, bool]:
    """correct: the right figure without a refusal, or the refusal with no figure; cited: the right [n]."""
    if figure is None:
        correct = REFUSAL in text and not re.search(r"\d", text.replace(REFUSAL, ""))
        return {"correct": correct, "cited": True, "ok": correct}
    correct = figure in text and REFUSAL not in text
    cited = citation in text
    return {"correct": correct, "cited": cited, "ok": correct and cited}


def user_message(passages: list[tuple[str, str]], question: str) -> str:
    """Passages numbered [1], [2]… each with its report title, then the question: what the bot will send."""
    lines = ["资料："] + [f"[{i}]《{title}》{text}" for i, (title, text) in enumerate(passages, start=1)]
    return "\n".join(lines) + f"\n\n问题：{question}"


def messages(passages: list[tuple[str, str]], question: str) -> list[dict]:
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user_message(passages, question)}]


def long_prompt(llm, target_tokens: int = 600) -> list[dict]:
    """A real ~600-token RAG prompt: sentences of the bundled 韶关 report as passages, then a question."""
    text = (ROOT / "seeds" / "002_092cc53afba18b30.txt").read_text(encoding="utf-8")
    sentences = [s.strip() + "。" for s in text.replace("\n", "").split("。") if len(s.strip()) > 20]
    passages: list[tuple[str, str]] = []
    question = "韶关市选聘了多少名行政执法监督员？"
    for sentence in sentences:
        candidate = messages([*passages, (SG[0], sentence)], question)
        if count_tokens(llm, candidate) > target_tokens:
            break
        passages.append((SG[0], sentence))
    return messages(passages, question)


def count_tokens(llm, msgs: list[dict]) -> int:
    text = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in msgs) + "<|im_start|>assistant\n"
    return len(llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))


def rss_mb() -> dict[str, float]:
    """Current and peak resident memory of this process, from /proc (Linux)."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = round(int(value.split()[0]) / 1024, 1)
    return {"rss_mb": fields.get("VmRSS", 0.0), "peak_rss_mb": fields.get("VmHWM", 0.0)}


def engine_reset(llm) -> None:
    import llama_cpp

    llama_cpp.llama_perf_context_reset(llm._ctx.ctx)


def engine_rates(llm) -> tuple[float | None, float | None]:
    """llama.cpp's own prompt and generation tokens/s since the last reset (no Python or sampling overhead)."""
    import llama_cpp

    data = llama_cpp.llama_perf_context(llm._ctx.ctx)
    prefill = data.n_p_eval / data.t_p_eval_ms * 1000 if data.t_p_eval_ms else None
    decode = data.n_eval / data.t_eval_ms * 1000 if data.t_eval_ms else None
    return (round(prefill, 1) if prefill else None, round(decode, 1) if decode else None)


def measure(name: str, models_dir: Path, threads: int, n_ctx: int) -> dict:
    spec = get_spec(name)
    path = ensure_model(spec, models_dir, progress=True)
    before = rss_mb()["rss_mb"]
    t0 = time.perf_counter()
    llm = load_llama(path, n_threads=threads, n_ctx=n_ctx, verbose=False)  # AMX repack off: it crashes here
    load_s = time.perf_counter() - t0
    result: dict = {"model": name, "file": path.name, "size_mb": round(spec.size / 2**20), "load_s": round(load_s, 2)}
    result["rss_after_load_mb"] = rss_mb()["rss_mb"]

    # Prefill: one token of output, so the time is (almost) all prompt processing. reset() drops the KV cache
    # so no prompt prefix is reused from an earlier call.
    prompt = long_prompt(llm)
    llm.reset()
    engine_reset(llm)
    t0 = time.perf_counter()
    out = llm.create_chat_completion(prompt, max_tokens=1, temperature=0.0)
    prefill_s = time.perf_counter() - t0
    n_prompt = out["usage"]["prompt_tokens"]
    result.update(prefill_tokens=n_prompt, prefill_s=round(prefill_s, 2), prefill_tps=round(n_prompt / prefill_s, 1))
    result["engine_prefill_tps"] = engine_rates(llm)[0]

    # Decode: stream a long answer; the rate counts tokens after the first (which carries the prefill).
    llm.reset()
    engine_reset(llm)
    decode_msgs = [{"role": "user", "content": "请用大约300字介绍法治政府建设的主要内容。"}]
    chunks: list[str] = []
    t_first = None
    t0 = time.perf_counter()
    for chunk in llm.create_chat_completion(decode_msgs, max_tokens=200, temperature=0.0, stream=True):
        piece = chunk["choices"][0]["delta"].get("content")
        if piece:
            if t_first is None:
                t_first = time.perf_counter()
            chunks.append(piece)
    t_end = time.perf_counter()
    n_out = len(llm.tokenize("".join(chunks).encode("utf-8"), add_bos=False))
    result.update(
        decode_tokens=n_out,
        decode_tps=round((n_out - 1) / (t_end - (t_first or t0)), 1) if n_out > 1 else None,
        first_token_s=round((t_first or t_end) - t0, 2),
        engine_decode_tps=engine_rates(llm)[1],
    )

    answers = []
    for case, passages, question, figure, citation in CASES:
        llm.reset()
        t0 = time.perf_counter()
        out = llm.create_chat_completion(messages(passages, question), max_tokens=160, temperature=0.0)
        seconds = time.perf_counter() - t0
        text = out["choices"][0]["message"]["content"].strip()
        answers.append(
            {
                "case": case,
                "question": question,
                "answer": text,
                **judge(text, figure, citation),
                "seconds": round(seconds, 2),
                "completion_tokens": out["usage"]["completion_tokens"],
            }
        )
    result["quality"] = answers
    for key in ("correct", "cited", "ok"):
        result[f"{key}_n"] = f"{sum(a[key] for a in answers)}/{len(answers)}"
    result.update(rss_mb())
    result["rss_model_mb"] = round(result["rss_mb"] - before, 1)
    return result


def print_table(results: list[dict]) -> None:
    cols = [
        ("model", "model"),
        ("size_mb", "MB"),
        ("load_s", "load s"),
        ("rss_mb", "RSS MB"),
        ("peak_rss_mb", "peak MB"),
        ("prefill_tokens", "prompt tok"),
        ("prefill_tps", "prefill tok/s"),
        ("decode_tps", "decode tok/s"),
        ("engine_prefill_tps", "engine prefill"),
        ("engine_decode_tps", "engine decode"),
        ("correct_n", "correct"),
        ("cited_n", "cited"),
    ]
    rows = [[str(r.get(key, "")) for key, _ in cols] for r in results]
    widths = [max(len(head), *(len(row[i]) for row in rows)) for i, (_, head) in enumerate(cols)]
    print("  ".join(head.ljust(w) for (_, head), w in zip(cols, widths)))
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)))
    for r in results:
        print(f"\n## {r['model']}")
        for a in r["quality"]:
            mark = "ok " if a["ok"] else ("uncited" if a["correct"] else "WRONG")
            print(f"[{mark}] {a['case']} ({a['seconds']} s) {a['question']}\n      → {a['answer']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=sorted(MODELS), help="one model (default: all, each in a subprocess)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per model instead of a table")
    parser.add_argument("--models-dir", type=Path, default=ROOT / "data" / "models")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--n-ctx", type=int, default=2048)
    args = parser.parse_args(argv)

    if args.model:
        results = [measure(args.model, args.models_dir, args.threads, args.n_ctx)]
    else:
        results = []
        for name in MODELS:
            cmd = [sys.executable, __file__, "--model", name, "--json", "--models-dir", str(args.models_dir)]
            cmd += ["--threads", str(args.threads), "--n-ctx", str(args.n_ctx)]
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode:
                print(f"{name}: failed\n{done.stderr[-2000:]}", file=sys.stderr)
                continue
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    if args.json:
        for r in results:
            print(json.dumps(r, ensure_ascii=False))
    else:
        print_table(results)
    return 0 if results else 1


if __name__ == "__main__":
    sys.exit(main())
