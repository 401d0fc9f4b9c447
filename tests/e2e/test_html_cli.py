"""Saved web pages through `python -m annotator import`: one line per failure, no library noise."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from annotator.storage.project import Project

HTML = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def test_a_folder_of_pages_from_the_terminal(tmp_path: Path):
    folder = tmp_path / "saved"
    shutil.copytree(HTML, folder, ignore=shutil.ignore_patterns("*.json"))
    db = tmp_path / "pages.db"
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--db", str(db), "import", str(folder)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr  # the page without an article is reported
    failure = [ln for ln in done.stderr.splitlines() if "no_article.html" in ln]
    assert failure and "no article text found in the page" in failure[0]
    for noise in ("Traceback", "WARNING", "ERROR", "trafilatura", "htmldate", "lxml"):
        assert noise not in done.stderr, noise
    with Project.open(db) as project:
        titles = sorted(d.title for d in project.documents())
    assert "Lebanon's olive harvest under fire" in titles
    assert "مزارعو الدلتا يشكون ارتفاع أسعار الأسمدة قبل موسم القطن" in titles
    assert len(titles) == 5  # nothing from the saved page's _files folder
