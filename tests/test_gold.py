"""Consistency checks for the gold question-answer set (eval/gold.jsonl).

Stdlib + pytest only; no network.
"""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "gold.jsonl"
SEEDS = ROOT / "seeds"

FIELDS = {"id", "question", "answer", "doc", "evidence", "type", "answer_keywords"}
TYPES = {"fact", "number", "list", "multi_doc", "trad", "unanswerable", "time"}
MIN_ITEMS = 80


def _load_lines():
    return [ln for ln in GOLD.read_text(encoding="utf-8").splitlines() if ln.strip()]


def _load_items():
    return [json.loads(ln) for ln in _load_lines()]


def _docs(item):
    doc = item["doc"]
    if doc is None:
        return []
    return doc if isinstance(doc, list) else [doc]


_SEED_CACHE = {}


def _seed_text(name):
    if name not in _SEED_CACHE:
        _SEED_CACHE[name] = (SEEDS / name).read_text(encoding="utf-8")
    return _SEED_CACHE[name]


def test_gold_file_exists():
    assert GOLD.is_file(), f"missing {GOLD}"


def test_every_line_parses():
    for n, ln in enumerate(_load_lines(), 1):
        try:
            obj = json.loads(ln)
        except json.JSONDecodeError as exc:  # pragma: no cover - failure path
            pytest.fail(f"line {n} is not valid JSON: {exc}")
        assert isinstance(obj, dict), f"line {n} is not a JSON object"


def test_minimum_item_count():
    assert len(_load_items()) >= MIN_ITEMS


def test_exact_fields():
    for item in _load_items():
        assert set(item) == FIELDS, f"{item.get('id')}: fields {sorted(item)}"


def test_field_value_types():
    for item in _load_items():
        iid = item["id"]
        assert isinstance(iid, str) and iid, iid
        assert isinstance(item["question"], str) and item["question"].strip(), iid
        assert isinstance(item["answer"], str) and item["answer"].strip(), iid
        doc = item["doc"]
        assert (
            doc is None
            or isinstance(doc, str)
            or (isinstance(doc, list) and doc and all(isinstance(d, str) for d in doc))
        ), iid
        assert isinstance(item["evidence"], list), iid
        assert all(isinstance(e, str) for e in item["evidence"]), iid
        assert isinstance(item["answer_keywords"], list), iid
        assert all(isinstance(k, str) and k for k in item["answer_keywords"]), iid


def test_ids_unique():
    ids = [item["id"] for item in _load_items()]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"duplicate ids: {dupes}"


def test_types_allowed():
    for item in _load_items():
        assert item["type"] in TYPES, f"{item['id']}: bad type {item['type']!r}"


def test_doc_files_exist():
    for item in _load_items():
        for d in _docs(item):
            assert (SEEDS / d).is_file(), f"{item['id']}: no seed file {d}"


def test_evidence_length_and_verbatim():
    for item in _load_items():
        docs = _docs(item)
        for ev in item["evidence"]:
            assert 10 <= len(ev) <= 80, f"{item['id']}: evidence length {len(ev)}: {ev!r}"
            assert any(ev in _seed_text(d) for d in docs), (
                f"{item['id']}: evidence not found verbatim in {docs}: {ev!r}"
            )


def test_every_listed_doc_has_evidence():
    for item in _load_items():
        for d in _docs(item):
            text = _seed_text(d)
            assert any(ev in text for ev in item["evidence"]), f"{item['id']}: no evidence string comes from {d}"


def test_unanswerable_items():
    for item in _load_items():
        if item["type"] == "unanswerable":
            assert item["doc"] is None, item["id"]
            assert item["evidence"] == [], item["id"]
            assert item["answer_keywords"] == [], item["id"]


def test_answerable_items():
    for item in _load_items():
        if item["type"] != "unanswerable":
            assert item["doc"] is not None, item["id"]
            assert item["evidence"], f"{item['id']}: answerable item without evidence"
            assert 1 <= len(item["answer_keywords"]) <= 4, item["id"]


def test_multi_doc_items_list_several_docs():
    for item in _load_items():
        if item["type"] == "multi_doc":
            assert isinstance(item["doc"], list) and len(set(item["doc"])) >= 2, item["id"]
