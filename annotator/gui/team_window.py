"""The team window: a team project's agreement, and Curate mode on the document chosen there.

``annotator curate --db TEAM`` opens it. The agreement view comes first,
worst documents listed; Enter on one opens it in Curate mode; Escape comes
back to the agreement, recomputed with what was just curated.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from annotator.gui.agreement_view import AgreementView
from annotator.gui.curate_view import CurateView
from annotator.storage.project import Project


class TeamWindow(QWidget):
    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(
            self.tr("annotator: team project %1").replace("%1", str(project.path or ""))
        )
        self.agreement = AgreementView(project, self)
        self.curate: CurateView | None = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.agreement)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.agreement.document_chosen.connect(self._on_agreement_document_chosen)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.activated.connect(self.show_agreement)

    def _on_agreement_document_chosen(self, doc_id: int) -> None:
        self.open_document(doc_id)

    def open_document(self, doc_id: int) -> None:
        """Curate mode on one document (the one before, if any, goes)."""
        if self.curate is not None:
            self.stack.removeWidget(self.curate)
            self.curate.deleteLater()
        self.curate = CurateView(self.project, doc_id, self)
        self.stack.addWidget(self.curate)
        self.stack.setCurrentWidget(self.curate)
        self.curate.setFocus()

    def show_agreement(self) -> None:
        self.agreement.refresh()
        self.stack.setCurrentWidget(self.agreement)
        self.agreement.ranking_view.setFocus()
