"""The eval harness on the whole gold set with the extractive backend: CI fails when quality drops.

Floors sit a few points under the measured figures (docs/evaluation.md), so noise does not trip
them but a real regression in cleaning, chunking, retrieval or refusals does.
"""

from conftest import ROOT

from eval.gold import load_gold
from eval.harness import run

FLOORS = {
    "retrieval.hit@5": 0.95,  # measured 0.981
    "retrieval.mrr": 0.90,  # measured 0.949
    "answer.keyword_accuracy": 0.75,  # measured 0.800
    "answer.refusal_accuracy": 0.85,  # measured 0.929
}
CEILINGS = {"answer.false_refusal_rate": 0.10}  # measured 0.048


def test_gold_set_quality_floor(seeded, tmp_path):
    metrics = run(load_gold(ROOT / "eval" / "gold.jsonl"), seeded, tmp_path / "run", llm="extractive", progress=False)
    low = {k: metrics[k] for k, floor in FLOORS.items() if metrics[k] < floor}
    high = {k: metrics[k] for k, ceiling in CEILINGS.items() if metrics[k] > ceiling}
    assert not low and not high, (low, high)
    assert (tmp_path / "run" / "report.md").exists()
