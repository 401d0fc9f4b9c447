"""The application icon, at every size shipped in ``resources/icons``.

Set on the QApplication so every window, dialog and the task bar show it; the
bundle's desktop entry names the same picture (packaging/make_icon.py draws them).
"""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap

from annotator.assets import resource


def app_icon() -> QIcon:
    icon = QIcon()
    for entry in resource("icons").iterdir():
        if entry.name.startswith("annotator-") and entry.name.endswith(".png"):
            pixmap = QPixmap()
            pixmap.loadFromData(entry.read_bytes())
            icon.addPixmap(pixmap)
    return icon
