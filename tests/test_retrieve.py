"""Hybrid retrieval over the real seeds: simplified questions find traditional passages."""

from bot.retrieve import rrf

GUANGZHOU = "000_8fbd729c494b9d50.txt"
NEWS = "003_29ae86f9fcedda95.txt"


def test_simplified_question_finds_traditional_passage(seeded):
    top = seeded.search(["广州全市有多少个单位按期公开了法治政府建设年度报告？"], k=3)[0]
    assert top[0].doc == GUANGZHOU
    assert "全市全部544個單位按期公開率為100%" in top[0].text  # shown as the report wrote it


def test_traditional_news_article_found_by_simplified_question(seeded):
    top = seeded.search(["网上立法听证会页面曝光量超过多少"], k=3)[0]
    assert top[0].doc == NEWS
    assert "3.69億" in top[0].text


def test_question_in_traditional_finds_simplified_report(seeded):
    top = seeded.search(["成都市辦理行政應訴案件多少件"], k=3)[0]
    assert any("5652件" in p.text for p in top)


def test_both_rankings_contribute(seeded):
    passages = seeded.search(["韶关市召开市委常委会会议学习研究部署法治建设议题多少次"], k=5)[0]
    assert passages[0].doc == "002_092cc53afba18b30.txt"
    assert {"dense", "keyword"} <= set(passages[0].ranks)
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)


def test_several_questions_keep_their_order(seeded):
    results = seeded.search(["成都办理行政应诉案件多少件", "花都区收到行政复议申请多少宗"], k=2)
    assert results[0][0].doc == "004_7cff85eaf4bcf1da.txt"
    assert results[1][0].doc == "001_bfb673fb5af5df88.txt"


def test_rrf_fuses_by_rank():
    fused = rrf({"a": ["x", "y", "z"], "b": ["y", "w"]}, k=60)
    assert [item for item, _, _ in fused] == ["y", "x", "w", "z"]
    assert fused[0][2] == {"a": 2, "b": 1}
    assert abs(fused[0][1] - (1 / 62 + 1 / 61)) < 1e-12
