"""Item models for the lists beside the article: labels, annotations, links, entities.

The document list's model, a window over the store, is in ``document_model``.

Table models over plain Python lists: a view asks only for the rows it
shows, so a 10,000-document project costs no widget per row. Each model
follows the open project's ``DocumentState`` itself and is updated in place
(insert/remove/dataChanged), never rebuilt on an edit. The models belong to
the project's ``Workspace``; the window's views show whichever workspace is open.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication

from annotator.core.changes import Changes, DocumentState
from annotator.core.models import Label, Relation, Span
from annotator.core.text import paragraph_direction
from annotator.gui.i18n import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2


def link_cell(label: str, outgoing: bool) -> str:
    """ "→ SOURCE" (to the other end) or "← SOURCE" (from it), mirrored in a right-to-left
    interface, where the arrow to the other end points the way the line reads."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return f"{chr(0x200F) if rtl else ''}{'→' if outgoing != rtl else '←'} {label}"


# Combined once: combining Qt flags creates enum members, too slow per cell.
_RIGHT = (
    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
)
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
CENTER = Qt.AlignmentFlag.AlignCenter


_LINE_BREAKS = re.compile("\r\n|[\n\r\u2028\u2029\u0085\v\f]")


def one_line(text: str) -> str:
    """``text`` for a one-line cell: each line break shown as ⏎ (a table draws U+2028,
    U+2029 and NEL as boxes, and a newline cuts the cell's text)."""
    return _LINE_BREAKS.sub(" ⏎ ", text)


def alignment(text: str) -> Qt.AlignmentFlag:
    """Right-to-left text hugs the right edge of its cell."""
    return _RIGHT if paragraph_direction(text) == "rtl" else LEFT


class TableModel(QAbstractTableModel):
    headers: Sequence[str] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("models", self.headers[section])
        return None


class LabelModel(TableModel):
    """The label panel: hotkey, label (with its colour), count in this document."""

    _state: DocumentState | None = None

    headers = (
        QT_TRANSLATE_NOOP("models", "Key"),
        QT_TRANSLATE_NOOP("models", "Label"),
        QT_TRANSLATE_NOOP("models", "Count"),
    )

    def __init__(self, labels: Sequence[Label] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels = list(labels)
        self._counts: dict[str, int] = {}

    def set_labels(self, labels: Sequence[Label]) -> None:
        self.beginResetModel()
        self._labels = list(labels)
        self.endResetModel()

    def follow(self, state: DocumentState) -> None:
        """The counts follow the open document's spans, whatever changed them."""
        self._state = state
        state.changes_applied.connect(self._on_changes_applied)

    def _on_changes_applied(self, changes: Changes) -> None:
        if self._state is not None and (changes.whole or changes.spans):
            self.set_counts(self._state.counts(label.name for label in self._labels))

    def set_counts(self, counts: dict[str, int]) -> None:
        self._counts = dict(counts)
        if self._labels:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._labels) - 1, 2))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._labels)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        label = self._labels[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (label.hotkey or "", label.name, self._counts.get(label.name, 0))[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return QColor(label.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            return label.description or label.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column != 1:
            return CENTER
        return None


class AnnotationModel(TableModel):
    """This document's spans in reading order: text and label; ``ID_ROLE`` gives the span id."""

    headers = (QT_TRANSLATE_NOOP("models", "Text"), QT_TRANSLATE_NOOP("models", "Label"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._spans: list[Span] = []
        self._colors: dict[str, str] = {}
        # True while rows come and go: a view's selection then moves with the model,
        # not with the analyst (see handlers.span_views).
        self.changing = False

    def follow(self, state: DocumentState) -> None:
        """Rows follow every change the open document's state applies, in reading order."""
        state.changes_applied.connect(lambda changes: self._on_changes_applied(state, changes))

    def _on_changes_applied(self, state: DocumentState, changes: Changes) -> None:
        if changes.whole:
            self.reset(state.spans)
            return
        if not changes.spans or changes.doc_id != state.doc_id:
            return
        self.changing = True
        try:
            for span in changes.spans_removed:
                self.remove(span.id)
            for _old, new in changes.spans_changed:
                self.replace(state.spans.index(new), new)
            for span in changes.spans_added:
                self.insert(state.spans.index(span), span)
        finally:
            self.changing = False

    def set_colors(self, labels: Sequence[Label]) -> None:
        self._colors = {lb.name: lb.color for lb in labels}

    def reset(self, spans: Sequence[Span]) -> None:
        self.beginResetModel()
        self._spans = list(spans)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spans)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        span = self._spans[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return span.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (one_line(span.text), span.label)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return QColor(self._colors.get(span.label, "#888888"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return alignment(span.text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{span.label} {span.start}–{span.end}: {span.text}"
        return None

    def row_of(self, span_id: int) -> int | None:
        return next((i for i, s in enumerate(self._spans) if s.id == span_id), None)

    def insert(self, row: int, span: Span) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._spans.insert(row, span)
        self.endInsertRows()

    def remove(self, span_id: int) -> None:
        row = self.row_of(span_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._spans[row]
            self.endRemoveRows()

    def replace(self, row: int, span: Span) -> None:
        """The stored span ``span.id`` changed; it belongs at ``row`` now.

        In place where the row stays (an entity linked, attributes set): removing
        and inserting the row would move the table's selection to a neighbour.
        """
        old = self.row_of(span.id)
        if old == row:
            self._spans[row] = span
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))
            return
        self.remove(span.id)
        self.insert(row, span)


def _attrs_text(relation: Relation) -> str:
    return ", ".join(f"{k}={v}" for k, v in relation.attrs.items())


class LinkModel(TableModel):
    """The links of the current span: direction and type, the span at the other end, attributes.

    Follows the state: another current span, or a link or span of this document
    changed (the other end relabelled, a stance set), and the rows are read again.
    """

    headers = (
        QT_TRANSLATE_NOOP("models", "Link"),
        QT_TRANSLATE_NOOP("models", "Span"),
        QT_TRANSLATE_NOOP("models", "Attributes"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Relation, bool, Span | None]] = []

    def follow(self, state: DocumentState) -> None:
        def show(_: object = None) -> None:
            span = state.current
            links = state.links_of(span) if span is not None else []
            self.reset(span, links, {s.id: s for s in state.spans})

        def on_changes(changes: Changes) -> None:
            if changes.doc_id == state.doc_id and (changes.relations or changes.spans):
                show()

        state.current_changed.connect(show)
        state.changes_applied.connect(on_changes)

    def reset(
        self, span: Span | None, relations: Sequence[Relation], spans_by_id: dict[int, Span]
    ) -> None:
        self.beginResetModel()
        self._rows = []
        if span is not None:
            for relation in relations:
                outgoing = relation.head == span.id
                other = spans_by_id.get(relation.tail if outgoing else relation.head)
                self._rows.append((relation, outgoing, other))
        self.endResetModel()

    def relation(self, row: int) -> Relation:
        return self._rows[row][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        relation, outgoing, other = self._rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return relation.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return link_cell(relation.label, outgoing)
            if column == 1:  # the other end's label is in the tooltip: no mixed-direction cell
                return one_line(other.text) if other else "?"
            return _attrs_text(relation)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1 and other:
            return alignment(other.text)
        if role == Qt.ItemDataRole.ToolTipRole:
            ends = f"{other.label}: {other.text}" if other else "?"
            return "\n".join(x for x in (relation.label, ends, _attrs_text(relation)) if x)
        return None
