"""The window's undo stack: Qt's, told not to be cleared inside a macro.

A link and its stance are one undo step: a macro held open while the stance dialog
runs. A write from another process arriving meanwhile clears undo; cleared inside the
macro, Qt warned "QUndoStack::endMacro(): no matching beginMacro()" and the stance was
pushed as an undo step of its own, on a stack that was to start afresh.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack


class UndoStack(QUndoStack):
    """A ``clear`` asked for inside a macro happens when the outermost macro ends."""

    _depth = 0
    _clear_when_closed = False

    def beginMacro(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._depth += 1
        super().beginMacro(text)

    def endMacro(self) -> None:  # noqa: N802 (Qt's name)
        super().endMacro()
        self._depth -= 1
        if self._depth == 0 and self._clear_when_closed:
            self._clear_when_closed = False
            super().clear()

    def clear(self) -> None:
        if self._depth:
            self._clear_when_closed = True
            return
        super().clear()
