"""Run the gold questions through retrieval (and the answer chain), score each, and write the run folder.

Retrieval is scored from `library.search` directly (unscoped, with the extra words a question's kind calls for,
as the chain adds them), so a run with `--llm none` measures it without any answering model; the answer chain
(`bot.answer.chain`) is imported only when an answering backend is asked for. A multi-turn item's earlier
turns go to the answerer as the API passes them (`history` of {"role", "content"}), and its retrieval is
scored on the question made standalone the way the chain makes it, since a follow-up alone ("那成都呢？")
names nothing to retrieve.

Scores never call the bot's own checks (citations, numbers, coverage): the eval must be able to
disagree with them.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from bot.answer.intent import Intent, standalone
from bot.index.search import Extras

from . import metrics as m
from .gold import GoldItem
from .judge import Judge

LLMS = ("none", "extractive", "local", "openai")
RETRIEVAL_CUTOFFS = (1, 3, 5)


class EvalError(RuntimeError):
    """A run that cannot go ahead (no answer chain, empty index…); the message is shown as is."""


class AnswererLike(Protocol):
    def ask(self, question: str, history: list[dict] | None = None, filters=None, k: int | None = None) -> Any: ...


@dataclass
class QuestionResult:
    item: GoldItem
    passages: list[dict]
    answer: dict | None
    scores: dict[str, float | None] = field(default_factory=dict)
    query: str = ""  # what retrieval was scored on, when not the question itself (a multi-turn follow-up)

    def to_json(self) -> dict:
        return {
            "id": self.item.id,
            "type": self.item.type,
            "question": self.item.question,
            "gold": self.item.answer,
            "doc": list(self.item.docs) or None,
            **({"history": history_turns(self.item)} if history_turns(self.item) else {}),
            **({"retrieval_question": self.query} if self.query and self.query != self.item.question else {}),
            "passages": self.passages,
            "answer": self.answer,
            "metrics": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in self.scores.items()},
        }


def make_answerer(library, llm: str) -> AnswererLike:
    """The answer chain for a backend, imported late so `--llm none` works before bot.answer.chain exists."""
    try:
        from bot.answer.chain import Answerer
    except ImportError as exc:
        raise EvalError(
            f"--llm {llm} needs the answer chain (bot.answer.chain), which cannot be imported: {exc}"
        ) from None
    return Answerer(library, llm, settings=library.settings)


def cutoffs_for(k: int) -> tuple[int, ...]:
    """hit@1/3/5 up to k, and hit@k itself, so a k=3 run never reports a mislabelled hit@5."""
    return tuple(sorted({n for n in RETRIEVAL_CUTOFFS if n <= k} | {k}))


def _extras(question: str) -> Extras:
    """The extra keyword terms the question's kind calls for (a report section's own words), as the chain uses."""
    return Extras(tuple(Intent.of(question).search_terms()))


def score_retrieval(item: GoldItem, passages: Sequence[Any], k: int) -> tuple[list[dict], dict[str, float | None]]:
    """Passage records for answers.jsonl and the retrieval scores (none for unanswerable items)."""
    records = [
        {
            "rank": rank,
            "doc": p.doc,
            "chunk_id": p.chunk_id,
            "score": p.score,
            "hit": m.evidence_hit(p.text, item.evidence) if item.answerable else None,
        }
        for rank, p in enumerate(passages, start=1)
    ]
    if not item.answerable:
        return records, {}
    scores = m.retrieval_scores(
        [{"text": p.text, "doc": p.doc} for p in passages], item.evidence, item.docs, cutoffs_for(k)
    )
    return records, {f"retrieval.{name}": value for name, value in scores.items()}


def history_turns(item: GoldItem) -> list[dict]:
    """The item's earlier turns as the API takes them ({"role", "content"}), from the gold [role, content]
    pairs; a last user turn repeating the question is dropped, as the question is asked on its own."""
    turns = []
    for turn in getattr(item, "history", None) or ():
        role, content = (turn.get("role"), turn.get("content")) if isinstance(turn, dict) else tuple(turn)[:2]
        turns.append({"role": str(role), "content": str(content)})
    if turns and turns[-1]["role"] == "user" and turns[-1]["content"].strip() == item.question.strip():
        turns.pop()
    return turns


def question_places(item: GoldItem, known: Sequence[str]) -> list[str]:
    """The places an answer should name: the gold `place` list, else the known places the question names,
    else (a follow-up such as "政协提案呢？") those of the latest earlier user turn naming one."""
    given = [p for p in getattr(item, "place", None) or () if isinstance(p, str) and p.strip()]
    if given:
        return given
    asked = [item.question] + [t["content"] for t in reversed(history_turns(item)) if t["role"] == "user"]
    for text in asked:
        found = m.places_named(text, known)
        if found:
            return found
    return []


def score_answer(
    item: GoldItem, answer: dict, seconds: float, known_places: Sequence[str] = ()
) -> dict[str, float | None]:
    """Answer scores of one question; those that do not apply to it are None.

    Unanswerable items are scored only on refusing: their gold answer is a paraphrase of a refusal,
    so character overlap with it says nothing. `known_places` (the indexed reports' issuers) let the
    places a question names be found when the item does not list them.
    """
    text = answer.get("answer", "") or ""
    refused = m.is_refusal(answer)
    citations = answer.get("citations") or []
    scores: dict[str, float | None] = {"answer.seconds": seconds}
    replaced = m.llm_replaced(answer)
    if replaced is not None:
        scores["answer.llm_replaced"] = replaced
    if not item.answerable:
        scores["answer.refusal_accuracy"] = float(refused)
        return scores
    cited = [c.get("text", "") for c in citations]
    # A year or count may come from the report's title, which the chain shows with every citation.
    sources = cited + [c.get("title", "") for c in citations]
    scores.update(
        {
            "answer.false_refusal_rate": float(refused),
            "answer.keyword_accuracy": m.keyword_accuracy(text, item.answer_keywords),
            "answer.keyword_recall": m.keyword_recall(text, item.answer_keywords),
            "answer.char_f1": m.char_f1(text, item.answer),
            "answer.rouge_l": m.rouge_l(text, item.answer),
            "answer.citation_precision": None if refused else m.citation_precision(cited, item.evidence),
            "answer.grounded_numbers": None if refused else m.grounded_numbers(text, sources),
            "answer.parts_answered": m.parts_answered(text, getattr(item, "parts", None) or ()),
            "answer.names_place": None if refused else m.names_places(text, question_places(item, known_places)),
            "answer.length": None if refused else float(m.answer_chars(text)),
            "answer.length_ratio": None if refused else m.length_ratio(text, item.answer),
        }
    )
    return scores


def as_json(answer: Any) -> dict:
    """The chain's `Answer` or a plain answer dict (a test's answerer), as a dict."""
    return answer.to_json() if hasattr(answer, "to_json") else dict(answer)


def evaluate(
    library,
    items: Sequence[GoldItem],
    k: int = 5,
    answerer: AnswererLike | None = None,
    judge: Judge | None = None,
    progress: bool = True,
    answer_k: int | None = None,
) -> list[QuestionResult]:
    """Score every gold item: retrieval from the library, and the answer when an answerer is given.

    Retrieval is scored on `library.search(question, k)` (a follow-up made standalone first); the answerer
    gets the item's earlier turns as `history` and does its own (scoped) retrieval with `answer_k` passages,
    by default the chain's own setting, so answers are measured as served.
    """
    from tqdm import tqdm

    if items:
        library.search([items[0].question], k=k)  # load the models now, so the first question's time is fair
    known = library.issuers()
    results = []
    for item in tqdm(items, desc="questions", unit="q", disable=not progress):
        history = history_turns(item)
        query = standalone(item.question, history, known) if history else item.question
        started = time.perf_counter()
        passages = library.search([query], k=k, extras=_extras(query))[0]
        retrieve_seconds = time.perf_counter() - started
        records, scores = score_retrieval(item, passages, k)
        if item.answerable:
            scores["retrieval.seconds"] = retrieve_seconds
        answer = None
        if answerer is not None:
            started = time.perf_counter()
            try:
                answer = as_json(answerer.ask(item.question, history or None, k=answer_k))
            except Exception as exc:  # one failing question is scored as a miss, not the end of the run
                answer = {"answer": "", "refused": False, "citations": [], "error": f"{type(exc).__name__}: {exc}"}
            scores.update(score_answer(item, answer, time.perf_counter() - started, known))
            if judge is not None and item.answerable:
                scores["answer.judge"] = judge(query, item.answer, answer.get("answer", ""))
        results.append(QuestionResult(item, records, answer, scores, query))
    return results


NOT_AVAILABLE = "n/a"


def summarise(results: Sequence[QuestionResult]) -> dict[str, object]:
    """Flat figures overall and per question type (`type.number.retrieval.hit@5`), each with its bootstrap
    interval (`….ci95`), and counts. `answer.llm_replaced` is n/a when answers carry no verification record."""
    out: dict[str, object] = {}
    out.update(m.summarise_scores([r.scores for r in results]))
    out["retrieval.n"] = sum(r.item.answerable for r in results)
    answered = [r.answer for r in results if r.answer is not None]
    if answered:
        out["answer.n"] = len(answered)
        out["answer.errors"] = sum(bool(a.get("error")) for a in answered)
        out.setdefault("answer.llm_replaced", NOT_AVAILABLE)
    for kind in sorted({r.item.type for r in results}):
        group = [r for r in results if r.item.type == kind]
        out[f"type.{kind}.n"] = len(group)
        out.update(m.summarise_scores([r.scores for r in group], prefix=f"type.{kind}."))
    return out


def default_out_dir(root: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out, n = root / stamp, 1
    while out.exists():
        n += 1
        out = root / f"{stamp}-{n}"
    return out


def write_run(out: Path, run_info: dict, summary: dict[str, object], results: Sequence[QuestionResult]) -> dict:
    """metrics.json (flat), answers.jsonl (one line per question), report.md and its plot."""
    from .report import write_report

    out.mkdir(parents=True, exist_ok=True)
    flat = {**{f"run.{k}": v for k, v in run_info.items()}, **summary}
    (out / "metrics.json").write_text(json.dumps(flat, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    with (out / "answers.jsonl").open("w", encoding="utf-8") as fh:
        for r in results:
            fh.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")
    write_report(out, flat, [r.to_json() for r in results])
    return flat


def index_seeds(library, seeds: Sequence[Path], progress: bool = True) -> set[str]:
    """Index the seeds (incrementally: what is indexed already is skipped); the names of the indexed documents."""
    if seeds:
        report = library.index(list(seeds), show_progress=progress)
        if report.errors:
            raise EvalError(f"indexing failed: {'; '.join(map(str, report.errors))}")
    indexed = {d["doc"] for d in library.documents()}
    if not indexed:
        raise EvalError("the index is empty: give seed documents to index")
    return indexed


def run(
    items: Sequence[GoldItem],
    library,
    out: Path,
    llm: str = "none",
    k: int = 5,
    gold: str = "",
    seeds: Sequence[Path] = (),
    answerer: AnswererLike | None = None,
    judge: Judge | None = None,
    progress: bool = True,
    answer_k: int | None = None,
) -> dict:
    """Index the seeds (incrementally), evaluate, write the run folder; returns the flat metrics."""
    if k < 1:
        raise EvalError("--k must be at least 1")
    started, started_at = time.perf_counter(), datetime.now().isoformat(timespec="seconds")
    indexed = index_seeds(library, seeds, progress)
    missing = sorted({d for item in items for d in item.docs} - indexed)
    if missing:
        print(f"warning: gold documents not in the index: {', '.join(missing)}", file=sys.stderr)
    if answerer is None and llm != "none":
        answerer = make_answerer(library, llm)
    results = evaluate(library, items, k, answerer, judge, progress, answer_k)
    settings = library.settings
    info = {
        "llm": llm,
        "k": k,
        "n": len(items),
        "gold": gold,
        "started": started_at,
        "seconds": round(time.perf_counter() - started, 2),
        "embedder": settings.embedder,
        "chunk_tokens": settings.chunk_tokens,
        "chunk_overlap": settings.chunk_overlap,
        "judge": judge is not None,
    }
    if llm != "none" or answerer is not None:
        info["answer_k"] = answer_k or getattr(settings, "answer_k", None)
    return write_run(Path(out), info, summarise(results), results)
