"""Split a cleaned report into passages that fit the embedder and read well as citations.

Sections follow the report's own numbering (`一、`, `（一）`, `1.`); inside a section the text
is split on Chinese sentence ends and packed to a token budget with overlap by LlamaIndex's
`SentenceSplitter`. Chunk ids hash the content, so re-indexing an unchanged report is a no-op.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.models import Chunk, Document
from bot.text import encoding, split_sentences, to_simplified

_LEVELS = [
    re.compile(r"^[一二三四五六七八九十]+、"),
    re.compile(r"^[（(][一二三四五六七八九十]+[）)]"),
    re.compile(r"^\d{1,2}[.．、](?!\d)"),
]
_HEADING_MAX_CHARS = 40


@dataclass
class _Section:
    heading: list[str]
    paragraphs: list[str]


def _heading_level(line: str) -> int | None:
    for level, pattern in enumerate(_LEVELS):
        if pattern.match(line):
            return level
    return None


def _sections(text: str) -> list[_Section]:
    """Group paragraphs under their heading path; a heading-only line opens a section."""
    path: list[str] = []
    sections: list[_Section] = [_Section([], [])]
    for line in text.split("\n"):
        level = _heading_level(line)
        if level is None:
            sections[-1].paragraphs.append(line)
            continue
        first = split_sentences(line)[0].rstrip("。；")
        whole_line = first == line.rstrip("。；") and len(line) <= _HEADING_MAX_CHARS
        heading = line if whole_line else first[:_HEADING_MAX_CHARS]
        depth = min(level, len(path))
        path = path[:depth] + [heading]
        sections.append(_Section(list(path), [] if whole_line else [line]))
    kept = []
    for section, following in zip(sections, [*sections[1:], None]):
        if section.paragraphs:
            kept.append(section)
        elif section.heading and (following is None or following.heading[: len(section.heading)] != section.heading):
            kept.append(_Section(section.heading, [section.heading[-1]]))  # nothing under it: the heading is the text
    return kept


@lru_cache(maxsize=8)
def _splitter(chunk_tokens: int, overlap: int):
    from llama_index.core.node_parser import SentenceSplitter

    return SentenceSplitter(
        chunk_size=chunk_tokens,
        chunk_overlap=overlap,
        separator="",
        paragraph_separator="\n",
        secondary_chunking_regex="[^，、,]+[，、,]?",
        chunking_tokenizer_fn=split_sentences,
        tokenizer=encoding().encode,
    )


def chunk_id(doc: str, heading: str, text: str) -> str:
    return hashlib.sha256(f"{doc}\x1f{heading}\x1f{text}".encode()).hexdigest()[:24]


def chunk_document(document: Document, chunk_tokens: int = 200, overlap: int = 40) -> list[Chunk]:
    splitter = _splitter(chunk_tokens, overlap)
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for section in _sections(document.text):
        heading = " > ".join(section.heading)
        for piece in splitter.split_text("\n".join(section.paragraphs)):
            text = piece.strip()
            cid = chunk_id(document.doc, heading, text)
            if not text or cid in seen:
                continue
            seen.add(cid)
            chunks.append(
                Chunk(
                    id=cid,
                    doc=document.doc,
                    text=text,
                    text_s=to_simplified(text),
                    title=document.title,
                    heading=heading,
                    position=len(chunks),
                    issuer=document.issuer,
                    year=document.year,
                )
            )
    return chunks
