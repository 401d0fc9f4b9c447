"""A span is stored from a ``NewSpan`` and comes back a ``Span`` with the row's id."""

from __future__ import annotations

import pytest

from annotator.core.errors import SpanError
from annotator.core.models import Document, Entity, NewSpan
from annotator.storage import operations as ops
from annotator.storage.project import Project

TEXT = "قالت وزارة الدفاع في أذربيجان إن القتال اندلع في عدة أماكن اليوم"


def test_add_span_returns_the_stored_row(project: Project):
    doc_id = project.add_document(Document(TEXT))
    new = NewSpan(5, 17, "ACTOR", TEXT[5:17], annotator="sara")
    first = project.add_span(doc_id, new)
    second = project.add_span(doc_id, NewSpan(21, 29, "LOCATION", TEXT[21:29]))
    assert first.id != second.id and first.doc_id == second.doc_id == doc_id
    row = project.db.conn.execute(
        'SELECT doc_id, start, "end", label, text, annotator FROM spans WHERE id = ?', [first.id]
    ).fetchone()
    assert tuple(row) == (doc_id, 5, 17, "ACTOR", "وزارة الدفاع", "sara")
    assert project.span(first.id) == first and first.unsaved() == new
    assert project.spans(doc_id) == [first, second]


def test_a_new_span_carries_its_attributes_and_entity_link_into_the_row(project: Project):
    doc_id = project.add_document(Document(TEXT))
    place = project.entities.add(Entity("أذربيجان", "LOCATION"))
    assert place.id is not None
    stored = project.add_span(doc_id, NewSpan(21, 29, "LOCATION", TEXT[21:29], entity_id=place.id))
    claim = project.add_span(
        doc_id, NewSpan(33, 46, "CLAIM", TEXT[33:46], attrs={"factuality": "asserted"})
    )
    assert project.span(stored.id).entity_id == place.id
    assert project.span(claim.id).attrs == {"factuality": "asserted"}


def test_a_new_span_whose_text_is_not_at_its_offsets_is_refused(project: Project):
    doc_id = project.add_document(Document(TEXT))
    with pytest.raises(SpanError, match="differs from the text at those offsets"):
        project.add_span(doc_id, NewSpan(5, 17, "ACTOR", "وزارة الخارجية"))
    assert project.spans(doc_id) == []


def test_a_deleted_span_comes_back_as_it_was_stored(project: Project):
    """Undo of a delete: the same id, attributes, analyst, entity link and relations."""
    doc_id = project.add_document(Document(TEXT))
    place = project.entities.add(Entity("أذربيجان", "LOCATION"))
    assert place.id is not None
    claim = project.add_span(
        doc_id, NewSpan(33, 46, "CLAIM", TEXT[33:46], {"factuality": "asserted"}, "sara")
    )
    actor = project.add_span(doc_id, NewSpan(5, 17, "ACTOR", TEXT[5:17], annotator="sara"))
    where = project.add_span(
        doc_id, NewSpan(21, 29, "LOCATION", TEXT[21:29], annotator="sara", entity_id=place.id)
    )
    link = project.add_relation("SOURCE", claim.id, actor.id, attrs={"stance": "deny"})
    before = (project.spans(doc_id), project.relations(doc_id))
    for span in (where, claim):
        gone = ops.delete_span(project, span.id)
        assert project.spans(doc_id) != before[0]
        ops.restore_span(project, gone.spans_removed[0], gone.relations_removed)
        assert (project.spans(doc_id), project.relations(doc_id)) == before
    assert project.relation(link.id) == link


def test_a_moved_or_relabelled_span_comes_back_as_stored(project: Project):
    """What ``update_span`` returns is what the window shows: the row, entity link included."""
    doc_id = project.add_document(Document(TEXT))
    place = project.entities.add(Entity("أذربيجان", "LOCATION"))
    assert place.id is not None
    span = project.add_span(doc_id, NewSpan(20, 29, "LOCATION", TEXT[20:29], {}, "sara", place.id))
    moved = project.update_span(span.id, start=21)
    assert moved == project.span(span.id) and moved.entity_id == place.id


def test_an_empty_span_or_an_unknown_entity_is_refused_in_words(tmp_path):
    import pytest

    from annotator.core.errors import SpanError, StoreError
    from annotator.core.models import Document, NewSpan
    from annotator.storage.project import Project

    with Project.open(tmp_path / "p.db") as project:
        doc = project.add_document(Document("قال الوزير إن الهدنة صامدة"))
        with pytest.raises(SpanError, match="span 4-4 is empty"):
            project.add_span(doc, NewSpan(4, 4, "ACTOR", ""))
        with pytest.raises(StoreError, match="no entity with id 99 in the registry"):
            project.add_span(doc, NewSpan(4, 10, "ACTOR", "الوزير", entity_id=99))
        span = project.add_span(doc, NewSpan(4, 10, "ACTOR", "الوزير"))
        with pytest.raises(StoreError, match="no entity with id 99"):
            project.link_entity(span.id, 99)
        assert project.spans(doc) == [span]
