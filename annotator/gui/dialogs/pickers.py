"""Keyboard pickers: type to filter, arrows to move, Enter to choose.

Used to pick a span to link to (and the relation type when several fit), and
an entity for a mention. Digits 1-9 pick the nth row while the filter box is
empty; Ctrl+Enter and Ctrl+U are offered where a picker has a use for them
(a new entity from the typed name, unlinking).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from annotator.core.arabic import normalize

PAYLOAD = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class PickerItem:
    text: str
    payload: Any


def loose_filter(items: Sequence[PickerItem]) -> Callable[[str], list[PickerItem]]:
    """Filter by the Arabic-normalised query appearing in the item text."""

    def provide(query: str) -> list[PickerItem]:
        wanted = normalize(query).strip()
        return [i for i in items if not wanted or wanted in normalize(i.text)]

    return provide


class Picker(QDialog):
    """A filter box over a list; ``chosen`` and ``action`` tell what the analyst did.

    ``action`` is "pick" (Enter on a row), "new" (Ctrl+Enter, when
    ``new_hint`` is given) or "unlink" (Ctrl+U, when ``unlink_hint`` is given).
    """

    def __init__(
        self,
        title: str,
        provider: Callable[[str], list[PickerItem]],
        parent: QWidget | None = None,
        *,
        query: str = "",
        new_hint: str | None = None,
        unlink_hint: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("picker")
        self.setWindowTitle(title)
        self.resize(560, 420)
        self._provider = provider
        self._new_hint, self._unlink_hint = new_hint, unlink_hint
        self.chosen: Any = None
        self.action: str | None = None
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Type to filter…"))
        self.model = QStandardItemModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.activated.connect(lambda _index: self._choose("pick"))
        hints = [self.tr("Enter: choose"), self.tr("Esc: cancel")]
        if new_hint:
            hints.append(new_hint)
        if unlink_hint:
            hints.append(unlink_hint)
        help_line = QLabel("   ".join(hints), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(help_line)
        self.filter.textChanged.connect(self._refill)
        self.filter.installEventFilter(self)
        self.filter.setText(query)
        self.filter.selectAll()
        self._refill(query)

    def _refill(self, query: str) -> None:
        self.model.clear()
        for number, item in enumerate(self._provider(query), start=1):
            prefix = f"{number}  " if number <= 9 else "   "
            row = QStandardItem(prefix + item.text)
            row.setData(item.payload, PAYLOAD)
            row.setEditable(False)
            self.model.appendRow(row)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))

    def _choose(self, action: str, row: int | None = None) -> None:
        index = self.list.currentIndex() if row is None else self.model.index(row, 0)
        if action == "pick" and not index.isValid():
            return
        self.chosen = index.data(PAYLOAD) if index.isValid() else None
        self.action = action
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8}.get(
                Qt.Key(key), 8
            )
            row = max(0, min(self.model.rowCount() - 1, self.list.currentIndex().row() + step))
            self.list.setCurrentIndex(self.model.index(row, 0))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if ctrl and self._new_hint:
                self.chosen, self.action = self.filter.text().strip(), "new"
                self.accept()
            else:
                self._choose("pick")
            return True
        if ctrl and key == Qt.Key.Key_U and self._unlink_hint:
            self.chosen, self.action = None, "unlink"
            self.accept()
            return True
        text = event.text()
        if (
            not self.filter.text()
            and text.isdigit()
            and text != "0"
            and int(text) <= self.model.rowCount()
        ):
            self._choose("pick", int(text) - 1)
            return True
        return False
