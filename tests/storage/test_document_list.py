"""The document list's store side: ids in order, the filter over folded titles, pages of rows."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.arabic import normalize
from annotator.core.models import Document, Status
from annotator.storage.document_list import (
    document_ids,
    first_not_done,
    refresh_title_keys,
    summaries,
)
from annotator.storage.project import Project

TITLES = [
    "تجدد القتال في قره باغ وأذربيجان ترفض",
    "واشنطن تدعو إلى وقف إطلاق النار",
    "Baku says talks will go on",
    "مباحثات في موسكو حول الإقليم",
]


def project_with(titles: list[str]) -> Project:
    project = Project.open(":memory:")
    for i, title in enumerate(titles):
        project.add_document(Document(f"نص رقم {i}: {title}", meta={"title": title}))
    return project


def test_the_filter_folds_arabic_spelling_and_latin_case():
    project = project_with(TITLES)
    conn = project.db.conn
    assert document_ids(conn, "اذربيجان") == [1]  # the title has وأذربيجان
    assert document_ids(conn, "  ") == [1, 2, 3, 4]
    assert document_ids(conn, "BAKU") == [3]
    assert document_ids(conn, "في") == [1, 4]
    assert document_ids(conn, "%") == []  # no LIKE wildcard


def test_a_status_named_by_the_query_joins_the_titles_it_finds():
    project = project_with(TITLES)
    project.set_status(2, Status.DONE)
    assert document_ids(project.db.conn, "موسكو", [Status.DONE]) == [2, 4]


def test_the_answer_comes_in_pages_in_list_order():
    project = project_with([f"خبر {i}" for i in range(25)])
    conn = project.db.conn
    first = document_ids(conn, "خبر", limit=10)
    rest = document_ids(conn, "خبر", after=first[-1])
    assert first == list(range(1, 11)) and rest == list(range(11, 26))
    rows = summaries(conn, [12, 3, 99])
    assert [(r.id, r.title) for r in rows] == [(12, "خبر 11"), (3, "خبر 2")]


def test_titles_written_by_another_tool_are_found_after_their_keys_are_written():
    project = project_with(TITLES)
    conn = project.db.conn
    conn.execute("UPDATE documents SET title = 'أخبار الإمارات' WHERE id = 2")
    conn.execute(
        "INSERT INTO documents (title, text, sha256) VALUES ('اجتماع في الدوحة', 'نص', 'x')"
    )
    conn.execute("DELETE FROM documents WHERE id = 4")
    assert document_ids(conn, "الامارات") == [2]  # a key due is written before the scan
    assert document_ids(conn, "الدوحه") == [5]
    assert document_ids(conn, "واشنطن") == []
    assert document_ids(conn, "موسكو") == []
    assert refresh_title_keys(conn) == 0


words = st.sampled_from(
    ["أذربيجان", "اذربيجان", "قرة", "قره", "باغ", "إطلاق", "مُحادثات", "Talks", "تَم"]
)


@settings(max_examples=40, deadline=None)
@given(
    titles=st.lists(st.lists(words, min_size=1, max_size=4).map(" ".join), max_size=8),
    query=st.lists(words, min_size=1, max_size=2).map(" ".join),
)
def test_the_store_finds_exactly_the_titles_whose_folded_form_holds_the_query(titles, query):
    project = Project.open(":memory:")
    ids = []
    for i, title in enumerate(titles):
        ids.append(project.add_document(Document(f"نص {i}", meta={"title": title})))
    expected = [i for i, t in zip(ids, titles, strict=True) if normalize(query) in normalize(t)]
    assert document_ids(project.db.conn, query) == expected


def test_a_class_is_found_as_its_value_or_as_attribute_equals_value():
    project = project_with(TITLES)
    project.doc_attrs.set(3, {"topic": ["conflict"], "genre": "news"})
    conn = project.db.conn
    assert document_ids(conn, "topic=conflict") == [3]
    assert document_ids(conn, "conflict") == [3]
    assert document_ids(conn, "genre=opinion") == []
    assert document_ids(conn, "topic=conflict", after=3) == []


def test_the_first_document_not_done_is_found_in_the_order_asked_across_statements():
    project = Project.open(":memory:")
    ids = [project.add_document(Document(f"نص رقم {i}")) for i in range(1203)]
    with project.db.conn:
        project.db.conn.execute("UPDATE documents SET status = 'done'")
    assert first_not_done(project.db.conn, ids) is None
    for doc_id in (ids[1100], ids[7]):
        project.set_status(doc_id, Status.IN_PROGRESS)
    assert first_not_done(project.db.conn, ids) == ids[7]
    assert first_not_done(project.db.conn, ids[8:]) == ids[1100]  # past one statement's ids
    assert first_not_done(project.db.conn, ids[1101:] + ids[:8]) == ids[7]  # the order given
    assert first_not_done(project.db.conn, [999_999, ids[7]]) == ids[7]  # a deleted id: skipped
