"""Backups of a project: only sound copies, only when it changed, bounded in disk use.

Copies live in ``<project>.backups/``, listed in ``backups.json`` there with
when each was made, its size and its check. The rules:

* a copy is made only of a file that passes SQLite's ``quick_check``, so a
  damaged project never pushes good copies out;
* only when the project changed since the last copy (its file and
  write-ahead log, by size and modification time), so opening a large
  project five times makes one copy, not five;
* with SQLite's online backup API, a few thousand pages per step, so it is
  consistent while the window writes and can stop between two steps when the
  window closes (closing never waits for a copy: an unfinished one is
  deleted and made at the next opening);
* bounded: at most ``KEEP`` copies and at most ``KEEP_SIZE_FACTOR`` times
  the project's size, oldest first; the newest copy that passed is never
  deleted, whatever the bounds say; no copy is started without room for it;
* a restore sets the current file aside (renamed, never deleted) and puts
  the copy in its place atomically.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import StoreError
from annotator.storage.safety import (
    CheckReport,
    check_connection,
    quick_check,
    quick_check_file,
    read_only,
)

KEEP = 5
KEEP_SIZE_FACTOR = 3  # all copies together: at most three times the project
STEP_PAGES = 4096  # 16 MB of 4 KB pages per backup step: a stop is noticed within a moment
MANIFEST = "backups.json"


class BackupStoppedError(Exception):
    """The copy was stopped (the window closed); its partial file is gone."""


@dataclass(frozen=True)
class Backup:
    """One copy in the backups folder; ``checked`` is "ok", or "unchecked" (an older copy)."""

    path: Path
    made: str
    size: int
    checked: str

    @property
    def good(self) -> bool:
        return self.checked == "ok" and self.path.exists()


def backup_folder(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def _fingerprint(path: Path) -> list[int]:
    """What changes whenever the project does: its file's and its log's size and time.

    An empty log counts as none: every opening creates one, and a project
    opened and closed without an edit has not changed.
    """
    out: list[int] = []
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            st = part.stat()
        except FileNotFoundError:
            out += [0, 0]
            continue
        out += [st.st_size, st.st_mtime_ns] if st.st_size else [0, 0]
    return out


def _read_manifest(folder: Path) -> dict[str, object]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_manifest(folder: Path, data: dict[str, object]) -> None:
    temp = folder / (MANIFEST + ".tmp")
    temp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temp, folder / MANIFEST)


def list_backups(path: Path) -> list[Backup]:
    """The copies of the project at ``path``, newest first (older, unlisted copies too)."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    entries = _read_manifest(folder).get("copies")
    listed = {
        entry["file"]: entry
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, dict) and isinstance(entry.get("file"), str)
    }
    found = []
    for copy in folder.glob(f"{path.stem}.*.db"):
        entry = listed.get(copy.name, {})
        made = entry.get("made")
        if not isinstance(made, str):
            made = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(copy.stat().st_mtime))
        checked = "ok" if entry.get("checked") == "ok" else "unchecked"
        found.append(
            (made, copy.stat().st_mtime_ns, Backup(copy, made, copy.stat().st_size, checked))
        )
    return [b for *_, b in sorted(found, key=lambda f: f[:2], reverse=True)]


def newest_good(path: Path) -> Backup | None:
    return next((b for b in list_backups(path) if b.good), None)


def damage_hint(path: Path) -> str:
    """What to do about a damaged project: the newest good copy, or the check."""
    good = newest_good(path)
    if good is None:
        folder = backup_folder(path)
        return f"no good backup in {folder}; 'annotator check --db {path}' lists the damage"
    number = [b.path for b in list_backups(path)].index(good.path) + 1
    return (
        f"the newest good backup is {good.path.name} ({good.made}): "
        f"'annotator backups --db {path} --restore {number}' puts it back, keeping this file aside"
    )


@dataclass
class BackupOutcome:
    """What ``make_backup`` did: a new copy, or why not (unchanged, damaged, no room)."""

    copy: Path | None = None
    reason: str = ""


