"""`python -m eval run|compare|check|check-gold|candidates|probe`: errors are one line on stderr, never a traceback."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADLINE = (
    "retrieval.hit@1",
    "retrieval.hit@3",
    "retrieval.hit@5",
    "retrieval.mrr",
    "retrieval.doc_coverage",
    "retrieval.context_chars",
    "answer.keyword_accuracy",
    "answer.parts_answered",
    "answer.names_place",
    "answer.char_f1",
    "answer.rouge_l",
    "answer.refusal_accuracy",
    "answer.false_refusal_rate",
    "answer.citation_precision",
    "answer.grounded_numbers",
    "answer.length_median",
    "answer.length_p90",
    "answer.length_ratio",
    "answer.llm_replaced",
    "answer.seconds",
    "answer.judge",
    "answer.errors",
)
# Printed per type after a run (report.md has every metric per type).
PER_TYPE = (
    "retrieval.hit@5",
    "retrieval.mrr",
    "answer.keyword_accuracy",
    "answer.parts_answered",
    "answer.names_place",
    "answer.refusal_accuracy",
    "answer.false_refusal_rate",
    "answer.length_median",
    "answer.length_ratio",
)


def _parser() -> argparse.ArgumentParser:
    from .harness import LLMS

    parser = argparse.ArgumentParser(prog="python -m eval", description="Evaluate 法治问答 on a gold question set.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="index the seeds, ask every gold question, write a run folder")
    run.add_argument("--gold", type=Path, default=HERE / "gold.jsonl", help="gold JSON lines (default eval/gold.jsonl)")
    run.add_argument("--llm", choices=LLMS, default="none", help="answering backend; none = retrieval only")
    run.add_argument("--k", type=int, default=5, help="passages per question scored for retrieval (default 5)")
    run.add_argument("--answer-k", type=int, help="passages the answer chain reads (default: its own answer_k)")
    run.add_argument("--out", type=Path, help="run folder (default eval/runs/<timestamp>)")
    run.add_argument("--limit", type=int, help="only the first N questions")
    run.add_argument("--data", type=Path, help="data directory (default: $BOT_DATA_DIR or ./data)")
    run.add_argument("--seeds", type=Path, nargs="*", help="files/folders indexed first (default: seeds/)")
    run.add_argument("--judge", action="store_true", help="also grade answers with an LLM judge (see eval/judge.py)")
    run.add_argument("--min", action="append", default=[], metavar="METRIC=X", help="fail when METRIC < X")
    run.add_argument("--max", action="append", default=[], metavar="METRIC=X", help="fail when METRIC > X")
    run.add_argument("--quiet", action="store_true", help="no progress bars")

    compare = commands.add_parser("compare", help="what improved and what regressed from RUN_A to RUN_B")
    compare.add_argument("run_a", type=Path)
    compare.add_argument("run_b", type=Path)

    check = commands.add_parser("check", help="exit 1 when a metric of a run is past its floor or ceiling")
    check.add_argument("run", type=Path)
    check.add_argument("--min", action="append", default=[], metavar="METRIC=X", help="fail when METRIC < X")
    check.add_argument("--max", action="append", default=[], metavar="METRIC=X", help="fail when METRIC > X")

    gold = commands.add_parser("check-gold", help="check a gold file against the seed reports, list every problem")
    gold.add_argument("--gold", type=Path, default=HERE / "gold.jsonl", help="default eval/gold.jsonl")
    gold.add_argument("--seeds", type=Path, default=HERE.parent / "seeds", help="the reports (default seeds/)")

    probe = commands.add_parser("probe", help="ask probe conversations turn by turn, each turn right or wrong")
    probe.add_argument("probes", type=Path, nargs="+", help="probe files (eval/probes/*.jsonl; see eval/probe.py)")
    probe.add_argument("--llm", choices=LLMS[1:], default="extractive", help="answering backend (default extractive)")
    probe.add_argument("--data", type=Path, help="data directory (default: $BOT_DATA_DIR or ./data)")
    probe.add_argument("--seeds", type=Path, nargs="*", help="files/folders indexed first (default: seeds/)")
    probe.add_argument("--out", type=Path, help="results, a JSON line per turn (default eval/runs/<time>.jsonl)")
    probe.add_argument("--against", type=Path, metavar="RESULTS", help="an earlier results file: list what changed")
    probe.add_argument("--quiet", action="store_true", help="no progress bars")

    drafts = commands.add_parser("candidates", help="draft gold items from the conversation log's rated answers")
    drafts.add_argument("--from-log", type=Path, required=True, metavar="DB", help="data/conversations.sqlite")
    drafts.add_argument("--feedback", choices=["up", "down"], help="only answers rated so (default: any rating)")
    drafts.add_argument("--out", type=Path, required=True, help="JSON lines of draft items, for review")
    drafts.add_argument("--seeds", type=Path, default=HERE.parent / "seeds", help="the reports (default seeds/)")
    return parser


def _candidates(args: argparse.Namespace) -> int:
    import json

    from bot.errors import NotFound
    from bot.serve.conversations import LogQuery, open_log

    from .candidates import candidates

    try:
        log = open_log(args.from_log)
        entries = list(log.iter_entries(LogQuery(rating=args.feedback), limit=False))
    except (NotFound, OSError) as exc:
        return _error(str(exc))
    except Exception as exc:  # not a conversation log (sqlite3.DatabaseError): one line, not a traceback
        return _error(f"{args.from_log}: not a conversation log ({type(exc).__name__}: {exc})")
    items, skipped = candidates(entries, args.seeds, args.feedback)
    with args.out.open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
    for line in skipped:
        print(f"skipped {line}", file=sys.stderr)
    print(f"{len(items)} draft item(s) written to {args.out}; {len(skipped)} skipped; review, then check-gold")
    return 0


def _probe(args: argparse.Namespace) -> int:
    """Every probe file's conversations through the answer chain; the tally per file, and what changed."""
    import json

    from tqdm import tqdm

    from bot import Library

    from .harness import default_out_dir, index_seeds, make_answerer
    from .probe import ProbeError, ask, changes, load_probe, read_results, tally

    try:
        probes = {path: load_probe(path) for path in args.probes}
        before = read_results(args.against) if args.against else None
    except ProbeError as exc:
        return _error(str(exc))
    try:
        settings, seeds = _settings_and_seeds(args)
    except FileNotFoundError as exc:
        return _error(str(exc))
    out = args.out or default_out_dir(HERE / "runs").with_suffix(".jsonl")
    try:
        library = Library(settings)
    except Exception as exc:  # a bad data directory or Chroma server: one line, not a traceback
        return _error(f"{type(exc).__name__}: {exc}", 1)
    try:
        index_seeds(library, seeds, not args.quiet)
        answerer = make_answerer(library, args.llm)
        rows = {path: [] for path in probes}
        for path, conversations in probes.items():
            for conversation in tqdm(conversations, desc=path.name, unit="conv", disable=args.quiet):
                rows[path] += ask(answerer, conversation)
    except Exception as exc:  # the chain's and store's own errors (EvalError among them): one line
        return _error(f"{type(exc).__name__}: {exc}", 1)
    finally:
        library.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for found in rows.values() for row in found)
    for line in changes(before, [row for found in rows.values() for row in found]) if before is not None else []:
        print(line)
    for path, found in rows.items():
        print(f"{path.name}: {tally(found)}")
    print(f"wrote {out}")
    return 0


