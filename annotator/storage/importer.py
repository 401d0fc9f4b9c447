"""Importing files into a project: each file all or nothing, the rest still comes in.

Files are read and validated completely (``annotator.core.importing``) before
anything is written; each file is then written inside its own savepoint, so a
bad record rolls back only its file. Files are committed in batches: one
fsync per batch instead of per file keeps bulk imports fast, and a batch is
small enough that an interrupted import loses little (re-running it skips
what is already in).
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.importing import collect_files, read_file
from annotator.core.layers import name_layer
from annotator.core.models import AnnotatedDocument, Label
from annotator.core.schema_rules import UnknownLabelError
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
    # Labels and relation types this file added to the schema (``extend_schema``).
    added: list[Label] = field(default_factory=list)
    # The file failed on a label or relation type the schema lacks.
    unknown_label: bool = False


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    special: list[Path] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return sum(len(o.imported) for o in self.outcomes)

    @property
    def duplicates(self) -> int:
        return sum(len(o.duplicates) for o in self.outcomes)

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.error]

    @property
    def added(self) -> list[Label]:
        return [label for o in self.outcomes for label in o.added]


Progress = Callable[[int, int, FileOutcome], None]

# Reader processes pay for themselves from a few hundred files: they read, decode and clean
# the next batches while this process stores the current one (a third off a large import).
PARALLEL_FROM_FILES = 400
_READ_AHEAD = 2  # batches read ahead of the one being stored: memory stays bounded


@dataclass
class _Read:
    """One file read and validated completely, not yet stored (picklable: reader processes)."""

    path: Path
    records: list[tuple[int | None, AnnotatedDocument]]
    error: str | None
    notes: Counter[str]


def _read(path: Path, clean: bool, fmt: str | None, offsets: str, predictions: bool) -> _Read:
    notes: Counter[str] = Counter()
    try:
        records = list(
            read_file(
                path, clean=clean, fmt=fmt, offsets=offsets, notes=notes, predictions=predictions
            )
        )
    except InputError as exc:
        return _Read(path, [], str(exc), notes)
    except (ValueError, RecursionError, MemoryError) as exc:  # never lose the other files
        return _Read(path, [], str(InputError(f"cannot read: {exc}", path)), notes)
    return _Read(path, records, None, notes)


def _store(
    project: Project, read: _Read, extend_schema: bool = False, annotator: str | None = None
) -> FileOutcome:
    """Store one file's records inside a savepoint: all of them or none.

    ``extend_schema``: labels and relation types the schema lacks are added
    first, in the same savepoint (a file that fails adds none). ``annotator``
    names the layer of every span and relation that names none.
    """
    path = read.path
    outcome = FileOutcome(path, notes=read.notes)
    if read.error is not None:
        outcome.error = read.error
        return outcome
    line: int | None = None
    try:
        with write_transaction(project.db):  # a savepoint inside the batch
            if extend_schema:
                outcome.added = project.extend_schema(record for _, record in read.records)
            for line, record in read.records:
                try:
                    outcome.imported.append(project.import_record(name_layer(record, annotator)))
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
    except (AnnotatorError, sqlite3.IntegrityError, OverflowError, ValueError) as exc:
        # The store refused a value the readers let through: this file only is lost.
        outcome.error = str(InputError(str(exc), path, line))
        outcome.unknown_label = isinstance(exc, UnknownLabelError)
        outcome.imported.clear()
        outcome.duplicates.clear()
        outcome.added.clear()
        project.reload_schema()  # what the savepoint added to it is gone
    return outcome


def _reads(
    batches: Sequence[Sequence[Path]], read: Callable[[Path], _Read], workers: int
) -> Iterator[list[_Read]]:
    """Each batch read, in order: here, or by ``workers`` reader processes reading ahead.

    Should the readers fail to start or die, the rest is read here.
    """
    done = 0
    if workers > 0:
        try:
            # Forked, not spawned: a spawned reader re-imports the caller's main module and
            # costs more to start than it saves on a few thousand files (measured).
            with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
                chunk = max(1, BATCH_FILES // (4 * workers))
                submitted = min(_READ_AHEAD, len(batches))
                ahead = deque(pool.map(read, b, chunksize=chunk) for b in batches[:submitted])
                while ahead:
                    results = list(ahead.popleft())
                    if submitted < len(batches):
                        ahead.append(pool.map(read, batches[submitted], chunksize=chunk))
                        submitted += 1
                    done += 1
                    yield results
            return
        except (BrokenProcessPool, OSError):
            pass  # no process could start or one died: read the remaining batches here
    for batch in batches[done:]:
        yield [read(path) for path in batch]


def import_paths(
    project: Project,
    paths: Iterable[Path | str],
    *,
    clean: bool = True,
    fmt: str | None = None,
    offsets: str = "utf16",
    predictions: bool = False,
    progress: Progress | None = None,
    parallel: bool = False,
    extend_schema: bool = False,
    annotator: str | None = None,
) -> ImportReport:
    """Import files and folders (recursively); never raises for bad input.

    ``parallel``: for ``PARALLEL_FROM_FILES`` files or more, reader processes
    (one per spare core, forked) read and clean files while this process
    stores them. ``predictions``: Label Studio's predictions come in as
    layers of their own. Only for single-threaded callers such as the command line:
    forking a process with other threads (the window's) can deadlock the
    child. Writing stays here, batch by batch: what is committed is the same.
    ``extend_schema``: labels and relation types the files bring join the
    schema (see ``ImportReport.added``) instead of failing their files.
    """
    files = collect_files(paths)
    report = ImportReport(skipped=files.skipped, missing=files.missing, special=files.special)
    total = len(files.files)
    workers = 0
    if parallel and total >= PARALLEL_FROM_FILES and "fork" in get_all_start_methods():
        workers = (os.cpu_count() or 1) - 1
    batches = [files.files[i : i + BATCH_FILES] for i in range(0, total, BATCH_FILES)]
    read = partial(_read, clean=clean, fmt=fmt, offsets=offsets, predictions=predictions)
    for batch in _reads(batches, read, workers):
        with project.bulk():
            for item in batch:
                outcome = _store(project, item, extend_schema, annotator)
                report.outcomes.append(outcome)
                if progress:
                    progress(len(report.outcomes), total, outcome)
    return report
