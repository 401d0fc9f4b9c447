"""The project's SQLite connection and the few helpers the store calls on it.

The store runs on the bare ``sqlite3`` connection: ``execute``, ``query``,
``atomic`` (savepoints), a statement-by-statement ``executescript`` and a
prepared ``insert``/upsert are all it calls. Why not sqlite-utils, with the
numbers: docs/storage.md.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

Params = Sequence[Any] | Mapping[str, Any]


class Database:
    """One open project file: ``conn`` is the ``sqlite3`` connection (autocommit mode)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Params | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, params if params is not None else ())

    def query(self, sql: str, params: Params | None = None) -> Iterator[dict[str, Any]]:
        """Rows as dicts by column name."""
        cursor = self.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def executescript(self, script: str) -> None:
        """Run a script statement by statement, inside the open transaction.

        ``sqlite3``'s own ``executescript`` commits first, which would split a
        migration from its version bump.
        """
        statement = ""
        for piece in script.split(";"):
            statement += piece + ";"
            if sqlite3.complete_statement(statement):
                if statement.strip(" \n\t;"):
                    self.conn.execute(statement)
                statement = ""

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """A savepoint: rolled back if the block raises.

        Every savepoint has the same name: ROLLBACK TO and RELEASE act on the
        latest one of that name, which nesting makes this one. One statement
        text each is prepared once and cached; a name per savepoint was two
        statements to prepare for each file of an import (15 us).
        """
        name = "annotator"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise
        self.conn.execute(f"RELEASE {name}")

    def table_names(self) -> list[str]:
        return [r[0] for r in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def count(self, table: str) -> int:
        return int(self.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])

    def insert(self, table: str, row: Mapping[str, Any], *, pk: str | None = None) -> int:
        """Insert one row; its rowid. With ``pk``, a row with that key already there gets
        these values (its other columns stay).

        A plain statement, which ``sqlite3`` prepares once and caches: sqlite-utils'
        ``insert`` inspects the table on every call, and a keystroke and every
        imported document wait on this.
        """
        columns = ", ".join(f'"{name}"' for name in row)
        marks = ", ".join("?" * len(row))
        sql = f'INSERT INTO "{table}" ({columns}) VALUES ({marks})'
        if pk is not None:
            sets = ", ".join(f'"{name}" = excluded."{name}"' for name in row if name != pk)
            sql += f' ON CONFLICT ("{pk}") DO UPDATE SET {sets}'
        cursor = self.conn.execute(sql, list(row.values()))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def close(self) -> None:
        self.conn.close()
