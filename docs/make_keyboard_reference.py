"""Write docs/keyboard.md (English) and docs/keyboard.ar.md (Arabic) from the actions table.

Run: .venv/bin/python docs/make_keyboard_reference.py
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from annotator.assets import default_schema
from annotator.gui.actions import all_specs
from annotator.gui.dialogs.shortcuts import markdown_sheet
from annotator.gui.i18n import install

# language: the file it goes to
TARGETS = {"en": "keyboard.md", "ar": "keyboard.ar.md"}


def sheet(app: QApplication, language: str) -> str:
    """The F1 sheet in ``language`` as Markdown (the interface is set back to English after)."""
    install(app, language)
    try:
        return markdown_sheet(all_specs(default_schema().span_labels))
    finally:
        install(app, "en")


if __name__ == "__main__":
    app = QApplication.instance() or QApplication([])
    for language, name in TARGETS.items():
        target = Path(__file__).with_name(name)
        target.write_text(sheet(app, language), encoding="utf-8")
        print(f"wrote {target}")
