"""Corpus search beside the article: Arabic spelling folded, each hit opens at its place.

Enter in the box searches the whole project (``storage.search``); Enter on a
result opens its document with the hit selected, so a label key tags it.

Signals:
    hit_activated(int doc_id, int start, int end)
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import Status
from annotator.core.text import paragraph_direction
from annotator.gui.panels.lists import make_table
from annotator.gui.panels.models import status_text
from annotator.storage.project import Project
from annotator.storage.search import search

HIT_ROLE = Qt.ItemDataRole.UserRole + 4
NEAR = 16  # characters of context each side of a hit in the list


class SearchPanel(QDockWidget):
    hit_activated = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_dock")
        self.setWindowTitle(self.tr("Search"))
        self.project: Project | None = None
        self.query = QLineEdit(self)
        self.query.setObjectName("corpus_query")
        self.query.setPlaceholderText(self.tr("Search every document (Enter)…"))
        self.query.returnPressed.connect(self.run)
        # Filters: inside spans of a label, by status, in documents mentioning an entity.
        self.label = QComboBox(self)
        self.label.setObjectName("search_label")
        self.status = QComboBox(self)
        self.status.setObjectName("search_status")
        self.status.addItem(self.tr("any status"), None)
        for status in Status:
            self.status.addItem(status_text(status), status)
        self.entity = QLineEdit(self)
        self.entity.setObjectName("search_entity")
        self.entity.setPlaceholderText(self.tr("mentioning entity…"))
        self.entity.returnPressed.connect(self.run)
        filters = QHBoxLayout()
        filters.addWidget(self.label)
        filters.addWidget(self.status)
        filters.addWidget(self.entity, 1)
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([self.tr("Doc"), self.tr("Hit")])
        self.results = make_table(self, "search_results")
        self.results.setModel(self.model)
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.setColumnWidth(0, 44)
        self.results.activated.connect(self._on_activated)
        self.summary = QLabel(self)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.setWidget(body)

    def set_project(self, project: Project) -> None:
        self.project = project
        self.model.removeRows(0, self.model.rowCount())
        self.label.clear()
        self.label.addItem(self.tr("any label"), None)
        for label in project.schema.span_labels:
            self.label.addItem(self.tr("inside %s") % label.name, label.name)

    def open(self) -> None:
        self.show()
        self.raise_()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def run(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        if self.project is None or not self.query.text().strip():
            return
        entity = None
        if self.entity.text().strip():
            found = self.project.entities.candidates(self.entity.text())
            if not found:
                self.summary.setText(self.tr("No entity like that in the registry."))
                return
            entity = found[0].id
        status = self.status.currentData()
        hits = search(
            self.project,
            self.query.text(),
            statuses=[status] if status else (),
            label=self.label.currentData(),
            entity=entity,
        )
        for hit in hits:
            doc = QStandardItem(f"#{hit.doc}")
            # The narrow dock shows the hit with a little context; the tooltip has the rest.
            left = max(0, hit.snippet_start - 1 - NEAR)
            right = hit.snippet_start + len(hit.text) + 1 + NEAR
            text = QStandardItem(hit.snippet[left:right])
            text.setToolTip(hit.snippet)
            if paragraph_direction(hit.snippet) == "rtl":
                text.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for item in (doc, text):
                item.setEditable(False)
                item.setData((hit.doc, hit.start, hit.end), HIT_ROLE)
            self.model.appendRow([doc, text])
        self.summary.setText(self.tr("%n hit(s)", "", len(hits)))
        if hits:
            self.results.setFocus()
            self.results.selectRow(0)

    def _on_activated(self, index: QModelIndex) -> None:
        doc, start, end = index.data(HIT_ROLE)
        self.hit_activated.emit(doc, start, end)
