"""The window's writes return what they changed, read from the store, not guessed."""

from __future__ import annotations

from annotator.core.models import Document, Entity, NewSpan, Status
from annotator.storage import operations as ops
from annotator.storage.project import Project

TEXT = "قالت وزارة الدفاع في أذربيجان إن القتال اندلع في عدة أماكن اليوم"


def _new(start: int, end: int, label: str, annotator: str | None) -> NewSpan:
    return NewSpan(start, end, label, TEXT[start:end], annotator=annotator)


def test_the_first_span_reports_the_document_in_progress(project: Project):
    doc_id = project.add_document(Document(TEXT))
    first = ops.add_span(project, doc_id, _new(5, 17, "ACTOR", "analyst"))
    assert first.status is Status.IN_PROGRESS
    assert [s.text for s in first.spans_added] == ["وزارة الدفاع"]
    second = ops.add_span(project, doc_id, _new(21, 29, "LOCATION", "analyst"))
    assert second.status is None  # no change this time


def test_deleting_a_span_reports_its_relations_and_restoring_brings_them_back(project):
    doc_id = project.add_document(Document(TEXT))
    claim = ops.add_span(project, doc_id, _new(33, 46, "CLAIM", None)).spans_added[0]
    actor = ops.add_span(project, doc_id, _new(5, 17, "ACTOR", None)).spans_added[0]
    link = ops.add_relation(project, "SOURCE", claim.id, actor.id, {}, None)
    [relation] = link.relations_added
    gone = ops.delete_span(project, actor.id)
    assert gone.spans_removed == (actor,) and gone.relations_removed == (relation,)
    back = ops.restore_span(project, actor, gone.relations_removed)
    assert project.relations(doc_id) == [relation] and back.relations_added == (relation,)


def test_a_merge_reports_the_open_documents_spans_it_relinked(project: Project):
    doc_id = project.add_document(Document(TEXT))
    actor = ops.add_span(project, doc_id, _new(5, 17, "ACTOR", None)).spans_added[0]
    keep, _ = ops.add_entity(project, Entity("وزارة الدفاع الأذربيجانية", "ACTOR"))
    gone, _ = ops.add_entity(project, Entity("وزارة الدفاع", "ACTOR"))
    ops.link_entity(project, actor.id, gone.id)
    merge, changes = ops.merge_entities(project, keep.id, gone.id, doc_id)
    [(old, new)] = changes.spans_changed
    assert (old.entity_id, new.entity_id) == (gone.id, keep.id) and changes.entities
    undone = ops.unmerge_entities(project, merge, doc_id)
    assert [new.entity_id for _, new in undone.spans_changed] == [gone.id]
