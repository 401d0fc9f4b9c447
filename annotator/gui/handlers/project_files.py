"""The File menu and the start view: import, export, open or create a project, the sample."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from annotator.core.errors import AnnotatorError
from annotator.gui.dialogs import project_io
from annotator.gui.shell import Shell
from annotator.gui.workspace.analyst import analyst_name, valid_name
from annotator.storage.project import Project


class ProjectFiles(QObject):
    """The handlers of the File menu."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.w = shell

    def import_files(self, folder: bool = False) -> None:
        paths = (
            project_io.ask_import_folder(self.w.widget)
            if folder
            else project_io.ask_import_files(self.w.widget)
        )
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        self.import_files(folder=True)

    def import_paths(self, paths: list[Path]) -> None:
        """Import on a worker thread (progress, Cancel); the lists then show what came in."""
        result = project_io.run_import(
            self.w.widget, self.w.project, paths, self.w.import_started.emit
        )
        self.w.session.acknowledge()  # our own import, not a change made elsewhere
        self.w.reload_documents()
        if self.w.controller.document:
            self.w.document_panel.select(self.w.controller.document.id or 0)
        elif result.report.imported:
            self.w.open_document(self.w.document_panel.doc_id_at(0) or 0)
        message = self.tr("Imported %n document(s).", "", result.report.imported)
        if result.not_started:
            message += " " + self.tr(
                "Cancelled: %n file(s) not started.", "", len(result.not_started)
            )
        self.w.show_message(message)

    def export_jsonl(self) -> None:
        report = project_io.run_export(self.w.widget, self.w.project)
        if report:
            self.w.show_message(
                self.tr("Exported %1 documents, %2 spans and %3 relations.")
                .replace("%1", str(report.documents))
                .replace("%2", str(report.spans))
                .replace("%3", str(report.relations))
            )

    def open_project(self, new: bool = False) -> None:
        path = project_io.ask_project(self.w.widget, new=new)
        if path is not None:
            self.open_project_at(path)

    def open_project_at(self, path: Path) -> None:
        current = self.w.project.path
        if current is not None and path.exists() and path.samefile(current):
            # Its own lock made this window report the project "open in another window".
            self.w.show_message(self.tr("%s is the project open in this window.") % path.name)
            return
        try:
            project = Project.open(path)
        except AnnotatorError as exc:
            QMessageBox.warning(self.w.widget, self.tr("Open project"), str(exc))
            return
        if not self.w.load_project(project):
            project.close()

    def open_sample(self) -> None:
        """The start view's sample article: added to this (empty) project and opened."""
        if self.w.add_sample is None:
            return
        self.w.add_sample(self.w.project)
        self.w.reload_documents()
        if (doc_id := self.w.document_panel.doc_id_at(0)) is not None:
            self.w.open_document(doc_id)

    def new_project(self) -> None:
        self.open_project(new=True)

    def ask_analyst_name(self) -> None:
        """Ask who is annotating; every edit from now on is stamped with that name."""
        name, fixed = analyst_name(self.w.project, self.w.state.analyst())
        if fixed:
            QMessageBox.information(
                self.w.widget,
                self.tr("Analyst name"),
                self.tr("This project file was assigned to %1: its edits carry that name.").replace(
                    "%1", name
                ),
            )
            return
        text, ok = QInputDialog.getText(
            self.w.widget,
            self.tr("Analyst name"),
            self.tr("Your name, stamped on every span, link and class you make:"),
            text=name,
        )
        if not ok:
            return
        try:
            chosen = valid_name(text)
        except AnnotatorError as exc:
            self.w.show_message(str(exc))
            return
        self.w.state.set_analyst(chosen)
        self.w.show_analyst()
