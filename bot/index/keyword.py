"""BM25 over jieba tokens of the simplified text, beside the vector store.

The index is derived data: it is rebuilt from the chunks in Chroma whenever the store's
fingerprint changes, so an interrupted run or another replica's change can never leave it stale.
"""

from __future__ import annotations

import json
import math
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

_STOPWORDS = frozenset(
    "的 了 和 与 及 等 是 在 对 为 以 将 并 也 把 被 其 之 于 或 由 从 向 中 上 下 个 年 有 我 各 "
    "多少 哪些 什么 怎么 如何 几 吗 呢 请问 请 关于 一 二 三 年度 情况 有关 哪 是否 这 那".split()
)
_WORD = re.compile(r"\w", re.UNICODE)


@lru_cache(maxsize=1)
def segmenter():
    """jieba, initialised once and quiet."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


def tokenize(text_s: str) -> list[str]:
    """Search-mode jieba tokens of simplified text, lower-cased, without punctuation and stopwords."""
    return [
        token.lower()
        for token in segmenter().cut_for_search(text_s)
        if _WORD.search(token) and token not in _STOPWORDS and token.strip()
    ]


def words(text_s: str) -> list[str]:
    """Precise-mode jieba words of simplified text, without punctuation and stopwords: what a question asks."""
    return [
        word.lower()
        for word in segmenter().lcut(text_s)
        if _WORD.search(word) and word not in _STOPWORDS and word.strip()
    ]


@dataclass
class KeywordIndex:
    ids: list[str]
    fingerprint: str
    df: dict[str, int] = field(default_factory=dict)
    _bm25: object | None = None
    # Filterable metadata per chunk, aligned with `ids` ({"body": [...], "year": [...]}), so a filtered search
    # finds its chunks in memory instead of scanning Chroma's metadata (100+ ms at 100k chunks).
    fields: dict[str, list] = field(default_factory=dict)
    _postings: dict = field(default_factory=dict, repr=False)
    _pos: dict[str, int] | None = field(default=None, repr=False)

    @classmethod
    def build(
        cls, ids: list[str], token_lists: list[list[str]], fingerprint: str, fields: dict[str, list] | None = None
    ) -> KeywordIndex:
        import bm25s

        bm25 = None
        if ids:
            bm25 = bm25s.BM25()
            bm25.index([tokens or [""] for tokens in token_lists], show_progress=False)
        df = Counter(token for tokens in token_lists for token in set(tokens))
        return cls(ids=list(ids), fingerprint=fingerprint, df=dict(df), _bm25=bm25, fields=fields or {})

    def matching(self, where: dict) -> set[str] | None:
        """Ids whose fields equal a Chroma `where` of equality clauses (and `$and` of them); None for anything else."""
        positions = self._match(where)
        return None if positions is None else {self.ids[i] for i in positions}

    def _match(self, where: dict) -> np.ndarray | None:
        if set(where) == {"$and"} and isinstance(where["$and"], list):
            parts = [self._match(clause) for clause in where["$and"]]
            if not parts or any(p is None for p in parts):
                return None
            found = parts[0]
            for part in parts[1:]:
                found = np.intersect1d(found, part, assume_unique=True)
            return found
        if len(where) != 1:
            return None
        ((key, value),) = where.items()
        if isinstance(value, dict):
            if set(value) != {"$eq"}:
                return None
            value = value["$eq"]
        if key not in self.fields or isinstance(value, dict | list):
            return None
        if key not in self._postings:
            postings: dict = {}
            for i, v in enumerate(self.fields[key]):
                postings.setdefault(v, []).append(i)
            self._postings[key] = {v: np.asarray(p, dtype=np.int64) for v, p in postings.items()}
        return self._postings[key].get(value, np.zeros(0, dtype=np.int64))

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
        meta = {"fingerprint": self.fingerprint, "ids": self.ids, "df": self.df, "fields": self.fields}
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
        if "df" not in info or "fields" not in info:  # written by an older version: rebuild
            return None
        bm25 = bm25s.BM25.load(str(folder), show_progress=False) if info["ids"] else None
        fields = info["fields"]
        return cls(ids=info["ids"], fingerprint=info["fingerprint"], df=info["df"], _bm25=bm25, fields=fields)

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
