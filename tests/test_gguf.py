"""Assembling a GGUF model from part files: order, hashing, atomic placement, reuse, and the real 0.5B model."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

import pytest

from bot.answer.gguf import MODELS, ModelCorrupt, ModelMissing, ModelSpec, assemble, ensure_model, part_files
from bot.settings import Settings


def make_parts(root: Path, chunks: list[bytes]) -> list[Path]:
    """Part files named like the real ones, each in its own data/ folder."""
    paths = []
    for i, chunk in enumerate(chunks, start=1):
        path = root / f"fake_part{i}" / "data" / f"part{i:02d}.bin"
        path.parent.mkdir(parents=True)
        path.write_bytes(chunk)
        paths.append(path)
    return paths


CHUNKS = [b"GGUF" + bytes(range(256)) * 40, os.urandom(5000), b"tail" * 7]
WHOLE = b"".join(CHUNKS)
SHA = hashlib.sha256(WHOLE).hexdigest()


def test_assemble_concatenates_in_order_and_records_hash(tmp_path):
    parts = make_parts(tmp_path / "parts", CHUNKS)
    target = tmp_path / "models" / "m.gguf"

    assert assemble(parts, target, SHA, expected_size=len(WHOLE)) == target

    assert target.read_bytes() == WHOLE
    assert SHA in target.with_name("m.gguf.sha256").read_text()
    assert sorted(p.name for p in target.parent.iterdir()) == ["m.gguf", "m.gguf.sha256"]  # no temp file left


def test_hash_mismatch_raises_and_leaves_nothing(tmp_path):
    parts = make_parts(tmp_path / "parts", CHUNKS)
    target = tmp_path / "models" / "m.gguf"

    with pytest.raises(ModelCorrupt, match="sha256"):
        assemble(parts, target, "0" * 64)

    assert list(target.parent.iterdir()) == []  # neither the model nor a temp file


def test_parts_in_wrong_order_are_corrupt(tmp_path):
    parts = make_parts(tmp_path / "parts", CHUNKS)
    with pytest.raises(ModelCorrupt):
        assemble(list(reversed(parts)), tmp_path / "m.gguf", SHA)


def test_size_mismatch_is_caught_before_writing(tmp_path):
    parts = make_parts(tmp_path / "parts", CHUNKS)
    with pytest.raises(ModelCorrupt, match="bytes"):
        assemble(parts, tmp_path / "m.gguf", SHA, expected_size=len(WHOLE) + 1)
    assert not (tmp_path / "m.gguf").exists()


def test_missing_part_file_raises_model_missing(tmp_path):
    parts = make_parts(tmp_path / "parts", CHUNKS)
    parts[1].unlink()
    with pytest.raises(ModelMissing, match="part02.bin"):
        assemble(parts, tmp_path / "m.gguf", SHA)


@pytest.fixture
def fake_spec(tmp_path, monkeypatch) -> ModelSpec:
    """A registry entry whose part 'packages' are plain folders put on sys.path, found like installed ones.

    Part 10 and 2 check that data files are ordered by number, not text."""
    site = tmp_path / "site"
    chunks = [b"GGUF", b"-two-", b"-ten-"]
    for module, name, chunk in zip(
        ("fakemodel_a", "fakemodel_b", "fakemodel_b"), ("part01", "part2", "part10"), chunks
    ):
        data = site / module / "data"
        data.mkdir(parents=True, exist_ok=True)
        (site / module / "__init__.py").write_text("raise RuntimeError('part packages must not be imported')\n")
        (data / f"{name}.bin").write_bytes(chunk)
    monkeypatch.syspath_prepend(str(site))
    whole = b"".join(chunks)
    return ModelSpec(
        name="fake",
        packages=("fakemodel-a==1.0", "fakemodel-b==1.0"),
        modules=("fakemodel_a", "fakemodel_b"),
        filename="fake.gguf",
        sha256=hashlib.sha256(whole).hexdigest(),
        size=len(whole),
    )


def test_ensure_model_assembles_then_reuses_without_rewriting(fake_spec, tmp_path, monkeypatch):
    models = tmp_path / "models"
    path = ensure_model(fake_spec, models, progress=False)
    assert path.read_bytes() == b"GGUF-two--ten-"
    mtime = path.stat().st_mtime_ns

    def fail(*args, **kwargs):
        raise AssertionError("a verified model must not be rehashed or reassembled")

    monkeypatch.setattr("bot.answer.gguf.assemble", fail)
    monkeypatch.setattr("bot.answer.gguf._hash_file", fail)
    assert ensure_model(fake_spec, models, progress=False) == path
    assert path.stat().st_mtime_ns == mtime


def test_ensure_model_replaces_a_damaged_file(fake_spec, tmp_path):
    models = tmp_path / "models"
    path = ensure_model(fake_spec, models, progress=False)
    path.write_bytes(b"GGUF-two--TEN-")  # same size, different bytes, new mtime: the sidecar no longer vouches

    assert ensure_model(fake_spec, models, progress=False).read_bytes() == b"GGUF-two--ten-"


def test_missing_part_packages_name_the_pip_command(fake_spec, tmp_path):
    spec = replace(
        fake_spec, packages=(*fake_spec.packages, "fakemodel-c==1.0"), modules=(*fake_spec.modules, "nope_c")
    )
    with pytest.raises(ModelMissing) as info:
        ensure_model(spec, tmp_path / "models", progress=False)
    assert "pip install fakemodel-c==1.0" in str(info.value)
    assert not (tmp_path / "models" / "fake.gguf").exists()


def test_wrong_registry_hash_is_corrupt(fake_spec, tmp_path):
    with pytest.raises(ModelCorrupt):
        ensure_model(replace(fake_spec, sha256="f" * 64), tmp_path / "models", progress=False)


def test_registry_entries_are_consistent():
    for name, spec in MODELS.items():
        assert spec.name == name
        assert len(spec.packages) == len(spec.modules) > 0
        assert all("==" in p for p in spec.packages)
        assert len(spec.sha256) == 64 and spec.size > 0
        assert spec.filename.endswith(".gguf")


DEFAULT = MODELS[Settings().local_model]


@pytest.fixture(scope="module")
def real_model(models_dir) -> Path:
    """The default local model, assembled from the installed parts (`pip install -e '.[local]'`)."""
    try:
        part_files(DEFAULT)
    except ModelMissing as exc:
        pytest.skip(str(exc))
    return ensure_model(DEFAULT, models_dir, progress=False)


def test_real_default_model_assembles(real_model):
    spec = DEFAULT
    assert real_model.stat().st_size == spec.size
    with real_model.open("rb") as f:
        assert f.read(4) == b"GGUF"
    digest = hashlib.sha256()
    with real_model.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    assert digest.hexdigest() == spec.sha256


def test_real_model_loads_and_answers(real_model):
    """load_llama must give a working model on this AMX CPU, where llama.cpp's AMX repack crashes or garbles."""
    pytest.importorskip("llama_cpp")
    from bot.answer.gguf import load_llama

    llm = load_llama(real_model, n_threads=2, n_ctx=512)
    out = llm.create_chat_completion([{"role": "user", "content": "中国的首都是哪里？"}], max_tokens=16, temperature=0)
    assert "北京" in out["choices"][0]["message"]["content"]
