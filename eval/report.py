"""report.md for people: tables overall and per question type with 95% bootstrap intervals, the worst
questions, and a plot.

A type holds 8–30 questions, so every figure is shown with its interval: two types or two runs whose
intervals overlap widely are not shown to differ. Plot labels are ASCII (metric and type names) because the
machines have no CJK font.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

PLOT_NAME = "metrics_by_type.png"
PLOTTED = (
    "retrieval.hit@1",
    "retrieval.hit@5",
    "retrieval.mrr",
    "retrieval.doc_coverage",
    "answer.keyword_accuracy",
    "answer.parts_answered",
    "answer.names_place",
    "answer.char_f1",
    "answer.rouge_l",
    "answer.refusal_accuracy",
)
# Lower is better for these; everything else is a score where higher is better, except lengths: neither.
LOWER_IS_BETTER = ("false_refusal_rate", "seconds", "context_chars", "errors", "llm_replaced")
NEUTRAL = ("length", "length_median", "length_p90", "length_ratio")
CI_SUFFIX = ".ci95"  # as eval.metrics.CI_SUFFIX (not imported: report.md renders without numpy)
# Per type, these go in their own table so the answer table stays readable.
LENGTH_AND_COST = ("length_median", "length_p90", "length_ratio", "llm_replaced", "seconds")


def fmt(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return "–" if value is None else str(value)
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.0f}"
    return str(value)


def fmt_ci_only(interval: object, like: float | None = None) -> str:
    """`0.667–0.944`, both ends with the precision `fmt` gives `like` (by default the larger end)."""
    if not isinstance(interval, list | tuple) or len(interval) != 2:
        return "–"
    low, high = float(interval[0]), float(interval[1])
    digits = 3 if abs(max(abs(low), abs(high)) if like is None else like) < 10 else 0
    return f"{low:.{digits}f}–{high:.{digits}f}"


def fmt_ci(value: object, interval: object) -> str:
    """`0.833 (0.667–0.944)`, `42 (31–60)`; the value alone when there is no interval."""
    if isinstance(interval, list | tuple) and isinstance(value, int | float) and not isinstance(value, bool):
        return f"{fmt(value)} ({fmt_ci_only(interval, float(value))})"
    return fmt(value)


def ci_cell(flat: Mapping[str, object], name: str) -> str:
    value = flat.get(name)
    like = float(value) if isinstance(value, int | float) else None
    return fmt_ci_only(flat.get(name + CI_SUFFIX), like)


def is_interval(name: str) -> bool:
    return name.endswith(CI_SUFFIX)


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(fmt(c).replace("|", "/").replace("\n", " ") for c in row) + " |" for row in rows]
    return "\n".join(lines)


ORDER = (
    "n",
    "hit@1",
    "hit@3",
    "hit@5",
    "mrr",
    "doc_coverage",
    "context_chars",
    "keyword_accuracy",
    "keyword_recall",
    "parts_answered",
    "names_place",
    "char_f1",
    "rouge_l",
    "refusal_accuracy",
    "false_refusal_rate",
    "citation_precision",
    "grounded_numbers",
    "judge",
    "length_median",
    "length_p90",
    "length_ratio",
    "llm_replaced",
    "seconds",
)


def metric_order(name: str) -> tuple:
    """Retrieval before answers, then the order people read them in (hit@k before MRR, timing last)."""
    section, _, metric = name.rpartition(".")
    rank = ORDER.index(metric) if metric in ORDER else len(ORDER)
    return (section.startswith("answer"), section, rank, metric)


def overall_names(flat: Mapping[str, object]) -> list[str]:
    """Metric names of the overall averages (not run info, not per type)."""
    names = (k for k in flat if k.startswith(("retrieval.", "answer.")) and not is_interval(k))
    return sorted(names, key=metric_order)


def type_names(flat: Mapping[str, object]) -> list[str]:
    return sorted({k.split(".")[1] for k in flat if k.startswith("type.")})


def type_metric_names(flat: Mapping[str, object], section: str) -> list[str]:
    """`answer.char_f1`-style names reported for some type in a section (retrieval or answer)."""
    names = {k.split(".", 2)[2] for k in flat if k.startswith("type.") and not is_interval(k)}
    return sorted((n for n in names if n.startswith(f"{section}.")), key=metric_order)


def per_type_table(flat: Mapping[str, object], names: Sequence[str], overall: bool = True) -> str:
    """Rows per question type (and overall), a column per metric, each cell with its 95% interval."""

    def cell(key: str) -> str:
        return fmt_ci(flat.get(key), flat.get(key + CI_SUFFIX))

    rows = [[t, flat.get(f"type.{t}.n"), *(cell(f"type.{t}.{name}") for name in names)] for t in type_names(flat)]
    if overall:
        rows.append(["overall", flat.get("run.n"), *(cell(name) for name in names)])
    return table(["type", "n", *[n.split(".", 1)[1] for n in names]], rows)


def question_score(scores: Mapping[str, float | None]) -> float | None:
    """One number per question to rank the worst: the mean of its quality scores that apply."""
    parts = [scores.get(k) for k in ("retrieval.mrr", "answer.keyword_recall", "answer.char_f1")]
    parts.append(scores.get("answer.refusal_accuracy"))
    refused = scores.get("answer.false_refusal_rate")
    parts.append(None if refused is None else 1 - refused)
    present = [p for p in parts if p is not None]
    return sum(present) / len(present) if present else None


def worst_questions(questions: Sequence[Mapping], n: int = 10) -> list[Mapping]:
    scored = [(question_score(q["metrics"]), q["id"], q) for q in questions]
    scored = [s for s in scored if s[0] is not None]
    return [q for _, _, q in sorted(scored, key=lambda s: (s[0], s[1]))[:n]]


def first_hit(question: Mapping) -> int | None:
    return next((p["rank"] for p in question["passages"] if p.get("hit")), None)


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def plot(flat: Mapping[str, object], path: Path) -> bool:
    """Grouped bars of the main scores per question type (and overall); False when there is nothing to plot."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    groups = ["overall", *type_names(flat)]
    series = [name for name in PLOTTED if name in flat or any(f"type.{t}.{name}" in flat for t in groups[1:])]
    if not series:
        return False

    def key(group: str, name: str) -> str:
        return name if group == "overall" else f"type.{group}.{name}"

    def value(group: str, name: str) -> float:
        got = flat.get(key(group, name))
        return float(got) if isinstance(got, int | float) else float("nan")  # nan: no bar, not a zero

    def error(group: str, name: str) -> tuple[float, float]:
        """Distances from the bar to its interval's ends (0 without an interval)."""
        interval, mid = flat.get(key(group, name) + CI_SUFFIX), value(group, name)
        if not isinstance(interval, list | tuple) or mid != mid:
            return 0.0, 0.0
        return max(0.0, mid - float(interval[0])), max(0.0, float(interval[1]) - mid)

    width = 0.8 / len(series)
    fig, ax = plt.subplots(figsize=(max(7.0, 1.3 * len(groups)), 4.8))
    for i, name in enumerate(series):
        xs = [g + (i - (len(series) - 1) / 2) * width for g in range(len(groups))]
        errors = list(zip(*(error(group, name) for group in groups)))
        ax.bar(xs, [value(group, name) for group in groups], width, label=name, yerr=errors, capsize=1.5)
    ax.set_xticks(range(len(groups)), groups)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score")
    ax.set_title(f"metrics per question type, 95% intervals (llm={flat.get('run.llm')}, k={flat.get('run.k')})")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=7, ncols=min(4, len(series)), loc="upper center", bbox_to_anchor=(0.5, -0.08), frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def type_sections(flat: Mapping[str, object]) -> dict[str, list[str]]:
    """The per-type tables: retrieval, answer quality, and answer length and cost apart (a readable width)."""
    answer = type_metric_names(flat, "answer")
    return {
        "retrieval": type_metric_names(flat, "retrieval"),
        "answer": [n for n in answer if n.split(".", 1)[1] not in LENGTH_AND_COST],
        "answer length (characters without citation marks; ratio to the gold answer) and cost": [
            n for n in answer if n.split(".", 1)[1] in LENGTH_AND_COST
        ],
    }


