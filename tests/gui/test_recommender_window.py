"""The recommender in the window: trained in a child process, its proposals drawn with their
scores and taken with the suggestion keys, rejected ones gone for good, the most useful
document opened."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer

from annotator.core.models import Document, Status
from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project
from annotator.storage.recommender import ProjectRecommender
from tests.gui.conftest import show
from tests.news_templates import PEOPLE, PLACES, corpus
from tests.spans import add_span

TRAINING_TIMEOUT_MS = 120_000  # two shared cores: a slow run is not a failure


@pytest.fixture
def trained_project(tmp_path: Path):
    """16 worked documents with names from list A, 6 to do with names from list B."""
    project = Project.open(tmp_path / "rec.annotator.db")
    for built in corpus(16, "A", 11):
        doc_id = project.add_document(Document(built.text))
        for start, end, label in built.spans:
            add_span(project, doc_id, start, end, label)
        project.set_status(doc_id, Status.DONE)
    for built in corpus(6, "B", 12):
        project.add_document(Document(built.text))
    yield project
    project.close()


@pytest.fixture
def rec_window(qtbot, trained_project: Project, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("recommender/retrain_every", 3)
    return show(qtbot, MainWindow(trained_project, settings))


def _train(qtbot, window: MainWindow) -> dict:
    """Ctrl+Shift+T; the GUI keeps ticking while the child trains."""
    training = window.workspace.training
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1) if training.running else None)
    timer.start()
    with qtbot.waitSignal(training.finished, timeout=TRAINING_TIMEOUT_MS) as finished:
        qtbot.keyClick(
            window.article,
            Qt.Key.Key_T,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert training.running
        assert training.pid not in (None, 0, os.getpid())  # another process trains
    timer.stop()
    assert len(ticks) >= 3  # the event loop kept answering while it trained
    return finished.args[0]


def _todo(window: MainWindow) -> list[int]:
    return [d.id for d in window.project.documents(Status.TODO) if d.id is not None]


# Offscreen Qt cannot raise the tooltip's window; the tooltip is still made with its text.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_training_in_a_child_then_proposals_for_unseen_names_taken_with_the_keys(
    qtbot, rec_window: MainWindow
):
    window = rec_window
    report = _train(qtbot, window)
    assert {"ACTOR", "LOCATION"} <= set(report["proposed_labels"])
    assert "ACTOR" in window.recommending.status.text()
    assert window.controller.proposals.recommender is not None

    doc_id = _todo(window)[0]
    window.open_document(doc_id)
    text = window.controller.document.text
    qtbot.waitUntil(lambda: bool(window.controller.suggestions))
    model = [s for s in window.controller.suggestions if s.score is not None]
    unseen = set(PEOPLE["B"]) | set(PLACES["B"])
    assert any(s.text in unseen for s in model)  # names the model never saw
    assert all(text[s.start : s.end] == s.text for s in model)
    assert window.article._proposals  # drawn
    tip = window.article.proposal_tips.tip_at(model[0].start)
    assert tip is not None and f"model {model[0].score:.2f}" in tip
    # Hovering it shows the tooltip: a help event at the proposal's middle.
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent, QTextCursor
    from PySide6.QtWidgets import QApplication, QToolTip

    window.article.select_range(model[0].start, model[0].start)
    cursor = QTextCursor(window.article.document())
    middle = (model[0].start + model[0].end) // 2
    cursor.setPosition(window.article.offsets.to_qt(middle))
    at = window.article.cursorRect(cursor).center()
    viewport = window.article.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at))
    QApplication.sendEvent(viewport, event)
    assert QToolTip.text() == window.article.proposal_tips.tip_at(middle)
    QToolTip.hideText()

    # N selects the first proposal, Y stores it with its exact offsets, one undo step.
    window.article.set_caret(0)
    qtbot.keyClick(window.article, Qt.Key.Key_N)
    first = window.controller.suggestion_at(window.article.selection_range())
    assert first is not None
    qtbot.keyClick(window.article, Qt.Key.Key_Y)
    stored = {(s.start, s.end, s.label, s.text) for s in window.project.spans(doc_id)}
    assert (first.start, first.end, first.label, first.text) in stored
    assert first not in window.controller.suggestions

    # X rejects the next one: not proposed again, also after reopening the document.
    qtbot.keyClick(window.article, Qt.Key.Key_N)
    second = window.controller.suggestion_at(window.article.selection_range())
    assert second is not None and second.score is not None
    qtbot.keyClick(window.article, Qt.Key.Key_X)
    key = (second.start, second.end, second.label)
    assert key not in {(s.start, s.end, s.label) for s in window.controller.suggestions}
    assert key not in {(s.start, s.end, s.label) for s in window.project.spans(doc_id)}
    window.open_document(_todo(window)[-1])
    window.open_document(doc_id)
    assert key not in {(s.start, s.end, s.label) for s in window.controller.suggestions}

    # Shift+Y takes every proposal of the same text and label at once.
    by_text: dict[tuple[str, str], list] = {}
    for s in window.controller.suggestions:
        by_text.setdefault((s.text, s.label), []).append(s)
    alike = max(by_text.values(), key=len)
    window.article.select_range(alike[0].start, alike[0].end)
    before = len(window.project.spans(doc_id))
    qtbot.keyClick(window.article, Qt.Key.Key_Y, Qt.KeyboardModifier.ShiftModifier)
    stored = {(s.start, s.end, s.label) for s in window.project.spans(doc_id)}
    assert {(s.start, s.end, s.label) for s in alike} <= stored
    assert len(stored) == before + len(alike)
    window.controller.undo_stack.undo()
    assert len(window.project.spans(doc_id)) == before


def test_a_few_new_spans_train_again_by_themselves(qtbot, rec_window: MainWindow):
    window = rec_window
    training = window.workspace.training
    doc_id = _todo(window)[0]
    window.open_document(doc_id)
    text = window.controller.document.text
    words = [i for i in range(1, len(text)) if text[i - 1] == " " and text[i] != " "][:3]
    with qtbot.waitSignal(training.started, timeout=5000):
        for start in words:
            end = text.find(" ", start)
            window.controller.apply_label("ACTOR", (start, end))
    assert training.running
    with qtbot.waitSignal(training.finished, timeout=TRAINING_TIMEOUT_MS):
        pass


def test_next_most_useful_opens_the_document_the_model_is_least_sure_about(
    qtbot, rec_window: MainWindow
):
    window = rec_window
    _train(qtbot, window)
    done = next(d.id for d in window.project.documents(Status.DONE))
    window.open_document(done)
    expected = ProjectRecommender(window.project).most_useful()
    qtbot.keyClick(
        window.article,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.controller.document.id == expected


def test_the_status_says_what_the_model_proposes_and_why_a_label_is_withheld():
    from annotator.gui.handlers.recommending import model_summary

    report = {
        "stored": True,
        "proposed_labels": ["LOCATION"],
        "withheld": {"ACTOR": "cross-validated F1 0.31 is under 0.50"},
    }
    text, tip = model_summary(report)
    assert text == "Model: LOCATION · withheld: ACTOR"
    assert "ACTOR: not proposed: cross-validated F1 0.31 is under 0.50" in tip.splitlines()
    assert model_summary({"stored": False})[0] == "Model: nothing to learn from yet"


def test_claims_are_proposed_in_the_window_and_taken_with_y(qtbot, tmp_path: Path):
    from tests.news_templates import claims_corpus

    project = Project.open(tmp_path / "claims.annotator.db")
    for built in corpus(8, "A", 13) + claims_corpus(16, "A", 14):
        doc_id = project.add_document(Document(built.text))
        for start, end, label in built.spans:
            add_span(project, doc_id, start, end, label)
        project.set_status(doc_id, Status.DONE)
    todo = [project.add_document(Document(b.text)) for b in claims_corpus(2, "B", 15)]
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = show(qtbot, MainWindow(project, settings))
    report = _train(qtbot, window)
    assert "CLAIM" in report["proposed_labels"], report.get("claims")
    window.open_document(todo[0])
    text = window.controller.document.text
    qtbot.waitUntil(lambda: any(s.label == "CLAIM" for s in window.controller.suggestions))
    claim = next(s for s in window.controller.suggestions if s.label == "CLAIM")
    assert text[claim.start : claim.end] == claim.text and claim.score is not None
    window.article.select_range(claim.start, claim.end)
    qtbot.keyClick(window.article, Qt.Key.Key_Y)
    stored = {(s.start, s.end, s.label) for s in window.project.spans(todo[0])}
    assert (claim.start, claim.end, "CLAIM") in stored
    window.close()
    project.close()


def test_closing_the_window_stops_a_training_child(qtbot, rec_window: MainWindow):
    training = rec_window.workspace.training
    with qtbot.waitSignal(training.started, timeout=5000):
        training.start()
    pid = training.pid
    assert pid is not None and pid != os.getpid()
    rec_window.close()
    assert not training.running
    with pytest.raises(ProcessLookupError):  # killed and reaped, not left training
        os.kill(pid, 0)


def test_a_child_that_cannot_start_says_so_and_the_window_polls_again(
    qtbot, rec_window: MainWindow, monkeypatch
):
    import annotator.gui.workspace.training as training_module

    monkeypatch.setattr(
        training_module, "train_command", lambda path: ["/nonexistent/python", "train"]
    )
    training = rec_window.workspace.training
    with qtbot.waitSignal(training.failed, timeout=10_000) as failed:
        training.start()
    assert "did not start" in failed.args[0]
    assert not training.running
    qtbot.waitUntil(lambda: rec_window.session._child_print is None, timeout=5000)
