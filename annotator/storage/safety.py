"""Finding damage in a project file: SQLite's own checks and the span-text invariant.

Two depths:

* ``quick_check``: SQLite's ``PRAGMA quick_check`` (every page and b-tree,
  not index contents). It is what every opening for writing runs before the
  first write, and what a backup runs before copying: 0.9 to 1.7 s on a
  100,000-document (1.4 GB) project (bench/RESULTS.md), so the window runs it
  on a thread of its own while the first write waits for it.
* ``check_connection``: what ``annotator check`` and a start after a crash
  run: ``PRAGMA integrity_check``, foreign keys, and every span's text
  against its document's text.

Neither writes: checking a damaged file leaves it exactly as it was. A
problem is one line a person can read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from annotator.core.errors import StoreError
from annotator.storage.connection import Database

T = TypeVar("T")

# Problems listed before "and N more": a file with garbage in it can have thousands.
MAX_PROBLEMS = 100
_SQLITE_HEADER = b"SQLite format 3\x00"


class DamagedProjectError(StoreError):
    """The project file fails SQLite's check: nothing may write to it."""


@dataclass
class CheckReport:
    """What a check found: one line per problem (none: the file is intact)."""

    problems: list[str] = field(default_factory=list)
    bad_spans: list[int] = field(default_factory=list)
    spans_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """A sentence (capitalised) for the window: the verdict, not every line."""
        if self.ok:
            return f"The project is intact ({self.spans_checked} spans checked against their text)."
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        return f"The project is damaged: {self.problems[0]}{more}."


def is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that writes nothing, not even the log files beside the project.

    ``mode=ro`` alone still creates ``-wal`` and ``-shm`` files and leaves
    them. Without a ``-wal`` file no connection has the project open (WAL
    mode keeps it while one does), so the file is read as ``immutable``:
    no log, no locks.
    """
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True, check_same_thread=False)


def _lines(rows: list[tuple[str]]) -> list[str]:
    """SQLite's check rows as one line per problem (a row can hold several, and headers)."""
    lines = [line.strip() for row in rows for line in str(row[0]).splitlines()]
    return [f"SQLite: {line}" for line in lines if line and not line.startswith("***")]


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """SQLite's ``quick_check``: one line per problem, none when the file is sound."""
    try:
        rows = conn.execute(f"PRAGMA quick_check({MAX_PROBLEMS})").fetchall()
    except sqlite3.OperationalError as exc:  # cannot open, I/O, interrupted: no verdict
        raise StoreError(f"cannot check the project: {exc}") from None
    except sqlite3.DatabaseError as exc:  # so damaged SQLite cannot even start the check
        return [f"SQLite cannot read the file: {exc}"]
    return [] if [r[0] for r in rows] == ["ok"] else _lines(rows)


def _state(path: Path) -> tuple[int, int, bool]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns, path.with_name(path.name + "-wal").exists()


def _read_steadily(path: Path, check: Callable[[sqlite3.Connection], T]) -> T:
    """``check`` through ``read_only``, again if the file changed while it read.

    An ``immutable`` read takes no lock: a process that opened the project
    meanwhile and wrote to it could make a sound file look damaged. A read
    during which the file and its log stayed as they were is trusted.
    """
    for _ in range(3):
        before = _state(path)
        try:
            conn = read_only(path)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{path}: cannot check the project: {exc}") from None
        try:
            result = check(conn)
        except StoreError as exc:
            raise StoreError(f"{path}: {exc}") from None
        finally:
            conn.close()
        if _state(path) == before:
            break
    return result


def quick_check_file(path: Path) -> list[str]:
    """``quick_check`` of the file at ``path`` through a read-only connection of its own."""
    return _read_steadily(path, quick_check)


def check_connection(conn: sqlite3.Connection) -> CheckReport:
    """The full check: integrity, foreign keys, every span against its text."""
    report = CheckReport()
    try:
        rows = conn.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            report.problems.extend(_lines(rows))
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
            report.problems.append(f"{table} row {rowid} refers to a {parent} row that is gone")
        _check_spans(conn, report)
    except sqlite3.OperationalError as exc:  # cannot open, I/O, interrupted: no verdict
        raise StoreError(f"cannot check the project: {exc}") from None
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"SQLite cannot read the file: {exc}")
    return report


def _check_spans(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Every span's text is its document's text at its offsets (principle 1)."""
    text = ""
    current: int | None = None
    query = 'SELECT s.id, s.doc_id, s.start, s."end", s.text FROM spans s ORDER BY s.doc_id, s.id'
    for span_id, doc_id, start, end, span_text in conn.execute(query):
        if doc_id != current:
            row = conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            current, text = doc_id, (row[0] if row else "")
        report.spans_checked += 1
        if text[start:end] != span_text or not 0 <= start < end <= len(text):
            report.bad_spans.append(span_id)
            if len(report.bad_spans) <= MAX_PROBLEMS:
                report.problems.append(
                    f"span {span_id} of document {doc_id} ({start}-{end}) no longer matches "
                    "its document's text"
                )


class OpenProject(Protocol):
    """What ``check`` needs of a ``Project``: the store's modules import this one, so it
    names no class of theirs."""

    db: Database


def check(project: OpenProject) -> CheckReport:
    """The full check of an open project (after a crash: the window's own connection)."""
    return check_connection(project.db.conn)


def check_file(path: Path) -> CheckReport:
    """The full check of the file at ``path``, read-only; refuses what is not a project."""
    if not path.exists():
        raise StoreError(f"no project at {path}")
    if path.stat().st_size == 0:
        raise StoreError(f"{path}: empty file (0 bytes), not a project")
    if not is_sqlite_file(path):
        raise StoreError(f"{path}: not an annotator project (not an SQLite file)")
    return _read_steadily(path, check_connection)
