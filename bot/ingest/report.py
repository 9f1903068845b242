"""A report read as the structured document it is: sections by role, its figures, its dates and places.

Computed once per report at indexing time (`read_report`) and stored beside its chunks (`Store.put_report`),
so answers read a section whole or compare figures without re-reading the text. The parts come from their
own modules (structure, figures, dates, places, duplicates); this one only assembles and serialises them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from bot.ingest.dates import RelativeDate, anchor_year, relative_dates, report_dates
from bot.ingest.duplicates import fingerprint
from bot.ingest.figures import Figure, extract_figures
from bot.ingest.places import Gazetteer, gazetteer
from bot.ingest.structure import Item, Section, read_sections, top_sections
from bot.models import Document

FORMAT = 2  # bump when the stored shape changes: older records are read as missing and rebuilt on re-index


@dataclass(frozen=True)
class Report:
    """One report's structure. `text` is the cleaned text the paragraph indices of sections and figures refer to."""

    doc: str
    title: str
    text: str
    covered_year: int | None
    published: str | None
    anchor_year: int | None  # what its 今年/去年 are relative to: the covered year (an article: its publication's)
    sections: tuple[Section, ...]  # every heading's own span, in order
    tops: tuple[Section, ...]  # the top-level sections, whole
    figures: tuple[Figure, ...]
    gazetteer: Gazetteer
    relative: tuple[RelativeDate, ...]  # 今年/去年… in the text, resolved against the report's own dates
    shingles: tuple[int, ...]  # content fingerprint, for recognising the same report published twice

    def by_role(self, role: str) -> list[Section]:
        """The top-level sections of one role (see `structure.ROLES`), in order."""
        return [s for s in self.tops if s.role == role]

    def opening(self, text: str) -> str:
        """The text of its paragraph before where `text` (a chunk, a sentence) starts in the report, "" when it
        starts one or is not found: a chunk cut inside a paragraph continues what its opening says ("去年全年，…")."""
        first = text.strip().split("\n", 1)[0]
        at = self.text.find(first) if first else -1
        return self.text[self.text.rfind("\n", 0, at) + 1 : at] if at > 0 else ""

    def to_json(self) -> dict:
        return {"format": FORMAT, **asdict(self)}


def read_report(document: Document) -> Report:
    """Everything the answer chain reads of a report beyond its chunks."""
    meta = document.meta()
    covered, published = report_dates(meta)
    anchor = anchor_year(meta)
    return Report(
        doc=document.doc,
        title=document.title,
        text=document.text,
        covered_year=covered,
        published=published,
        anchor_year=anchor,
        sections=tuple(read_sections(document.text)),
        tops=tuple(top_sections(document.text)),
        figures=tuple(extract_figures(document.text, document.issuer, covered, anchor)),
        gazetteer=gazetteer(document.text, document.issuer),
        relative=tuple(relative_dates(document.text, anchor)) if anchor else (),
        shingles=_sample(fingerprint(document.text)),
    )


def _sample(prints: frozenset[int]) -> tuple[int, ...]:
    """A quarter of the wording hashes (by value, so the same quarter in every report: Jaccard is unbiased) and
    every figure and place hash (tagged above 2**32): a stored fingerprint 4x smaller that still tells copies."""
    return tuple(sorted(h for h in prints if h >> 32 or h % 4 == 0))


def _section(data: dict) -> Section:
    span = tuple(data["span"]) if data.get("span") else None
    return Section(
        **{**data, "path": tuple(data["path"]), "items": tuple(Item(**i) for i in data["items"]), "span": span}
    )


def from_json(data: dict) -> Report | None:
    """A stored report; None when it was stored in another format (re-indexing the report rebuilds it)."""
    if data.get("format") != FORMAT:
        return None
    return Report(
        doc=data["doc"],
        title=data["title"],
        text=data["text"],
        covered_year=data["covered_year"],
        published=data["published"],
        anchor_year=data["anchor_year"],
        sections=tuple(_section(s) for s in data["sections"]),
        tops=tuple(_section(s) for s in data["tops"]),
        figures=tuple(Figure(**{**f, "qualifiers": tuple(f["qualifiers"])}) for f in data["figures"]),
        gazetteer=Gazetteer(**{**data["gazetteer"], "places": tuple(data["gazetteer"]["places"])}),
        relative=tuple(RelativeDate(**r) for r in data["relative"]),
        shingles=tuple(data["shingles"]),
    )
