"""The views of the open document's spans, kept in step: the article's marks, the
annotations table (exactly one row selected: the current span), the links of the
current span. (The label counts and the document list follow the document state
themselves: ``LabelModel.follow``, ``DocumentListModel.follow``.)

The annotations table follows the current span; selecting a row (or a mention in
the registry) makes that span current. Selection changes the model itself makes
while rows come and go never move the current span.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QModelIndex, QObject

from annotator.core.models import Span
from annotator.gui.panels.models import ID_ROLE
from annotator.gui.shell import Shell
from annotator.gui.workspace.controller import Controller


class SpanViews(QObject):
    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.w = shell
        self._following_current = False

    def connect_views(self) -> None:
        table = self.w.side_panel.annotations
        table.selectionModel().selectionChanged.connect(self._on_annotations_selection_changed)
        table.activated.connect(self._on_annotation_activated)
        self.w.article.selection_moved.connect(self._on_article_selection_moved)
        self.w.registry.mention_activated.connect(self._on_mention_activated)

    def follow(self, controller: Controller) -> None:
        """A new project's controller: its signals drive these views."""
        controller.current_changed.connect(self._on_current_changed)
        controller.relations_changed.connect(self._show_links)

    def _on_current_changed(self, span: Span | None) -> None:
        self._show_links()
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

    def _show_links(self) -> None:
        """The current span's links: listed beside the text and marked in it."""
        controller = self.w.controller
        span = controller.current
        links = controller.links_of(span) if span else []
        by_id = {s.id: s for s in controller.spans}
        self.w.link_model.reset(span, links, by_id)
        colors = {lb.name: lb.color for lb in controller.project.schema.relation_labels}
        linked = []
        for relation in links:
            assert span is not None  # links are only listed for a current span
            other = by_id.get(relation.tail if relation.head == span.id else relation.head)
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
