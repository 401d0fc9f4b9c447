"""Exporting a project to native JSONL: streamed, atomic when written to a file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from annotator.core.files import atomic_text_writer
from annotator.core.jsonl import dumps_record
from annotator.core.models import Status
from annotator.storage.project import Project


@dataclass
class ExportSummary:
    documents: int = 0
    spans: int = 0
    relations: int = 0


def write_jsonl(
    project: Project,
    stream: TextIO,
    *,
    statuses: Iterable[Status] = (),
    labels: Iterable[str] = (),
    annotator: str | None = None,
) -> ExportSummary:
    summary = ExportSummary()
    for record in project.iter_records(statuses=statuses, labels=labels, annotator=annotator):
        stream.write(dumps_record(record))
        stream.write("\n")
        summary.documents += 1
        summary.spans += len(record.spans)
        summary.relations += len(record.relations)
    return summary


def export_jsonl(
    project: Project,
    output: Path | None,
    stdout: TextIO,
    *,
    statuses: Iterable[Status] = (),
    labels: Iterable[str] = (),
    annotator: str | None = None,
) -> ExportSummary:
    """Write to ``output`` atomically (temp file, fsync, rename), or to ``stdout``."""
    if output is None:
        return write_jsonl(project, stdout, statuses=statuses, labels=labels, annotator=annotator)
    with atomic_text_writer(output) as stream:
        return write_jsonl(project, stream, statuses=statuses, labels=labels, annotator=annotator)
