import re

import pytest
from conftest import SEED_NAMES, SEEDS

from bot.index.pipeline import make_document
from bot.ingest.chunk import chunk_document
from bot.text import count_tokens, match_key, split_sentences

GUANGZHOU = "000_8fbd729c494b9d50.txt"


@pytest.fixture(scope="module")
def documents():
    return {name: make_document(SEEDS / name, (SEEDS / name).read_text()) for name in SEED_NAMES}


def test_sentences_split_on_chinese_enders():
    text = "一是加强领导。二是完善制度；三是什么？好！末尾没有句号"
    assert split_sentences(text) == ["一是加强领导。", "二是完善制度；", "三是什么？", "好！", "末尾没有句号"]
    assert split_sentences("他说：“依法行政。”然后") == ["他说：“依法行政。”", "然后"]


def test_tiktoken_loads_offline():
    assert count_tokens("法治政府建设") > 0


@pytest.mark.parametrize("size", [120, 200, 400])
def test_chunks_respect_token_budget_and_cover_the_text(documents, size):
    """Nothing is lost: every clause is in some chunk, and a sentence that fits stays whole."""
    for document in documents.values():
        chunks = chunk_document(document, size, size // 5)
        assert all(count_tokens(c.text) <= size for c in chunks)
        keys = [match_key(c.heading + c.text) for c in chunks]  # heading-only lines live in headings
        for line in document.text.split("\n"):
            for sentence in split_sentences(line):
                whole = count_tokens(sentence) <= size // 2
                parts = [sentence] if whole else re.split(r"[，、：]", sentence)
                for part in parts:
                    assert any(match_key(part) in key for key in keys), part


def test_chunks_know_document_title_and_heading(documents):
    chunks = chunk_document(documents[GUANGZHOU])
    hit = next(c for c in chunks if "544個單位" in c.text)
    assert hit.doc == GUANGZHOU
    assert hit.title == "广州市2024年法治政府建设情况报告"
    assert hit.heading == "一、主要工作成效 > （一）黨對法治政府建設的領導不斷加強"
    assert hit.text_s.count("544个单位") == 1
    assert (hit.issuer, hit.year) == ("广州市", 2024)


def test_numbered_sub_headings(documents):
    chunks = chunk_document(documents["001_bfb673fb5af5df88.txt"])
    hit = next(c for c in chunks if "786宗" in c.text)
    assert hit.heading.startswith("一、2023年法治政府建设主要举措和成效 > （三）奋力推进依法行政体系建设")
    assert hit.heading.endswith("> 3.全力维护社会公平正义，构筑平安花都")


def test_chunk_ids_are_stable_and_unique(documents):
    for name, document in documents.items():
        first = [c.id for c in chunk_document(document)]
        again = [c.id for c in chunk_document(make_document(SEEDS / name, (SEEDS / name).read_text()))]
        assert first == again
        assert len(set(first)) == len(first)


def test_editing_one_paragraph_changes_only_nearby_chunk_ids(documents):
    document = documents["002_092cc53afba18b30.txt"]
    before = {c.id for c in chunk_document(document)}
    edited = make_document(
        SEEDS / document.doc,
        (SEEDS / document.doc).read_text().replace("专利授权数居粤东西北首位", "专利授权数居全省前列"),
    )
    after = {c.id for c in chunk_document(edited)}
    assert 0 < len(after - before) <= 3
    assert len(before & after) >= len(before) - 3
