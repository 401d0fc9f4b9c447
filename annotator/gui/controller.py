"""The controller: what the analyst is working on, and every edit as an undo command.

It owns the QUndoStack. Keyboard, menus and lists call its public methods
(``tag``, ``delete_current``, ``relabel``...); those validate, then push a
command; commands call back the ``store_*`` methods, which make one store
call and emit one signal. Selections arrive here already in code points
(the article view converts them, see ``text_offsets``).

Signals:
    document_opened(Document): a document is shown; its spans are ``spans``.
    span_added(Span), span_removed(Span), span_changed(Span old, Span new)
    current_changed(object): the current span (Span) or None.
    status_changed(int doc_id, Status)
    doc_attrs_changed(int doc_id, dict values): a document's attribute values (topic...).
    relations_changed(): this document's ``relations`` changed.
    suggestions_changed(): this document's ``suggestions`` changed.
    entities_changed(): the registry changed (an entity added, merged, linked).
    message(str): something to tell the analyst in the status bar.
"""

from __future__ import annotations

import getpass
from bisect import insort
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.arabic import normalize
from annotator.core.errors import AnnotatorError
from annotator.core.models import Document, Entity, LabelKind, Relation, Span, Status
from annotator.core.relations import LinkOption, LinkType, link_options
from annotator.core.span_rules import clean_selection, strip_proclitic
from annotator.core.suggest import Suggestion
from annotator.gui.commands import (
    AddRelationCommand,
    AddSpanCommand,
    DeleteRelationCommand,
    DeleteSpanCommand,
    LinkEntityCommand,
    MergeEntitiesCommand,
    RejectSuggestionCommand,
    SetAttrsCommand,
    SetDocAttrsCommand,
    SetStatusCommand,
    UpdateEntityCommand,
    UpdateSpanCommand,
)
from annotator.storage.entities import Merge
from annotator.storage.project import Project
from annotator.storage.search import find_in_text
from annotator.storage.suggestions import reject as reject_suggestion
from annotator.storage.suggestions import suggestions_for
from annotator.storage.suggestions import unreject as unreject_suggestion


def reading_order(span: Span) -> tuple[int, int, int]:
    return (span.start, -span.end, span.id or 0)


