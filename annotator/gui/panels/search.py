"""Corpus search beside the article: Arabic spelling folded, each hit opens at its place.

Each keystroke in the box searches the whole project (``storage.search``) on
the store reader's thread, dropping the search of the keystroke before: at
100,000 documents a two-letter search on the GUI thread froze the window for
half a minute. Enter moves to the results; Enter on a result opens its
document with the hit selected, so a label key tags it.

Signals:
    hit_activated(int doc_id, int start, int end)
    searched(str query): the hits for ``query`` are shown.
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
from annotator.gui.i18n import status_text
from annotator.gui.panels.lists import make_table
from annotator.gui.store_reader import StoreReader
from annotator.storage.project import Project
from annotator.storage.search import Hit, search

HIT_ROLE = Qt.ItemDataRole.UserRole + 4
NEAR = 16  # characters of context each side of a hit in the list


class SearchPanel(QDockWidget):
    hit_activated = Signal(int, int, int)
    searched = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_dock")
        self.setWindowTitle(self.tr("Search"))
        self.project: Project | None = None
        self.reader: StoreReader | None = None
        self._asked: dict[int, str] = {}  # ticket -> query
        self._focus_results = False
        self.query = QLineEdit(self)
        self.query.setObjectName("corpus_query")
        self.query.setPlaceholderText(self.tr("Search every document…"))
        self.query.textChanged.connect(self.run)
        self.query.returnPressed.connect(self._on_query_return)
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
        self.label.activated.connect(self.run)
        self.status.activated.connect(self.run)
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

    def set_project(self, project: Project, reader: StoreReader) -> None:
        self.project = project
        self.reader = reader
        reader.answered.connect(self._on_reader_answered)
        self._asked.clear()
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
        """Search for what the box holds now; the search still running for an older text stops."""
        if self.project is None or self.reader is None:
            return
        text = self.query.text()
        if not text.strip():
            self.reader.cancel("search")
            self._show([], text)
            return
        entity = None
        if self.entity.text().strip():
            found = self.project.entities.candidates(self.entity.text())
            if not found:
                self.reader.cancel("search")
                self.model.removeRows(0, self.model.rowCount())
                self.summary.setText(self.tr("No entity like that in the registry."))
                return
            entity = found[0].id
        status = self.status.currentData()
        statuses = [status] if status else []
        label = self.label.currentData()
        ticket = self.reader.ask(
            "search",
            lambda project: search(project, text, statuses=statuses, label=label, entity=entity),
        )
        self._asked = {ticket: text}
        self.summary.setText(self.tr("Searching…"))

    def _on_query_return(self) -> None:
        """Enter: to the results, now or when they come."""
        if self._asked:
            self._focus_results = True
        else:
            self._to_results()

    def _to_results(self) -> None:
        self._focus_results = False
        if self.model.rowCount():
            self.results.setFocus()
            self.results.selectRow(0)

    def _on_reader_answered(self, ticket: int, hits: object) -> None:
        text = self._asked.pop(ticket, None)
        if text is None or self.reader is None or not self.reader.is_current(ticket):
            return
        assert isinstance(hits, list)
        self._asked.clear()
        self._show(hits, text)
        if self._focus_results:
            self._to_results()

    def _show(self, hits: list[Hit], text: str) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for hit in hits:
            doc = QStandardItem(f"#{hit.doc}")
            # The narrow dock shows the hit with a little context; the tooltip has the rest.
            left = max(0, hit.snippet_start - 1 - NEAR)
            right = hit.snippet_start + len(hit.text) + 1 + NEAR
            item = QStandardItem(hit.snippet[left:right])
            item.setToolTip(hit.snippet)
            if paragraph_direction(hit.snippet) == "rtl":
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for cell in (doc, item):
                cell.setEditable(False)
                cell.setData((hit.doc, hit.start, hit.end), HIT_ROLE)
            self.model.appendRow([doc, item])
        self.summary.setText(self.tr("%n hit(s)", "", len(hits)) if text.strip() else "")
        self.searched.emit(text)

    def _on_activated(self, index: QModelIndex) -> None:
        doc, start, end = index.data(HIT_ROLE)
        self.hit_activated.emit(doc, start, end)
