"""Draft gold items from the conversation log: what users actually asked, with what they said was right.

A 👎 with "the right answer is …" (and perhaps "it is in report …") and a 👍 on an answer are the two kinds of
rated answers a maintainer can turn into gold items. Each draft is gold-format: the question (its standalone
form, so it stands without the conversation), the right answer (the user's, or the bot's when rated 👍), its
answer keywords (the figures it states, else its clauses found in a report), evidence candidates (report
sentences holding those keywords: first the cited passages', then the named report's, then any report's),
and a `type` guessed from the logged plan. Drafts carry `source: "log:<answer id>"`, under which
`python -m eval check-gold` holds them to the stricter rule: every keyword must be in an evidence string (a
cited passage that does not hold the right answer is not evidence). A maintainer reviews before accepting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from bot.models import REFUSAL
from bot.text import MARKER, match_key, split_sentences, to_simplified

# A figure as answers state it: a number with its unit (786宗, 68.67%, 1.2万件); the unit makes it specific.
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:%|‰|[万亿千百]?[个件宗名项人次家所条起份元户部场期批座类]|万|亿)")
_CLAUSE = re.compile(r"[，,。；;：:、！!？?\s（）()“”\"]+")
# The logged plan's kind → the gold type it most likely is (comparison needs parts a maintainer writes).
KIND_TO_TYPE = {
    "figure": "number",
    "rate": "rate",
    "list": "list",
    "section": "section",
    "summary": "summary",
    "time": "time",
    "report": "report",
    "comparison": "multi_doc",
    "open": "fact",
}
MIN_CLAUSE = 4


def answer_keywords(answer: str) -> list[str]:
    """The figures an answer states; without figures, its clauses (of at least MIN_CLAUSE characters)."""
    text = MARKER.sub("", answer)
    figures = list(dict.fromkeys(_FIGURE.findall(text)))
    if figures:
        return figures
    return [c for c in dict.fromkeys(_CLAUSE.split(text)) if len(c) >= MIN_CLAUSE]


def report_sentences(seeds: Path) -> dict[str, list[str]]:
    """Every report's cleaned sentences by file name (evidence must be verbatim in the cleaned text)."""
    from bot.ingest.clean import clean_text

    return {p.name: split_sentences(clean_text(p.read_text(encoding="utf-8"))) for p in sorted(seeds.glob("*.txt"))}


def _holding(sentences: Iterable[tuple[str, str]], keywords: list[str]) -> list[tuple[str, str]]:
    """(doc, sentence) pairs that together hold every keyword, fewest first: the one holding most, then on."""
    keys = {k: match_key(k) for k in keywords}
    pool = [(doc, s, {k for k, m in keys.items() if m in match_key(s)}) for doc, s in sentences]
    chosen, missing = [], set(keywords)
    while missing:
        best = max(pool, key=lambda item: len(item[2] & missing), default=None)
        if best is None or not best[2] & missing:
            return []
        chosen.append((best[0], best[1].strip()))
        missing -= best[2]
    return chosen


def _evidence(entry: dict, keywords: list[str], reports: dict[str, list[str]]) -> list[tuple[str, str]]:
    """Evidence for the keywords: the cited passages' sentences that are in their report as cleaned, else the
    sentences of the report the user named, else of any report."""
    cited = [(c["doc"], s) for c in entry.get("citations") or [] for s in split_sentences(c["text"])]
    verbatim = [(doc, s) for doc, s in cited if any(s.strip() in r for r in reports.get(doc, []))]
    named = (entry.get("feedback") or {}).get("report") or ""
    in_named = [(d, s) for d, ss in reports.items() if named and (named in d or d in named) for s in ss]
    everywhere = [(d, s) for d, ss in reports.items() for s in ss]
    for pool in (verbatim, in_named, everywhere):
        found = _holding(pool, keywords)
        if found:
            return found
    return []


def _type(entry: dict, docs: list[str]) -> str:
    question = entry.get("standalone") or entry["question"]
    if to_simplified(question) != question:
        return "trad"
    kind = (entry.get("plan") or {}).get("kind", "open")
    guessed = KIND_TO_TYPE.get(kind, "fact")
    return guessed if guessed != "multi_doc" or len(docs) > 1 else "fact"


def draft_item(entry: dict, reports: dict[str, list[str]]) -> tuple[dict | None, str]:
    """One logged, rated answer as a draft gold item, or None and why not."""
    feedback = entry.get("feedback") or {}
    rating, right = feedback.get("rating"), (feedback.get("correct_answer") or "").strip()
    question = (entry.get("standalone") or entry["question"]).strip()
    base = {"id": f"log-{entry['id'][:12]}", "question": question, "source": f"log:{entry['id']}"}
    if rating == "up" and entry["refused"]:
        return {
            **base,
            "answer": REFUSAL,
            "doc": None,
            "evidence": [],
            "type": "unanswerable",
            "answer_keywords": [],
        }, ""
    answer = right if rating == "down" else MARKER.sub("", entry.get("answer") or "").strip()
    if not answer or REFUSAL in answer:
        return None, "rated 👎 without the right answer" if rating == "down" else "no answer to keep"
    keywords = answer_keywords(answer)
    found = _evidence(entry, keywords, reports) if keywords else []
    docs = list(dict.fromkeys(doc for doc, _ in found))
    item = {
        **base,
        "answer": answer,
        "doc": docs[0] if len(docs) == 1 else docs or None,
        "evidence": [sentence for _, sentence in found],
        "type": _type(entry, docs),
        "answer_keywords": keywords,
    }
    if not found:
        return None, f"no report sentence holds {', '.join(keywords) or 'the answer'}"
    return item, ""


def candidates(entries: Iterable[dict], seeds: Path, rating: str | None = None) -> tuple[list[dict], list[str]]:
    """Draft items for the rated entries (only `rating` ones if given); and a line for each entry skipped."""
    reports = report_sentences(seeds)
    items, skipped = [], []
    for entry in entries:
        given = (entry.get("feedback") or {}).get("rating")
        if not given or (rating and given != rating):
            continue
        item, why = draft_item(entry, reports)
        if item is None:
            skipped.append(f"{entry['id']}: {why}: {entry['question'][:60]}")
        else:
            items.append(item)
    return items, skipped
