"""Shared fixtures: the real seeds, and libraries over real Chroma stores on disk.

Embeddings are cached in one SQLite file for the whole session, so the seeds are embedded once
per test run however many stores the tests build.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot import Library, Settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))
LOOKALIKE = ROOT / "tests" / "lookalike" / "reports"  # two fictional reports in the seeds' style (README above)
UNSEEN = ROOT / "tests" / "lookalike" / "unseen"  # eight more, written by probes that had not read the rules


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


def raw_seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def embed_cache(tmp_path_factory) -> Path:
    """Fresh per run; `FAZHI_TEST_EMBED_CACHE=/some/file.sqlite` keeps it across runs while developing."""
    kept = os.environ.get("FAZHI_TEST_EMBED_CACHE")
    return Path(kept) if kept else tmp_path_factory.mktemp("cache") / "embeddings.sqlite"


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory) -> Path:
    """Where local GGUF models are assembled once per test run (about 1 GB for the default)."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture
def make_library(tmp_path, embed_cache):
    """A fresh library in its own data directory, sharing the session's embedding cache."""
    libraries = []

    def make(data: Path | None = None, clock: Callable[[], float] = time.monotonic, **overrides) -> Library:
        settings = Settings(data_dir=data or tmp_path / "data", embed_cache=embed_cache, **overrides)
        library = Library(settings, clock)
        libraries.append(library)
        return library

    yield make
    for library in libraries:
        library.close()


@pytest.fixture(scope="session")
def seeded(tmp_path_factory, embed_cache) -> Library:
    """One library with all five seeds indexed, shared by read-only tests."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("seeded"), embed_cache=embed_cache)
    library = Library(settings)
    report = library.index([SEEDS], show_progress=False)
    assert not report.errors
    yield library
    library.close()


@pytest.fixture(scope="session")
def lookalike(tmp_path_factory, embed_cache) -> Library:
    """A library of the two fictional look-alike reports alone (tests/lookalike): rules learnt on the seeds,
    checked on reports they were not written from."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("lookalike"), embed_cache=embed_cache)
    library = Library(settings)
    report = library.index([LOOKALIKE], show_progress=False)
    assert not report.errors and len(library.issuers()) == 2
    yield library
    library.close()


@pytest.fixture(scope="session")
def archive(tmp_path_factory, embed_cache) -> Library:
    """The five seeds and the two look-alike reports together: comparisons of three and four places."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("archive"), embed_cache=embed_cache)
    library = Library(settings)
    report = library.index([SEEDS, LOOKALIKE], show_progress=False)
    assert not report.errors and len(library.issuers()) == 7
    yield library
    library.close()


@pytest.fixture(scope="session")
def wider(tmp_path_factory, embed_cache) -> Library:
    """The archive and eight more fictional pieces (tests/lookalike/unseen): a city with a county's figure beside
    its own, a district with its city's beside its own, a county-level city (梅州市兴宁市), a report titled
    "汕头市人民政府2023年法治政府建设年度报告", a city's with two years' figures in one sentence (湛江市), a
    traditional district report whose plans and shortcomings have no headings (绵阳市涪城区), a county's under
    its site's name (信丰县), a 2019 news article on 厦门 in traditional characters."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("wider"), embed_cache=embed_cache)
    library = Library(settings)
    report = library.index([SEEDS, LOOKALIKE, UNSEEN], show_progress=False)
    assert not report.errors and len(library.issuers()) == 15
    yield library
    library.close()
