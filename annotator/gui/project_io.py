"""File menu work: import with a progress dialog, export, and the project file dialogs."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog, QWidget

from annotator.core.errors import AnnotatorError
from annotator.storage.project import Project

if TYPE_CHECKING:
    from annotator.core.formats import ExportReport
    from annotator.storage.importer import ImportReport

# The importer and exporter (every format, decoding, page cleaning) are imported when the
# analyst first imports or exports, not at every start of the window (bench/README.md).

PROJECT_FILTER = "Annotator projects (*.db *.sqlite *.annotator.db);;All files (*)"


def tr(text: str) -> str:
    return QCoreApplication.translate("project_io", text)


def run_import(parent: QWidget, project: Project, paths: Sequence[Path]) -> ImportReport:
    """Import with a progress dialog; tell what came in and what failed."""
    dialog = QProgressDialog(tr("Importing…"), "", 0, 0, parent)
    dialog.setWindowTitle(tr("Import"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)

    def progress(done: int, total: int, outcome: object) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        dialog.setLabelText(
            tr("Importing %1 of %2…").replace("%1", str(done)).replace("%2", str(total))
        )
        QCoreApplication.processEvents()

    from annotator.storage.importer import import_paths

    report = import_paths(project, paths, progress=progress)
    dialog.close()
    summary = tr("Imported %1 documents.").replace("%1", str(report.imported))
    if report.duplicates:
        summary += " " + tr("%1 were already in the project.").replace("%1", str(report.duplicates))
    failures = [o.error for o in report.failed if o.error] + [
        f"{p}: no such file" for p in report.missing
    ]
    if failures:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Import"),
            summary + " " + tr("%1 files failed.").replace("%1", str(len(failures))),
            parent=parent,
        )
        box.setDetailedText("\n".join(failures))
        box.exec()
    return report


def ask_import_files(parent: QWidget) -> list[Path]:
    articles = "Articles (*.txt *.html *.htm *.jsonl *.json *.ann);;All files (*)"
    names, _ = QFileDialog.getOpenFileNames(parent, tr("Import files"), "", articles)
    return [Path(n) for n in names]


def ask_import_folder(parent: QWidget) -> list[Path]:
    name = QFileDialog.getExistingDirectory(parent, tr("Import a folder"))
    return [Path(name)] if name else []


def run_export(parent: QWidget, project: Project) -> ExportReport | None:
    """Choose a format and a place, export with a busy dialog, and say what was written and lost."""
    from annotator.storage.exporter import FOLDER_FORMATS, FORMATS, STREAM_FORMATS, export_format

    fmt, ok = QInputDialog.getItem(
        parent, tr("Export"), tr("Format:"), [f for f in FORMATS if f != "entities"], 0, False
    )
    if not ok:
        return None
    if fmt in FOLDER_FORMATS:
        name = QFileDialog.getExistingDirectory(
            parent, tr("Export %1 into a folder").replace("%1", fmt)
        )
    else:
        suggested = f"annotations{STREAM_FORMATS[fmt]}"
        name, _ = QFileDialog.getSaveFileName(parent, tr("Export %1").replace("%1", fmt), suggested)
    if not name:
        return None
    from annotator.core.outputs import OccupiedError

    export = functools.partial(export_format, project, fmt, Path(name), sys.stdout)
    try:
        report = _exporting(parent, export)
    except OccupiedError:
        # The folder dialog picks existing folders: replacing one's content is asked, never assumed.
        answer = QMessageBox.question(
            parent,
            tr("Export"),
            tr("%1 is not empty. Replace everything in it with the export?").replace("%1", name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        report = _exporting(parent, functools.partial(export, force=True))
    if report is None:
        return None
    if report.lost:
        QMessageBox.information(parent, tr("Export"), "\n".join(report.lines()))
    return report


def _exporting(parent: QWidget, export: Callable[[], ExportReport]) -> ExportReport | None:
    """Run an export under a busy dialog; a failure is one message naming the path."""
    from annotator.core.outputs import OccupiedError

    dialog = QProgressDialog(tr("Exporting…"), "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    QCoreApplication.processEvents()
    try:
        return export()
    except OccupiedError:
        raise
    except (AnnotatorError, OSError) as exc:
        QMessageBox.warning(parent, tr("Export"), str(exc))
        return None
    finally:
        dialog.close()


def ask_project(parent: QWidget, *, new: bool) -> Path | None:
    if new:
        name, _ = QFileDialog.getSaveFileName(
            parent, tr("New project"), "project.annotator.db", PROJECT_FILTER
        )
    else:
        name, _ = QFileDialog.getOpenFileName(parent, tr("Open project"), "", PROJECT_FILTER)
    return Path(name) if name else None
