"""BM25 over jieba tokens of the simplified text, beside the vector store.

The index is derived data: it is rebuilt from the chunks in Chroma whenever the store's
generation changes, so an interrupted run or another replica's change can never leave it stale.
"""

from __future__ import annotations

import json
import math
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np


@dataclass
class KeywordIndex:
    ids: list[str]
    generation: str  # the store's generation token it was built from
    df: dict[str, int] = field(default_factory=dict)
    _bm25: object | None = None
    # Filterable metadata per chunk, aligned with `ids` ({"body": [...], "year": [...]}), so a filtered search
    # finds its chunks in memory instead of scanning Chroma's metadata (100+ ms at 100k chunks).
    fields: dict[str, list] = field(default_factory=dict)
    _postings: dict = field(default_factory=dict, repr=False)
    _pos: dict[str, int] | None = field(default=None, repr=False)

    @classmethod
    def build(
        cls, ids: list[str], token_lists: list[list[str]], generation: str, fields: dict[str, list] | None = None
    ) -> KeywordIndex:
        import bm25s

        bm25 = None
        if ids:
            bm25 = bm25s.BM25()
            bm25.index([tokens or [""] for tokens in token_lists], show_progress=False)
        df = Counter(token for tokens in token_lists for token in set(tokens))
        return cls(ids=list(ids), generation=generation, df=dict(df), _bm25=bm25, fields=fields or {})

    def matching(self, fields: dict[str, object]) -> set[str] | None:
        """Ids whose fields equal all of `fields` (e.g. {"body": "成都市", "year": 2024}); None if one is not kept."""
        if not fields or any(name not in self.fields for name in fields):
            return None
        found: np.ndarray | None = None
        for name, value in fields.items():
            positions = self._postings_of(name).get(value, np.zeros(0, dtype=np.int64))
            found = positions if found is None else np.intersect1d(found, positions, assume_unique=True)
        return {self.ids[i] for i in found} if found is not None else set()

    def _postings_of(self, name: str) -> dict[object, np.ndarray]:
        """Positions of each value of a field, built on first use."""
        if name not in self._postings:
            postings: dict = {}
            for i, value in enumerate(self.fields[name]):
                postings.setdefault(value, []).append(i)
            self._postings[name] = {value: np.asarray(p, dtype=np.int64) for value, p in postings.items()}
        return self._postings[name]

    def idf(self, token: str) -> float:
        """Inverse document frequency over chunks: rare words say more about what a question asks."""
        return math.log((len(self.ids) + 1) / (self.df.get(token, 0) + 0.5))

    def save(self, folder: Path) -> None:
        """Write to a fresh folder, then swap it in, so a crash never leaves half an index."""
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if self._bm25 is not None:
            self._bm25.save(str(tmp), show_progress=False)
        meta = {"generation": self.generation, "ids": self.ids, "df": self.df, "fields": self.fields}
        (tmp / "ids.json").write_text(json.dumps(meta, ensure_ascii=False))
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> KeywordIndex | None:
        meta = folder / "ids.json"
        if not meta.exists():
            return None
        import bm25s

        info = json.loads(meta.read_text())
        if not {"df", "fields", "generation"} <= set(info):  # written by an older version: rebuild
            return None
        bm25 = bm25s.BM25.load(str(folder), show_progress=False) if info["ids"] else None
        fields = info["fields"]
        return cls(ids=info["ids"], generation=info["generation"], df=info["df"], _bm25=bm25, fields=fields)

    def search(self, tokens: list[str], k: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        """Top-k (chunk id, score) with a positive score, restricted to `allowed` ids if given."""
        if self._bm25 is None or not tokens:
            return []
        scores = np.asarray(self._bm25.get_scores(tokens))
        if allowed is not None:
            if self._pos is None:
                self._pos = {cid: i for i, cid in enumerate(self.ids)}
            candidates = np.fromiter((self._pos[c] for c in allowed if c in self._pos), dtype=np.int64)
        else:
            candidates = np.arange(len(scores))
        candidates = candidates[scores[candidates] > 0]
        if k <= 0 or not len(candidates):
            return []
        if len(candidates) > k:  # the k best without sorting the whole corpus
            candidates = candidates[np.argpartition(-scores[candidates], k - 1)[:k]]
        best = sorted(candidates.tolist(), key=lambda i: (-scores[i], i))
        return [(self.ids[i], float(scores[i])) for i in best]
