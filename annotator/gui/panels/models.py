"""Item models for the lists beside the article: documents, labels, annotations, links, entities.

Table models over plain Python lists: a view asks only for the rows it
shows, so a 10,000-document project costs no widget per row. Each model is
updated in place from the controller's signals (insert/remove/dataChanged),
never rebuilt on an edit.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.core.models import Entity, Label, Relation, Span, Status
from annotator.core.text import paragraph_direction
from annotator.storage.entities import EntitySummary
from annotator.storage.project import DocumentSummary

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_TEXT = {Status.TODO: "todo", Status.IN_PROGRESS: "in progress", Status.DONE: "done"}


# Combined once: combining Qt flags creates enum members, too slow per cell.
_RIGHT = (
    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
)
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
_CENTER = Qt.AlignmentFlag.AlignCenter
_SHOWN_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


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


class DocumentListModel(_TableModel):
    """Title, status, span count; ``ID_ROLE`` gives the document id.

    A window over the store, not a copy of it: the model holds the ids in list
    order (the whole project, or what the filter kept) and reads the rows a
    page at a time as the view asks for them (``load``: ids -> rows, one query
    a page), keeping the last pages read. At 100,000 documents reading every
    row at start-up took a second; a page takes a millisecond.
    """

    headers = ("Title", "Status", "Spans")
    PAGE = 100
    KEPT_PAGES = 64

    def __init__(
        self,
        load: Callable[[Sequence[int]], list[DocumentSummary]] = lambda ids: [],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[DocumentSummary | None]] = OrderedDict()

    def set_loader(self, load: Callable[[Sequence[int]], list[DocumentSummary]]) -> None:
        self._load = load

    def reset(self, ids: Sequence[int]) -> None:
        """Show the documents ``ids`` (in list order: ascending ids)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def append(self, ids: Sequence[int]) -> None:
        """More of the list (the rest of a filter's answer), after what is shown."""
        if not ids:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
        self._ids.extend(ids)
        self._pages.pop(first // self.PAGE, None)  # the last page was short
        self.endInsertRows()

    def ids(self) -> list[int]:
        return list(self._ids)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def summary(self, row: int) -> DocumentSummary | None:
        """The row's document as stored (read with its page); None if it is gone."""
        number = row // self.PAGE
        page = self._pages.get(number)
        if page is None:
            ids = self._ids[number * self.PAGE : (number + 1) * self.PAGE]
            found = {s.id: s for s in self._load(ids)}
            page = [found.get(doc_id) for doc_id in ids]
            self._pages[number] = page
            while len(self._pages) > self.KEPT_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[row - number * self.PAGE]

    def doc_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in _SHOWN_ROLES:
            return None
        row = self.summary(index.row())
        column = index.column()
        if row is None:
            return self.tr("(deleted)") if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.title, STATUS_TEXT[row.status], row.span_count)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 0:
                return _alignment(row.title)
            return _CENTER
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return _document_tooltip(row, self.tr("Source id"), self.tr("Document uid"))
        return None

    def row_of(self, doc_id: int) -> int | None:
        """The row showing ``doc_id`` (ids ascend: a bisection), or None."""
        row = bisect_left(self._ids, doc_id)
        return row if row < len(self._ids) and self._ids[row] == doc_id else None

    def update(self, doc_id: int) -> None:
        """``doc_id`` changed in the store (status, spans): its row is read again."""
        row = self.row_of(doc_id)
        if row is None:
            return
        self._pages.pop(row // self.PAGE, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))


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


class EntityModel(_TableModel):
    """The registry: name, kind, type, mentions, documents; ``ID_ROLE`` gives the entity id."""

    headers = ("Name", "Kind", "Type", "Mentions", "Docs")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EntitySummary] = []

    def reset(self, rows: Sequence[EntitySummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def entity(self, row: int) -> Entity:
        return self._rows[row].entity

    def row_of(self, entity_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.entity.id == entity_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        e = summary.entity
        if role == ID_ROLE:
            return e.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (e.name, e.kind, e.type, summary.mentions, summary.documents)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            aliases = "، ".join(e.aliases)
            return f"{e.name}\n{aliases}" if aliases else e.name
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(e.name) if index.column() == 0 else _CENTER
        return None
