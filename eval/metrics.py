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

import numpy as np

from bot.models import REFUSAL
from bot.text import CITATION, NUMBER, match_key, normalize_width

# A full date: 2024-01-04, 2024/1/4, 2024.1.4 (one separator throughout) or 2024年1月4日; not 2024年86.15%.
_FULL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*(?:([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)|年\s*(\d{1,2})\s*月\s*(\d{1,2})(?!\d)日?)"
)
# A year and month: 2024-1, 2024/01, 2024年01月. After 年 the 月 must be there: 2024年5个镇 is no month.
_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:[-/]\s*(\d{1,2})(?![\d.])月?|年\s*(\d{1,2})月)")
# One administrative unit of an issuer's name: 广州市花都区 → 广州市, 花都区 (shortest name before a suffix).
# Not a bare 州: it ends 广州 and 杭州 as well as prefectures.
_PLACE_UNIT = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|省|市|区|县)")
_PLACE_SUFFIX = re.compile(r"(?:特别行政区|自治区|自治州|自治县|省|市|区|县)$")


def strip_citation_marks(text: str) -> str:
    return CITATION.sub("", text)  # `[1]`, `[1, 2]`, `【3】`, `［2］`: marks, not the answer's content


def normalize_dates(text: str) -> str:
    """Write dates one way, so a keyword `2024-01-04` matches an answer saying `2024年1月4日` and back."""
    text = _FULL_DATE.sub(lambda m: f"{m[1]}年{int(m[3] or m[5])}月{int(m[4] or m[6])}日", text)

    def year_month(m: re.Match) -> str:
        month = int(m[2] or m[3])
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
    return sum(_says(answer, k) for k in keywords) / len(keywords)


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _says(answer: str, keyword: str) -> bool:
    """Whether a keyword is in the answer (compared by answer_key); one starting with a figure must start a figure
    there ("7宗" is not said by "1497宗", nor "5%" by "98.5%"), which is read where separators still part them."""
    key = answer_key(keyword)
    if key not in answer_key(answer):
        return False
    if not key[:1].isdigit():
        return True
    dated = normalize_dates(strip_citation_marks(answer))  # 2025-01-06 is one date, 2026-2030 two years
    dated = _THOUSANDS.sub("", dated)  # "5,236宗" is one figure, its comma no separator
    parted = " ".join(answer_key(piece) for piece in re.split(r"[-—–~～至到、，,；;（）()\s]", dated))
    return re.search(rf"(?<![\d.]){re.escape(key)}", parted) is not None


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


def answer_chars(text: str) -> int:
    """Characters of an answer as read: citation marks and surrounding space do not count."""
    return len(strip_citation_marks(text).strip())


def length_ratio(answer: str, gold: str) -> float | None:
    """Answer length over gold answer length: a keyword hit by pasting a whole section shows up here."""
    gold_chars = answer_chars(gold)
    return answer_chars(answer) / gold_chars if gold_chars else None


def parts_answered(answer: str, parts: Sequence[Sequence[str]]) -> float | None:
    """Share of a multi-part question's parts answered: a part counts when all its keywords are in the answer.

    Keyword accuracy over the union of keywords says only all-or-nothing; this says how many of the
    questions inside the question were answered. None for an item without parts.
    """
    parts = [part for part in parts if part]
    if not parts:
        return None
    key = answer_key(answer)
    return sum(all(answer_key(k) in key for k in part) for part in parts) / len(parts)


def place_units(name: str) -> list[str]:
    """The administrative units of a place or issuer name, simplified: 广州市花都区 → [广州市, 花都区]."""
    key = match_key(name)
    return _PLACE_UNIT.findall(key) or ([key] if key else [])


def place_forms(place: str) -> set[str]:
    """Ways an answer may name a place: in full, by its most specific unit, or that unit without its suffix
    (花都区 → 花都) when two or more characters remain."""
    units = place_units(place)
    forms = {match_key(place), *units[-1:]}
    short = _PLACE_SUFFIX.sub("", units[-1]) if units else ""
    if len(short) >= 2:
        forms.add(short)
    return {f for f in forms if f}


