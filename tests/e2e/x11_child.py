"""Run by tests/e2e/test_x11_keys.py in a real X server: the window, keys from xdotool.

Usage: python x11_child.py PROJECT SETTINGS KEY...  (xdotool key names, e.g. shift+Tab)
       python x11_child.py PROJECT SETTINGS claim
       python x11_child.py PROJECT SETTINGS recommend

Each key goes through the X server (XTEST), as a keyboard's would. With keys, the
child waits (at most five seconds) after each for the current span to change and
prints one JSON line: the current span's text after every key, null where it did
not change. With ``claim`` it tags the sample's first claim with its source, cue,
links and stance by keys alone (dialogs included), waiting after each key for what
it should have done, and prints the keys sent and what the project then holds. With
``recommend`` it trains the recommender (Ctrl+Shift+T), waits for the child process,
then opens the next most useful document (Ctrl+Shift+N) and prints which one opened.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project

WAIT_MS = 5000
TRAIN_WAIT_MS = 120_000


def wait_for(signal, timeout_ms: int = WAIT_MS) -> bool:
    """Run the event loop until ``signal`` fires (True) or the time is up (False)."""
    loop = QEventLoop()
    fired: list[bool] = []

    def on_fired(*_args: object) -> None:
        fired.append(True)
        loop.quit()

    signal.connect(on_fired)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(on_fired)
    return bool(fired)


def xdotool(key: str) -> None:
    subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True, timeout=10)


Condition = Callable[[], bool]


class Driver(QObject):
    """Sends one key, waits (polling, at most WAIT_MS) until its effect shows, sends the next.

    It runs on the event loop's timers, so it goes on inside the dialogs' own loops.
    """

    def __init__(self, steps: list[tuple[str, Callable[[], Condition]]]) -> None:
        super().__init__()
        self._steps = steps
        self.sent = 0
        self.failed: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if not self._steps:
            QApplication.exit(0)
            return
        self._key, make = self._steps.pop(0)
        self._done = make()  # taken before the key: what "changed" compares with
        xdotool(self._key)
        self.sent += 1
        self._deadline = time.monotonic() + WAIT_MS / 1000
        self._timer.start()

    def _tick(self) -> None:
        if self._done():
            self._timer.stop()
            self._next()
        elif time.monotonic() > self._deadline:
            self._timer.stop()
            self.failed = f"key {self.sent} ({self._key}) did nothing visible"
            QApplication.exit(1)


def claim_steps(window: MainWindow) -> list[tuple[str, Callable[[], Condition]]]:
    project = window.controller.project

    def spans(count: int) -> Callable[[], Condition]:
        return lambda: lambda: len(project.spans(1)) == count

    def back_in_article() -> bool:
        """After a dialog the window is active again before the next key, as for a person
        (Xvfb has no window manager to give the focus back)."""
        if not window.isActiveWindow():
            window.activateWindow()
            return False
        if not window.article.hasFocus():
            window.article.setFocus()
            return False
        return True

    def relations(count: int) -> Callable[[], Condition]:
        return lambda: (
            lambda: (
                QApplication.activeModalWidget() is None
                and len(project.relations(1)) == count
                and back_in_article()
            )
        )

    def selection_moved() -> Condition:
        before = window.article.selection_range()
        return lambda: window.article.selection_range() != before

    def dialog(kind: str) -> Callable[[], Condition]:
        def make() -> Condition:
            before = QApplication.activeModalWidget()

            def shown() -> bool:
                modal = QApplication.activeModalWidget()
                if modal is None or modal is before or type(modal).__name__ != kind:
                    return False
                if QApplication.activeWindow() is not modal:
                    modal.activateWindow()
                    return False
                return True

            return shown

        return make

    def stance(value: str) -> Callable[[], Condition]:
        return lambda: lambda: QApplication.activeModalWidget().values().get("stance") == value

    return [
        ("c", selection_moved),
        ("1", spans(1)),
        ("c", selection_moved),
        ("2", spans(2)),
        ("c", selection_moved),
        ("4", spans(3)),
        ("l", dialog("Picker")),
        ("Return", relations(1)),
        ("Tab", lambda: lambda: window.controller.current.label == "ACTOR"),
        ("l", dialog("Picker")),
        ("Return", dialog("Picker")),
        ("1", dialog("AttributeEditor")),
        ("s", stance("support")),
        ("Return", relations(2)),
    ]


def run_claim(app: QApplication, window: MainWindow) -> dict:
    driver = Driver(claim_steps(window))
    driver.start()
    app.exec()
    project = window.controller.project
    spans = {s.id: s for s in project.spans(1)}
    return {
        "sent": driver.sent,
        "failed": driver.failed,
        "spans": sorted([s.label, s.text] for s in spans.values()),
        "relations": sorted(
            [r.label, spans[r.head].text, spans[r.tail].text, r.attrs.get("stance")]
            for r in project.relations(1)
        ),
    }


def run_recommend(window: MainWindow) -> dict:
    training = window.workspace.training
    xdotool("ctrl+shift+t")
    started = wait_for(training.started)
    trained = started and wait_for(training.finished, TRAIN_WAIT_MS)
    xdotool("ctrl+shift+n")
    opened = wait_for(window.controller.state.changes_applied)
    document = window.controller.document
    return {
        "started": started,
        "trained": trained,
        "opened": document.id if opened and document is not None else None,
    }


def main(argv: list[str]) -> int:
    project_path, settings_path, *keys = argv
    app = QApplication([sys.argv[0]])
    project = Project.open(project_path)
    window = MainWindow(project, QSettings(settings_path, QSettings.Format.IniFormat))
    window.show()
    window.activateWindow()
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.start(WAIT_MS)
    while not (window.isActiveWindow() and window.article.hasFocus()) and deadline.isActive():
        window.article.setFocus()
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    if not window.isActiveWindow():
        print(json.dumps({"error": "the window never became active"}))
        return 2
    if keys in (["claim"], ["recommend"]):
        run = run_claim(app, window) if keys == ["claim"] else run_recommend(window)
        print(json.dumps(run, ensure_ascii=False))
        window.close()
        project.close()
        return 0
    seen: list[str | None] = []
    for key in keys:
        xdotool(key)
        changed = wait_for(window.controller.state.current_changed)
        current = window.controller.current
        seen.append(current.text if changed and current is not None else None)
    print(json.dumps({"current": seen}, ensure_ascii=False))
    window.close()
    project.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
