"""The web page in a real browser: Playwright driving Debian's Chromium (headless) against a live server.

Screenshots go to test-artifacts/. Skipped only when no Chromium binary exists (CI installs one).
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from live_server import serve
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from bot import Library, Settings
from bot.serve.server import create_server
from bot.serve.service import Service

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium binary: apt-get install chromium (.ci/run installs it)"
)
ARTIFACTS = ROOT / "test-artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = """测试市人民政府关于2025年度法治政府建设情况的报告

一、主要工作成效

全市办理行政复议案件4321件，其中<script>alert(1)</script>纠错<img src=x onerror=alert(2)>案件12件。
"""
# How long the page may take to show what the server sends: a ceiling on waiting, not a speed check (speed is
# measured in benchmarks/). A busy 2-core CI machine once took over 60 s for the first answer of a module.
WAIT_MS = 180_000


@pytest.fixture(scope="module", autouse=True)
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)


@pytest.fixture(scope="module")
def service(tmp_path_factory, embed_cache):
    folder = tmp_path_factory.mktemp("browser")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    library = Library(Settings(data_dir=folder / "data", embed_cache=embed_cache))
    assert not library.index([SEEDS, hostile], show_progress=False).errors
    service = Service(library)  # answers remembered (the default): a repeated question is served from memory
    yield service
    service.close()
    library.close()


@pytest.fixture(scope="module")
def site(service):
    with serve(create_server(service)) as base:
        yield base


@contextmanager
def chromium(profile: Path, viewport: dict) -> Iterator:
    """Debian's Chromium, headless, with its own profile (kept conversations live in its localStorage)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=ARGS,
            viewport=viewport,
            locale="zh-CN",  # as our users' browsers: Gradio then labels failures 错误
            timeout=WAIT_MS,
        )
        yield context
        context.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium-profile"), {"width": 1280, "height": 900}) as context:
        yield context


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.set_default_timeout(WAIT_MS)
    page.dialogs = []  # any alert() means report text ran as script
    page.confirm = False  # a test that means to confirm (deleting a report) sets this

    def dialog(dialog) -> None:
        page.dialogs.append(dialog.message)
        dialog.accept() if dialog.type == "confirm" and page.confirm else dialog.dismiss()

    page.on("dialog", dialog)
    yield page
    page.close()


def ask(page, question: str) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    page.locator("#ask").click()
    page.locator("#sources .source-card").first.wait_for(state="visible")


# Gradio shows a failed event as a toast and as 错误/Error badges over the outputs it was updating.
_FAILURES = """() => [...document.querySelectorAll('[data-testid="toast-body"], [data-testid="status-tracker"]')]
    .filter(e => e.offsetParent !== null && (e.classList.contains('error') || /错误|Error/.test(e.innerText)))
    .map(e => e.innerText.trim())"""


def failures(page) -> list[str]:
    """What the page shows as failed (toasts, error badges); empty when all went well."""
    return page.evaluate(_FAILURES)


def answered(page, text: str, turn: int = 1, timeout: float = WAIT_MS) -> None:
    """Wait until the chat holds `turn` answers and the last one contains `text`."""
    script = """([text, turn]) => {
        const bots = document.querySelectorAll('#chat .message-row.bot-row, #chat [data-testid="bot"]');
        return bots.length >= turn && bots[bots.length - 1].innerText.includes(text);
    }"""
    page.wait_for_function(script, arg=[text, turn], timeout=timeout)


def test_ask_a_question_and_see_cited_sources(site, page):
    page.goto(f"{site}/")
    page.get_by_text("示例问题").first.wait_for()
    ask(page, "广州全市有多少个单位按期公开了法治政府建设年度报告？")
    page.wait_for_function("document.querySelector('#chat').innerText.includes('544')", timeout=WAIT_MS)
    card = page.locator("#sources .source-card").first
    assert "[1]" in card.inner_text() and "广州市" in card.inner_text()
    assert "544" in card.locator(".source-quote").inner_text()
    card.locator("summary").click()
    assert card.locator("mark.cited").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "ui-answer.png"), full_page=True)


