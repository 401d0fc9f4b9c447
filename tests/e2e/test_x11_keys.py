"""Keys in a real X11 window (Xvfb + xdotool): what offscreen tests cannot see.

X11 delivers Shift+Tab as Backtab with Shift held; a window that binds both
spellings gets "Ambiguous shortcut overload" and runs neither.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from annotator.app import seed_sample
from annotator.storage.project import Project
from tests.spans import add_span

CHILD = Path(__file__).with_name("x11_child.py")


def run_window(display: str, project_path: Path, settings: Path, *keys: str) -> dict:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, str(CHILD), str(project_path), str(settings), *keys],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "Ambiguous shortcut" not in done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_tab_and_shift_tab_move_between_spans_in_an_x11_window(x_display, tmp_path: Path):
    path = tmp_path / "x11.annotator.db"
    with Project.open(path) as project:
        seed_sample(project)
        doc = project.documents()[0]
        text = project.document(doc.id).text
        first = text.index("أذربيجان")
        second = text.index("أرمينيا")
        add_span(project, doc.id, first, first + len("أذربيجان"), "LOCATION")
        add_span(project, doc.id, second, second + len("أرمينيا"), "LOCATION")
    result = run_window(
        x_display, path, tmp_path / "settings.ini", "Tab", "Tab", "shift+Tab", "shift+Tab"
    )
    assert result["current"] == ["أذربيجان", "أرمينيا", "أذربيجان", "أرمينيا"]


def test_a_claim_with_source_cue_links_and_stance_by_15_keys_in_an_x11_window(
    x_display, tmp_path: Path
):
    """The key-counted claim of tests/gui/test_keys_per_claim.py, typed through X11."""
    path = tmp_path / "x11.annotator.db"
    with Project.open(path) as project:
        seed_sample(project)
    result = run_window(x_display, path, tmp_path / "settings.ini", "claim")
    assert result["failed"] is None, result
    assert result["sent"] <= 15
    claim = "ترفض تنظيم استفتاء يحدد مصير الإقليم"
    assert result["spans"] == sorted([["CLAIM", claim], ["ACTOR", "أذربيجان"], ["CUE", "قالت"]])
    assert result["relations"] == [
        ["CUE", claim, "قالت", None],
        ["SOURCE", claim, "أذربيجان", "support"],
    ]


def test_train_now_then_next_most_useful_document_by_keys_in_an_x11_window(
    x_display, tmp_path: Path
):
    """Ctrl+Shift+T trains in a child process; Ctrl+Shift+N then opens the todo document
    the stored model is least sure about."""
    from annotator.core.models import Document, Status
    from annotator.storage.recommender import ProjectRecommender
    from tests.news_templates import corpus

    path = tmp_path / "x11.annotator.db"
    with Project.open(path) as project:
        for built in corpus(16, "A", 5):
            doc_id = project.add_document(Document(built.text))
            for start, end, label in built.spans:
                add_span(project, doc_id, start, end, label)
            project.set_status(doc_id, Status.DONE)
        for built in corpus(5, "B", 6):
            project.add_document(Document(built.text))
    result = run_window(x_display, path, tmp_path / "settings.ini", "recommend")
    assert result["started"] and result["trained"], result
    with Project.open(path) as project:
        assert result["opened"] == ProjectRecommender(project).most_useful()
