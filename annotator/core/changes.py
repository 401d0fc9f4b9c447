"""What an edit changed, and the one in-memory copy of the open document that follows it.

Every write the window makes returns a ``Changes`` record (``storage.operations``);
``DocumentState.apply`` folds it into the open document's spans and relations and
tells every subscriber once (``changes_applied``). Views and item models decide
from the record what to redraw; none keeps its own copy of the span list, and
nothing has to guess which row is "the one just made" (Anki's operations that
return what changed, napari's evented model without Qt).

The current span (the one Tab reached, a label key just made, the links panel
lists) is part of the state too: where an edit moves it (a span made becomes
current, a deleted one stops being current) is decided here, once, from the
record, and told through ``current_changed`` after every view has redrawn.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from annotator.core.models import Document, Relation, Span, Status

T = TypeVar("T")


class Event(Generic[T]):
    """A list of callbacks called with one value: a signal without Qt.

    ``last``: called after every other callback. The views redraw what changed
    first; then the one that moves the current span may select it in them.
    """

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], None]] = []
        self._last: list[Callable[[T], None]] = []

    def connect(self, callback: Callable[[T], None], *, last: bool = False) -> None:
        (self._last if last else self._callbacks).append(callback)

    def disconnect(self, callback: Callable[[T], None]) -> None:
        for callbacks in (self._callbacks, self._last):
            if callback in callbacks:
                callbacks.remove(callback)

    def emit(self, value: T) -> None:
        for callback in [*self._callbacks, *self._last]:
            callback(value)


@dataclass(frozen=True, slots=True)
class Changes:
    """One write's effect. ``doc_id``: the document it touched (None: the registry only).

    ``opened``: a document was (re)loaded whole; the views redraw everything.
    ``closed``: no document is open any more (deleted by another process, the last one).
    """

    doc_id: int | None = None
    spans_added: tuple[Span, ...] = ()
    spans_removed: tuple[Span, ...] = ()
    spans_changed: tuple[tuple[Span, Span], ...] = ()  # (old, new)
    relations_added: tuple[Relation, ...] = ()
    relations_removed: tuple[Relation, ...] = ()
    relations_changed: tuple[tuple[Relation, Relation], ...] = ()
    status: Status | None = None  # the document's status after the write, where it changed
    entities: bool = False  # the registry changed (an entity added, edited, merged, linked)
    suggestions: bool = False  # a suggestion was rejected or brought back
    doc_attrs: Mapping[str, Any] | None = None  # the document's attribute values, if set
    opened: Document | None = None
    closed: bool = False

    @property
    def whole(self) -> bool:
        """The open document was replaced (opened, or closed): every view starts again."""
        return self.opened is not None or self.closed

    @property
    def spans(self) -> bool:
        return bool(self.spans_added or self.spans_removed or self.spans_changed)

    @property
    def relations(self) -> bool:
        return bool(self.relations_added or self.relations_removed or self.relations_changed)


def reading_order(span: Span) -> tuple[int, int, int]:
    return (span.start, -span.end, span.id)


@dataclass
class DocumentState:
    """The open document, its spans (reading order) and relations: the one copy in memory.

    Events:
        changes_applied(Changes): after every ``apply`` and ``open``.
        current_changed(Span | None): the current span is another one (or none), or the
            same stored span changed (relabelled, moved, linked): after ``changes_applied``,
            so views show a new span before it is selected in them.
        reported(str): an edit failed; the message says why.
        wanted(int): an undo or redo is about to touch that document, not the open one:
            whoever opens documents opens it first.
    """

    document: Document | None = None
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    current: Span | None = None
    changes_applied: Event[Changes] = field(default_factory=Event)
    current_changed: Event[Span | None] = field(default_factory=Event)
    reported: Event[str] = field(default_factory=Event)
    wanted: Event[int] = field(default_factory=Event)

    @property
    def doc_id(self) -> int | None:
        return self.document.id if self.document is not None else None

    def open(self, document: Document, spans: list[Span], relations: list[Relation]) -> None:
        self.document = document
        self.spans = sorted(spans, key=reading_order)
        self.relations = list(relations)
        previous, self.current = self.current, None
        self.changes_applied.emit(Changes(document.id, opened=document))
        if previous is not None:
            self.current_changed.emit(None)

    def close(self) -> None:
        """No document open (the open one was deleted elsewhere and none is left to show)."""
        if self.document is None:
            return
        closed_id = self.document.id
        previous, self.current = self.current, None
        self.document, self.spans, self.relations = None, [], []
        self.changes_applied.emit(Changes(closed_id, closed=True))
        if previous is not None:
            self.current_changed.emit(None)

    def apply(self, changes: Changes) -> None:
        """Fold ``changes`` into the open document (if it is the one touched), tell, then
        move the current span where the edit leaves it."""
        mine = changes.doc_id is not None and changes.doc_id == self.doc_id
        if mine:
            self._fold(changes)
        self.changes_applied.emit(changes)
        if mine:
            self.set_current(self._current_after(changes))

    def set_current(self, span: Span | None) -> None:
        """Make ``span`` current (None: no span); told only when that changes something."""
        if span != self.current:
            self.current = span
            self.current_changed.emit(span)

    def _current_after(self, changes: Changes) -> Span | None:
        """Where an edit leaves the current span: on the last span it made; on the span it
        changed when it changed one (a relabel, a moved edge: not an entity merge that
        touched several); gone with a deleted one; else where it was, as stored now."""
        if changes.spans_added:
            return changes.spans_added[-1]
        if len(changes.spans_changed) == 1 and not changes.entities:
            return changes.spans_changed[0][1]
        current = self.current
        if current is None:
            return None
        if any(s.id == current.id for s in changes.spans_removed):
            return None
        return next((new for _, new in changes.spans_changed if new.id == current.id), current)

    def _fold(self, changes: Changes) -> None:
        gone = {s.id for s in changes.spans_removed} | {old.id for old, _ in changes.spans_changed}
        if gone:
            self.spans = [s for s in self.spans if s.id not in gone]
        for span in (*changes.spans_added, *(new for _, new in changes.spans_changed)):
            insort(self.spans, span, key=reading_order)
        gone = {r.id for r in changes.relations_removed}
        gone |= {old.id for old, _ in changes.relations_changed}
        if gone:
            self.relations = [r for r in self.relations if r.id not in gone]
        self.relations.extend(changes.relations_added)
        self.relations.extend(new for _, new in changes.relations_changed)
        if changes.status is not None and self.document is not None:
            self.document = replace(self.document, status=changes.status)

    def report(self, message: str) -> None:
        self.reported.emit(message)

    def span_by_id(self, span_id: int) -> Span | None:
        return next((s for s in self.spans if s.id == span_id), None)

    def links_of(self, span: Span) -> list[Relation]:
        return [r for r in self.relations if span.id in (r.head, r.tail)]

    def span_after(self, offset: int, *, backwards: bool = False) -> Span | None:
        """The next span in reading order after the current one (or after ``offset``): Tab."""
        current = self.current
        if not self.spans:
            return None
        if current is not None and current in self.spans:
            index = self.spans.index(current) + (-1 if backwards else 1)
            return self.spans[index % len(self.spans)]
        if backwards:
            before = [s for s in self.spans if s.start < offset]
            return before[-1] if before else self.spans[-1]
        return next((s for s in self.spans if s.start >= offset), self.spans[0])

    def counts(self, labels: Iterable[str]) -> dict[str, int]:
        """Spans per label, every label of ``labels`` counted (zero included)."""
        counts = dict.fromkeys(labels, 0)
        for span in self.spans:
            counts[span.label] = counts.get(span.label, 0) + 1
        return counts
