"""Domain objects: a stored span's or relation's attributes cannot change behind the store."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

from annotator.core.models import NewSpan, Relation, Span


def test_attributes_refuse_every_change_in_place():
    span = Span(0, 4, "CLAIM", "خبرٌ", 1, attrs={"factuality": "asserted"})
    relation = Relation("SOURCE", 1, 2, 1, attrs={"stance": "pro"})
    new = NewSpan(0, 4, "CLAIM", "خبرٌ", attrs={"factuality": "asserted"})
    for attrs in (span.attrs, relation.attrs, new.attrs):
        key = next(iter(attrs))
        for change in (
            lambda a, k=key: a.__setitem__(k, "x"),
            lambda a, k=key: a.__delitem__(k),
            lambda a, k=key: a.pop(k),
            lambda a: a.update(other="x"),
            lambda a: a.setdefault("other", "x"),
            lambda a: a.clear(),
            lambda a: a.popitem(),
        ):
            with pytest.raises(TypeError, match="read-only"):
                change(attrs)
    assert span.attrs == {"factuality": "asserted"} and relation.attrs == {"stance": "pro"}


def test_read_only_attributes_still_travel_as_a_dict():
    """JSON, the import's reader processes (pickle) and copies see the same values."""
    span = Span(0, 4, "CLAIM", "خبرٌ", id=7, doc_id=1, attrs={"factuality": "مؤكد"})
    assert json.dumps(span.attrs, ensure_ascii=False) == '{"factuality": "مؤكد"}'
    assert pickle.loads(pickle.dumps(span)) == span
    assert copy.deepcopy(span) == span == copy.copy(span)
    changed = span.attrs | {"factuality": "denied"}  # a new mapping, to store
    assert changed == {"factuality": "denied"} and span.attrs["factuality"] == "مؤكد"


def test_a_span_or_relation_cannot_be_made_without_an_id():
    """What refers to a span needs its id: leaving it out is an error, not a silent 0."""
    with pytest.raises(TypeError, match="id"):
        Span(0, 1, "X", "a")
    with pytest.raises(TypeError, match="id"):
        Relation("SOURCE", 1, 2)
    with pytest.raises(TypeError):
        NewSpan(0, 1, "X", "a", id=3)  # a span to store has no id yet


def test_a_spans_unsaved_form_is_its_content_without_ids():
    span = Span(3, 7, "ACTOR", "وزير", 12, doc_id=4, attrs={"n": 1}, annotator="sara", entity_id=9)
    new = span.unsaved()
    assert new == NewSpan(3, 7, "ACTOR", "وزير", {"n": 1}, "sara", 9)
    with pytest.raises(TypeError, match="read-only"):
        new.attrs["n"] = 2
