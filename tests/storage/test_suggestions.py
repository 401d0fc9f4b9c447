"""Suggestions from the registry and from other documents; rejections remembered."""

from __future__ import annotations

from annotator.core.models import Document, Entity
from annotator.storage.project import Project
from annotator.storage.suggestions import reject, suggestions_for, unreject
from tests.spans import add_span

OTHER = "وصل وزير خارجية أرمينيا إلى موسكو"
TEXT = "قالت أذربيجان إن أرمينيا وباكو، ولأرمينيا موقف"


def test_from_registry_and_from_spans_elsewhere(project: Project):
    other = project.add_document(Document(OTHER))
    start = OTHER.index("أرمينيا")
    add_span(project, other, start, start + 7, "ACTOR")
    entity = project.entities.add(Entity("أذربيجان", "LOCATION", aliases=("باكو",)))
    doc = project.add_document(Document(TEXT))
    found = [(s.text, s.label, s.entity_id) for s in suggestions_for(project, doc)]
    assert found == [
        ("أذربيجان", "LOCATION", entity.id),
        ("أرمينيا", "ACTOR", None),
        ("باكو", "LOCATION", entity.id),
        ("أرمينيا", "ACTOR", None),
    ]
    first = suggestions_for(project, doc)[0]
    reject(project, doc, first)
    assert first not in suggestions_for(project, doc)
    unreject(project, doc, first)
    assert first in suggestions_for(project, doc)
    assert [s.text for s in suggestions_for(project, doc, cues=True) if s.label == "CUE"] == [
        "قالت"
    ]
