"""`python -m eval probe`: conversations asked turn by turn with the bot's own answers as history (eval/probe.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.text import match_key
from eval.cli import main
from eval.probe import Conversation, ProbeError, Turn, ask, changes, load_probe, right, tally

ROOT = Path(__file__).resolve().parents[1]
PROBES = sorted((ROOT / "eval" / "probes").glob("*.jsonl"))
PIECES = [ROOT / "seeds", ROOT / "tests" / "lookalike" / "reports", ROOT / "tests" / "lookalike" / "unseen"]


def _write(path: Path, *conversations: dict) -> Path:
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in conversations), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "Expecting property name"),
        ('{"id": "a", "turns": []}', "'turns' must be a non-empty list"),
        ('{"turns": [{"q": "x", "refuse": true}]}', "non-empty 'id'"),
        ('{"id": "a", "turns": [{"q": "x"}]}', "not both or neither"),
        ('{"id": "a", "turns": [{"q": "x", "expect": ["1件"], "refuse": true}]}', "not both or neither"),
        ('{"id": "a", "turns": [{"q": " ", "refuse": true}]}', "non-empty 'q'"),
    ],
)
def test_a_bad_probe_line_is_named(tmp_path, line, message):
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "ok", "turns": [{"q": "x", "refuse": true}]}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ProbeError) as raised:
        load_probe(path)
    assert f"{path}:2: " in str(raised.value) and message in str(raised.value)


def test_a_turn_is_right_by_its_keywords_or_its_refusal():
    figure, refusal = Turn("多少件", ("5652件",), False), Turn("东莞呢", (), True)
    assert right(figure, {"answer": "成都市2024年办理行政应诉案件5652件[1]。"})
    assert not right(figure, {"answer": "办理行政应诉案件652件[1]。"})  # a figure must start a figure
    assert not right(figure, {"answer": "", "refused": True})
    assert right(refusal, {"answer": "", "refused": True})
    assert not right(refusal, {"answer": "东莞市2024年……"})


class Echo:
    """Answers with the number of turns it was given as history, so the test sees what history each turn got."""

    def __init__(self):
        self.histories: list[list[dict] | None] = []

    def ask(self, question, history=None, filters=None, k=None):
        self.histories.append(history)
        if question == "boom":
            raise RuntimeError("model gone")
        return {"answer": f"{len(history or [])}件", "refused": False, "standalone": question}


def test_each_turn_gets_the_answers_before_it_as_history_and_a_failing_turn_is_a_miss():
    echo = Echo()
    conversation = Conversation(
        "c", (Turn("一", ("0件",), False), Turn("boom", ("2件",), False), Turn("三", ("4件",), False))
    )
    rows = ask(echo, conversation)
    assert echo.histories[0] is None
    assert echo.histories[2] == [
        {"role": "user", "content": "一"},
        {"role": "assistant", "content": "0件"},
        {"role": "user", "content": "boom"},
        {"role": "assistant", "content": ""},
    ]
    assert [r["right"] for r in rows] == [True, False, True] and rows[1]["error"] == "RuntimeError: model gone"
    assert tally(rows) == "turns 2/3 (answers 2/3, refusals 0/0)"


def test_changes_list_newly_wrong_turns_first():
    before = [
        {"id": "a", "turn": 1, "q": "q1", "answer": "x", "right": True},
        {"id": "a", "turn": 2, "q": "q2", "answer": "y", "right": False},
        {"id": "b", "turn": 1, "q": "q3", "answer": "z", "right": True},
    ]
    after = [
        {"id": "a", "turn": 1, "q": "q1", "answer": "x", "right": True},
        {"id": "a", "turn": 2, "q": "q2", "answer": "y2", "right": True},
        {"id": "b", "turn": 1, "q": "q3", "answer": "z2", "right": False},
    ]
    lines = changes(before, after)
    assert [line.split()[:2] for line in lines] == [["−", "b#1"], ["+", "a#2"]]
    assert "was: z\n    now: z2" in lines[0]


def test_the_probe_command_asks_through_the_chain_and_lists_what_changed(
    tmp_path, seeded, embed_cache, monkeypatch, capsys
):
    """End to end over the seeds (the `seeded` fixture has warmed the embedding cache): a follow-up is asked of
    the place its conversation is about, a place no report covers is refused."""
    monkeypatch.setenv("BOT_EMBED_CACHE", str(embed_cache))
    probe = _write(
        tmp_path / "probe.jsonl",
        {
            "id": "c1",
            "turns": [
                {"q": "成都2024年办理行政应诉案件多少件", "expect": ["5652件"]},
                {"q": "东莞2024年行政复议收了多少件", "refuse": True},
            ],
        },
    )
    out, data = tmp_path / "results.jsonl", tmp_path / "data"
    args = ["probe", str(probe), "--data", str(data), "--seeds", str(ROOT / "seeds"), "--out", str(out), "--quiet"]
    assert main(args) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["turn"], r["right"]) for r in rows] == [("c1", 1, True), ("c1", 2, True)], rows
    assert "probe.jsonl: turns 2/2 (answers 1/1, refusals 1/1)" in capsys.readouterr().out
    earlier = _write(tmp_path / "earlier.jsonl", *[{**rows[0], "answer": "没有", "right": False}, rows[1]])
    assert main([*args, "--against", str(earlier)]) == 0
    assert "+ c1#1 成都2024年办理行政应诉案件多少件\n    was: 没有" in capsys.readouterr().out
    assert main(["probe", str(tmp_path / "none.jsonl")]) == 2
    assert "none.jsonl: cannot read" in capsys.readouterr().err


_DATE = re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?")


def _dated(keyword: str, text: str) -> bool:
    """Whether a date keyword ("2024年1月4日") is the piece's own date written another way: its page line's
    "2024-01-04", or its month and day ("8月1日") in a piece of that year (an article's date resolved)."""
    date = _DATE.fullmatch(keyword)
    if not date:
        return False
    year, month, day = date.groups()
    if day and match_key(f"{year}-{int(month):02d}-{int(day):02d}") in text:  # the text read as match_key reads it
        return True
    return year in text and f"{month}月{f'{day}日' if day else ''}" in text


def test_the_committed_probes_load_and_every_keyword_is_in_a_report():
    """Each keyword is verbatim in one of the 15 pieces (read in simplified, glosses and punctuation aside), but
    a date resolved from an article's 今年, whose `why` says so, and a date the piece writes another way (`_dated`)."""
    texts = [match_key(p.read_text(encoding="utf-8")) for folder in PIECES for p in sorted(folder.glob("*.txt"))]
    assert PROBES and len(texts) == 15
    missing = []
    for path in PROBES:
        conversations = load_probe(path)
        whys = [
            t.get("why", "")
            for line in path.read_text(encoding="utf-8").splitlines()
            for t in json.loads(line)["turns"]
        ]
        turns = [t for c in conversations for t in c.turns]
        assert len(whys) == len(turns)
        for turn, why in zip(turns, whys, strict=True):
            missing += [
                (path.name, k)
                for k in turn.expect
                if not any(match_key(k) in t or _dated(k, t) for t in texts) and "今年" not in why
            ]
    assert not missing, missing
