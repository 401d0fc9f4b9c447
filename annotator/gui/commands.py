"""Undo commands: every edit in the window is one of these, pushed on the QUndoStack.

Each ``redo``/``undo`` makes one call into the store through the controller
(one SQLite transaction, committed at once) and the controller emits one
signal that the views follow. A command whose first ``redo`` fails (an
unknown label, a full disk) reports why and marks itself obsolete, so the
stack drops it and nothing half-done is left to undo.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from annotator.core.errors import AnnotatorError
from annotator.core.models import Entity, Relation, Span, Status
from annotator.core.suggest import Suggestion
from annotator.storage.entities import Merge

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


class AddRelationCommand(_StoreCommand):
    def __init__(
        self, controller: Controller, label: str, head: int, tail: int, attrs: dict[str, Any]
    ) -> None:
        super().__init__(controller, f"Link {label}")
        self._args = (label, head, tail, attrs)
        self._relation: Relation | None = None

    def _redo(self) -> None:
        if self._relation is None:
            self._relation = self._controller.store_add_relation(*self._args)
        else:
            self._controller.store_restore_relation(self._relation)

    def _undo(self) -> None:
        assert self._relation is not None and self._relation.id is not None
        self._controller.store_delete_relation(self._relation.id)


class DeleteRelationCommand(_StoreCommand):
    def __init__(self, controller: Controller, relation: Relation) -> None:
        super().__init__(controller, f"Remove {relation.label} link")
        self._relation = relation

    def _redo(self) -> None:
        assert self._relation.id is not None
        self._relation = self._controller.store_delete_relation(self._relation.id)

    def _undo(self) -> None:
        self._controller.store_restore_relation(self._relation)


class SetAttrsCommand(_StoreCommand):
    """New attribute values for a span or a relation."""

    def __init__(
        self, controller: Controller, target: Span | Relation, attrs: dict[str, Any]
    ) -> None:
        super().__init__(controller, f"Edit {target.label} attributes")
        self._target = target
        self._old = dict(target.attrs)
        self._new = attrs

    def _redo(self) -> None:
        self._controller.store_set_attrs(self._target, self._new)

    def _undo(self) -> None:
        self._controller.store_set_attrs(self._target, self._old)


class LinkEntityCommand(_StoreCommand):
    """Link a mention to an entity; with ``new`` set, create that entity first."""

    def __init__(
        self, controller: Controller, span: Span, entity: Entity | None, *, new: bool = False
    ) -> None:
        name = entity.name if entity else None
        super().__init__(
            controller,
            f"New entity {name}" if new else f"Link to {name}" if name else "Unlink entity",
        )
        self._span = span
        self._entity = entity
        self._new = new
        self._old = span.entity_id

    def _redo(self) -> None:
        if self._new and self._entity is not None:
            self._entity = self._controller.store_add_entity(self._entity)
        entity_id = self._entity.id if self._entity else None
        assert self._span.id is not None
        self._controller.store_link_entity(self._span.id, entity_id)

    def _undo(self) -> None:
        assert self._span.id is not None
        self._controller.store_link_entity(self._span.id, self._old)
        if self._new and self._entity is not None and self._entity.id is not None:
            self._controller.store_delete_entity(self._entity.id)


class UpdateEntityCommand(_StoreCommand):
    def __init__(self, controller: Controller, old: Entity, new: Entity) -> None:
        super().__init__(controller, f"Edit entity {new.name}")
        self._old, self._new = old, new

    def _redo(self) -> None:
        self._controller.store_update_entity(self._new)

    def _undo(self) -> None:
        self._controller.store_update_entity(self._old)


class MergeEntitiesCommand(_StoreCommand):
    def __init__(self, controller: Controller, keep: Entity, gone: Entity) -> None:
        super().__init__(controller, f"Merge {gone.name} into {keep.name}")
        self._ids = (keep.id, gone.id)
        self._merge: Merge | None = None

    def _redo(self) -> None:
        keep, gone = self._ids
        assert keep is not None and gone is not None
        self._merge = self._controller.store_merge(keep, gone)

    def _undo(self) -> None:
        assert self._merge is not None
        self._controller.store_unmerge(self._merge)


class SetDocAttrsCommand(_StoreCommand):
    """New document attribute values (topic, genre...) for one document."""

    def __init__(
        self, controller: Controller, doc_id: int, old: Mapping[str, Any], new: Mapping[str, Any]
    ) -> None:
        super().__init__(controller, "Edit document attributes")
        self._doc_id, self._old, self._new = doc_id, dict(old), dict(new)

    def _redo(self) -> None:
        self._controller.store_set_doc_attrs(self._doc_id, self._new)

    def _undo(self) -> None:
        self._controller.store_set_doc_attrs(self._doc_id, self._old)


class RejectSuggestionCommand(_StoreCommand):
    def __init__(self, controller: Controller, doc_id: int, suggestion: Suggestion) -> None:
        super().__init__(controller, f"Reject {suggestion.label} suggestion")
        self._doc_id, self._suggestion = doc_id, suggestion

    def _redo(self) -> None:
        self._controller.store_reject(self._doc_id, self._suggestion)

    def _undo(self) -> None:
        self._controller.store_unreject(self._doc_id, self._suggestion)
