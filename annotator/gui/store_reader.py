"""Reads of the store that may take long (filters, corpus searches), on a thread of their own.

At 100,000 documents a search or a title filter can take from tens of
milliseconds to seconds; on the GUI thread the window froze for as long. Here a
request is a function of a ``Project``, run on one worker thread that has its
own connection to the file (``sqlite3`` connections belong to one thread), and
its answer comes back as a signal on the GUI thread.

Each request has a kind ("filter", "search"); a newer request of the same kind
makes the older one stale: it is skipped if it has not started, and stopped if
it is running (an SQLite progress handler asks "am I stale?" every thousand
steps, counted across statements, and aborts the statement: unlike
``Connection.interrupt()`` it can only stop the stale request, never a newer
one that has just begun, and it also stops Python loops that run statements,
such as a search reading document after document), and an answer that still
arrives late is dropped (a ticket counter). An in-memory project
(tests) has one connection only: its requests run on the GUI thread, a turn later.

Signals:
    answered(int ticket, object result): the newest request of its kind finished.
    failed(int ticket, str message): it raised (not when it was stopped as stale).
"""

from __future__ import annotations

import itertools
import queue
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from annotator.core.errors import AnnotatorError
from annotator.storage.database import connect
from annotator.storage.project import Project

Request = Callable[[Project], Any]
# SQLite steps between two "am I stale?" questions: a thousand is microseconds of SQL, and
# the count runs on across statements, so a search reading one document after another is
# asked every hundred documents or so.
_STEPS = 1000


class StoreReader(QThread):
    answered = Signal(int, object)
    failed = Signal(int, str)

    def __init__(
        self,
        project: Project,
        parent: QObject | None = None,
        *,
        wrote: Callable[[], None] = lambda: None,
    ) -> None:
        """``wrote`` is called on the worker when a request wrote (the filter's title keys,
        filled in when due): the window's own write, not another process's."""
        super().__init__(parent)
        self._project = project
        self._wrote = wrote
        self._requests: queue.SimpleQueue[tuple[str, int, Request] | None] = queue.SimpleQueue()
        self._tickets = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._lock = threading.Lock()
        self._running: tuple[str, int] | None = None

    def ask(self, kind: str, request: Request) -> int:
        """Run ``request`` on the worker; its ticket. Older requests of ``kind`` go stale."""
        with self._lock:
            ticket = next(self._tickets)
            self._latest[kind] = ticket
        if self._project.path is None:  # in memory (tests): one connection, the GUI thread's
            QTimer.singleShot(0, lambda: self._answer_here(kind, ticket, request))
            return ticket
        self._requests.put((kind, ticket, request))
        if not self.isRunning():
            self.start()
        return ticket

    def _answer_here(self, kind: str, ticket: int, request: Request) -> None:
        if self._latest.get(kind) != ticket:
            return
        try:
            result = request(self._project)
        except (sqlite3.Error, AnnotatorError) as exc:
            self.failed.emit(ticket, str(exc))
            return
        self.answered.emit(ticket, result)

    def cancel(self, kind: str) -> None:
        """Make every request of ``kind`` stale (a cleared box wants no answer)."""
        with self._lock:
            self._latest[kind] = next(self._tickets)

    def is_current(self, ticket: int) -> bool:
        """Whether ``ticket`` is still the newest request of its kind."""
        with self._lock:
            return ticket in self._latest.values()

    def stop(self) -> None:
        """Stop what runs, drop what waits, end the thread (before the project closes)."""
        with self._lock:
            self._latest = {kind: next(self._tickets) for kind in self._latest}
        self._requests.put(None)
        self.wait()

    def _stale(self) -> bool:
        with self._lock:
            running = self._running
            return running is not None and self._latest.get(running[0]) != running[1]

    def run(self) -> None:
        assert self._project.path is not None
        # The window's own opening checked the file; a second check would read it again.
        project = Project(connect(self._project.path, verify=False), self._project.path)
        project.db.conn.set_progress_handler(lambda: int(self._stale()), _STEPS)
        try:
            while (item := self._requests.get()) is not None:
                kind, ticket, request = item
                with self._lock:
                    if self._latest.get(kind) != ticket:
                        continue
                    self._running = (kind, ticket)
                changes = project.db.conn.total_changes
                try:
                    result = request(project)
                except (sqlite3.Error, AnnotatorError) as exc:
                    if not self._stale():
                        self.failed.emit(ticket, str(exc))
                    continue
                finally:
                    if project.db.conn.total_changes != changes:
                        self._wrote()
                    stale = self._stale()
                    with self._lock:
                        self._running = None
                if not stale:
                    self.answered.emit(ticket, result)
        finally:
            project.close()
