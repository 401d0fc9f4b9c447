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