def test_documents_tab_lists_and_uploads(site, page, tmp_path):
    report = tmp_path / "上传测试.txt"
    report.write_text(HOSTILE.replace("测试市", "样例市").replace("4321", "2468"), encoding="utf-8")
    page.goto(f"{site}/")
    page.get_by_role("tab", name="报告管理").click()
    page.wait_for_function("document.querySelector('#documents').innerText.includes('000_8fbd729c494b9d50.txt')")
    page.locator("#upload input[type=file]").set_input_files(str(report))
    page.get_by_role("button", name="上传并索引").click()
    page.wait_for_function("document.querySelector('#documents-status').innerText.includes('已索引')")
    page.wait_for_function("document.querySelector('#documents').innerText.includes('上传测试.txt')")
    page.screenshot(path=str(ARTIFACTS / "ui-documents.png"), full_page=True)

    page.locator("#remove-doc input").click()
    page.get_by_role("option", name="上传测试.txt").click()
    page.locator("#remove").click()  # not confirmed: nothing happens
    page.wait_for_function("() => true")
    assert any("上传测试.txt" in message for message in page.dialogs)
    assert "上传测试.txt" in page.locator("#documents").inner_text()
    page.confirm = True
    page.locator("#remove").click()
    page.wait_for_function("document.querySelector('#documents-status').innerText.includes('已删除')")
    page.wait_for_function("!document.querySelector('#documents').innerText.includes('上传测试.txt')")
    page.dialogs.clear()


def test_report_html_is_shown_not_run(site, page):
    page.goto(f"{site}/embed/")
    page.locator("#question textarea").fill("测试市2025年办理行政复议案件多少件？")
    page.locator("#ask").click()
    page.wait_for_function("document.querySelector('#chat').innerText.includes('4321')", timeout=WAIT_MS)
    page.locator("#chat details.answer-sources > summary").last.click()  # the embed folds sources under the answer
    card = page.locator("#chat .answer-sources .source-card").first
    assert "<script>alert(1)</script>" in card.inner_text()
    assert page.locator("#sources script, #sources img, #chat script, #chat img[src='x']").count() == 0
    page.wait_for_timeout(500)
    assert page.dialogs == []
    page.screenshot(path=str(ARTIFACTS / "embed-escaped.png"), full_page=True)
    assert Path(ARTIFACTS / "embed-escaped.png").stat().st_size > 0


REPEATED = "广州全市有多少个单位按期公开了法治政府建设年度报告？"


def test_the_same_question_again_after_clearing_is_answered(site, page):
    """Issue #11: a question answered before (so served from memory) broke the page."""
    page.goto(f"{site}/")
    ask(page, REPEATED)
    answered(page, "544")
    page.locator("#clear").click()
    page.wait_for_function("!document.querySelector('#chat').innerText.includes('544')")
    ask(page, REPEATED)
    answered(page, "544")
    assert failures(page) == []
    ask(page, "成都市2024年办理的行政应诉案件有多少件？")  # the box still takes questions
    answered(page, "5652", turn=2)
    assert failures(page) == []
    page.screenshot(path=str(ARTIFACTS / "ui-repeated-question.png"), full_page=True)


def test_the_same_question_in_two_fresh_pages(site, browser):
    for _ in range(2):
        page = browser.new_page()
        page.set_default_timeout(WAIT_MS)
        try:
            page.goto(f"{site}/")
            ask(page, "韶关市选聘了几名行政执法监督员？")
            answered(page, "韶关")
            assert failures(page) == []
        finally:
            page.close()


