"""The document state: one in-memory copy of the open document, told once per write."""

from __future__ import annotations

from annotator.core.changes import Changes, DocumentState
from annotator.core.models import Document, Relation, Span, Status

TEXT = "قالت وزارة الدفاع في أذربيجان إن القتال اندلع"


def span(start: int, end: int, label: str, span_id: int) -> Span:
    return Span(start, end, label, TEXT[start:end], span_id, 1)


def opened() -> tuple[DocumentState, list[Changes]]:
    state = DocumentState()
    told: list[Changes] = []
    state.changes_applied.connect(told.append)
    state.open(Document(TEXT, 1), [span(21, 29, "LOCATION", 2), span(5, 17, "ACTOR", 1)], [])
    return state, told


def test_open_sorts_spans_in_reading_order_and_tells_once():
    state, told = opened()
    assert [s.id for s in state.spans] == [1, 2]
    assert len(told) == 1 and told[0].opened is not None


def test_apply_folds_every_kind_of_change_and_tells_once():
    state, told = opened()
    claim = span(0, 45, "CLAIM", 3)
    relabelled = span(21, 29, "ACTOR", 2)
    link = Relation("SOURCE", 3, 1, 7, 1)
    changes = Changes(
        1,
        spans_added=(claim,),
        spans_changed=((state.spans[1], relabelled),),
        relations_added=(link,),
        status=Status.IN_PROGRESS,
    )
    state.apply(changes)
    assert [(s.id, s.label) for s in state.spans] == [(3, "CLAIM"), (1, "ACTOR"), (2, "ACTOR")]
    assert state.relations == [link]
    assert state.document is not None and state.document.status is Status.IN_PROGRESS
    assert told[1:] == [changes]
    state.apply(Changes(1, spans_removed=(claim,), relations_removed=(link,)))
    assert [s.id for s in state.spans] == [1, 2] and state.relations == []


def test_changes_to_another_document_are_told_but_not_folded():
    state, told = opened()
    elsewhere = Changes(9, spans_added=(Span(0, 4, "CUE", "قالت", 5, 9),))
    state.apply(elsewhere)
    assert [s.id for s in state.spans] == [1, 2]
    assert told[-1] is elsewhere


def current_told(state: DocumentState) -> list[Span | None]:
    told: list[Span | None] = []
    state.current_changed.connect(told.append)
    return told


def test_a_span_made_becomes_current_after_every_view_has_seen_it():
    state, _ = opened()
    order: list[str] = []
    state.changes_applied.connect(lambda _: order.append("views"))
    state.current_changed.connect(lambda span: order.append(f"current {span.id}"))
    claim = span(0, 45, "CLAIM", 3)
    state.apply(Changes(1, spans_added=(claim,)))
    assert state.current == claim
    assert order == ["views", "current 3"]


def test_a_relabel_keeps_its_span_current_and_a_deletion_clears_it():
    state, _ = opened()
    told = current_told(state)
    actor = state.spans[0]
    state.set_current(actor)
    relabelled = span(5, 17, "LOCATION", 1)
    state.apply(Changes(1, spans_changed=((actor, relabelled),)))
    assert state.current == relabelled
    state.apply(Changes(1, spans_removed=(relabelled,)))
    assert state.current is None
    assert told == [actor, relabelled, None]


def test_an_entity_merge_touching_several_spans_leaves_the_current_one_where_it_is():
    state, _ = opened()
    actor, place = state.spans
    state.set_current(place)
    linked_actor = Span(5, 17, "ACTOR", actor.text, 1, 1, entity_id=4)
    state.apply(Changes(1, spans_changed=((actor, linked_actor),), entities=True))
    assert state.current == place
    linked_place = Span(21, 29, "LOCATION", place.text, 2, 1, entity_id=4)
    state.apply(Changes(1, spans_changed=((place, linked_place),), entities=True))
    assert state.current == linked_place  # the same span, as stored now


def test_an_edit_elsewhere_or_a_link_does_not_move_the_current_span():
    state, _ = opened()
    actor = state.spans[0]
    state.set_current(actor)
    told = current_told(state)
    state.apply(Changes(9, spans_added=(Span(0, 4, "CUE", "قالت", 5, 9),)))
    state.apply(Changes(1, relations_added=(Relation("SOURCE", 1, 2, 7, 1),)))
    assert state.current == actor and told == []


def test_opening_a_document_clears_the_current_span_and_tab_starts_at_the_caret():
    state, _ = opened()
    state.set_current(state.spans[1])
    told = current_told(state)
    state.open(Document(TEXT, 1), [span(21, 29, "LOCATION", 2), span(5, 17, "ACTOR", 1)], [])
    assert state.current is None and told == [None]
    assert state.span_after(10) == state.spans[1]
    state.set_current(state.spans[1])
    assert state.span_after(10) == state.spans[0]  # from the current span, wrapping
    assert state.span_after(10, backwards=True) == state.spans[0]


def test_closing_empties_the_state_and_tells_once_as_a_whole_change():
    state, told = opened()
    state.set_current(state.spans[0])
    current = current_told(state)
    state.close()
    assert state.document is None and state.spans == [] and state.relations == []
    assert told[-1].closed and told[-1].whole and told[-1].doc_id == 1
    assert current == [None]
    state.close()  # nothing open: nothing to tell
    assert len([c for c in told if c.closed]) == 1
