"""The report page (GET /reports/{doc}) over real HTTP, and the link every citation carries to it (issue #16).

A reader checking an answer opens the whole cleaned report at the cited passage: title, issuing body, year
covered, date and source line; every passage anchored; the cited one highlighted. Ids are looked up in the
index only: an unknown id or a path is a Chinese 404, never a file.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import quote

import httpx
import pytest
from live_server import serve

from bot.serve.conversation import conversation_text, turn_record
from bot.serve.reports import locate, report_url, valid_doc
from bot.serve.server import create_server
from bot.serve.service import Service, answer_json

CHENGDU = "004_7cff85eaf4bcf1da.txt"
HUADU = "001_bfb673fb5af5df88.txt"


@pytest.fixture(scope="module")
def service(seeded):
    service = Service(seeded)
    yield service
    service.close()


@pytest.fixture(scope="module")
def site(service):
    with serve(create_server(service)) as base:
        yield base


def _text(page: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", page))


def test_every_passage_of_every_seed_is_placed_in_its_report(seeded):
    for record in seeded.documents():
        doc = record["doc"]
        passages = seeded.passages(doc)
        spans = locate(seeded.report(doc).text, passages)
        assert [s.position for s in spans] == [p.position for p in passages], doc
        assert all(a.start < b.start for a, b in zip(spans, spans[1:])), doc  # in reading order


def test_the_report_page_shows_the_whole_report_and_its_record(site, seeded):
    page = httpx.get(f"{site}/reports/{HUADU}", timeout=30)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    text = _text(page.text)
    assert "广州市花都区人民政府关于2023年度法治政府建设情况的报告" in text
    for label, value in (("发布机关", "广州市花都区"), ("报告年度", "2023年"), ("发布日期", "2024-01-04")):
        assert f"{label}{value}" in text
    assert "来源花都区司法局" in text
    report = seeded.report(HUADU)
    last_line = [line for line in report.text.splitlines() if line.strip()][-1]
    assert last_line.strip() in text  # the whole report, to its last line
    anchors = re.findall(r'id="p-(\d+)"', page.text)
    assert [int(a) for a in anchors] == list(range(len(seeded.passages(HUADU))))
    assert "<mark" not in page.text  # nothing highlighted unless asked


def test_a_cited_passage_is_highlighted(site, service):
    answer = service.ask("成都市2024年办理的行政应诉案件有多少件？")
    citation = answer_json(answer)["citations"][0]
    url = citation["report_url"]
    assert url.startswith(f"/reports/{CHENGDU}?hl=") and "#p-" in url
    position = int(url.rsplit("#p-", 1)[1])
    page = httpx.get(f"{site}{url}", timeout=30)
    marked = _text("".join(re.findall(r'<mark class="cited">(.*?)</mark>', page.text)))
    cited = [line for line in citation["text"].split("\n") if line.strip()]
    assert marked.startswith(cited[0]) and marked.endswith(cited[-1])
    assert f'<span class="passage" id="p-{position}">' in page.text
    assert "黄色标出的是回答引用的段落" in page.text


def test_unknown_reports_and_paths_are_a_chinese_404(site):
    for path in (
        "/reports/nope.txt",
        "/reports/%2e%2e",
        "/reports/..%2F..%2Fpyproject.toml",
        "/reports/%2Fetc%2Fpasswd",
        "/reports/..%5C..%5Cpyproject.toml",
    ):
        page = httpx.get(f"{site}{path}", timeout=30)
        assert page.status_code == 404, path
        assert "[project]" not in page.text and "root:" not in page.text
    missing = httpx.get(f"{site}/reports/nope.txt", timeout=30)
    assert "没有找到这份报告" in missing.text
    assert not valid_doc("..") and not valid_doc("a/b") and not valid_doc("a\\b") and valid_doc(CHENGDU)


def test_report_text_is_escaped(make_library, tmp_path):
    hostile = tmp_path / "evil.txt"
    text = "测试市2025年法治政府建设情况报告\n\n一、工作\n\n办理<script>alert(1)</script>案件12件。\n"
    hostile.write_text(text, "utf-8")
    library = make_library()
    library.index([hostile], show_progress=False)
    service = Service(library)
    try:
        with serve(create_server(service)) as base:
            page = httpx.get(f"{base}{report_url('evil.txt', 0)}", timeout=30)
        assert "<script>alert" not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    finally:
        service.close()


def test_api_citations_carry_the_report_link(site, service):
    answer = service.ask("花都区2023年一共收到多少宗行政复议申请？")
    assert answer.citations and all(c.report_url for c in answer.citations)
    for citation in answer.citations:
        assert citation.report_url.startswith(f"/reports/{quote(citation.doc, safe='')}?hl=")


def test_the_exported_conversation_has_answers_and_their_sources(service):
    question = "花都区2023年一共收到多少宗行政复议申请？"
    answer = service.ask(question)
    text = conversation_text([turn_record(1, question, answer), {"turn": "broken"}])
    assert f"问：{question}" in text and "答：" in text and "786" in text
    sources = text.split("来源：", 1)[1]
    first = answer.citations[0]
    assert f"[{first.n}] {first.title}" in sources and "“" in sources


def test_the_report_page_sits_behind_the_pages_key(seeded):
    settings = seeded.settings.model_copy(update={"api_keys": ["user-key-for-tests"], "page_access": "key"})
    service = Service(seeded, settings=settings)
    try:
        with serve(create_server(service)) as base:
            html = {"Accept": "text/html"}
            page = httpx.get(f"{base}/reports/{CHENGDU}", headers=html, timeout=30)
            assert page.status_code == 303 and page.headers["location"].startswith("/login?next=")
            keyed = httpx.get(f"{base}/reports/{CHENGDU}", headers={"Authorization": "Bearer wrong"}, timeout=30)
            assert keyed.status_code in (401, 403) and "成都市" not in keyed.text
            signed = httpx.post(f"{base}/login", data={"key": "user-key-for-tests", "next": "/"}, timeout=10)
            cookie = signed.cookies.get("fazhi_session")
            opened = httpx.get(f"{base}/reports/{CHENGDU}", cookies={"fazhi_session": cookie}, timeout=30)
            assert opened.status_code == 200 and "成都市人民政府" in opened.text
    finally:
        service.close()
