"""The attack run of issue #12 (benchmarks/attack.py --quick) against a live `app.py` with keys set: every case
refused or bounded, no 5xx but the documented busy replies, health answering throughout, memory bounded, no
server path or traceback in any reply. The per-item tests are in test_security.py; the full run is the script.
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

# Health's target is p95 < 200 ms, and the script reports the real figure against it (30–50 ms on this 2-core
# machine). Here it is a timing taken on a shared, loaded CI machine, so the test asserts only what a server that
# stopped answering health would miss by far: p95 under 2 s and no failed poll.
HEALTH_P95_MS = 2000


def test_attack_run(embed_cache, tmp_path):
    command = [sys.executable, "benchmarks/attack.py", "--quick", "--json", "--embed-cache", str(embed_cache)]
    command += ["--work", str(tmp_path / "attack")]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=420)
    assert run.stdout.strip(), run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    cases = {case["name"]: case for case in result["cases"]}
    failed = {name: case["outcome"] for name, case in cases.items() if case["status"] == "FAIL"}
    assert not failed, failed
    assert {case["status"] for case in cases.values()} <= {"PASS", "see tests/test_crash.py", "skipped"}
    assert len(cases) == 16 and sum(case["status"] == "PASS" for case in cases.values()) == 14
    assert result["five_xx"] == 0 and result["statuses"].get("0", 0) == 0, result["statuses"]
    assert set(result["five_xx_apart"]) <= {
        "503 busy",
        "503 page queue full",
        "503 backend_unavailable (injected disk fault)",
    }, result["five_xx_apart"]
    assert result["leaks"] == []
    health = result["health"]
    assert health["failed"] == 0 and health["p95"] < HEALTH_P95_MS, health
    assert result["rss_mb"]["growth"] < 200, result["rss_mb"]
    assert result["targets"]["server_alive"]
