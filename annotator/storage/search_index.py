"""The search index: an FTS5 trigram table over each document's normalised text.

Stored text is never normalised; the index holds ``core.arabic.normalize``
of it (hamza/alef forms, ta marbuta, alef maksura, tatweel and harakat
folded), so "اذربيجان" finds "أذربيجان", "وأذربيجان" and "لأذربيجان". Trigrams
match inside words: an attached clitic does not hide a name. SQLite's own
word tokenizer would split Arabic words at diacritics; this one never sees
them. The index only narrows the documents to look at; exact hit offsets
are computed in Python (``storage.search``).
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from annotator.core.arabic import normalize

TABLE = "search_index"


def index_documents(db: sqlite_utils.Database, documents: Iterable[tuple[int, str]]) -> None:
    """(Re)index ``(doc_id, text)`` pairs: one statement each for all of them."""
    documents = list(documents)
    conn = db.conn
    conn.executemany(f"DELETE FROM {TABLE} WHERE rowid = ?", [(doc_id,) for doc_id, _ in documents])
    conn.executemany(
        f"INSERT INTO {TABLE} (rowid, norm) VALUES (?, ?)",
        [(doc_id, normalize(text)) for doc_id, text in documents],
    )


def rebuild(db: sqlite_utils.Database) -> None:
    """Index every document (after the migration that adds the index)."""
    db.execute(f"DELETE FROM {TABLE}")
    index_documents(db, db.execute("SELECT id, text FROM documents").fetchall())
