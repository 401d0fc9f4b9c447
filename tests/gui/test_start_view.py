"""An empty project opens on the ways in: import files or a folder, the sample, recent projects."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.app import seed_sample
from annotator.core.models import Document
from annotator.gui.dialogs import project_io
from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project


def empty_window(qtbot, tmp_path: Path, settings, name: str = "empty") -> MainWindow:
    project = Project.open(tmp_path / f"{name}.annotator.db")
    window = MainWindow(project, settings, add_sample=seed_sample)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def test_an_empty_project_shows_the_start_view_and_the_sample_opens(qtbot, tmp_path, settings):
    window = empty_window(qtbot, tmp_path, settings)
    assert window.center.currentWidget() is window.start_view
    assert window.start_view.buttons["sample"].isVisibleTo(window)
    qtbot.mouseClick(window.start_view.buttons["sample"], Qt.MouseButton.LeftButton)
    assert window.center.currentWidget() is not window.start_view
    assert window.controller.document.text.startswith("تجدد القتال العنيف")
    assert [d.id for d in window.project.documents()] == [window.controller.document.id]
    window.close()
    window.project.close()


def test_import_files_from_the_start_view(qtbot, tmp_path, settings, monkeypatch):
    article = tmp_path / "article.txt"
    article.write_text("قالت الوزارة إن المحادثات ستستمر.\n", encoding="utf-8")
    monkeypatch.setattr(project_io, "ask_import_files", lambda parent: [article])
    window = empty_window(qtbot, tmp_path, settings)
    qtbot.waitUntil(window.start_view.buttons["import_files"].hasFocus)  # ready for Space
    qtbot.keyClick(window.start_view.buttons["import_files"], Qt.Key.Key_Space)
    assert window.center.currentWidget() is not window.start_view
    assert window.controller.document.text == "قالت الوزارة إن المحادثات ستستمر."
    window.close()
    window.project.close()


def test_recent_projects_open_from_the_start_view(qtbot, tmp_path, settings):
    with Project.open(tmp_path / "other.annotator.db") as other:
        other.add_document(Document("خبر في مشروع آخر"))
    first = empty_window(qtbot, tmp_path, settings, "other")  # remembered as recent
    first.close()
    first.project.close()
    window = empty_window(qtbot, tmp_path, settings)
    view = window.start_view
    before = window.workspace
    assert view.recent.isVisibleTo(window)
    assert view.recent_model.stringList() == [str(tmp_path / "other.annotator.db")]
    view.recent.setFocus()
    view.recent.setCurrentIndex(view.recent_model.index(0))
    qtbot.keyClick(view.recent, Qt.Key.Key_Return)
    assert window.project.path == tmp_path / "other.annotator.db"
    assert window.center.currentWidget() is not view
    assert window.controller.document.text == "خبر في مشروع آخر"
    # The switch replaced the whole workspace: the old project is closed and free again.
    assert window.workspace is not before and window.controller is not before.controller
    with Project.open(tmp_path / "empty.annotator.db") as again:
        from annotator.gui.workspace.session import ProjectSession

        session = ProjectSession(again)
        assert session.start() is None
        session.stop()
    window.close()
    window.project.close()
