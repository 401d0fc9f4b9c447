"""settle: each span and relation once, every relation still joining spans of the record."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.assets import default_schema
from annotator.core.import_rules import NAMED, REPEATED_SPANS, UNLABELLED, settle
from annotator.core.models import AnnotatedDocument, Document, Relation, Span

TEXT = "قالت وزارة الدفاع إن صواريخ أطلقت من أرمينيا"
TYPES = default_schema().relation_labels


@st.composite
def records(draw) -> AnnotatedDocument:
    spans = []
    for i in range(draw(st.integers(1, 8))):
        start = draw(st.integers(0, 6))
        end = draw(st.integers(start + 1, 8))
        label = draw(st.sampled_from(["CLAIM", "ACTOR", "CUE", "LOCATION"]))
        who = draw(st.sampled_from([None, "salma"]))
        spans.append(Span(start, end, label, TEXT[start:end], id=i, annotator=who))
    relations = [
        Relation(draw(st.sampled_from(["SOURCE", UNLABELLED])), h, t, id=i)
        for i, (h, t) in enumerate(
            draw(
                st.lists(
                    st.tuples(st.integers(0, len(spans) - 1), st.integers(0, len(spans) - 1)),
                    max_size=6,
                )
            )
        )
    ]
    return AnnotatedDocument(Document(TEXT), tuple(spans), tuple(relations))


def span_key(s: Span) -> tuple:
    return (s.start, s.end, s.label, s.annotator or "")


@settings(max_examples=200, deadline=None)
@given(records())
def test_settle_keeps_each_distinct_span_once_and_relations_joined(record: AnnotatedDocument):
    notes: Counter[str] = Counter()
    settled = settle(record, TYPES, notes)
    assert sorted(map(span_key, settled.spans)) == sorted(set(map(span_key, record.spans)))
    assert notes[REPEATED_SPANS] == len(record.spans) - len(settled.spans)
    ids = {s.id for s in settled.spans}
    assert all(r.head in ids and r.tail in ids and r.label for r in settled.relations)
    keys = [(r.label, r.head, r.tail) for r in settled.relations]
    assert len(keys) == len(set(keys))
    again: Counter[str] = Counter()
    assert settle(settled, TYPES, again) == settled and not again  # nothing left to settle


def test_a_record_with_nothing_to_settle_comes_back_as_it_is_and_counts_nothing():
    spans = (Span(0, 4, "CUE", TEXT[0:4], id=0), Span(21, 44, "CLAIM", TEXT[21:44], id=1))
    unnamed = AnnotatedDocument(Document(TEXT), spans, (Relation(UNLABELLED, 1, 0, id=0),))
    notes: Counter[str] = Counter()
    named = settle(unnamed, TYPES, notes)
    assert [r.label for r in named.relations] == ["CUE"] and set(notes) == {NAMED}
    notes.clear()
    assert settle(named, TYPES, notes) is named and not notes
