"""Help ▸ About: what is running (annotator, Python, Qt, PySide6, SQLite) and the font's licence.

The versions are what an analyst copies into a bug report; the licence of the
shipped Noto Naskh Arabic font must travel with the program (SIL OFL 1.1).
"""

from __future__ import annotations

import platform
import sqlite3

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.assets import resource


def versions() -> dict[str, str]:
    """What runs here, by component: the lines of the About dialog, in this order."""
    return {
        "annotator": __version__,
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "SQLite": sqlite3.sqlite_version,
    }


def font_licence() -> str:
    return resource("fonts", "OFL.txt").read_text(encoding="utf-8")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About annotator"))
        self.resize(560, 520)
        intro = QLabel(
            self.tr(
                "Keyboard-driven annotation of Arabic news articles: claims, actors, places, "
                "attribution cues and their relations."
            ),
            self,
        )
        intro.setWordWrap(True)
        # Names and version numbers are Latin script: left to right in either language.
        self.versions = QLabel("\n".join(f"{k} {v}" for k, v in versions().items()), self)
        self.versions.setObjectName("versions")
        self.versions.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.versions.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.versions.setTextFormat(Qt.TextFormat.PlainText)
        heading = QLabel(self.tr("Font licence (Noto Naskh Arabic, SIL Open Font License 1.1):"))
        self.licence = QPlainTextEdit(font_licence(), self)
        self.licence.setObjectName("licence")
        self.licence.setReadOnly(True)
        self.licence.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.versions, heading, self.licence, buttons):
            layout.addWidget(widget)
