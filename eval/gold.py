"""Read and validate a gold question set (JSON lines), so a bad line fails with its number, not a traceback."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

TYPES = (
    "fact",
    "number",
    "list",
    "multi_doc",
    "trad",
    "unanswerable",
    "time",
    "comparison",
    "multipart",
    "rate",
    "report",
    "section",
    "summary",
    "multi_turn",
)
FIELDS = ("id", "question", "answer", "doc", "evidence", "type", "answer_keywords")
OPTIONAL = ("history", "parts", "place", "source")
# Items drafted from the conversation log (`python -m eval candidates`) say so: "log:<answer id>".
FROM_LOG = "log:"
ROLES = ("user", "assistant")
# Kinds whose question has several parts a grader checks one by one: without `parts` they cannot be scored.
NEEDS_PARTS = ("comparison", "multipart")


class GoldError(ValueError):
    """A gold file that cannot be evaluated; the message names the file and line."""


@dataclass(frozen=True)
class GoldItem:
    id: str
    question: str
    answer: str
    docs: tuple[str, ...]
    evidence: tuple[str, ...]
    type: str
    answer_keywords: tuple[str, ...]
    history: tuple[tuple[str, str], ...] = ()
    parts: tuple[tuple[str, ...], ...] = ()
    place: tuple[str, ...] = ()
    source: str = ""

    @property
    def answerable(self) -> bool:
        return bool(self.docs)


def _str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _history(obj: dict) -> tuple[tuple[str, str], ...]:
    """Earlier turns of a multi_turn item: user and assistant alternate, starting with the user and ending
    with the assistant's answer, so the item's `question` is the user's next (follow-up) turn."""
    value = obj.get("history")
    if obj["type"] != "multi_turn":
        if value is not None:
            raise ValueError("'history' is only for type multi_turn")
        return ()
    if not isinstance(value, list) or not value:
        raise ValueError("a multi_turn item needs 'history': a non-empty list of [role, content] pairs")
    turns = []
    for n, turn in enumerate(value, start=1):
        if not (isinstance(turn, list) and len(turn) == 2 and _str_list(turn)):
            raise ValueError(f"'history' turn {n} must be a [role, content] pair of non-empty strings")
        expected = ROLES[(n - 1) % 2]
        if turn[0] != expected:
            raise ValueError(f"'history' turn {n} has role {turn[0]!r}, expected {expected!r} (turns alternate)")
        turns.append((turn[0], turn[1]))
    if turns[-1][0] != "assistant":
        raise ValueError("'history' must end with the assistant's turn; the follow-up is the item's question")
    return tuple(turns)


def _parts(obj: dict) -> tuple[tuple[str, ...], ...]:
    """Keyword lists, one per part of the question; each keyword also scores the whole answer."""
    value = obj.get("parts")
    if value is None:
        if obj["type"] in NEEDS_PARTS:
            raise ValueError(f"a {obj['type']} item needs 'parts' (one keyword list per part)")
        return ()
    if not isinstance(value, list) or len(value) < 2:
        raise ValueError("'parts' must be a list of at least two keyword lists")
    for n, part in enumerate(value, start=1):
        if not _str_list(part) or not part:
            raise ValueError(f"'parts' part {n} must be a non-empty list of non-empty strings")
        stray = [k for k in part if k not in obj["answer_keywords"]]
        if stray:
            raise ValueError(f"'parts' part {n}: {', '.join(map(repr, stray))} not in 'answer_keywords'")
    return tuple(tuple(part) for part in value)


def _place(obj: dict) -> tuple[str, ...]:
    value = obj.get("place")
    if value is None:
        return ()
    if not _str_list(value) or not value:
        raise ValueError("'place' must be a non-empty list of place names")
    return tuple(value)


