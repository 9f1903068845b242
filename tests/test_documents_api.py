"""Documents over real HTTP: upload → indexed in the background → answerable → replaced → deleted."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import time

import httpx
import pytest
from conftest import SEEDS
from live_server import seeded_service, serve

from bot.serve.audit import key_id
from bot.serve.server import create_server

ADMIN = "admin-key-2"
REPORT = """测试市人民政府关于2025年度法治政府建设情况的报告

2025年，测试市坚持依法行政，法治政府建设取得新成效。

一、主要工作成效

全市建成法治示范点{n}个，覆盖全部街道。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory, embed_cache):
    with seeded_service(
        tmp_path_factory.mktemp("docs-api"),
        embed_cache,
        admin_keys=[ADMIN],
        max_upload_mb=0.25,
        rate_limit=0,
    ) as service:
        yield service


@pytest.fixture(scope="module")
def api(service):
    headers = {"Authorization": f"Bearer {ADMIN}"}
    with serve(create_server(service)) as base, httpx.Client(base_url=f"{base}/api/v1", headers=headers) as client:
        client.timeout = httpx.Timeout(30)
        yield client


def upload(api: httpx.Client, *files: tuple[str, bytes]) -> httpx.Response:
    return api.post("/documents", files=[("files", (name, data, "text/plain")) for name, data in files])


def finished(api: httpx.Client, accepted: httpx.Response, timeout: float = 120) -> dict:
    assert accepted.status_code == 202, accepted.text
    poll = accepted.json()["poll"]
    assert poll.startswith("/api/v1/jobs/")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = api.get(poll.removeprefix("/api/v1")).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError("indexing job did not finish in time")


def ask(api: httpx.Client, question: str) -> dict:
    return api.post("/answer", json={"question": question}).json()


def test_upload_answer_replace_delete(api, service):
    job = finished(api, upload(api, ("../../etc/测试 报告.txt", REPORT.format(n=77).encode())))
    assert job["status"] == "done" and job["files"] == ["测试_报告.txt"], job
    assert job["result"]["added"] == ["测试_报告.txt"] and job["result"]["chunks_written"] > 0
    assert (service.settings.uploads_dir / "测试_报告.txt").is_file()
    assert not list(service.settings.data_dir.parent.glob("etc"))

    listed = {d["doc"]: d for d in api.get("/documents").json()["documents"]}
    assert listed["测试_报告.txt"]["body"] == "测试市" and listed["测试_报告.txt"]["year"] == 2025
    assert "path" not in listed["测试_报告.txt"]  # no server paths leak
    answer = ask(api, "测试市建成法治示范点多少个？")
    assert "77" in answer["answer"] and answer["citations"][0]["doc"] == "测试_报告.txt"

    job = finished(api, upload(api, ("测试_报告.txt", REPORT.format(n=88).encode())))
    assert job["result"]["updated"] == ["测试_报告.txt"]
    assert "88" in ask(api, "测试市建成法治示范点多少个？")["answer"]

    removed = api.delete("/documents/测试_报告.txt")
    assert removed.status_code == 200 and removed.json()["removed"] is True
    assert removed.json()["job"]["result"]["chunks_removed"] > 0
    assert "测试_报告.txt" not in {d["doc"] for d in api.get("/documents").json()["documents"]}
    assert ask(api, "测试市建成法治示范点多少个？")["refused"]
    assert not (service.settings.uploads_dir / "测试_报告.txt").exists()
    assert api.delete("/documents/测试_报告.txt").status_code == 404


def test_bad_uploads(api, service):
    unsupported = upload(api, ("tool.exe", b"MZ\x00\x00"))
    assert unsupported.status_code == 400 and unsupported.json()["error"]["code"] == "bad_file"
    hidden = upload(api, ("..", b"x"))
    assert hidden.status_code == 400
    too_large = upload(api, ("big.txt", "法".encode() * 100_000))  # 300 kB > 0.25 MB
    assert too_large.status_code == 413 and too_large.json()["error"]["code"] == "too_large"
    assert api.post("/documents").status_code == 422  # no files field
    job = finished(api, upload(api, ("empty.txt", b"   \n")))
    assert job["status"] == "failed" and job["errors"][0]["file"] == "empty.txt"
    assert not (service.settings.uploads_dir / "empty.txt").exists()
    assert "empty.txt" not in {d["doc"] for d in api.get("/documents").json()["documents"]}


def test_a_removed_seed_stays_removed_after_restart(api, service):
    seed = "003_29ae86f9fcedda95.txt"
    assert api.delete(f"/documents/{seed}").status_code == 200
    assert seed not in {p.name for p in service.uploads.startup_paths(SEEDS)}
    job = finished(api, upload(api, (seed, (SEEDS / seed).read_bytes())))  # uploading it again brings it back
    assert job["status"] == "done"
    assert seed in {p.name for p in service.uploads.startup_paths(SEEDS)}
    assert service.index_bundled().errors == []
    assert len(api.get("/documents").json()["documents"]) == 5


