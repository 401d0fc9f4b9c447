"""Large files are stored as they are read: still all or nothing, and searchable after."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.storage import importer
from annotator.storage import project as project_module
from annotator.storage.importer import import_paths
from annotator.storage.project import Project
from annotator.storage.search import search


def _lines(n: int, start: int = 0) -> list[str]:
    return [
        json.dumps({"text": f"خبر رقم {i} عن أذربيجان"}, ensure_ascii=False)
        for i in range(start, start + n)
    ]


@pytest.fixture
def small_thresholds(monkeypatch):
    """Every file counts as large, and the index is filled a few documents at a time."""
    monkeypatch.setattr(importer, "STREAM_FROM_BYTES", 1)
    monkeypatch.setattr(project_module, "INDEX_BATCH", 3)


def test_a_large_file_comes_in_whole_and_is_searchable(
    project: Project, tmp_path: Path, small_thresholds
):
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(_lines(10)) + "\n", encoding="utf-8")
    report = import_paths(project, [path])
    assert report.imported == 10 and not report.failed
    assert len({h.doc for h in search(project, "اذربيجان")}) == 10
    assert [h.doc for h in search(project, "خبر رقم 7 ")] == report.outcomes[0].imported[7:8]


def test_a_bad_last_line_of_a_large_file_takes_back_all_of_it(
    project: Project, tmp_path: Path, small_thresholds
):
    (tmp_path / "a.jsonl").write_text("\n".join(_lines(4)) + "\n", encoding="utf-8")
    bad = tmp_path / "b.jsonl"
    bad.write_text("\n".join([*_lines(7, start=100), "{not json"]) + "\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text("\n".join(_lines(2, start=200)) + "\n", encoding="utf-8")
    report = import_paths(project, [tmp_path])
    [failed] = report.failed
    assert failed.path == bad and failed.error.startswith(f"{bad}:8: invalid JSON")
    assert report.imported == 6 and len(project.documents()) == 6
    found = {h.doc for h in search(project, "اذربيجان")}
    assert found == {d.id for d in project.documents()}
    assert search(project, "رقم 103") == []  # neither the rows nor their index stayed
