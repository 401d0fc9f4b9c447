"""The team window: from the agreement's worst document to Curate mode and back, by keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.models import Document
from annotator.gui.team_window import TeamWindow
from annotator.main import TEAM_WINDOW, first_word, wants_cli
from annotator.storage.project import Project
from tests.spans import add_span

TEXT = "قال وزير الخارجية إن باكو ترفض"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def test_curate_opens_the_team_window_not_the_command_line():
    assert first_word(["--db", "t.db", TEAM_WINDOW]) == TEAM_WINDOW
    assert not wants_cli(["--db", "t.db", TEAM_WINDOW])
    assert wants_cli(["agreement", "--db", "t.db"])


def test_worst_document_curated_and_agreement_refreshed(qtbot, tmp_path: Path):
    with Project.open(tmp_path / "team.annotator.db") as project:
        doc = project.add_document(Document(TEXT))
        add_span(project, doc, *at("وزير الخارجية"), "ACTOR", annotator="alice")
        add_span(project, doc, *at("وزير"), "ACTOR", annotator="bob")
        window = TeamWindow(project)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        view = window.agreement.ranking_view
        view.setFocus()
        view.setCurrentIndex(window.agreement.ranking.index(0, 0))
        qtbot.waitUntil(view.hasFocus)
        qtbot.keyClick(view, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.curate)
        curate = window.curate
        assert curate is not None
        qtbot.waitUntil(curate.hasFocus)
        with qtbot.waitSignal(curate.changed, timeout=2000):
            qtbot.keyClick(curate, Qt.Key.Key_1)
        assert [s.text for s in project.spans(doc) if s.annotator == "gold"] == ["وزير الخارجية"]
        add_span(project, doc, *at("باكو"), "LOCATION", annotator="carol")  # merged meanwhile
        qtbot.keyClick(curate, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.agreement)
        assert window.agreement.report is not None
        assert window.agreement.report.annotators == ("alice", "bob", "carol")  # recomputed