def test_an_example_question_clicked_in_two_pages(site, browser):
    example = "花都区2023年一共收到多少宗行政复议申请？"
    for _ in range(2):
        page = browser.new_page()
        page.set_default_timeout(WAIT_MS)
        try:
            page.goto(f"{site}/")
            filled = "([q]) => document.querySelector('#question textarea').value === q"
            # the example itself: the second page restores the first one's kept chat, where the same words are
            # a message (clicking that fills nothing: two fresh-clone CI runs failed so); a click before the
            # freshly loaded page has wired its events is lost: click again, every 10 s, up to the wait ceiling
            for _ in range(WAIT_MS // 10_000):
                page.locator("#examples").get_by_text(example).first.click()
                try:
                    page.wait_for_function(filled, arg=[example], timeout=10_000)
                    break
                except PlaywrightTimeout:
                    continue
            page.wait_for_function(filled, arg=[example])
            page.locator("#ask").click()
            page.locator("#sources .source-card").first.wait_for(state="visible")
            answered(page, "786")
            assert failures(page) == []
        finally:
            page.close()


def test_an_unexpected_failure_is_a_chinese_message_and_the_page_goes_on(site, service, page, monkeypatch):
    real = service.answerer.backend

    class Broken:
        name = real.name

        def generate(self, question, passages, intent):
            if "共办理" not in question:
                yield from real.generate(question, passages, intent)
                return
            yield "部分回答"
            raise KeyError("internal_state_lost")  # a bug, not a backend failure

    monkeypatch.setattr(service.answerer, "backend", Broken())
    page.goto(f"{site}/")
    page.locator("#question textarea").fill("成都市2024年共办理行政应诉案件多少件？")
    page.locator("#ask").click()
    page.wait_for_function("document.querySelector('#chat').innerText.includes('暂时')", timeout=WAIT_MS)
    chat = page.locator("#chat").inner_text()
    assert "internal_state_lost" not in chat and "KeyError" not in chat and "Traceback" not in chat
    assert failures(page) == []
    page.screenshot(path=str(ARTIFACTS / "ui-unexpected-failure.png"), full_page=True)
    ask(page, "韶关市选聘了几名行政执法监督员？")
    answered(page, "韶关", turn=2)
    assert failures(page) == []


def test_a_question_typed_while_an_answer_streams_is_kept(site, service, page, monkeypatch):
    """The next question typed while an answer comes in stays in the box: each streamed piece used to clear the
    box again, so the typed question vanished unasked. The answer is held until the next one is typed."""
    real, typed = service.answerer.backend, threading.Event()

    class Held:
        name = real.name

        def generate(self, question, passages, intent):
            assert typed.wait(WAIT_MS / 1000), "the test never typed its next question"
            yield from real.generate(question, passages, intent)

    monkeypatch.setattr(service.answerer, "backend", Held())
    page.goto(f"{site}/")
    page.locator("#question textarea").fill("成都市2024年办理行政应诉案件多少件？")
    page.locator("#ask").click()
    page.wait_for_function("document.querySelector('#chat').innerText.includes('成都市2024年办理')", timeout=WAIT_MS)
    # the submit's own clearing of the box first (on a busy machine it landed after the next question was typed)
    page.wait_for_function("document.querySelector('#question textarea').value === ''", timeout=WAIT_MS)
    page.locator("#question textarea").fill("那行政复议呢？")
    typed.set()
    page.wait_for_function("document.querySelector('#chat').innerText.includes('5652')", timeout=WAIT_MS)
    page.locator("#sources .source-card").first.wait_for(state="visible")
    assert page.locator("#question textarea").input_value() == "那行政复议呢？"
    page.screenshot(path=str(ARTIFACTS / "ui-typed-while-streaming.png"), full_page=True)


def test_asking_too_often_is_a_chinese_message(service, browser):
    """The chat's own limit on questions per address: a sentence in the chat, not Gradio's 错误 badges."""
    limited = Service(service.library, settings=service.settings.model_copy(update={"rate_limit": 2}))
    limited.page_questions.clock = lambda: 0.0  # time stands still: no token comes back however slow the answers
    page = browser.new_page()
    page.set_default_timeout(WAIT_MS)
    try:
        with serve(create_server(limited)) as base:
            page.goto(f"{base}/")
            asked = [("韶关市选聘了几名行政执法监督员？", "韶关"), ("成都市2024年办理的行政应诉案件有多少件？", "5652")]
            for n, (question, expected) in enumerate(asked, 1):
                ask(page, question)
                answered(page, expected, turn=n)
            page.locator("#question textarea").fill("花都区2023年一共收到多少宗行政复议申请？")
            page.locator("#ask").click()
            page.wait_for_function("document.querySelector('#chat').innerText.includes('提问太频繁')")
            assert failures(page) == []
            page.screenshot(path=str(ARTIFACTS / "ui-rate-limited.png"), full_page=True)
    finally:
        page.close()
        limited.close()