def _settings_and_seeds(args: argparse.Namespace):
    """The settings of `--data` and the files or folders `--seeds` names to index first (by default the settings'
    seeds folder); FileNotFoundError naming the first that does not exist."""
    from bot import Settings

    settings = Settings(data_dir=args.data) if args.data else Settings()
    seeds = args.seeds if args.seeds is not None else [settings.seeds_dir]
    if missing := [p for p in seeds if not p.exists()]:
        raise FileNotFoundError(f"{missing[0]}: no such file or folder")
    return settings, seeds


def _error(message: str, status: int = 2) -> int:
    print(f"error: {message}", file=sys.stderr)
    return status


def _bounds(args: argparse.Namespace):
    from .compare import parse_bounds

    return parse_bounds(args.min), parse_bounds(args.max)


def _check(metrics: dict, minimum, maximum) -> int:
    from .compare import check

    lines, failures = check(metrics, minimum, maximum)
    for line in lines:
        print(line, file=sys.stderr if line.startswith("FAIL") else sys.stdout)
    return 1 if failures else 0


def _run(args: argparse.Namespace) -> int:
    from .gold import GoldError, load_gold

    if args.k < 1:
        return _error("--k must be at least 1")
    if args.answer_k is not None and args.answer_k < 1:
        return _error("--answer-k must be at least 1")
    if args.limit is not None and args.limit < 1:
        return _error("--limit must be at least 1")
    try:
        bounds = _bounds(args)
        items = load_gold(args.gold)
    except (GoldError, ValueError) as exc:
        return _error(str(exc))
    items = items[: args.limit] if args.limit else items

    from bot import Library

    from .harness import EvalError, default_out_dir, run

    try:
        settings, seeds = _settings_and_seeds(args)
    except FileNotFoundError as exc:
        return _error(str(exc))
    out = args.out or default_out_dir(HERE / "runs")
    judge = None
    if args.judge:
        from .judge import openai_judge

        try:
            judge = openai_judge(settings)
        except Exception as exc:  # bot.answer.llm missing or misconfigured
            return _error(f"--judge: {type(exc).__name__}: {exc}")
    try:
        library = Library(settings)
    except Exception as exc:  # a bad data directory or Chroma server: one line, not a traceback
        return _error(f"{type(exc).__name__}: {exc}", 1)
    try:
        flat = run(
            items,
            library,
            out,
            args.llm,
            args.k,
            str(args.gold),
            seeds,
            judge=judge,
            progress=not args.quiet,
            answer_k=args.answer_k,
        )
    except EvalError as exc:
        return _error(str(exc), 1)
    except Exception as exc:  # the chain's and store's own errors: one line, not a traceback
        return _error(f"{type(exc).__name__}: {exc}", 1)
    finally:
        library.close()
    _print_summary(flat)
    print(f"wrote {out}/metrics.json, answers.jsonl, report.md")
    return _check(flat, *bounds) if any(bounds) else 0


