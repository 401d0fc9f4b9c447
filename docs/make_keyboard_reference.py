"""Write docs/keyboard.md from the actions table.

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

if __name__ == "__main__":
    app = QApplication.instance() or QApplication([])
    target = Path(__file__).with_name("keyboard.md")
    target.write_text(markdown_sheet(all_specs(default_schema().span_labels)), encoding="utf-8")
    print(f"wrote {target}")
