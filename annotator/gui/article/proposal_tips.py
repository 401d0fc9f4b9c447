"""Tooltips over the proposals in the article: the label, and the model's score when the
recommender proposed it ("LOCATION · model 0.83").

An event filter on the article's viewport, so the view itself only hands over the
list; the position under the mouse is turned into a code point through the view's
``offsets`` (UTF-16 to code points in one place, ``text_offsets``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QTextEdit, QToolTip

from annotator.gui.article.text_offsets import OffsetMap


class ProposalTips(QObject):
    def __init__(self, view: QTextEdit, offsets: Callable[[], OffsetMap]) -> None:
        super().__init__(view)
        self._view = view
        self._offsets = offsets  # the shown document's, which change as documents open
        self._tips: list[tuple[int, int, str]] = []
        view.viewport().installEventFilter(self)

    def set(self, suggestions: Sequence[tuple[int, int, str, float | None]]) -> None:
        self._tips = [
            (start, end, label if score is None else f"{label} · model {score:.2f}")
            for start, end, label, score in suggestions
        ]

    def tip_at(self, offset: int) -> str | None:
        """The tooltip of the proposal under code point ``offset``."""
        return next((tip for s, e, tip in self._tips if s <= offset < e), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        position = self._view.cursorForPosition(event.pos()).position()
        tip = self.tip_at(self._offsets().from_qt(position))
        if tip is None:
            QToolTip.hideText()
            return False
        QToolTip.showText(event.globalPos(), tip, self._view.viewport())
        return True
