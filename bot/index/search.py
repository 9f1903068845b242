"""Hybrid retrieval: dense (Chroma) and BM25 (jieba) rankings fused by reciprocal rank.

Questions are converted to simplified Chinese first, so a simplified question finds a passage
of a traditional-Chinese report in both rankings.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bot.index.embed import Embedder
from bot.index.store import Store
from bot.ingest.dates import relative_dates
from bot.models import Filters, Passage
from bot.settings import RetrievalConfig
from bot.text import to_simplified, tokenize

_OPENING_WEIGHT = 4.0  # a report's opening first for questions about the report (above any dense + keyword top)


@dataclass(frozen=True)
class Extras:
    """What a caller that knows the question's kind adds to a search (the plain search adds nothing).

    `terms`: more words for the keyword ranking (a report section's own wording); `opening`: rank each
    filtered report's opening first (for questions about the report itself).
    """

    terms: tuple[str, ...] = ()
    opening: bool = False


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
    config: RetrievalConfig | None = None,
    extras: Extras | None = None,
    vectors: np.ndarray | None = None,
) -> list[list[Passage]]:
    """The top-k passages for each question (`vectors`: their embeddings, when the caller has them)."""
    if not questions:
        return []
    config, extras = config or RetrievalConfig(), extras or Extras()
    simplified = [to_simplified(q) for q in questions]
    if vectors is None:
        vectors = embedder.queries(simplified)
    filters = filters or Filters()
    depth = max(config.candidates, k)
    results = []
    for question, vector in zip(simplified, vectors):
        ranked = rankings(store, question, vector, depth, filters, extras)
        results.append(_passages(store, fuse(ranked, config)[:k]))
    return results


def rankings(
    store: Store, question: str, vector: np.ndarray, depth: int, filters: Filters, extras: Extras
) -> dict[str, list[tuple[str, float]]]:
    """The rankings a hybrid search fuses, each best first with its own score (dense: cosine similarity;
    keyword: BM25; opening: none), for a simplified question; hit-testing shows them as they are."""
    allowed = store.matching_ids(filters) if filters.fields() else None
    terms = [t for t in tokenize(question) if not _said_by(t, filters)] + list(extras.terms)
    ranked = {
        "dense": store.dense(vector, depth, filters),
        "keyword": _strong(store.keyword_index().search(terms, depth, allowed)),
    }
    if extras.opening and filters.fields():
        ranked["opening"] = [(cid, 0.0) for cid in store.opening_ids(filters)]
    return ranked


def _strong(ranking: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The keyword hits within a share of the best's BM25: fusion counts ranks, not scores, so a chunk matching
    one common word would vote as much as the one matching the question's rare words."""
    top = ranking[0][1] if ranking else 0.0
    return [(cid, score) for cid, score in ranking if score >= _WEAK * top]


_WEAK = 0.3


def _said_by(term: str, filters: Filters) -> bool:
    """A word the filter already says: within 花都区's reports every chunk is 花都区's, so the place (or a year
    filtered on) ranks nothing; in a large archive where look-alikes rename it, its rarity would rank the few
    chunks naming it (the opening) above the one answering."""
    issuer = to_simplified(filters.issuer) if filters.issuer else ""
    return bool(issuer) and len(term) >= 2 and term in issuer or bool(filters.year) and term == str(filters.year)


def fuse(
    ranked: dict[str, list[tuple[str, float]]], config: RetrievalConfig
) -> list[tuple[str, float, dict[str, int]]]:
    """The rankings fused by reciprocal rank, with the configured weights; a keyword hit that BM25 singles out
    (`_DOMINANT` times the next one's score: the question's rare words are in it alone) comes first, since
    reciprocal ranks count its lead no more than a hair's."""
    ids = {name: [cid for cid, _ in ranking] for name, ranking in ranked.items()}
    fused = rrf(ids, config.rrf_k, {"keyword": config.keyword_weight, "opening": _OPENING_WEIGHT})
    keyword = ranked.get("keyword", [])
    if len(keyword) >= 2 and keyword[0][1] >= _DOMINANT * keyword[1][1]:
        fused.sort(key=lambda item: item[0] != keyword[0][0])  # stable: the others keep their order
    return fused


_DOMINANT = 2.0


def _passages(store: Store, fused: list[tuple[str, float, dict[str, int]]]) -> list[Passage]:
    """The fused ids as passages, read from the store (an id deleted meanwhile is skipped)."""
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
                issuer=meta.get("body"),
                year=meta.get("year"),
                ranks=ranks,
                position=meta.get("position"),
            )
        )
    return passages


