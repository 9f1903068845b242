"""BM25 over jieba tokens of the simplified text, beside the vector store, changed one report at a time.

The index is made of segments, one per report (its chunk ids, token counts and filter fields). Adding,
replacing or removing a report adds or drops its segment only: postings gain the new chunks' slots, a
removed report's slots are masked out, and document frequencies move by that report's counts. BM25 is
scored at query time from the live statistics (the Lucene variant bm25s used, k1 1.5, b 0.75), so the
scores are those of a full rebuild without one. Dead slots are compacted from the segments in memory once
they outnumber the live ones; nothing is read again from Chroma.

On disk each segment is one JSON file and a manifest names them with the store generation they match,
so writing a change costs that report's size, not the archive's.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

K1, B = 1.5, 0.75
FORMAT = 2  # 1: one bm25s index rebuilt whole; 2: per-report segments
_MANIFEST = "manifest.json"
_MAX_PIECES = 32  # a token's postings are merged into one array once it has this many pieces


@dataclass(frozen=True)
class Segment:
    """One report's chunks as the keyword index holds them: the unit of change.

    `stamp` is the report's keyword version in the store (see `Store.put_document`): a segment whose stamp
    matches the store's record is current and is never read again.
    """

    doc: str
    stamp: str
    ids: tuple[str, ...]
    vocab: tuple[str, ...]  # the report's distinct tokens
    indptr: np.ndarray  # chunk i's (term, tf) entries are [indptr[i], indptr[i+1]) (numpy: a tenth of the memory)
    terms: np.ndarray  # index into `vocab`
    tfs: np.ndarray
    fields: dict[str, tuple]  # filter field → value per chunk

    @classmethod
    def of(cls, doc: str, stamp: str, ids: list[str], token_lists: list[list[str]], fields: dict[str, list]) -> Segment:
        vocab: dict[str, int] = {}
        indptr, terms, tfs = [0], [], []
        for tokens in token_lists:
            for token, tf in Counter(tokens or [""]).items():  # an empty chunk still has a length (as bm25s did)
                terms.append(vocab.setdefault(token, len(vocab)))
                tfs.append(tf)
            indptr.append(len(terms))
        frozen = {name: tuple(values) for name, values in fields.items()}
        arrays = (np.asarray(a, dtype=np.int32) for a in (indptr, terms, tfs))
        return cls(doc, stamp, tuple(ids), tuple(vocab), *arrays, fields=frozen)

    def to_json(self) -> dict:
        return {
            "doc": self.doc,
            "stamp": self.stamp,
            "ids": self.ids,
            "vocab": self.vocab,
            "indptr": self.indptr.tolist(),
            "terms": self.terms.tolist(),
            "tfs": self.tfs.tolist(),
            "fields": self.fields,
        }

    @classmethod
    def from_json(cls, data: dict) -> Segment:
        fields = {name: tuple(values) for name, values in data["fields"].items()}
        arrays = (np.asarray(data[key], dtype=np.int32) for key in ("indptr", "terms", "tfs"))
        return cls(data["doc"], data["stamp"], tuple(data["ids"]), tuple(data["vocab"]), *arrays, fields=fields)


class KeywordIndex:
    """Segments merged into slot arrays and per-token postings; safe to search while another thread changes it."""

    def __init__(self, generation: str, field_names: tuple[str, ...] = ()):
        self.generation = generation  # the store's generation token it matches
        self.field_names = field_names
        self._lock = threading.RLock()
        self._reset()

    def _reset(self) -> None:
        self.segments: dict[str, Segment] = {}
        self._vocab: dict[str, int] = {}
        self._slot_ids: list[str] = []
        self._slot_of: dict[str, int] = {}  # live chunk id → its slot
        self._lengths = np.zeros(0, dtype=np.float32)
        self._alive = np.zeros(0, dtype=bool)
        self._slots_of: dict[str, np.ndarray] = {}
        self._postings: dict[int, list[tuple[np.ndarray, np.ndarray]]] = {}
        self._df: Counter[int] = Counter()
        self._live, self._live_length = 0, 0.0
        self._values: dict[str, dict[object, set[int]]] = {name: {} for name in self.field_names}

    # -- change --------------------------------------------------------------------------------
    def put(self, segment: Segment) -> None:
        """Add a report's segment, replacing the one it had."""
        with self._lock:
            self.drop(segment.doc)
            start, n = len(self._slot_ids), len(segment.ids)
            slots = np.arange(start, start + n, dtype=np.int64)
            indptr = segment.indptr.astype(np.int64)
            tfs = segment.tfs.astype(np.float32)
            local = np.asarray([self._vocab.setdefault(t, len(self._vocab)) for t in segment.vocab], dtype=np.int64)
            terms = local[segment.terms] if len(segment.terms) else np.zeros(0, np.int64)
            owner = np.repeat(slots, np.diff(indptr))
            lengths = np.add.reduceat(tfs, indptr[:-1]) if len(tfs) else np.zeros(n, np.float32)
            self._slot_ids.extend(segment.ids)
            self._slot_of.update(zip(segment.ids, slots.tolist()))
            self._lengths = np.concatenate([self._lengths, lengths.astype(np.float32)])
            self._alive = np.concatenate([self._alive, np.ones(n, dtype=bool)])
            order = np.argsort(terms, kind="stable")
            bounds = np.flatnonzero(np.diff(terms[order])) + 1
            for group in np.split(order, bounds) if len(order) else []:
                token = int(terms[group[0]])
                pieces = self._postings.setdefault(token, [])
                pieces.append((owner[group], tfs[group]))
                if len(pieces) > _MAX_PIECES:  # bounded memory: thousands of tiny arrays cost more than their data
                    self._posting(token)
                self._df[token] += len(group)
            for name in self.field_names:
                for slot, value in zip(slots.tolist(), segment.fields.get(name, (None,) * n)):
                    self._values[name].setdefault(value, set()).add(slot)
            self.segments[segment.doc] = segment
            self._slots_of[segment.doc] = slots
            self._live += n
            self._live_length += float(lengths.sum())

    def drop(self, doc: str) -> bool:
        """Remove a report's segment (its slots are masked; compacted once most slots are dead)."""
        with self._lock:
            segment = self.segments.pop(doc, None)
            if segment is None:
                return False
            slots = self._slots_of.pop(doc)
            self._alive[slots] = False
            for cid in segment.ids:
                self._slot_of.pop(cid, None)
            self._live -= len(slots)
            self._live_length -= float(self._lengths[slots].sum())
            terms, counts = np.unique(segment.terms, return_counts=True)
            for term, count in zip(terms.tolist(), counts.tolist()):
                self._df[self._vocab[segment.vocab[term]]] -= count
            for name in self.field_names:
                for slot, value in zip(slots.tolist(), segment.fields.get(name, (None,) * len(slots))):
                    self._values[name].get(value, set()).discard(slot)
            if len(self._slot_ids) - self._live > max(1000, self._live):
                self._compact()
            return True

    def _compact(self) -> None:
        """Rebuild the slot arrays from the live segments (in memory: no store read)."""
        segments = list(self.segments.values())
        self._reset()
        for segment in segments:
            self.put(segment)

    # -- read ----------------------------------------------------------------------------------
    @property
    def ids(self) -> list[str]:
        """Live chunk ids."""
        with self._lock:
            return [cid for cid, alive in zip(self._slot_ids, self._alive) if alive]

    @property
    def stamps(self) -> dict[str, str]:
        with self._lock:
            return {doc: segment.stamp for doc, segment in self.segments.items()}

    def idf(self, token: str) -> float:
        """Inverse document frequency over chunks: rare words say more about what a question asks."""
        with self._lock:
            df = self._df.get(self._vocab.get(token, -1), 0)
            return math.log((self._live + 1) / (df + 0.5))

    def matching(self, fields: dict[str, object]) -> set[str] | None:
        """Ids whose fields equal all of `fields` (e.g. {"body": "成都市", "year": 2024}); None if one is not kept."""
        if not fields or any(name not in self.field_names for name in fields):
            return None
        with self._lock:
            found: set[int] | None = None
            for name, value in fields.items():
                slots = self._values[name].get(value, set())
                found = set(slots) if found is None else found & slots
            return {self._slot_ids[slot] for slot in found or ()}

    def _posting(self, token: int) -> tuple[np.ndarray, np.ndarray]:
        """A token's (slots, tfs), its pieces merged into one on first use after a change."""
        pieces = self._postings[token]
        if len(pieces) > 1:
            pieces[:] = [(np.concatenate([p[0] for p in pieces]), np.concatenate([p[1] for p in pieces]))]
        return pieces[0]

    def search(self, tokens: list[str], k: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        """Top-k (chunk id, score) with a positive score, restricted to `allowed` ids if given."""
        with self._lock:
            if not self._live or not tokens or k <= 0:
                return []
            scores = np.zeros(len(self._slot_ids), dtype=np.float32)
            average = self._live_length / self._live
            for token in tokens:  # a repeated query word counts again, as in bm25s
                tid = self._vocab.get(token)
                if tid is None or self._df[tid] <= 0:
                    continue
                slots, tfs = self._posting(tid)
                df = self._df[tid]
                idf = math.log(1 + (self._live - df + 0.5) / (df + 0.5))
                norm = K1 * ((1 - B) + B * self._lengths[slots] / average)
                scores[slots] += idf * tfs / (norm + tfs)
            if allowed is not None:
                mask = np.zeros(len(scores), dtype=bool)
                mask[[self._slot_of[c] for c in allowed if c in self._slot_of]] = True
            else:
                mask = self._alive
            candidates = np.flatnonzero(mask & (scores > 0))
            if len(candidates) > k:  # the k best without sorting the whole corpus
                candidates = candidates[np.argpartition(-scores[candidates], k - 1)[:k]]
            best = sorted(candidates.tolist(), key=lambda i: (-scores[i], self._slot_ids[i]))
            return [(self._slot_ids[i], float(scores[i])) for i in best]

    # -- disk ----------------------------------------------------------------------------------
    def save(self, folder: Path, changed: set[str] | None = None) -> None:
        """Write the segments of `changed` reports (all if None), drop removed ones, then the manifest last.

        The manifest is replaced atomically; a crash in between leaves segment files it does not name, or
        names stale stamps, which the store's stamp comparison repairs one report at a time.
        """
        with self._lock:
            segments_dir = folder / "segments"
            segments_dir.mkdir(parents=True, exist_ok=True)
            names = {doc: _file_name(doc) for doc in self.segments}
            for doc in self.segments if changed is None else changed & set(self.segments):
                _write(segments_dir / names[doc], json.dumps(self.segments[doc].to_json(), ensure_ascii=False))
            keep = set(names.values())
            for path in segments_dir.iterdir():
                if path.name not in keep:
                    path.unlink(missing_ok=True)
            manifest = {"format": FORMAT, "generation": self.generation, "fields": self.field_names, "docs": names}
            _write(folder / _MANIFEST, json.dumps(manifest, ensure_ascii=False))

    @classmethod
    def load(cls, folder: Path) -> KeywordIndex | None:
        """The saved index, or None if there is none or it was written by an older version."""
        try:
            manifest = json.loads((folder / _MANIFEST).read_text())
        except (OSError, ValueError):
            return None
        if manifest.get("format") != FORMAT:
            return None
        index = cls(manifest["generation"], tuple(manifest["fields"]))
        for name in manifest["docs"].values():
            try:
                index.put(Segment.from_json(json.loads((folder / "segments" / name).read_text())))
            except (OSError, ValueError, KeyError):
                index.generation = ""  # a segment lost: the store's stamp comparison fetches it again
        return index

    @staticmethod
    def clear(folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)


def _file_name(doc: str) -> str:
    return hashlib.sha1(doc.encode()).hexdigest()[:20] + ".json"


def _write(path: Path, text: str) -> None:
    """Write beside, then rename over: a reader never sees half a file."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)
