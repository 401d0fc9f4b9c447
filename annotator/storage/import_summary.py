"""What an import tells the analyst: short lines, however many files and documents.

A call may read 10,000 files or one file of 100,000 documents; the summary
stays a few lines. Per-file details (document ids as ranges, furniture
removed, the source found) are shown for a handful of files or on request;
failures are always named, the first ``SHOWN`` of them, then a count.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.importing import readable_types
from annotator.core.wording import count
from annotator.storage.importer import FileOutcome, ImportReport

SHOWN = 10
"""Failed files (and skipped duplicates) listed before "and N more"."""


def id_ranges(ids: Iterable[int]) -> str:
    """``1-3, 7, 9-10`` for ids 1, 2, 3, 7, 9, 10: an import's ids are mostly one run."""
    runs: list[list[int]] = []
    for i in sorted(ids):
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def _file_line(outcome: FileOutcome) -> str:
    removed = [count(n, reason) for reason, n in outcome.removed.items()]
    detail = f" ({outcome.encoding})" if outcome.encoding else ""
    noun = "document" if len(outcome.imported) == 1 else "documents"
    line = f"{outcome.path}{detail}: {noun} {id_ranges(outcome.imported)}"
    if removed:
        line += "; removed " + ", ".join(removed)
    if outcome.source:
        line += f"; source: {outcome.source}"
    return line


def _capped(lines: Sequence[str], what: str, verbose: bool) -> list[str]:
    if verbose or len(lines) <= SHOWN:
        return list(lines)
    return [*lines[:SHOWN], f"and {len(lines) - SHOWN} more {what} (--verbose lists them)"]


def _missing(path: Path) -> str:
    """Why a path named (or listed) cannot be read: nothing there, or a link to nothing."""
    try:
        return f"{path}: a dangling link (to {os.readlink(path)}, which does not exist)"
    except (OSError, ValueError):
        return f"{path}: no such file or folder"


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """Notes, then one error line per failed file (capped), then the one-line count."""

    notes: list[str]
    errors: list[str]
    summary: str


def summarize(report: ImportReport, *, verbose: bool = False) -> ImportSummary:
    """The lines an import prints: short whatever the number of files and documents."""
    notes: list[str] = []
    details = verbose or len(report.outcomes) <= SHOWN
    duplicates: list[str] = []
    adjusted: Counter[str] = Counter()  # what readers adjusted, summed when files are not shown
    adjusted_files: Counter[str] = Counter()
    for outcome in report.outcomes:
        if outcome.error:
            continue
        duplicates += outcome.duplicates
        if details:
            notes += [f"{outcome.path}: {n} {note}" for note, n in outcome.notes.items()]
            if outcome.imported:
                notes.append(_file_line(outcome))
        else:
            adjusted.update(outcome.notes)
            adjusted_files.update(outcome.notes.keys())
    notes += [
        f"{n} {note} (in {count(adjusted_files[note], 'file')})" for note, n in adjusted.items()
    ]
    notes += _capped(duplicates, "documents already in the project", verbose)
    if report.skipped:
        notes.append(
            f"skipped {count(len(report.skipped), 'file')} of other types "
            f"(read here: {readable_types()})"
        )
    if report.special:
        noun = "file that is" if len(report.special) == 1 else "files that are"
        shown = ", ".join(str(p) for p in report.special[:SHOWN])
        more = f" and {len(report.special) - SHOWN} more" if len(report.special) > SHOWN else ""
        notes.append(
            f"skipped {len(report.special)} {noun} not regular (FIFO, socket or device), "
            f"never opened: {shown}{more}"
        )
    failures = (
        [str(o.error) for o in report.failed]
        + [_missing(p) for p in report.missing]
        + [
            f"{path}: folder cannot be read ({why}); its files were not imported"
            for path, why in report.unreadable
        ]
    )
    summary = f"imported {count(report.imported, 'document')}"
    stored = sum(1 for o in report.outcomes if not o.error)
    if stored > 1:
        summary += f" from {count(stored, 'file')}"
    if report.duplicates:
        summary += f", skipped {report.duplicates} already in the project"
    if failures:
        summary += f"; {count(len(failures), 'file')} failed"
    return ImportSummary(notes, _capped(failures, "failed files", verbose), summary)
