"""The window as a professional tool: its title, File ▸ Open Recent, the status bar, About."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.app import seed_sample
from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project
from tests.gui.conftest import show
from tests.gui.test_attribution import CLAIM1, SOURCE1, back_to, link, tag

ALT = Qt.KeyboardModifier.AltModifier


def test_the_title_names_the_project_then_the_open_document(qtbot, window):
    first = window.windowTitle()
    assert first.startswith("gui — ")
    assert window.controller.document.title in first
    assert first.endswith(" — annotator")
    qtbot.keyClick(window.article, Qt.Key.Key_Down, ALT)
    assert window.windowTitle() == "gui — emoji — annotator"


def test_the_status_bar_counts_the_open_documents_spans_and_relations(qtbot, window):
    summary = window.summary
    assert summary.plain == "#1 · todo · 0 relations"  # labels with no span left out
    claim = tag(qtbot, window, CLAIM1, Qt.Key.Key_1)
    tag(qtbot, window, SOURCE1, Qt.Key.Key_2)
    assert summary.plain == "#1 · in progress · CLAIM 1 · ACTOR 1 · 0 relations"
    link(qtbot, window, claim, "وزارة", ["1"], ["s", Qt.Key.Key_Return])
    back_to(qtbot, window)
    assert summary.plain.endswith("· 1 relations")
    window.actions_by_id["edit.undo"].trigger()  # the link goes, and the count with it
    assert summary.plain.endswith("· 0 relations")
    qtbot.keyClick(window.article, Qt.Key.Key_Down, ALT)  # another document: its own counts
    assert summary.plain == "#2 · todo · 0 relations"


def test_open_recent_lists_the_other_projects_and_opens_one(qtbot, gui_project, settings, tmp_path):
    older = []
    for name in ("older", "oldest"):
        with Project.open(tmp_path / f"{name}.annotator.db") as other:
            seed_sample(other)
        older.append(str(tmp_path / f"{name}.annotator.db"))
    settings.setValue("projects/recent", older)
    window = show(qtbot, MainWindow(gui_project, settings))
    file_menu = window.menuBar().actions()[0].menu()
    assert window.recent_menu.menuAction() in file_menu.actions()
    assert window.recent_menu.paths == older  # the open project is not offered again
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts[0].startswith("&1 older") and older[0] in texts[0]
    window.recent_menu.actions()[1].trigger()
    assert window.project.path == Path(older[1])
    assert window.windowTitle().startswith("oldest — ")
    # Now the first project is the recent one, the open one is not listed.
    assert window.recent_menu.paths[0] == str(gui_project.path)
    assert older[1] not in window.recent_menu.paths
    window.close()


def test_about_names_every_version_and_carries_the_font_licence(qtbot, window):
    seen: dict[str, str] = {}

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, read_and_close)
            return
        seen["versions"] = dialog.versions.text()
        seen["licence"] = dialog.licence.toPlainText()
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    window.actions_by_id["help.about"].trigger()
    import PySide6
    from PySide6.QtCore import qVersion

    from annotator import __version__

    lines = seen["versions"].splitlines()
    assert lines[0] == f"annotator {__version__}"
    assert f"Qt {qVersion()}" in lines
    assert f"PySide6 {PySide6.__version__}" in lines
    assert f"SQLite {sqlite3.sqlite_version}" in lines
    assert any(line.startswith("Python 3.") for line in lines)
    assert "SIL Open Font License, Version 1.1" in seen["licence"]
    assert "Noto Naskh Arabic" in seen["licence"]
