"""Retrieval on the gold set across embedders, chunk sizes and the BM25 weight, side by side in one run.

    .venv/bin/python benchmarks/retrieval_sweep.py            # the configurations behind docs/architecture.md's table
    .venv/bin/python benchmarks/retrieval_sweep.py --json

Each configuration indexes the seeds into its own temporary store; vectors are cached in one SQLite file
(`--cache`, default `/tmp/fazhi-sweep-cache.sqlite`) so re-runs embed nothing already seen.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot import Library, Settings  # noqa: E402
from eval.gold import load_gold  # noqa: E402
from eval.harness import evaluate, summarise  # noqa: E402

CONFIGS = [  # (embedder, chunk tokens, overlap, keyword weight)
    ("e5", 200, 40, 0.0),
    ("e5", 200, 40, 1.0),
    ("e5", 200, 40, 2.0),
    ("e5", 200, 40, 100.0),
    ("e5", 120, 20, 2.0),
    ("e5", 300, 50, 2.0),
    ("e5", 400, 60, 2.0),
    ("use", 200, 40, 2.0),
]
KEYS = ["retrieval.hit@1", "retrieval.hit@3", "retrieval.hit@5", "retrieval.mrr", "retrieval.context_chars"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=ROOT / "eval" / "gold.jsonl")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "fazhi-sweep-cache.sqlite")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    items = load_gold(args.gold)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for embedder, tokens, overlap, weight in CONFIGS:
            data = Path(tmp) / f"{embedder}-{tokens}-{overlap}"
            settings = Settings(
                data_dir=data,
                embed_cache=args.cache,
                embedder=embedder,
                chunk_tokens=tokens,
                chunk_overlap=overlap,
                keyword_weight=weight,
            )
            library = Library(settings)
            library.index([ROOT / "seeds"], show_progress=False)
            summary = summarise(evaluate(library, items, k=5, progress=False))
            library.close()
            row = {"embedder": embedder, "chunk_tokens": tokens, "overlap": overlap, "keyword_weight": weight}
            row.update({key: summary.get(key) for key in KEYS})
            rows.append(row)
            if not args.json:
                figures = " ".join(f"{key.split('.')[1]}={row[key]:.3f}" for key in KEYS[:-1])
                print(f"{embedder:4} {tokens:4}/{overlap:<3} bm25×{weight:<5} {figures} chars={row[KEYS[-1]]:.0f}")
    if args.json:
        print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
