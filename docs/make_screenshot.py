"""Render docs/screenshot.png: the window on the sample article with nested highlights.

Run from the repository root after installing: ``.venv/bin/python docs/make_screenshot.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.app import seed_sample
from annotator.gui.fonts import register_fonts
from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project

SPANS = [  # (text, label, occurrence, trim from start, trim from end)
    (
        "قالت وزارة الدفاع الأذرية إن تم إطلاق صواريخ باليستية من الأراضي الأرمينية اليوم "
        "باتجاه مناطق داخل أذربيجان",
        "CLAIM",
        0,
        0,
        0,
    ),
    ("وزارة الدفاع الأذرية", "ACTOR", 0, 0, 0),
    ("الأراضي الأرمينية", "LOCATION", 0, 0, 0),
    ("أذربيجان", "LOCATION", 5, 0, 0),
    ("نفت إطلاق أي صواريخ باليستية على الأراضي الأذرية", "CLAIM", 0, 0, 0),
    ("مصادر من الخارجية الأرمينية", "ACTOR", 0, 0, 0),
    ("الأراضي الأذرية", "LOCATION", 0, 0, 0),
    ("سلطات إقليم قره باغ", "ACTOR", 0, 0, 0),
    ("قره باغ", "LOCATION", 3, 0, 0),
    ("وأذربيجان", "LOCATION", 1, 1, 0),
    ("المدفعية", "ACTOR", 1, 2, 0),
]


def main(target: Path) -> None:
    app = QApplication([])
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.open(Path(tmp) / "screenshot.db")
        seed_sample(project)
        text = project.document(1).text
        for phrase, label, occurrence, cut_start, cut_end in SPANS:
            at = -1
            for _ in range(occurrence + 1):
                at = text.index(phrase, at + 1)
            project.add_span(1, at + cut_start, at + len(phrase) - cut_end, label)
        window = MainWindow(
            project, QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        )
        window.resize(1400, 860)
        window.show()
        app.processEvents()
        window.splitter.setSizes([260, 840, 300])
        app.processEvents()
        actor = next(s for s in window.controller.spans if s.text == "مصادر من الخارجية الأرمينية")
        window.controller.set_current(actor)
        app.processEvents()
        window.grab().save(str(target))
        window.close()
        project.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("screenshot.png"))
