"""The window's writes, each returning the ``Changes`` it made.

A thin layer over ``Project``, ``EntityStore`` and the suggestion rejections:
one call each (one transaction), then the record of what changed, read from
what the store returned rather than guessed by the caller. The undo commands
(``gui.commands``) call these and hand the record to the document state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from annotator.core.changes import Changes
from annotator.core.errors import StoreError
from annotator.core.models import Entity, NewSpan, Relation, Span, Status
from annotator.core.suggest import Suggestion
from annotator.storage.entities import Merge
from annotator.storage.project import Project
from annotator.storage.suggestions import reject, unreject


def _status(project: Project, doc_id: int) -> Status:
    row = project.db.execute("SELECT status FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:  # deleted by another process since it was opened
        raise StoreError(f"no document with id {doc_id}")
    return Status(row[0])


def _promoted(project: Project, doc_id: int, before: Status) -> Status | None:
    """The store marks a ``todo`` document in progress with its first span: say so."""
    after = _status(project, doc_id)
    return after if after is not before else None


def add_span(project: Project, doc_id: int, new: NewSpan) -> Changes:
    before = _status(project, doc_id)
    span = project.add_span(doc_id, new)
    return Changes(doc_id, spans_added=(span,), status=_promoted(project, doc_id, before))


def restore_span(project: Project, span: Span, relations: Iterable[Relation]) -> Changes:
    assert span.doc_id is not None
    relations = tuple(relations)
    project.restore_span(span, relations)
    return Changes(span.doc_id, spans_added=(span,), relations_added=relations)


def delete_span(project: Project, span_id: int) -> Changes:
    span, relations = project.delete_span(span_id)
    assert span.doc_id is not None
    return Changes(span.doc_id, spans_removed=(span,), relations_removed=tuple(relations))


def update_span(project: Project, span_id: int, *, start: int, end: int, label: str) -> Changes:
    old = project.span(span_id)
    new = project.update_span(span_id, start=start, end=end, label=label)
    assert new.doc_id is not None
    return Changes(new.doc_id, spans_changed=((old, new),))


def set_span_attrs(project: Project, span_id: int, attrs: Mapping[str, Any]) -> Changes:
    old = project.span(span_id)
    new = project.set_span_attrs(span_id, attrs)
    assert new.doc_id is not None
    return Changes(new.doc_id, spans_changed=((old, new),))


def link_entity(project: Project, span_id: int, entity_id: int | None) -> Changes:
    old = project.span(span_id)
    new = project.link_entity(span_id, entity_id)
    assert new.doc_id is not None
    return Changes(new.doc_id, spans_changed=((old, new),), entities=True)


def add_relation(
    project: Project,
    label: str,
    head: int,
    tail: int,
    attrs: Mapping[str, Any],
    annotator: str | None,
) -> Changes:
    relation = project.add_relation(label, head, tail, attrs=attrs, annotator=annotator)
    assert relation.doc_id is not None
    return Changes(relation.doc_id, relations_added=(relation,))


def restore_relation(project: Project, relation: Relation) -> Changes:
    assert relation.doc_id is not None
    project.restore_relation(relation)
    return Changes(relation.doc_id, relations_added=(relation,))


def delete_relation(project: Project, relation_id: int) -> Changes:
    relation = project.delete_relation(relation_id)
    assert relation.doc_id is not None
    return Changes(relation.doc_id, relations_removed=(relation,))


def set_relation_attrs(project: Project, relation_id: int, attrs: Mapping[str, Any]) -> Changes:
    old = project.relation(relation_id)
    new = project.set_relation_attrs(relation_id, attrs)
    assert new.doc_id is not None
    return Changes(new.doc_id, relations_changed=((old, new),))


def set_status(project: Project, doc_id: int, status: Status) -> Changes:
    project.set_status(doc_id, status)
    return Changes(doc_id, status=status)


def set_doc_attrs(
    project: Project, doc_id: int, values: Mapping[str, Any], annotator: str | None
) -> Changes:
    change = project.doc_attrs.set(doc_id, dict(values), annotator=annotator)
    return Changes(doc_id, doc_attrs=dict(change.after))


def add_entity(project: Project, entity: Entity) -> tuple[Entity, Changes]:
    return project.entities.add(entity), Changes(entities=True)


def update_entity(project: Project, entity: Entity) -> Changes:
    project.entities.update(entity)
    return Changes(entities=True)


def delete_entity(project: Project, entity_id: int) -> Changes:
    project.entities.delete(entity_id)
    return Changes(entities=True)


def _relinked(project: Project, doc_id: int | None, before: list[Span]) -> Changes:
    """Entity links moved under many spans at once: those of ``doc_id`` that changed."""
    if doc_id is None:
        return Changes(entities=True)
    after = {s.id: s for s in project.spans(doc_id)}
    changed = tuple((old, after[old.id]) for old in before if after.get(old.id, old) != old)
    return Changes(doc_id, spans_changed=changed, entities=True)


def merge_entities(
    project: Project, keep: int, gone: int, open_doc: int | None
) -> tuple[Merge, Changes]:
    """Fold ``gone`` into ``keep``; the changes name the spans of ``open_doc`` relinked."""
    before = project.spans(open_doc) if open_doc is not None else []
    merge = project.entities.merge(keep, gone)
    return merge, _relinked(project, open_doc, before)


def unmerge_entities(project: Project, merge: Merge, open_doc: int | None) -> Changes:
    before = project.spans(open_doc) if open_doc is not None else []
    project.entities.unmerge(merge)
    return _relinked(project, open_doc, before)


def reject_suggestion(project: Project, doc_id: int, suggestion: Suggestion) -> Changes:
    reject(project, doc_id, suggestion)
    return Changes(doc_id, suggestions=True)


def unreject_suggestion(project: Project, doc_id: int, suggestion: Suggestion) -> Changes:
    unreject(project, doc_id, suggestion)
    return Changes(doc_id, suggestions=True)
