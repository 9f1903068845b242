"""The data that crosses stage boundaries: files → documents → chunks → passages → answers, and the filters
a caller narrows a search with.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from bot.text import to_simplified

# What an answer says, exactly, when the reports do not answer the question: the product's promise to users.
REFUSAL = "资料中没有相关信息"


@dataclass(frozen=True)
class Document:
    """One cleaned report. `doc` (the file name) is its id; `sha` fingerprints the raw bytes."""

    doc: str
    path: str
    text: str
    sha: str
    title: str
    issuer: str | None = None  # the issuing body (广州市); `body` in stored metadata and the API
    year: int | None = None
    date: str | None = None
    source: str | None = None
    kind: str = "report"

    def meta(self) -> dict:
        """The report's record as stored (wire names: `body` for the issuer)."""
        return {k: v for k, v in wire(asdict(self)).items() if k != "text" and v is not None}


@dataclass(frozen=True)
class Chunk:
    id: str
    doc: str
    text: str
    text_s: str
    title: str
    heading: str
    position: int
    issuer: str | None = None  # the issuing body (广州市); `body` in stored metadata and the API
    year: int | None = None

    def embed_text(self) -> str:
        """What is embedded and keyword-indexed: title and heading give a passage its context."""
        return with_context(self.title, self.heading, self.text_s)


@dataclass
class Passage:
    text: str
    doc: str
    title: str
    heading: str
    score: float
    chunk_id: str = ""
    issuer: str | None = None  # the issuing body (广州市); `body` in stored metadata and the API
    year: int | None = None
    ranks: dict[str, int] = field(default_factory=dict)
    position: int | None = None  # the chunk's place in its report (consecutive chunks overlap)
    # Its paragraph's text before it when it starts inside one (`Library.opened`): what its first sentences
    # continue ("去年全年，…。" before "12348热线全年接听…" makes that 2018's). Context, not passage text.
    opening: str = ""

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("opening")
        return wire(data)

    def in_context(self) -> str:
        return with_context(self.title, self.heading, self.text)


def wire(data: dict) -> dict:
    """Our data as stored and as the API shows it: the issuer is `body` there (the API's established name)."""
    out = {("body" if key == "issuer" else key): value for key, value in data.items()}
    if isinstance(out.get("citations"), list):
        out["citations"] = [wire(c) if isinstance(c, dict) else c for c in out["citations"]]
    return out


def with_context(title: str, heading: str, text: str) -> str:
    """A passage as it is matched against: its report's title and its heading path give it context."""
    return "\n".join(part for part in (title, heading, text) if part)


@dataclass(frozen=True)
class Filters:
    """A caller's narrowing of a search to one issuing body and/or one report year."""

    issuer: str | None = None  # the issuing body (广州市); `body` in stored metadata and the API
    year: int | None = None

    def fields(self) -> dict[str, object]:
        """The chunk metadata fields (as stored) that must equal these values."""
        found: dict[str, object] = {}
        if self.issuer:
            found["body"] = to_simplified(self.issuer)
        if self.year:
            found["year"] = int(self.year)
        return found


@dataclass
class Citation:
    n: int
    doc: str
    title: str
    heading: str
    text: str
    issuer: str | None = None  # the issuing body (广州市); `body` in stored metadata and the API
    year: int | None = None
    report_url: str | None = None  # the report page opened at this passage (the server sets it: serve/reports.py)

    def in_context(self) -> str:
        return with_context(self.title, self.heading, self.text)


@dataclass
class Answer:
    """A finished answer: its text citing passages as [n], the citations, and what the checks found."""

    question: str
    answer: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    flagged_numbers: list[str] = field(default_factory=list)
    invalid_citations: list[int] = field(default_factory=list)
    standalone: str = ""
    attributed: bool = False  # citations added by the chain because the model gave none
    llm: str = ""
    incomplete: bool = False
    error: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    cached: bool = False  # served from memory: the same request was answered on the same index before
    # Whether a model's answer passed the checks or was replaced by the facts' own composition:
    # {"sentences": n, "replaced": m}; None when no model wrote it.
    verification: dict | None = None

    def to_json(self) -> dict:
        return wire(asdict(self))
