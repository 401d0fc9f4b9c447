"""Training the recommender in a child process, every few new spans and on demand.

The child is ``python -m annotator train --db PATH --json --rank N --background``
(at low priority: on two busy cores the window's keys come first), run with
``QProcess``: it opens the project itself (SQLite in WAL mode lets it read and
write beside the window's connection), trains, stores the model, ranks the todo
documents by the model's uncertainty, and prints one JSON report. A process,
not a thread: feature extraction, cross-validation and ranking are Python code
holding the GIL for seconds, so a thread would stall every keystroke. A
process rather than a ``multiprocessing`` worker: ``QProcess`` reports its end
through the event loop (no thread waiting on a pipe), the child is the command
analysts already run (one code path, one set of tests), and it starts without
pickling anything of the window.

A run asked for while one is going runs once more after it, so the model ends
up trained on every span. Closing the project kills a running child: the model
is written in one transaction, so the file never holds half of one.

Signals:
    started(): a child process started.
    finished(dict): the child's report (``train --json``, with ``most_useful``).
    failed(str): the child failed; the message says how.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, Signal

RETRAIN_EVERY = 10
"""New spans after which the model is trained again (the window's setting overrides it)."""
RANK_LIMIT = 200
"""Todo documents ranked for "next most useful document" after each run."""
STOP_WAIT_MS = 3000


def train_command(path: Path) -> list[str]:
    """The child's command line: ``python -m annotator train ...``, or in the bundled
    application (PyInstaller: ``sys.executable`` is the application) the application
    itself, which runs a named command as the command line does."""
    frozen = getattr(sys, "frozen", False)
    head = [sys.executable] if frozen else [sys.executable, "-m", "annotator"]
    return [*head, "train", "--db", str(path), "--json", "--rank", str(RANK_LIMIT), "--background"]


class Training(QObject):
    started = Signal()
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self, path: Path | None, every: int = RETRAIN_EVERY, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.every = every
        self.new_spans = 0  # since the last run started
        self._process: QProcess | None = None
        self._again = False
        self.last_report: dict[str, Any] | None = None

    @property
    def running(self) -> bool:
        return self._process is not None

    @property
    def pid(self) -> int | None:
        """The running child's process id (a test checks it is not the window's)."""
        return int(self._process.processId()) if self._process is not None else None

    def spans_added(self, count: int) -> None:
        """Count new spans; after ``every`` of them, train again."""
        if count <= 0:
            return
        self.new_spans += count
        if self.every > 0 and self.new_spans >= self.every:
            self.start()

    def start(self) -> bool:
        """Train now (or once more after the run going on); False for a project in memory."""
        if self.path is None:
            return False
        self.new_spans = 0
        if self._process is not None:
            self._again = True
            return True
        process = QProcess(self)
        program, *arguments = train_command(self.path)
        process.setProgram(program)
        process.setArguments(arguments)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self._process = process
        process.start()
        if self._process is None:  # it failed to start, and said so, within start()
            return True
        self.started.emit()
        return True

    def stop(self) -> None:
        """Kill a running child and wait for it: the project is about to close."""
        process, self._process = self._process, None
        self._again = False
        if process is not None:
            process.finished.disconnect(self._on_finished)
            process.errorOccurred.disconnect(self._on_error)
            process.kill()
            process.waitForFinished(STOP_WAIT_MS)
            process.deleteLater()

    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        out = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace")
        err = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        process.deleteLater()
        report: dict[str, Any] | None = None
        if code == 0 and status == QProcess.ExitStatus.NormalExit:
            try:
                report = json.loads(out)
            except ValueError:
                report = None
        if report is None:
            lines = [line for line in err.splitlines() if line.strip()]
            self.failed.emit(lines[-1] if lines else f"the training process ended with {code}")
        else:
            self.last_report = report
            self.finished.emit(report)
        if self._again:
            self._again = False
            self.start()

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            self._process.deleteLater()
            self._process = None
            self.failed.emit(f"the training process did not start ({sys.executable})")