class Copier:
    """One backup run; ``stop()`` from another thread ends it within a moment."""

    def __init__(self) -> None:
        self._stopped = threading.Event()
        self._conn: sqlite3.Connection | None = None

    def stop(self) -> None:
        self._stopped.set()
        if self._conn is not None:
            with contextlib.suppress(sqlite3.ProgrammingError):
                self._conn.interrupt()  # a quick_check under way ends at once

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep ``seconds`` unless stopped first; whether it was stopped."""
        return self._stopped.wait(seconds)

    @contextlib.contextmanager
    def reading(self, path: Path) -> Iterator[sqlite3.Connection]:
        """A read-only connection to ``path`` that ``stop()`` interrupts."""
        conn = read_only(path)
        self._conn = conn
        try:
            yield conn
        finally:
            self._conn = None
            conn.close()

    def check(self, path: Path) -> list[str]:
        """``quick_check`` of ``path``; when stopped, one problem saying so."""
        try:
            with self.reading(path) as conn:
                problems = quick_check(conn)
        except StoreError:
            if not self.stopped:
                raise
        return ["not checked: stopped"] if self.stopped else problems

    def check_fully(self, path: Path) -> CheckReport:
        """``check_connection`` of ``path`` (after a crash); when stopped, a problem saying so."""
        try:
            with self.reading(path) as conn:
                report = check_connection(conn)
        except StoreError:
            if not self.stopped:
                raise
            report = CheckReport()
        if self.stopped:
            report.problems.insert(0, "not checked: stopped")
        return report

    def progress(self, status: int, remaining: int, total: int) -> None:
        if self._stopped.is_set():
            raise BackupStoppedError


def make_backup(
    path: Path,
    *,
    checked: bool = False,
    copier: Copier | None = None,
    keep: int = KEEP,
    size_factor: float = KEEP_SIZE_FACTOR,
) -> BackupOutcome:
    """Copy the project aside if it changed since the last copy and passes the check.

    ``checked``: the caller has just run ``quick_check`` on it (the window's
    opening check), so it is not run twice.
    """
    copier = copier or Copier()
    folder = backup_folder(path)
    folder.mkdir(exist_ok=True)
    for partial in folder.glob("*.partial"):
        partial.unlink()  # a copy cut short by a closed process: ours, never finished
    manifest = _read_manifest(folder)
    fingerprint = _fingerprint(path)
    newest = newest_good(path)
    if newest is not None and manifest.get("source") == fingerprint:
        return BackupOutcome(reason="unchanged since the last backup")
    with copier.reading(path) as source:
        try:
            problems = [] if checked else quick_check(source)
        except StoreError:
            if copier.stopped:
                raise BackupStoppedError from None
            raise
        if problems:
            return BackupOutcome(reason=f"not copied, the project is damaged: {problems[0]}")
        size = path.stat().st_size
        _rotate(path, keep - 1, size_factor * size - size)
        if shutil.disk_usage(folder).free < size * 1.05:
            return BackupOutcome(reason=f"not copied: less than {size:,} bytes free in {folder}")
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = folder / f"{path.stem}.{stamp}.{time.time_ns() % 10**6:06d}.db"
        partial = target.with_name(target.name + ".partial")
        try:
            destination = sqlite3.connect(partial)
            try:
                source.backup(destination, pages=STEP_PAGES, progress=copier.progress)
            finally:
                destination.close()
        except (BackupStoppedError, sqlite3.OperationalError):
            partial.unlink(missing_ok=True)
            if copier.stopped:
                raise BackupStoppedError from None
            raise
        with partial.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(partial, target)
    copies = [
        {"file": b.path.name, "made": b.made, "checked": b.checked}
        for b in reversed(list_backups(path))
        if b.path != target
    ]
    copies.append(
        {"file": target.name, "made": time.strftime("%Y-%m-%d %H:%M:%S"), "checked": "ok"}
    )
    _write_manifest(folder, {"format_version": 1, "source": fingerprint, "copies": copies})
    return BackupOutcome(copy=target)


def _rotate(path: Path, keep: int, max_bytes: float) -> None:
    """Delete copies until at most ``keep`` and ``max_bytes`` remain; never the newest good one.

    Unchecked copies (made before copies were checked) go first, then the
    oldest.
    """
    copies = list_backups(path)  # newest first
    newest = next((b for b in copies if b.good), None)
    doomed = [b for b in reversed(copies) if not b.good] + [
        b for b in reversed(copies) if b.good and b is not newest
    ]
    count, total = len(copies), sum(b.size for b in copies)
    for b in doomed:
        if count <= keep and total <= max_bytes:
            break
        b.path.unlink(missing_ok=True)
        count, total = count - 1, total - b.size


def window_has_it(path: Path) -> bool:
    """Whether a live process holds the window's lock file beside the project.

    The lock is Qt's ``QLockFile``: its first line is the owner's process id.
    """
    try:
        pid = int((path.with_name(path.name + ".lock")).read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False  # a crashed window's lock: nobody has the project
    except PermissionError:
        return True
    return True


def restore(
    path: Path, number: int, is_open: Callable[[Path], bool] = window_has_it
) -> tuple[Backup, Path]:
    """Put backup ``number`` (1: newest) in place; return it and where the current file went.

    Refused while a window has the project open, and for a copy that fails
    the check. The current file is renamed aside, never deleted.
    """
    copies = list_backups(path)
    if not 1 <= number <= len(copies):
        raise StoreError(
            f"no backup {number}: {len(copies)} backups of {path} (see 'annotator backups')"
        )
    chosen = copies[number - 1]
    if is_open(path):
        raise StoreError(f"{path} is open in an annotator window: close it before restoring")
    if problems := quick_check_file(chosen.path):
        raise StoreError(f"backup {number} ({chosen.path.name}) is damaged too: {problems[0]}")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.before-restore-{stamp}")
    temp = path.with_name(f".{path.name}.restoring")
    shutil.copyfile(chosen.path, temp)
    with temp.open("rb") as f:
        os.fsync(f.fileno())
    if path.exists():
        os.rename(path, aside)
        for suffix in ("-wal", "-shm"):  # the log belongs to the file it goes with
            log = path.with_name(path.name + suffix)
            if log.exists():
                os.rename(log, aside.with_name(aside.name + suffix))
    os.replace(temp, path)
    return chosen, aside
