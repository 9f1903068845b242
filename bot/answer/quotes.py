"""Which sentences of a cited passage an answer rests on, so readers can check the claim at a glance.

An answer sentence citing [n] is matched to the passage sentence sharing most of its character
bigrams (after t2s conversion, so a simplified answer finds a traditional passage). Returned
sentences are exact substrings of the passage text, ready to be highlighted.
"""

from __future__ import annotations

from bot.text import MARKER, answer_sentences, bigrams, split_sentences


def cited_sentences(answer: str, n: int, passage: str, min_overlap: float = 0.3) -> list[str]:
    """The passage sentences that the answer's sentences citing [n] were drawn from, in passage order."""
    claims = [MARKER.sub("", sentence) for sentence in answer_sentences(answer) if str(n) in MARKER.findall(sentence)]
    sentences = [s.strip() for s in split_sentences(passage) if s.strip()]
    grams = [bigrams(s) for s in sentences]
    chosen: set[int] = set()
    for claim in claims:
        wanted = bigrams(claim)
        if not wanted or not sentences:
            continue
        scores = [len(wanted & g) / len(wanted) for g in grams]
        best = max(range(len(sentences)), key=lambda i: scores[i])
        if scores[best] >= min_overlap:
            chosen.add(best)
    return [sentences[i] for i in sorted(chosen)]