def test_a_long_chinese_name_is_shortened_and_indexed(api, service):
    raw = "某某省某某市某某区人民政府关于二〇二五年度法治政府建设情况的报告" * 4
    raw = raw[:104] + ".txt"  # 108 characters, 316 bytes: more than a file system allows in one name
    assert len(raw) == 108 and len(raw.encode()) == 316
    job = finished(api, upload(api, (raw, REPORT.format(n=42).encode())))
    name = job["files"][0]
    assert job["status"] == "done" and job["result"]["added"] == [name], job
    stem, tag = name.removesuffix(".txt").rsplit("~", 1)
    assert len(name.encode()) <= 200 and name.endswith(".txt") and raw.startswith(stem) and len(tag) == 8
    assert (service.settings.uploads_dir / name).is_file()
    assert name in {d["doc"] for d in api.get("/documents").json()["documents"]}
    assert not any((service.settings.uploads_dir / ".staging").glob("*"))
    assert api.delete(f"/documents/{name}").status_code == 200


def test_failures_never_show_a_server_path(api, service, monkeypatch, caplog):
    data_dir = service.settings.data_dir
    paths = {str(data_dir), str(data_dir.resolve())}
    seen: list[str] = []

    def full_disk(batch, name, *args):
        raise OSError(errno.ENOSPC, "No space left on device", str(service.uploads.staging / batch / name))

    monkeypatch.setattr(service.uploads, "stage", full_disk)
    refused = upload(api, ("满盘.txt", b"x"))
    seen.append(refused.text)
    assert refused.status_code == 503 and refused.json()["error"]["code"] == "backend_unavailable"
    monkeypatch.undo()

    def unwritable(paths, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(paths[0]))

    monkeypatch.setattr(service.library, "index", unwritable)
    job = finished(api, upload(api, ("无权限.txt", REPORT.format(n=5).encode())))
    monkeypatch.undo()
    seen.append(json.dumps(job, ensure_ascii=False))
    assert job["status"] == "failed" and "server log" in job["errors"][0]["reason"], job

    def broken_install(batch, name):
        raise RuntimeError(f"rename {data_dir.resolve()}/uploads/{name} failed")

    monkeypatch.setattr(service.uploads, "install", broken_install)
    job = finished(api, upload(api, ("坏盘.txt", REPORT.format(n=6).encode())))
    monkeypatch.undo()
    seen.append(json.dumps(job, ensure_ascii=False))
    assert job["status"] == "failed" and "server log" in job["errors"][0]["reason"], job

    assert not any(path in text for path in paths for text in seen), seen
    assert not (service.settings.uploads_dir / "无权限.txt").exists()
    logged = [r for r in caplog.records if r.exc_info and r.name.startswith("bot")]
    assert len(logged) >= 3, "each failure is logged with its traceback"


def test_the_audit_log_names_keys_by_id_never_the_key(api, service):
    who = key_id(ADMIN)
    assert who == hashlib.sha256(ADMIN.encode()).hexdigest()[:12] and key_id(None) is None
    job = service.upload([("审计.txt", io.BytesIO(REPORT.format(n=9).encode()))], who=who)
    assert service.jobs.wait(job.id, 120).status == "done"
    removal = service.jobs.wait(service.remove("审计.txt", who=who).id, 60)
    assert removal.status == "done"
    through_api = finished(api, upload(api, ("审计二.txt", REPORT.format(n=10).encode())))

    text = (service.settings.data_dir / "audit.jsonl").read_text(encoding="utf-8")
    assert ADMIN not in text
    records = [json.loads(line) for line in text.splitlines()]
    mine = [r for r in records if r.get("job") in (job.id, removal.id)]
    assert [r["action"] for r in mine] == ["upload_accepted", "job_finished", "removal_requested", "removal_finished"]
    accepted, done, requested, removed = mine
    assert accepted["files"] == ["审计.txt"] and accepted["key_id"] == who
    assert done["status"] == "done" and done["added"] == ["审计.txt"] and done["errors"] == []
    assert requested["doc"] == "审计.txt" and requested["key_id"] == who
    assert removed["status"] == "done" and removed["doc"] == "审计.txt"
    assert all(r["time"].endswith("+00:00") for r in mine)
    by_api = [r for r in records if r.get("job") == through_api["id"]]
    assert [r["action"] for r in by_api] == ["upload_accepted", "job_finished"] and by_api[0]["key_id"] == who
