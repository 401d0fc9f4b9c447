"""The entity registry's table model: name, kind, type, mentions, documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from annotator.core.models import Entity
from annotator.gui.i18n import QT_TRANSLATE_NOOP
from annotator.gui.panels.models import CENTER, ID_ROLE, TableModel, alignment
from annotator.storage.entities import EntitySummary

Index = QModelIndex | QPersistentModelIndex


class EntityModel(TableModel):
    """The registry: name, kind, type, mentions, documents; ``ID_ROLE`` gives the entity id."""

    headers = (
        QT_TRANSLATE_NOOP("models", "Name"),
        QT_TRANSLATE_NOOP("models", "Kind"),
        QT_TRANSLATE_NOOP("models", "Type"),
        QT_TRANSLATE_NOOP("models", "Mentions"),
        QT_TRANSLATE_NOOP("models", "Docs"),
    )

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
            return alignment(e.name) if index.column() == 0 else CENTER
        return None
