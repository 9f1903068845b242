"""The iframe chat's scope (bot/serve/embed_scope.py): locked by settings or a signed link, never by the query.

Unit checks of the rules on the real seeds' bodies, the chat turn on a real service, and the link check over
real HTTP (a tampered or unsigned link is refused; a settings lock ignores the query).
"""

from __future__ import annotations

import gradio as gr
import httpx
import pytest
from live_server import seeded_service, serve

from bot.serve.embed_scope import (
    BadEmbedLink,
    EmbedScope,
    embed_link,
    initial_scope,
    main,
    notice,
    outside,
    scope_for,
    sign,
)
from bot.serve.server import create_server
from bot.serve.ui import Clears, embed_turn
from bot.settings import Settings

SECRET = "门户-测试-secret"
OPEN = Settings()
SIGNED = Settings(embed_secret=SECRET)
CHENGDU = EmbedScope("成都市", 2024, locked=True)


@pytest.fixture(scope="module")
def service(tmp_path_factory, embed_cache):
    with seeded_service(tmp_path_factory.mktemp("embed-scope"), embed_cache, embed_secret=SECRET) as service:
        yield service


@pytest.fixture(scope="module")
def issuers(service) -> list[str]:
    return [d["body"] for d in service.documents() if d.get("body")]


def _params(link: str) -> dict[str, str]:
    return dict(httpx.URL(link).params)


def test_a_plain_query_only_presets_and_the_title_names_it():
    assert scope_for({"body": "成都市", "year": "2024"}, OPEN) == EmbedScope("成都市", 2024, locked=False)
    assert scope_for({"year": "20x4"}, OPEN).label == "全部报告"
    assert scope_for({"body": "成都市", "year": "2024"}, OPEN).label == "成都市 · 2024年"


def test_settings_lock_ignores_the_query():
    locked = Settings(embed_body="成都市", embed_year=2024)
    assert scope_for({"body": "广州市", "year": "2017"}, locked) == CHENGDU
    assert initial_scope(locked) == CHENGDU  # locked before the page has even loaded


def test_a_signed_link_locks_and_an_edited_one_is_refused():
    link = embed_link("http://127.0.0.1:7860/", SECRET, "成都市", 2024)
    assert link.startswith("http://127.0.0.1:7860/embed/?")
    params = _params(link)
    assert scope_for(params, SIGNED) == CHENGDU
    no_year = {k: v for k, v in params.items() if k != "year"}
    for edited in ({**params, "body": "广州市"}, {**params, "year": "2023"}, no_year):
        with pytest.raises(BadEmbedLink):
            scope_for(edited, SIGNED)
    with pytest.raises(BadEmbedLink):  # dropping the signature must not widen it either
        scope_for({"body": "广州市"}, SIGNED)
    with pytest.raises(BadEmbedLink):  # signed with another secret
        scope_for({**params, "sig": sign("other", "成都市", 2024)}, SIGNED)
    with pytest.raises(BadEmbedLink):  # a server without a secret cannot check a signed link
        scope_for(params, OPEN)
    assert initial_scope(SIGNED).refused


def test_other_places_and_years_are_outside_a_locked_scope(issuers):
    inside = ["行政应诉案件有多少件？", "成都市2024年办理的行政应诉案件有多少件？", "成都市双流区的行政复议情况"]
    others = ["广州全市有多少个单位按期公开了年度报告？", "那花都区呢？", "北京市办理了多少行政复议案件？"]
    others.append("成都市2023年办理的行政应诉案件有多少件？")
    assert [q for q in inside if outside(CHENGDU, q, issuers)] == []
    assert [q for q in others if not outside(CHENGDU, q, issuers)] == []
    assert not outside(EmbedScope("成都市", 2024), others[0], issuers)  # not locked: a preset only
    assert notice(CHENGDU).startswith("本窗口仅回答成都市2024年的报告")


def _last_turn(service, question: str, scope: EmbedScope) -> tuple[list, list]:
    *_, (_, messages, history, _, _) = embed_turn(service, question, [], [], scope)
    return messages, history


def test_a_question_about_another_place_gets_the_notice_not_an_answer(service):
    messages, history = _last_turn(service, "广州全市有多少个单位按期公开了法治政府建设年度报告？", CHENGDU)
    assert "本窗口仅回答成都市2024年的报告" in messages[-1]["content"]
    assert "544" not in messages[-1]["content"] and history == []


def test_an_answer_in_scope_folds_its_sources_under_it(service):
    messages, history = _last_turn(service, "办理的行政应诉案件有多少件？", CHENGDU)
    answer = messages[-1]["content"]
    assert "5652" in answer and len(history) == 2
    folded = answer[answer.index('<details class="answer-sources">') :]
    assert "<summary>来源（" in folded and "成都市" in folded and "广州市" not in folded
    # logged as asked through the embed, where its 👍/👎 finds it
    asked = service.conversations.latest_id("办理的行政应诉案件有多少件？", "embed")
    assert asked and service.conversations.latest_id("办理的行政应诉案件有多少件？", "page") is None


def test_an_answer_whose_chat_was_cleared_leaves_the_chat_as_the_clear_left_it(service):
    """清空对话 in the iframe while the answer is under way: its last piece changes nothing (the page shows a
    finished answer's last piece once more), and the answer's slot is free for the next question."""
    clears, free = Clears(), service._slots._value
    pieces = embed_turn(service, "办理的行政应诉案件有多少件？", [], [], CHENGDU, wanted=clears.watch("tab"))
    first = next(pieces)
    assert first[1][-1]["content"] == "…"  # the question taken, the answer under way
    clears.clear("tab")
    rest = list(pieces)
    assert rest and all(value == gr.skip() for value in rest[-1])
    assert not any("5652" in str(piece) for piece in rest)
    assert service._slots._value == free  # the answer was closed, not left holding its slot


def test_the_link_check_over_http(service):
    with serve(create_server(service)) as base:
        good = embed_link(base, SECRET, "成都市", 2024)
        assert httpx.get(good).status_code == 200
        tampered = good.replace("%E6%88%90%E9%83%BD", "%E5%B9%BF%E5%B7%9E")  # 成都 → 广州
        assert tampered != good
        refused = httpx.get(tampered)
        assert refused.status_code == 403 and "嵌入链接无效" in refused.text
        assert httpx.get(f"{base}/embed/?body=广州市").status_code == 403  # unsigned, with a secret set
        assert httpx.get(f"{base}/embed?body=广州市", follow_redirects=True).status_code == 403
        assert httpx.get(f"{base}/").status_code == 200  # the main page is not the embed's business


def test_the_link_maker(monkeypatch, capsys):
    monkeypatch.setenv("BOT_EMBED_SECRET", SECRET)
    main(["成都市", "2024", "--base", "http://portal.example:7860"])
    link = capsys.readouterr().out.strip()
    assert scope_for(_params(link), SIGNED) == CHENGDU
    monkeypatch.delenv("BOT_EMBED_SECRET")
    with pytest.raises(SystemExit):
        main(["成都市"])
