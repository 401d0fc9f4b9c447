"""Undo commands: every edit in the window is one of these, pushed on the QUndoStack.

Each ``redo``/``undo`` makes one call into the store (``storage.operations``:
one SQLite transaction, committed at once), which returns the ``Changes`` it
made; the command hands them to the ``DocumentState``, which tells every view
once. Commands know the state and the store, never the controller or the
window, and keep what they made (``AddRelationCommand.relation``) for whoever
pushed them. A command whose first ``redo`` fails (an unknown label, a full
disk) reports why and marks itself obsolete, so the stack drops it and
nothing half-done is left to undo.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from annotator.core.changes import Changes, DocumentState
from annotator.core.errors import AnnotatorError
from annotator.core.models import Entity, NewSpan, Relation, Span, Status
from annotator.core.suggest import Suggestion
from annotator.gui.i18n import tr
from annotator.storage import operations as ops
from annotator.storage.entities import Merge
from annotator.storage.project import Project


class _StoreCommand(QUndoCommand):
    def __init__(self, state: DocumentState, project: Project, text: str) -> None:
        super().__init__(text)
        self._state = state
        self._project = project
        self._done_once = False
        self.failed = False  # the first redo failed: nothing was done

    def _show(self, doc_id: int | None) -> None:
        """Undo and redo may touch a document that is not shown: have it shown first."""
        if doc_id is not None and doc_id != self._state.doc_id:
            self._state.wanted.emit(doc_id)

    def _apply(self, changes: Changes) -> Changes:
        self._state.apply(changes)
        return changes

    def redo(self) -> None:
        try:
            self._redo()
            self._done_once = True
        except AnnotatorError as exc:
            self._state.report(str(exc))
            if not self._done_once:
                self.failed = True
                self.setObsolete(True)

    def undo(self) -> None:
        try:
            self._undo()
        except AnnotatorError as exc:
            self._state.report(str(exc))

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddSpanCommand(_StoreCommand):
    """Store ``new``; ``span`` is it as stored. Redo after undo restores the same span id."""

    def __init__(self, state: DocumentState, project: Project, doc_id: int, new: NewSpan) -> None:
        super().__init__(state, project, tr("Tag %1").replace("%1", new.label))
        self._doc_id, self._new = doc_id, new
        self.span: Span | None = None

    def _redo(self) -> None:
        self._show(self._doc_id)
        if self.span is None:
            changes = self._apply(ops.add_span(self._project, self._doc_id, self._new))
            self.span = changes.spans_added[0]
        else:
            self._apply(ops.restore_span(self._project, self.span, ()))

    def _undo(self) -> None:
        assert self.span is not None
        self._show(self.span.doc_id)
        self._apply(ops.delete_span(self._project, self.span.id))


class DeleteSpanCommand(_StoreCommand):
    """Delete a span with its relations; undo puts all of them back."""

    def __init__(self, state: DocumentState, project: Project, span: Span) -> None:
        super().__init__(state, project, tr("Delete %1").replace("%1", span.label))
        self._span = span
        self._relations: tuple[Relation, ...] = ()

    def _redo(self) -> None:
        self._show(self._span.doc_id)
        changes = self._apply(ops.delete_span(self._project, self._span.id))
        self._span, self._relations = changes.spans_removed[0], changes.relations_removed

    def _undo(self) -> None:
        self._show(self._span.doc_id)
        self._apply(ops.restore_span(self._project, self._span, self._relations))


class UpdateSpanCommand(_StoreCommand):
    """Relabel a span or move its edges (strip a proclitic)."""

    def __init__(
        self,
        state: DocumentState,
        project: Project,
        span: Span,
        text: str,
        *,
        start: int | None = None,
        label: str | None = None,
    ) -> None:
        super().__init__(state, project, text)
        self._old = span
        self._start = span.start if start is None else start
        self._label = span.label if label is None else label

    def _set(self, start: int, label: str) -> None:
        self._show(self._old.doc_id)
        self._apply(
            ops.update_span(
                self._project, self._old.id, start=start, end=self._old.end, label=label
            )
        )

    def _redo(self) -> None:
        self._set(self._start, self._label)

    def _undo(self) -> None:
        self._set(self._old.start, self._old.label)


class SetStatusCommand(_StoreCommand):
    def __init__(
        self, state: DocumentState, project: Project, doc_id: int, old: Status, new: Status
    ) -> None:
        super().__init__(
            state, project, tr("Mark %1").replace("%1", tr(new.value.replace("_", " ")))
        )
        self._doc_id, self._old, self._new = doc_id, old, new

    def _redo(self) -> None:
        self._apply(ops.set_status(self._project, self._doc_id, self._new))

    def _undo(self) -> None:
        self._show(self._doc_id)
        self._apply(ops.set_status(self._project, self._doc_id, self._old))


class AddRelationCommand(_StoreCommand):
    """Link two spans; ``relation`` is the one made (None while or if it failed)."""

    def __init__(
        self,
        state: DocumentState,
        project: Project,
        label: str,
        head: int,
        tail: int,
        annotator: str | None,
    ) -> None:
        super().__init__(state, project, tr("Link %1").replace("%1", label))
        self._args: tuple[str, int, int, dict[str, Any], str | None] = (
            label,
            head,
            tail,
            {},
            annotator,
        )
        self.relation: Relation | None = None

    def _redo(self) -> None:
        if self.relation is None:
            changes = self._apply(ops.add_relation(self._project, *self._args))
            self.relation = changes.relations_added[0]
        else:
            self._show(self.relation.doc_id)
            self._apply(ops.restore_relation(self._project, self.relation))

    def _undo(self) -> None:
        assert self.relation is not None
        self._show(self.relation.doc_id)
        self._apply(ops.delete_relation(self._project, self.relation.id))


class DeleteRelationCommand(_StoreCommand):
    def __init__(self, state: DocumentState, project: Project, relation: Relation) -> None:
        super().__init__(state, project, tr("Remove %1 link").replace("%1", relation.label))
        self._relation = relation

    def _redo(self) -> None:
        self._show(self._relation.doc_id)
        changes = self._apply(ops.delete_relation(self._project, self._relation.id))
        self._relation = changes.relations_removed[0]

    def _undo(self) -> None:
        self._show(self._relation.doc_id)
        self._apply(ops.restore_relation(self._project, self._relation))


class SetAttrsCommand(_StoreCommand):
    """New attribute values for a span or a relation."""

    def __init__(
        self,
        state: DocumentState,
        project: Project,
        target: Span | Relation,
        attrs: Mapping[str, Any],
    ) -> None:
        super().__init__(state, project, tr("Edit %1 attributes").replace("%1", target.label))
        self._target = target
        self._old = dict(target.attrs)
        self._new = dict(attrs)

    def _set(self, attrs: Mapping[str, Any]) -> None:
        target = self._target
        self._show(target.doc_id)
        if isinstance(target, Relation):
            self._apply(ops.set_relation_attrs(self._project, target.id, attrs))
        else:
            self._apply(ops.set_span_attrs(self._project, target.id, attrs))

    def _redo(self) -> None:
        self._set(self._new)

    def _undo(self) -> None:
        self._set(self._old)


class LinkEntityCommand(_StoreCommand):
    """Link a mention to an entity; with ``new`` set, create that entity first."""

    def __init__(
        self,
        state: DocumentState,
        project: Project,
        span: Span,
        entity: Entity | None,
        *,
        new: bool = False,
    ) -> None:
        name = entity.name if entity else None
        if new:
            text = tr("New entity %1").replace("%1", str(name))
        elif name:
            text = tr("Link to %1").replace("%1", name)
        else:
            text = tr("Unlink entity")
        super().__init__(state, project, text)
        self._span = span
        self._entity = entity
        self._new = new
        self._old = span.entity_id

    def _redo(self) -> None:
        self._show(self._span.doc_id)
        if self._new and self._entity is not None:
            self._entity, changes = ops.add_entity(self._project, self._entity)
            self._apply(changes)
        entity_id = self._entity.id if self._entity else None
        self._apply(ops.link_entity(self._project, self._span.id, entity_id))

    def _undo(self) -> None:
        self._show(self._span.doc_id)
        self._apply(ops.link_entity(self._project, self._span.id, self._old))
        if self._new and self._entity is not None and self._entity.id is not None:
            self._apply(ops.delete_entity(self._project, self._entity.id))


class UpdateEntityCommand(_StoreCommand):
    def __init__(self, state: DocumentState, project: Project, old: Entity, new: Entity) -> None:
        super().__init__(state, project, tr("Edit entity %1").replace("%1", new.name))
        self._old, self._new = old, new

    def _redo(self) -> None:
        self._apply(ops.update_entity(self._project, self._new))

    def _undo(self) -> None:
        self._apply(ops.update_entity(self._project, self._old))


class MergeEntitiesCommand(_StoreCommand):
    def __init__(self, state: DocumentState, project: Project, keep: Entity, gone: Entity) -> None:
        super().__init__(
            state,
            project,
            tr("Merge %1 into %2").replace("%1", gone.name).replace("%2", keep.name),
        )
        self._ids = (keep.id, gone.id)
        self._merge: Merge | None = None

    def _redo(self) -> None:
        keep, gone = self._ids
        assert keep is not None and gone is not None
        self._merge, changes = ops.merge_entities(self._project, keep, gone, self._state.doc_id)
        self._apply(changes)

    def _undo(self) -> None:
        assert self._merge is not None
        self._apply(ops.unmerge_entities(self._project, self._merge, self._state.doc_id))


class SetDocAttrsCommand(_StoreCommand):
    """New document attribute values (topic, genre...) for one document."""

    def __init__(
        self,
        state: DocumentState,
        project: Project,
        doc_id: int,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        annotator: str | None,
    ) -> None:
        super().__init__(state, project, tr("Edit document attributes"))
        self._doc_id, self._old, self._new = doc_id, dict(old), dict(new)
        self._annotator = annotator

    def _set(self, values: Mapping[str, Any]) -> None:
        self._show(self._doc_id)
        self._apply(ops.set_doc_attrs(self._project, self._doc_id, values, self._annotator))

    def _redo(self) -> None:
        self._set(self._new)

    def _undo(self) -> None:
        self._set(self._old)


class RejectSuggestionCommand(_StoreCommand):
    def __init__(
        self, state: DocumentState, project: Project, doc_id: int, suggestion: Suggestion
    ) -> None:
        super().__init__(state, project, tr("Reject %1 suggestion").replace("%1", suggestion.label))
        self._doc_id, self._suggestion = doc_id, suggestion

    def _redo(self) -> None:
        self._show(self._doc_id)
        self._apply(ops.reject_suggestion(self._project, self._doc_id, self._suggestion))

    def _undo(self) -> None:
        self._show(self._doc_id)
        self._apply(ops.unreject_suggestion(self._project, self._doc_id, self._suggestion))
