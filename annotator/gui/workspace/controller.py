"""The controller: every edit the analyst asks for, validated and pushed as an undo command.

It owns the QUndoStack and the ``DocumentState`` (the one copy of the open
document, its current span included). Keyboard, menus and lists call its
public methods (``apply_label``, ``delete_current``, ``relabel``...); those
validate, then push a command; the command writes through
``storage.operations`` and hands the ``Changes`` to the state. Views and item
models follow the state themselves (``changes_applied``, ``current_changed``):
nothing is relayed through here. Selections arrive already in code points (the
article view converts them, see ``text_offsets``).

Signals:
    message(str): something to tell the analyst in the status bar.
"""

from __future__ import annotations

import getpass
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal

from annotator.core.arabic import normalize
from annotator.core.changes import Changes, DocumentState, reading_order
from annotator.core.errors import AnnotatorError
from annotator.core.models import Document, Entity, NewSpan, Relation, Span, Status
from annotator.core.relations import LinkOption, LinkType, link_options
from annotator.core.span_rules import clean_selection, strip_proclitic
from annotator.core.suggest import Suggestion
from annotator.gui.workspace.commands import (
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
from annotator.gui.workspace.proposals import Proposals
from annotator.gui.workspace.undo_stack import UndoStack
from annotator.storage.project import Project
from annotator.storage.search import find_in_text


class Controller(QObject):
    message = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = UndoStack(self)
        self.state = DocumentState()
        self.state.changes_applied.connect(self._on_changes_applied)
        self.state.reported.connect(self.message.emit)
        self.state.wanted.connect(self.open_document)
        self.proposals = Proposals(project, self.state, self)
        self.proposals.load_model()
        self.snap_to_words = True
        self.annotator = getpass.getuser() or None

    # -- the open document (held by the state) --------------------------------

    @property
    def document(self) -> Document | None:
        return self.state.document

    @property
    def spans(self) -> list[Span]:
        return self.state.spans

    @property
    def relations(self) -> list[Relation]:
        return self.state.relations

    @property
    def current(self) -> Span | None:
        """The current span: Tab's, the one a label key just made, the links panel's."""
        return self.state.current

    # -- documents -----------------------------------------------------------

    def open_document(self, doc_id: int) -> None:
        if self.document is not None and self.document.id == doc_id:
            return
        try:
            document = self.project.document(doc_id)
        except AnnotatorError as exc:
            self.report(exc)
            return
        self.proposals.clear()
        self.state.open(document, self.project.spans(doc_id), self.project.relations(doc_id))

    def reload_document(self) -> bool:
        """Show the open document as stored now (another process wrote to the project: a
        merge, an adjudication); True when it differed from what was shown.

        The current span stays current if it is still stored unchanged.
        """
        shown = self.document
        if shown is None or shown.id is None:
            return False
        try:
            document = self.project.document(shown.id)
            spans = self.project.spans(shown.id)
            relations = self.project.relations(shown.id)
        except AnnotatorError as exc:
            self.report(exc)
            return False
        by_id = sorted(relations, key=lambda r: r.id)
        if (
            document == shown
            and sorted(spans, key=reading_order) == self.spans
            and by_id == sorted(self.relations, key=lambda r: r.id)
        ):
            return False
        current = self.current
        self.proposals.clear()
        self.state.open(document, spans, relations)
        if current is not None and self.state.span_by_id(current.id) == current:
            self.state.set_current(current)
        return True

    def close_document(self) -> None:
        """Show no document: the open one is gone and there is none to show instead."""
        self.proposals.clear()
        self.state.close()

    def report(self, error: Exception) -> None:
        self.message.emit(str(error))

    # -- what the keyboard asks for ------------------------------------------

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
        new = NewSpan(start, end, label, self.document.text[start:end], annotator=self.annotator)
        self.undo_stack.push(AddSpanCommand(*self._store, self.document.id, new))

    def relabel(self, span: Span, label: str) -> None:
        if span.label != label:
            self.undo_stack.push(
                UpdateSpanCommand(
                    *self._store, span, self.tr("Relabel as %1").replace("%1", label), label=label
                )
            )

    def delete_current(self) -> None:
        if self.current is None:
            self.message.emit(self.tr("No span is selected (Tab goes to the next one)."))
            return
        self.undo_stack.push(DeleteSpanCommand(*self._store, self.current))

    def strip_proclitic_of_current(self) -> None:
        if self.current is None or self.document is None:
            self.message.emit(self.tr("No span is selected (Tab goes to the next one)."))
            return
        stripped = strip_proclitic(self.document.text, self.current.start, self.current.end)
        if stripped is None:
            self.message.emit(self.tr("This span does not start with و ف ب ل ك before a word."))
            return
        self.undo_stack.push(
            UpdateSpanCommand(
                *self._store, self.current, self.tr("Strip proclitic"), start=stripped[0]
            )
        )

    # -- links, attributes, entities ------------------------------------------

    def link_options(self, span: Span) -> list[LinkOption]:
        return link_options(span, self.spans, self.project.schema.relation_labels, self.relations)

    def links_of(self, span: Span) -> list[Relation]:
        return self.state.links_of(span)

    def link(self, span: Span, other: Span, link_type: LinkType) -> Relation | None:
        """Link two spans; the relation made, or None when the store refused it."""
        head, tail = (span, other) if link_type.current_is_head else (other, span)
        command = AddRelationCommand(
            *self._store, link_type.relation.name, head.id, tail.id, self.annotator
        )
        self.undo_stack.push(command)
        return command.relation

    def unlink(self, relation: Relation) -> None:
        self.undo_stack.push(DeleteRelationCommand(*self._store, relation))

    def set_attrs(self, target: Span | Relation, attrs: Mapping[str, Any]) -> None:
        if dict(target.attrs) != attrs:
            self.undo_stack.push(SetAttrsCommand(*self._store, target, attrs))

    def link_entity(self, span: Span, entity: Entity | None) -> None:
        if (entity.id if entity else None) != span.entity_id:
            self.undo_stack.push(LinkEntityCommand(*self._store, span, entity))

    def new_entity_for(self, span: Span, name: str) -> None:
        """Create an entity named ``name`` (kind: the span's label) and link the span to it."""
        if not name.strip():
            self.message.emit(self.tr("An entity needs a name."))
            return
        self.undo_stack.push(
            LinkEntityCommand(*self._store, span, Entity(name.strip(), span.label), new=True)
        )

    def update_entity(self, old: Entity, new: Entity) -> None:
        if old != new:
            self.undo_stack.push(UpdateEntityCommand(*self._store, old, new))

    def merge_entities(self, keep: Entity, gone: Entity) -> None:
        if keep.id == gone.id:
            self.message.emit(self.tr("Choose two different entities to merge."))
            return
        self.undo_stack.push(MergeEntitiesCommand(*self._store, keep, gone))

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
            text = self.document.text[start:end]
            new = NewSpan(start, end, span.label, text, annotator=self.annotator)
            self.undo_stack.push(AddSpanCommand(*self._store, self.document.id, new))
        self.undo_stack.endMacro()
        self.message.emit(self.tr("Tagged %n more occurrence(s).", "", len(todo)))

    # -- suggestions -----------------------------------------------------------

    @property
    def suggestions(self) -> list[Suggestion]:
        return self.proposals.list

    @property
    def suggest_cues(self) -> bool:
        return self.proposals.cues

    @suggest_cues.setter
    def suggest_cues(self, on: bool) -> None:
        self.proposals.cues = on

    def stop(self) -> None:
        """Run nothing more on a timer: the project may be closed next."""
        self.proposals.stop()

    def refresh_suggestions(self) -> None:
        self.proposals.refresh()

    def load_model(self) -> None:
        """A training run stored a model: its proposals join the suggestions now."""
        if self.proposals.load_model() and self.document is not None:
            self.proposals.refresh()

    def suggestion_at(self, selection: tuple[int, int]) -> Suggestion | None:
        return self.proposals.at(selection)

    def suggestion_after(self, offset: int) -> Suggestion | None:
        return self.proposals.after(offset)

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
            text = self.document.text[s.start : s.end]
            new = NewSpan(s.start, s.end, s.label, text, annotator=self.annotator)
            command = AddSpanCommand(*self._store, self.document.id, new)
            self.undo_stack.push(command)
            if s.entity_id is not None and command.span is not None:
                self.undo_stack.push(
                    LinkEntityCommand(*self._store, command.span, self._entity(s.entity_id))
                )
        self.undo_stack.endMacro()

    def _entity(self, entity_id: int) -> Entity | None:
        try:
            return self.project.entities.get(entity_id)
        except AnnotatorError:
            return None

    def reject(self, suggestion: Suggestion) -> None:
        if self.document is not None and self.document.id is not None:
            self.undo_stack.push(
                RejectSuggestionCommand(*self._store, self.document.id, suggestion)
            )

    def set_status(self, status: Status) -> None:
        if self.document is None or self.document.id is None or self.document.status is status:
            return
        self.undo_stack.push(
            SetStatusCommand(*self._store, self.document.id, self.document.status, status)
        )

    def set_doc_attrs(self, values: dict[str, Any]) -> None:
        """The shown document's attribute values (topic, genre...): one undoable edit."""
        if self.document is None or self.document.id is None:
            return
        old = self.project.doc_attrs.of(self.document.id)
        if old != values:
            self.undo_stack.push(
                SetDocAttrsCommand(*self._store, self.document.id, old, values, self.annotator)
            )

    # -- the current span ------------------------------------------------------

    def set_current(self, span: Span | None) -> None:
        self.state.set_current(span)

    def span_after(self, offset: int, *, backwards: bool = False) -> Span | None:
        return self.state.span_after(offset, backwards=backwards)

    def span_by_id(self, span_id: int) -> Span | None:
        return self.state.span_by_id(span_id)

    @property
    def _store(self) -> tuple[DocumentState, Project]:
        """What every command is built with: the state it updates and the store it writes."""
        return self.state, self.project

    # -- suggestions follow the stream of changes -------------------------------

    def _on_changes_applied(self, changes: Changes) -> None:
        """What a change means for the suggestions (the views follow the state themselves)."""
        if changes.opened is not None:
            # Proposals are drawn a turn after the text and its spans: the first paint
            # does not wait on them, and anything that asks for them first gets them.
            self.proposals.refresh_soon()
            return
        if changes.doc_id is None or changes.doc_id != self.state.doc_id:
            return
        for span in changes.spans_added:
            self.proposals.drop(span.start, span.end, span.label)
        if changes.suggestions:
            self.refresh_suggestions()
        elif changes.spans_removed:
            self.proposals.refresh_soon()  # what was tagged may be a proposal again
