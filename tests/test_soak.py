"""The soak benchmark, shortened for CI: a mixed load on a real server on 127.0.0.1 with zero 5xx, bounded memory
growth, and an index that holds exactly what was uploaded minus what was deleted. Full length: benchmarks/soak.py.
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

MINUTES, CLIENTS = 0.4, 4


def test_short_soak(embed_cache, tmp_path):
    command = [sys.executable, "benchmarks/soak.py", "--minutes", str(MINUTES), "--clients", str(CLIENTS), "--json"]
    command += ["--embed-cache", str(embed_cache), "--keep", str(tmp_path / "soak")]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=400)
    assert run.stdout.strip(), run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["five_xx"] == 0 and result["transport_errors"] == 0, result["failures"]
    kinds = result["by_kind"]
    assert {"ask", "stream", "search", "upload", "delete", "bad"} <= set(kinds) and result["requests"] >= 50
    assert all(status < 500 for figures in kinds.values() for status in map(int, figures["statuses"]))
    index = result["index"]
    assert index["documents_match"] and index["expected_documents"] > 5, index
    assert index["duplicate_chunks"] == index["orphan_chunks"] == 0 and not index["miscounted_documents"]
    rss = result["rss_mb"]
    assert rss["max"] - rss["start"] < 200, rss  # a leak would grow without bound; 30 s of load is far below this
    assert result["ok"] and run.returncode == 0
