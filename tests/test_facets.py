"""The documents list by issuing body and year (facets), and each report's status, over real HTTP."""

from __future__ import annotations

from collections import Counter

import httpx
import pytest
from live_server import seeded_service, serve

from bot.serve.catalog import facet
from bot.serve.server import create_server
from bot.text import to_simplified


@pytest.fixture(scope="module")
def api(tmp_path_factory, embed_cache):
    data = tmp_path_factory.mktemp("facets")
    with (
        seeded_service(data, embed_cache, rate_limit=0) as service,
        serve(create_server(service)) as base,
        httpx.Client(base_url=f"{base}/api/v1", timeout=30) as client,
    ):
        yield client


def test_list_has_facets_counting_every_report(api):
    listed = api.get("/documents").json()
    documents, facets = listed["documents"], listed["facets"]
    assert len(documents) == 5 and {d["status"] for d in documents} == {"complete"}
    assert not any({"kw", "fingerprint", "path"} & d.keys() for d in documents)  # store internals stay inside
    assert facets["bodies"] == dict(Counter(d["body"] for d in documents))
    assert facets["years"] == {str(y): n for y, n in Counter(d["year"] for d in documents).items()}
    assert sum(facets["bodies"].values()) == 5 and len(facets["bodies"]) >= 3


def test_filter_by_body_and_year_counts_within_the_other_filter(api):
    everything = api.get("/documents").json()["documents"]
    body = Counter(d["body"] for d in everything).most_common(1)[0][0]
    years = sorted({d["year"] for d in everything if d["body"] == body})
    by_body = api.get("/documents", params={"body": body}).json()
    assert {d["body"] for d in by_body["documents"]} == {body}
    assert sorted(int(y) for y in by_body["facets"]["years"]) == years
    assert sum(by_body["facets"]["bodies"].values()) == len(
        everything
    )  # bodies are counted within the year filter only
    one = api.get("/documents", params={"body": body, "year": years[0]}).json()
    assert [(d["body"], d["year"]) for d in one["documents"]] == [(body, years[0])] * len(one["documents"])
    assert one["documents"] and one["facets"]["bodies"][body] == len(one["documents"])
    assert api.get("/documents", params={"year": 1999}).json()["documents"] == []
    assert api.get("/documents", params={"year": "notayear"}).status_code == 422


def test_a_filter_in_traditional_characters_finds_the_simplified_body():
    documents = [{"doc": "a", "body": "广州市", "year": 2024}, {"doc": "b", "body": "韶關市", "year": 2024}]
    assert [d["doc"] for d in facet(documents, body="廣州市")["documents"]] == ["a"]
    assert [d["doc"] for d in facet(documents, body="韶关市")["documents"]] == ["b"]
    assert facet(documents, year=2023) == {"documents": [], "facets": {"bodies": {}, "years": {"2024": 2}}}
    assert to_simplified("廣州市") == "广州市"


def test_one_report_shows_its_status(api):
    doc = api.get("/documents").json()["documents"][0]["doc"]
    assert api.get(f"/documents/{doc}").json()["status"] == "complete"
