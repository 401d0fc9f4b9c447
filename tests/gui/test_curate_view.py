"""Curate mode, driven by keys: two analysts' disagreements curated into gold, undone, marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.models import Document
from annotator.gui.curate_view import CurateView
from annotator.storage.project import Project
from tests.spans import add_span

TEXT = "قال وزير الخارجية 😀 إن باكو لن تقبل الاستفتاء في قره باغ"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def team(tmp_path: Path):
    with Project.open(tmp_path / "team.annotator.db") as project:
        doc = project.add_document(Document(TEXT))
        for name in ("alice", "bob"):
            add_span(project, doc, *at("باكو"), "LOCATION", annotator=name)
        add_span(project, doc, *at("وزير الخارجية"), "ACTOR", annotator="alice")
        add_span(project, doc, *at("وزير"), "ACTOR", annotator="bob")
        add_span(project, doc, *at("قره باغ"), "LOCATION", annotator="bob")
        yield project, doc


def gold(project: Project, doc: int) -> list[str]:
    return sorted(s.text for s in project.spans(doc) if s.annotator == "gold")


def test_keys_curate_two_analysts_into_gold(qtbot, team):
    project, doc = team
    view = CurateView(project, doc)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert gold(project, doc) == ["باكو"]  # agreed: accepted on opening
    assert "1 of 2" in view.status.text()
    assert view.lanes["alice"].toPlainText().startswith("قال وزير الخارجية 😀")

    with qtbot.waitSignal(view.changed, timeout=2000):
        qtbot.keyClick(view, Qt.Key.Key_1)  # alice's ACTOR
    assert gold(project, doc) == ["باكو", "وزير الخارجية"]
    with qtbot.waitSignal(view.changed, timeout=2000):
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold(project, doc) == ["باكو"]
    with qtbot.waitSignal(view.changed, timeout=2000):
        qtbot.keyClick(view, Qt.Key.Key_2)  # bob's instead
    assert gold(project, doc) == ["باكو", "وزير"]

    qtbot.keyClick(view, Qt.Key.Key_J)
    assert "2 of 2" in view.status.text()
    with qtbot.waitSignal(view.changed, timeout=2000):
        qtbot.keyClick(view, Qt.Key.Key_A)  # accept all: bob's قره باغ
    assert gold(project, doc) == ["باكو", "قره باغ", "وزير"]
    with qtbot.waitSignal(view.changed, timeout=2000):
        qtbot.keyClick(view, Qt.Key.Key_R)  # changed mind: nothing here
    assert gold(project, doc) == ["باكو", "وزير"]

    with qtbot.waitSignal(view.curated, timeout=2000):
        qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    status = project.db.execute(
        "SELECT status FROM layers WHERE doc_id = ? AND annotator = 'gold'", [doc]
    ).fetchone()
    assert status == ("curated",)
    view.grab().save(str(Path(project.path).with_name("curate.png")))
