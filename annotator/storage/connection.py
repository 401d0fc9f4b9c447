"""The project's SQLite connection and the few helpers the store calls on it.

The store used to hold a ``sqlite_utils.Database``; importing sqlite-utils
(click, dateutil, pluggy, tabulate with it) was the largest part of every
command's start-up, and the store only ever called ``execute``, ``query``,
``atomic`` and two table helpers. Those live here on the bare ``sqlite3``
connection. Everything else sqlite-utils offers is still at hand: any other
attribute, and ``db[name]``, go to a ``sqlite_utils.Database`` on the same
connection, made on first use.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from collections.abc import Iterator, Mapping, Sequence
from itertools import count
from typing import Any

Params = Sequence[Any] | Mapping[str, Any]
_savepoints = count()


class Database:
    """One open project file: ``conn`` is the ``sqlite3`` connection (autocommit mode)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils: Any = None

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
        """A savepoint: rolled back if the block raises."""
        name = f"annotator_{next(_savepoints)}"
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

    def _sqlite_utils(self) -> Any:
        if self._utils is None:
            self._utils = _load_sqlite_utils().Database(self.conn)
        return self._utils

    def __getitem__(self, table: str) -> Any:
        return self._sqlite_utils()[table]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._sqlite_utils(), name)


def _load_sqlite_utils() -> Any:
    """sqlite-utils, imported with numpy and pandas hidden from it.

    It imports both whenever they are installed (the test extra's spaCy and
    datasets bring them) only to map their scalar types to column types;
    annotator never stores one, and pandas alone took 0.35 s. They are
    hidden only while sqlite-utils loads: the spaCy export still imports
    numpy when it runs.
    """
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            del sys.modules[name]
    return sqlite_utils
