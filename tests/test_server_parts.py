"""The server's parts without a server: names, keys, limits, settings, escaping, highlights, UI messages."""

from __future__ import annotations

import hashlib
import io

import pytest

from bot.answer.quotes import cited_sentences
from bot.errors import BadInput, Forbidden, TooLarge, Unauthorized
from bot.index.store import StoreError
from bot.models import REFUSAL, Answer, Citation
from bot.serve.errors import status_of
from bot.serve.jobs import JobQueue
from bot.serve.render import answer_html, escape, sources_html
from bot.serve.security import KeyRing, RateLimiter, bind_host
from bot.serve.service import Service
from bot.serve.ui import chat_turn
from bot.serve.uploads import BadName, Uploads, safe_name
from bot.settings import Settings

SCRIPT = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def _tag(name: str) -> str:
    """What a cut name ends in: `~` and 8 hex digits of the whole (cleaned) name."""
    return "~" + hashlib.sha256(name.encode()).hexdigest()[:8]


@pytest.mark.parametrize(
    "raw, name",
    [
        ("report.txt", "report.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("/abs/path/年度 报告.PDF", "年度_报告.pdf"),
        ("C:\\Users\\a\\b.docx", "b.docx"),
        ("..\\..\\x.md", "x.md"),
        ("...hidden.txt", "hidden.txt"),
        ("a\x00b\n.txt", "ab.txt"),
        ("x" * 300 + ".html", "x" * 106 + _tag("x" * 300 + ".html") + ".html"),
        # 316 bytes → ≤ 200: file systems allow 255 bytes per name; cut at a character, never inside one
        pytest.param("法" * 104 + ".txt", "法" * 62 + _tag("法" * 104 + ".txt") + ".txt", id="108-chinese-characters"),
        pytest.param("法" * 64 + "ab.txt", "法" * 64 + "ab.txt", id="198-bytes-kept"),
        pytest.param("a" + "法" * 70 + ".md", "a" + "法" * 62 + _tag("a" + "法" * 70 + ".md") + ".md", id="cut-chars"),
    ],
)
def test_safe_names(raw, name):
    assert safe_name(raw) == name and len(name) <= 120 and len(name.encode()) <= 200


def test_long_names_that_begin_alike_stay_apart():
    first, second = (safe_name("法治政府建设年度报告" * 20 + end) for end in ("甲.txt", "乙.txt"))
    assert first != second and first[:60] == second[:60]


@pytest.mark.parametrize("raw", ["", "..", "../", ".txt", "noext", "virus.exe", "a/b/", "___.txt"])
def test_unusable_names(raw):
    with pytest.raises(BadName):
        safe_name(raw)


def test_staging_enforces_the_size_limit(tmp_path):
    uploads = Uploads(tmp_path / "uploads")
    assert uploads.stage("b1", "a.txt", io.BytesIO(b"x" * 10), limit=10).read_bytes() == b"x" * 10
    with pytest.raises(TooLarge):
        uploads.stage("b2", "a.txt", io.BytesIO(b"x" * 11), limit=10)
    assert not (tmp_path / "uploads" / ".staging" / "b2").exists()


def test_startup_paths_skip_removed_and_replaced_seeds(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (seeds / name).write_text("x", encoding="utf-8")
    uploads = Uploads(tmp_path / "uploads")
    uploads.stage("b", "b.txt", io.BytesIO(b"new"), 100)
    uploads.install("b", "b.txt")
    uploads.delete("c.txt")
    paths = [p.relative_to(tmp_path).as_posix() for p in uploads.startup_paths(seeds)]
    assert paths == ["seeds/a.txt", "uploads/b.txt"]


def test_keys():
    ring = KeyRing(["user"], ["admin"])
    assert ring.check("Bearer user").admin is False
    assert ring.check("bearer admin", admin=True).admin is True
    for header in [None, "Bearer", "Basic user", "Bearer other"]:
        with pytest.raises(Unauthorized):
            ring.check(header)
    with pytest.raises(Forbidden) as error:
        ring.check("Bearer user", admin=True)
    assert not isinstance(error.value, Unauthorized)
    for header in ["Bearer user", "Bearer other"]:  # an admin route tells a user key from an unknown one by nothing
        with pytest.raises(Forbidden) as error:
            ring.check_admin(header)
        assert str(error.value) == "an admin key is needed for this (BOT_ADMIN_KEYS)"
    assert KeyRing([], []).open and KeyRing([], []).check(None, admin=True).admin


def test_rate_limiter_refills():
    now = [1000.0]
    limiter = RateLimiter(per_minute=120, clock=lambda: now[0])  # two a second
    assert [limiter.hit("k") for _ in range(120)] == [None] * 120
    wait = limiter.hit("k")
    assert wait == 1 and limiter.hit("other") is None
    assert limiter.blocked("k") == 1 and limiter.blocked("other") is None
    now[0] += 0.6  # a token refilled
    assert limiter.blocked("k") is None and limiter.hit("k") is None
    assert limiter.hit("k") == 1
    assert RateLimiter(0).hit("k") is None and RateLimiter(0).blocked("k") is None


def test_settings_lists_and_bind_host(monkeypatch):
    monkeypatch.setenv("BOT_API_KEYS", " k1, k2 ,")
    monkeypatch.setenv("BOT_CORS_ORIGINS", "https://portal.example")
    settings = Settings(host="0.0.0.0")
    assert settings.api_keys == ["k1", "k2"] and settings.cors_origins == ["https://portal.example"]
    assert bind_host(settings) == ("0.0.0.0", None)
    monkeypatch.delenv("BOT_API_KEYS")
    host, notice = bind_host(Settings(host="0.0.0.0"))
    assert host == "127.0.0.1" and "no API key" in notice and "0.0.0.0" in notice
    assert bind_host(Settings())[0] == "127.0.0.1"


def test_jobs_run_in_order_and_survive_failures():
    jobs = JobQueue()
    seen = []
    first = jobs.submit("index", lambda job: seen.append(1), ["a"])
    broken = jobs.submit("index", lambda job: 1 / 0, ["b"])
    last = jobs.submit("index", lambda job: seen.append(3), ["c"])
    assert jobs.wait(last.id, 10).status == "done"
    assert jobs.get(first.id).status == "done" and seen == [1, 3]
    assert broken.status == "failed" and "ZeroDivisionError" in broken.errors[0]["reason"]
    jobs.close()


def test_highlights_find_the_cited_sentence():
    passage = "第一句无关。全市全部544個單位按期公開率為100%。第三句；"
    found = cited_sentences("全市全部544个单位按期公开[1]。别的[2]。", 1, passage)
    assert found == ["全市全部544個單位按期公開率為100%。"]
    assert cited_sentences("全市全部544个单位按期公开[2]。", 1, passage) == []


def _markup(html: str) -> set[tuple[str, str | None]]:
    """Every (tag, attribute) in `html` as a browser would parse it ((tag, None) for a bare tag)."""
    from html.parser import HTMLParser

    found: set[tuple[str, str | None]] = set()

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.update({(tag, name) for name, _ in attrs} or {(tag, None)})

    Collect().feed(html)
    return found


def _answer(text: str, passage: str, flagged: list[str] | None = None) -> Answer:
    citation = Citation(1, "evil.txt", f"标题{SCRIPT}", f"一、{SCRIPT}", passage, "测试市", 2025)
    return Answer(question="q", answer=text, refused=False, citations=[citation], flagged_numbers=flagged or [])


def test_report_text_is_escaped_everywhere():
    passage = f"前文。其中{SCRIPT}案件12件。"
    answer = _answer(f"其中{SCRIPT}案件12件[1]。", passage, flagged=["12"])
    for html in (answer_html(answer), sources_html(answer)):
        assert "<script" not in html and "<img" not in html
        assert _markup(html) <= {
            ("sup", "class"),
            ("a", "href"),
            ("mark", "class"),
            ("mark", "title"),
            ("span", "class"),
            ("div", "class"),
            ("div", "id"),
            ("blockquote", "class"),
            ("p", None),
            ("details", None),
            ("summary", None),
        }  # only the markup we write: no on* handler, no src
    assert "&lt;script&gt;" in sources_html(answer)
    assert '<mark class="cited">' in sources_html(answer)
    assert 'class="flagged"' in answer_html(answer) and 'href="#source-1"' in answer_html(answer)
    assert escape("**粗体** [链接](javascript:x)") == r"\*\*粗体\*\* \[链接\]\(javascript:x\)"


def test_refusals_and_failures_are_messages_not_tracebacks(seeded, monkeypatch):
    service = Service(seeded)
    try:
        *_, (_, messages, _, sources, _) = chat_turn(service, "深圳市2024年出庭应诉率是多少？", [], [], "", "")
        assert REFUSAL in messages[-1]["content"] and "筛选" in messages[-1]["content"]

        def down(*args, **kwargs):
            raise StoreError("Chroma unreachable")

        monkeypatch.setattr(seeded.store, "dense", down)
        *_, (_, messages, turns, sources, _) = chat_turn(service, "广州办理行政复议案件多少件？", [], [], "", "")
        assert "暂时无法回答" in messages[-1]["content"] and "Traceback" not in messages[-1]["content"]
        assert turns == []
        monkeypatch.setattr(seeded.store, "dense", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("bug")))
        *_, (_, messages, _, _, _) = chat_turn(service, "广州办理行政复议案件多少件？", [], [], "", "")
        assert "服务暂时不可用" in messages[-1]["content"] and "bug" not in messages[-1]["content"]
    finally:
        service.close()


def test_service_rejects_empty_questions(seeded):
    service = Service(seeded)
    with pytest.raises(BadInput) as error:
        service.stream("  ")
    assert status_of(error.value) == 422
    service.close()


def test_repeated_requests_are_answered_from_memory_until_the_reports_change(make_library, seeds_dir):
    library = make_library(answer_cache=64)
    library.index([seeds_dir / "004_7cff85eaf4bcf1da.txt"], show_progress=False)
    service = Service(library)
    question = "成都市2024年行政复议案件有多少件？"
    try:
        first = service.ask(question)
        assert not first.refused and not first.cached
        calls = []
        original = service.answerer.stream
        service.answerer.stream = lambda *a, **k: calls.append(a) or original(*a, **k)
        again = service.ask(" " + question)
        assert again.cached and calls == [] and (again.answer, again.citations) == (first.answer, first.citations)
        assert not service.ask(question, history=[{"role": "user", "content": "广州呢"}]).cached
        assert not service.ask(question, k=5).cached and len(calls) == 2
        library.index([seeds_dir / "001_bfb673fb5af5df88.txt"], show_progress=False)  # the reports changed
        assert not service.ask(question).cached and len(calls) == 3
        assert service.ask(question).cached
    finally:
        service.close()
    off = Service(make_library(answer_cache=0))
    try:
        assert not off.ask(question).cached and not off.ask(question).cached
    finally:
        off.close()


def test_a_remembered_answer_is_consumed_like_a_fresh_one(seeded):
    """Issue #11: the page broke on answers served from memory (they could not be closed)."""
    service = Service(seeded)
    question = "广州全市有多少个单位按期公开了法治政府建设年度报告？"
    try:
        for _ in range(2):  # made, then remembered
            *_, (_, messages, turns, sources, _) = chat_turn(service, question, [], [], "", "")
            assert "544" in messages[-1]["content"] and 'class="source-card"' in sources and len(turns) == 2
        with service.stream(question) as events:
            pieces = list(events)
        assert pieces[-1].cached and pieces[0] == pieces[-1].answer
        assert service.ask(question).cached
    finally:
        service.close()
