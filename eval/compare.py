"""Two runs side by side: which metrics and which questions got better or worse, and floors for CI."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .report import CI_SUFFIX, LOWER_IS_BETTER, NEUTRAL, fmt, is_interval, table

# Per-question changes in these are noise (timing), cost or length, not quality: they don't classify a question.
QUESTION_IGNORED = ("seconds", "context_chars", *NEUTRAL)
TOLERANCE = 5e-4  # metrics are stored to 4 decimals


class RunError(ValueError):
    """A run folder that cannot be read."""


@dataclass
class Run:
    path: Path
    metrics: dict[str, object]
    questions: dict[str, dict]


def load_run(path: Path) -> Run:
    path = Path(path)
    try:
        metrics = json.loads((path / "metrics.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RunError(f"{path}: no metrics.json (not a run folder?)") from None
    except (OSError, ValueError) as exc:
        raise RunError(f"{path}/metrics.json: cannot read: {exc}") from None
    questions: dict[str, dict] = {}
    answers = path / "answers.jsonl"
    if answers.exists():
        for number, line in enumerate(answers.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                q = json.loads(line)
                questions[q["id"]] = q
            except (ValueError, KeyError, TypeError):
                raise RunError(f"{answers}:{number}: not a question record") from None
    return Run(path, metrics, questions)


def direction(name: str, a: object, b: object) -> int:
    """+1 when b is better than a, -1 when worse, 0 when equal within tolerance or not comparable."""
    if not isinstance(a, int | float) or not isinstance(b, int | float) or isinstance(a, bool):
        return 0
    if abs(b - a) <= TOLERANCE or name.rsplit(".", 1)[-1] in NEUTRAL:  # a longer answer is not better or worse
        return 0
    sign = 1 if b > a else -1
    return -sign if name.rsplit(".", 1)[-1] in LOWER_IS_BETTER else sign


def metric_changes(a: Mapping[str, object], b: Mapping[str, object]) -> list[tuple[str, object, object, int]]:
    """(metric, value in A, value in B, direction) for every score in either run (counts, intervals and run
    info left out)."""
    names = sorted(
        k for k in set(a) | set(b) if not k.startswith("run.") and not k.endswith(".n") and not is_interval(k)
    )
    return [(name, a.get(name), b.get(name), direction(name, a.get(name), b.get(name))) for name in names]


def question_changes(a: Mapping[str, object], b: Mapping[str, object]) -> list[tuple[str, object, object, int]]:
    """Changed quality scores of one question between runs."""
    changes = []
    for name in sorted(set(a) | set(b)):
        if name.rsplit(".", 1)[-1] in QUESTION_IGNORED:
            continue
        d = direction(name, a.get(name), b.get(name))
        if d:
            changes.append((name, a.get(name), b.get(name), d))
    return changes


def classify(changes: Sequence[tuple[str, object, object, int]]) -> str | None:
    signs = {d for *_, d in changes}
    if not signs:
        return None
    if signs == {1}:
        return "improved"
    return "regressed" if signs == {-1} else "mixed"


def _delta(a: object, b: object) -> str:
    if a == b and not isinstance(a, int | float):  # n/a in both runs
        return ""
    if isinstance(a, int | float) and isinstance(b, int | float):
        return f"{b - a:+.3f}" if abs(b - a) < 10 else f"{b - a:+.0f}"
    return "new" if a is None else "gone"


def beyond_interval(name: str, a: object, metrics_b: Mapping[str, object]) -> bool:
    """A's value lies outside B's 95% bootstrap interval: a change more than resampling the questions gives."""
    interval = metrics_b.get(name + CI_SUFFIX)
    if not isinstance(a, int | float) or not isinstance(interval, list | tuple) or len(interval) != 2:
        return False
    return not float(interval[0]) <= a <= float(interval[1])


def _info(run: Run) -> str:
    keys = ("llm", "k", "n", "gold", "embedder", "chunk_tokens")
    return ", ".join(f"{k}={run.metrics.get('run.' + k)}" for k in keys)


def render(run_a: Run, run_b: Run) -> str:
    verdict = {1: "better", -1: "worse", 0: ""}
    lines = [f"A: {run_a.path}  ({_info(run_a)})", f"B: {run_b.path}  ({_info(run_b)})", ""]
    changes = metric_changes(run_a.metrics, run_b.metrics)
    overall = [c for c in changes if not c[0].startswith("type.")]
    per_type = [c for c in changes if c[0].startswith("type.") and (c[3] or c[1] != c[2])]

    def judged(name: str, a: object, d: int) -> str:
        beyond = d and beyond_interval(name, a, run_b.metrics)
        return verdict[d] + (" (A outside B's 95% interval)" if beyond else "")

    rows = [(n, a, b, _delta(a, b), judged(n, a, d)) for n, a, b, d in overall]
    lines += ["## Metrics overall", "", table(["metric", "A", "B", "Δ", ""], rows), ""]
    if per_type:
        rows = [(n[5:], a, b, _delta(a, b), judged(n, a, d)) for n, a, b, d in per_type]
        lines += ["## Metrics per type (changed only)", "", table(["type.metric", "A", "B", "Δ", ""], rows), ""]

    groups: dict[str, list[str]] = {"regressed": [], "improved": [], "mixed": []}
    for qid in sorted(set(run_a.questions) & set(run_b.questions)):
        qa, qb = run_a.questions[qid], run_b.questions[qid]
        found = question_changes(qa.get("metrics", {}), qb.get("metrics", {}))
        kind = classify(found)
        if kind:
            detail = "; ".join(f"{n} {fmt(x)} → {fmt(y)}" for n, x, y, _ in found)
            groups[kind].append(f"- {qid} [{qb.get('type')}] {qb.get('question', '')[:40]}: {detail}")
    for kind, entries in groups.items():
        lines += [f"## Questions {kind} ({len(entries)})", "", *(entries or ["(none)"]), ""]
    only_a = sorted(set(run_a.questions) - set(run_b.questions))
    only_b = sorted(set(run_b.questions) - set(run_a.questions))
    if only_a or only_b:
        lines += [f"Only in A: {', '.join(only_a) or '–'}", f"Only in B: {', '.join(only_b) or '–'}", ""]
    better = sum(d > 0 for *_, d in overall)
    worse = sum(d < 0 for *_, d in overall)
    lines.append(
        f"Summary: overall metrics {better} better, {worse} worse; questions {len(groups['improved'])} improved, "
        f"{len(groups['regressed'])} regressed, {len(groups['mixed'])} mixed."
    )
    return "\n".join(lines)


def parse_bounds(specs: Sequence[str]) -> list[tuple[str, float]]:
    """`retrieval.hit@5=0.9` → ("retrieval.hit@5", 0.9); ValueError for anything else."""
    bounds = []
    for spec in specs:
        name, sep, value = spec.partition("=")
        try:
            if not sep or not name.strip():
                raise ValueError
            bounds.append((name.strip(), float(value)))
        except ValueError:
            raise ValueError(f"bad bound {spec!r}: expected METRIC=NUMBER, e.g. retrieval.hit@5=0.9") from None
    return bounds


def check(
    metrics: Mapping[str, object], minimum: Sequence[tuple[str, float]], maximum: Sequence[tuple[str, float]] = ()
) -> tuple[list[str], list[str]]:
    """(report lines, failures): a metric below its floor, above its ceiling, or missing, fails."""
    lines, failures = [], []
    for bounds, is_floor in ((minimum, True), (maximum, False)):
        for name, limit in bounds:
            value = metrics.get(name)
            if not isinstance(value, int | float):
                line = f"FAIL {name}: missing from the run"
            elif (value < limit) if is_floor else (value > limit):
                line = f"FAIL {name} = {value:.4f} {'<' if is_floor else '>'} {limit}"
            else:
                line = f"ok   {name} = {value:.4f} {'>=' if is_floor else '<='} {limit}"
            lines.append(line)
            if line.startswith("FAIL"):
                failures.append(line)
    return lines, failures
