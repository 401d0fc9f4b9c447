"""The undo commands that add and delete spans: what the store holds after each step."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from annotator.core.changes import DocumentState
from annotator.core.models import Document, NewSpan
from annotator.gui.workspace.commands import (
    AddRelationCommand,
    AddSpanCommand,
    DeleteSpanCommand,
)
from annotator.storage.project import Project

TEXT = "قالت وزارة الدفاع في أذربيجان إن القتال اندلع في عدة أماكن اليوم"


def _opened(project: Project) -> tuple[DocumentState, int]:
    doc_id = project.add_document(Document(TEXT))
    state = DocumentState()
    state.open(project.document(doc_id), [], [])
    return state, doc_id


def test_adding_a_span_gives_the_stored_span_and_redo_keeps_its_id(qapp, project: Project):
    state, doc_id = _opened(project)
    stack = QUndoStack()
    add = AddSpanCommand(
        state, project, doc_id, NewSpan(5, 17, "ACTOR", TEXT[5:17], annotator="sara")
    )
    stack.push(add)
    assert add.span is not None and add.span.doc_id == doc_id
    assert project.spans(doc_id) == state.spans == [add.span]
    assert stack.undoText() == "Tag ACTOR"
    stack.undo()
    assert project.spans(doc_id) == state.spans == []
    stack.redo()
    assert project.spans(doc_id) == state.spans == [add.span]


def test_undo_of_a_delete_stores_the_same_span_and_links_again(qapp, project: Project):
    state, doc_id = _opened(project)
    stack = QUndoStack()
    adds = [
        AddSpanCommand(state, project, doc_id, NewSpan(33, 46, "CLAIM", TEXT[33:46])),
        AddSpanCommand(state, project, doc_id, NewSpan(5, 17, "ACTOR", TEXT[5:17])),
    ]
    for command in adds:
        stack.push(command)
    claim, actor = (command.span for command in adds)
    assert claim is not None and actor is not None
    link = AddRelationCommand(state, project, "SOURCE", claim.id, actor.id, "sara")
    stack.push(link)
    assert link.relation is not None
    before = (project.spans(doc_id), project.relations(doc_id))
    stack.push(DeleteSpanCommand(state, project, actor))
    assert project.spans(doc_id) == [claim] and project.relations(doc_id) == []
    stack.undo()
    assert (project.spans(doc_id), project.relations(doc_id)) == before
    assert (state.spans, state.relations) == before
    assert project.relation(link.relation.id) == link.relation
