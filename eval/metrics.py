"""Per-question scores and their averages: pure functions, so every number in a report can be unit-tested.

All text comparisons go through `bot.text.match_key` (pinyin glosses stripped, traditional → simplified,
punctuation and spaces removed), the same normalisation retrieval matches with, so a traditional passage
or a differently punctuated answer is not penalised. Answers are additionally freed of citation marks
(`[1]`) and their dates written one way (`2024-01-04` → `2024年1月4日`) before scoring.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from bot.models import REFUSAL
from bot.text import CITATION, NUMBER, match_key, normalize_width

_FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)日?")
_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:-|/|年)\s*(\d{1,2})(?![\d.])月?")


def strip_citation_marks(text: str) -> str:
    return CITATION.sub("", text)  # `[1]`, `[1, 2]`, `【3】`, `［2］`: marks, not the answer's content


def normalize_dates(text: str) -> str:
    """Write dates one way, so a keyword `2024-01-04` matches an answer saying `2024年1月4日` and back."""
    text = _FULL_DATE.sub(lambda m: f"{m[1]}年{int(m[2])}月{int(m[3])}日", text)

    def year_month(m: re.Match) -> str:
        month = int(m[2])
        return f"{m[1]}年{month}月" if 1 <= month <= 12 else m[0]

    return _YEAR_MONTH.sub(year_month, text)


def answer_key(text: str) -> str:
    """The comparable form of an answer or keyword: no citation marks, dates unified, then match_key."""
    return match_key(normalize_dates(strip_citation_marks(text)))


# --- retrieval ---------------------------------------------------------------------------------------


def evidence_hit(passage_text: str, evidence: Iterable[str]) -> bool:
    """A passage hits when it contains any evidence string, compared by match_key."""
    key = match_key(passage_text)
    return any((e_key := match_key(e)) and e_key in key for e in evidence)


def first_hit_rank(passage_texts: Sequence[str], evidence: Sequence[str]) -> int | None:
    """1-based rank of the first passage containing evidence, or None."""
    for rank, text in enumerate(passage_texts, start=1):
        if evidence_hit(text, evidence):
            return rank
    return None


def doc_coverage(passage_docs: Sequence[str], gold_docs: Sequence[str]) -> float:
    """Share of the question's gold reports among the retrieved passages' reports."""
    wanted = set(gold_docs)
    return len(wanted & set(passage_docs)) / len(wanted) if wanted else 0.0


def retrieval_scores(
    passages: Sequence[Mapping], evidence: Sequence[str], gold_docs: Sequence[str], cutoffs: Sequence[int] = (1, 3, 5)
) -> dict[str, float | None]:
    """hit@n for each cutoff, reciprocal rank, doc coverage (multi-doc questions only) and context size.

    `passages` are the top-k, best first, each a mapping with `text` and `doc`. Cutoffs larger than
    the number of passages asked for should not be passed: hit@5 of a k=3 run would be hit@3 mislabelled.
    """
    texts = [p["text"] for p in passages]
    rank = first_hit_rank(texts, evidence)
    scores: dict[str, float | None] = {f"hit@{n}": float(rank is not None and rank <= n) for n in cutoffs}
    scores["mrr"] = 1.0 / rank if rank else 0.0
    distinct = set(gold_docs)
    scores["doc_coverage"] = doc_coverage([p["doc"] for p in passages], gold_docs) if len(distinct) > 1 else None
    scores["context_chars"] = float(sum(len(t) for t in texts))
    return scores


# --- answers -----------------------------------------------------------------------------------------


def keyword_recall(answer: str, keywords: Sequence[str]) -> float | None:
    """Share of answer keywords present in the answer (None when there are no keywords)."""
    if not keywords:
        return None
    key = answer_key(answer)
    return sum(answer_key(k) in key for k in keywords) / len(keywords)


def keyword_accuracy(answer: str, keywords: Sequence[str]) -> float | None:
    """1.0 when every answer keyword is in the answer, else 0.0 (None when there are no keywords)."""
    recall = keyword_recall(answer, keywords)
    return None if recall is None else float(recall == 1.0)


def char_f1(prediction: str, gold: str) -> float:
    """F1 of the multiset overlap of answer_key characters: robust to Chinese word segmentation."""
    pred, ref = Counter(answer_key(prediction)), Counter(answer_key(gold))
    if not pred or not ref:
        return float(pred == ref)
    overlap = sum((pred & ref).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def rouge_tokens(text: str) -> list[str]:
    """jieba precise-mode tokens of answer_key(text).

    Not `bot.text.tokenize`: its search mode emits overlapping tokens (`人民` and `人民调解`) and drops
    stopwords, which would inflate the longest common subsequence and hide wording differences.
    """
    from bot.text import segmenter

    return [t for t in segmenter().lcut(answer_key(text)) if t.strip()]


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence (O(len a × len b), fine for answers)."""
    if not a or not b:
        return 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l_tokens(prediction: Sequence[str], gold: Sequence[str]) -> float:
    """ROUGE-L F1 (β = 1) of two token sequences."""
    if not prediction or not gold:
        return float(not prediction and not gold)
    lcs = lcs_length(prediction, gold)
    if not lcs:
        return 0.0
    precision, recall = lcs / len(prediction), lcs / len(gold)
    return 2 * precision * recall / (precision + recall)


def rouge_l(prediction: str, gold: str) -> float:
    return rouge_l_tokens(rouge_tokens(prediction), rouge_tokens(gold))


def is_refusal(answer: Mapping) -> bool:
    """The chain's refusal: its flag, or the fixed refusal sentence standing in for an answer."""
    return bool(answer.get("refused")) or match_key(REFUSAL) == answer_key(answer.get("answer", ""))


def citation_precision(citation_texts: Sequence[str], evidence: Sequence[str]) -> float | None:
    """Share of cited passages that contain an evidence string (None with no citations or no evidence)."""
    if not citation_texts or not evidence:
        return None
    return sum(evidence_hit(t, evidence) for t in citation_texts) / len(citation_texts)


def numbers(text: str) -> list[str]:
    """Arabic numbers in text, thousands separators dropped (`28,300` → `28300`, `68.67%` → `68.67`).

    Citation marks are removed first, so `[2]` is not a number of the answer, and dates are written one
    way, so `2024年1月4日` is grounded by `2024-01-04`. Chinese numerals are not read: the reports write
    statistics in Arabic digits.
    """
    text = normalize_dates(normalize_width(strip_citation_marks(text)))
    found = []
    for m in NUMBER.finditer(text):
        value = re.sub(r",(?=\d{3}(?!\d))", "", m[0])
        found.append(value.rstrip(".,"))
    return found


def grounded_numbers(answer: str, sources: Sequence[str]) -> float | None:
    """Share of the numbers in an answer that occur as numbers in the cited sources (None if it has none).

    Compared as whole numbers, not substrings, so `8` is not grounded by `786`.
    """
    said = numbers(answer)
    if not said:
        return None
    available = {n for source in sources for n in numbers(source)}
    return sum(n in available for n in said) / len(said)


# --- averages ----------------------------------------------------------------------------------------


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the values that apply (None means the metric does not apply to that question)."""
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def aggregate(rows: Sequence[Mapping[str, float | None]], prefix: str = "") -> dict[str, float]:
    """Average each metric over the questions it applies to; metrics that apply to none are left out."""
    names = sorted({name for row in rows for name in row})
    out: dict[str, float] = {}
    for name in names:
        value = mean(row.get(name) for row in rows)
        if value is not None:
            out[f"{prefix}{name}"] = round(value, 4)
    return out
