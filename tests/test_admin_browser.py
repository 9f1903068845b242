"""The admin view in a real browser (headless Chromium): sign in with an admin key, see what users asked and
rated, hit-test a question. Skipped without a chromium binary."""

from __future__ import annotations

import time

import httpx
import pytest
from live_server import seeded_service, serve
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from test_browser import ARTIFACTS, CHROMIUM, WAIT_MS, chromium

from bot.serve.server import create_server

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary")
KEY, ADMIN = "user-key-18-br", "admin-key-18-br"
GAP = "海南省2024年办理了多少件行政复议案件？"


@pytest.fixture(scope="module")
def site(tmp_path_factory, embed_cache):
    keys = {"api_keys": [KEY], "admin_keys": [ADMIN]}
    with (
        seeded_service(tmp_path_factory.mktemp("admin"), embed_cache, **keys) as service,
        serve(create_server(service)) as base,
    ):
        yield base


def test_an_admin_signs_in_sees_the_log_and_hit_tests(site, tmp_path):
    api = httpx.Client(base_url=f"{site}/api/v1", headers={"Authorization": f"Bearer {KEY}"}, timeout=30)
    asked = api.post("/answer", json={"question": "花都区目前有多少名公职律师？"}).json()
    api.post("/feedback", json={"answer_id": asked["answer_id"], "rating": "down", "correct_answer": "68名"})
    for _ in range(2):
        api.post("/answer", json={"question": GAP})
    ARTIFACTS.mkdir(exist_ok=True)
    with chromium(tmp_path / "profile", {"width": 1280, "height": 820}) as browser:
        page = browser.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(f"{site}/admin")
        assert "/admin/login" in page.url
        page.fill("#key", KEY)  # a user key is not enough
        page.click("button[type=submit]")
        assert page.locator(".error").is_visible()
        page.fill("#key", ADMIN)
        page.click("button[type=submit]")
        page.wait_for_url(f"{site}/admin")
        assert page.locator("text=最常被拒答的问题").is_visible()
        assert page.locator(f"td:has-text('{GAP}')").count() >= 2  # the log and the refusals table
        page.screenshot(path=str(ARTIFACTS / "admin.png"))  # README's picture (docs/admin.png)
        page.select_option("select[name=rating]", "down")
        page.click("#filter")
        page.wait_for_load_state()
        rows = page.locator("table").nth(3).locator("tr")  # stats, frequent, refusals, then the log
        assert rows.count() == 2 and "68名" in rows.nth(1).inner_text()
        page.fill("input[name=q]", "花都区目前有多少名公职律师？")
        page.click("#hittest-run")
        page.wait_for_load_state()
        assert page.locator("text=覆盖度").is_visible() and page.locator("h4:has-text('fused')").count() == 1
        page.screenshot(path=str(ARTIFACTS / "admin-hittest.png"))


def test_a_thumbs_down_on_the_page_lands_in_the_log(site, tmp_path):
    question = "韶关市选聘了几名行政执法监督员？"
    with chromium(tmp_path / "profile", {"width": 1280, "height": 900}) as browser:
        page = browser.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(site)
        page.locator("#question textarea").fill(question)
        for _ in range(3):  # a click before the freshly loaded page has wired its buttons is lost: ask again
            page.locator("#ask").click()
            try:
                page.locator("#sources .source-card").first.wait_for(state="visible", timeout=20_000)
                break
            except PlaywrightTimeout:
                page.locator("#question textarea").fill(question)
        page.locator("#sources .source-card").first.wait_for(state="visible")
        page.locator("#chat button[aria-label='踩']").last.click()  # Gradio's 👎 (Dislike) in zh-CN
        admin = httpx.Client(base_url=f"{site}/api/v1", headers={"Authorization": f"Bearer {ADMIN}"}, timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            down = admin.get("/admin/log", params={"rating": "down", "channel": "page"}).json()["entries"]
            if any(e["question"] == question for e in down):
                break
            time.sleep(0.5)
        else:
            pytest.fail("the page's 👎 did not reach the log")
        # a 👎 opens the form for what is wrong; the right answer given there reaches the log with the rating
        page.locator("#feedback-correct textarea").fill("选聘18名行政执法监督员")
        page.locator("#feedback-report textarea, #feedback-report input").first.fill("韶关市2024年法治政府建设情况报告")
        page.locator("#feedback-send").click()
        page.wait_for_function("(document.querySelector('#feedback-status')?.innerText || '').includes('已收到')")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            down = admin.get("/admin/log", params={"rating": "down", "channel": "page"}).json()["entries"]
            given = [e["feedback"] for e in down if e["question"] == question and e.get("feedback")]
            if any(f.get("correct_answer") == "选聘18名行政执法监督员" for f in given):
                break
            time.sleep(0.5)
        else:
            pytest.fail("the right answer given after a 👎 on the page did not reach the log")
        page.screenshot(path=str(ARTIFACTS / "ui-feedback-form.png"), full_page=True)
