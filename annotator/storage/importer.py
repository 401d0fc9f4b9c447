"""Importing files into a project: each file all or nothing, the rest still comes in.

Files are read and validated completely (``annotator.core.importing``) before
anything is written; each file is then written inside its own savepoint, so a
bad record rolls back only its file. Files are committed in batches: one
fsync per batch instead of per file keeps bulk imports fast, and a batch is
small enough that an interrupted import loses little (re-running it skips
what is already in).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.importing import collect_files, read_file
from annotator.storage.database import write_transaction
from annotator.storage.project import DuplicateDocumentError, Project

BATCH_FILES = 200


@dataclass
class FileOutcome:
    path: Path
    imported: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    removed: dict[str, int] = field(default_factory=dict)
    source: str | None = None
    encoding: str | None = None
    error: str | None = None
    notes: Counter[str] = field(default_factory=Counter)


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return sum(len(o.imported) for o in self.outcomes)

    @property
    def duplicates(self) -> int:
        return sum(len(o.duplicates) for o in self.outcomes)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.error]


Progress = Callable[[int, int, FileOutcome], None]


def _import_one(
    project: Project, path: Path, clean: bool, fmt: str | None, offsets: str
) -> FileOutcome:
    outcome = FileOutcome(path)
    try:
        records = list(read_file(path, clean=clean, fmt=fmt, offsets=offsets, notes=outcome.notes))
    except InputError as exc:
        outcome.error = str(exc)
        return outcome
    line: int | None = None
    try:
        with write_transaction(project.db):  # a savepoint inside the batch
            for line, record in records:
                try:
                    outcome.imported.append(project.import_record(record))
                except DuplicateDocumentError as dup:
                    where = f"{path}:{line}" if line else str(path)
                    outcome.duplicates.append(f"{where}: skipped, {dup}")
                    continue
                meta = record.document.meta
                cleaning = meta.get("cleaning") or {}
                for reason, count in cleaning.get("removed", {}).items():
                    outcome.removed[reason] = outcome.removed.get(reason, 0) + count
                outcome.source = outcome.source or meta.get("source")
                outcome.encoding = outcome.encoding or meta.get("encoding")
    except AnnotatorError as exc:
        outcome.error = str(InputError(str(exc), path, line))
        outcome.imported.clear()
        outcome.duplicates.clear()
    return outcome


def import_paths(
    project: Project,
    paths: Iterable[Path | str],
    *,
    clean: bool = True,
    fmt: str | None = None,
    offsets: str = "utf16",
    progress: Progress | None = None,
) -> ImportReport:
    """Import files and folders (recursively); never raises for bad input."""
    files = collect_files(paths)
    report = ImportReport(skipped=files.skipped, missing=files.missing)
    total = len(files.files)
    for start in range(0, total, BATCH_FILES):
        with project.bulk():
            for path in files.files[start : start + BATCH_FILES]:
                outcome = _import_one(project, path, clean, fmt, offsets)
                report.outcomes.append(outcome)
                if progress:
                    progress(len(report.outcomes), total, outcome)
    return report
