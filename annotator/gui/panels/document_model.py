"""The document list's model: a window over the store's ids, rows read a page at a time."""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from annotator.core.changes import Changes, DocumentState
from annotator.core.doc_categories import categories, values_of
from annotator.core.models import DocValue
from annotator.gui.i18n import QT_TRANSLATE_NOOP, status_text
from annotator.gui.panels.models import (
    CENTER,
    FILTER_ROLE,
    ID_ROLE,
    LEFT,
    Index,
    TableModel,
    alignment,
)
from annotator.storage.document_list import doc_attr_rows, summaries
from annotator.storage.project import DocumentSummary, Project

_SHOWN_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        FILTER_ROLE,
    }
)
DocAttrs = Mapping[str, DocValue]


def doc_attrs_text(values: DocAttrs) -> str:
    """A document's attribute values in a cell: "conflict, politics · news"."""
    return " · ".join(", ".join(values_of(v)) for v in values.values())


def _document_tooltip(row: DocumentSummary, source_word: str, uid_word: str) -> str:
    """Title, then the ids a teammate or a pipeline knows the document by."""
    lines = [row.title]
    if row.external_id:
        lines.append(f"{source_word}: {row.external_id}")
    if row.uid:
        lines.append(f"{uid_word}: {row.uid}")
    return "\n".join(lines)


class DocumentListModel(TableModel):
    """Title, status, span count; ``ID_ROLE`` gives the document id.

    A window over the store, not a copy of it: the model holds the ids in list
    order (the whole project, or what the filter kept) and reads the rows a
    page at a time as the view asks for them (``load``: ids -> rows, one query
    a page), keeping the last pages read. At 100,000 documents reading every
    row at start-up took a second; a page takes a millisecond. ``attrs`` reads
    the page's document attributes (the Classes column); ``FILTER_ROLE`` gives
    them as ``topic=conflict``.
    """

    headers = (
        QT_TRANSLATE_NOOP("models", "Title"),
        QT_TRANSLATE_NOOP("models", "Status"),
        QT_TRANSLATE_NOOP("models", "Spans"),
        QT_TRANSLATE_NOOP("models", "Classes"),
    )
    PAGE = 100
    KEPT_PAGES = 64

    def __init__(
        self,
        load: Callable[[Sequence[int]], list[DocumentSummary]] = lambda ids: [],
        parent: QObject | None = None,
        attrs: Callable[[Sequence[int]], Mapping[int, DocAttrs]] = lambda ids: {},
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._attrs_of = attrs
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[DocumentSummary | None]] = OrderedDict()
        self._attrs: dict[int, DocAttrs] = {}  # of the documents in the pages kept

    def set_loader(
        self,
        load: Callable[[Sequence[int]], list[DocumentSummary]],
        attrs: Callable[[Sequence[int]], Mapping[int, DocAttrs]] = lambda ids: {},
    ) -> None:
        self._load = load
        self._attrs_of = attrs

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
            found_attrs = self._attrs_of(ids)
            self._attrs.update({doc_id: found_attrs.get(doc_id, {}) for doc_id in ids})
            while len(self._pages) > self.KEPT_PAGES:
                _, gone = self._pages.popitem(last=False)
                for summary in gone:
                    if summary is not None:
                        self._attrs.pop(summary.id, None)
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
        values = self.doc_attrs(row.id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 3:
                return doc_attrs_text(values)
            return (row.title, status_text(row.status), row.span_count)[column]
        if role == FILTER_ROLE:
            return " ".join(categories(values))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 0:
                return alignment(row.title)
            return LEFT if column == 3 else CENTER
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 3):
            lines = [_document_tooltip(row, self.tr("Source id"), self.tr("Document uid"))]
            lines += [f"{name}: {', '.join(values_of(v))}" for name, v in values.items()]
            return "\n".join(lines)
        return None

    def doc_attrs(self, doc_id: int) -> DocAttrs:
        """``doc_id``'s attribute values (read with its page, else now)."""
        if doc_id not in self._attrs:
            return dict(self._attrs_of([doc_id])).get(doc_id, {})
        return self._attrs[doc_id]

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
        self._attrs.pop(doc_id, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))

    def follow(self, state: DocumentState) -> None:
        """Span counts, statuses and classes follow every change the state applies (to any
        document: an undo may touch one that is not open)."""
        state.changes_applied.connect(self._on_changes_applied)

    def _on_changes_applied(self, changes: Changes) -> None:
        delta = len(changes.spans_added) - len(changes.spans_removed)
        shown = delta or changes.status is not None or changes.doc_attrs is not None
        if changes.doc_id is not None and shown:
            self.update(changes.doc_id)


def set_store(model: DocumentListModel, project: Project) -> None:
    """``model`` reads its pages (rows and classes) from ``project``, on the GUI thread."""
    conn = project.db.conn
    model.set_loader(
        lambda ids: summaries(conn, ids),
        lambda ids: dict(project.doc_attrs.by_document(doc_attr_rows(conn, ids))),
    )
