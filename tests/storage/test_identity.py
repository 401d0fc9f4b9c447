"""Document identity in the store: uid from the text, external_id from the source."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.identity import document_uid
from annotator.core.jsonl import read_records
from annotator.core.models import Document
from annotator.storage.database import APPLICATION_ID
from annotator.storage.exporter import export_jsonl
from annotator.storage.importer import import_paths
from annotator.storage.migrations import MIGRATIONS
from annotator.storage.project import DuplicateDocumentError, Project

TEXT = "قالت وزارة الخارجية إن المحادثات ستستمر"
OTHER = "أعلنت الحكومة عن خطة جديدة للنقل العام"


def test_a_stored_document_has_the_uid_of_its_text_and_keeps_its_external_id(project: Project):
    doc_id = project.add_document(Document(TEXT, external_id="agency-2020-10-29-0042"))
    doc = project.document(doc_id)
    assert doc.uid == document_uid(TEXT)
    assert doc.external_id == "agency-2020-10-29-0042"
    assert project.find_by_uid(document_uid(TEXT)) == doc_id
    [row] = project.documents(external_id="agency-2020-10-29-0042")
    assert (row.id, row.uid, row.external_id) == (doc_id, doc.uid, "agency-2020-10-29-0042")
    assert project.documents(external_id="nope") == []
    assert [r.id for r in project.documents(uid=doc.uid)] == [doc_id]
    assert doc.uid is not None
    assert [r.id for r in project.documents(uid=doc.uid[:6])] == [doc_id]
    assert project.documents(uid=doc.uid + "0") == []
    plan = " ".join(
        str(r[-1])
        for r in project.db.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM documents d WHERE d.uid >= 'ab' AND d.uid < 'abg'"
        )
    )
    assert "documents_by_uid" in plan


def test_the_uid_follows_the_text_while_it_may_still_change(project: Project):
    doc_id = project.add_document(Document(TEXT))
    project.set_text(doc_id, OTHER)
    assert project.document(doc_id).uid == document_uid(OTHER)
    assert project.find_by_uid(document_uid(TEXT)) is None
    other = project.add_document(Document(TEXT))
    with pytest.raises(DuplicateDocumentError, match=f"as document {doc_id}"):
        project.set_text(other, OTHER)  # two documents would share a uid
    assert project.document(other).uid == document_uid(TEXT)


def test_the_uid_column_is_unique_and_indexed(project: Project):
    project.add_document(Document(TEXT))
    plan = " ".join(
        str(r[-1])
        for r in project.db.conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM documents WHERE external_id = 'x'"
        )
    )
    assert "documents_by_external_id" in plan
    with pytest.raises(sqlite3.IntegrityError):
        project.db.conn.execute(
            "INSERT INTO documents (text, sha256, uid) VALUES ('x', 'y', ?)", [document_uid(TEXT)]
        )


def test_a_project_from_before_identity_gets_uids_backfilled(tmp_path: Path):
    path = tmp_path / "old.annotator.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:6]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 6")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for i, text in enumerate((TEXT, OTHER), start=1):
        conn.execute(
            "INSERT INTO documents (id, title, text, sha256) VALUES (?, 't', ?, ?)",
            [i, text, f"not-a-hash-{i}"],
        )
    conn.close()
    with Project.open(path) as project:
        assert project.document(1).uid == document_uid(TEXT)
        assert project.document(2).uid == document_uid(OTHER)
        assert project.document(1).external_id is None
        assert {r.uid for r in project.documents()} == {document_uid(TEXT), document_uid(OTHER)}


def _line(**fields: object) -> str:
    return json.dumps({"format_version": 1, "text": TEXT, **fields}, ensure_ascii=False)


def test_native_jsonl_carries_uid_and_external_id_both_ways(tmp_path: Path, project: Project):
    source = tmp_path / "in.jsonl"
    source.write_text(
        _line(id="agency-0042") + "\n" + json.dumps({"id": 7, "text": OTHER}) + "\n",
        encoding="utf-8",
    )
    report = import_paths(project, [source])
    assert report.imported == 2
    assert [r.external_id for r in project.documents()] == ["agency-0042", "7"]
    out = io.StringIO()
    export_jsonl(project, None, out)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [(x["uid"], x["external_id"]) for x in lines] == [
        (document_uid(TEXT), "agency-0042"),
        (document_uid(OTHER), "7"),
    ]
    # Read back into another project: the same identity, the source's id kept (not our row id).
    again = tmp_path / "again.jsonl"
    again.write_text(out.getvalue(), encoding="utf-8")
    with Project.open(tmp_path / "second.annotator.db") as second:
        assert import_paths(second, [again]).imported == 2
        assert [(r.uid, r.external_id) for r in second.documents()] == [
            (document_uid(TEXT), "agency-0042"),
            (document_uid(OTHER), "7"),
        ]


def test_a_uid_that_disagrees_with_its_text_is_refused_with_its_line():
    stream = io.StringIO(_line() + "\n" + _line(uid=document_uid(OTHER)) + "\n")
    with pytest.raises(InputError, match=r"uid .* does not match the text") as info:
        list(read_records(stream))
    assert info.value.line == 2


@pytest.mark.parametrize("value", [True, 1.5, [], {}])
def test_an_external_id_must_be_a_string_or_an_integer(value: object):
    with pytest.raises(InputError, match="'external_id' must be a string or an integer"):
        list(read_records(io.StringIO(_line(external_id=value) + "\n")))


def test_every_import_path_stores_the_uid_of_the_text(tmp_path: Path, project: Project):
    """However documents come in (one file of many, many files), each has its text's uid."""
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        json.dumps({"id": i, "text": f"{TEXT} رقم {i}"}, ensure_ascii=False) for i in range(300)
    ]
    (folder / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for i in range(30):
        (folder / f"{i:02}.txt").write_text(f"عنوان {i}\n{OTHER} {i}\n", encoding="utf-8")
    assert import_paths(project, [folder]).imported == 330
    rows = project.db.conn.execute("SELECT text, uid, external_id FROM documents").fetchall()
    assert all(uid == document_uid(text) for text, uid, _ in rows)
    assert sorted(int(e) for _, _, e in rows if e is not None) == list(range(300))
