"""Hit-testing (命中测试): for one question, what the answer chain would read and why it answers or refuses.

An administrator who sees a wrong answer or a refusal in the log needs to know whether the reports lack the
fact, the scope went to the wrong place or year, a ranking missed the passage, or the coverage check refused
it. This shows each step with the chain's own functions (`make_plan`, `targets`, `index.search.rankings`,
`fuse`, `retrieve`, `coverage`, `gather`): nothing here ranks or decides on its own.
"""

from __future__ import annotations

from dataclasses import asdict

from bot.answer.chain import retrieve, search_extras
from bot.answer.checks import coverage
from bot.answer.facts import gather
from bot.answer.intent import make_plan, targets
from bot.index.library import Library
from bot.index.search import Extras, fuse, in_scope, query_filters, rankings, years_by_body
from bot.models import Filters, Passage
from bot.text import to_simplified

SHOWN = 10  # passages shown per ranking
SNIPPET = 160


def hit_test(library: Library, question: str, filters: Filters | None = None, shown: int = SHOWN) -> dict:
    """The plan, each target's rankings (dense, keyword, fused) with scores and ranks, the passages the chain
    reads, and the decision: `facts` (the report structure answers), `answer`, or `refuse` (with the coverage
    and the threshold that decided it). `question` is a standalone question (no conversation history)."""
    question = question.strip()
    settings = library.settings
    plan = make_plan(question, library.issuers())
    idf = library.keyword_index().idf
    intent, scope, passages = retrieve(library, question, filters, None, settings.answer_k)
    extras = search_extras(intent)
    facts = gather(plan, library, filters, idf)
    covered = coverage(question, intent, scope, passages, idf)
    threshold = settings.min_coverage_figure if intent.figure else settings.min_coverage
    decision = "facts" if facts else "answer" if passages and covered >= threshold else "refuse"
    return {
        "question": question,
        "plan": {"kind": plan.kind, "role": plan.role, "unit": plan.unit, "intent": asdict(intent)},
        "scope": {**asdict(scope), "targets": [_filters_json(t) for t in targets(scope, filters)]},
        "targets": _rankings(library, question, scope.places, targets(scope, filters), extras, shown),
        "passages": [_passage_json(p) for p in passages],
        "facts": [_passage_json(p) for p in facts.passages] if facts else None,
        "coverage": {"value": round(covered, 4), "threshold": threshold, "figure": intent.figure},
        "decision": decision,
    }


def _rankings(
    library: Library, question: str, places: list[str], wanted: list[Filters], extras: Extras, shown: int
) -> list[dict]:
    """Each target's filters as applied, and its rankings as the search made them."""
    config, store = library.settings.retrieval, library.store
    simplified = to_simplified(question)
    vector = library.embedder.queries([simplified])[0]
    years_of = years_by_body(store)
    out = []
    for target in wanted:
        applied = query_filters(target, years_of)
        ranked = rankings(store, simplified, vector, config.candidates, applied, extras)
        fused = [(cid, score) for cid, score, _ in fuse(ranked, config)]
        lists = {name: ranking[:shown] for name, ranking in ranked.items()} | {"fused": fused[:shown]}
        texts = store.get_chunks(sorted({cid for ranking in lists.values() for cid, _ in ranking}))
        out.append(
            {
                "target": _filters_json(target),
                "filters_applied": _filters_json(applied),
                "places_required": places,
                "rankings": {
                    name: [_hit(rank, cid, score, texts, target, places) for rank, (cid, score) in enumerate(r, 1)]
                    for name, r in lists.items()
                },
            }
        )
    return out


def _hit(rank: int, cid: str, score: float, texts: dict, target: Filters, places: list[str]) -> dict:
    text, meta = texts.get(cid, ("", {}))
    passage = Passage(text, meta.get("doc", ""), meta.get("title", ""), meta.get("heading", ""), score, cid)
    passage.year = meta.get("year")
    return {
        "rank": rank,
        "score": round(float(score), 6),
        "chunk_id": cid,
        "doc": passage.doc,
        "heading": passage.heading,
        "text": text[:SNIPPET],
        "in_scope": in_scope(passage, target, places),
    }


def _passage_json(p: Passage) -> dict:
    return {
        "chunk_id": p.chunk_id,
        "doc": p.doc,
        "heading": p.heading,
        "score": p.score,
        "ranks": p.ranks,
        "text": p.text[:SNIPPET],
    }


def _filters_json(f: Filters) -> dict:
    return {"body": f.issuer, "year": f.year}
