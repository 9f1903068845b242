"""The iframe chat (`/embed`) and the page's accessibility, in a real browser (Playwright + Debian's Chromium).

The embed at a portal's narrow size (400×640): its title bar names the scope, a locked scope holds against an
edited link and answers a question about another place with a notice, and the sources open under the answer.
axe-core (bundled by the axe-playwright-python package, injected offline) checks / and /embed.
Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import time

import httpx
import pytest
from conftest import SEEDS
from live_server import serve
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from test_browser import ARTIFACTS, CHROMIUM, WAIT_MS, answered, chromium, failures

from bot import Library, Settings
from bot.serve.embed_scope import embed_link
from bot.serve.server import create_server
from bot.serve.service import Service

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary: apt-get install chromium")
SECRET = "门户-浏览器测试"
NARROW = {"width": 400, "height": 640}


@pytest.fixture(scope="module")
def service(tmp_path_factory, embed_cache):
    ARTIFACTS.mkdir(exist_ok=True)
    folder = tmp_path_factory.mktemp("browser-embed")
    library = Library(Settings(data_dir=folder / "data", embed_cache=embed_cache, embed_secret=SECRET))
    assert not library.index([SEEDS], show_progress=False).errors
    service = Service(library)
    yield service
    service.close()
    library.close()


@pytest.fixture(scope="module")
def site(service):
    with serve(create_server(service)) as base:
        yield base


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium-embed"), NARROW) as context:
        yield context


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.set_default_timeout(WAIT_MS)
    yield page
    page.close()


def ask_in_embed(page, question: str) -> None:
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()


def test_signed_embed_at_400x640_shows_its_scope_and_opens_sources(site, page):
    page.goto(embed_link(site, SECRET, "成都市", 2024))
    title = page.locator("#embed-title")
    page.wait_for_function("(document.querySelector('#embed-title')?.innerText || '').includes('成都市 · 2024年')")
    assert "范围已锁定" in title.inner_text()
    ask_in_embed(page, "办理的行政应诉案件有多少件？")
    answered(page, "5652")
    summary = page.locator("#chat details.answer-sources > summary").last
    summary.scroll_into_view_if_needed()
    box = summary.bounding_box()
    assert box and 0 <= box["y"] < NARROW["height"] and box["x"] + box["width"] <= NARROW["width"] + 1
    summary.click()
    card = page.locator("#chat details.answer-sources .source-card").first
    card.wait_for(state="visible")
    assert "成都市" in card.inner_text()
    assert failures(page) == []
    page.screenshot(path=str(ARTIFACTS / "embed-400x640-sources.png"))


def test_an_edited_signed_link_is_refused_in_the_browser(site, page):
    link = embed_link(site, SECRET, "成都市", 2024).replace("year=2024", "year=2023")
    response = page.goto(link)
    assert response is not None and response.status == 403
    assert "嵌入链接无效" in page.locator("body").inner_text()


def test_a_settings_lock_holds_against_the_query_and_notices_other_places(service, page):
    locked = Service(service.library, settings=service.settings.model_copy(update={"embed_body": "成都市"}))
    try:
        with serve(create_server(locked)) as base:
            page.goto(f"{base}/embed/?body=广州市&year=2017")  # the visitor's edit: ignored
            page.wait_for_function("(document.querySelector('#embed-title')?.innerText || '').includes('范围已锁定')")
            assert "成都市" in page.locator("#embed-title").inner_text()
            assert "广州市" not in page.locator("#embed-title").inner_text()
            ask_in_embed(page, "广州全市有多少个单位按期公开了法治政府建设年度报告？")
            answered(page, "本窗口仅回答成都市的报告")
            assert "544" not in page.locator("#chat").inner_text()
            ask_in_embed(page, "办理的行政应诉案件有多少件？")
            answered(page, "5652", turn=2)
            assert failures(page) == []
            page.screenshot(path=str(ARTIFACTS / "embed-locked-notice.png"))
            page.goto("about:blank")  # its event stream closed, the server stops at once
    finally:
        locked.close()


def test_unlocked_embed_title_says_all_reports(service, page):
    unsigned = Service(service.library, settings=service.settings.model_copy(update={"embed_secret": None}))
    try:
        with serve(create_server(unsigned)) as base:
            page.goto(f"{base}/embed/")
            page.wait_for_function("(document.querySelector('#embed-title')?.innerText || '').includes('全部报告')")
            assert "锁定" not in page.locator("#embed-title").inner_text()
            page.goto("about:blank")
    finally:
        unsigned.close()


LOOKALIKE = """样例市人民政府关于2025年度法治政府建设情况的报告

