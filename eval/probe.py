"""Probe sets: conversations asked turn by turn, the bot's own answers kept as their history, each turn right or wrong.

A gold item (eval/gold.jsonl) fixes a follow-up's earlier turns, so it measures one answer. A probe asks every
turn of a conversation and passes the answers it got back as the history, the way the web UI does: a turn that
goes wrong takes its conversation's later turns with it, as it does for a user. Probe sets are written from the
reports by someone who has not read the bot's rules, kept under eval/probes/ so a new machine does not lose them,
and scored apart from the gold set: they are not held out, and their keywords are rougher than the gold's.

A line of a probe file is one conversation (a single question is a conversation of one turn):
    {"id": "p20c01", "turns": [{"q": "…", "expect": ["786宗"], "refuse": false, "why": "…"}, …]}
A turn is right when it refuses exactly when `refuse` is true and, when it answers, says every `expect` keyword
(scored by eval.metrics, never by the bot's own checks).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import metrics as m
from .harness import AnswererLike, as_json


class ProbeError(ValueError):
    """A probe file that cannot be asked; the message names the file and line."""


@dataclass(frozen=True)
class Turn:
    question: str
    expect: tuple[str, ...]
    refuse: bool


@dataclass(frozen=True)
class Conversation:
    id: str
    turns: tuple[Turn, ...]


def _turn(obj: object) -> Turn:
    if not isinstance(obj, dict) or not isinstance(obj.get("q"), str) or not obj["q"].strip():
        raise ValueError("a turn must be an object with a non-empty 'q'")
    expect, refuse = obj.get("expect", []), obj.get("refuse", False)
    if not isinstance(expect, list) or not all(isinstance(k, str) and k.strip() for k in expect):
        raise ValueError("'expect' must be a list of non-empty strings")
    if not isinstance(refuse, bool) or refuse == bool(expect):
        raise ValueError("a turn either expects keywords or has 'refuse': true, not both or neither")
    return Turn(obj["q"].strip(), tuple(expect), refuse)


def load_probe(path: Path) -> list[Conversation]:
    """The conversations of one probe file; a bad line raises ProbeError naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ProbeError(f"{path}: cannot read ({exc.strerror or exc})") from None
    conversations: list[Conversation] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict) or not isinstance(obj.get("id"), str) or not obj["id"].strip():
                raise ValueError("a conversation must be an object with a non-empty 'id'")
            if not isinstance(obj.get("turns"), list) or not obj["turns"]:
                raise ValueError("'turns' must be a non-empty list")
            conversations.append(Conversation(obj["id"], tuple(_turn(t) for t in obj["turns"])))
        except ValueError as exc:  # json.JSONDecodeError is one
            raise ProbeError(f"{path}:{number}: {exc}") from None
    if not conversations:
        raise ProbeError(f"{path}: no conversations")
    return conversations


def right(turn: Turn, answer: dict) -> bool:
    """A refusal where one is due; else an answer saying every expected keyword."""
    if m.is_refusal(answer):
        return turn.refuse
    return not turn.refuse and m.keyword_accuracy(answer.get("answer", "") or "", turn.expect) == 1.0


def ask(answerer: AnswererLike, conversation: Conversation) -> list[dict]:
    """Each turn asked with the answers before it as history (as the web UI keeps them), scored."""
    history: list[dict] = []
    rows = []
    for n, turn in enumerate(conversation.turns, start=1):
        try:
            answer = as_json(answerer.ask(turn.question, list(history) or None))
        except Exception as exc:  # one failing turn is a miss, not the end of the probe
            answer = {"answer": "", "refused": False, "error": f"{type(exc).__name__}: {exc}"}
        text = answer.get("answer", "") or ""
        rows.append(
            {
                "id": conversation.id,
                "turn": n,
                "q": turn.question,
                "standalone": answer.get("standalone", ""),
                "answer": text,
                "expect": list(turn.expect),
                "refuse": turn.refuse,
                "right": right(turn, answer),
                **({"error": answer["error"]} if answer.get("error") else {}),
            }
        )
        history += [{"role": "user", "content": turn.question}, {"role": "assistant", "content": text}]
    return rows


def tally(rows: Sequence[dict]) -> str:
    """One probe file's rows in a line: "turns 144/160 (answers 110/120, refusals 34/40)"."""
    answers = [r for r in rows if not r["refuse"]]
    refusals = [r for r in rows if r["refuse"]]
    return (
        f"turns {sum(r['right'] for r in rows)}/{len(rows)} "
        f"(answers {sum(r['right'] for r in answers)}/{len(answers)}, "
        f"refusals {sum(r['right'] for r in refusals)}/{len(refusals)})"
    )


def changes(before: Iterable[dict], after: Iterable[dict]) -> list[str]:
    """The turns whose verdict or answer changed between two result files, newly right ones marked +, newly wrong
    ones −, the rest ~, so a change's cost is read before its gain."""
    old = {(r["id"], r["turn"]): r for r in before}
    lines = []
    for row in after:
        was = old.get((row["id"], row["turn"]))
        if was is None or (was["right"], was["answer"]) == (row["right"], row["answer"]):
            continue
        mark = "~" if was["right"] == row["right"] else ("+" if row["right"] else "−")
        lines.append(f"{mark} {row['id']}#{row['turn']} {row['q']}\n    was: {was['answer']}\n    now: {row['answer']}")
    return sorted(lines, key=lambda line: "−~+".index(line[0]))


def read_results(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        raise ProbeError(f"{path}: not a probe results file ({exc})") from None