def in_scope(passage: Passage, target: Filters, places: list[str]) -> bool:
    """A passage fits a year when its report is of that year or it names the year itself, as a number or by a
    word its report's year resolves to it ("去年全年…1126件" in a 2019 article is 2018's)."""
    text = to_simplified(passage.in_context())
    if (
        target.year
        and passage.year != target.year
        and str(target.year) not in text
        and not _said_of(text, passage, target.year)
    ):
        return False
    return all(place in text for place in places)


def _said_of(text: str, passage: Passage, year: int) -> bool:
    """Whether a passage's text says a year by a word its report's year resolves to it (去年, 上年)."""
    return bool(passage.year) and any(d.year == year for d in relative_dates(text, passage.year))


def scoped_search(
    store: Store,
    embedder: Embedder,
    question: str,
    targets: list[Filters],
    places: list[str],
    k: int = 5,
    config: RetrievalConfig | None = None,
    extras: Extras | None = None,
) -> list[Passage]:
    """Top passages for a question within each of `targets` (an issuer and/or year each), interleaved.

    One retrieval per target, so one report cannot crowd out another. A year narrows retrieval to that
    year's reports when the issuer has one; otherwise passages must mention the year. `places` (named, but
    not issuing bodies) must appear in the passage text.
    """
    config, extras = config or RetrievalConfig(), extras or Extras()
    years_of = years_by_body(store)
    simplified = to_simplified(question)
    vector = embedder.queries([simplified])[0]  # once, whatever the number of targets
    per_target = max(2, -(-k // len(targets)))
    groups = []
    for target in targets:
        depth = max(config.candidates, k)
        ranked = rankings(store, simplified, vector, depth, query_filters(target, years_of), extras)
        groups.append(_first_in_scope(store, fuse(ranked, config), target, places, per_target))
    merged: list[Passage] = []
    for rank in range(max((len(g) for g in groups), default=0)):
        for group in groups:
            if rank < len(group) and all(p.chunk_id != group[rank].chunk_id for p in merged):
                merged.append(group[rank])
    return merged[:k] if len(targets) == 1 else merged[: max(k, per_target * len(targets))]


def _first_in_scope(
    store: Store, fused: list[tuple[str, float, dict[str, int]]], target: Filters, places: list[str], n: int
) -> list[Passage]:
    """The first `n` fused passages in scope, read from the store a few at a time: most are at the top, and
    reading every candidate's text was a fifth of a search's time."""
    kept: list[Passage] = []
    for start in range(0, len(fused), 2 * n):
        for passage in _passages(store, fused[start : start + 2 * n]):
            if in_scope(passage, target, places):
                kept.append(passage)
                if len(kept) == n:
                    return kept
    return kept


def query_filters(target: Filters, years_of: dict[str, set[int]]) -> Filters:
    """What one target's retrieval is filtered by: its year only when its issuer has a report of that year
    (otherwise passages must mention the year, checked by `in_scope`)."""
    known_years = years_of.get(to_simplified(target.issuer) if target.issuer else "*", set())
    return target if target.year in known_years else Filters(target.issuer, None)


def years_by_body(store: Store) -> dict[str, set[int]]:
    years: dict[str, set[int]] = {"*": set()}
    for meta in store.document_records().values():
        if meta.get("year"):
            years.setdefault(meta.get("body", ""), set()).add(meta["year"])
            years["*"].add(meta["year"])
    return years
