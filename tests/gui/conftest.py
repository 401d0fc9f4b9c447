"""A real main window on a fresh project holding the sample article and two short texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from annotator.app import seed_sample
from annotator.core.models import Document
from annotator.gui.fonts import register_fonts
from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project

EMOJI_TEXT = "قالت 😀 أذربيجان إن القتال اندلع في قره باغ"
MIXED_TEXT = "قال Mike Pompeo في واشنطن إن المحادثات ستستمر\nAn English paragraph about Baku."


@pytest.fixture(scope="session", autouse=True)
def fonts(qapp):
    return register_fonts()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def gui_project(tmp_path: Path):
    project = Project.open(tmp_path / "gui.annotator.db")
    seed_sample(project)
    project.add_document(Document(EMOJI_TEXT, meta={"title": "emoji"}))
    project.add_document(Document(MIXED_TEXT, meta={"title": "mixed"}))
    yield project
    project.close()


def show(qtbot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.article.setFocus()
    qtbot.waitUntil(window.article.hasFocus)
    return window


@pytest.fixture
def window(qtbot, gui_project: Project, settings: QSettings) -> MainWindow:
    return show(qtbot, MainWindow(gui_project, settings))


def type_text(widget, text: str) -> None:
    """Type ``text`` as an Arabic keyboard layout would: key events carrying the characters.

    QTest.keyClicks only knows ASCII keys (it aborts on Arabic letters).
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
