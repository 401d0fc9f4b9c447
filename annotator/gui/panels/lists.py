"""The side panels: the document list with its filter, and the label/annotation lists."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.models import Status
from annotator.gui.i18n import STATUS_TEXT, status_text
from annotator.gui.panels.document_model import DocumentListModel
from annotator.gui.panels.models import AnnotationModel, LabelModel, LinkModel
from annotator.gui.store_reader import StoreReader
from annotator.storage.document_list import document_ids


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


def set_model(view: QTableView, model: QAbstractItemModel) -> None:
    """Show ``model`` in ``view``; the selection model Qt made for the last one goes with it
    (Qt leaves it behind: one per view and project switch)."""
    old = view.selectionModel()
    view.setModel(model)
    if old is not None:
        old.deleteLater()


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


def _statuses_matching(query: str) -> list[Status]:
    """The statuses whose shown name holds ``query`` ("done", "progress"; "منجز" in Arabic)."""
    wanted = query.strip().casefold()
    return [s for s in STATUS_TEXT if wanted and wanted in status_text(s).casefold()]


class DocumentPanel(QWidget):
    """A filter box over the document list (title, status, span count).

    Each keystroke asks the store, on the reader's thread, for the ids of the
    documents whose title holds the text (spelling folded) or whose status is
    named by it; the previous keystroke's question is dropped. The first
    ``FIRST`` ids come back at once and are shown; the rest follow.

    Signals:
        filtered(str text): the list shows the answer for ``text`` in full.
        chosen(int doc_id): the analyst moved the list's current row to that document.
        columns_changed(list[int]): the columns the analyst hid (the header's menu).

    The header's context menu hides and shows the columns after the title: in a
    narrow panel the title is what matters, and the analyst decides what else fits.
    """

    filtered = Signal(str)
    chosen = Signal(int)
    columns_changed = Signal(list)
    FIRST = 200

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel(parent=self)  # until a project's is set
        self.reader: StoreReader | None = None
        self._asked: dict[int, tuple[str, bool]] = {}  # ticket -> (text, first part)
        self._selected: int | None = None
        self._hidden: set[int] = set()
        self.filter = QLineEdit(self)
        self.filter.setObjectName("document_filter")
        self.filter.setPlaceholderText(
            self.tr("Filter documents (title, status or class: topic=conflict)…")
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.filter.returnPressed.connect(self._on_filter_return)
        self._to_list_when_answered = False
        self.view = make_table(self, "documents")
        self.set_model(self.model)
        header = self.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)

    def set_model(self, model: DocumentListModel) -> None:
        """Show the open project's list (a project switch brings a new model; the last
        project's filter text goes with it)."""
        self.model = model
        self._clear_filter()
        set_model(self.view, model)  # a new selection model: connected again
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self._selected = None
        header = self.view.horizontalHeader()
        # Fixed widths: ResizeToContents would read every row on each change.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 90), (2, 55), (3, 120)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.hide_columns(self._hidden)

    def hide_columns(self, columns: Iterable[int]) -> None:
        """Hide ``columns`` (after the title) and show the others."""
        count = self.model.columnCount()
        self._hidden = {c for c in columns if 0 < c < count}
        for column in range(1, count):
            self.view.setColumnHidden(column, column in self._hidden)

    def hidden_columns(self) -> list[int]:
        return sorted(self._hidden)

    def _column_menu(self, at: QPoint) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per right-click
        for column in range(1, self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(column not in self._hidden)
            action.toggled.connect(lambda on, c=column: self._toggle_column(c, on))
        menu.popup(self.view.horizontalHeader().mapToGlobal(at))

    def _toggle_column(self, column: int, shown: bool) -> None:
        self.hide_columns(self._hidden - {column} if shown else self._hidden | {column})
        self.columns_changed.emit(self.hidden_columns())

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = self.model.doc_id(current.row())
        if doc_id is not None:
            self.chosen.emit(doc_id)

    def _clear_filter(self) -> None:
        """Empty the filter box without asking the store (the caller fills the list)."""
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.blockSignals(False)

    def set_reader(self, reader: StoreReader) -> None:
        """The open project's reader (a project switch brings a new one)."""
        self.reader = reader
        reader.answered.connect(self._on_reader_answered)
        self._asked.clear()

    def show_all(self, first: list[int]) -> None:
        """The whole project's list, the filter box emptied: ``first`` are its first ids,
        read at once by the caller (a start-up shows them without waiting); the rest are
        asked for."""
        self._clear_filter()
        if self.reader is not None:
            self.reader.cancel("filter")
        self._received("", first, first=True)

    def _on_filter_text_changed(self, text: str) -> None:
        if self.reader is not None:
            self._ask(text, after=0, limit=self.FIRST)

    def _on_filter_return(self) -> None:
        """Enter: the list's first row, which opens its document (or the list, when that one
        is open already), now or once the filter is answered."""
        if any(first for _, first in self._asked.values()):  # the list is not its answer yet
            self._to_list_when_answered = True
        else:
            self._to_list()

    def _to_list(self) -> None:
        self._to_list_when_answered = False
        if self.model.rowCount():
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.view.selectRow(0)

    def refilter(self) -> None:
        """Ask again for the filter's text (the store changed)."""
        self._on_filter_text_changed(self.filter.text())

    def _ask(self, text: str, after: int, limit: int | None) -> None:
        assert self.reader is not None
        statuses = _statuses_matching(text)
        ticket = self.reader.ask(
            "filter",
            lambda project: document_ids(project.db.conn, text, statuses, after=after, limit=limit),
        )
        self._asked = {ticket: (text, limit is not None)}

    def _on_reader_answered(self, ticket: int, ids: object) -> None:
        asked = self._asked.pop(ticket, None)
        if asked is None or self.reader is None or not self.reader.is_current(ticket):
            return
        assert isinstance(ids, list)
        text, first = asked
        self._received(text, ids, first=first)

    def _received(self, text: str, ids: list[int], *, first: bool) -> None:
        """Show a part of the answer for ``text``; after a full first part, ask for the rest."""
        if first:
            self.model.reset(ids)
        else:
            self.model.append(ids)
        if self._selected is not None and self.model.row_of(self._selected) is not None:
            self.select(self._selected)
        if self._to_list_when_answered:
            self._to_list()
        if first and len(ids) == self.FIRST and self.reader is not None:
            self._ask(text, after=ids[-1], limit=None)
        else:
            self.filtered.emit(text)

    def doc_id_at(self, row: int) -> int | None:
        return self.model.doc_id(row)

    def row_of(self, doc_id: int) -> int | None:
        return self.model.row_of(doc_id)

    def select(self, doc_id: int) -> None:
        """Select the open document's row (again when a filter's answer shows it)."""
        self._selected = doc_id
        row = self.model.row_of(doc_id)
        if row is not None:
            self.view.blockSignals(True)
            self.view.selectRow(row)
            self.view.blockSignals(False)
            self.view.scrollTo(self.model.index(row, 0))


class SidePanel(QWidget):
    """Labels (colour, hotkey, count here) above this document's annotations and the
    current span's links.

    Signals:
        annotations_selected(): the annotations table's selection changed.
    """

    annotations_selected = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = make_table(self, "labels")
        self.labels.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.labels.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.labels.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.labels.horizontalHeader().setStretchLastSection(True)
        self.annotations = make_table(self, "annotations")
        self.links = make_table(self, "links")
        self.set_models(LabelModel(parent=self), AnnotationModel(self), LinkModel(self))
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

    def set_models(
        self, labels: LabelModel, annotations: AnnotationModel, links: LinkModel
    ) -> None:
        """Show the open project's models (a project switch brings new ones)."""
        set_model(self.labels, labels)
        set_model(self.annotations, annotations)  # a new selection model: connected again
        self.annotations.selectionModel().selectionChanged.connect(self.annotations_selected)
        set_model(self.links, links)
        header = self.annotations.horizontalHeader()
        # Fixed widths: ResizeToContents would read every row on each change.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 110)
        self.links.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def fit_labels(self, names: Iterable[str]) -> None:
        """Label columns as wide as the schema's longest label name."""
        names = list(names)
        swatch = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 8
        fit_column(self.labels, 1, names, extra=swatch)
        fit_column(self.annotations, 1, names, extra=swatch)
        # Fixed widths for the key and the count too: sized to their contents, each new
        # count (every document opened, every tag) measured every row again (6 ms).
        fit_column(self.labels, 0, ["9"])
        fit_column(self.labels, 2, ["99999"])
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
