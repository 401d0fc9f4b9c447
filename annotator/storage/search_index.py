"""The search indexes: which documents may hold a query, answered without reading a text.

Stored text is never normalised; the indexes hold ``core.arabic.normalize``
of it (hamza/alef forms, ta marbuta, alef maksura, tatweel and harakat
folded), so "اذربيجان" finds "أذربيجان", "وأذربيجان" and "لأذربيجان". They only
narrow the documents to look at; exact hit offsets are computed in Python
(``storage.search``), so an index may answer more documents than hold the
query, never fewer.

* ``search_index``: FTS5 trigrams of the normalised text. Trigrams match
  inside words (an attached clitic does not hide a name) and SQLite's word
  tokenizer would split Arabic words at diacritics. Contentless
  (``content=''``: no second copy of the text) and without positions
  (``detail=none``): a query of three letters or more is the AND of its
  trigrams, and the hits are checked in Python anyway. A newline is indexed
  after each text, so every pair of letters starts a trigram.
* ``search_letters``: the distinct characters of each document (as hex code
  point words), but for the Arabic letters, the space and the newline, which
  nearly every document holds (``COMMON``): a query of one such letter finds
  its first hits in the first documents read, in order; any other letter, a
  digit, a Latin letter, a sign, is looked up.
* ``search_alphabet``: every other character any document holds. A
  two-letter query "ab" is the OR of the trigrams "ab?" for every character
  "?" of the corpus (``COMMON`` and this table).

Finding a document's characters costs a regex pass that skips the common
letters and a set of what is left: a set of every character was a quarter of
the import's time.

Contentless tables forget what they indexed: a document is taken out with
the text it was indexed with (``unindex``), which the caller still has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from typing import NamedTuple

from annotator.core.arabic import normalize
from annotator.storage.connection import Database

TABLE = "search_index"
LETTERS = "search_letters"
ALPHABET = "search_alphabet"
_END = "\n"  # indexed after every text: the last two letters start a trigram too
_BATCH = 500  # documents a rebuild reads at a time
COMMON = frozenset(map(chr, range(0x0621, 0x064B))) | {" ", _END}
_COMMON_RUNS = re.compile("[\u0621-\u064a \n]+")


class IndexQuery(NamedTuple):
    """An FTS5 query and the table it asks."""

    table: str
    fts: str


NOTHING = IndexQuery("", "")  # the query holds a character no document holds


def _letters(chars: Set[str]) -> str:
    return " ".join(f"u{ord(ch):x}" for ch in chars)


def _uncommon(key: str) -> set[str]:
    return set(_COMMON_RUNS.sub("", key))


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def index_documents(db: Database, documents: Iterable[tuple[int, str]]) -> None:
    """Index new ``(doc_id, text)`` pairs (documents not in the index yet)."""
    conn = db.conn
    keys = [(doc_id, normalize(text) + _END) for doc_id, text in documents]
    if not keys:
        return
    conn.executemany(f"INSERT INTO {TABLE} (rowid, norm) VALUES (?, ?)", keys)
    seen: set[str] = set()
    rows = []
    for doc_id, key in keys:
        chars = _uncommon(key)
        seen |= chars
        rows.append((doc_id, _letters(chars)))
    conn.executemany(f"INSERT INTO {LETTERS} (rowid, letters) VALUES (?, ?)", rows)
    conn.executemany(f"INSERT OR IGNORE INTO {ALPHABET} (ch) VALUES (?)", [(c,) for c in seen])


def unindex(db: Database, doc_id: int, text: str) -> None:
    """Take a document out of the index: ``text`` is the text it was indexed with."""
    conn = db.conn
    key = normalize(text) + _END
    conn.execute(
        f"INSERT INTO {TABLE} ({TABLE}, rowid, norm) VALUES ('delete', ?, ?)", [doc_id, key]
    )
    conn.execute(
        f"INSERT INTO {LETTERS} ({LETTERS}, rowid, letters) VALUES ('delete', ?, ?)",
        [doc_id, _letters(_uncommon(key))],
    )


def rebuild(db: Database) -> None:
    """Index every document (after the migration that makes the index), a batch at a time."""
    conn = db.conn
    for table in (TABLE, LETTERS):
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
    conn.execute(f"DELETE FROM {ALPHABET}")
    cursor = conn.execute("SELECT id, text FROM documents ORDER BY id")
    while batch := cursor.fetchmany(_BATCH):
        index_documents(db, batch)


def match(db: Database, wanted: str) -> IndexQuery | None:
    """The FTS5 query that finds the documents holding ``wanted`` (normalised).

    ``NOTHING`` when no document can hold it; None when every document may (an
    empty query, or one common letter).
    """
    if len(wanted) >= 3:
        trigrams = dict.fromkeys(wanted[i : i + 3] for i in range(len(wanted) - 2))
        return IndexQuery(TABLE, " AND ".join(map(_quoted, trigrams)))
    if len(wanted) == 2:
        alphabet = COMMON.union(row[0] for row in db.conn.execute(f"SELECT ch FROM {ALPHABET}"))
        if wanted[0] not in alphabet or wanted[1] not in alphabet:
            return NOTHING
        return IndexQuery(TABLE, " OR ".join(_quoted(wanted + ch) for ch in sorted(alphabet)))
    if len(wanted) == 1 and wanted not in COMMON:
        return IndexQuery(LETTERS, _letters({wanted}))
    return None
