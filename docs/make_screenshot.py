"""Render docs/screenshot.png (the window on the sample article with nested highlights)
docs/stance_dialog.png (the stance of a claim's source, its header read right to left) and
docs/start_view.png (an empty project: the ways in) and docs/screenshot_ar.png (the
annotated window with the Arabic interface, mirrored, as ``annotator --lang ar`` shows it).

Run from the repository root after installing: ``.venv/bin/python docs/make_screenshot.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from annotator.app import seed_sample
from annotator.core.models import Entity, NewSpan
from annotator.gui.fonts import register_fonts
from annotator.gui.i18n import install
from annotator.gui.main_window import MainWindow
from annotator.storage.project import Project

SPANS = {  # name: (text, label, occurrence, attributes)
    "claim1": (
        "تم إطلاق صواريخ باليستية من الأراضي الأرمينية اليوم باتجاه مناطق داخل أذربيجان",
        "CLAIM",
        0,
        {"factuality": "asserted", "checkworthy": "yes"},
    ),
    "cue1": ("قالت", "CUE", 2, {}),
    "source1": (
        "وزارة الدفاع الأذرية",
        "ACTOR",
        0,
        {"mention": "name", "actor_type": "government body"},
    ),
    "place1": ("الأراضي الأرمينية", "LOCATION", 0, {"loc_type": "region/province"}),
    "claim2": (
        "إطلاق أي صواريخ باليستية على الأراضي الأذرية",
        "CLAIM",
        0,
        {"factuality": "negated"},
    ),
    "cue2": ("نفت", "CUE", 0, {}),
    "source2": ("مصادر من الخارجية الأرمينية", "ACTOR", 0, {"mention": "anonymous"}),
    "place2": ("الأراضي الأذرية", "LOCATION", 0, {"loc_type": "country"}),
    "place3": ("قره باغ", "LOCATION", 3, {}),
    "actor3": ("سلطات إقليم قره باغ", "ACTOR", 0, {}),
    "joined": ("المدفعية", "ACTOR", 1, {}),
}
LINKS = [  # (relation, head, tail, attributes)
    ("SOURCE", "claim1", "source1", {"stance": "support"}),
    ("CUE", "claim1", "cue1", {}),
    ("ABOUT", "claim1", "place1", {}),
    ("SOURCE", "claim2", "source2", {"stance": "deny"}),
    ("CUE", "claim2", "cue2", {}),
    ("ABOUT", "claim2", "place2", {}),
]


def annotate(project: Project) -> dict[str, int]:
    """The sample article's two opposite claims, with sources, cues, places and an entity."""
    text = project.document(1).text
    ids: dict[str, int] = {}
    for name, (phrase, label, occurrence, attrs) in SPANS.items():
        at = -1
        for _ in range(occurrence + 1):
            at = text.index(phrase, at + 1)
        span = project.add_span(1, NewSpan(at, at + len(phrase), label, phrase, attrs))
        ids[name] = span.id
    for relation, head, tail, attrs in LINKS:
        project.add_relation(relation, ids[head], ids[tail], attrs=attrs)
    ministry = project.entities.add(
        Entity("وزارة الدفاع الأذربيجانية", "ACTOR", type="government body")
    )
    assert ministry.id is not None
    project.link_entity(ids["source1"], ministry.id)
    return ids


def save_stance_dialog(window: MainWindow, target: Path) -> None:
    """The dialog L opens after linking a claim to its source, as the analyst sees it."""
    from annotator.core.models import LabelKind
    from annotator.gui.dialogs.attribute_editor import AttributeEditor

    project = window.controller.project
    relation = next(r for r in project.relations(1) if r.label == "SOURCE")
    label = project.schema.get("SOURCE", LabelKind.RELATION)
    assert label is not None
    editor = AttributeEditor(label, window.linking.relation_title(relation), relation.attrs, window)
    editor.show()
    QApplication.processEvents()
    editor.grab().save(str(target))
    editor.close()


def annotated_window(app: QApplication, folder: Path, language: str = "en") -> MainWindow:
    """The sample article annotated, its second claim current, at the screenshots' size."""
    project = Project.open(folder / f"screenshot_{language}.annotator.db")
    seed_sample(project)
    ids = annotate(project)
    window = MainWindow(
        project,
        QSettings(str(folder / f"{language}.ini"), QSettings.Format.IniFormat),
        language=language,
    )
    window.resize(1500, 900)
    window.show()
    app.processEvents()
    window.splitter.setSizes([230, 760, 320])
    window.resizeDocks([window.registry], [230], Qt.Orientation.Horizontal)
    app.processEvents()
    window.controller.set_current(window.controller.span_by_id(ids["claim2"]))
    app.processEvents()
    return window


def main(target: Path) -> None:
    app = QApplication([])
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        window = annotated_window(app, Path(tmp))
        window.grab().save(str(target))
        save_stance_dialog(window, target.with_name("stance_dialog.png"))
        window.close()
        window.project.close()
        install(app, "ar")
        window = annotated_window(app, Path(tmp), "ar")
        window.grab().save(str(target.with_name("screenshot_ar.png")))
        window.close()
        window.project.close()
        install(app, "en")
        empty = Project.open(Path(tmp) / "empty.db")
        window = MainWindow(
            empty,
            QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat),
            add_sample=seed_sample,
        )
        window.resize(1100, 640)
        window.show()
        app.processEvents()
        window.grab().save(str(target.with_name("start_view.png")))
        window.close()
        empty.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("screenshot.png"))
