"""Curating a document: disagreements stepped through, accepted or rejected into gold, undone."""

from __future__ import annotations

from annotator.core.models import Document
from annotator.storage.adjudicate import auto_agreed
from annotator.storage.curation import (
    accept,
    accept_agreed,
    disagreements,
    mark_curated,
    pick,
    reject,
    revert,
)
from tests.spans import add_span

TEXT = "قال وزير الخارجية إن باكو لن تقبل الاستفتاء"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def gold(project, doc_id):
    return sorted((s.text, s.label) for s in project.spans(doc_id) if s.annotator == "gold")


def test_two_analysts_disagreements_curated_into_gold_and_undone(project):
    doc = project.add_document(Document(TEXT))
    for name in ("alice", "bob"):
        add_span(project, doc, *at("باكو"), "LOCATION", annotator=name)  # agreed
    claim_a = add_span(project, doc, *at("لن تقبل الاستفتاء"), "CLAIM", annotator="alice")
    actor_a = add_span(project, doc, *at("وزير الخارجية"), "ACTOR", annotator="alice")
    project.add_relation("SOURCE", claim_a.id, actor_a.id, annotator="alice")
    add_span(project, doc, *at("لن تقبل الاستفتاء"), "CLAIM", annotator="bob")
    add_span(project, doc, *at("وزير"), "ACTOR", annotator="bob")
    add_span(project, doc, *at("الاستفتاء"), "CUE", annotator="bob")

    assert len(accept_agreed(project, doc).added) == 2  # باكو and the claim
    assert accept_agreed(project, doc).added == []  # opened again: nothing written
    assert auto_agreed(project).spans == 0
    found = disagreements(project, doc)
    assert [(d.start, d.annotators) for d in found] == [
        (at("وزير")[0], ("alice", "bob")),  # وزير الخارجية / وزير
        (at("الاستفتاء")[0], ("bob",)),  # bob's CUE inside the agreed claim
    ]

    step = accept(project, doc, pick(found[0], ["alice"]))
    assert gold(project, doc) == [("باكو", "LOCATION"), ("لن تقبل الاستفتاء", "CLAIM"),
                                  ("وزير الخارجية", "ACTOR")]  # fmt: skip
    gold_relations = [r for r in project.relations(doc) if r.annotator == "gold"]
    assert len(gold_relations) == 1 and step.relations == [gold_relations[0].id]

    revert(project, step)
    assert ("وزير الخارجية", "ACTOR") not in gold(project, doc)
    assert not [r for r in project.relations(doc) if r.annotator == "gold"]

    accept(project, doc, pick(disagreements(project, doc)[0], ["alice", "bob"]))  # both
    assert {("وزير", "ACTOR"), ("وزير الخارجية", "ACTOR")} <= set(gold(project, doc))
    rejected = reject(project, disagreements(project, doc)[0])
    assert ("وزير", "ACTOR") not in gold(project, doc)
    revert(project, rejected)
    assert ("وزير", "ACTOR") in gold(project, doc)

    mark_curated(project, doc)
    status = project.db.execute(
        "SELECT status FROM layers WHERE doc_id = ? AND annotator = 'gold'", [doc]
    ).fetchone()
    assert status == ("curated",)
