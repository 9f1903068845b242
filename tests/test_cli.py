"""The CLI contract other parts build on, run as real subprocesses."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT, SEED_NAMES
from stub_embed import Embeddings, serve_embeddings


def run(args, env, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, **kwargs
    )


@pytest.fixture
def env(tmp_path, embed_cache):
    return {**os.environ, "BOT_DATA_DIR": str(tmp_path / "data"), "BOT_EMBED_CACHE": str(embed_cache)}


def test_index_list_search_remove(env, seeds_dir, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "scan.jpg").write_bytes(b"\xff\xd8")
    result = run(["index", str(seeds_dir), str(bad / "empty.txt"), str(bad / "scan.jpg"), "--quiet"], env)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and "empty.txt" in errors[0] and "unsupported file type" in errors[1]
    assert "Traceback" not in result.stderr
    assert "indexed 5 new" in result.stdout

    again = run(["index", str(seeds_dir), "--quiet"], env)
    assert again.returncode == 0 and "5 unchanged" in again.stdout and "0 embedded" in again.stdout

    listing = json.loads(run(["list", "--json"], env).stdout)
    assert [d["doc"] for d in listing] == SEED_NAMES

    result = run(
        ["search", "广州全市多少个单位按期公开年度报告", "成都办理行政应诉案件多少件", "--k", "3", "--json"], env
    )
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0 and len(lines) == 2
    first = json.loads(lines[0])
    assert len(first) == 3
    assert {"text", "doc", "title", "heading", "score"} <= set(first[0])
    assert first[0]["doc"] == SEED_NAMES[0]
    assert json.loads(lines[1])[0]["doc"] == SEED_NAMES[4]

    assert run(["remove", SEED_NAMES[4]], env).returncode == 0
    missing = run(["remove", SEED_NAMES[4]], env)
    assert missing.returncode == 1 and "no report" in missing.stderr


def test_bad_arguments_are_one_line_errors(env):
    assert run(["search", "  ", "--json"], env).returncode == 2
    result = run(["index", "/no/such/folder"], env)
    assert result.returncode == 1 and "no such file or folder" in result.stderr and "Traceback" not in result.stderr


def test_kill_during_indexing_then_rerun_recovers(tmp_path, seeds_dir):
    """`kill -9` mid-run (some reports written, another being embedded), then a re-run: no duplicates, no orphans.

    A slow stub embedding server (4 texts a batch, 0.2 s each) makes the run long enough to interrupt, and lets
    the test kill it at a known point instead of racing real embedding work.
    """
    with serve_embeddings(slow=0.2) as url:
        env = {
            **os.environ,
            "BOT_DATA_DIR": str(tmp_path / "data"),
            "BOT_EMBEDDER": "openai",
            "BOT_EMBED_URL": url,
            "BOT_EMBED_MODEL": "stub",
            "BOT_EMBED_BATCH": "4",
        }
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "index", str(seeds_dir), "--quiet"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None and Embeddings.batches < 20:
            time.sleep(0.05)
        assert process.poll() is None, "indexing finished before it could be interrupted"
        process.send_signal(signal.SIGKILL)
        process.wait()

        result = run(["index", str(seeds_dir), "--quiet"], env)
    assert result.returncode == 0, result.stderr
    from bot import Library, Settings

    library = Library(Settings(data_dir=tmp_path / "data", embedder="openai", embed_model="stub"))
    got = library.store.chunks.get(include=["metadatas"])
    records = {d["doc"]: d for d in library.documents()}
    assert sorted(records) == SEED_NAMES
    assert len(got["ids"]) == len(set(got["ids"])) == sum(d["chunks"] for d in records.values())
    assert {meta["doc"] for meta in got["metadatas"]} == set(records)
    library.close()


def test_a_batch_index_run_uses_every_engine_thread_unless_told_otherwise(monkeypatch):
    """No questions are answered beside `index`: its embedding need not yield the CPU (a server's does)."""
    from bot.cli import _parser, _settings
    from bot.settings import Settings

    monkeypatch.delenv("BOT_INDEX_THREADS", raising=False)
    monkeypatch.delenv("BOT_INDEX_NICE", raising=False)
    batch = _settings(_parser().parse_args(["index", "seeds"]))
    assert (batch.index_threads, batch.index_nice) == (batch.threads, 0)
    asking = _settings(_parser().parse_args(["ask", "问题"]))
    assert (asking.index_threads, asking.index_nice) == (Settings().index_threads, Settings().index_nice)
    monkeypatch.setenv("BOT_INDEX_THREADS", "1")
    monkeypatch.setenv("BOT_INDEX_NICE", "5")
    told = _settings(_parser().parse_args(["index", "seeds"]))
    assert (told.index_threads, told.index_nice) == (1, 5)
