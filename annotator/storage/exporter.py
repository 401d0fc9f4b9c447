"""Exporting a project to native JSONL: streamed, atomic when written to a file.

``jsonl`` writes one document per line; span ``entity`` fields name the
registry entity by id and name. ``entities`` writes the registry itself (one
entity per line, aliases, Wikidata/GeoNames ids and mention counts), a file
of its own so that every line of the documents file has the same shape.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
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
    entities: int = 0


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


def write_entities(project: Project, stream: TextIO) -> ExportSummary:
    """The entity registry as JSONL, one entity per line, with its mention counts."""
    summary = ExportSummary()
    for item in project.entities.all():
        e = item.entity
        record = {
            "id": e.id,
            "name": e.name,
            "kind": e.kind,
            "type": e.type,
            "aliases": list(e.aliases),
            "wikidata": e.wikidata,
            "geonames": e.geonames,
            "notes": e.notes,
            "mentions": item.mentions,
            "documents": item.documents,
        }
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        summary.entities += 1
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
    return _write(
        output,
        stdout,
        lambda stream: write_jsonl(
            project, stream, statuses=statuses, labels=labels, annotator=annotator
        ),
    )


def export_entities(project: Project, output: Path | None, stdout: TextIO) -> ExportSummary:
    return _write(output, stdout, lambda stream: write_entities(project, stream))


def _write(
    output: Path | None, stdout: TextIO, write: Callable[[TextIO], ExportSummary]
) -> ExportSummary:
    if output is None:
        return write(stdout)
    with atomic_text_writer(output) as stream:
        return write(stream)
