"""Hybrid retrieval: dense (Chroma) and BM25 (jieba) rankings fused by reciprocal rank.

Questions are converted to simplified Chinese first, so a simplified question finds a passage
of a traditional-Chinese report in both rankings.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.answer.intent import Scope, asks_about_report, section_words
from bot.index.embed import Embedder
from bot.index.keyword import tokenize
from bot.index.store import Store
from bot.ingest.clean import to_simplified
from bot.models import Passage

_OPENING_WEIGHT = 4.0  # a report's opening first for questions about the report (above any dense + keyword top)


@dataclass(frozen=True)
class Filters:
    body: str | None = None
    year: int | None = None

    def where(self) -> dict | None:
        clauses = []
        if self.body:
            clauses.append({"body": to_simplified(self.body)})
        if self.year:
            clauses.append({"year": int(self.year)})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def rrf(
    rankings: dict[str, list[str]], k: int = 60, weights: dict[str, float] | None = None
) -> list[tuple[str, float, dict[str, int]]]:
    """Reciprocal-rank fusion: score = Σ weight/(k + rank) over the rankings an item appears in."""
    scores: dict[str, float] = {}
    ranks: dict[str, dict[str, int]] = {}
    for name, ranking in rankings.items():
        weight = (weights or {}).get(name, 1.0)
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
            ranks.setdefault(item, {})[name] = rank
    ordered = sorted(scores, key=lambda item: (-scores[item], item))
    return [(item, scores[item], ranks[item]) for item in ordered]


def search(
    store: Store,
    embedder: Embedder,
    questions: list[str],
    k: int = 5,
    filters: Filters | None = None,
    candidates: int = 30,
    rrf_k: int = 60,
    keyword_weight: float = 1.0,
    vectors: np.ndarray | None = None,
) -> list[list[Passage]]:
    """The top-k passages for each question (`vectors`: their embeddings, when the caller has them)."""
    if not questions:
        return []
    simplified = [to_simplified(q) for q in questions]
    if vectors is None:
        vectors = embedder.queries(simplified)
    where = filters.where() if filters else None
    allowed = store.matching_ids(where) if where else None
    keyword = store.keyword_index()
    depth = max(candidates, k)
    results = []
    for question, vector in zip(simplified, vectors):
        dense = [cid for cid, _ in store.dense(vector, depth, where)]
        terms = tokenize(question) + section_words(question)
        sparse = [cid for cid, _ in keyword.search(terms, depth, allowed)]
        rankings = {"dense": dense, "keyword": sparse}
        if where and asks_about_report(question):
            rankings["opening"] = store.opening_ids(where)
        weights = {"keyword": keyword_weight, "opening": _OPENING_WEIGHT}
        fused = rrf(rankings, rrf_k, weights)[:k]
        stored = store.get_chunks([cid for cid, _, _ in fused])
        passages = []
        for cid, score, ranks in fused:
            if cid not in stored:
                continue
            text, meta = stored[cid]
            passages.append(
                Passage(
                    text=text,
                    doc=meta["doc"],
                    title=meta.get("title", ""),
                    heading=meta.get("heading", ""),
                    score=round(score, 6),
                    chunk_id=cid,
                    body=meta.get("body"),
                    year=meta.get("year"),
                    ranks=ranks,
                    position=meta.get("position"),
                )
            )
        results.append(passages)
    return results


def _targets(scope: Scope, filters: Filters) -> list[Filters]:
    """One retrieval per place (or per year) a question names, so one report cannot crowd out another."""
    if len(scope.bodies) > 1:
        year = scope.years[0] if len(scope.years) == 1 else filters.year
        return [Filters(body, year) for body in scope.bodies]
    body = scope.bodies[0] if scope.bodies else filters.body
    if len(scope.years) > 1:
        return [Filters(body, year) for year in scope.years]
    return [Filters(body, scope.years[0] if scope.years else filters.year)]


def _in_scope(passage: Passage, target: Filters, places: list[str]) -> bool:
    """A passage fits a year when its report is of that year or it names the year itself."""
    text = to_simplified(f"{passage.title}\n{passage.heading}\n{passage.text}")
    if target.year and passage.year != target.year and str(target.year) not in text:
        return False
    return all(place in text for place in places)


def scoped_search(
    store: Store,
    embedder: Embedder,
    question: str,
    scope: Scope,
    k: int = 5,
    filters: Filters | None = None,
    candidates: int = 30,
    rrf_k: int = 60,
    keyword_weight: float = 1.0,
) -> list[Passage]:
    """Top passages for a question within the places and years it names, interleaved across them.

    A year narrows retrieval to that year's reports when the body has one; otherwise passages must
    mention the year. Other places named (not issuing bodies) must appear in the passage text.
    """
    targets = _targets(scope, filters or Filters())
    years_of = _years_by_body(store)
    vectors = embedder.queries([to_simplified(question)])  # once, whatever the number of places
    per_target = max(2, -(-k // len(targets)))
    groups = []
    for target in targets:
        known_years = years_of.get(to_simplified(target.body) if target.body else "*", set())
        query_filters = target if target.year in known_years else Filters(target.body, None)
        found = search(
            store, embedder, [question], max(candidates, k), query_filters, candidates, rrf_k, keyword_weight, vectors
        )[0]
        groups.append([p for p in found if _in_scope(p, target, scope.places)][:per_target])
    merged: list[Passage] = []
    for rank in range(max((len(g) for g in groups), default=0)):
        for group in groups:
            if rank < len(group) and all(p.chunk_id != group[rank].chunk_id for p in merged):
                merged.append(group[rank])
    return merged[:k] if len(targets) == 1 else merged[: max(k, per_target * len(targets))]


def _years_by_body(store: Store) -> dict[str, set[int]]:
    years: dict[str, set[int]] = {"*": set()}
    for meta in store.document_records().values():
        if meta.get("year"):
            years.setdefault(meta.get("body", ""), set()).add(meta["year"])
            years["*"].add(meta["year"])
    return years
