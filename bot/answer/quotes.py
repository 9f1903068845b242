"""Which sentences of a cited passage an answer rests on, so readers can check the claim at a glance.

An answer sentence citing [n] is matched to the passage sentence sharing most of its character
bigrams (after t2s conversion, so a simplified answer finds a traditional passage). Returned
sentences are exact substrings of the passage text, ready to be highlighted.
"""

from __future__ import annotations

from bot.text import MARKER, answer_sentences, bigrams, split_sentences


def cited_sentences(answer: str, n: int, passage: str, min_overlap: float = 0.3) -> list[str]:
    """The passage sentences that the answer's sentences citing [n] were drawn from, in passage order."""
    claims = _citing(answer, n)
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
            # a claim joining sentences ("…管理，共接待…2184人次"): each one it holds almost whole is drawn from too
            chosen |= {i for i, g in enumerate(grams) if len(g) >= _WHOLE_MIN and len(wanted & g) >= _HELD * len(g)}
    return [sentences[i] for i in sorted(chosen)]


_WHOLE_MIN = 6  # bigrams of a sentence short enough to be held by chance ("…。")
_HELD = 0.9  # the share of a sentence's bigrams a claim holds when it says the sentence


def _citing(answer: str, n: int) -> list[str]:
    """The pieces of the answer citing [n], markers removed: a piece ending in "；" is cited by the marker closing
    its sentence ("（一）…；（二）…；（三）…[1]。" is three pieces of [1], each highlighted, not only the last)."""
    claims: list[str] = []
    run: list[str] = []
    for piece in answer_sentences(answer):
        run.append(piece)
        markers = MARKER.findall(piece)
        if markers or not piece.rstrip().endswith(("；", ";")):
            claims += [MARKER.sub("", p) for p in run] if str(n) in markers else []
            run = []
    return claims
