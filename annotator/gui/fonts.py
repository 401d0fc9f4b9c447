"""The shipped Arabic text font, registered with Qt so every machine looks the same."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from annotator.assets import resource

ARTICLE_FONT = "Noto Naskh Arabic"
DEFAULT_POINT_SIZE = 15


def register_fonts() -> list[str]:
    """Register every font in ``resources/fonts``; return the families Qt now knows."""
    families: list[str] = []
    folder = resource("fonts")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".ttf", ".otf")):
            font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
            if font_id >= 0:
                families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))
