"""The document list as the window pages it: ids in list order, rows a page at a time.

At 100,000 documents the window cannot read every row at start-up (the span
counts alone are 100,000 subqueries) nor filter titles in Python on each
keystroke. The list is the ids (``document_ids``, one index scan), and the
rows on screen are read by id (``summaries``); a filter is a scan of the
normalised titles in SQL.

Titles are matched in their comparison form (``core.arabic.normalize``: hamza
and alef forms, ta marbuta, harakat folded), kept in ``document_title_keys``
(a migration of its own). SQLite cannot normalise, so the keys are written from Python: the
migration fills them, triggers mark the key of a new or retitled document as
due (a deleted document's goes with it) and ``refresh_title_keys`` writes the
due ones before a filter reads them. Every connection can write a title
(sqlite-utils, Datasette); none has to know about the keys.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from annotator.core.arabic import normalize
from annotator.core.models import Status
from annotator.storage.project import DocumentSummary

KEYS = "document_title_keys"
_STATUS = {str(s): s for s in Status}
_SUMMARY_SQL = (
    "SELECT d.id, d.title, d.status, "
    "(SELECT count(*) FROM spans s WHERE s.doc_id = d.id), d.uid, d.external_id "
    "FROM documents d"
)
_MAX_PARAMS = 500  # ids read per statement: below every SQLite's variable limit


def all_ids(conn: sqlite3.Connection) -> list[int]:
    """Every document id in list order, from the list's own index (tens of ms at 100,000)."""
    return document_ids(conn, "")


def has_documents(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM documents)").fetchone()[0])


def is_stored(conn: sqlite3.Connection, doc_id: int) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None


def summaries(conn: sqlite3.Connection, ids: Sequence[int]) -> list[DocumentSummary]:
    """The rows of ``ids``, in that order; an id no longer stored is left out."""
    found: dict[int, DocumentSummary] = {}
    for at in range(0, len(ids), _MAX_PARAMS):
        chunk = ids[at : at + _MAX_PARAMS]
        sql = f"{_SUMMARY_SQL} WHERE d.id IN ({', '.join('?' * len(chunk))})"
        for r in conn.execute(sql, list(chunk)):
            found[r[0]] = DocumentSummary(r[0], r[1], _STATUS[r[2]], r[3], r[4], r[5])
    return [found[i] for i in ids if i in found]


def first_not_done(conn: sqlite3.Connection, ids: Sequence[int]) -> int | None:
    """The first of ``ids`` (in that order) whose document is not done, or None.

    "Done and next" asks it for the list after the open document: a question to
    the status index a few hundred ids at a time, not a page of rows read into the
    list's cache for each done document skipped (at 100,000 documents, mostly done,
    that was thousands of pages).
    """
    for at in range(0, len(ids), _MAX_PARAMS):
        chunk = list(ids[at : at + _MAX_PARAMS])
        marks = ", ".join("?" * len(chunk))
        open_ids = {
            r[0]
            for r in conn.execute(
                f"SELECT id FROM documents WHERE id IN ({marks}) AND status != 'done'", chunk
            )
        }
        if open_ids:
            return next(i for i in chunk if i in open_ids)
    return None


def doc_attr_rows(conn: sqlite3.Connection, ids: Sequence[int]) -> list[tuple[int, str, str]]:
    """The ``doc_attrs`` rows (doc_id, name, value) of ``ids``, by document: a page's classes."""
    rows: list[tuple[int, str, str]] = []
    for at in range(0, len(ids), _MAX_PARAMS):
        chunk = list(ids[at : at + _MAX_PARAMS])
        marks = ", ".join("?" * len(chunk))
        rows += conn.execute(
            f"SELECT doc_id, name, value FROM doc_attrs WHERE doc_id IN ({marks})", chunk
        ).fetchall()
    return sorted(rows, key=lambda r: r[0])


def refresh_title_keys(conn: sqlite3.Connection) -> int:
    """Write the keys that are due (new or retitled documents); how many were written.

    The due keys are NULL, in a partial index of their own: when none is due,
    this is one lookup.
    """
    due = conn.execute(
        f"SELECT d.id, d.title FROM {KEYS} k JOIN documents d ON d.id = k.id WHERE k.key IS NULL"
    ).fetchall()
    if not due:
        return 0
    owner = not conn.in_transaction
    if owner:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany(
            f"UPDATE {KEYS} SET key = ? WHERE id = ?",
            [(normalize(title), doc_id) for doc_id, title in due],
        )
    except BaseException:
        if owner:
            conn.execute("ROLLBACK")
        raise
    if owner:
        conn.execute("COMMIT")
    return len(due)


def document_ids(
    conn: sqlite3.Connection,
    query: str,
    statuses: Iterable[Status] = (),
    *,
    after: int = 0,
    limit: int | None = None,
) -> list[int]:
    """Ids in list order of the documents whose title holds ``query`` (spelling folded),
    or one of whose classes does ("conflict", "topic=conflict"), or whose status is one
    of ``statuses``; every id for an empty query.

    ``after`` and ``limit`` page the answer (ids above ``after``, at most ``limit``): a
    query most titles hold has its first page after a few rows of the scan. One scan of
    the keys in C (``instr``: no LIKE wildcards to escape in a query); the ids come back
    as one JSON array, not a Python row each.
    """
    wanted = normalize(query).strip()
    params: list[object] = []
    if wanted:
        refresh_title_keys(conn)
        sql = f"SELECT id FROM {KEYS} WHERE id > ? AND instr(key, ?) > 0"
        params += [after, wanted]
        # A class: "conflict" or "topic=conflict" (values are identifiers, already folded).
        sql += (
            " UNION SELECT doc_id FROM doc_attrs"
            " WHERE doc_id > ? AND instr(name || '=' || value, ?) > 0"
        )
        params += [after, wanted]
        if names := [str(Status(s)) for s in statuses]:
            marks = ", ".join("?" * len(names))
            sql += f" UNION SELECT id FROM documents WHERE id > ? AND status IN ({marks})"
            params += [after, *names]
    else:
        sql = "SELECT id FROM documents WHERE id > ?"
        params.append(after)
    sql += " ORDER BY id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    (found,) = conn.execute(f"SELECT json_group_array(id) FROM ({sql})", params).fetchone()
    return list(json.loads(found))
