"""Hybrid retrieval: dense (Chroma) and BM25 (jieba) rankings fused by reciprocal rank.

Questions are converted to simplified Chinese first, so a simplified question finds a passage
of a traditional-Chinese report in both rankings.
"""

from __future__ import annotations

from dataclasses import dataclass

from .clean import to_simplified
from .embed import Embedder
from .keyword import tokenize
from .models import Passage
from .store import Store


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


def rrf(rankings: dict[str, list[str]], k: int = 60) -> list[tuple[str, float, dict[str, int]]]:
    """Reciprocal-rank fusion: score = Σ 1/(k + rank) over the rankings an item appears in."""
    scores: dict[str, float] = {}
    ranks: dict[str, dict[str, int]] = {}
    for name, ranking in rankings.items():
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
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
) -> list[list[Passage]]:
    """The top-k passages for each question."""
    if not questions:
        return []
    simplified = [to_simplified(q) for q in questions]
    vectors = embedder.queries(simplified)
    where = filters.where() if filters else None
    allowed = store.matching_ids(where) if where else None
    keyword = store.keyword_index()
    depth = max(candidates, k)
    results = []
    for question, vector in zip(simplified, vectors):
        dense = [cid for cid, _ in store.dense(vector, depth, where)]
        sparse = [cid for cid, _ in keyword.search(tokenize(question), depth, allowed)]
        fused = rrf({"dense": dense, "keyword": sparse}, rrf_k)[:k]
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
                )
            )
        results.append(passages)
    return results
