"""Command line: `python -m bot index|remove|list|search|ask|sections|figures …` (also installed as `fazhi`)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from dataclasses import asdict
from pathlib import Path

from bot.answer.llm import LLMS
from bot.errors import BackendUnavailable, BadConfig, BadInput, Busy, FazhiError, NotFound
from bot.index.embed import EMBEDDERS
from bot.index.library import Library
from bot.ingest.structure import ROLES
from bot.models import Filters
from bot.settings import Settings


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", type=Path, help="data directory (default: $BOT_DATA_DIR or ./data)")
    common.add_argument(
        "--embedder", choices=sorted(EMBEDDERS), help="embedding backend (default: $BOT_EMBEDDER or e5)"
    )

    parser = argparse.ArgumentParser(prog="fazhi", description="法治问答: index and search rule-of-law reports.")
    commands = parser.add_subparsers(dest="command", required=True)

    index = commands.add_parser("index", parents=[common], help="index files or folders (.txt .md .html .pdf .docx)")
    index.add_argument("paths", nargs="+", type=Path)
    index.add_argument("--quiet", action="store_true", help="no progress bars")

    remove = commands.add_parser("remove", parents=[common], help="remove a report by its id (file name)")
    remove.add_argument("doc")

    listing = commands.add_parser("list", parents=[common], help="list indexed reports")
    listing.add_argument("--json", action="store_true")

    find = commands.add_parser("search", parents=[common], help="hybrid search; one result line per question")
    find.add_argument("questions", nargs="+")
    find.add_argument("--k", type=int, default=5)
    find.add_argument("--body", help="only reports of this issuing body, e.g. 广州市")
    find.add_argument("--year", type=int, help="only reports of this year")
    find.add_argument("--json", action="store_true", help="one JSON list of passages per line")
    find.add_argument(
        "--no-scope", action="store_true", help="plain search: ignore the places and years the question names"
    )

    ask = commands.add_parser("ask", parents=[common], help="answer with citations; one result per question")
    ask.add_argument("questions", nargs="+")
    ask.add_argument("--llm", choices=["extractive", *sorted(LLMS)], help="answer backend (default: $BOT_LLM)")
    ask.add_argument("--k", type=int, help="passages given to the model (default: $BOT_ANSWER_K or 3)")
    ask.add_argument("--body", help="only reports of this issuing body")
    ask.add_argument("--year", type=int, help="only reports of this year")
    ask.add_argument("--json", action="store_true", help="one JSON answer per line")
    sections = commands.add_parser("sections", parents=[common], help="a report's sections by role, with items")
    sections.add_argument("doc", help="report id (file name, see `list`)")
    sections.add_argument("--role", choices=sorted(ROLES), help="only the sections of this role")
    sections.add_argument("--json", action="store_true")

    log = commands.add_parser("log", parents=[common], help="the conversation log: export it as JSON lines")
    log.add_argument("action", choices=["export"])
    log.add_argument("--out", type=Path, help="output file (default: standard output)")
    log.add_argument("--since", help="first day, YYYY-MM-DD")
    log.add_argument("--until", help="last day, YYYY-MM-DD")
    log.add_argument("--channel", choices=["page", "embed", "api", "openai"])
    log.add_argument("--rating", choices=["up", "down"], help="only answers whose latest feedback is this")
    log.add_argument("--refused", action="store_true", help="only refusals")

    figures = commands.add_parser("figures", parents=[common], help="a report's indicator table (every figure)")
    figures.add_argument("doc", help="report id (file name, see `list`)")
    figures.add_argument("--json", action="store_true", help="one JSON row per line")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict = {}
    if args.command == "index":  # a batch run has no questions to yield the CPU to, unless told otherwise
        overrides |= {"index_threads": Settings().threads} if "BOT_INDEX_THREADS" not in os.environ else {}
        overrides |= {"index_nice": 0} if "BOT_INDEX_NICE" not in os.environ else {}
    if args.data:
        overrides["data_dir"] = args.data
    if args.embedder:
        overrides["embedder"] = args.embedder
    return Settings(**overrides)


def _index(library: Library, args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        print(f"error: {path}: no such file or folder", file=sys.stderr)
    report = library.index([p for p in args.paths if p.exists()], show_progress=not args.quiet)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    print(
        f"indexed {len(report.added)} new, {len(report.updated)} changed, {len(report.unchanged)} unchanged "
        f"report(s); {report.chunks_written} chunk(s) written, {report.chunks_deleted} removed, "
        f"{report.embedded} embedded; {len(report.errors) + len(missing)} failed"
    )
    return 1 if report.errors or missing else 0


def _list(library: Library, args: argparse.Namespace) -> int:
    documents = library.documents()
    if args.json:
        print(json.dumps(documents, ensure_ascii=False))
        return 0
    for d in documents:
        print(
            f"{d['doc']}\t{d.get('body', '')}\t{d.get('year', '')}\t{d.get('chunks', 0)} chunks\t{d.get('title', '')}"
        )
    print(f"{len(documents)} report(s)", file=sys.stderr)
    return 0


def _search(library: Library, args: argparse.Namespace) -> int:
    if args.k < 1:
        print("error: --k must be at least 1", file=sys.stderr)
        return 2
    questions = [q.strip() for q in args.questions]
    if not all(questions):
        print("error: empty question", file=sys.stderr)
        return 2
    filters = Filters(args.body, args.year)
    if args.no_scope:
        results = library.search(questions, k=args.k, filters=filters)
    else:
        from bot.answer.chain import search_scoped

        results = [search_scoped(library, question, args.k, filters) for question in questions]
    for question, passages in zip(questions, results):
        if args.json:
            print(json.dumps([p.to_json() for p in passages], ensure_ascii=False))
            continue
        print(f"? {question}")
        for n, p in enumerate(passages, 1):
            print(f"  [{n}] {p.score:.4f} {p.doc} | {p.heading or p.title}\n      {p.text[:160]}")
    return 0


def _ask(library: Library, args: argparse.Namespace) -> int:
    from bot.answer.chain import Answerer

    questions = [q.strip() for q in args.questions]
    if not all(questions) or (args.k is not None and args.k < 1):
        print("error: empty question or --k below 1", file=sys.stderr)
        return 2
    answerer = Answerer(library, args.llm)
    for question in questions:
        answer = answerer.ask(question, filters=Filters(args.body, args.year), k=args.k)
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
            continue
        print(f"? {question}\n{answer.answer}")
        for c in answer.citations:
            print(f"  [{c.n}] {c.doc} | {c.heading or c.title}\n      {c.text[:160]}")
        if answer.flagged_numbers:
            print(f"  ! numbers not found in the cited passages: {', '.join(answer.flagged_numbers)}")
        if answer.error:
            print(f"  ! {answer.error}", file=sys.stderr)
    return 0


def _structure(library: Library, doc: str):
    report = library.report(doc)
    if report is None:
        raise NotFound(
            f"no report '{doc}' in the index (see `list`; a report indexed by an older version: index it again)"
        )
    return report


def _sections(library: Library, args: argparse.Namespace) -> int:
    report = _structure(library, args.doc)
    chosen = report.by_role(args.role) if args.role else report.tops
    if args.json:
        print(json.dumps([asdict(s) for s in chosen], ensure_ascii=False))
        return 0
    print(f"{report.title}  (covers {report.covered_year or '?'}, published {report.published or '?'})")
    for section in chosen:
        path = " > ".join(section.path) or "(开头)"
        print(f"\n[{ROLES[section.role]}] {path}  paragraphs {section.start}-{section.end}")
        for item in section.items:
            print(f"  {item.label} {item.text[:100]}")
    return 0


def _figures(library: Library, args: argparse.Namespace) -> int:
    report = _structure(library, args.doc)
    for f in report.figures:
        if args.json:
            print(json.dumps(asdict(f), ensure_ascii=False))
            continue
        extra = " ".join(x for x in (f.change or "", *f.qualifiers) if x)
        value = f"{f.value:g} {f.unit} ({f.unit_class or '-'})"
        print(f"{f.place or ''}\t{f.year or ''}\t{f.indicator}\t{f.text}\t{value}\t{extra}")
    print(f"{len(report.figures)} figure(s)", file=sys.stderr)
    return 0


def _log(args: argparse.Namespace) -> int:
    """`log export`: the logged answers (newest first, each with its latest feedback) as JSON lines."""
    from bot.serve.conversations import LogQuery, open_log

    log = open_log(_settings(args).conversations_path)
    query = LogQuery(args.since, args.until, args.channel, True if args.refused else None, None, args.rating)
    if args.out is None:
        count = log.export(sys.stdout, query)
    else:
        with args.out.open("w", encoding="utf-8") as out:
            count = log.export(out, query)
    print(f"{count} answer(s) exported", file=sys.stderr)
    return 0


# The exception tree (bot/errors.py) as exit statuses, in this one place: 2 for what the user must change
# (a bad argument, setting or file), 1 for what may work later (a backend down, the index busy, not found),
# 70 (EX_SOFTWARE) for a bug, which prints its trace.
EXIT: dict[type[FazhiError], int] = {
    BadInput: 2,
    BadConfig: 2,
    NotFound: 1,
    Busy: 1,
    BackendUnavailable: 1,
    FazhiError: 1,
}


def exit_status(error: FazhiError) -> int:
    return next(EXIT[kind] for kind in type(error).__mro__ if kind in EXIT)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    library = None
    if args.command == "log":
        try:
            return _log(args)
        except FazhiError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return exit_status(exc)
    try:
        library = Library(_settings(args))
        return _run(library, args)
    except FazhiError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exit_status(exc)
    except KeyboardInterrupt:
        print("interrupted: finished reports are kept; run the same command again to finish", file=sys.stderr)
        return 130
    except Exception:
        traceback.print_exc()
        print("internal error: this is a bug in fazhi; the trace above says where", file=sys.stderr)
        return 70
    finally:
        if library is not None:
            library.close()


def _run(library: Library, args: argparse.Namespace) -> int:
    if args.command == "index":
        return _index(library, args)
    if args.command == "remove":
        try:
            removed = library.remove(args.doc)
        except NotFound:
            print(f"error: no report '{args.doc}' in the index (see `list`)", file=sys.stderr)
            return 1
        print(f"removed {args.doc} ({removed} chunks)")
        return 0
    if args.command == "list":
        return _list(library, args)
    if args.command == "ask":
        return _ask(library, args)
    if args.command == "sections":
        return _sections(library, args)
    if args.command == "figures":
        return _figures(library, args)
    return _search(library, args)
