"""The open document's suggestions (proposals of spans), kept in step with its edits.

They are computed a turn after a document opens, so its first paint does not
wait on them, and once per event-loop turn however many spans go at once
(the undo of "accept all"); anything that asks before then gets them at once.

Signals:
    changed(): the list changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.changes import DocumentState
from annotator.core.suggest import Suggestion
from annotator.storage.project import Project
from annotator.storage.suggestions import suggestions_for


class Proposals(QObject):
    changed = Signal()

    def __init__(self, project: Project, state: DocumentState, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._state = state
        self.cues = False  # attribution cues proposed too
        self._list: list[Suggestion] = []
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._refresh_pending)

    @property
    def list(self) -> list[Suggestion]:
        """The suggestions, computed now if a refresh is still due."""
        self._refresh_pending()
        return self._list

    def clear(self) -> None:
        self._list = []

    def stop(self) -> None:
        """Run nothing more on a timer: the project may be closed next."""
        self._pending = False
        self._timer.stop()

    def refresh(self) -> None:
        self.stop()
        doc_id = self._state.doc_id
        self._list = (
            [] if doc_id is None else suggestions_for(self._project, doc_id, cues=self.cues)
        )
        self.changed.emit()

    def refresh_soon(self) -> None:
        """Recompute once, on the next event-loop turn."""
        self._pending = True
        self._timer.start()  # started again within one turn, it still runs once

    def _refresh_pending(self) -> None:
        if self._pending:
            self.refresh()

    def at(self, selection: tuple[int, int]) -> Suggestion | None:
        return next((s for s in self.list if (s.start, s.end) == selection), None)

    def after(self, offset: int) -> Suggestion | None:
        if not self.list:
            return None
        return next((s for s in self.list if s.start > offset), self.list[0])

    def drop(self, start: int, end: int, label: str) -> None:
        """A proposal just tagged is no longer proposed."""
        before = len(self.list)
        self._list = [s for s in self._list if (s.start, s.end, s.label) != (start, end, label)]
        if len(self._list) != before:
            self.changed.emit()
