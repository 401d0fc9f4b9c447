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

import sqlite_utils

from annotator.core.arabic import normalize

TABLE = "search_index"


def index_document(db: sqlite_utils.Database, doc_id: int, text: str) -> None:
    db.execute(f"DELETE FROM {TABLE} WHERE rowid = ?", [doc_id])
    db.execute(f"INSERT INTO {TABLE} (rowid, norm) VALUES (?, ?)", [doc_id, normalize(text)])


def rebuild(db: sqlite_utils.Database) -> None:
    """Index every document (after the migration that adds the index)."""
    db.execute(f"DELETE FROM {TABLE}")
    for doc_id, text in db.execute("SELECT id, text FROM documents").fetchall():
        index_document(db, doc_id, text)
