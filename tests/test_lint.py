"""Lint, format and type checks are part of the test run, not a wish."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} is part of the test extra"
    return found


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "annotator", "tests", "bench", "docs"],
        ["ruff", "format", "--check", "annotator", "tests", "bench", "docs"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_clean(command: list[str]):
    done = subprocess.run(
        [tool(command[0]), *command[1:]], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
