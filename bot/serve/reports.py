"""The report page's data: a report's whole cleaned text, where each indexed passage sits in it, and the link
a citation carries to it (`/reports/{doc}?hl=N#p-N`).

A reader checking an answer needs the cited passage in its context, not only the passage. Passages are the
index's chunks (their `position` is the anchor number); chunks overlap, skip heading lines and join or break
lines, so a passage is placed by its opening and closing characters (whitespace aside), searched forward from
the previous passage's start. The page reads nothing from the file system: a report is named by its id and
looked up in the index, or it is not found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from bot.models import Citation, Passage

PAGE_PREFIX = "/reports/"
# A report id as the page accepts it: one path component of printable characters (ids are file names reduced to
# one safe component: bot/serve/uploads.py). Anything else is not looked up at all.
DOC_ID = re.compile(r"[^/\\\x00-\x1f\x7f]{1,200}")


@dataclass(frozen=True)
class Span:
    """One passage's place in the report text: characters [start, end) of `ReportView.text`."""

    position: int
    heading: str
    start: int
    end: int


@dataclass(frozen=True)
class ReportView:
    """What the report page shows: the record's title, issuing body, year covered, date and source, the text."""

    doc: str
    title: str
    body: str | None
    year: int | None
    date: str | None
    source: str | None
    text: str
    spans: tuple[Span, ...]


def valid_doc(doc: str) -> bool:
    """Whether `doc` can be a report id at all (checked before any lookup; `..`, slashes, controls never are)."""
    return bool(DOC_ID.fullmatch(doc)) and doc not in (".", "..")


def report_url(doc: str, position: int | None = None) -> str:
    """The report page, opened at a passage (highlighted by `hl`, scrolled to by the fragment) when given."""
    url = PAGE_PREFIX + quote(doc, safe="")
    return f"{url}?hl={position}#p-{position}" if position is not None else url


def _lines(text: str) -> list[str]:
    return [line for line in (part.strip() for part in text.split("\n")) if line]


def _compact(text: str) -> tuple[str, list[int]]:
    """`text` without whitespace, and each kept character's offset in `text` (the splitter joins or breaks
    lines, so a passage matches its report only with line breaks and spaces set aside)."""
    kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def locate(text: str, passages: list[Passage], edge: int = 40) -> tuple[Span, ...]:
    """Each passage's span in `text`, in order: its opening `edge` characters searched forward from the previous
    passage's start, its closing ones after that. A passage whose opening is not in the text is left out."""
    compact, offsets = _compact(text)
    spans, cursor = [], 0
    for passage in passages:
        own = _compact(passage.text)[0]
        if not own or passage.position is None:
            continue
        head, tail = own[:edge], own[-edge:]
        start = compact.find(head, cursor)
        start = start if start >= 0 else compact.find(head)
        if start < 0:
            continue
        last = compact.find(tail, start)
        end = last + len(tail) if last >= 0 else start + len(head)
        spans.append(Span(passage.position, passage.heading, offsets[start], offsets[end - 1] + 1))
        cursor = start + 1
    return tuple(spans)


def cited_position(citation: Citation, passages: list[Passage]) -> int | None:
    """The chunk a citation quotes: the one with its exact text, else the first holding its opening line."""
    for passage in passages:
        if passage.text == citation.text:
            return passage.position
    lines = _lines(citation.text)
    if lines:
        for passage in passages:
            if lines[0] in passage.text:
                return passage.position
    return None
