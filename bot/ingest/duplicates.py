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


def _candidates(fingerprints: dict[str, frozenset[int]], threshold: float) -> set[tuple[str, str]]:
    """Pairs sharing enough of a 1-in-16 sample of their hashes (all of a short text's) to possibly match.

    A sample by hash value is the same sample in every document, so its Jaccard estimates the full one;
    the margin keeps sampling noise from losing a pair, and the exact similarity decides.
    """
    samples = {doc: {h for h in fp if h % 16 == 0 or len(fp) < 256} for doc, fp in fingerprints.items()}
    postings: dict[int, list[str]] = defaultdict(list)
    for doc, sample in samples.items():
        for h in sample:
            postings[h].append(doc)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for docs in postings.values():
        for pair in combinations(sorted(docs), 2):
            shared[pair] += 1
    margin = max(0.0, threshold - 0.25)
    return {(x, y) for (x, y), n in shared.items() if n / max(1, len(samples[x] | samples[y])) >= margin}


def group(fingerprints: dict[str, frozenset[int]], threshold: float = THRESHOLD) -> dict[str, str]:
    """Each alias → its canonical doc (the earliest name among its copies); canonical docs are not keys."""
    parent = {doc: doc for doc in fingerprints}

    def root(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    for x, y in sorted(_candidates(fingerprints, threshold)):
        if similarity(fingerprints[x], fingerprints[y]) >= threshold:
            rx, ry = root(x), root(y)
            parent[max(rx, ry)] = min(rx, ry)
    return {doc: root(doc) for doc in sorted(fingerprints) if root(doc) != doc}
