"""The web page in a real browser: Playwright driving Debian's Chromium (headless) against a live server.

Screenshots go to test-artifacts/. Skipped only when no Chromium binary exists (CI installs one).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from live_server import serve

from bot import Library, Settings
from bot.server import create_server
from bot.service import Service

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
WAIT_MS = 60_000


@pytest.fixture(scope="module", autouse=True)
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory, embed_cache):
    folder = tmp_path_factory.mktemp("browser")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    library = Library(Settings(data_dir=folder / "data", embed_cache=embed_cache))
    assert not library.index([SEEDS, hostile], show_progress=False).errors
    service = Service(library)
    with serve(create_server(service)) as base:
        yield base
    service.close()
    library.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 900},
            timeout=WAIT_MS,
        )
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.set_default_timeout(WAIT_MS)
    page.dialogs = []  # any alert() means report text ran as script
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    page.close()


def ask(page, question: str) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    page.locator("#ask").click()
    page.locator("#sources .source-card").first.wait_for(state="visible")


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
    page.locator("#remove").click()
    page.wait_for_function("document.querySelector('#documents-status').innerText.includes('已删除')")
    page.wait_for_function("!document.querySelector('#documents').innerText.includes('上传测试.txt')")


def test_report_html_is_shown_not_run(site, page):
    page.goto(f"{site}/embed/")
    ask(page, "测试市2025年办理行政复议案件多少件？")
    page.wait_for_function("document.querySelector('#chat').innerText.includes('4321')", timeout=WAIT_MS)
    card = page.locator("#sources .source-card").first
    assert "<script>alert(1)</script>" in card.inner_text()
    assert page.locator("#sources script, #sources img, #chat img[src='x']").count() == 0
    page.wait_for_timeout(500)
    assert page.dialogs == []
    page.screenshot(path=str(ARTIFACTS / "embed-escaped.png"), full_page=True)
    assert Path(ARTIFACTS / "embed-escaped.png").stat().st_size > 0
