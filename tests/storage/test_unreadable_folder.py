"""A folder that cannot be listed is reported as a failure, never passed over in silence."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.core import importing
from annotator.storage.import_summary import summarize
from annotator.storage.importer import import_paths
from annotator.storage.project import Project


def test_an_unreadable_subfolder_is_named_and_the_rest_imported(
    tmp_path: Path, project: Project, monkeypatch: pytest.MonkeyPatch
):
    root = tmp_path / "articles"
    (root / "locked").mkdir(parents=True)
    (root / "a.txt").write_text("عنوان\nقالت الوزارة إن المحادثات ستستمر.\n", encoding="utf-8")
    (root / "locked" / "b.txt").write_text("عنوان آخر\nنص آخر طويل.\n", encoding="utf-8")
    real = os.scandir

    def scandir(path):  # root is never refused by chmod: refuse the listing itself
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(importing.os, "scandir", scandir)
    report = import_paths(project, [root])
    summary = summarize(report)
    assert report.imported == 1
    assert summary.errors == [
        f"{root / 'locked'}: folder cannot be read (Permission denied); its files were not imported"
    ]
    assert summary.summary.endswith("1 file failed")
