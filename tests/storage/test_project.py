"""The project store: durability settings, invariants held by the database itself."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from annotator.core.errors import ImmutableTextError, SchemaError, SpanError, StoreError
from annotator.core.models import Document, Label, LabelKind, Status
from annotator.core.schema import Schema, build_schema
from annotator.storage.database import APPLICATION_ID
from annotator.storage.migrations import LATEST_VERSION
from annotator.storage.project import DuplicateDocumentError, Project
from tests.spans import add_span

TEXT = "قالت 😀 أذربيجان إن القتال اندلع في قره باغ"


def test_durability_pragmas(project: Project):
    conn = project.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_default_schema_order_hotkeys_and_colours(project: Project):
    labels = project.schema.span_labels
    assert [(lb.name, lb.hotkey) for lb in labels] == [
        ("CLAIM", "1"),
        ("ACTOR", "2"),
        ("LOCATION", "3"),
        ("CUE", "4"),
    ]
    assert len({lb.color for lb in labels}) == 4


def test_offsets_are_code_points_even_after_an_emoji(project: Project):
    doc_id = project.add_document(Document(TEXT))
    span = add_span(project, doc_id, 7, 15, "ACTOR")
    assert span.text == "أذربيجان"
    [stored] = project.spans(doc_id)
    assert TEXT[stored.start : stored.end] == stored.text == "أذربيجان"


def test_a_committed_edit_is_visible_to_another_connection_at_once(project_path: Path):
    with Project.open(project_path) as writer:
        doc_id = writer.add_document(Document(TEXT))
        add_span(writer, doc_id, 7, 15, "ACTOR")
        # No close, no explicit commit: a second process sees it already.
        other = sqlite3.connect(project_path)
        assert other.execute("SELECT text FROM spans").fetchall() == [("أذربيجان",)]
        other.close()


def test_text_is_immutable_once_annotated(project: Project):
    doc_id = project.add_document(Document(TEXT))
    project.set_text(doc_id, TEXT + ".")  # allowed: no annotations yet
    add_span(project, doc_id, 0, 4, "CLAIM")
    with pytest.raises(ImmutableTextError):
        project.set_text(doc_id, "شيء آخر")
    # The database itself refuses, even to a raw SQL client.
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        project.db.conn.execute("UPDATE documents SET text = 'x' WHERE id = ?", [doc_id])
    assert project.document(doc_id).text == TEXT + "."


def test_the_database_refuses_a_span_whose_text_does_not_match(project: Project):
    doc_id = project.add_document(Document(TEXT))
    insert = 'INSERT INTO spans (doc_id, start, "end", label, text) VALUES (?, ?, ?, ?, ?)'
    with pytest.raises(sqlite3.IntegrityError, match="does not match"):
        project.db.conn.execute(insert, [doc_id, 8, 16, "ACTOR", "أذربيجان"])  # UTF-16 offsets
    with pytest.raises(sqlite3.IntegrityError, match="does not match"):
        project.db.conn.execute(insert, [doc_id, 40, 99, "ACTOR", ""])
    project.db.conn.execute(insert, [doc_id, 7, 15, "ACTOR", "أذربيجان"])


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 5), (10, 2), (0, 999)])
def test_bad_offsets_are_refused(project: Project, start: int, end: int):
    doc_id = project.add_document(Document(TEXT))
    with pytest.raises(SpanError):
        add_span(project, doc_id, start, end, "ACTOR")
    assert project.spans(doc_id) == []


def test_unknown_label_is_refused_with_the_known_ones(project: Project):
    doc_id = project.add_document(Document(TEXT))
    with pytest.raises(SpanError, match="CLAIM, ACTOR, LOCATION"):
        add_span(project, doc_id, 0, 4, "PERSON")


def test_relations_follow_the_schema_and_go_with_their_spans(project: Project):
    doc_id = project.add_document(Document(TEXT))
    claim = add_span(project, doc_id, 20, len(TEXT), "CLAIM")
    actor = add_span(project, doc_id, 7, 15, "ACTOR")
    with pytest.raises(SpanError, match="SOURCE links CLAIM → ACTOR, not ACTOR → CLAIM"):
        project.add_relation("SOURCE", actor.id, claim.id)
    relation = project.add_relation("SOURCE", claim.id, actor.id, attrs={"stance": "support"})
    assert project.relations(doc_id) == [relation]
    project.delete_span(actor.id)
    assert project.relations(doc_id) == []


def test_relation_across_documents_is_refused(project: Project):
    a = project.add_document(Document(TEXT))
    b = project.add_document(Document(TEXT + " أيضا"))
    claim = add_span(project, a, 0, 4, "CLAIM")
    actor = add_span(project, b, 7, 15, "ACTOR")
    with pytest.raises(SpanError, match="same document"):
        project.add_relation("SOURCE", claim.id, actor.id)


def test_same_text_twice_is_a_duplicate(project: Project):
    first = project.add_document(Document(TEXT))
    with pytest.raises(DuplicateDocumentError) as info:
        project.add_document(Document(TEXT, meta={"title": "again"}))
    assert info.value.existing_id == first
    assert len(project.documents()) == 1


def test_status_and_document_list(project: Project):
    doc_id = project.add_document(Document(TEXT, meta={"title": "عنوان"}))
    add_span(project, doc_id, 7, 15, "ACTOR")
    project.set_status(doc_id, Status.DONE)
    [row] = project.documents()
    assert (row.title, row.status, row.span_count) == ("عنوان", Status.DONE, 1)
    assert project.documents(Status.TODO) == []


def test_the_document_list_reads_its_own_index_not_the_texts(project: Project):
    """A cold start of the window lists 10,000 documents from ~1 MB instead of every page."""
    project.add_document(Document(TEXT, meta={"title": "عنوان"}))
    statements: list[str] = []
    project.db.conn.set_trace_callback(statements.append)
    project.documents()
    project.documents(Status.DONE)
    project.db.conn.set_trace_callback(None)
    for sql in statements:
        plan = " ".join(row[3] for row in project.db.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "COVERING INDEX documents_listed" in plan, plan


def test_schema_replacement_keeps_used_labels(project: Project):
    doc_id = project.add_document(Document(TEXT))
    add_span(project, doc_id, 7, 15, "ACTOR")
    only_claims = build_schema([Label("CLAIM", hotkey="1")])
    with pytest.raises(SchemaError, match="ACTOR"):
        project.set_schema(only_claims)
    assert project.schema.get("ACTOR", LabelKind.SPAN) is not None
    wider = Schema((*project.schema.labels, Label("EVENT", hotkey="5", color="#56B4E9", order=4)))
    project.set_schema(wider)
    assert "EVENT" in project.schema.names(LabelKind.SPAN)


def test_a_non_sqlite_file_is_refused_and_left_alone(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("this is not a database", encoding="utf-8")
    with pytest.raises(StoreError, match="not an SQLite file"):
        Project.open(path)
    assert path.read_text(encoding="utf-8") == "this is not a database"


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another program"):
        Project.open(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["customers"]
    conn.close()


def test_a_newer_schema_version_is_refused(project_path: Path):
    Project.open(project_path).close()
    conn = sqlite3.connect(project_path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Project.open(project_path)


def test_a_second_writer_waits_instead_of_failing(project_path: Path):
    """Read-then-write under a concurrent writer: IMMEDIATE waits on the busy timeout.

    The other connection holds the write lock until this one has asked for it and
    is still waiting; only then does it commit, and only then may the span be stored.
    """
    with Project.open(project_path) as first, Project.open(project_path) as second:
        doc_id = first.add_document(Document(TEXT))
        holding = threading.Event()
        asking = threading.Event()
        stored = threading.Event()
        order: list[str] = []
        waited: list[bool] = []

        def hold_write_lock() -> None:
            conn = sqlite3.connect(project_path, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE documents SET status = 'in_progress'")
            holding.set()
            asking.wait(10)
            # Evidence of absence: the writer, blocked on our lock, cannot have finished.
            waited.append(not stored.wait(0.2))
            order.append("committed")
            conn.execute("COMMIT")
            conn.close()

        second.db.conn.set_trace_callback(
            lambda sql: asking.set() if sql.startswith("BEGIN IMMEDIATE") else None
        )
        thread = threading.Thread(target=hold_write_lock)
        thread.start()
        assert holding.wait(10)
        span = add_span(second, doc_id, 7, 15, "ACTOR")  # blocks until the other commits
        order.append("added")
        stored.set()
        thread.join(10)
        second.db.conn.set_trace_callback(None)
        assert asking.is_set() and waited == [True]
        assert order == ["committed", "added"]
        assert [s.id for s in first.spans(doc_id)] == [span.id]
        assert first.document(doc_id).status is Status.IN_PROGRESS


def test_delete_then_restore_brings_back_span_and_relations_with_their_ids(project: Project):
    doc_id = project.add_document(Document(TEXT))
    claim = add_span(project, doc_id, 20, len(TEXT), "CLAIM")
    actor = add_span(project, doc_id, 7, 15, "ACTOR")
    relation = project.add_relation("SOURCE", claim.id, actor.id)
    span, relations = project.delete_span(actor.id)
    assert relations == [relation] and project.relations(doc_id) == []
    project.restore_span(span, relations)
    assert project.span(actor.id) == actor
    assert project.relations(doc_id) == [relation]


def test_update_span_moves_and_relabels_within_the_rules(project: Project):
    doc_id = project.add_document(Document(TEXT))
    claim = add_span(project, doc_id, 20, len(TEXT), "CLAIM")
    actor = add_span(project, doc_id, 6, 15, "ACTOR")
    moved = project.update_span(actor.id, start=7)
    assert moved.text == "أذربيجان" and project.span(actor.id).text == "أذربيجان"
    assert project.update_span(actor.id, label="LOCATION").label == "LOCATION"
    project.update_span(actor.id, label="ACTOR")
    project.add_relation("SOURCE", claim.id, actor.id)
    with pytest.raises(SpanError, match=r"SOURCE cannot point at a LOCATION: .*remove the link"):
        project.update_span(actor.id, label="LOCATION")
    assert project.span(actor.id).label == "ACTOR"


def test_a_version_1_project_is_migrated_after_a_backup(tmp_path: Path):
    from annotator.storage.migrations import MIGRATIONS

    path = tmp_path / "old.annotator.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(MIGRATIONS[0])  # the schema as version 1 shipped it
    conn.execute("PRAGMA user_version = 1")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    add_label = "INSERT INTO labels (name, kind, color, hotkey, ord) VALUES (?, 'span', ?, ?, ?)"
    conn.execute(add_label, ["CLAIM", "#E69F00", "1", 0])
    conn.execute(add_label, ["ACTOR", "#0072B2", "2", 1])
    conn.execute("INSERT INTO documents (id, title, text, sha256) VALUES (1, 't', ?, 'x')", [TEXT])
    conn.execute(
        'INSERT INTO spans (doc_id, start, "end", label, text) VALUES (1, 7, 15, ?, ?)',
        ["ACTOR", "أذربيجان"],
    )
    conn.close()

    with Project.open(path) as project:
        assert project.db.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        displays = {lb.name: str(lb.display) for lb in project.schema.span_labels}
        assert displays == {"CLAIM": "underline", "ACTOR": "background"}
        assert [s.text for s in project.spans(1)] == ["أذربيجان"]
    backup = tmp_path / "old.annotator.db.v1.bak"
    assert backup.exists()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()


def test_the_first_span_starts_the_work_on_a_document(project: Project):
    doc_id = project.add_document(Document(TEXT))
    add_span(project, doc_id, 7, 15, "ACTOR")
    assert project.document(doc_id).status is Status.IN_PROGRESS
    project.set_status(doc_id, Status.DONE)
    add_span(project, doc_id, 0, 4, "CLAIM")
    assert project.document(doc_id).status is Status.DONE
