"""The HTTP API under /api/v1 (search and health for now; answers arrive with the answer chain)."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

from .library import Library
from .retrieve import Filters


class SearchRequest(BaseModel):
    model_config = {"extra": "forbid"}

    question: str = Field(min_length=1, max_length=2000)
    k: int = Field(5, ge=1, le=50)
    body: str | None = None
    year: int | None = None


def create_app(library: Library) -> FastAPI:
    app = FastAPI(title="法治问答 API", version="1", docs_url="/api/v1/docs", openapi_url="/api/v1/openapi.json")

    @app.get("/api/v1/health")
    def health() -> dict:
        return {"status": "ok", "documents": len(library.documents()), "embedder": library.embedder.name}

    @app.post("/api/v1/search")
    def search(request: SearchRequest) -> dict:
        question = request.question.strip()
        if not question:
            raise HTTPException(422, "question is empty")
        passages = library.search([question], k=request.k, filters=Filters(request.body, request.year))[0]
        return {"question": question, "passages": [p.to_json() for p in passages]}

    return app
