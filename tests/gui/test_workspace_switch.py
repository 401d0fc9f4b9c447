"""Opening another project in the window: a new workspace, its models shown, nothing of the old
one left in the views, and every view still driven by keys and clicks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.models import Document
from annotator.storage.project import Project

TEXTS = (
    "قال المتحدث باسم الحكومة إن المحادثات ستستمر في جنيف",
    "أعلنت وزارة الخارجية أن الوفد وصل إلى القاهرة",
    "نفى الجيش أن تكون قواته قد عبرت الحدود",
    "ذكرت الوكالة أن الاجتماع تأجل",
)


def other_project(tmp_path: Path) -> Project:
    project = Project.open(tmp_path / "other.annotator.db")
    for number, text in enumerate(TEXTS):
        project.add_document(Document(text, meta={"title": f"other {number}"}))
    return project


def tag(qtbot, window, words: str, key: Qt.Key) -> None:
    text = window.controller.document.text
    at = text.index(words)
    window.article.select_range(at, at + len(words))
    qtbot.keyClick(window.article, key)


def test_the_views_show_the_new_projects_models_and_still_follow_it(qtbot, window, tmp_path):
    old = window.workspace
    old_documents = old.documents.rowCount()
    with qtbot.waitSignal(window.document_panel.filtered, timeout=5000):
        qtbot.keyClicks(window.document_panel.filter, "emoji")  # this project's titles
    project = other_project(tmp_path)
    assert window.load_project(project)
    new = window.workspace
    assert new is not old
    side = window.side_panel
    assert window.document_panel.view.model() is new.documents
    assert side.labels.model() is new.labels
    assert side.annotations.model() is new.annotations
    assert side.links.model() is new.links
    assert window.document_panel.filter.text() == ""  # the last project's filter went with it
    assert new.documents.rowCount() == len(TEXTS) != old_documents
    assert window.controller.document.text == TEXTS[0]

    # Clicking a row of the new list opens its document (the list's new selection model
    # is connected).
    view = window.document_panel.view
    rect = view.visualRect(new.documents.index(2, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.controller.document.text == TEXTS[2], timeout=2000)

    # Keys tag in the new project; every model of the new workspace follows.
    window.article.setFocus()
    qtbot.waitUntil(window.article.hasFocus)
    tag(qtbot, window, "نفى الجيش أن تكون قواته قد عبرت الحدود", Qt.Key.Key_1)
    tag(qtbot, window, "الجيش", Qt.Key.Key_2)
    spans = project.spans(window.controller.document.id)
    assert sorted(s.label for s in spans) == ["ACTOR", "CLAIM"]
    assert new.annotations.rowCount() == 2
    counts = {new.labels.index(r, 1).data(): new.labels.index(r, 2).data() for r in range(4)}
    assert counts["CLAIM"] == 1 and counts["ACTOR"] == 1
    # The actor just made is current: its row is the one selected.
    actor = next(s for s in spans if s.label == "ACTOR")
    selected = [i.row() for i in side.annotations.selectionModel().selectedRows()]
    assert selected == [new.annotations.row_of(actor.id)]

    # Selecting the claim's row in the table makes it current (the table's new selection
    # model is connected too).
    claim = next(s for s in spans if s.label == "CLAIM")
    side.annotations.selectRow(new.annotations.row_of(claim.id))
    assert window.controller.current == claim
    window.close()
    project.close()


# A popup menu under the offscreen plugin: it cannot raise a window or grab the keyboard.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_columns_hidden_from_the_header_menu_stay_hidden_across_projects_and_starts(
    qtbot, window, settings, tmp_path
):
    from PySide6.QtWidgets import QApplication, QMenu

    from annotator.gui.main_window import MainWindow

    panel = window.document_panel
    header = panel.view.horizontalHeader()
    header.customContextMenuRequested.emit(header.rect().center())
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    menu = QApplication.activePopupWidget()
    titles = [a.text() for a in menu.actions()]
    assert titles == ["Status", "Spans", "Classes"]
    assert all(a.isChecked() for a in menu.actions())
    with qtbot.waitSignal(panel.columns_changed, timeout=2000) as told:
        menu.actions()[2].trigger()  # Classes off
    menu.close()
    assert told.args == [[3]]
    assert panel.view.isColumnHidden(3) and not panel.view.isColumnHidden(1)

    project = other_project(tmp_path)
    assert window.load_project(project)
    assert panel.view.isColumnHidden(3)  # the new project's model, the analyst's columns
    window.close()
    again = MainWindow(project, settings)
    qtbot.addWidget(again)
    assert again.document_panel.view.isColumnHidden(3)
    assert not again.document_panel.view.isColumnHidden(2)
    again.close()
    project.close()


def test_opening_the_project_already_open_here_keeps_it(qtbot, window, monkeypatch):
    """Open Recent or File > Open on this window's own project (by a symlink too) keeps the
    workspace and says so; its own lock made it "open in another annotator window"."""
    from PySide6.QtWidgets import QMessageBox

    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: boxes.append(args[2]))
    workspace = window.workspace
    link = window.project.path.parent / "same.annotator.db"
    link.symlink_to(window.project.path)
    for path in (window.project.path, link):
        window.files.open_project_at(path)
        assert window.workspace is workspace and not boxes
        assert "open in this window" in window.statusBar().currentMessage()
