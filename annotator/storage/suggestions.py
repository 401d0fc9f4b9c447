"""Suggestions for a document from what the project already knows, minus what was rejected."""

from __future__ import annotations

from annotator.core.models import Display
from annotator.core.suggest import Known, Suggestion, cue_suggestions, suggest
from annotator.storage.database import write_transaction
from annotator.storage.project import Project

CUE = "CUE"


def known_names(project: Project, doc_id: int) -> list[Known]:
    """Registry names and aliases, and span texts tagged in other documents (entity labels)."""
    labels = {
        lb.name
        for lb in project.schema.span_labels
        if lb.display is Display.BACKGROUND and lb.name != CUE
    }
    known: list[Known] = []
    for summary in project.entities.all():
        entity = summary.entity
        if entity.kind in labels:
            known += [
                Known(name, entity.kind, entity.id) for name in (entity.name, *entity.aliases)
            ]
    rows = project.db.execute(
        "SELECT DISTINCT text, label, entity_id FROM spans WHERE doc_id != ?", [doc_id]
    )
    known += [Known(text, label, entity) for text, label, entity in rows if label in labels]
    return known


def rejected(project: Project, doc_id: int) -> set[tuple[int, int, str]]:
    return {
        (r[0], r[1], r[2])
        for r in project.db.execute(
            'SELECT start, "end", label FROM rejected_suggestions WHERE doc_id = ?', [doc_id]
        )
    }


def suggestions_for(project: Project, doc_id: int, *, cues: bool = False) -> list[Suggestion]:
    text = project.document(doc_id).text
    taken = {(s.start, s.end, s.label) for s in project.spans(doc_id)} | rejected(project, doc_id)
    found = suggest(text, known_names(project, doc_id), taken)
    if cues:
        found = sorted([*found, *cue_suggestions(text, taken)], key=lambda s: (s.start, -s.end))
    return found


def reject(project: Project, doc_id: int, suggestion: Suggestion) -> None:
    with write_transaction(project.db):
        project.db.execute(
            "INSERT OR IGNORE INTO rejected_suggestions "
            '(doc_id, start, "end", label) VALUES (?, ?, ?, ?)',
            [doc_id, suggestion.start, suggestion.end, suggestion.label],
        )


def unreject(project: Project, doc_id: int, suggestion: Suggestion) -> None:
    with write_transaction(project.db):
        project.db.execute(
            "DELETE FROM rejected_suggestions "
            'WHERE doc_id = ? AND start = ? AND "end" = ? AND label = ?',
            [doc_id, suggestion.start, suggestion.end, suggestion.label],
        )
