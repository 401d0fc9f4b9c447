"""Arabic-aware search: spelling folded, offsets exact in the stored text."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.core.models import Document, Status
from annotator.storage.project import Project
from annotator.storage.search import find_in_text, search
from tests.spans import add_span

TEXT = "قالت وزارة الدفاع في أذربيجان إن القتال 😀 امتد، ونفت وأذربيجان ذلك لأذربيجانَ"


def test_a_plain_query_finds_every_spelling_at_exact_offsets():
    hits = find_in_text(TEXT, "اذربيجان")
    # The fatha on the last letter is part of it: a hit never splits a letter from its marks.
    assert [TEXT[s:e] for s, e in hits] == ["أذربيجان", "أذربيجان", "أذربيجانَ"]


def test_diacritics_and_tatweel_in_the_text_do_not_hide_a_word():
    text = "الرَّئِيسُ الأذربيـــجاني"
    [(start, end)] = find_in_text(text, "الرئيس")
    assert text[start:end] == "الرَّئِيسُ"
    [(start, end)] = find_in_text(text, "اذربيجاني")
    assert text[start:end] == "أذربيـــجاني"


def test_a_hit_ends_before_a_direction_mark_after_the_word():
    """Marks of the last letter belong to the hit; an RLM, LRM or a closing embedding or
    isolate after the word does not (a span ending on one carries an invisible control)."""
    text = "قال \u202bالوزير\u202c إن \u2067الاتفاقَ\u2069 و\u200fالاتفاق\u200e مهم"
    assert [text[s:e] for s, e in find_in_text(text, "الوزير")] == ["الوزير"]
    assert [text[s:e] for s, e in find_in_text(text, "الاتفاق")] == ["الاتفاقَ", "الاتفاق"]


def test_search_across_documents_with_status_filter(project: Project):
    first = project.add_document(Document(TEXT))
    second = project.add_document(Document("خبر آخر عن باكو وأذربيجان"))
    project.add_document(Document("لا شيء هنا"))
    project.set_status(second, Status.DONE)
    hits = search(project, "اذربيجان")
    assert [h.doc for h in hits] == [first, first, first, second]
    assert all(project.document(h.doc).text[h.start : h.end] == h.text for h in hits)
    assert [h.doc for h in search(project, "اذربيجان", statuses=[Status.DONE])] == [second]
    assert search(project, "باكو")[0].snippet.startswith("خبر آخر")


def test_cli_search_json(tmp_path):
    db = str(tmp_path / "s.db")
    with Project.open(db) as project:
        project.add_document(Document(TEXT))
    import io

    out, err = io.StringIO(), io.StringIO()
    assert main(["search", "اذربيجان", "--json", "--db", db], out, err) == 0
    hits = json.loads(out.getvalue())
    assert (hits[0]["doc"], hits[0]["start"], hits[0]["end"]) == (
        1,
        TEXT.index("أذربيجان"),
        TEXT.index("أذربيجان") + 8,
    )
    assert set(hits[0]) == {"doc", "start", "end", "text", "snippet"}
    assert err.getvalue().strip() == "3 hits"


def test_filters_by_label_entity_and_annotator(project: Project):
    from annotator.core.models import Entity

    doc = project.add_document(Document(TEXT))
    other = project.add_document(Document("وفي باكو قالت أذربيجان شيئا آخر"))
    start = TEXT.index("أذربيجان")
    span = add_span(project, doc, start, start + 8, "LOCATION", annotator="sara")
    entity = project.entities.add(Entity("أذربيجان", "LOCATION"))
    project.link_entity(span.id, entity.id)
    assert [h.start for h in search(project, "اذربيجان", label="LOCATION")] == [start]
    assert search(project, "اذربيجان", label="ACTOR") == []
    assert [h.start for h in search(project, "اذربيجان", annotator="sara")] == [start]
    assert {h.doc for h in search(project, "اذربيجان", entity=entity.id)} == {doc}
    assert {h.doc for h in search(project, "اذربيجان")} == {doc, other}
    hit = search(project, "باكو")[0]
    assert "⟦باكو⟧" in hit.snippet
    assert hit.snippet[hit.snippet_start : hit.snippet_start + len(hit.text)] == "باكو"
