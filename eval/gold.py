"""Read and validate a gold question set (JSON lines), so a bad line fails with its number, not a traceback."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

TYPES = ("fact", "number", "list", "multi_doc", "trad", "unanswerable", "time")
FIELDS = ("id", "question", "answer", "doc", "evidence", "type", "answer_keywords")


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

    @property
    def answerable(self) -> bool:
        return bool(self.docs)


def _str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def parse_item(obj: object) -> GoldItem:
    """One gold item; raises ValueError saying what is wrong with it."""
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    missing = [f for f in FIELDS if f not in obj]
    if missing:
        raise ValueError(f"missing field(s) {', '.join(missing)}")
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
    return GoldItem(
        id=obj["id"],
        question=obj["question"].strip(),
        answer=obj["answer"],
        docs=docs,
        evidence=tuple(obj["evidence"]),
        type=obj["type"],
        answer_keywords=tuple(obj["answer_keywords"]),
    )


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
