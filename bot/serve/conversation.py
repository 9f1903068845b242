"""A chat conversation as the page keeps it: one record per answered turn, stored in the reader's browser.

Records are plain JSON (question, answer, citations) so the browser can keep them across a reload
(`gr.BrowserState`), the source panel can show every turn's own cards, and the conversation can be exported
as text for a document. They come back from the browser, so they are read defensively and always rendered
again from their fields (escaped by `render`), never shown as stored HTML.
"""

from __future__ import annotations

from dataclasses import asdict, fields

from bot.answer.quotes import cited_sentences
from bot.models import REFUSAL, Answer, Citation

_CITATION_FIELDS = {f.name: f.type for f in fields(Citation)}
MAX_RECORDS = 50  # a browser keeps at most this many turns (the oldest go first)


def turn_record(turn: int, question: str, answer: Answer) -> dict:
    """What the browser keeps of one answered turn."""
    return {
        "turn": turn,
        "question": question,
        "answer": answer.answer,
        "refused": answer.refused,
        "flagged": list(answer.flagged_numbers),
        "citations": [asdict(c) for c in answer.citations],
    }


def _citation(data: dict) -> Citation:
    values = {name: data.get(name) for name in _CITATION_FIELDS}
    values["n"] = int(values["n"])
    for name in ("doc", "title", "heading", "text"):
        values[name] = str(values[name] or "")
    for name in ("issuer", "report_url"):
        values[name] = str(values[name]) if values[name] else None
    values["year"] = int(values["year"]) if values["year"] else None
    return Citation(**values)


def record_answer(record: dict) -> tuple[int, str, Answer] | None:
    """(turn, question, answer) of a stored record; None for anything malformed (the browser may hold old data)."""
    try:
        answer = Answer(
            question=str(record["question"]),
            answer=str(record["answer"]),
            refused=bool(record.get("refused")),
            citations=[_citation(c) for c in record.get("citations") or []],
            flagged_numbers=[str(n) for n in record.get("flagged") or []],
        )
        return int(record["turn"]), answer.question, answer
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def records(stored: object) -> list[tuple[int, str, Answer]]:
    """The readable records of what the browser sent, oldest first."""
    if not isinstance(stored, list):
        return []
    found = (record_answer(r) for r in stored[-MAX_RECORDS:] if isinstance(r, dict))
    return [r for r in found if r is not None]


def _source_line(citation: Citation, answer_text: str) -> str:
    sentences = cited_sentences(answer_text, citation.n, citation.text)
    quote = "".join(sentences) or citation.text[:120]
    where = " · ".join(p for p in (citation.title or citation.doc, citation.heading) if p)
    return f"[{citation.n}] {where}：“{quote}”"


def conversation_text(stored: object, title: str = "法治问答 · 对话记录") -> str:
    """The conversation as plain text for a document: each question, its answer, then the answer's 来源 lines."""
    parts = [title]
    for _turn, question, answer in records(stored):
        lines = [f"问：{question}", f"答：{REFUSAL if answer.refused else answer.answer}"]
        if answer.citations:
            lines.append("来源：")
            lines += [_source_line(c, answer.answer) for c in answer.citations]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"
