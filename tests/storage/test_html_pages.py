"""Importing saved web pages into a project: each page all or nothing, the others still come in."""

from __future__ import annotations

import shutil
from pathlib import Path

from annotator.storage.importer import import_paths
from annotator.storage.project import Project

HTML = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def test_a_folder_of_saved_pages_imports_each_article_once(project: Project, tmp_path: Path):
    folder = tmp_path / "pages"
    shutil.copytree(HTML, folder, ignore=shutil.ignore_patterns("*.json"))
    report = import_paths(project, [folder])
    imported = {o.path.name: o for o in report.outcomes if o.imported}
    assert sorted(imported) == sorted(
        [
            "agency_article.html",
            "broadcaster_divs.html",
            "daily_windows1256.html",
            "english_mixed.htm",
            "درنة بعد الفيضان.html",
        ]
    )
    # The page without an article fails alone, in one line; nothing from PAGE_files/ came in.
    [failed] = report.failed
    assert failed.path.name == "no_article.html" and "\n" not in (failed.error or "")
    assert all("_files" not in str(o.path) for o in report.outcomes)
    texts = [project.document(d.id).text for d in project.documents()]
    assert len(texts) == 5 and not any("احجز رحلتك" in t for t in texts)
    assert imported["daily_windows1256.html"].encoding == "cp1256"
    assert imported["daily_windows1256.html"].removed["byline or date line"] == 2


def test_importing_the_same_page_twice_finds_the_duplicate(project: Project):
    page = HTML / "agency_article.html"
    first = import_paths(project, [page])
    again = import_paths(project, [page])
    assert first.imported == 1 and again.imported == 0 and again.duplicates == 1
