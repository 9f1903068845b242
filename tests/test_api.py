"""The HTTP API over real HTTP on 127.0.0.1: answers (JSON, SSE, OpenAI format), auth, limits, errors, CORS."""

from __future__ import annotations

import json
import threading

import httpx
import openai
import opencc
import pytest
from live_server import seeded_service, serve

from bot.index.store import StoreError
from bot.serve.server import create_server
from bot.serve.service import Service

KEY, ADMIN = "user-key-1", "admin-key-1"
PORTAL = "https://portal.example"
QUESTION = "广州全市有多少个单位按期公开了法治政府建设年度报告？"
GUANGZHOU = "000_8fbd729c494b9d50.txt"


def bearer(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(scope="module")
def service(tmp_path_factory, embed_cache):
    with seeded_service(
        tmp_path_factory.mktemp("api"),
        embed_cache,
        api_keys=[KEY],
        admin_keys=[ADMIN],
        cors_origins=[PORTAL],
        rate_limit=10_000,
    ) as service:
        yield service


@pytest.fixture(scope="module")
def url(service):
    with serve(create_server(service)) as base:
        yield base


@pytest.fixture
def api(url):
    with httpx.Client(base_url=f"{url}/api/v1", headers=bearer(KEY), timeout=30) as client:
        yield client


def sse_events(response: httpx.Response) -> list[tuple[str, dict | str]]:
    """(event, data) pairs of a text/event-stream response; JSON data decoded."""
    events, name, data = [], "message", []
    for line in response.iter_lines():
        if line.startswith("event:"):
            name = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].strip())
        elif not line and data:
            text = "\n".join(data)
            events.append((name, text if text == "[DONE]" else json.loads(text)))
            name, data = "message", []
    return events


