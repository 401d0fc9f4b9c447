"""The agreement view: the report's table, heat map and worst documents, drawn with Qt.

The same figures as ``annotator agreement`` (``core.agreement``), recomputed
by ``refresh`` (after a merge, say). Choosing a document in the ranking emits
``document_chosen`` with its id, for the curate view to open it.

Signals: ``document_chosen(int)``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from annotator.core.agreement import NONE, Agreement, compute
from annotator.core.agreement_text import label_name, number
from annotator.gui.i18n import QT_TRANSLATE_NOOP
from annotator.storage.project import Project
from annotator.storage.team_layers import shared_documents

Index = QModelIndex | QPersistentModelIndex


class _Table(QAbstractTableModel):
    """Rows of plain values under fixed headers; the whole table is replaced at once."""

    def __init__(self, headers: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[Any, ...]] = []

    def replace(self, rows: list[tuple[Any, ...]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (an immutable default, as Qt declares it)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = isinstance(value, int | float) or value is None
            return int(Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft) | int(
                Qt.AlignmentFlag.AlignVCenter
            )
        if isinstance(value, float) or value is None:
            return number(value)
        return str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("agreement", self.headers[section])
        return None


def pair_rows(report: Agreement) -> list[tuple[Any, ...]]:
    return [
        (" / ".join(item.annotators), label_name(item.label), item.documents, item.exact_f1,
         item.overlap_f1, item.kappa, item.a_spans, item.b_spans)
        for item in report.pair_items()
    ]  # fmt: skip


class HeatMap(QWidget):
    """Which label the other analyst gave the same stretch: rows one label, columns the other."""

    CELL = 62
    MARGIN = 90

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Agreement | None = None

    def show_report(self, report: Agreement) -> None:
        self.report = report
        n = len(report.labels)
        self.setMinimumSize(self.MARGIN + self.CELL * (n + 1) + 8, self.MARGIN + self.CELL * n + 8)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.report is None:
            return
        painter = QPainter(self)
        rows = list(self.report.labels)
        columns = [*rows, NONE]
        cell, margin = self.CELL, self.MARGIN
        for j, name in enumerate(columns):
            rect = QRectF(margin + j * cell, margin - 24, cell, 20)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, (name or "none")[:9])
        for i, row in enumerate(rows):
            total = sum(self.report.confusion.get((row, c), 0) for c in columns)
            painter.setPen(QColor("#222"))
            painter.drawText(
                QRectF(4, margin + i * cell, margin - 10, cell),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                row,
            )
            for j, column in enumerate(columns):
                n = self.report.confusion.get((row, column), 0)
                share = n / total if total else 0.0
                rect = QRectF(margin + j * cell, margin + i * cell, cell - 2, cell - 2)
                painter.fillRect(rect, _shade(share))
                painter.setPen(QColor("#fff" if share > 0.55 else "#222"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(n))
        painter.end()


def _shade(share: float) -> QColor:
    level = max(0.0, min(1.0, share))
    return QColor(*(round(255 - level * (255 - c)) for c in (33, 102, 172)))


class AgreementView(QWidget):
    """Tables and heat map of one team project's agreement. Signals: ``document_chosen``."""

    document_chosen = Signal(int)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.pairs = _Table(
            (
                QT_TRANSLATE_NOOP("agreement", "analysts"),
                QT_TRANSLATE_NOOP("agreement", "label"),
                QT_TRANSLATE_NOOP("agreement", "documents"),
                QT_TRANSLATE_NOOP("agreement", "exact F1"),
                QT_TRANSLATE_NOOP("agreement", "overlap F1"),
                QT_TRANSLATE_NOOP("agreement", "kappa"),
                QT_TRANSLATE_NOOP("agreement", "spans a"),
                QT_TRANSLATE_NOOP("agreement", "spans b"),
            ),
            self,
        )
        self.ranking = _Table(
            (
                QT_TRANSLATE_NOOP("agreement", "document"),
                QT_TRANSLATE_NOOP("agreement", "exact F1"),
                QT_TRANSLATE_NOOP("agreement", "disagreements"),
                QT_TRANSLATE_NOOP("agreement", "title"),
            ),
            self,
        )
        self.heat_map = HeatMap(self)
        pair_view = QTableView(self)
        pair_view.setModel(self.pairs)
        self.ranking_view = QTableView(self)
        self.ranking_view.setModel(self.ranking)
        self.ranking_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.ranking_view.horizontalHeader().setStretchLastSection(True)  # the title
        self.ranking_view.setWordWrap(False)
        self.ranking_view.activated.connect(self._on_ranking_activated)
        lower = QHBoxLayout()
        lower.addWidget(self.heat_map)
        lower.addWidget(self.ranking_view, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(pair_view, 1)
        layout.addLayout(lower, 1)
        self.report: Agreement | None = None
        self.refresh()

    def refresh(self) -> None:
        labels = [lb.name for lb in self.project.schema.span_labels]
        report = compute(shared_documents(self.project), labels, confusion=True)
        self.report = report
        self.summary.setText(
            self.tr(
                "%n document(s) annotated by two analysts or more (%1); "
                "Krippendorff's alpha over tokens: %2",
                "",
                report.documents,
            )
            .replace("%1", ", ".join(report.annotators) or self.tr("none yet"))
            .replace("%2", number(report.alpha))
        )
        self.pairs.replace(pair_rows(report))
        self.ranking.replace(
            [(s.doc_id, s.exact_f1, s.disagreements, s.title) for s in report.ranking]
        )
        self.heat_map.show_report(report)

    def _on_ranking_activated(self, index: QModelIndex) -> None:
        self.document_chosen.emit(int(self.ranking.rows[index.row()][0]))
