"""The documents tab's report list (bot/serve/ui.py `document_rows`) over the real seeds' records."""

from __future__ import annotations

import time

import pytest
from live_server import seeded_service

from bot.serve.ui import BUNDLED, HEADERS, KEYWORD_ONLY, _removable, document_rows


@pytest.fixture(scope="module")
def documents(tmp_path_factory, embed_cache) -> list[dict]:
    with seeded_service(tmp_path_factory.mktemp("documents-list"), embed_cache) as service:
        return service.documents()


def _column(rows: list[list], name: str) -> list:
    return [row[HEADERS.index(name)] for row in rows]


def test_reports_are_listed_by_title_not_file_name(documents):
    rows = document_rows(documents, {}, {})
    assert len(rows) == 5 and HEADERS[0] == "标题" and HEADERS[-1] == "编号"
    titles = _column(rows, "标题")
    assert "成都市人民政府关于2024年度法治政府建设情况的报告" in titles
    assert not any(title.endswith(".txt") for title in titles)
    chengdu = rows[titles.index("成都市人民政府关于2024年度法治政府建设情况的报告")]
    by_name = dict(zip(HEADERS, chengdu))
    assert (by_name["发布机关"], by_name["年份"], by_name["成文日期"]) == ("成都市", 2024, "2025-01-06")
    assert by_name["段落数"] > 0 and by_name["上传时间"] == BUNDLED and by_name["状态"] == "已索引"
    assert by_name["编号"].endswith(".txt")


def test_filters_by_body_and_year(documents):
    guangzhou = document_rows(documents, {}, {}, body="广州市")
    assert len(guangzhou) == 2 and set(_column(guangzhou, "发布机关")) == {"广州市"}
    assert _column(document_rows(documents, {}, {}, body="广州市", year="2017"), "年份") == [2017]
    assert len(document_rows(documents, {}, {}, year="2024")) == 3
    assert document_rows(documents, {}, {}, body="北京市") == []


def test_upload_time_and_pending_jobs(documents):
    doc = documents[0]["doc"]
    when = time.mktime((2026, 12, 1, 9, 30, 0, 0, 0, -1))
    rows = document_rows(documents, {doc: when}, {doc: "remove", "新报告.pdf": "index"})
    first = dict(zip(HEADERS, rows[0]))
    assert first["上传时间"] == "2026-12-01 09:30" and first["状态"] == "删除中"
    indexing = dict(zip(HEADERS, rows[-1]))
    assert indexing["编号"] == "新报告.pdf" and indexing["状态"] == "索引中"
    assert "新报告.pdf" not in [value for _, value in _removable(rows)]  # nothing to delete yet
    assert _removable(rows)[0] == (f"{first['标题']}（{doc}）", doc)


def test_a_report_searchable_by_keyword_only_says_so(documents):
    """Keyword-first indexing (issue #17): a report whose vectors are still to come is listed as such."""
    pending = [{**documents[0], "status": "keyword"}, *documents[1:]]
    rows = document_rows(pending, {}, {})
    assert dict(zip(HEADERS, rows[0]))["状态"] == KEYWORD_ONLY
    assert {dict(zip(HEADERS, row))["状态"] for row in rows[1:]} == {"已索引"}