def assert_error(response: httpx.Response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and isinstance(body["error"]["message"], str) and body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def test_health_needs_no_key(url):
    health = httpx.get(f"{url}/api/v1/health", timeout=10).json()
    assert health["status"] == "ok" and health["documents"] == 5
    assert health["auth"] == "keys" and health["llm"] == "extractive"


def test_answer_json_has_citations_highlights_and_timings(api):
    response = api.post("/answer", json={"question": QUESTION})
    assert response.status_code == 200
    answer = response.json()
    assert not answer["refused"] and "544" in answer["answer"] and "[1]" in answer["answer"]
    citation = answer["citations"][0]
    assert citation["doc"] == GUANGZHOU and {"title", "heading", "text", "body", "year"} <= set(citation)
    highlight = citation["highlights"][0]
    assert "544" in highlight and highlight in citation["text"]
    assert answer["flagged_numbers"] == [] and {"retrieve", "total"} <= set(answer["timings"])


def test_every_sentence_a_summary_answer_joins_is_highlighted(api):
    """An answer giving an item's several sentences joined by "；" cites them all: its source card had highlighted
    only the last ("推动镇（街道）…"), as if the rest were not the report's."""
    answer = api.post("/answer", json={"question": "成都2024年推进行政执法体制改革采取了哪些做法？"}).json()
    assert "167支" in answer["answer"] and "102项" in answer["answer"], answer["answer"]
    highlights = [h for c in answer["citations"] for h in c["highlights"] if h in c["text"]]
    assert any("167支" in h for h in highlights) and any("102项" in h for h in highlights), highlights


def test_a_count_said_with_its_items_headline_is_highlighted(api):
    """ "…落实公共法律服务实体平台规范化管理，共接待群众来访来电2184人次" joins an item's headline and the count after
    it: the source card had highlighted the headline only, not the sentence with the figure a drafter checks."""
    answer = api.post("/answer", json={"question": "花都区2023年公共法律服务实体平台接待了多少人次？"}).json()
    assert "2184人次" in answer["answer"], answer["answer"]
    highlights = [h for c in answer["citations"] for h in c["highlights"] if h in c["text"]]
    assert any("2184人次" in h for h in highlights), highlights


def test_filters_history_and_refusals(api):
    filtered = api.post("/answer", json={"question": "办理行政应诉案件多少件？", "filters": {"body": "成都市"}}).json()
    assert "5652" in filtered["answer"] and {c["body"] for c in filtered["citations"]} == {"成都市"}
    history = [
        {"role": "user", "content": "花都区收到多少宗行政复议申请？"},
        {"role": "assistant", "content": "786宗[1]。"},
    ]
    follow_up = api.post("/answer", json={"question": "那韶关呢？", "history": history}).json()
    assert follow_up["standalone"].startswith("韶关") and follow_up["citations"]
    assert {c["doc"] for c in follow_up["citations"]} == {"002_092cc53afba18b30.txt"}
    refused = api.post("/answer", json={"question": "深圳市2024年行政机关负责人出庭应诉率是多少？"}).json()
    assert refused["refused"] and refused["answer"] == "资料中没有相关信息" and refused["citations"] == []


def test_answers_are_in_the_askers_script(api):
    """A pasted answer must not mix scripts, whatever the report quoted was written in."""
    simplified = api.post("/answer", json={"question": "广州市政府透明度排名第几？"}).json()["answer"]
    assert "全国106个地级市" in simplified  # the 广州 report is in traditional characters
    traditional = api.post("/answer", json={"question": "廣州市2024年的政府透明度排名第幾？"}).json()["answer"]
    assert traditional.startswith("廣州市2024年") and "全國106個地級市" in traditional
    assert opencc.OpenCC("s2t").convert(traditional) == traditional  # no simplified character left
    huadu = api.post("/answer", json={"question": "花都區2023年收到行政復議申請多少宗？"}).json()["answer"]
    assert "花都區2023年收到行政復議申請786宗" in huadu  # the asker's 復, not s2t's 複; framing in their script


def test_answer_streams_server_sent_events(api):
    with api.stream("POST", "/answer", json={"question": QUESTION, "stream": True}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = sse_events(response)
    names = [name for name, _ in events]
    assert names[-1] == "answer" and set(names[:-1]) == {"token"} and len(names) >= 2
    final = events[-1][1]
    assert "".join(data["text"] for name, data in events[:-1]) == final["answer"]
    assert final["citations"][0]["doc"] == GUANGZHOU


def test_openai_client_against_our_server(url):
    client = openai.OpenAI(base_url=f"{url}/api/v1", api_key=KEY, max_retries=0, timeout=30)
    assert [m.id for m in client.models.list()] == ["fazhi-qa"]
    reply = client.chat.completions.create(
        model="anything", messages=[{"role": "system", "content": "你是助手"}, {"role": "user", "content": QUESTION}]
    )
    assert reply.object == "chat.completion" and reply.model == "anything"
    assert "544" in reply.choices[0].message.content and reply.choices[0].finish_reason == "stop"
    extra = reply.model_extra
    assert extra["citations"][0]["doc"] == GUANGZHOU and extra["refused"] is False
    assert reply.usage.completion_tokens > 0

    stream = client.chat.completions.create(
        model="fazhi-qa",
        messages=[{"role": "user", "content": "办理行政应诉案件多少件？"}],
        stream=True,
        stream_options={"include_usage": True},
        extra_body={"filters": {"body": "成都市", "year": 2024}},
    )
    text, final, usage = "", None, None
    for chunk in stream:
        if chunk.usage:
            usage = chunk.usage
        for choice in chunk.choices:
            text += choice.delta.content or ""
            if choice.finish_reason:
                final = chunk
    assert "5652" in text and final is not None and usage is not None
    assert {c["body"] for c in final.model_extra["citations"]} == {"成都市"}
    assert final.model_extra["answer"] == text


def test_openai_errors_reach_the_client(url):
    wrong = openai.OpenAI(base_url=f"{url}/api/v1", api_key="nope", max_retries=0, timeout=30)
    with pytest.raises(openai.AuthenticationError):
        wrong.chat.completions.create(model="x", messages=[{"role": "user", "content": QUESTION}])
    client = openai.OpenAI(base_url=f"{url}/api/v1", api_key=KEY, max_retries=0, timeout=30)
    with pytest.raises(openai.BadRequestError):
        client.chat.completions.create(model="x", messages=[{"role": "assistant", "content": "只有助手"}])


@pytest.mark.parametrize(
    "method, path",
    [
        ("post", "/answer"),
        ("post", "/chat/completions"),
        ("get", "/documents"),
        ("post", "/search"),
        ("get", "/models"),
    ],
)
def test_keys_are_required(url, method, path):
    plain = httpx.request(method, f"{url}/api/v1{path}", json={}, timeout=10)
    assert_error(plain, 401, "unauthorized")
    assert plain.headers["www-authenticate"] == "Bearer"
    wrong = httpx.request(method, f"{url}/api/v1{path}", json={}, headers=bearer("guess"), timeout=10)
    assert_error(wrong, 401, "unauthorized")


def test_document_changes_need_an_admin_key(api):
    upload = api.post("/documents", files=[("files", ("a.txt", "正文".encode(), "text/plain"))])
    assert_error(upload, 403, "forbidden")
    assert_error(api.delete(f"/documents/{GUANGZHOU}"), 403, "forbidden")
    assert_error(api.get("/jobs/abc"), 403, "forbidden")
    assert api.get("/documents").status_code == 200  # reading is fine with a user key


def test_error_shapes(api):
    assert_error(api.post("/answer", json={}), 422, "invalid_request")
    assert_error(api.post("/answer", json={"question": ""}), 422, "invalid_request")
    assert_error(api.post("/answer", json={"question": "x", "top_k": 99}), 422, "invalid_request")
    assert_error(api.post("/answer", json={"question": "   "}), 422, "invalid_request")
    bad_json = api.post("/answer", content=b"{oops", headers={"content-type": "application/json"})
    assert_error(bad_json, 400, "invalid_json")
    assert_error(api.get("/no/such/endpoint"), 404, "not_found")
    assert_error(api.get("/answer"), 405, "method_not_allowed")
    admin = {"Authorization": f"Bearer {ADMIN}"}
    assert_error(api.delete("/documents/nothing.txt", headers=admin), 404, "not_found")
    assert_error(api.get("/jobs/unknown", headers=admin), 404, "not_found")


def test_backend_failure_is_a_503(api, service, monkeypatch):
    def down(*args, **kwargs):
        raise StoreError("Chroma server at 127.0.0.1:8000 unreachable")

    assert api.post("/answer", json={"question": QUESTION}).status_code == 200
    monkeypatch.setattr(service.library.store, "dense", down)
    new_question = "广州市2024年办理了多少件行政复议案件？"
    for payload in ({"question": new_question}, {"question": new_question, "stream": True}):
        error = assert_error(api.post("/answer", json=payload), 503, "backend_unavailable")
        assert "vector store" in error["message"] and "127.0.0.1" not in error["message"]  # which part, no internals
    assert_error(api.post("/search", json={"question": QUESTION}), 503, "backend_unavailable")
    assert api.post("/answer", json={"question": QUESTION}).json()["cached"]  # answers already made still serve
    monkeypatch.undo()
    assert api.post("/answer", json={"question": new_question}).status_code == 200


def test_cors_allows_the_portal_only(url):
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    allowed = httpx.options(f"{url}/api/v1/answer", headers={"Origin": PORTAL, **preflight}, timeout=10)
    assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == PORTAL
    other = httpx.options(f"{url}/api/v1/answer", headers={"Origin": "https://evil.example", **preflight}, timeout=10)
    assert "access-control-allow-origin" not in other.headers
    simple = httpx.get(f"{url}/api/v1/health", headers={"Origin": PORTAL}, timeout=10)
    assert simple.headers["access-control-allow-origin"] == PORTAL


def test_pages_docs_and_framing(url):
    page = httpx.get(f"{url}/", timeout=30)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert page.headers["content-security-policy"] == "frame-ancestors 'self'"
    embed = httpx.get(f"{url}/embed?body=成都市", timeout=30, follow_redirects=True)
    assert embed.status_code == 200 and str(embed.url).startswith(f"{url}/embed/?body=")
    assert embed.headers["content-security-policy"] == f"frame-ancestors 'self' {PORTAL}"
    docs = httpx.get(f"{url}/api/v1/docs", timeout=10)
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    spec = httpx.get(f"{url}/api/v1/openapi.json", timeout=10).json()
    assert {"/answer", "/chat/completions", "/documents", "/documents/{doc}", "/health"} <= set(spec["paths"])


@pytest.fixture(scope="module")
def limited(seeded):
    """A second server over the shared seeded library: 3 requests a minute, one answer at a time."""
    settings = seeded.settings.model_copy(
        update={"api_keys": ["k1", "k2"], "rate_limit": 3, "max_concurrent_answers": 1, "answer_wait": 0.2}
    )
    service = Service(seeded, settings=settings)
    with serve(create_server(service)) as base:
        yield base, service
    service.close()


def test_rate_limit_per_key(limited):
    base, _ = limited
    statuses = [httpx.get(f"{base}/api/v1/documents", headers=bearer("k1"), timeout=10) for _ in range(4)]
    assert [r.status_code for r in statuses] == [200, 200, 200, 429]
    assert_error(statuses[-1], 429, "rate_limited")
    assert int(statuses[-1].headers["retry-after"]) >= 1
    assert httpx.get(f"{base}/api/v1/documents", headers=bearer("k2"), timeout=10).status_code == 200
    assert httpx.get(f"{base}/api/v1/health", timeout=10).status_code == 200  # health is not limited


def test_busy_answer_slots_give_503_with_retry_after(limited):
    base, service = limited
    held = service.stream(QUESTION)  # started: holds the only answer slot
    try:
        response = httpx.post(f"{base}/api/v1/answer", json={"question": QUESTION}, headers=bearer("k2"), timeout=10)
        assert_error(response, 503, "busy")
        assert response.headers["retry-after"]
    finally:
        held.close()
    done = threading.Event()
    threading.Thread(target=lambda: (service.ask(QUESTION), done.set()), daemon=True).start()
    assert done.wait(30)  # the slot was given back
