"""Schemathesis against our own OpenAPI spec, served on 127.0.0.1: generated requests, no 5xx, answers as specified.

Schemathesis's pytest plugin predates pytest 9, so the operations are driven with hypothesis directly. Two rules
lie beyond what JSON Schema can state, so there a schema-valid request may get a 400: the chat's last turn must be
a user question (OpenAI format), and an upload's file name must have a report suffix.
"""

from __future__ import annotations

import pytest
import schemathesis
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from live_server import serve
from schemathesis.specs.openapi.checks import positive_data_acceptance

from bot import Library, Settings
from bot.serve.server import create_server
from bot.serve.service import Service

ADMIN = "admin-key-5"
EXAMPLES = 15
BEYOND_SCHEMA = {"POST /chat/completions", "POST /documents"}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory, embed_cache):
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("fuzz"),
        embed_cache=embed_cache,
        admin_keys=[ADMIN],
        rate_limit=0,
        max_upload_mb=0.5,
        answer_wait=5,
    )
    library = Library(settings)
    assert not library.index([SEEDS], show_progress=False).errors
    service = Service(library)
    with serve(create_server(service)) as base:
        yield f"{base}/api/v1"
    service.close()
    library.close()


def _runner(operation, base_url: str):
    """Hypothesis-driven calls of one operation, checked by schemathesis (5xx, status codes, response shapes)."""
    headers = {"Authorization": f"Bearer {ADMIN}"}
    excluded = [positive_data_acceptance] if operation.label in BEYOND_SCHEMA else []

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def run(case):
        case.call_and_validate(base_url=base_url, headers=headers, timeout=60, excluded_checks=excluded)

    return run


def test_generated_requests_never_get_a_5xx(base_url):
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    failures, tried = {}, []
    for result in schema.get_all_operations():
        operation = result.ok()
        tried.append(operation.label)
        try:
            _runner(operation, base_url)()
        except (Exception, BaseExceptionGroup) as exc:  # every operation's findings, not just the first
            failures[operation.label] = str(exc)[:3000]
    assert len(tried) >= 9, tried
    assert not failures, "\n\n".join(f"{label}:\n{text}" for label, text in failures.items())
