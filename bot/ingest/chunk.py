"""Split a cleaned report into passages that fit the embedder and read well as citations.

Sections are the report's own heading tree as `bot.ingest.structure` reads it (numbering `一、`, `（一）`,
`1.`, labels lost to scraping, unheaded shortcomings and plans); inside a section the text
is split on Chinese sentence ends and packed to a token budget with overlap by LlamaIndex's
`SentenceSplitter`. Chunk ids hash the content, so re-indexing an unchanged report is a no-op.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from bot.ingest.structure import read_sections
from bot.models import Chunk, Document
from bot.text import TOKENS_VERSION, encoding, split_sentences, tagged, to_simplified

_Part = tuple[tuple[str, ...], list[str]]


def _parts(text: str) -> list[_Part]:
    """(heading path, paragraphs) per section of `read_sections`: a heading line that is its own paragraph
    lives in the heading, and is kept as the text only when nothing (no body, no subsection) is under it."""
    sections = read_sections(text)
    parts: list[_Part] = []
    for section, following in zip(sections, [*sections[1:], None]):
        paragraphs = section.text.split("\n")
        if section.path and paragraphs[0] == section.path[-1]:
            has_children = following is not None and following.path[: len(section.path)] == section.path
            if len(paragraphs) > 1 or has_children:
                paragraphs = paragraphs[1:]
        if paragraphs:
            parts.append((section.path, paragraphs))
    return parts


@lru_cache(maxsize=8)
def _splitter(chunk_tokens: int, overlap: int):
    from llama_index.core.node_parser import SentenceSplitter

    return SentenceSplitter(
        chunk_size=chunk_tokens,
        chunk_overlap=overlap,
        separator="",
        paragraph_separator="\n",
        secondary_chunking_regex="[^，、,]+[，、,]?",
        chunking_tokenizer_fn=_sentences_of_paragraph,
        tokenizer=encoding().encode,
    )


def _sentences_of_paragraph(text: str) -> list[str]:
    """A paragraph's sentences, the line break the splitter leaves before it kept as its own piece: without it a
    page's "…来源：厦门日报 作者：…" line ran on into the article's first sentence, which was then read as page
    chrome and never answered from."""
    lead = text[: len(text) - len(text.lstrip("\n"))]
    return [lead, *split_sentences(text)] if lead else split_sentences(text)


def warm_up(chunk_tokens: int = 200, overlap: int = 40) -> None:
    """Load what reading a report needs ahead of need: importing llama-index's splitter takes ≈ 2 s and jieba's
    tagger (the report's place) ≈ 0.6 s, which a server pays at its start rather than inside its first upload's
    "searchable within seconds"."""
    _splitter(chunk_tokens, overlap)
    tagged("法治")


def chunk_id(doc: str, heading: str, text: str) -> str:
    """A chunk's content-hash id, with the version of its search tokens (`TOKENS_VERSION`): an index written by
    an older tokenizer gets its chunks again, searchable by today's tokens (their vectors come from the cache)."""
    return hashlib.sha256(f"{TOKENS_VERSION}\x1f{doc}\x1f{heading}\x1f{text}".encode()).hexdigest()[:24]


def chunk_document(document: Document, chunk_tokens: int = 200, overlap: int = 40) -> list[Chunk]:
    splitter = _splitter(chunk_tokens, overlap)
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for path, paragraphs in _parts(document.text):
        heading = " > ".join(path)
        for piece in splitter.split_text("\n".join(paragraphs)):
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
