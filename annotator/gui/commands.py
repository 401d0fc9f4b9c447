"""Undo commands: every edit in the window is one of these, pushed on the QUndoStack.

Each ``redo``/``undo`` makes one call into the store through the controller
(one SQLite transaction, committed at once) and the controller emits one
signal that the views follow. A command whose first ``redo`` fails (an
unknown label, a full disk) reports why and marks itself obsolete, so the
stack drops it and nothing half-done is left to undo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from annotator.core.errors import AnnotatorError
from annotator.core.models import Relation, Span, Status

if TYPE_CHECKING:
    from annotator.gui.controller import Controller


class _StoreCommand(QUndoCommand):
    def __init__(self, controller: Controller, text: str) -> None:
        super().__init__(text)
        self._controller = controller
        self._done_once = False

    def redo(self) -> None:
        try:
            self._redo()
            self._done_once = True
        except AnnotatorError as exc:
            self._controller.report(exc)
            if not self._done_once:
                self.setObsolete(True)

    def undo(self) -> None:
        try:
            self._undo()
        except AnnotatorError as exc:
            self._controller.report(exc)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddSpanCommand(_StoreCommand):
    """Tag ``text[start:end]``; redo after undo restores the same span id."""

    def __init__(
        self, controller: Controller, doc_id: int, start: int, end: int, label: str
    ) -> None:
        super().__init__(controller, f"Tag {label}")
        self._args = (doc_id, start, end, label)
        self._span: Span | None = None

    @property
    def span(self) -> Span | None:
        return self._span

    def _redo(self) -> None:
        if self._span is None:
            self._span = self._controller.store_add_span(*self._args)
        else:
            self._controller.store_restore_span(self._span, ())

    def _undo(self) -> None:
        assert self._span is not None and self._span.id is not None
        self._controller.store_delete_span(self._span.id)


class DeleteSpanCommand(_StoreCommand):
    """Delete a span with its relations; undo puts all of them back."""

    def __init__(self, controller: Controller, span: Span) -> None:
        super().__init__(controller, f"Delete {span.label}")
        self._span = span
        self._relations: list[Relation] = []

    def _redo(self) -> None:
        assert self._span.id is not None
        self._span, self._relations = self._controller.store_delete_span(self._span.id)

    def _undo(self) -> None:
        self._controller.store_restore_span(self._span, self._relations)


class UpdateSpanCommand(_StoreCommand):
    """Relabel a span or move its edges (strip a proclitic)."""

    def __init__(
        self,
        controller: Controller,
        span: Span,
        text: str,
        *,
        start: int | None = None,
        label: str | None = None,
    ) -> None:
        super().__init__(controller, text)
        self._old = span
        self._start = span.start if start is None else start
        self._label = span.label if label is None else label

    def _redo(self) -> None:
        assert self._old.id is not None
        self._controller.store_update_span(
            self._old.id, start=self._start, end=self._old.end, label=self._label
        )

    def _undo(self) -> None:
        assert self._old.id is not None
        self._controller.store_update_span(
            self._old.id, start=self._old.start, end=self._old.end, label=self._old.label
        )


class SetStatusCommand(_StoreCommand):
    def __init__(self, controller: Controller, doc_id: int, old: Status, new: Status) -> None:
        super().__init__(controller, f"Mark {new.value.replace('_', ' ')}")
        self._doc_id, self._old, self._new = doc_id, old, new

    def _redo(self) -> None:
        self._controller.store_set_status(self._doc_id, self._new)

    def _undo(self) -> None:
        self._controller.store_set_status(self._doc_id, self._old)
