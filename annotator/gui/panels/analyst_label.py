"""The status bar's note of who is annotating (every edit is stamped with that name)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class AnalystLabel(QLabel):
    def show_name(self, name: str, fixed: bool) -> None:
        """``fixed``: the project file was assigned to this analyst by ``annotator assign``."""
        self.setText(self.tr("Analyst: %1").replace("%1", name))
        self.setToolTip(
            self.tr("Every edit is stamped with this name (assigned by the team file)")
            if fixed
            else self.tr("Every edit is stamped with this name; Edit ▸ Analyst Name… changes it")
        )