class Controller(QObject):
    document_opened = Signal(object)
    span_added = Signal(object)
    span_removed = Signal(object)
    span_changed = Signal(object, object)
    current_changed = Signal(object)
    status_changed = Signal(int, object)
    doc_attrs_changed = Signal(int, object)
    relations_changed = Signal()
    suggestions_changed = Signal()
    entities_changed = Signal()
    message = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = QUndoStack(self)
        self.document: Document | None = None
        self.spans: list[Span] = []
        self.relations: list[Relation] = []
        self._suggestions: list[Suggestion] = []
        self.suggest_cues = False
        self._suggestions_pending = False
        self._suggestions_timer = QTimer(self)
        self._suggestions_timer.setSingleShot(True)
        self._suggestions_timer.setInterval(0)
        self._suggestions_timer.timeout.connect(self._refresh_pending_suggestions)
        self.current: Span | None = None
        self.snap_to_words = True
        self.annotator = getpass.getuser() or None

    # -- documents -----------------------------------------------------------

    def open_document(self, doc_id: int) -> None:
        if self.document is not None and self.document.id == doc_id:
            return
        try:
            document = self.project.document(doc_id)
        except AnnotatorError as exc:
            self.report(exc)
            return
        self.document = document
        self.spans = sorted(self.project.spans(doc_id), key=reading_order)
        self.relations = self.project.relations(doc_id)
        self.current = None
        self._suggestions = []
        self.document_opened.emit(document)
        # Proposals are drawn a turn after the text and its spans: the first paint
        # does not wait on them, and anything that asks for them first gets them.
        self._refresh_suggestions_soon()

    def _ensure_shown(self, doc_id: int) -> None:
        """Undo and redo may touch a document that is not shown: show it first."""
        if self.document is None or self.document.id != doc_id:
            self.open_document(doc_id)

    def report(self, error: Exception) -> None:
        self.message.emit(str(error))

    # -- what the keyboard asks for ------------------------------------------

    def label_for_hotkey(self, hotkey: str) -> str | None:
        label = next((lb for lb in self.project.schema.span_labels if lb.hotkey == hotkey), None)
        return label.name if label else None

    def apply_label(self, label: str, selection: tuple[int, int], *, exact: bool = False) -> None:
        """A label hotkey: relabel the current span, or tag the selection."""
        if self.document is None or self.document.id is None:
            return
        if self.current is not None and selection == (self.current.start, self.current.end):
            self.relabel(self.current, label)
            return
        start, end = clean_selection(
            self.document.text, *selection, snap=self.snap_to_words and not exact
        )
        if start >= end:
            self.message.emit(self.tr("Select some text first, then press a label key."))
            return
        if any(s.start == start and s.end == end and s.label == label for s in self.spans):
            self.message.emit(self.tr("That text already has this label."))
            self.set_current(
                next(s for s in self.spans if (s.start, s.end, s.label) == (start, end, label))
            )
            return
        self.undo_stack.push(AddSpanCommand(self, self.document.id, start, end, label))

    def relabel(self, span: Span, label: str) -> None:
        if span.label != label:
            self.undo_stack.push(
                UpdateSpanCommand(self, span, self.tr("Relabel as %s") % label, label=label)
            )

    def delete_current(self) -> None:
        if self.current is None:
            self.message.emit(self.tr("No span is selected (Tab goes to the next one)."))
            return
        self.undo_stack.push(DeleteSpanCommand(self, self.current))

    def strip_proclitic_of_current(self) -> None:
        if self.current is None or self.document is None:
            self.message.emit(self.tr("No span is selected (Tab goes to the next one)."))
            return
        stripped = strip_proclitic(self.document.text, self.current.start, self.current.end)
        if stripped is None:
            self.message.emit(self.tr("This span does not start with و ف ب ل ك before a word."))
            return
        self.undo_stack.push(
            UpdateSpanCommand(self, self.current, self.tr("Strip proclitic"), start=stripped[0])
        )

    # -- links, attributes, entities ------------------------------------------

    def link_options(self, span: Span) -> list[LinkOption]:
        return link_options(span, self.spans, self.project.schema.relation_labels, self.relations)

    def links_of(self, span: Span) -> list[Relation]:
        return [r for r in self.relations if span.id in (r.head, r.tail)]

    def link(self, span: Span, other: Span, link_type: LinkType) -> None:
        head, tail = (span, other) if link_type.current_is_head else (other, span)
        assert head.id is not None and tail.id is not None
        self.undo_stack.push(
            AddRelationCommand(self, link_type.relation.name, head.id, tail.id, {})
        )

    def unlink(self, relation: Relation) -> None:
        self.undo_stack.push(DeleteRelationCommand(self, relation))

    def set_attrs(self, target: Span | Relation, attrs: dict[str, Any]) -> None:
        if dict(target.attrs) != attrs:
            self.undo_stack.push(SetAttrsCommand(self, target, attrs))

    def link_entity(self, span: Span, entity: Entity | None) -> None:
        if (entity.id if entity else None) != span.entity_id:
            self.undo_stack.push(LinkEntityCommand(self, span, entity))

    def new_entity_for(self, span: Span, name: str) -> None:
        """Create an entity named ``name`` (kind: the span's label) and link the span to it."""
        if not name.strip():
            self.message.emit(self.tr("An entity needs a name."))
            return
        self.undo_stack.push(
            LinkEntityCommand(self, span, Entity(name.strip(), span.label), new=True)
        )

    def update_entity(self, old: Entity, new: Entity) -> None:
        if old != new:
            self.undo_stack.push(UpdateEntityCommand(self, old, new))

    def merge_entities(self, keep: Entity, gone: Entity) -> None:
        if keep.id == gone.id:
            self.message.emit(self.tr("Choose two different entities to merge."))
            return
        self.undo_stack.push(MergeEntitiesCommand(self, keep, gone))

    def tag_all_occurrences(self) -> None:
        """Tag every other occurrence of the current span's text here: one undoable step.

        Occurrences are found with Arabic spelling folded (``storage.search``);
        a clitic stuck to an occurrence stays outside the new span, as the
        match covers only the name itself.
        """
        span = self.current
        if span is None or self.document is None or self.document.id is None:
            self.message.emit(self.tr("Select a span first (Tab goes to the next one)."))
            return
        taken = {(s.start, s.end, s.label) for s in self.spans}
        todo = [
            (start, end)
            for start, end in find_in_text(self.document.text, span.text)
            if (start, end, span.label) not in taken
        ]
        if not todo:
            self.message.emit(self.tr("No other occurrence of this text is untagged."))
            return
        self.undo_stack.beginMacro(self.tr("Tag all %s") % span.label)
        for start, end in todo:
            self.undo_stack.push(AddSpanCommand(self, self.document.id, start, end, span.label))
        self.undo_stack.endMacro()
        self.message.emit(self.tr("Tagged %n more occurrence(s).", "", len(todo)))

    # -- suggestions -----------------------------------------------------------

    @property
    def suggestions(self) -> list[Suggestion]:
        """The open document's suggestions, computed now if a refresh is still due."""
        self._refresh_pending_suggestions()
        return self._suggestions

    def stop(self) -> None:
        """Run nothing more on a timer: the project may be closed next."""
        self._suggestions_pending = False
        self._suggestions_timer.stop()

    def refresh_suggestions(self) -> None:
        self._suggestions_pending = False
        self._suggestions_timer.stop()
        if self.document is None or self.document.id is None:
            self._suggestions = []
        else:
            self._suggestions = suggestions_for(
                self.project, self.document.id, cues=self.suggest_cues
            )
        self.suggestions_changed.emit()

    def _refresh_suggestions_soon(self) -> None:
        """Recompute once, on the next event-loop turn.

        After a document opens (its first paint goes first), and when undoing
        "accept all" deletes many spans in one go.
        """
        self._suggestions_pending = True
        self._suggestions_timer.start()  # started again within one turn, it still runs once

    def _refresh_pending_suggestions(self) -> None:
        if self._suggestions_pending:
            self.refresh_suggestions()

    def suggestion_at(self, selection: tuple[int, int]) -> Suggestion | None:
        return next((s for s in self.suggestions if (s.start, s.end) == selection), None)

    def suggestion_after(self, offset: int) -> Suggestion | None:
        if not self.suggestions:
            return None
        return next((s for s in self.suggestions if s.start > offset), self.suggestions[0])

    def accept(self, suggestion: Suggestion, *, all_alike: bool = False) -> None:
        """Tag the suggestion (and with ``all_alike`` every one of the same text and label),
        linked to its entity: one undoable step."""
        if self.document is None or self.document.id is None:
            return
        wanted = normalize(suggestion.text)
        chosen = [
            s
            for s in self.suggestions
            if s == suggestion
            or (all_alike and s.label == suggestion.label and normalize(s.text) == wanted)
        ]
        self.undo_stack.beginMacro(self.tr("Accept %s") % suggestion.label)
        for s in chosen:
            command = AddSpanCommand(self, self.document.id, s.start, s.end, s.label)
            self.undo_stack.push(command)
            if s.entity_id is not None and command.span is not None:
                self.undo_stack.push(
                    LinkEntityCommand(self, command.span, self._entity(s.entity_id))
                )
        self.undo_stack.endMacro()

    def _entity(self, entity_id: int) -> Entity | None:
        try:
            return self.project.entities.get(entity_id)
        except AnnotatorError:
            return None

    def reject(self, suggestion: Suggestion) -> None:
        if self.document is not None and self.document.id is not None:
            self.undo_stack.push(RejectSuggestionCommand(self, self.document.id, suggestion))

    def store_reject(self, doc_id: int, suggestion: Suggestion) -> None:
        self._ensure_shown(doc_id)
        reject_suggestion(self.project, doc_id, suggestion)
        self.refresh_suggestions()

    def store_unreject(self, doc_id: int, suggestion: Suggestion) -> None:
        self._ensure_shown(doc_id)
        unreject_suggestion(self.project, doc_id, suggestion)
        self.refresh_suggestions()

    def set_status(self, status: Status) -> None:
        if self.document is None or self.document.id is None or self.document.status is status:
            return
        self.undo_stack.push(SetStatusCommand(self, self.document.id, self.document.status, status))

    def set_doc_attrs(self, values: dict[str, Any]) -> None:
        """The shown document's attribute values (topic, genre...): one undoable edit."""
        if self.document is None or self.document.id is None:
            return
        old = self.project.doc_attrs.of(self.document.id)
        if old != values:
            self.undo_stack.push(SetDocAttrsCommand(self, self.document.id, old, values))

    def store_set_doc_attrs(self, doc_id: int, values: dict[str, Any]) -> None:
        self._ensure_shown(doc_id)
        change = self.project.doc_attrs.set(doc_id, values, annotator=self.annotator)
        self.doc_attrs_changed.emit(doc_id, change.after)

    # -- the current span ------------------------------------------------------

    def set_current(self, span: Span | None) -> None:
        if span != self.current:
            self.current = span
            self.current_changed.emit(span)

    def span_after(self, offset: int, *, backwards: bool = False) -> Span | None:
        """The next span in reading order after the current one (or after ``offset``)."""
        if not self.spans:
            return None
        if self.current is not None and self.current in self.spans:
            index = self.spans.index(self.current) + (-1 if backwards else 1)
            return self.spans[index % len(self.spans)]
        if backwards:
            before = [s for s in self.spans if s.start < offset]
            return before[-1] if before else self.spans[-1]
        return next((s for s in self.spans if s.start >= offset), self.spans[0])

    def span_by_id(self, span_id: int) -> Span | None:
        return next((s for s in self.spans if s.id == span_id), None)

    def counts(self) -> dict[str, int]:
        counts = {lb.name: 0 for lb in self.project.schema.span_labels}
        for span in self.spans:
            counts[span.label] = counts.get(span.label, 0) + 1
        return counts

    # -- store calls made by undo commands -------------------------------------

    def store_add_span(self, doc_id: int, start: int, end: int, label: str) -> Span:
        self._ensure_shown(doc_id)
        span = self.project.add_span(doc_id, start, end, label, annotator=self.annotator)
        self._added(span)
        self._promote_to_in_progress(doc_id)
        return span

    def store_restore_span(self, span: Span, relations: Iterable[Relation]) -> None:
        assert span.doc_id is not None
        self._ensure_shown(span.doc_id)
        self.project.restore_span(span, relations)
        self._added(span)
        if relations := list(relations):
            self.relations = self.project.relations(span.doc_id)
            self.relations_changed.emit()

    def store_delete_span(self, span_id: int) -> tuple[Span, list[Relation]]:
        span = self.project.span(span_id)
        assert span.doc_id is not None
        self._ensure_shown(span.doc_id)
        span, relations = self.project.delete_span(span_id)
        self.spans = [s for s in self.spans if s.id != span_id]
        if relations:
            self.relations = [r for r in self.relations if r not in relations]
            self.relations_changed.emit()
        if self.current is not None and self.current.id == span_id:
            self.set_current(None)
        self.span_removed.emit(span)
        self._refresh_suggestions_soon()  # what was tagged may be a proposal again
        return span, relations

    def store_update_span(self, span_id: int, *, start: int, end: int, label: str) -> None:
        old = self.project.span(span_id)
        assert old.doc_id is not None
        self._ensure_shown(old.doc_id)
        if self.project.schema.get(label, LabelKind.SPAN) is None:
            raise AnnotatorError(f"unknown label {label}")
        new = self.project.update_span(span_id, start=start, end=end, label=label)
        self.spans = sorted([new if s.id == span_id else s for s in self.spans], key=reading_order)
        self.span_changed.emit(old, new)
        self.set_current(new)

    def store_add_relation(
        self, label: str, head: int, tail: int, attrs: dict[str, Any]
    ) -> Relation:
        relation = self.project.add_relation(
            label, head, tail, attrs=attrs, annotator=self.annotator
        )
        assert relation.doc_id is not None
        self._ensure_shown(relation.doc_id)
        self.relations.append(relation)
        self.relations_changed.emit()
        return relation

    def store_restore_relation(self, relation: Relation) -> None:
        assert relation.doc_id is not None
        self._ensure_shown(relation.doc_id)
        self.project.restore_relation(relation)
        self.relations = self.project.relations(relation.doc_id)
        self.relations_changed.emit()

    def store_delete_relation(self, relation_id: int) -> Relation:
        relation = self.project.relation(relation_id)
        assert relation.doc_id is not None
        self._ensure_shown(relation.doc_id)
        self.project.delete_relation(relation_id)
        self.relations = [r for r in self.relations if r.id != relation_id]
        self.relations_changed.emit()
        return relation

    def store_set_attrs(self, target: Span | Relation, attrs: dict[str, Any]) -> None:
        assert target.id is not None and target.doc_id is not None
        self._ensure_shown(target.doc_id)
        if isinstance(target, Relation):
            self.project.set_relation_attrs(target.id, attrs)
            self.relations = self.project.relations(target.doc_id)
            self.relations_changed.emit()
        else:
            old = self.span_by_id(target.id) or target
            self._replace_span(old, self.project.set_span_attrs(target.id, attrs))

    def store_link_entity(self, span_id: int, entity_id: int | None) -> None:
        old = self.project.span(span_id)
        assert old.doc_id is not None
        self._ensure_shown(old.doc_id)
        self._replace_span(
            self.span_by_id(span_id) or old, self.project.link_entity(span_id, entity_id)
        )
        self.entities_changed.emit()

    def store_add_entity(self, entity: Entity) -> Entity:
        added = self.project.entities.add(entity)
        self.entities_changed.emit()
        return added

    def store_update_entity(self, entity: Entity) -> None:
        self.project.entities.update(entity)
        self.entities_changed.emit()

    def store_delete_entity(self, entity_id: int) -> None:
        self.project.entities.delete(entity_id)
        self.entities_changed.emit()

    def store_merge(self, keep: int, gone: int) -> Merge:
        merge = self.project.entities.merge(keep, gone)
        self._reload_spans()
        self.entities_changed.emit()
        return merge

    def store_unmerge(self, merge: Merge) -> None:
        self.project.entities.unmerge(merge)
        self._reload_spans()
        self.entities_changed.emit()

    def _replace_span(self, old: Span, new: Span) -> None:
        self.spans = sorted([new if s.id == new.id else s for s in self.spans], key=reading_order)
        self.span_changed.emit(old, new)
        if self.current is not None and self.current.id == new.id:
            self.set_current(new)

    def _reload_spans(self) -> None:
        """Entity links changed under many spans at once (a merge): refresh this document's."""
        if self.document is None or self.document.id is None:
            return
        fresh = {s.id: s for s in self.project.spans(self.document.id)}
        for old in list(self.spans):
            new = fresh.get(old.id)
            if new is not None and new != old:
                self._replace_span(old, new)

    def store_set_status(self, doc_id: int, status: Status) -> None:
        self.project.set_status(doc_id, status)
        if self.document is not None and self.document.id == doc_id:
            self.document = Document(self.document.text, doc_id, self.document.meta, status)
        self.status_changed.emit(doc_id, status)

    def _added(self, span: Span) -> None:
        insort(self.spans, span, key=reading_order)
        self.span_added.emit(span)
        self.set_current(span)
        self._drop_suggestion(span.start, span.end, span.label)

    def _drop_suggestion(self, start: int, end: int, label: str) -> None:
        before = len(self.suggestions)
        self._suggestions = [
            s for s in self._suggestions if (s.start, s.end, s.label) != (start, end, label)
        ]
        if len(self._suggestions) != before:
            self.suggestions_changed.emit()

    def _promote_to_in_progress(self, doc_id: int) -> None:
        """Mirror the store, which marks a ``todo`` document in progress on its first span."""
        if (
            self.document is not None
            and self.document.id == doc_id
            and self.document.status is Status.TODO
        ):
            self.document = Document(
                self.document.text, doc_id, self.document.meta, Status.IN_PROGRESS
            )
            self.status_changed.emit(doc_id, Status.IN_PROGRESS)