一、主要工作成效

全市办理行政复议案件2468件，纠错案件12件。
"""


def _upload(base: str, tmp_path) -> str:
    report = tmp_path / "lookalike.txt"
    report.write_text(LOOKALIKE, encoding="utf-8")
    with report.open("rb") as file:
        accepted = httpx.post(f"{base}/api/v1/documents", files={"files": ("lookalike.txt", file)})
    assert accepted.status_code == 202
    job = accepted.json()["job"]
    deadline = time.monotonic() + WAIT_MS / 1000
    while job["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.5)
        job = httpx.get(f"{base}/api/v1/jobs/{job['id']}").json()
    assert job["status"] == "done", job
    return "lookalike.txt"


def _pick(page, elem_id: str, option: str) -> None:
    page.locator(f"#{elem_id} input").click()
    page.get_by_role("option", name=option).click()


def test_documents_tab_lists_titles_filters_and_confirms_delete(site, page, tmp_path):
    doc = _upload(site, tmp_path)
    page.set_viewport_size({"width": 1280, "height": 900})
    dialogs: list[str] = []
    answer = {"confirm": False}
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept() if answer["confirm"] else d.dismiss()))
    page.goto(f"{site}/")
    page.get_by_role("tab", name="报告管理").click()
    table = page.locator("#documents")
    page.wait_for_function("(document.querySelector('#documents')?.innerText || '').includes('样例市')")
    assert "成都市人民政府关于2024年度法治政府建设情况的报告" in table.inner_text()
    _pick(page, "documents-body", "样例市")
    page.wait_for_function("!document.querySelector('#documents').innerText.includes('成都市人民政府')")
    shown = table.inner_text()
    assert "样例市人民政府关于2025年度法治政府建设情况的报告" in shown and "已索引" in shown
    assert time.strftime("%Y-") in shown  # its upload time
    page.screenshot(path=str(ARTIFACTS / "ui-documents-filtered.png"), full_page=True)

    _pick(page, "remove-doc", f"样例市人民政府关于2025年度法治政府建设情况的报告（{doc}）")
    page.locator("#remove").click()  # cancelled: the report stays
    page.wait_for_function("document.querySelector('#documents-status').innerText.includes('已取消删除')")
    assert dialogs and "样例市人民政府" in dialogs[0]
    assert "样例市" in table.inner_text()
    assert doc in {d["doc"] for d in httpx.get(f"{site}/api/v1/documents").json()["documents"]}
    answer["confirm"] = True
    page.locator("#remove").click()
    page.wait_for_function("document.querySelector('#documents-status').innerText.includes('已删除')")
    page.wait_for_function("!document.querySelector('#documents').innerText.includes('样例市人民政府')")
    assert doc not in {d["doc"] for d in httpx.get(f"{site}/api/v1/documents").json()["documents"]}


_AXE_RUN = """async () => {
    const result = await axe.run(document, {resultTypes: ["violations"]});
    return result.violations.filter(v => v.impact === "serious" || v.impact === "critical")
        .map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
}"""


def serious_violations(page) -> list[dict]:
    """axe-core's serious and critical findings on the page as it is now (axe.min.js from the dev extra's
    axe-playwright-python package, injected from disk: no network)."""
    from importlib import resources

    script = (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    page.add_script_tag(content=script)
    return page.evaluate(_AXE_RUN)


@pytest.mark.parametrize("where", ["/", "embed"])
def test_no_serious_accessibility_violations(site, page, where):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(embed_link(site, SECRET, "成都市", 2024) if where == "embed" else f"{site}/")
    ask_in_embed(page, "成都市2024年办理的行政应诉案件有多少件？")
    answered(page, "5652")
    if where == "embed":
        page.locator("#chat details.answer-sources > summary").last.click()
    else:
        page.locator("#sources details > summary").first.click()
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    found = serious_violations(page)
    assert found == [], found
    page.screenshot(path=str(ARTIFACTS / f"a11y-{where.strip('/') or 'page'}.png"), full_page=True)


def test_the_report_page_has_no_serious_accessibility_violations(site, page):
    """The whole report a source card opens, a passage highlighted: the third page axe checks."""
    documents = httpx.get(f"{site}/api/v1/documents").json()["documents"]
    doc = next(d["doc"] for d in documents if d.get("body") == "成都市")
    page.goto(f"{site}/reports/{doc}?hl=3#p-3")
    page.locator("mark, .highlight, [id='p-3']").first.wait_for()
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    found = serious_violations(page)
    assert found == [], found
    page.screenshot(path=str(ARTIFACTS / "a11y-report.png"), full_page=False)


def tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches `selector` (fails after `limit` presses)."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} not reached with the Tab key")


@pytest.mark.parametrize("where", ["/", "embed"])
def test_ask_and_open_a_source_with_the_keyboard_only(site, browser, where):
    page = browser.new_page()
    page.set_default_timeout(WAIT_MS)
    english = "for (const [k, v] of [['language', 'en-US'], ['languages', ['en-US']]]) "
    english += "Object.defineProperty(Navigator.prototype, k, {get: () => v, configurable: true});"
    page.add_init_script(english)  # an English browser: the page still speaks Chinese
    try:
        url = embed_link(site, SECRET, "成都市", 2024) if where == "embed" else f"{site}/"
        page.goto(url)
        page.evaluate("() => localStorage.clear()")  # no conversation kept by an earlier test of this module
        page.goto(url)
        page.locator("#question textarea").wait_for()
        tab_to(page, "#question textarea")
        page.keyboard.type(
            "办理的行政应诉案件有多少件？" if where == "embed" else "成都市2024年办理的行政应诉案件有多少件？"
        )
        for _ in range(3):  # an Enter before the freshly loaded page has wired its events is lost: press again
            page.keyboard.press("Enter")
            try:
                answered(page, "5652", timeout=20_000)
                break
            except PlaywrightTimeout:
                tab_to(page, "#question textarea")
        answered(page, "5652")
        summary = "details.answer-sources > summary" if where == "embed" else "#sources .source-card summary"
        opens = "() => document.activeElement?.closest('details')?.open === true"
        for _ in range(3):  # a late re-render of the panel (the page's load events) may take the focus away
            tab_to(page, summary)
            page.keyboard.press("Enter")
            try:
                page.wait_for_function(opens, timeout=10_000)
                break
            except PlaywrightTimeout:
                continue
        # the source the keyboard opened: the one holding the focused summary
        opened = page.evaluate_handle("document.activeElement.closest('details')")
        assert opened.evaluate("d => d.open") and "5652" in opened.evaluate("d => d.innerText")
        assert page.evaluate("document.documentElement.lang") == "zh-CN"
        page.screenshot(path=str(ARTIFACTS / f"keyboard-{where.strip('/') or 'page'}.png"))
    finally:
        page.close()


def test_upload_with_the_keyboard_only(site, browser, tmp_path):
    """The 报告管理 tab, the file chooser and 上传并索引 reached and used by Tab, arrow keys, Enter and Space."""
    report = tmp_path / "键盘上传.txt"
    text = "键盘市人民政府关于2025年度法治政府建设情况的报告\n\n全市办理行政复议案件1357件。\n"
    report.write_text(text, encoding="utf-8")
    page = browser.new_page()
    page.set_default_timeout(WAIT_MS)
    page.set_viewport_size({"width": 1280, "height": 900})
    try:
        page.goto(f"{site}/")
        page.locator("#question textarea").wait_for()
        for _ in range(60):  # Tab to the 报告管理 tab, Enter opens it
            if page.evaluate("(document.activeElement.innerText || '').trim()") == "报告管理":
                break
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.locator("#upload input[type=file]").wait_for(state="attached")
        for attempt in range(3):  # a late re-render can take the focus from the input: Tab to it again (bounded)
            tab_to(page, "#upload input[type=file]", limit=80)
            try:
                with page.expect_file_chooser(timeout=10_000) as chooser:
                    page.keyboard.press("Space")
                break
            except PlaywrightTimeout:
                if attempt == 2:
                    raise
        chooser.value.set_files(str(report))
        tab_to(page, "#upload-button", limit=20)
        page.keyboard.press("Enter")
        page.wait_for_function("document.querySelector('#documents-status').innerText.includes('已索引')")
        page.wait_for_function("document.querySelector('#documents').innerText.includes('键盘市')")
    finally:
        page.close()
