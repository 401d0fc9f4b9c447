"""Opening a project file: pragmas for durability, migrations, write transactions.

Durability choices (a committed edit must survive ``kill -9`` and power loss):

* ``journal_mode=WAL`` with ``synchronous=FULL``: every commit is fsynced;
* write transactions start with ``BEGIN IMMEDIATE``: a read-then-write
  transaction begun DEFERRED fails with "database is locked" under a second
  writer even with a busy timeout, because SQLite cannot upgrade its read
  lock; IMMEDIATE takes the write lock first and waits for it;
* foreign keys on and a busy timeout, on every connection.

Damage is found before anything writes: opening a file runs SQLite's
``quick_check`` first (``storage.safety``) and refuses a damaged file
untouched, naming the newest good backup. Files up to ``QUICK_CHECK_MAX_BYTES``
are checked at every opening (under 100 ms); ``verify=True`` checks any size
(import, export), and ``verify=False`` leaves it to the caller, who checks on
a thread of its own while ``hold_writes`` makes the first write wait (the
window: 0.9 to 1.7 s for a 1.4 GB project, bench/RESULTS.md).

The connection runs in autocommit mode (``isolation_level=None``) so Python's
``sqlite3`` never opens transactions behind our back.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import weakref
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path

from annotator.core.arabic import normalize
from annotator.core.errors import StoreError
from annotator.core.identity import document_uid
from annotator.core.wording import count
from annotator.storage import search_index
from annotator.storage.backups import damage_hint
from annotator.storage.connection import Database
from annotator.storage.migrations import LATEST_VERSION, MIGRATIONS, SEARCH_INDEX_VERSION
from annotator.storage.safety import DamagedProjectError, quick_check_file, read_only

BUSY_TIMEOUT_MS = 10_000
# PRAGMA application_id marks a file as ours ("ANNO"), so a foreign SQLite
# database given as a project is refused instead of altered.
APPLICATION_ID = 0x414E4E4F
_SQLITE_HEADER = b"SQLite format 3\x00"
# Files up to this size are checked at every opening: quick_check reads about 0.8 GB/s
# from the page cache here (bench/RESULTS.md), so 64 MB stays under 100 ms.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024

# Connections whose writes wait for a damage check running elsewhere (``hold_writes``).
_held: weakref.WeakKeyDictionary[Database, tuple[Future[list[str]], Path]] = (
    weakref.WeakKeyDictionary()
)


def _check_is_project_file(path: Path) -> None:
    """Refuse, untouched, what cannot be a project: an empty file, a file of another kind."""
    try:
        with path.open("rb") as f:
            header = f.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path}: cannot open project: {exc.strerror}") from None
    if not header:
        raise StoreError(
            f"{path}: empty file (0 bytes), not a project; nothing was changed "
            "(remove it to start a new project there)"
        )
    if header != _SQLITE_HEADER:
        raise StoreError(f"{path}: not an annotator project (not an SQLite file)")


def damaged(path: Path, problems: list[str]) -> DamagedProjectError:
    more = f" and {count(len(problems) - 1, 'more problem')}" if len(problems) > 1 else ""
    return DamagedProjectError(
        f"{path}: the project file is damaged ({problems[0]}{more}); nothing was changed; "
        + damage_hint(path)
    )


def refuse_damage(path: Path) -> None:
    """SQLite's ``quick_check`` of the file; a damaged one raises ``DamagedProjectError``."""
    if problems := quick_check_file(path):
        raise damaged(path, problems)


def hold_writes(db: Database, path: Path) -> Future[list[str]]:
    """Make the first write to ``db`` wait for the check whose problems the future gets.

    A problem found refuses every write (``DamagedProjectError``); none lets
    them through from then on.
    """
    future: Future[list[str]] = Future()
    _held[db] = (future, path)
    return future


def connect(path: Path | str, *, verify: bool | None = None) -> Database:
    """Open (creating if needed) and migrate the project at ``path``; ``:memory:`` for tests.

    ``verify``: run ``quick_check`` first (None: only files up to
    ``QUICK_CHECK_MAX_BYTES``; False: the caller checks, see ``hold_writes``).
    A file about to be migrated is always checked first.
    """
    memory = str(path) == ":memory:"
    if not memory:
        path = Path(path)
        if path.exists():
            _check_is_project_file(path)
            if (
                verify
                or (verify is None and path.stat().st_size <= QUICK_CHECK_MAX_BYTES)
                or _needs_migration(path)
            ):
                refuse_damage(path)
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{path}: cannot create project folder: {exc.strerror}") from None
    try:
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        db = Database(conn)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        migrate(db, None if memory else Path(path))
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open project: {exc}") from None
    return db


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One write transaction, begun IMMEDIATE; nested calls become savepoints.

    A write the disk or the file refuses (full disk, read-only file, a lock
    held past the busy timeout) rolls back and becomes a ``StoreError`` the
    user can read; what was committed before stays.
    """
    if db in _held:
        future, path = _held[db]
        if problems := future.result():  # the first write waits for the check, once
            raise damaged(path, problems)
        del _held[db]
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(_explain(exc)) from exc


def _explain(exc: sqlite3.OperationalError) -> str:
    message = str(exc)
    if "full" in message:
        return "the disk is full: this change was not saved (everything before it is)"
    if "readonly" in message or "read-only" in message:
        return "the project file is read-only: this change was not saved"
    if "locked" in message or "busy" in message:
        return "another program kept the project busy for too long: this change was not saved"
    return f"the change was not saved: {message}"


def _needs_migration(path: Path) -> bool:
    try:
        conn = read_only(path)  # closing a writable connection would checkpoint: a write
        try:
            return int(conn.execute("PRAGMA user_version").fetchone()[0]) < LATEST_VERSION
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return True  # cannot even read the header's version: check it


def schema_version(db: Database) -> int:
    return int(db.conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, path: Path | None) -> None:
    """Bring the file up to ``LATEST_VERSION``, after backing up an older project."""
    conn = db.conn
    version = schema_version(db)
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if version == 0 and db.table_names():
        raise StoreError(
            f"{path}: not an annotator project (an SQLite database of another program)"
        )
    if version and app_id != APPLICATION_ID:
        raise StoreError(f"{path}: not an annotator project (application id {app_id:#x})")
    if version > LATEST_VERSION:
        raise StoreError(
            f"{path}: project schema version {version} is newer than this annotator "
            f"understands ({LATEST_VERSION}); update annotator"
        )
    if version == LATEST_VERSION:
        return
    # Migrations derive uids in SQL with the one definition of them.
    conn.create_function("document_uid", 1, document_uid, deterministic=True)
    conn.create_function("arabic_key", 1, normalize, deterministic=True)
    if version and path is not None:
        backup = path.with_name(f"{path.name}.v{version}.bak")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(path, backup)
    with write_transaction(db):
        for target, script in enumerate(MIGRATIONS[version:], start=version + 1):
            db.executescript(script)  # inside our transaction: no implicit COMMIT
            if target == SEARCH_INDEX_VERSION:
                search_index.rebuild(db)
            conn.execute(f"PRAGMA user_version = {target}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
