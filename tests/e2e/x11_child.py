"""Run by tests/e2e/test_x11_keys.py in a real X server: the window, keys from xdotool.

Usage: python x11_child.py PROJECT SETTINGS KEY...  (xdotool key names, e.g. shift+Tab)

Each key goes through the X server (XTEST), as a keyboard's would; after each the
child waits (at most five seconds) for the current span to change and prints one
JSON line: the current span's text after every key, null where it did not change.
"""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project

WAIT_MS = 5000


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
    seen: list[str | None] = []
    for key in keys:
        subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True, timeout=10)
        changed = wait_for(window.controller.current_changed)
        current = window.controller.current
        seen.append(current.text if changed and current is not None else None)
    print(json.dumps({"current": seen}, ensure_ascii=False))
    window.close()
    project.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
