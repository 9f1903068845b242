"""Near-duplicate reports: the same report scraped twice or re-published under another name.

Copies differ in page chrome (menus, share buttons, visit counters), in script (traditional vs simplified)
and in whitespace, so a fingerprint is taken of the simplified text without spaces or punctuation. Reports
of different places and years share most of their wording (法治政府建设 reports follow one template), so the
wording alone would merge look-alikes: their figures and place names must agree too. A fingerprint holds
three kinds of hashes: character shingles of the wording, the figures, and the place-like three-character
windows ending in 市/区/县 counted by occurrence (广州市 said nine times weighs nine); the similarity is the
lowest of the three Jaccard indexes.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter, defaultdict
from itertools import combinations

from bot.text import NUMBER, match_key, normalize_width, strip_glosses, to_simplified

_SHINGLE = 5  # characters; 5 keeps template look-alikes below copies (measured on the seeds, see tests)
# One frozenset carries all three kinds: shingles below 2**32, figures and places tagged above it.
_FIGURE, _PLACE = 1 << 32, 2 << 32
_PLACE_WINDOW = re.compile(r"(?=([\u4e00-\u9fff]{2}[市区县]))")
THRESHOLD = 0.8


def _hash(text: str) -> int:
    """A stable hash (Python's `hash` of a str changes from one process to the next)."""
    return zlib.crc32(text.encode("utf-8"))


def _specifics(text: str) -> tuple[set[str], set[str]]:
    """The figures, and the place-like windows by occurrence: what a look-alike changes in the template."""
    plain = to_simplified(normalize_width(strip_glosses(text)))
    figures = {n.replace(",", "") for n in NUMBER.findall(plain)}
    places = Counter(_PLACE_WINDOW.findall(plain))
    return figures, {f"{place}#{k}" for place, count in places.items() for k in range(count)}


def fingerprint(text: str) -> frozenset[int]:
    """Hashed 5-character shingles of the match key, plus hashed figures and places (tagged above 2**32)."""
    key = match_key(text)
    shingles = {_hash(key[i : i + _SHINGLE]) for i in range(max(1, len(key) - _SHINGLE + 1))} if key else set()
    figures, places = _specifics(text)
    return frozenset(shingles | {_FIGURE | _hash(f) for f in figures} | {_PLACE | _hash(p) for p in places})


def _jaccard(a: set[int] | frozenset[int], b: set[int] | frozenset[int]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _split(fp: frozenset[int]) -> tuple[set[int], ...]:
    """Wording, figures, places."""
    kinds: tuple[set[int], ...] = (set(), set(), set())
    for h in fp:
        kinds[h >> 32].add(h)
    return kinds


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """The lowest Jaccard index of wording, figures and places: copies agree on all three."""
    return min(_jaccard(x, y) for x, y in zip(_split(a), _split(b)))


def _similar(a: tuple[set[int], ...], b: tuple[set[int], ...], threshold: float) -> bool:
    """`similarity` ≥ threshold, on split fingerprints, the small kinds first: a look-alike's figures and places
    differ, so most pairs are settled without comparing their wording."""
    return all(_jaccard(a[k], b[k]) >= threshold for k in (1, 2, 0))


def _candidates(kinds: dict[str, tuple[set[int], ...]], threshold: float) -> set[tuple[str, str]]:
    """Pairs that may reach `threshold` on their figures, by prefix filtering: order each document's figure
    hashes rarest first (across all documents); two sets with Jaccard ≥ t share one of their first
    |x| − ⌈t·|x|⌉ + 1. A look-alike's figures are perturbed, so its rarest ones are its own and it meets only
    its copies: candidates grow with copies, not with the square of the archive (1,005 reports sharing five
    templates: 100,500 pairs by shared wording samples, 45 s to settle)."""
    figures = {doc: parts[1] for doc, parts in kinds.items()}
    frequency = Counter(h for hashes in figures.values() for h in hashes)
    postings: dict[int, list[str]] = defaultdict(list)
    pairs: set[tuple[str, str]] = set(combinations(sorted(d for d, f in figures.items() if not f), 2))  # none
    for doc in sorted(figures):
        ordered = sorted(figures[doc], key=lambda h: (frequency[h], h))
        for h in ordered[: len(ordered) - math.ceil(threshold * len(ordered) - 1e-9) + 1]:
            pairs.update((min(doc, other), max(doc, other)) for other in postings[h])
            postings[h].append(doc)
    return pairs


def group(fingerprints: dict[str, frozenset[int]], threshold: float = THRESHOLD) -> dict[str, str]:
    """Each alias → its canonical doc (the earliest name among its copies); canonical docs are not keys."""
    parent = {doc: doc for doc in fingerprints}

    def root(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    kinds = {doc: _split(fp) for doc, fp in fingerprints.items()}
    for x, y in sorted(_candidates(kinds, threshold)):
        if _similar(kinds[x], kinds[y], threshold):
            rx, ry = root(x), root(y)
            parent[max(rx, ry)] = min(rx, ry)
    return {doc: root(doc) for doc in sorted(fingerprints) if root(doc) != doc}
