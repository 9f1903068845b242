"""Each report's structure is stored beside its chunks at indexing time, kept in step incrementally, and read
through the library, the CLI (`sections`, `figures`) and the API (`GET /api/v1/documents/{doc}`, `/search`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import httpx
import opencc
import pytest
from conftest import ROOT, SEEDS
from live_server import seeded_service, serve

from bot.index.pipeline import make_document
from bot.ingest.report import read_report
from bot.serve.server import create_server

HUADU = "001_bfb673fb5af5df88.txt"
GUANGZHOU = "000_8fbd729c494b9d50.txt"


@pytest.fixture(scope="module")
def library(tmp_path_factory, embed_cache):
    from bot import Library, Settings

    data = tmp_path_factory.mktemp("report-index")
    library = Library(Settings(data_dir=data / "data", embed_cache=embed_cache))
    library.index([SEEDS], show_progress=False)
    yield library
    library.close()


def test_stored_structure_is_what_the_report_reads_as(library):
    path = SEEDS / HUADU
    assert library.report(HUADU) == read_report(make_document(path, path.read_text(encoding="utf-8")))
    assert library.report("no-such-report.txt") is None


def test_sections_by_role_and_figures_through_the_library(library):
    shortcomings = library.sections(HUADU, "shortcomings")
    assert len(shortcomings) == 1 and "不足" in shortcomings[0].path[0]
    assert [s.role for s in library.sections(HUADU)][-2:] == ["shortcomings", "plans"]
    rows = library.figures([HUADU])
    complaint = [f for _, f in rows if f.text == "786宗"]
    assert complaint and complaint[0].place and "花都" in complaint[0].place and complaint[0].year == 2023
    everywhere = {doc for doc, _ in library.figures()}
    assert everywhere == {p.name for p in SEEDS.glob("*.txt")}


def test_search_results_carry_the_figures_they_state(library):
    passage = library.search(["花都区收到行政复议申请多少宗"], k=3)[0][0]
    stated = library.figures_in(passage)
    assert stated and all(f.sentence.rstrip("。；") in passage.text or f.sentence in passage.text for f in stated)


def test_a_copy_under_another_name_is_listed_as_an_alias_and_removal_drops_its_structure(library, tmp_path):
    copy = tmp_path / "huadu-copy.txt"
    raw = (SEEDS / HUADU).read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(raw)
    copy.write_text(f"首页 > 政务公开 > 法治政府\n{traditional}\n分享到：微信 微博\n", encoding="utf-8")
    library.index([copy], show_progress=False)
    listed = {d["doc"]: d for d in library.documents()}
    assert listed["huadu-copy.txt"]["duplicate_of"] == HUADU
    assert listed[HUADU]["aliases"] == ["huadu-copy.txt"]
    assert "duplicate_of" not in listed[GUANGZHOU] and "aliases" not in listed[GUANGZHOU]

    library.remove("huadu-copy.txt")
    assert library.report("huadu-copy.txt") is None
    assert "aliases" not in {d["doc"]: d for d in library.documents()}[HUADU]


def run(args, env):
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def test_cli_prints_sections_and_figures(tmp_path, embed_cache):
    env = {**os.environ, "BOT_DATA_DIR": str(tmp_path / "data"), "BOT_EMBED_CACHE": str(embed_cache)}
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS / HUADU, seeds / HUADU)
    assert run(["index", str(seeds), "--quiet"], env).returncode == 0

    shown = run(["sections", HUADU, "--role", "plans"], env)
    assert shown.returncode == 0, shown.stderr
    assert "[下一步工作安排] 三、下一年度的主要安排" in shown.stdout
    assert "(covers 2023, published 2024-01-04)" in shown.stdout
    sections = json.loads(run(["sections", HUADU, "--json"], env).stdout)
    assert [s["role"] for s in sections][-2:] == ["shortcomings", "plans"] and sections[-1]["items"]

    rows = [json.loads(line) for line in run(["figures", HUADU, "--json"], env).stdout.splitlines()]
    assert {"786宗", "68.67%"} <= {row["text"] for row in rows}
    missing = run(["figures", "nope.txt"], env)
    assert missing.returncode == 1 and "no report 'nope.txt'" in missing.stderr and "Traceback" not in missing.stderr


KEY = "user-key-structure"


@pytest.fixture(scope="module")
def api(tmp_path_factory, embed_cache):
    with seeded_service(tmp_path_factory.mktemp("report-api"), embed_cache, api_keys=[KEY], rate_limit=0) as service:
        headers = {"Authorization": f"Bearer {KEY}"}
        with serve(create_server(service)) as base, httpx.Client(base_url=f"{base}/api/v1", headers=headers) as client:
            client.timeout = httpx.Timeout(30)
            yield client


def test_api_serves_a_report_by_its_structure(api):
    got = api.get(f"/documents/{HUADU}")
    assert got.status_code == 200, got.text
    report = got.json()
    assert report["covered_year"] == 2023 and report["published"] == "2024-01-04"
    assert report["places"]["parent"] == "广州市"
    roles = [(s["role"], s["role_name"]) for s in report["sections"]]
    assert ("shortcomings", "存在的不足和原因") in roles and ("plans", "下一步工作安排") in roles
    assert any(f["text"] == "786宗" for f in report["figures"])
    assert "path" not in report and "fingerprint" not in report  # no server paths or pipeline details


def test_api_report_needs_a_key_and_names_an_unknown_report_plainly(api):
    assert httpx.get(api.base_url.join(f"documents/{HUADU}")).status_code == 401
    missing = api.get("/documents/nope.txt")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_api_search_passages_carry_their_figures(api):
    found = api.post("/search", json={"question": "花都区收到行政复议申请多少宗", "k": 3}).json()["passages"]
    assert any(f["text"] == "786宗" for p in found for f in p["figures"])


def test_api_search_reads_the_question_by_its_plan(api):
    """Search is read by the plan `ask` uses: next year's plans are in the report on this year, a question
    about a report itself finds its opening, and "法治化营商环境" names no place passages must mention."""
    plans = api.post("/search", json={"question": "花都区2024年推动镇街综合执法标准化规范化有哪些打算？", "k": 5})
    assert any("一队多能" in p["text"] for p in plans.json()["passages"] if p["doc"] == HUADU)
    opening = api.post("/search", json={"question": "成都这份法治政府建设报告的发文机关是谁？", "k": 5})
    assert opening.json()["passages"][0]["position"] == 0
    summary = api.post("/search", json={"question": "请概括广州2024年打造一流法治化营商环境的主要做法。", "k": 5})
    assert len(summary.json()["passages"]) == 5


def test_api_search_keeps_to_the_place_a_question_names_unless_told_not_to(api):
    question = {"question": "花都区的12345热线获评什么等级？", "k": 5}
    scoped = api.post("/search", json=question).json()["passages"]
    plain = api.post("/search", json={**question, "scoped": False}).json()["passages"]
    assert scoped and {p["doc"] for p in scoped} == {HUADU}
    assert {p["doc"] for p in plain} - {HUADU}  # the wording alone finds 广州市的 12345 热线
