"""The entity registry beside the article: entities with their counts, their mentions, merging.

Select an entity to list its mentions across the corpus; Enter on a mention
opens its document with the mention selected. Ctrl+M merges another entity
into the selected one (one undoable step).

Signals:
    mention_activated(int doc_id, int span_id)
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDockWidget, QHeaderView, QLabel, QLineEdit, QVBoxLayout, QWidget

from annotator.core.changes import DocumentState
from annotator.core.models import Entity
from annotator.gui.panels.entity_model import EntityModel
from annotator.gui.panels.lists import fit_column, make_table
from annotator.storage.project import Project

DOC_ROLE = Qt.ItemDataRole.UserRole + 2
SPAN_ROLE = Qt.ItemDataRole.UserRole + 3


class RegistryPanel(QDockWidget):
    mention_activated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registry_dock")
        self.setWindowTitle(self.tr("Entities"))
        self.project: Project | None = None
        self.model = EntityModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(0)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter entities…"))
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = make_table(self, "entities")
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setStretchLastSection(False)
        # The name takes what the kind, type and counts leave (sized in set_project).
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.mentions_model = QStandardItemModel(0, 2, self)
        self.mentions_model.setHorizontalHeaderLabels([self.tr("Document"), self.tr("Mention")])
        self.mentions = make_table(self, "mentions")
        self.mentions.setModel(self.mentions_model)
        self.mentions.horizontalHeader().setStretchLastSection(True)
        self.mentions.activated.connect(self._on_mention_activated)
        self.table.selectionModel().selectionChanged.connect(self._show_mentions)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(self.tr("Mentions (Enter opens one)"), body))
        layout.addWidget(self.mentions, 1)
        self.setWidget(body)

    def set_project(self, project: Project, state: DocumentState) -> None:
        """Show ``project``'s registry, read again whenever an edit changes it."""
        self.project = project
        state.changes_applied.connect(lambda changes: self.refresh() if changes.entities else None)
        fit_column(self.table, 1, (label.name for label in project.schema.span_labels))
        for column in (2, 3, 4):
            fit_column(self.table, column, ())
        self.refresh()

    def refresh(self) -> None:
        if self.project is None:
            return
        selected = self.selected()
        self.model.reset(self.project.entities.all())
        if selected is not None and selected.id is not None:
            self.select(selected.id)
        else:
            self._show_mentions()

    def select(self, entity_id: int) -> None:
        row = self.model.row_of(entity_id)
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectRow(index.row())

    def selected(self) -> Entity | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.entity(self.proxy.mapToSource(rows[0]).row())

    def others(self, entity: Entity) -> list[Entity]:
        return [
            e
            for e in (self.model.entity(r) for r in range(self.model.rowCount()))
            if e.id != entity.id
        ]

    def _show_mentions(self) -> None:
        self.mentions_model.removeRows(0, self.mentions_model.rowCount())
        entity = self.selected()
        if entity is None or entity.id is None or self.project is None:
            return
        titles: dict[int, str] = {}
        for span in self.project.entities.mentions(entity.id):
            assert span.doc_id is not None
            if span.doc_id not in titles:
                titles[span.doc_id] = self.project.document(span.doc_id).title
            doc = QStandardItem(f"#{span.doc_id} {titles[span.doc_id]}")
            text = QStandardItem(span.text)
            for item in (doc, text):
                item.setEditable(False)
                item.setData(span.doc_id, DOC_ROLE)
                item.setData(span.id, SPAN_ROLE)
            self.mentions_model.appendRow([doc, text])

    def _on_mention_activated(self, index: QModelIndex) -> None:
        self.mention_activated.emit(int(index.data(DOC_ROLE)), int(index.data(SPAN_ROLE)))


def outer_dock_area(window: QWidget) -> Qt.DockWidgetArea:
    """Where the docks go: the outer side. Qt does not mirror dock areas with the layout
    direction, so in a right-to-left (Arabic) window they go left."""
    area = Qt.DockWidgetArea
    return area.LeftDockWidgetArea if window.isRightToLeft() else area.RightDockWidgetArea
