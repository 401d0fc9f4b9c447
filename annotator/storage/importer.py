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
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError, SchemaError
from annotator.core.import_rules import settle
from annotator.core.importing import collect_files, read_file
from annotator.core.layers import name_layer
from annotator.core.models import AnnotatedDocument, Label
from annotator.core.schema_rules import UnknownLabelError
from annotator.storage.database import write_transaction
from annotator.storage.project import DuplicateDocumentError, Project

# A batch is a commit and a fill of the search index: 500 files are a fraction of a second of
# work, and FTS5 merges fewer, larger segments (10,000 pages: 0.2 s less storing than at 200).
BATCH_FILES = 500


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
    # Document attribute values this file added to the schema, as "topic=sport".
    added_values: list[str] = field(default_factory=list)
    # The file failed on a label or relation type the schema lacks.
    unknown_label: bool = False


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    special: list[Path] = field(default_factory=list)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)

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

    @property
    def added_values(self) -> list[str]:
        return [value for o in self.outcomes for value in o.added_values]


Progress = Callable[[int, int, FileOutcome], None]

# Reader processes pay for themselves from a few hundred files: they read, decode and clean
# the next batches while this process stores the current one (a third off a large import).
PARALLEL_FROM_FILES = 400
_READ_AHEAD = 2  # batches read ahead of the one being stored: memory stays bounded
_NICE = 10  # how much lower the readers' priority is than the storing process's
# A file this large is read record by record while it is stored, here: read whole first (and
# pickled back from a reader process), a 100,000-document JSONL file took 2 GB.
STREAM_FROM_BYTES = 1 << 20
_ORPHAN_POLL_S = 0.5  # how often a reader process checks that its importer is alive


@dataclass
class _Read:
    """One file read and validated completely, not yet stored (picklable: reader processes).

    ``records`` is None for a large file, read while it is stored.
    """

    path: Path
    records: list[tuple[int | None, AnnotatedDocument]] | None
    error: str | None
    notes: Counter[str]


def _read(path: Path, clean: bool, fmt: str | None, offsets: str, predictions: bool) -> _Read:
    notes: Counter[str] = Counter()
    if _large(path):
        return _Read(path, None, None, notes)
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


def _large(path: Path) -> bool:
    try:
        return path.stat().st_size >= STREAM_FROM_BYTES
    except OSError:
        return False  # reading it says why


Stream = Callable[[Path, Counter[str]], Iterator[tuple[int | None, AnnotatedDocument]]]


class _NothingStoredError(Exception):
    """Rolls back a file's savepoint whose schema additions no stored record uses."""


def _store(
    project: Project,
    read: _Read,
    stream: Stream,
    extend_schema: bool = False,
    annotator: str | None = None,
) -> FileOutcome:
    """Store one file's records inside a savepoint: all of them or none.

    A large file's records are read as they are stored (``stream``): a bad line
    near its end rolls back what came before it, and memory holds one record.
    ``extend_schema``: labels and relation types the schema lacks are added
    first, in the same savepoint (a file that fails adds none). ``annotator``
    names the layer of every span and relation that names none.
    """
    path = read.path
    outcome = FileOutcome(path, notes=read.notes)
    if read.error is not None:
        outcome.error = read.error
        return outcome
    types = project.schema.relation_labels

    def settled(notes: Counter[str]) -> Iterator[tuple[int | None, AnnotatedDocument]]:
        """The file's records with repeats stored once and unlabelled relations named."""
        pairs = read.records if read.records is not None else stream(path, notes)
        return ((at, settle(record, types, notes)) for at, record in pairs)

    records = settled(outcome.notes)
    line: int | None = None
    try:
        with write_transaction(project.db):  # a savepoint inside the batch
            if extend_schema:
                first_pass = settled(Counter())
                outcome.added = project.extend_schema(record for _, record in first_pass)
                again = settled(Counter())
                outcome.added_values = project.extend_document_attributes(
                    record for _, record in again
                )
            for line, record in records:
                try:
                    outcome.imported.append(project.import_record(name_layer(record, annotator)))
                except DuplicateDocumentError as dup:
                    where = f"{path}:{line}" if line else str(path)
                    outcome.duplicates.append(f"{where}: skipped, {dup}")
                    continue
                if record.document.raw is None:
                    # Not a page decoded and cleaned now: an exported document's meta still
                    # tells of its first import, not of this one.
                    continue
                meta = record.document.meta
                cleaning = meta.get("cleaning") or {}
                for reason, count in cleaning.get("removed", {}).items():
                    outcome.removed[reason] = outcome.removed.get(reason, 0) + count
                outcome.source = outcome.source or meta.get("source")
                outcome.encoding = outcome.encoding or meta.get("encoding")
            if not outcome.imported and (outcome.added or outcome.added_values):
                raise _NothingStoredError  # every record was already there: the schema stays
    except _NothingStoredError:
        outcome.added.clear()
        outcome.added_values.clear()
        project.reload_schema()
    except (AnnotatorError, sqlite3.IntegrityError, OverflowError, ValueError) as exc:
        # The store refused a value the readers let through, or a line of a file read as it
        # is stored was bad (that error names its file and line): this file only is lost.
        located = isinstance(exc, InputError) and exc.path is not None
        at = exc.line if isinstance(exc, SchemaError) and exc.line is not None else line
        outcome.error = str(exc) if located else str(InputError(str(exc), path, at))
        outcome.unknown_label = isinstance(exc, UnknownLabelError)
        outcome.imported.clear()
        outcome.duplicates.clear()
        outcome.added.clear()
        outcome.added_values.clear()
        project.reload_schema()  # what the savepoint added to it is gone
    return outcome


