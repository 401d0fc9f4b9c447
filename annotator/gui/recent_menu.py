"""File ▸ Open Recent: the projects opened lately (the list the start view shows, too).

Signals:
    project_chosen(str): the path of the project picked from the menu.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from annotator.gui.panels.status_bar import project_name

# Isolates a path inside a right-to-left menu: it reads left to right, its slashes in place.
LTR_ISOLATE, POP_ISOLATE = "\u2066", "\u2069"


class RecentMenu(QMenu):
    project_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recent_menu")
        self.setTitle(self.tr("Open &Recent"))
        self.paths: list[str] = []

    def fill(self, paths: Sequence[str]) -> None:
        """One item per project, newest first, numbered for the keyboard (&1…&9)."""
        self.clear()
        self.paths = list(paths)
        for number, path in enumerate(self.paths, start=1):
            name = project_name(Path(path))
            prefix = f"&{number} " if number < 10 else ""
            action = self.addAction(f"{prefix}{name}   {LTR_ISOLATE}{path}{POP_ISOLATE}")
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.project_chosen.emit(p))
        if not self.paths:
            self.addAction(self.tr("No other project yet")).setEnabled(False)
