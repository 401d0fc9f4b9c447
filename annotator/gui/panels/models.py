"""Item models for the lists beside the article: documents, labels, annotations, links, entities.

Table models over plain Python lists: a view asks only for the rows it
shows, so a 10,000-document project costs no widget per row. Each model is
updated in place from the controller's signals (insert/remove/dataChanged),
never rebuilt on an edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from annotator.core.arabic import normalize
from annotator.core.changes import Changes, DocumentState
from annotator.core.doc_categories import categories, values_of
from annotator.core.models import DocValue, Label, Relation, Span, Status
from annotator.core.text import paragraph_direction
from annotator.storage.project import DocumentSummary

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2

STATUS_TEXT = {Status.TODO: "todo", Status.IN_PROGRESS: "in progress", Status.DONE: "done"}


def status_text(status: Status) -> str:
    """A document status as the analyst reads it (translated)."""
    return QCoreApplication.translate("status", STATUS_TEXT[status])


# Combined once: combining Qt flags creates enum members, too slow per cell.
_RIGHT = (
    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
)
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
_CENTER = Qt.AlignmentFlag.AlignCenter


def _alignment(text: str) -> Qt.AlignmentFlag:
    """Right-to-left text hugs the right edge of its cell."""
    return _RIGHT if paragraph_direction(text) == "rtl" else _LEFT


class _TableModel(QAbstractTableModel):
    headers: Sequence[str] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.headers[section])
        return None


def _document_tooltip(row: DocumentSummary, source_word: str, uid_word: str) -> str:
    """Title, then the ids a teammate or a pipeline knows the document by."""
    lines = [row.title]
    if row.external_id:
        lines.append(f"{source_word}: {row.external_id}")
    if row.uid:
        lines.append(f"{uid_word}: {row.uid}")
    return "\n".join(lines)


def doc_attrs_text(values: Mapping[str, DocValue]) -> str:
    """A document's attribute values in a cell: "conflict, politics · news"."""
    return " · ".join(", ".join(values_of(v)) for v in values.values())


class DocumentListModel(_TableModel):
    """Title, status, span count, document attributes; ``ID_ROLE`` gives the document id.

    ``FILTER_ROLE`` is what the filter box also matches: the attribute values
    as ``topic=conflict``, so typing that keeps the documents that have it.
    """

    headers = ("Title", "Status", "Spans", "Classes")

    def __init__(
        self,
        rows: Sequence[DocumentSummary] = (),
        parent: QObject | None = None,
        doc_attrs: Mapping[int, Mapping[str, DocValue]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows = list(rows)
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self._folded: dict[int, str] = {}
        self._attrs = dict(doc_attrs or {})

    def reset(
        self,
        rows: Sequence[DocumentSummary],
        doc_attrs: Mapping[int, Mapping[str, DocValue]] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self._attrs = dict(doc_attrs or {})
        self._folded = {}
        self.endResetModel()

    def folded(self, row: int) -> str:
        """The row's shown text and classes as the filter box matches them (Arabic spelling
        folded), folded once: folding every row again at each keystroke took seconds at
        100,000 documents. Classes match as values ("conflict") or ``topic=conflict``."""
        text = self._folded.get(row)
        if text is None:
            shown = [str(self.index(row, column).data()) for column in range(len(self.headers))]
            shown.append(str(self.index(row, 0).data(FILTER_ROLE) or ""))
            text = self._folded[row] = "\n".join(normalize(t) for t in shown)
        return text

    def set_doc_attrs(self, doc_id: int, values: Mapping[str, DocValue]) -> None:
        self._attrs[doc_id] = values
        row = self._row_of.get(doc_id)
        if row is not None:
            self._folded.pop(row, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, 3))

    def doc_attrs(self, doc_id: int) -> Mapping[str, DocValue]:
        return self._attrs.get(doc_id, {})

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 3:
                return doc_attrs_text(self.doc_attrs(row.id))
            return (row.title, status_text(row.status), row.span_count)[column]
        if role == FILTER_ROLE:
            return " ".join(categories(self.doc_attrs(row.id)))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 0:
                return _alignment(row.title)
            return _LEFT if column == 3 else _CENTER
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 3):
            lines = [_document_tooltip(row, self.tr("Source id"), self.tr("Document uid"))]
            lines += [
                f"{name}: {', '.join(values_of(v))}" for name, v in self.doc_attrs(row.id).items()
            ]
            return "\n".join(lines)
        return None

    def row_of(self, doc_id: int) -> int | None:
        return self._row_of.get(doc_id)

    def summary(self, row: int) -> DocumentSummary:
        return self._rows[row]

    def update(self, doc_id: int, *, status: Status | None = None, span_delta: int = 0) -> None:
        row = self._row_of.get(doc_id)
        if row is None:
            return
        old = self._rows[row]
        self._rows[row] = replace(
            old, status=status or old.status, span_count=old.span_count + span_delta
        )
        self._folded.pop(row, None)
        self.dataChanged.emit(self.index(row, 1), self.index(row, 2))

    def follow(self, state: DocumentState) -> None:
        """Span counts and statuses follow every change the open document's state applies."""
        state.changes_applied.connect(self._on_changes_applied)

    def _on_changes_applied(self, changes: Changes) -> None:
        delta = len(changes.spans_added) - len(changes.spans_removed)
        if changes.doc_id is not None and (delta or changes.status is not None):
            self.update(changes.doc_id, status=changes.status, span_delta=delta)


class LabelModel(_TableModel):
    """The label panel: hotkey, label (with its colour), count in this document."""

    headers = ("Key", "Label", "Count")

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
        if changes.opened is not None or changes.spans:
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
            return _CENTER
        return None


class AnnotationModel(_TableModel):
    """This document's spans in reading order: text and label; ``ID_ROLE`` gives the span id."""

    headers = ("Text", "Label")

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
        if changes.opened is not None:
            self.reset(state.spans)
            return
        if not changes.spans or changes.doc_id != state.doc_id:
            return
        self.changing = True
        try:
            for span in changes.spans_removed:
                self.remove(span.id or 0)
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
            return (span.text.replace("\n", " ⏎ "), span.label)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return QColor(self._colors.get(span.label, "#888888"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return _alignment(span.text)
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
        old = self.row_of(span.id or 0)
        if old == row:
            self._spans[row] = span
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))
            return
        self.remove(span.id or 0)
        self.insert(row, span)


def _attrs_text(relation: Relation) -> str:
    return ", ".join(f"{k}={v}" for k, v in relation.attrs.items())


class LinkModel(_TableModel):
    """The links of the current span: direction and type, the span at the other end, attributes."""

    headers = ("Link", "Span", "Attributes")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Relation, bool, Span | None]] = []

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
                return f"{'→' if outgoing else '←'} {relation.label}"
            if column == 1:  # the other end's label is in the tooltip: no mixed-direction cell
                return other.text.replace("\n", " ⏎ ") if other else "?"
            return _attrs_text(relation)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1 and other:
            return _alignment(other.text)
        if role == Qt.ItemDataRole.ToolTipRole:
            ends = f"{other.label}: {other.text}" if other else "?"
            return "\n".join(x for x in (relation.label, ends, _attrs_text(relation)) if x)
        return None