def _print_summary(flat: dict) -> None:
    """The headline figures with their 95% intervals, then the main ones per question type."""
    from .report import CI_SUFFIX, ci_cell, per_type_table

    for name in HEADLINE:
        if name in flat:
            interval = f"  [{ci_cell(flat, name)}]" if flat.get(name + CI_SUFFIX) else ""
            print(f"{name:28} {flat[name]}{interval}")
    names = [n for n in PER_TYPE if n in flat]
    if names:
        print(per_type_table(flat, names))


def _compare(args: argparse.Namespace) -> int:
    from .compare import RunError, load_run, render

    try:
        print(render(load_run(args.run_a), load_run(args.run_b)))
    except RunError as exc:
        return _error(str(exc))
    return 0


def _check_run(args: argparse.Namespace) -> int:
    from .compare import RunError, load_run

    try:
        bounds = _bounds(args)
        metrics = load_run(args.run).metrics
    except (RunError, ValueError) as exc:
        return _error(str(exc))
    if not any(bounds):
        return _error("give at least one --min or --max, e.g. --min retrieval.hit@5=0.9")
    return _check(metrics, *bounds)


def _check_gold(args: argparse.Namespace) -> int:
    from .gold import GoldError, check_gold, load_gold

    try:
        items = load_gold(args.gold)
    except GoldError as exc:
        return _error(str(exc))
    problems = check_gold(items, args.seeds)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(items)} items, {len(problems)} problem(s)")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "run":
            return _run(args)
        if args.command == "compare":
            return _compare(args)
        if args.command == "check-gold":
            return _check_gold(args)
        if args.command == "candidates":
            return _candidates(args)
        if args.command == "probe":
            return _probe(args)
        return _check_run(args)
    except KeyboardInterrupt:
        return _error("interrupted", 130)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
