"""Told to end (kill, logout) while a dialog is open, the window still closes as Ctrl+Q does."""

from __future__ import annotations

import os
import signal
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from annotator.gui.termination import SIGNALS, close_on_termination, close_window

CLAIM = "تم إطلاق صواريخ باليستية من الأراضي الأرمينية"
SOURCE = "وزارة الدفاع الأذرية"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_over_an_open_picker_cancels_it_and_closes_the_window(qtbot, window):
    text = window.controller.document.text
    for words, key in ((SOURCE, Qt.Key.Key_2), (CLAIM, Qt.Key.Key_1)):  # L lists the source
        at = text.index(words)
        window.article.select_range(at, at + len(words))
        qtbot.keyClick(window.article, key)
    lock = window.project.path.with_name(window.project.path.name + ".lock")
    assert lock.exists()
    previous = {sig: signal.getsignal(sig) for sig in SIGNALS}
    watch = close_on_termination(window, lambda: close_window(window))
    seen: list[object] = []

    def kill_over_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, kill_over_the_dialog)
            return
        seen.append(dialog)
        os.kill(os.getpid(), signal.SIGTERM)

    try:
        QTimer.singleShot(0, kill_over_the_dialog)
        qtbot.keyClick(window.article, Qt.Key.Key_L)  # returns when the picker is closed
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    finally:
        signal.set_wakeup_fd(-1)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if watch is not None:
            watch.deleteLater()
    assert seen, "the picker never opened"
    assert QApplication.activeModalWidget() is None
    assert not lock.exists()  # closed as on Ctrl+Q: the project let go
