"""The find bar under the article: type to mark every match, Enter and Shift+Enter to step.

Matching folds Arabic spelling (hamza forms, ta marbuta, harakat, tatweel)
as corpus search does. The selected match is a normal selection, so a label
key tags it at once. Escape closes the bar and gives the article the focus.

Signals:
    query_changed(str), next_requested(), previous_requested(), closed()
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget


class FindBar(QWidget):
    query_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("find_edit")
        self.edit.setPlaceholderText(self.tr("Find in this article (spelling folded)…"))
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        self.edit.textChanged.connect(self.query_changed)
        self.edit.installEventFilter(self)
        self.hide()

    def open(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def show_count(self, current: int, total: int) -> None:
        self.count.setText(f"{current} / {total}" if total else self.tr("no match"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                (self.previous_requested if shift else self.next_requested).emit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.hide()
                self.closed.emit()
                return True
        return super().eventFilter(watched, event)
