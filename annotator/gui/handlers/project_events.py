"""What the open project's session reports while the window shows it: the check after an
unclean exit, damage found at opening, a write by another process."""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.gui.check_dialog import check_report_dialog, damage_dialog
from annotator.gui.shell import Shell
from annotator.gui.workspace.workspace import Workspace
from annotator.storage.document_list import document_ids, is_stored
from annotator.storage.safety import CheckReport


class ProjectEvents(QObject):
    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.w = shell

    def follow(self, workspace: Workspace) -> None:
        """A new project's session: its reports reach the analyst from now on."""
        workspace.session.changed_elsewhere.connect(self._on_changed_elsewhere)
        workspace.check_finished.connect(self._report_check)
        workspace.damage_found.connect(self._on_damage_found)

    def _report_check(self, report: CheckReport | None) -> None:
        """After an unclean exit: say what the check of the project found."""
        if report is None:
            return
        if report.ok:
            self.w.show_message(
                self.tr("The last session did not end cleanly.") + " " + report.summary()
            )
        else:
            check_report_dialog(self.w.widget, report).open()

    def _on_damage_found(self, message: str) -> None:
        """The opening check of a large project found damage: nothing will be written."""
        damage_dialog(self.w.widget, message).open()

    def _on_changed_elsewhere(self) -> None:
        """Another process wrote to the project (an import, a merge, an adjudication from the
        command line): the lists and the open document are read again, and undo starts
        afresh. An undo written before could now delete a row another process made with a
        freed id, or put back one it replaced."""
        self.w.reload_documents()
        shown = self.w.controller.document
        gone = (
            shown is not None
            and shown.id is not None
            and not is_stored(self.w.project.db.conn, shown.id)
        )
        if gone:
            # Deleted elsewhere: left on the page, the next label key wrote to no document.
            first = document_ids(self.w.project.db.conn, "", limit=1)
            if first:
                self.w.open_document(first[0])
            else:
                self.w.controller.close_document()
        reloaded = not gone and self.w.reload_document()
        document = self.w.controller.document
        if document is not None and document.id is not None:
            self.w.document_panel.select(document.id)
        self.w.registry.refresh()
        self.w.controller.undo_stack.clear()
        message = self.tr(
            "The project changed outside this window: the lists are updated, and undo starts "
            "from here."
        )
        if reloaded:
            message += " " + self.tr("This document changed too; it shows what is stored now.")
        if gone:
            message += " " + self.tr("The document that was open was deleted there.")
        self.w.show_message(message)
