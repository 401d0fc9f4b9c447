"""The database itself refuses a span whose text is not the document's text at its offsets."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.models import Document
from annotator.storage.project import Project

TEXT = "قالت وزارة 🇦🇲 الدفاع\nإن الصواريخ أُطلقت."


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory):
    """One project for every generated case (each case removes what it stored)."""
    with Project.open(tmp_path_factory.mktemp("invariant") / "p.annotator.db") as project:
        yield project, project.add_document(Document(TEXT))


@settings(max_examples=150, deadline=None)
@given(
    start=st.integers(-3, len(TEXT) + 3), end=st.integers(-3, len(TEXT) + 3), shift=st.booleans()
)
def test_the_trigger_accepts_exactly_the_text_at_the_offsets(shared, start, end, shift):
    """Any (start, end, text): stored iff 0 <= start < end <= len and text == TEXT[start:end]."""
    project, doc = shared
    text = TEXT[max(start, 0) : max(end, 0)]
    if shift:  # the text one further along: usually another string
        text = TEXT[max(start, 0) + 1 : max(end, 0) + 1]
    valid = 0 <= start < end <= len(TEXT) and text == TEXT[start:end]
    try:
        with project.db.conn:
            project.db.conn.execute(
                'INSERT INTO spans (doc_id, start, "end", label, text) VALUES (?, ?, ?, ?, ?)',
                [doc, start, end, "ACTOR", text],
            )
        stored = True
    except sqlite3.IntegrityError:
        stored = False
    assert stored == valid
    project.db.conn.execute("DELETE FROM spans")
    project.db.conn.commit()


def test_a_span_past_the_end_is_refused(project: Project):
    doc = project.add_document(Document(TEXT))
    with pytest.raises(sqlite3.IntegrityError, match="does not match"), project.db.conn:
        project.db.conn.execute(
            'INSERT INTO spans (doc_id, start, "end", label, text) VALUES (?, ?, ?, ?, ?)',
            [doc, len(TEXT) - 2, len(TEXT) + 1, "ACTOR", TEXT[-2:]],
        )
