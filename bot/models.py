"""The data that crosses stage boundaries: files → documents → chunks → passages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Document:
    """One cleaned report. `doc` (the file name) is its id; `sha` fingerprints the raw bytes."""

    doc: str
    path: str
    text: str
    sha: str
    title: str
    body: str | None = None
    year: int | None = None
    date: str | None = None
    source: str | None = None
    kind: str = "report"

    def meta(self) -> dict:
        return {k: v for k, v in asdict(self).items() if k != "text" and v is not None}


@dataclass(frozen=True)
class Chunk:
    id: str
    doc: str
    text: str
    text_s: str
    title: str
    heading: str
    position: int
    body: str | None = None
    year: int | None = None

    def embed_text(self) -> str:
        """What is embedded and keyword-indexed: title and heading give a passage its context."""
        return "\n".join(part for part in (self.title, self.heading, self.text_s) if part)


@dataclass
class Passage:
    text: str
    doc: str
    title: str
    heading: str
    score: float
    chunk_id: str = ""
    body: str | None = None
    year: int | None = None
    ranks: dict[str, int] = field(default_factory=dict)
    position: int | None = None  # the chunk's place in its report (consecutive chunks overlap)

    def to_json(self) -> dict:
        return asdict(self)
