"""The entity registry: loose Arabic matching, linking mentions, merging and un-merging."""

from __future__ import annotations

import pytest

from annotator.core.errors import SchemaError, SpanError
from annotator.core.models import Document, Entity
from annotator.storage.project import Project
from tests.spans import add_span

TEXT = "قالت وزارة الدفاع في أذربيجان إن القتال اندلع، ونفت اذربيجان ذلك، ووأذربيجان وباكو"


def mention(project: Project, doc_id: int, word: str, occurrence: int = 0, label: str = "LOCATION"):
    at = -1
    for _ in range(occurrence + 1):
        at = TEXT.index(word, at + 1)
    return add_span(project, doc_id, at, at + len(word), label)


@pytest.fixture
def doc_id(project: Project) -> int:
    return project.add_document(Document(TEXT))


def test_candidates_match_spelling_variants(project: Project):
    azerbaijan = project.entities.add(
        Entity("أذربيجان", "LOCATION", type="country", aliases=("باكو",), wikidata="Q227")
    )
    project.entities.add(Entity("أرمينيا", "LOCATION", type="country"))
    for typed in ("أذربيجان", "اذربيجان", "وأذربيجان", "لأذربيجان", "أذَرْبيجان", "اذرب", "وباكو"):
        assert project.entities.candidates(typed, "LOCATION")[0] == azerbaijan, typed
    assert project.entities.candidates("أذربيجان", "ACTOR") == []
    assert project.entities.find("باكو", "LOCATION") == azerbaijan


def test_link_mentions_and_count_them(project: Project, doc_id: int):
    azerbaijan = project.entities.add(Entity("أذربيجان", "LOCATION"))
    first = mention(project, doc_id, "أذربيجان")
    second = mention(project, doc_id, "اذربيجان")
    for span in (first, second):
        project.link_entity(span.id, azerbaijan.id)
    [summary] = project.entities.all()
    assert (summary.mentions, summary.documents) == (2, 1)
    assert [s.text for s in project.entities.mentions(azerbaijan.id)] == ["أذربيجان", "اذربيجان"]
    assert project.span(first.id).entity_id == azerbaijan.id


def test_merge_moves_mentions_and_undo_restores_them(project: Project, doc_id: int):
    keep = project.entities.add(Entity("أذربيجان", "LOCATION", wikidata="Q227"))
    gone = project.entities.add(
        Entity("جمهورية أذربيجان", "LOCATION", aliases=("باكو",), geonames="587116")
    )
    span = mention(project, doc_id, "باكو")
    project.link_entity(span.id, gone.id)

    merge = project.entities.merge(keep.id, gone.id)
    merged = project.entities.get(keep.id)
    assert merged.aliases == ("جمهورية أذربيجان", "باكو")
    assert merged.geonames == "587116" and merged.wikidata == "Q227"
    assert project.span(span.id).entity_id == keep.id
    assert [s.entity.id for s in project.entities.all()] == [keep.id]

    project.entities.unmerge(merge)
    assert project.entities.get(keep.id) == keep
    assert project.entities.get(gone.id) == gone
    assert project.span(span.id).entity_id == gone.id


def test_deleting_an_entity_unlinks_its_mentions(project: Project, doc_id: int):
    entity = project.entities.add(Entity("أذربيجان", "LOCATION"))
    span = mention(project, doc_id, "أذربيجان")
    project.link_entity(span.id, entity.id)
    project.db.execute("DELETE FROM entities WHERE id = ?", [entity.id])
    assert project.span(span.id).entity_id is None


def test_attributes_are_checked_against_the_schema(project: Project, doc_id: int):
    claim = add_span(project, doc_id, 0, 29, "CLAIM", attrs={"factuality": "asserted"})
    actor = mention(project, doc_id, "وزارة الدفاع", label="ACTOR")
    with pytest.raises(SchemaError, match="asserted, hedged, negated, questioned"):
        project.set_span_attrs(claim.id, {"factuality": "maybe"})
    updated = project.set_span_attrs(
        claim.id, {"factuality": "negated", "checkworthy": "yes", "note": "free"}
    )
    assert (
        project.span(claim.id).attrs
        == updated.attrs
        == {
            "factuality": "negated",
            "checkworthy": "yes",
            "note": "free",  # keys the schema does not define are kept as they are
        }
    )
    relation = project.add_relation("SOURCE", claim.id, actor.id, attrs={"stance": "deny"})
    with pytest.raises(SchemaError, match="support, deny, query, comment"):
        project.set_relation_attrs(relation.id, {"stance": "against"})
    project.set_relation_attrs(relation.id, {"stance": "support"})
    assert project.relation(relation.id).attrs == {"stance": "support"}


def test_relation_types_validate_both_ends(project: Project, doc_id: int):
    claim = add_span(project, doc_id, 0, 29, "CLAIM")
    cue = add_span(project, doc_id, 0, 4, "CUE")
    place = mention(project, doc_id, "أذربيجان")
    project.add_relation("CUE", claim.id, cue.id)
    project.add_relation("OCCURRED_AT", claim.id, place.id)
    project.add_relation("ABOUT", claim.id, place.id)
    with pytest.raises(SpanError, match="CUE links CLAIM → CUE, not CLAIM → LOCATION"):
        project.add_relation("CUE", claim.id, place.id)
    with pytest.raises(SpanError, match="AFFILIATED_WITH links ACTOR → ACTOR"):
        project.add_relation("AFFILIATED_WITH", claim.id, place.id)
    removed = project.delete_relation(project.relations(doc_id)[0].id)
    project.restore_relation(removed)
    assert [r.label for r in project.relations(doc_id)] == ["CUE", "OCCURRED_AT", "ABOUT"]


def test_entity_links_survive_export_and_import(project: Project, doc_id: int, tmp_path):
    import io
    import json

    from annotator.storage.exporter import write_jsonl
    from annotator.storage.importer import import_paths

    azerbaijan = project.entities.add(Entity("أذربيجان", "LOCATION", aliases=("اذربيجان",)))
    for word in ("أذربيجان", "اذربيجان"):
        project.link_entity(mention(project, doc_id, word).id, azerbaijan.id)
    out = io.StringIO()
    write_jsonl(project, out)
    record = json.loads(out.getvalue())
    assert [s["entity"] for s in record["spans"]] == [{"id": azerbaijan.id, "name": "أذربيجان"}] * 2

    path = tmp_path / "linked.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    with Project.open(tmp_path / "other.db") as other:
        other.entities.add(Entity("أرمينيا", "LOCATION"))  # ids differ in the other project
        assert not import_paths(other, [path]).failed
        [summary] = [s for s in other.entities.all() if s.entity.name == "أذربيجان"]
        assert summary.mentions == 2
        again = io.StringIO()
        write_jsonl(other, again)
        names = {s["entity"]["name"] for s in json.loads(again.getvalue())["spans"]}
        assert names == {"أذربيجان"}
