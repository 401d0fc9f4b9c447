"""The window's import, off the GUI thread: one file at a time, cancellable between files.

The work is ``storage.importer.import_paths`` itself, called for one file after
another on a worker thread with its own connection to the project (a sqlite
connection belongs to one thread). Each file is committed as it is done, so a
Cancel keeps every file finished so far and starts no other.

Signals (ImportWorker):
    progressed(int done, int total): a file is stored (or failed, or was a duplicate).
    finished(object): the ``ImportReport`` of what was done, with ``not_started`` files.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from annotator.core.errors import AnnotatorError
from annotator.storage.project import Project

if TYPE_CHECKING:
    from annotator.storage.importer import ImportReport


@dataclass
class WindowImport:
    """What the window's import did: the importer's report and the files left out by Cancel."""

    report: ImportReport
    not_started: list[Path] = field(default_factory=list)
    error: str | None = None  # the project could not be opened on the worker thread


class ImportWorker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)

    def __init__(self, project_path: Path, paths: Sequence[Path]) -> None:
        super().__init__()
        self._project_path = project_path
        self._paths = list(paths)
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        """Start no further file (thread-safe); the one being stored finishes."""
        self._cancelled.set()

    @Slot()
    def run(self) -> None:
        # Imported here, not at the window's start: decoding and page cleaning cost start-up time.
        from annotator.core.importing import collect_files
        from annotator.storage.importer import ImportReport, import_paths

        files = collect_files(self._paths)
        report = ImportReport(
            skipped=files.skipped,
            missing=files.missing,
            special=files.special,
            unreadable=files.unreadable,
        )
        result = WindowImport(report)
        total = len(files.files)
        try:
            with Project.open(self._project_path) as project:
                for number, path in enumerate(files.files, 1):
                    if self._cancelled.is_set():
                        result.not_started = list(files.files[number - 1 :])
                        break
                    report.outcomes.extend(import_paths(project, [path]).outcomes)
                    self.progressed.emit(number, total)
        except AnnotatorError as exc:
            result.error = str(exc)
        finally:
            self.finished.emit(result)
