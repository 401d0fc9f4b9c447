"""SIGTERM, SIGHUP and SIGINT close the window as Ctrl+Q does, so the session ends cleanly.

Without this a ``kill`` (a logout, a system shutdown, a closed terminal) ended
the process at once and left the ``.lock`` and ``.open`` files beside the
project: the next start reported an unclean exit and checked the whole file.
Python runs a signal handler only when it next runs bytecode, and the Qt
event loop runs none while idle: the signal's wakeup byte goes to a socket
that a ``QSocketNotifier`` watches, which brings Python (and the handler) in.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


class TerminationWatch(QObject):
    """Owns the socket pair the signals wake up (alive as long as its parent)."""

    def __init__(self, parent: QObject, on_signal: Callable[[], object]) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)
        signal.set_wakeup_fd(self._writer.fileno())

        def handler(signum: int, frame: object) -> None:
            QTimer.singleShot(0, on_signal)  # in the event loop, whenever the signal came

        for sig in SIGNALS:
            signal.signal(sig, handler)

    def _on_notifier_activated(self) -> None:
        with contextlib.suppress(BlockingIOError):
            self._reader.recv(64)  # Python runs the pending handler around this slot


def close_on_termination(
    parent: QObject, on_signal: Callable[[], object]
) -> TerminationWatch | None:
    """Call ``on_signal`` in the event loop when the process is told to end.

    Installed before the window takes the project's lock, so no signal can
    come between the two.
    """
    if not SIGNALS or not hasattr(socket, "socketpair"):
        return None
    return TerminationWatch(parent, on_signal)


def close_window(window: QWidget) -> None:
    """Close ``window`` as Ctrl+Q does, answering "Cancel" to any dialog open over it first.

    A modal dialog (a link picker, the stance, a file dialog) runs its own event loop:
    closing the window under it hid the window and released the project, but left the
    dialog up and the process running, and the action that opened it went on afterwards.
    The window closes once the dialogs' actions have unwound.
    """
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    QTimer.singleShot(0, window.close)