def parse_item(obj: object) -> GoldItem:
    """One gold item; raises ValueError saying what is wrong with it."""
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    missing = [f for f in FIELDS if f not in obj]
    if missing:
        raise ValueError(f"missing field(s) {', '.join(missing)}")
    unknown = sorted(set(obj) - set(FIELDS) - set(OPTIONAL))
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)}; optional ones are {', '.join(OPTIONAL)}")
    for name in ("id", "question", "answer"):
        if not isinstance(obj[name], str) or not obj[name].strip():
            raise ValueError(f"'{name}' must be a non-empty string")
    if obj["type"] not in TYPES:
        raise ValueError(f"'type' is {obj['type']!r}, expected one of {', '.join(TYPES)}")
    doc = obj["doc"]
    if doc is None:
        docs: tuple[str, ...] = ()
    elif isinstance(doc, str) and doc.strip():
        docs = (doc,)
    elif _str_list(doc) and doc:
        docs = tuple(doc)
    else:
        raise ValueError("'doc' must be null, a file name or a non-empty list of file names")
    for name in ("evidence", "answer_keywords"):
        if not _str_list(obj[name]):
            raise ValueError(f"'{name}' must be a list of non-empty strings")
    if (obj["type"] == "unanswerable") != (not docs):
        raise ValueError("'doc' must be null exactly when 'type' is unanswerable")
    if docs and not obj["evidence"]:
        raise ValueError("an answerable item needs at least one evidence string")
    if obj["type"] == "comparison" and len(set(docs)) < 2:
        raise ValueError("a comparison item compares reports: 'doc' must list at least two files")
    return GoldItem(
        id=obj["id"],
        question=obj["question"].strip(),
        answer=obj["answer"],
        docs=docs,
        evidence=tuple(obj["evidence"]),
        type=obj["type"],
        answer_keywords=tuple(obj["answer_keywords"]),
        history=_history(obj),
        parts=_parts(obj),
        place=_place(obj),
        source=_source(obj),
    )


def _source(obj: dict) -> str:
    value = obj.get("source", "")
    if not isinstance(value, str):
        raise ValueError("'source' must be a string (e.g. log:<answer id>)")
    return value


def load_gold(path: Path) -> list[GoldItem]:
    """All items of a gold file; GoldError on the first bad line (blank lines are skipped)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise GoldError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from None
    items: list[GoldItem] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = parse_item(json.loads(line))
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{number}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        except ValueError as exc:
            raise GoldError(f"{path}:{number}: {exc}") from None
        if item.id in seen:
            raise GoldError(f"{path}:{number}: duplicate id {item.id!r} (first on line {seen[item.id]})")
        seen[item.id] = number
        items.append(item)
    if not items:
        raise GoldError(f"{path}: no questions")
    return items


def _report_texts(seeds: Path, name: str, cache: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """A report as scraped and as cleaned: evidence may be copied from either (older items quote the raw
    text with its glosses and ASCII punctuation, newer ones the cleaned text the bot cites)."""
    if name not in cache:
        from bot.ingest.clean import clean_text

        try:
            raw = (seeds / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        cache[name] = (raw, clean_text(raw))
    return cache[name]


def item_problems(item: GoldItem, seeds: Path, cache: dict[str, tuple[str, str]] | None = None) -> list[str]:
    """What makes an item unscorable against the reports: evidence not verbatim in one of its reports, a
    report with no evidence from it, a keyword found in neither the answer nor the evidence."""
    from bot.text import match_key

    cache = {} if cache is None else cache
    problems: list[str] = []
    texts = {}
    for name in item.docs:
        found = _report_texts(seeds, name, cache)
        if found is None:
            problems.append(f"{item.id}: no readable report {name} in {seeds}")
        else:
            texts[name] = found
    for ev in item.evidence:
        if texts and not any(ev in raw or ev in clean for raw, clean in texts.values()):
            problems.append(f"{item.id}: evidence not verbatim in {', '.join(item.docs)}: {ev!r}")
    for name, (raw, clean) in texts.items():
        if not any(ev in raw or ev in clean for ev in item.evidence):
            problems.append(f"{item.id}: no evidence string comes from {name}")
    evidence = [match_key(ev) for ev in item.evidence]
    said = [match_key(item.answer), *evidence]
    for keyword in item.answer_keywords:
        if not any(match_key(keyword) in text for text in said):
            problems.append(f"{item.id}: keyword {keyword!r} is in neither the answer nor the evidence")
        elif item.source.startswith(FROM_LOG) and not any(match_key(keyword) in text for text in evidence):
            # A drafted item's keywords come from its answer: only the evidence can show the report holds them.
            problems.append(f"{item.id}: keyword {keyword!r} is in no evidence string (drafted from the log)")
    return problems


def check_gold(items: list[GoldItem], seeds: Path) -> list[str]:
    """Every problem of every item, so one run lists all of them rather than stopping at the first."""
    cache: dict[str, tuple[str, str]] = {}
    return [problem for item in items for problem in item_problems(item, seeds, cache)]
