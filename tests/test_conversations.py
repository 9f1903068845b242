"""The conversation log over real HTTP on 127.0.0.1: answer ids, feedback, the admin view and hit-testing (admin
key only), exports, and drafts for the gold set that `check-gold` validates; and that logging never holds an answer.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time

import httpx
import pytest
from conftest import SEEDS
from live_server import seeded_service, serve
from test_api import assert_error, bearer, sse_events

from bot.cli import main as bot_main
from bot.models import Answer, Citation
from bot.serve import conversations
from bot.serve.conversations import ConversationLog, LogQuery
from bot.serve.security import key_id
from bot.serve.server import create_server
from eval.cli import main as eval_main
from eval.gold import check_gold, load_gold

KEY, ADMIN = "user-key-18-a1", "admin-key-18-b2"
FIGURE_QUESTION = "花都区目前有多少名公职律师？"
MARS = "火星上有多少宗行政复议申请？"


@pytest.fixture(scope="module")
def service(tmp_path_factory, embed_cache):
    data = tmp_path_factory.mktemp("log")
    with seeded_service(data, embed_cache, api_keys=[KEY], admin_keys=[ADMIN], rate_limit=10_000) as service:
        yield service


@pytest.fixture(scope="module")
def url(service):
    with serve(create_server(service)) as base:
        yield base


@pytest.fixture
def api(url):
    with httpx.Client(base_url=f"{url}/api/v1", headers=bearer(KEY), timeout=30) as client:
        yield client


@pytest.fixture
def admin(url):
    with httpx.Client(base_url=f"{url}/api/v1", headers=bearer(ADMIN), timeout=30) as client:
        yield client


def logged(admin: httpx.Client, answer_id: str) -> dict:
    entries = admin.get("/admin/log", params={"limit": 1000}).json()["entries"]
    return next(e for e in entries if e["id"] == answer_id)


def test_every_answer_is_logged_with_its_id_channel_and_key_id(api, admin):
    answered = api.post("/answer", json={"question": FIGURE_QUESTION}).json()
    entry = logged(admin, answered["answer_id"])
    assert entry["channel"] == "api" and entry["key_id"] == key_id(KEY)
    assert entry["question"] == FIGURE_QUESTION and entry["answer"] == answered["answer"]
    assert entry["plan"]["kind"] == "figure" and entry["plan"]["issuers"] == ["广州市花都区"]
    assert entry["citations"][0]["doc"] == answered["citations"][0]["doc"]
    assert "68名" in "".join(entry["citations"][0]["sentences"])
    assert entry["backend"] == "extractive" and entry["timings"]["total"] > 0 and entry["feedback"] is None


def test_the_key_itself_is_never_in_the_log(api, admin, service):
    api.post("/answer", json={"question": FIGURE_QUESTION + "呢"})
    service.conversations.flush()
    dump = "\n".join(sqlite3.connect(service.settings.conversations_path).iterdump())
    assert KEY not in dump and ADMIN not in dump and key_id(KEY) in dump


def test_streamed_and_openai_answers_carry_ids_too(api, admin):
    with api.stream("POST", "/answer", json={"question": FIGURE_QUESTION, "stream": True}) as response:
        final = [data for name, data in sse_events(response) if name == "answer"][0]
    assert logged(admin, final["answer_id"])["channel"] == "api"
    chat = api.post("/chat/completions", json={"messages": [{"role": "user", "content": MARS}]}).json()
    entry = logged(admin, chat["answer_id"])
    assert entry["channel"] == "openai" and entry["refused"] and chat["refused"]
    with api.stream(
        "POST", "/chat/completions", json={"messages": [{"role": "user", "content": MARS}], "stream": True}
    ) as r:
        chunks = [json.loads(line[5:]) for line in r.iter_lines() if line.startswith("data:") and "[DONE]" not in line]
    streamed_id = next(c["answer_id"] for c in chunks if c.get("answer_id"))
    assert logged(admin, streamed_id)["channel"] == "openai" and streamed_id != chat["answer_id"]


def test_feedback_lands_in_the_log_and_filters_it(api, admin):
    answered = api.post("/answer", json={"question": "花都区建立的高素质法治人才数据库收录了多少人?"}).json()
    given = {"answer_id": answered["answer_id"], "rating": "down", "comment": "不对", "correct_answer": "409人"}
    response = api.post("/feedback", json=given)
    assert response.status_code == 201 and response.json()["recorded"]
    entry = logged(admin, answered["answer_id"])
    assert entry["feedback"]["rating"] == "down" and entry["feedback"]["correct_answer"] == "409人"
    down = admin.get("/admin/log", params={"rating": "down"}).json()["entries"]
    assert answered["answer_id"] in {e["id"] for e in down} and all(e["feedback"]["rating"] == "down" for e in down)
    api.post("/feedback", json={"answer_id": answered["answer_id"], "rating": "up"})  # a change of mind: latest counts
    assert logged(admin, answered["answer_id"])["feedback"]["rating"] == "up"


def test_feedback_on_an_unknown_answer_is_a_404_in_chinese(api):
    error = assert_error(api.post("/feedback", json={"answer_id": "0" * 32, "rating": "up"}), 404, "not_found")
    assert "回答" in error["message"]
    assert_error(api.post("/feedback", json={"answer_id": "abc", "rating": "meh"}), 422)
    too_long = {"answer_id": "a" * 32, "rating": "down", "comment": "长" * 3000}
    assert_error(api.post("/feedback", json=too_long), 422)


def test_the_log_filters_by_refusal_channel_and_day(api, admin):
    api.post("/answer", json={"question": MARS})
    refused = admin.get("/admin/log", params={"refused": "true"}).json()["entries"]
    assert refused and all(e["refused"] for e in refused)
    assert all(
        e["channel"] == "openai" for e in admin.get("/admin/log", params={"channel": "openai"}).json()["entries"]
    )
    assert admin.get("/admin/log", params={"until": "2000-01-01"}).json()["entries"] == []
    assert_error(admin.get("/admin/log", params={"channel": "fax"}), 422)


def test_stats_count_days_questions_and_refusals(api, admin):
    for _ in range(2):
        api.post("/answer", json={"question": MARS})
    stats = admin.get("/admin/log/stats").json()
    today = stats["per_day"][-1]
    assert today["answers"] >= 3 and today["refused"] >= 2
    assert stats["frequent_refusals"][0]["question"] == MARS and stats["frequent_refusals"][0]["count"] >= 2
    assert any(q["question"] == MARS for q in stats["frequent_questions"])


def test_the_export_is_json_lines(api, admin):
    lines = admin.get("/admin/log/export", params={"refused": "true"}).text.splitlines()
    assert lines and all(json.loads(line)["refused"] for line in lines)


def test_admin_routes_and_page_need_an_admin_key(url, api):
    for path in ("/admin/log", "/admin/log/stats", "/admin/log/export", f"/admin/hittest?question={MARS}"):
        assert_error(api.get(path), 403, "forbidden")
        assert_error(httpx.get(f"{url}/api/v1{path}", timeout=10), 401, "unauthorized")
    assert_error(api.post("/admin/hittest", json={"question": MARS}), 403, "forbidden")
    assert_error(httpx.get(f"{url}/admin", headers=bearer(KEY), timeout=10), 403, "forbidden")
    to_sign_in = httpx.get(f"{url}/admin", headers={"Accept": "text/html"}, timeout=10)
    assert to_sign_in.status_code == 303 and to_sign_in.headers["location"].startswith("/admin/login")


def test_hit_testing_shows_plan_rankings_and_the_decision(admin):
    found = admin.post("/admin/hittest", json={"question": "花都区2023年一共收到多少宗行政复议申请?"}).json()
    assert found["plan"]["kind"] == "figure" and found["scope"]["years"] == [2023]
    assert found["scope"]["issuers"] == ["广州市花都区"] and found["decision"] == "answer"
    target = found["targets"][0]
    assert target["filters_applied"] == {"body": "广州市花都区", "year": 2023}
    assert set(target["rankings"]) >= {"dense", "keyword", "fused"}
    for hits in target["rankings"].values():
        assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
        assert all(h["doc"] == "001_bfb673fb5af5df88.txt" for h in hits)  # the scope's filter, applied
    dense = target["rankings"]["dense"]
    assert dense == sorted(dense, key=lambda h: -h["score"])
    assert (
        "786宗" in found["passages"][0]["text"]
        and found["passages"][0]["chunk_id"] == target["rankings"]["fused"][0]["chunk_id"]
    )
    assert found["coverage"]["value"] >= found["coverage"]["threshold"] > 0
    refused = admin.get("/admin/hittest", params={"question": MARS}).json()
    assert refused["decision"] == "refuse" and refused["coverage"]["value"] < refused["coverage"]["threshold"]


def test_the_admin_page_signs_in_with_an_admin_key_and_escapes_what_it_shows(url, api):
    api.post("/answer", json={"question": "<script>alert(1)</script>花都区有多少名公职律师？"})
    with httpx.Client(base_url=url, timeout=30, headers={"Accept": "text/html"}) as browser:
        refused = browser.post("/admin/login", data={"key": KEY})
        assert refused.status_code == 403 and "fazhi_admin" not in refused.headers.get("set-cookie", "")
        signed_in = browser.post("/admin/login", data={"key": ADMIN})
        assert signed_in.status_code == 303 and "samesite=strict" in signed_in.headers["set-cookie"].lower()
        assert ADMIN not in signed_in.headers["set-cookie"]
        page = browser.get("/admin", params={"q": "花都区目前有多少名公职律师？"})
        assert page.status_code == 200 and "命中测试" in page.text and "最常被拒答的问题" in page.text
        assert "<script>alert(1)" not in page.text and "&lt;script&gt;alert(1)" in page.text
        assert "覆盖度" in page.text and "fused" in page.text
        exported = browser.get("/admin", params={"format": "jsonl", "refused": "yes"})
        assert all(json.loads(line)["refused"] for line in exported.text.splitlines())
        assert_error(browser.get("/api/v1/admin/log"), 401)  # the cookie is for the page only, never the API
        browser.get("/admin/logout")
        assert browser.get("/admin").status_code == 303


def test_a_down_vote_with_the_right_answer_becomes_a_draft_that_validates(api, service, tmp_path):
    answered = api.post("/answer", json={"question": "花都区梳理出的“全区通办”事项清单一共有几项?"}).json()
    right = {"answer_id": answered["answer_id"], "rating": "down", "correct_answer": "共101项", "report": "001"}
    assert api.post("/feedback", json=right).status_code == 201
    wrong = api.post("/answer", json={"question": FIGURE_QUESTION + "？"}).json()
    api.post("/feedback", json={"answer_id": wrong["answer_id"], "rating": "down"})  # no right answer: skipped
    service.conversations.flush()
    out = tmp_path / "drafts.jsonl"
    db = str(service.settings.conversations_path)
    assert eval_main(["candidates", "--from-log", db, "--feedback", "down", "--out", str(out)]) == 0
    items = load_gold(out)
    draft = next(i for i in items if i.source == f"log:{answered['answer_id']}")
    assert draft.answer == "共101项" and draft.answer_keywords == ("101项",) and draft.type == "number"
    assert draft.docs == ("001_bfb673fb5af5df88.txt",) and "101项" in draft.evidence[0]
    assert check_gold([draft], SEEDS) == []
    assert all(i.source != f"log:{wrong['answer_id']}" for i in items)
    assert eval_main(["check-gold", "--gold", str(out)]) == 0


def test_check_gold_refuses_a_draft_whose_evidence_does_not_hold_the_answer(tmp_path):
    item = {
        "id": "log-x",
        "question": "花都区目前有多少名公职律师？",
        "answer": "共有99名。",
        "doc": "001_bfb673fb5af5df88.txt",
        "evidence": ["全区现有公职律师68名"],
        "type": "number",
        "answer_keywords": ["99名"],
        "source": "log:x",
    }
    path = tmp_path / "draft.jsonl"
    path.write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
    assert any("no evidence string" in p for p in check_gold(load_gold(path), SEEDS))
    assert eval_main(["check-gold", "--gold", str(path)]) == 1


def test_log_export_on_the_command_line(service, tmp_path, capsys):
    service.conversations.flush()
    out = tmp_path / "log.jsonl"
    assert bot_main(["log", "export", "--data", str(service.settings.data_dir), "--out", str(out), "--refused"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["refused"] for line in lines)
    assert bot_main(["log", "export", "--data", str(tmp_path / "nothing")]) == 1


def _answer(n: int) -> Answer:
    citation = Citation(1, "a.txt", "t", "h", "收到申请786宗。")
    return Answer(question=f"问题{n}", answer="收到申请786宗[1]。", refused=False, citations=[citation], llm="x")


def test_writes_never_block_an_answer(tmp_path, monkeypatch):
    """A stuck writer (a slow disk) costs answers nothing: records queue, then a full queue drops and counts."""
    monkeypatch.setattr(conversations, "QUEUE_SIZE", 50)
    stuck = threading.Event()
    log = ConversationLog(tmp_path / "c.sqlite", planner=lambda q: stuck.wait(30) and {"kind": "open"})
    started = time.perf_counter()
    for n in range(200):
        log.record(_answer(n), f"{n:032x}", "api")
    assert time.perf_counter() - started < 0.5
    assert log.dropped >= 200 - 2 * 50 - 1  # at most a queue and the batch the writer holds (up to a queue's worth)
    stuck.set()
    assert log.flush(10)
    kept = log.entries(LogQuery(limit=1000))
    assert len(kept) + log.dropped == 200 and kept[0]["plan"] == {"kind": "open"}
    log.close()


def test_old_answers_are_dropped_after_the_retention(tmp_path, monkeypatch):
    log = ConversationLog(tmp_path / "c.sqlite", retention_days=30)
    real = time.time
    monkeypatch.setattr(conversations.time, "time", lambda: real() - 40 * 86_400)
    log.record(_answer(1), "1" * 32, "page")
    monkeypatch.setattr(conversations.time, "time", real)
    log.flush()
    log._purged = 0.0  # the hourly purge is due
    log.record(_answer(2), "2" * 32, "page")
    log.flush()
    assert [e["id"] for e in log.entries()] == ["2" * 32]
    log.close()


def test_the_log_can_be_switched_off(tmp_path, embed_cache):
    with seeded_service(tmp_path / "off", embed_cache, conversation_log=False) as service:
        stream = service.stream(FIGURE_QUESTION, channel="api")
        stream.final()
        with pytest.raises(Exception, match="回答"):
            service.feedback(stream.answer_id, "up")
        assert not service.settings.conversations_path.exists()
