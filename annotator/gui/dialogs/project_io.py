"""File menu work: import on a worker thread with progress and Cancel, export, file dialogs."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Slot
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog, QWidget

from annotator.core.errors import AnnotatorError
from annotator.gui.i18n import tr
from annotator.gui.workspace.import_worker import ImportWorker, WindowImport
from annotator.storage.project import Project

if TYPE_CHECKING:
    from annotator.core.formats import ExportReport

# The importer and exporter (every format, decoding, page cleaning) are imported when the
# analyst first imports or exports, not at every start of the window (bench/README.md).

PROJECT_PATTERNS = "(*.db *.sqlite *.annotator.db)"
ARTICLE_PATTERNS = "(*.txt *.html *.htm *.jsonl *.json *.ann)"


def project_filter() -> str:
    return tr("Annotator projects") + f" {PROJECT_PATTERNS};;" + tr("All files") + " (*)"


class _ImportWatch(QObject):
    """Lives on the GUI thread, so the worker's signals reach the dialog queued."""

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop) -> None:
        super().__init__(dialog)
        self._dialog, self._loop = dialog, loop
        self.result: WindowImport | None = None

    @Slot(int, int)
    def progressed(self, done: int, total: int) -> None:
        self._dialog.setMaximum(total)
        self._dialog.setValue(done)
        self._dialog.setLabelText(
            tr("Imported %1 of %2 files…").replace("%1", str(done)).replace("%2", str(total))
        )

    @Slot(object)
    def finished(self, result: WindowImport) -> None:
        self.result = result
        self._loop.quit()


def run_import(
    parent: QWidget,
    project: Project,
    paths: Sequence[Path],
    started: Callable[[ImportWorker], None] | None = None,
) -> WindowImport:
    """Import on a worker thread behind a window-modal progress dialog with Cancel.

    The window stays drawn and Cancel answers; files finished before Cancel are
    kept, the rest are not started. ``started`` sees the worker before it runs.
    Tell what came in, what failed and what was left out.
    """
    if project.path is None:  # an in-memory project has no second connection: import here
        from annotator.storage.importer import import_paths

        result = WindowImport(import_paths(project, paths))
    else:
        result = _import_on_thread(parent, project.path, paths, started)
    _tell(parent, result)
    return result


def _import_on_thread(
    parent: QWidget,
    path: Path,
    paths: Sequence[Path],
    started: Callable[[ImportWorker], None] | None,
) -> WindowImport:
    dialog = QProgressDialog(tr("Importing…"), tr("Cancel"), 0, 0, parent)
    dialog.setObjectName("import_progress")
    dialog.setWindowTitle(tr("Import"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(300)
    loop = QEventLoop()
    watch = _ImportWatch(dialog, loop)
    worker = ImportWorker(path, paths)
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.progressed.connect(watch.progressed)
    worker.finished.connect(watch.finished)
    dialog.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
    if started is not None:
        started(worker)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    assert watch.result is not None
    return watch.result


def _tell(parent: QWidget, result: WindowImport) -> None:
    report = result.report
    summary = tr("Imported %1 documents.").replace("%1", str(report.imported))
    if report.duplicates:
        summary += " " + tr("%1 were already in the project.").replace("%1", str(report.duplicates))
    if result.not_started:
        summary += " " + tr("Cancelled: %1 files not started.").replace(
            "%1", str(len(result.not_started))
        )
    failures = [o.error for o in report.failed if o.error] + [
        f"{p}: no such file" for p in report.missing
    ]
    failures += [
        tr("%1: the folder cannot be read (%2); its files were not imported.")
        .replace("%1", str(path))
        .replace("%2", why)
        for path, why in report.unreadable
    ]
    if result.error:
        failures.insert(0, result.error)
    details = list(failures)
    if failures:
        summary += " " + tr("%1 files failed.").replace("%1", str(len(failures)))
    if report.special:
        summary += " " + tr(
            "%1 files that are not regular files (FIFO, socket or device) were skipped unopened."
        ).replace("%1", str(len(report.special)))
        details += [str(path) for path in report.special]
    if details:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Import"), summary, parent=parent)
        box.setDetailedText("\n".join(details))
        box.exec()


def ask_import_files(parent: QWidget) -> list[Path]:
    articles = tr("Articles") + f" {ARTICLE_PATTERNS};;" + tr("All files") + " (*)"
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
            parent, tr("New project"), "project.annotator.db", project_filter()
        )
    else:
        name, _ = QFileDialog.getOpenFileName(parent, tr("Open project"), "", project_filter())
    return Path(name) if name else None
