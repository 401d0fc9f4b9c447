"""One window per project, a check after a crash, and changes made by other processes.

* A lock file beside the project (QLockFile, stale locks of dead processes
  recovered) tells a second window that the project is open elsewhere.
* A mark file exists while a window has the project open; finding it at the
  next start means the last session did not end cleanly, and the project is
  checked (``storage.safety.check``) with the result shown.
* ``PRAGMA data_version`` changes when another connection commits: the
  command line importing into an open project, say. The window polls it and
  refreshes its lists.
* The window's own training process writes the model through its own
  connection: while it runs the poll holds (``hold``/``release``), and its
  commit is news only if the lists it refreshes changed meanwhile.
* Every opening leaves a rolling backup of the file (``storage.safety``),
  copied on a worker thread once the window has been up for a moment.

Signals:
    changed_elsewhere(): another process committed to the project.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from annotator.storage.project import Project
from annotator.storage.safety import CheckReport, backup_file, check

POLL_MS = 1500
# The rolling backup reads the whole file: it waits until the window is up and painted.
BACKUP_DELAY_MS = 2000


class ProjectSession(QObject):
    changed_elsewhere = Signal()

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._lock: QLockFile | None = None
        self._mark: Path | None = None
        self._version = self._data_version()
        self._held: tuple[object, ...] | None = None  # what the lists showed when held
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.check_report: CheckReport | None = None
        self._backup: threading.Thread | None = None
        self._backup_timer = QTimer(self)
        self._backup_timer.setSingleShot(True)
        self._backup_timer.setInterval(BACKUP_DELAY_MS)
        self._backup_timer.timeout.connect(self._start_backup)

    def start(self) -> str | None:
        """Take the project; a message instead when another window has it."""
        path = self.project.path
        if path is not None:
            lock = QLockFile(str(path) + ".lock")
            lock.setStaleLockTime(0)  # only a dead owner's lock is stale
            if not lock.tryLock(0):
                info = lock.getLockInfo()  # (pid, host, application)
                pid, host = (info[-3], info[-2]) if len(info) >= 3 else ("?", "?")
                return (
                    f"{path.name} is open in another annotator window (process {pid} on {host}). "
                    "Close it there first: two windows would undo each other's work."
                )
            self._lock = lock
            self._mark = path.with_name(path.name + ".open")
            if self._mark.exists():
                self.check_report = check(self.project)  # the last session ended uncleanly
            self._mark.write_text(str(os.getpid()), encoding="utf-8")
            self._backup_timer.start()
        self._timer.start()
        return None

    def _start_backup(self) -> None:
        """This opening's rolling backup, off the GUI thread (it copies the whole file)."""
        if self._backup is None and self._lock is not None and self.project.path is not None:
            self._backup = threading.Thread(
                target=backup_file, args=(self.project.path,), daemon=True
            )
            self._backup.start()

    def stop(self) -> None:
        """A clean end: the backup is made (or finishes), the mark goes, the lock is released."""
        self._timer.stop()
        self._backup_timer.stop()
        self._start_backup()  # a window closed within the delay still leaves its backup
        if self._backup is not None:
            self._backup.join()
        if self._mark is not None and self._mark.exists():
            self._mark.unlink()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def acknowledge(self) -> None:
        """This window's own work committed through another connection (its import
        thread): not a change made elsewhere."""
        self._version = self._data_version()

    def hold(self) -> None:
        """A child process of this window is about to write: its commit is not news."""
        if self._held is None:
            self._held = self._lists_print()

    def release(self) -> None:
        """The child ended: tell the window only if documents came or went meanwhile (an
        import from the command line). The analyst's own tags and entities change the
        file while the child runs too, so only what no window edit does is compared."""
        held, self._held = self._held, None
        if held is None:
            return
        try:
            self._version = self._data_version()
            if self._lists_print() != held:
                self.changed_elsewhere.emit()
        except sqlite3.ProgrammingError:  # the project was closed meanwhile
            return

    def _lists_print(self) -> tuple[object, ...]:
        return tuple(
            self.project.db.conn.execute("SELECT count(*), max(id) FROM documents").fetchone()
        )

    def _data_version(self) -> int:
        return int(self.project.db.conn.execute("PRAGMA data_version").fetchone()[0])

    def _poll(self) -> None:
        if self._held is not None:
            return
        try:
            version = self._data_version()
        except sqlite3.ProgrammingError:  # the project was closed under the timer
            self._timer.stop()
            return
        if version != self._version:
            self._version = version
            self.changed_elsewhere.emit()