def render(flat: Mapping[str, object], questions: Sequence[Mapping], plotted: bool) -> str:
    run = {k[4:]: v for k, v in flat.items() if k.startswith("run.")}
    parts = [
        f"# Eval run: llm={run.get('llm')}, k={run.get('k')}, {run.get('n')} questions",
        "",
        ", ".join(f"{k} `{v}`" for k, v in sorted(run.items())),
        "",
        "## Overall",
        "",
        "Intervals: 95% percentile bootstrap over the questions a metric applies to (2000 resamples, fixed seed).",
        "",
        table(
            ["metric", "value", "95% interval"],
            [(name, flat[name], ci_cell(flat, name)) for name in overall_names(flat)],
        ),
        "",
        "## Per question type",
        "",
    ]
    for section, names in type_sections(flat).items():
        if names:
            parts += [f"### {section}", "", per_type_table(flat, names, overall=False), ""]
    if plotted:
        parts += [f"![metrics per question type]({PLOT_NAME})", ""]
    worst = worst_questions(questions)
    parts += ["## 10 worst questions", "", "Ranked by the mean of MRR, keyword recall, char F1 and refusal scores.", ""]
    rows = [
        [
            q["id"],
            q["type"],
            question_score(q["metrics"]),
            first_hit(q) or ("miss" if q.get("doc") else None),
            q["metrics"].get("answer.keyword_accuracy"),
            q["metrics"].get("answer.char_f1"),
            _short(q["question"]),
            _short((q.get("answer") or {}).get("answer", "")) if q.get("answer") else "",
        ]
        for q in worst
    ]
    header = ["id", "type", "score", "first hit", "keywords", "char F1", "question", "answer"]
    if not any(q.get("answer") for q in worst):  # a retrieval-only run: no answer columns
        header, rows = header[:4] + header[6:7], [row[:4] + row[6:7] for row in rows]
    parts += [table(header, rows), ""]
    return "\n".join(parts)


def write_report(out: Path, flat: Mapping[str, object], questions: Sequence[Mapping]) -> Path:
    plotted = plot(flat, out / PLOT_NAME)
    path = out / "report.md"
    path.write_text(render(flat, questions, plotted), encoding="utf-8")
    return path
