"""The search indexes answer every query as a full scan would, whatever its length."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.models import Document, Status
from annotator.storage import search as search_module
from annotator.storage.database import APPLICATION_ID
from annotator.storage.migrations import MIGRATIONS
from annotator.storage.project import Project
from annotator.storage.search import candidates, find_in_text, search
from tests.spans import add_span

# A small alphabet makes short queries meet often: letters with hamza forms, a haraka,
# tatweel, Latin in two cases, a digit, punctuation and a newline.
ALPHABET = "اأإبتةهيىو\u064e\u0640aAb7،.\n "
texts = st.lists(
    st.text(ALPHABET, min_size=1, max_size=40).filter(lambda t: t.strip()),
    min_size=1,
    max_size=6,
    unique=True,
)
queries = st.text(ALPHABET.replace("\n", ""), min_size=1, max_size=4)


@contextlib.contextmanager
def _few_spans(count: int) -> Iterator[None]:
    before, search_module.FEW_SPANS = search_module.FEW_SPANS, count
    try:
        yield
    finally:
        search_module.FEW_SPANS = before


def _full_scan(project: Project, query: str) -> list[tuple[int, int, int]]:
    return [
        (doc.id, start, end)
        for doc in project.documents()
        for start, end in find_in_text(project.document(doc.id).text, query)
    ]


@settings(max_examples=150, deadline=None)
@given(texts, queries)
def test_every_query_finds_what_a_full_scan_finds(docs: list[str], query: str):
    with Project.open(":memory:") as project:
        with project.bulk():
            for text in docs:
                project.add_document(Document(text))
        got = [(h.doc, h.start, h.end) for h in search(project, query, limit=10_000)]
        assert got == _full_scan(project, query)


@settings(max_examples=60, deadline=None)
@given(texts, st.text(ALPHABET, min_size=1, max_size=40).filter(str.strip), queries)
def test_a_changed_text_is_found_by_its_new_words_only(docs, new_text, query):
    with Project.open(":memory:") as project:
        ids = [project.add_document(Document(text)) for text in docs]
        if new_text in docs:
            return
        project.set_text(ids[0], new_text)
        got = [(h.doc, h.start, h.end) for h in search(project, query, limit=10_000)]
        assert got == _full_scan(project, query)


def test_short_queries_are_narrowed_by_the_indexes(project: Project):
    first = project.add_document(Document("قالت الوزارة في بيان"))
    second = project.add_document(Document("UN and EU"))
    third = project.add_document(Document("لا شيء هنا؟ 7%"))
    assert candidates(project, "في") == [first]
    assert candidates(project, "un") == [second]
    assert candidates(project, "؟") == candidates(project, "%") == [third]
    # An Arabic letter is in nearly every document: they are read in order until the hits.
    assert candidates(project, "ء") == [first, second, third]
    assert candidates(project, "ژ") == [] and candidates(project, "xq") == []
    assert [(h.doc, h.text) for h in search(project, "Un")] == [(second, "UN")]


def test_filters_are_joined_before_any_text_is_read(project: Project):
    doc = project.add_document(Document("في باكو وفي يريفان"))
    project.add_document(Document("في مكان آخر"))
    span = add_span(project, doc, 3, 7, "LOCATION", annotator="sara")
    project.set_status(doc, Status.DONE)
    assert [(h.doc, h.text) for h in search(project, "با", label="LOCATION")] == [(doc, "با")]
    assert search(project, "في", label="LOCATION") == []
    assert [h.start for h in search(project, "ك", annotator="sara")] == [span.start + 2]
    assert search(project, "ك", annotator="omar") == []
    assert [h.doc for h in search(project, "في", statuses=[Status.DONE])] == [doc, doc]


def test_a_limit_of_zero_or_less_finds_nothing(project: Project):
    project.add_document(Document("في باكو"))
    assert search(project, "في", limit=0) == [] and search(project, "في", limit=-1) == []


def test_a_version_7_project_gets_the_new_indexes(tmp_path: Path):
    path = tmp_path / "old.annotator.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("document_uid", 1, lambda text: text)
    for script in MIGRATIONS[:7]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 7")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for i, text in enumerate(("قالت وزارة الدفاع في أذربيجان", "خبر عن باكو"), start=1):
        conn.execute(
            "INSERT INTO documents (id, text, sha256, uid) VALUES (?, ?, ?, ?)",
            [i, text, f"h{i}", f"u{i}"],
        )
    conn.close()
    with Project.open(path) as project:
        assert [h.doc for h in search(project, "اذربيجان")] == [1]
        assert [h.doc for h in search(project, "با")] == [2]
        assert {h.doc for h in search(project, "ف")} == {1}
        tables = {r[0] for r in project.db.conn.execute("SELECT name FROM sqlite_master")}
        assert "search_index_content" not in tables  # no second copy of the text


@settings(max_examples=100, deadline=None)
@given(texts, queries, st.data(), st.sampled_from([0, 5000]))
def test_filtered_queries_find_what_a_full_scan_of_the_spans_finds(docs, query, data, few):
    """With few spans they are checked one by one; with many the trigrams narrow them first."""
    with Project.open(":memory:") as project, _few_spans(few):
        for text in docs:
            doc = project.add_document(Document(text))
            for _ in range(data.draw(st.integers(0, 3))):
                start = data.draw(st.integers(0, len(text) - 1))
                end = data.draw(st.integers(start + 1, len(text)))
                label = data.draw(st.sampled_from(["LOCATION", "ACTOR"]))
                who = data.draw(st.sampled_from(["sara", None]))
                add_span(project, doc, start, end, label, annotator=who)
        for label, who in (("LOCATION", None), (None, "sara"), ("ACTOR", "sara")):
            expected = [
                (doc, start, end)
                for doc, start, end in _full_scan(project, query)
                if any(
                    s.start <= start
                    and end <= s.end
                    and label in (None, s.label)
                    and who in (None, s.annotator)
                    for s in project.spans(doc)
                )
            ]
            hits = search(project, query, label=label, annotator=who, limit=10_000)
            assert [(h.doc, h.start, h.end) for h in hits] == expected
