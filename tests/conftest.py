"""Shared fixtures. Qt runs offscreen: CI has no display."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from annotator.storage.project import Project

REPO = Path(__file__).resolve().parents[1]
SAMPLE_PATH = REPO / "sample_data" / "karabakh_ceasefire_raw.txt"


@pytest.fixture(scope="session")
def sample_text() -> str:
    """The real scraped Al Jazeera page, as UTF-8 text."""
    return SAMPLE_PATH.read_text(encoding="utf-8")


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "project.annotator.db"


@pytest.fixture
def project(project_path: Path):
    with Project.open(project_path) as p:
        yield p


GUI_TEST_TIMEOUT_S = 60


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives Qt gets a time limit: a dialog left open fails it, not the run."""
    for item in items:
        uses_qt = {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ()))
        if uses_qt and item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(GUI_TEST_TIMEOUT_S))
