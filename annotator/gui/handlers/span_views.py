"""The current span, shown: selected in the annotations table (exactly one row) and
marked in the article with the spans it links to.

The item models follow the document state themselves (``LabelModel``,
``AnnotationModel``, ``LinkModel``, ``DocumentListModel``: each ``follow``s
it). What is left here is selection, which belongs to views: the state's
``current_changed`` moves the table's row and the article's marks; selecting a
row (or a mention in the registry) makes that span current. Selection changes
the model itself makes while rows come and go never move the current span.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QModelIndex, QObject

from annotator.core.changes import DocumentState
from annotator.core.models import Span
from annotator.gui.panels.models import ID_ROLE
from annotator.gui.shell import Shell


class SpanViews(QObject):
    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.w = shell
        self._following_current = False

    def connect_views(self) -> None:
        self.w.side_panel.annotations_selected.connect(self._on_annotations_selection_changed)
        self.w.side_panel.annotations.activated.connect(self._on_annotation_activated)
        self.w.article.selection_moved.connect(self._on_article_selection_moved)
        self.w.registry.mention_activated.connect(self._on_mention_activated)

    def follow(self, state: DocumentState) -> None:
        """A new project's document state: its current span drives these views."""
        state.current_changed.connect(self._on_current_changed)
        state.changes_applied.connect(
            lambda changes: self._mark_links() if changes.relations else None
        )

    def _on_current_changed(self, span: Span | None) -> None:
        self._mark_links()
        table = self.w.side_panel.annotations
        row = self.w.annotations.row_of(span.id) if span else None
        with self.table_follows():
            if row is None:
                table.clearSelection()
            else:
                table.selectRow(row)
                table.scrollTo(self.w.annotations.index(row, 0))

    @contextmanager
    def table_follows(self) -> Iterator[None]:
        """The annotations table's selection moves with the model, not the analyst: the
        current span stays. (Not blockSignals: the view repaints the rows it is told
        about, and a blocked selection model left old rows painted as selected.)"""
        self._following_current = True
        try:
            yield
        finally:
            self._following_current = False

    def _mark_links(self) -> None:
        """The current span and the spans it links to, marked in the article (the links
        panel lists them: ``LinkModel`` follows the state)."""
        state = self.w.workspace.state
        span = state.current
        linked = []
        if span is not None:
            colors = {lb.name: lb.color for lb in self.w.project.schema.relation_labels}
            for relation in state.links_of(span):
                other_id = relation.tail if relation.head == span.id else relation.head
                other = state.span_by_id(other_id)
                if other is not None:
                    linked.append((other, colors.get(relation.label, "#888888")))
        self.w.article.set_current(span, linked)

    def _on_mention_activated(self, doc_id: int, span_id: int) -> None:
        self.w.open_document(doc_id)
        span = self.w.controller.span_by_id(span_id)
        if span is not None:
            self.w.controller.set_current(span)
            self.w.article.setFocus()

    def _on_annotations_selection_changed(self) -> None:
        if self._following_current or self.w.annotations.changing:
            return
        rows = self.w.side_panel.annotations.selectionModel().selectedRows()
        if rows:
            self._on_annotation_activated(rows[0])

    def _on_annotation_activated(self, index: QModelIndex) -> None:
        """Selecting an annotation in the list selects (and scrolls to) it in the text."""
        if not index.isValid():
            return
        span = self.w.controller.span_by_id(index.data(ID_ROLE))
        if span is not None:
            self.w.controller.set_current(span)
            self.w.article.set_current(span)

    def _on_article_selection_moved(self) -> None:
        """A selection that no longer covers the current span leaves it."""
        current = self.w.controller.current
        if current is not None and self.w.article.selection_range() != (current.start, current.end):
            self.w.controller.set_current(None)
