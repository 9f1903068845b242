"""Request and response shapes of the HTTP API; they are what the OpenAPI docs at /api/v1/docs show."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.answer.intent import MAX_ANSWER_CHARS, MAX_QUESTION_CHARS, MAX_TURNS
from bot.models import Filters

NOT_BLANK = r"\S"  # at least one non-space character (a search pattern, in JSON Schema as in pydantic)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FiltersIn(Strict):
    body: str | None = Field(None, max_length=100, description="Issuing body, e.g. 广州市.", examples=["成都市"])
    year: int | None = Field(None, ge=1949, le=2100, description="Report year.", examples=[2024])

    def filters(self) -> Filters:
        return Filters(self.body or None, self.year)


class Turn(Strict):
    role: Literal["user", "assistant"]
    content: str = Field(max_length=MAX_ANSWER_CHARS, description=f"A user turn holds at most {MAX_QUESTION_CHARS}.")


class AnswerRequest(Strict):
    question: str = Field(
        min_length=1,
        max_length=MAX_QUESTION_CHARS,
        pattern=NOT_BLANK,
        examples=["成都市2024年办理的行政应诉案件有多少件？"],
    )
    history: list[Turn] = Field(default_factory=list, max_length=MAX_TURNS, description="Earlier turns (follow-ups).")
    filters: FiltersIn | None = None
    top_k: int | None = Field(None, ge=1, le=20, description="Passages given to the answer backend.")
    stream: bool = Field(False, description="Server-Sent Events: `token` events, then one `answer` event.")


class SearchRequest(Strict):
    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS, pattern=NOT_BLANK)
    k: int = Field(5, ge=1, le=50)
    body: str | None = Field(None, max_length=100)
    year: int | None = Field(None, ge=1949, le=2100)
    scoped: bool = Field(True, description="Search within the places and years the question names (as answers do).")


class FeedbackRequest(Strict):
    """A 👍/👎 on an answer, by the `answer_id` every answer carries."""

    answer_id: str = Field(min_length=1, max_length=64, pattern=r"^[0-9a-f]+$", description="The answer's `answer_id`.")
    rating: Literal["up", "down"]
    comment: str | None = Field(None, max_length=2000)
    correct_answer: str | None = Field(None, max_length=MAX_ANSWER_CHARS, description="On 👎: the right answer is …")
    report: str | None = Field(None, max_length=300, description="On 👎: it is in report … (a file name or title).")


class FeedbackOut(BaseModel):
    answer_id: str
    rating: Literal["up", "down"]
    recorded: bool


class HitTestRequest(Strict):
    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS, pattern=NOT_BLANK)
    filters: FiltersIn | None = None


class CitationOut(BaseModel):
    n: int = Field(description="The [n] marker in the answer text.")
    doc: str
    title: str
    heading: str
    text: str = Field(description="The cited passage.")
    body: str | None = None
    year: int | None = None
    highlights: list[str] = Field(default_factory=list, description="Sentences of `text` the answer rests on.")
    report_url: str | None = Field(
        None,
        description="The whole report as a web page, opened at this passage (highlighted), relative to the server:"
        " `/reports/{doc}?hl={n}#p-{n}`. Needs the page's access, not an API key.",
    )


class AnswerOut(BaseModel):
    answer_id: str = Field(description="This answer's id in the conversation log: what POST /feedback names.")
    question: str
    answer: str
    refused: bool = Field(description="True when the reports hold no answer; `answer` is then 资料中没有相关信息.")
    citations: list[CitationOut]
    flagged_numbers: list[str] = Field(description="Numbers in the answer found in none of the cited passages.")
    invalid_citations: list[int]
    standalone: str = Field(description="The question as searched (follow-ups rewritten).")
    llm: str
    incomplete: bool
    error: str | None
    timings: dict[str, float] = Field(description="Seconds per step when the answer was made.")
    cached: bool = Field(
        False, description="Answered from memory: the same request was answered on the same reports before."
    )
    verification: dict | None = Field(
        None,
        description="For a model's answer from report facts: {sentences, replaced}; replaced > 0 when it failed the"
        " checks and the facts' own composition was served instead.",
    )


class DocumentOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    doc: str = Field(description="The report's id: its file name.")
    title: str | None = None
    body: str | None = None
    year: int | None = None
    chunks: int | None = None
    status: Literal["keyword", "complete"] | None = Field(
        None, description="`keyword`: searchable by keyword, its vectors still being computed; `complete`: both."
    )


class ReportOut(DocumentOut):
    """One report read as a structured document (GET /documents/{doc})."""

    covered_year: int | None = Field(None, description="The year the report covers (not its publication year).")
    published: str | None = Field(None, description="Publication date, ISO (YYYY-MM-DD), when the text gives it.")
    places: dict = Field(description="Its issuer, the city it belongs to (parent) and the places it names.")
    sections: list[dict] = Field(description="Top-level sections in order: role, role_name, path, text, items.")
    figures: list[dict] = Field(description="Its indicator table: indicator, value, text, unit, unit_class, ...")


class Facets(BaseModel):
    bodies: dict[str, int] = Field(description="Reports per issuing body, within the year filter.")
    years: dict[str, int] = Field(description="Reports per year, within the body filter.")


class DocumentList(BaseModel):
    documents: list[DocumentOut]
    facets: Facets


class JobOut(BaseModel):
    id: str
    kind: Literal["index", "remove"]
    files: list[str]
    status: Literal["queued", "running", "done", "failed"]
    done: int
    total: int
    result: dict
    errors: list[dict]
    created: float
    finished: float | None
    eta_s: float | None = Field(
        None, description="Seconds left at the pace measured so far (indexing); null until measurable."
    )


class JobAccepted(BaseModel):
    job: JobOut
    poll: str = Field(description="Where to poll the job.")


class RemoveOut(BaseModel):
    doc: str
    removed: bool = Field(description="False while the removal still waits behind other document jobs.")
    job: JobOut


class HealthOut(BaseModel):
    status: Literal["ok"]
    documents: int
    llm: str
    embedder: str
    auth: Literal["keys", "open"]
    jobs_pending: int


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorOut(BaseModel):
    error: ErrorBody


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[dict] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):  # content parts: [{"type": "text", "text": ...}]
            return "".join(str(part.get("text", "")) for part in self.content if part.get("type") == "text")
        return self.content or ""


class ChatRequest(BaseModel):
    """OpenAI chat-completions request; sampling options are accepted and ignored, `filters`/`top_k` are ours."""

    model_config = ConfigDict(extra="allow")
    model: str = "fazhi-qa"
    messages: list[ChatMessage] = Field(min_length=1, max_length=MAX_TURNS + 10)
    stream: bool = False
    stream_options: dict | None = None
    filters: FiltersIn | None = None
    top_k: int | None = Field(None, ge=1, le=20)
