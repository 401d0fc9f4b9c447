"""The open document's suggestions (proposals of spans), kept in step with its edits.

Two sources, one list: known names found again (``storage.suggestions``) and,
once the project has a trained model, the recommender's proposals with their
scores (``storage.recommender``; labels under its F1 threshold are withheld
there). The model is loaded again when a training run stores a new one.

They are computed after a document opens, so its first paint does not wait on
them, and once however many spans go at once (the undo of "accept all");
anything that asks before then gets them at once. With a store reader the known
names are found on its thread: at 100,000 documents the names tagged in other
documents are a scan of a million spans, 0.6 s the window stood still.

Signals:
    changed(): the list changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core.changes import DocumentState
from annotator.core.suggest import Suggestion, join_proposals
from annotator.gui.store_reader import StoreReader
from annotator.storage.project import Project
from annotator.storage.recommender import ProjectRecommender, stored_model
from annotator.storage.suggestions import suggestions_for


class Proposals(QObject):
    changed = Signal()

    def __init__(self, project: Project, state: DocumentState, parent: QObject | None = None):
        super().__init__(parent)
        self._project = project
        self._state = state
        self.cues = False  # attribution cues proposed too
        self._list: list[Suggestion] = []
        self.recommender: ProjectRecommender | None = None
        self._model_key: tuple[str, str] | None = None  # fingerprint and date of the loaded model
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._refresh_pending)
        self._reader: StoreReader | None = None
        self._asked = 0  # the reader's ticket for the refresh due

    def compute_on(self, reader: StoreReader) -> None:
        """Refreshes due are computed on ``reader``'s thread from now on."""
        self._reader = reader
        reader.answered.connect(self._on_reader_answered)

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
        if self._reader is not None:
            self._reader.cancel("suggestions")

    def load_model(self) -> bool:
        """Load the stored model if it is not the one loaded; True when it changed."""
        stored = stored_model(self._project)
        key = (stored["fingerprint"], str(stored["trained_at"])) if stored else None
        if key == self._model_key:
            return False
        self._model_key = key
        self.recommender = ProjectRecommender(self._project) if stored else None
        return True

    def refresh(self) -> None:
        self.stop()
        doc_id = self._state.doc_id
        if doc_id is None:
            self._list = []
        else:
            found = suggestions_for(self._project, doc_id, cues=self.cues)
            self._list = join_proposals(found, _model_proposals(self.recommender, doc_id))
        self.changed.emit()

    def refresh_soon(self) -> None:
        """Recompute once, on the next event-loop turn."""
        self._pending = True
        doc_id, cues = self._state.doc_id, self.cues
        if self._reader is None or doc_id is None:
            self._timer.start()  # started again within one turn, it still runs once
            return
        self._asked = self._reader.ask(
            "suggestions", lambda project: suggestions_for(project, doc_id, cues=cues)
        )

    def _on_reader_answered(self, ticket: int, found: object) -> None:
        if ticket != self._asked or not self._pending or self._reader is None:
            return
        if not self._reader.is_current(ticket):
            return
        assert isinstance(found, list)
        self._pending = False
        doc_id = self._state.doc_id
        model = _model_proposals(self.recommender, doc_id) if doc_id is not None else []
        self._list = join_proposals(found, model)
        self.changed.emit()

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


def _model_proposals(recommender: ProjectRecommender | None, doc_id: int) -> list[Suggestion]:
    if recommender is None:
        return []
    return [
        Suggestion(p.start, p.end, p.label, p.text, score=p.score)
        for p in recommender.proposals(doc_id)
    ]
