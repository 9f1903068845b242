"""Consistency checks for the gold question-answer set (eval/gold.jsonl) and its schema (eval/gold.py).

No network; the evidence check reads the bundled seeds, raw and cleaned.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from eval.gold import GoldError, check_gold, load_gold, parse_item

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "gold.jsonl"
SEEDS = ROOT / "seeds"

FIELDS = {"id", "question", "answer", "doc", "evidence", "type", "answer_keywords"}
OPTIONAL = {"history", "parts", "place"}
OLD_TYPES = {"fact", "number", "list", "multi_doc", "trad", "unanswerable", "time"}
NEW_TYPES = {"comparison", "multipart", "rate", "report", "section", "summary", "multi_turn"}
TYPES = OLD_TYPES | NEW_TYPES
MIN_ITEMS = 190
# Issue #14/#15 acceptance: how many items each weak kind needs at least.
MIN_PER_TYPE = {
    "comparison": 10,
    "multipart": 8,
    "rate": 8,
    "report": 8,
    "section": 10,
    "summary": 5,
    "multi_turn": 8,
    "time": 15,
    "unanswerable": 22,
}


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
        assert FIELDS <= set(item) <= FIELDS | OPTIONAL, f"{item.get('id')}: fields {sorted(item)}"


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


def test_evidence_length():
    for item in _load_items():
        for ev in item["evidence"]:
            assert 10 <= len(ev) <= 80, f"{item['id']}: evidence length {len(ev)}: {ev!r}"


def test_evidence_verbatim_and_keywords_said():
    """Evidence is verbatim in its report (raw or cleaned), every listed report has some, every keyword is
    in the answer or the evidence: the same check as `python -m eval check-gold`."""
    assert check_gold(load_gold(GOLD), SEEDS) == []


def test_old_items_quote_the_raw_text():
    """q001-q119 were written against the raw seeds; they stay verbatim there (append-only file)."""
    for item in _load_items()[:119]:
        for ev in item["evidence"]:
            assert any(ev in _seed_text(d) for d in _docs(item)), f"{item['id']}: {ev!r}"


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


def test_ids_continue_in_order():
    ids = [item["id"] for item in _load_items()]
    assert ids == [f"q{n:03d}" for n in range(1, len(ids) + 1)]


def test_weak_kinds_are_covered():
    counts = Counter(item["type"] for item in _load_items())
    short = {t: counts[t] for t, n in MIN_PER_TYPE.items() if counts[t] < n}
    assert not short, short


def test_comparison_answers_name_both_places_and_figures():
    """A comparison's answer gives each place's figure (its part) and says which is larger."""
    for item in load_gold(GOLD):
        if item.type == "comparison":
            assert len(item.parts) >= 2 and len(item.place) >= 2, item.id
            for part in item.parts:
                assert all(k in item.answer for k in part), (item.id, part)
            assert any(w in item.answer for w in ("更多", "更高", "一样")), item.id


def test_multi_turn_follow_ups_are_short_and_need_history():
    for item in load_gold(GOLD):
        if item.type == "multi_turn":
            assert item.history and item.history[-1][0] == "assistant", item.id
            assert len(item.question) < len(item.history[0][1]), f"{item.id}: not a follow-up"


def test_new_questions_are_simplified():
    from bot.text import to_simplified

    for item in load_gold(GOLD):
        if item.type in NEW_TYPES:
            assert to_simplified(item.question) == item.question, item.id


# --- schema (eval/gold.py) ------------------------------------------------------------------------------

BASE = {
    "id": "x1",
    "question": "韶关和花都区哪个收到的行政复议申请更多?",
    "answer": "韶关830件,花都区786宗,韶关更多。",
    "doc": ["002_092cc53afba18b30.txt", "001_bfb673fb5af5df88.txt"],
    "evidence": ["全年共受理行政复议申请830件", "收到行政复议申请786宗"],
    "type": "comparison",
    "answer_keywords": ["830", "786"],
    "parts": [["830"], ["786"]],
    "place": ["韶关市", "花都区"],
}
TURNS = [["user", "韶关的人民调解成功率是多少?"], ["assistant", "99.58%。"]]


def test_new_fields_parse():
    item = parse_item(BASE)
    assert item.parts == (("830",), ("786",)) and item.place == ("韶关市", "花都区") and item.history == ()
    turn = parse_item({**BASE, "type": "multi_turn", "history": TURNS})
    assert turn.history == (("user", "韶关的人民调解成功率是多少?"), ("assistant", "99.58%。"))
    old = parse_item({k: v for k, v in BASE.items() if k not in OPTIONAL} | {"type": "number"})
    assert old.parts == () and old.history == () and old.place == ()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"parts": None}, "needs 'parts'"),
        ({"parts": [["830"]]}, "at least two keyword lists"),
        ({"parts": [["830"], []]}, "part 2 must be a non-empty list"),
        ({"parts": [["830"], ["787"]]}, "part 2: '787' not in 'answer_keywords'"),
        ({"place": []}, "'place' must be a non-empty list"),
        ({"place": "韶关市"}, "'place' must be a non-empty list"),
        ({"doc": "002_092cc53afba18b30.txt"}, "at least two files"),
        ({"history": TURNS}, "'history' is only for type multi_turn"),
        ({"type": "multi_turn"}, "needs 'history'"),
        ({"type": "multi_turn", "history": []}, "needs 'history'"),
        ({"type": "multi_turn", "history": [["user", "问"]]}, "must end with the assistant's turn"),
        ({"type": "multi_turn", "history": [["assistant", "答"]]}, "turn 1 has role 'assistant'"),
        ({"type": "multi_turn", "history": [["user", "问"], ["user", "问"]]}, "turn 2 has role 'user'"),
        ({"type": "multi_turn", "history": [["user", ""], ["assistant", "答"]]}, "turn 1 must be a [role, content]"),
        ({"type": "multi_turn", "history": ["问", "答"]}, "turn 1 must be a [role, content]"),
        ({"follow_up": True}, "unknown field(s) follow_up"),
        ({"type": "ranking"}, "'type' is 'ranking'"),
    ],
)
def test_new_fields_are_validated(tmp_path, change, message):
    obj = {k: v for k, v in {**BASE, **change}.items() if v is not None}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GoldError) as error:
        load_gold(path)
    assert str(error.value).startswith(f"{path}:1: ") and message in str(error.value)


def test_check_gold_reports_each_problem(tmp_path):
    good = parse_item(BASE)
    bad = parse_item(
        {
            **BASE,
            "evidence": ["全年共受理行政复议申请831件", "收到行政复议申请786宗"],
            "answer_keywords": ["830", "786", "99%"],
            "parts": [["830"], ["786"]],
        }
    )
    assert check_gold([good], SEEDS) == []
    problems = check_gold([bad], SEEDS)
    assert any("evidence not verbatim" in p and "831" in p for p in problems)
    assert any("no evidence string comes from 002_092cc53afba18b30.txt" in p for p in problems)
    assert any("keyword '99%'" in p for p in problems)
    from_clean = ["全年共受理行政复议申请830件，调解和解行政纠纷208件", "收到行政复议申请786宗"]
    cleaned = parse_item({**BASE, "evidence": from_clean})
    assert check_gold([cleaned], SEEDS) == []  # quoted from the cleaned text (full-width comma)
    missing = parse_item({**BASE, "doc": ["nope.txt", "001_bfb673fb5af5df88.txt"]})
    assert any("no readable report nope.txt" in p for p in check_gold([missing], SEEDS))


def test_multi_doc_items_list_several_docs():
    for item in _load_items():
        if item["type"] == "multi_doc":
            assert isinstance(item["doc"], list) and len(set(item["doc"])) >= 2, item["id"]