def places_named(text: str, known: Iterable[str]) -> list[str]:
    """The known places a text names, most specific first come: 广州市花都区 names 花都区, not also 广州市.

    `known` are place or issuer names (the indexed reports' issuers); a full issuer name in the text is
    taken as its last unit, then single units are looked for in full or without their suffix.
    """
    key, found = match_key(text), []
    names = sorted({match_key(k) for k in known if match_key(k)}, key=len, reverse=True)
    for name in names:
        units = place_units(name)
        if len(units) > 1 and name in key:
            found.append(units[-1])
            key = key.replace(name, " ")
    units = sorted({u for name in names for u in place_units(name)}, key=len, reverse=True)
    for unit in units:
        forms = sorted(place_forms(unit), key=len, reverse=True)
        if any(f in key for f in forms):
            found.append(unit)
            for form in forms:
                key = key.replace(form, " ")
    return list(dict.fromkeys(found))


def names_places(answer: str, places: Sequence[str]) -> float | None:
    """1.0 when the answer names every place the question is about (None when it is about none).

    A figure without its place is ambiguous once the answer is pasted elsewhere, and in a comparison it
    says nothing of which place has it.
    """
    if not places:
        return None
    key = answer_key(answer)
    return float(all(any(form in key for form in place_forms(place)) for place in places))


def llm_replaced(answer: Mapping) -> float | None:
    """Share of the LLM's sentences the bot's verification replaced, from the answer's own `verification`
    record ({"sentences": n, "replaced": m, ...}); None when the answer carries none or had no sentences."""
    record = answer.get("verification")
    if not isinstance(record, Mapping):
        return None
    sentences, replaced = record.get("sentences"), record.get("replaced")
    if not isinstance(sentences, int | float) or not isinstance(replaced, int | float) or sentences <= 0:
        return None
    return min(float(replaced), float(sentences)) / sentences


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


# --- summaries with bootstrap intervals --------------------------------------------------------------

CI_SUFFIX = ".ci95"  # flat key of a metric's interval: `answer.char_f1.ci95` → [low, high]
RESAMPLES = 2000
SEED = 15  # fixed: the same run scored twice gives the same intervals
# Per-question scores summarised by something other than their mean: score → ((reported name, statistic), ...).
SUMMARIES: dict[str, tuple[tuple[str, str], ...]] = {
    "answer.length": (("answer.length_median", "median"), ("answer.length_p90", "p90")),
    "answer.length_ratio": (("answer.length_ratio", "median"),),
}


def _p90(values: np.ndarray, axis: int | None = None) -> np.ndarray:
    return np.percentile(values, 90, axis=axis)


STATISTICS = {"mean": np.mean, "median": np.median, "p90": _p90}


def statistic(values: Sequence[float], name: str = "mean") -> float | None:
    """The named statistic (mean, median, p90) of the values; None for no values."""
    return float(STATISTICS[name](np.asarray(values, dtype=float))) if len(values) else None


def bootstrap_interval(
    values: Sequence[float], name: str = "mean", resamples: int = RESAMPLES, seed: int = SEED, level: float = 0.95
) -> tuple[float, float] | None:
    """Percentile bootstrap interval of a statistic over items (resampled with replacement).

    A type holds 8–30 questions, so one question moves a score by several points: the interval says
    which differences between types or runs are more than that noise. Deterministic for a given seed.
    """
    data = np.asarray(values, dtype=float)
    if not data.size:
        return None
    picks = np.random.default_rng(seed).integers(0, data.size, size=(resamples, data.size))
    estimates = STATISTICS[name](data[picks], axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(estimates, [tail, 100 - tail])
    return float(low), float(high)


def summarise_scores(rows: Sequence[Mapping[str, float | None]], prefix: str = "") -> dict[str, object]:
    """Each metric over the questions it applies to (mean, or the statistic SUMMARIES names), with its
    bootstrap interval under `<name>.ci95`; metrics that apply to none are left out."""
    out: dict[str, object] = {}
    for score in sorted({name for row in rows for name in row}):
        values = [v for row in rows if isinstance(v := row.get(score), int | float) and not isinstance(v, bool)]
        if not values:
            continue
        for name, stat in SUMMARIES.get(score, ((score, "mean"),)):
            low, high = bootstrap_interval(values, stat)
            out[f"{prefix}{name}"] = round(statistic(values, stat), 4)
            out[f"{prefix}{name}{CI_SUFFIX}"] = [round(low, 4), round(high, 4)]
    return out