def _end_with(parent: int) -> None:
    """In a reader process: exit once ``parent`` is gone.

    Killed outright (SIGKILL, a window killed mid-import), the importer cannot stop its
    readers, and they never see the end of their queues (each holds both ends of the pipes
    it inherited): they waited forever. A thread watches for the parent instead.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_ORPHAN_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-importer", daemon=True).start()


def _start_reader(parent: int) -> None:
    """In a reader process: a lower priority than the storing one, and an end with it.

    Storing is the slower side of a large import: at a lower priority the readers
    let it run whenever it can instead of taking turns with it (10,000 pages:
    3.15 s instead of 3.4 s).
    """
    os.nice(_NICE)
    _end_with(parent)


def _reads(
    batches: Sequence[Sequence[Path]], read: Callable[[Path], _Read], workers: int
) -> Iterator[list[_Read]]:
    """Each batch read, in order: here, or by ``workers`` reader processes reading ahead.

    Should the readers fail to start or die, the rest is read here.
    """
    done = 0
    if workers > 0:
        # Imported here: a few files, read in this process, need no pool (its import was
        # a tenth of a small import's start-up).
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool
        from multiprocessing import get_context

        try:
            # Forked, not spawned: a spawned reader re-imports the caller's main module and
            # costs more to start than it saves on a few thousand files (measured).
            with ProcessPoolExecutor(
                workers,
                mp_context=get_context("fork"),
                initializer=_start_reader,
                initargs=(os.getpid(),),
            ) as pool:
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


def _reader_count() -> int:
    """Reader processes: one per core but this process's, and two on two cores.

    Storing waits on the readers and on the disk part of the time, so on two
    cores a second reader takes up what the storing leaves: 10,000 pages went
    in in 3.4 s instead of 4.1-4.7 s (bench_store.py). On one core readers
    would only take turns with the storing: none.
    """
    cores = os.cpu_count() or 1
    return 0 if cores < 2 else max(2, cores - 1)


def _can_fork() -> bool:
    from multiprocessing import get_all_start_methods

    return "fork" in get_all_start_methods()


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
    report = ImportReport(
        skipped=files.skipped,
        missing=files.missing,
        special=files.special,
        unreadable=files.unreadable,
    )
    total = len(files.files)
    workers = 0
    if parallel and total >= PARALLEL_FROM_FILES and _can_fork():
        workers = _reader_count()
    batches = [files.files[i : i + BATCH_FILES] for i in range(0, total, BATCH_FILES)]
    read = partial(_read, clean=clean, fmt=fmt, offsets=offsets, predictions=predictions)

    def stream(path: Path, notes: Counter[str]) -> Iterator[tuple[int | None, AnnotatedDocument]]:
        return read_file(
            path, clean=clean, fmt=fmt, offsets=offsets, notes=notes, predictions=predictions
        )

    for batch in _reads(batches, read, workers):
        with project.bulk():
            for item in batch:
                outcome = _store(project, item, stream, extend_schema, annotator)
                report.outcomes.append(outcome)
                if progress:
                    progress(len(report.outcomes), total, outcome)
    return report
