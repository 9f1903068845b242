"""The code's shape: the stages import one way (import-linter's layers contract in pyproject.toml), and the
contract does fail when a stage imports a later one.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import ROOT

LINT = [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"]


def lint(config: Path, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    command = [*LINT, "--config", str(config)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


def test_the_stages_import_only_the_stages_before_them():
    result = lint(ROOT / "pyproject.toml", ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_the_contract_fails_when_a_stage_imports_a_later_one(tmp_path):
    """The same contract over a small package where ingest imports answer: import-linter must say broken."""
    package = tmp_path / "demo"
    for stage in ("ingest", "index", "answer"):
        (package / stage).mkdir(parents=True)
        (package / stage / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "ingest" / "load.py").write_text("from demo.answer import chain\n")
    (package / "answer" / "chain.py").write_text("")
    config = tmp_path / "contracts.toml"
    config.write_text(
        textwrap.dedent(
            """
            [tool.importlinter]
            root_package = "demo"

            [[tool.importlinter.contracts]]
            name = "stages import only the stages before them"
            type = "layers"
            layers = ["demo.answer", "demo.index", "demo.ingest"]
            """
        )
    )
    result = lint(config, tmp_path, env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode != 0 and "0 kept, 1 broken" in result.stdout, result.stdout + result.stderr
