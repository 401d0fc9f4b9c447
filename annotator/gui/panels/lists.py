"""The side panels: the document list with its filter, and the label/annotation lists."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.arabic import normalize
from annotator.gui.panels.models import (
    FILTER_ROLE,
    AnnotationModel,
    DocumentListModel,
    Index,
    LabelModel,
    LinkModel,
)


def make_table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setWordWrap(False)
    # Cut in the middle, where a reader loses least: the start and end of a title or a
    # claim stay (cut at the end, a right-to-left text lost its last words, mid-letter).
    # The full text is every model's tooltip.
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.setAlternatingRowColors(True)
    return view


def fit_column(view: QTableView, column: int, texts: Iterable[str], extra: int = 0) -> None:
    """Width for the widest of ``texts`` (label names: a few, known): no "ACT…" cut.

    ``extra``: room for a colour swatch or the like beside the text.
    """
    metrics = view.fontMetrics()
    header = view.horizontalHeader()
    title = str(view.model().headerData(column, Qt.Orientation.Horizontal))
    widest = max([metrics.horizontalAdvance(t) + extra for t in texts] or [0])
    width = max(widest, header.fontMetrics().horizontalAdvance(title)) + 24
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(column, width)


class FoldedFilter(QSortFilterProxyModel):
    """Rows whose title, status or classes contain the query, Arabic spelling folded (أ/ا, ة/ه...).

    The classes match as values ("conflict") or as ``topic=conflict`` (``FILTER_ROLE``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._query = ""

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._query = normalize(text).strip()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._query = normalize(text).strip()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._query:
            return True
        model = self.sourceModel()
        if isinstance(model, DocumentListModel):  # its rows' folded text, made once
            return self._query in model.folded(source_row)
        first = model.index(source_row, 0, source_parent)
        return any(
            self._query in normalize(str(model.index(source_row, column, source_parent).data()))
            for column in range(model.columnCount())
        ) or self._query in normalize(str(first.data(FILTER_ROLE) or ""))


class DocumentPanel(QWidget):
    """A filter box over the document list (title, status, span count)."""

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = FoldedFilter(self)
        self.proxy.setSourceModel(model)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("document_filter")
        self.filter.setPlaceholderText(
            self.tr("Filter documents (title, status or class: topic=conflict)…")
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_query)
        self.view = make_table(self, "documents")
        self.view.setModel(self.proxy)
        header = self.view.horizontalHeader()
        # Fixed widths: ResizeToContents would read all 10,000 rows on each change.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 90), (2, 55), (3, 120)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)

    def doc_id_at(self, proxy_row: int) -> int | None:
        if not 0 <= proxy_row < self.proxy.rowCount():
            return None
        source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
        return self.model.summary(source.row()).id

    def proxy_row_of(self, doc_id: int) -> int | None:
        row = self.model.row_of(doc_id)
        if row is None:
            return None
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        return index.row() if index.isValid() else None

    def select(self, doc_id: int) -> None:
        row = self.proxy_row_of(doc_id)
        if row is not None:
            self.view.blockSignals(True)
            self.view.selectRow(row)
            self.view.blockSignals(False)
            self.view.scrollTo(self.proxy.index(row, 0))


class SidePanel(QWidget):
    """Labels (colour, hotkey, count here) above this document's annotations."""

    def __init__(
        self,
        labels: LabelModel,
        annotations: AnnotationModel,
        links: LinkModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.labels = make_table(self, "labels")
        self.labels.setModel(labels)
        self.labels.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.labels.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.labels.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.labels.horizontalHeader().setStretchLastSection(True)
        self.annotations = make_table(self, "annotations")
        self.annotations.setModel(annotations)
        header = self.annotations.horizontalHeader()
        # Fixed widths: ResizeToContents would read every row on each change.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 110)
        self.links = make_table(self, "links")
        self.links.setModel(links)
        links_header = self.links.horizontalHeader()
        links_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Labels, annotations and links share the height as the analyst drags it (remembered).
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("side_splitter")
        self.splitter.setChildrenCollapsible(False)
        for title, view, stretch in (
            (self.tr("Labels"), self.labels, 1),
            (self.tr("Annotations in this document"), self.annotations, 3),
            (self.tr("Links of the selected span (L adds one)"), self.links, 1),
        ):
            self.splitter.addWidget(_titled(title, view))
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def fit_labels(self, names: Iterable[str]) -> None:
        """Label columns as wide as the schema's longest label name."""
        names = list(names)
        swatch = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 8
        fit_column(self.labels, 1, names, extra=swatch)
        fit_column(self.annotations, 1, names, extra=swatch)
        # Every label stays in view: the key table is what a new analyst reads first.
        self.labels.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = self.labels.verticalHeader().length()
        frame = 2 * self.labels.frameWidth()
        self.labels.setMinimumHeight(self.labels.horizontalHeader().height() + rows + frame)


def _titled(title: str, view: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QLabel(title, box))
    layout.addWidget(view)
    return box
