"""One window per project, a check after a crash, and changes made by other processes.

* A lock file beside the project (QLockFile, stale locks of dead processes
  recovered) tells a second window that the project is open elsewhere.
* A mark file exists while a window has the project open; finding it at the
  next start means the last session did not end cleanly, and the whole
  project is checked (``storage.safety.check_connection``: 4.9 s for a
  1.4 GB project) on a worker thread, the first write waiting for it, with
  the result shown.
* ``PRAGMA data_version`` changes when another connection commits: the
  command line importing into an open project, say. The window polls it and
  refreshes its lists.
* The window's own training process writes the model through its own
  connection: while it runs the poll holds (``hold``/``release``), and its
  commit is news only if the lists it refreshes changed meanwhile.
* Damage is found before the first write: SQLite's ``quick_check`` runs on a
  worker thread as the window opens (0.9 to 1.7 s for a 1.4 GB project), and the
  first write waits for it (``storage.database.hold_writes``); a damaged file
  takes no write and the window says which backup to restore.
* Then a backup is made if the project changed since the last one
  (``storage.backups``). Closing never waits for it more than a moment: an
  unfinished copy is dropped and made at the next opening.

Signals:
    changed_elsewhere(): another process committed to the project.
    damage_found(str): the opening check found the file damaged (the message).
    check_finished(CheckReport): the full check after an unclean exit is done.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from annotator.gui.i18n import tr
from annotator.storage.backups import BackupStoppedError, Copier, make_backup
from annotator.storage.database import QUICK_CHECK_MAX_BYTES, damaged, hold_writes
from annotator.storage.project import Project
from annotator.storage.safety import CheckReport

POLL_MS = 1500
# The check and the backup read the whole file: they wait until the window is up and painted.
BACKUP_DELAY_MS = 2000
# What closing waits, at most, for a check or copy under way to stop.
STOP_WAIT_S = 0.5


class ProjectSession(QObject):
    changed_elsewhere = Signal()
    damage_found = Signal(str)
    check_finished = Signal(object)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._lock: QLockFile | None = None
        self._mark: Path | None = None
        self._version = self._data_version()
        self._child_print: tuple[object, ...] | None = None  # the lists when a child began
        self._own_write = False  # a reader thread of this window wrote
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.check_report: CheckReport | None = None
        self._worker: threading.Thread | None = None
        self._copier = Copier()
        self._held: Future[list[str]] | None = None

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
                    tr(
                        "%1 is open in another annotator window (process %2 on %3). "
                        "Close it there first: two windows would undo each other's work."
                    )
                    .replace("%1", path.name)
                    .replace("%2", str(pid))
                    .replace("%3", str(host))
                )
            self._lock = lock
            self._mark = path.with_name(path.name + ".open")
            crashed = self._mark.exists()  # the last session ended uncleanly
            self._mark.write_text(str(os.getpid()), encoding="utf-8")
            # A file small enough was checked as it opened (storage.database.connect).
            if crashed or path.stat().st_size > QUICK_CHECK_MAX_BYTES:
                self._held = hold_writes(self.project.db, path)
            self._worker = threading.Thread(target=self._check_and_back_up, args=(path, crashed))
            self._worker.daemon = True
            self._worker.start()
        self._timer.start()
        return None

    def _check_and_back_up(self, path: Path, crashed: bool) -> None:
        """On the worker thread: release or refuse the held writes, then back up if sound.

        Signals go to the GUI thread queued. Whatever happens here, the held
        writes get their verdict: a check that could not run refuses them.
        """
        try:
            self._work(path, crashed)
        except Exception as exc:  # the window's writes must never wait forever
            if self._held is not None and not self._held.done():
                self._held.set_result([f"the file could not be checked: {exc}"])
                self.damage_found.emit(
                    f"{path}: the file could not be checked ({exc}); nothing was changed; "
                    "close the project and open it again"
                )

    def _work(self, path: Path, crashed: bool) -> None:
        checked = False
        if crashed:
            self.check_report = report = self._copier.check_fully(path)
            assert self._held is not None
            self._held.set_result(report.problems)
            if not self._copier.stopped:
                self.check_finished.emit(report)
            if not report.ok:
                return
            checked = True
        elif self._held is not None:
            problems = self._copier.check(path)
            self._held.set_result(problems)
            if problems:
                if not self._copier.stopped:
                    self.damage_found.emit(str(damaged(path, problems)))
                return
            checked = True
        if self._copier.wait(BACKUP_DELAY_MS / 1000):
            return  # closed within the delay
        # Closed mid-copy, or no room: the next opening tries again.
        with contextlib.suppress(BackupStoppedError, OSError):
            make_backup(path, checked=checked, copier=self._copier)

    def stop(self) -> None:
        """A clean end within a moment: a check or copy under way stops, the mark goes, the
        lock is released."""
        self._timer.stop()
        self._copier.stop()
        if self._worker is not None:
            self._worker.join(STOP_WAIT_S)
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
        if self._child_print is None:
            self._child_print = self._lists_print()

    def release(self) -> None:
        """The child ended: tell the window only if documents came or went meanwhile (an
        import from the command line). The analyst's own tags and entities change the
        file while the child runs too, so only what no window edit does is compared."""
        held, self._child_print = self._child_print, None
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

    def note_own_write(self) -> None:
        """A reader thread of this window wrote (the document filter fills in due title
        keys): the next change of the data version is not news. Taken for a write from
        elsewhere, it cleared undo and reloaded the lists the first time a filter ran
        after an import. Called on the reader's thread: one flag, set, read by the poll."""
        self._own_write = True

    def check_now(self) -> None:
        """Ask now whether another process wrote, before a key acts on what the window shows.

        The timer may be up to POLL_MS late: an undo pressed in between would delete a row
        another process made with the freed id, or act on spans it replaced.
        """
        self._poll()

    def _poll(self) -> None:
        if self._child_print is not None:
            return
        try:
            version = self._data_version()
        except sqlite3.ProgrammingError:  # the project was closed under the timer
            self._timer.stop()
            return
        if version != self._version:
            self._version = version
            if self._own_write:
                self._own_write = False
                return
            self.changed_elsewhere.emit()
