"""Exporting a project: native JSONL, the entity registry and the training formats.

Every path is written through ``annotator.core.outputs``: files replaced atomically,
symlinks written through, pipes and devices streamed, folders built beside their
target and renamed into place.

``jsonl`` writes one document per line; span ``entity`` fields name the
registry entity by id and name. ``entities`` writes the registry itself (one
entity per line, aliases, Wikidata/GeoNames ids and mention counts), a file
of its own so that every line of the documents file has the same shape.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from annotator.core.doc_categories import count_values
from annotator.core.errors import AnnotatorError
from annotator.core.formats import ExportReport, Layers
from annotator.core.formats.brat import write_brat
from annotator.core.formats.conll import write_conll
from annotator.core.formats.doccano import Layout, Offsets, write_doccano
from annotator.core.formats.hf import NerLayer, dataset_card, write_hf_split
from annotator.core.formats.labelstudio_export import write_labelstudio
from annotator.core.formats.prodigy import write_prodigy
from annotator.core.formats.spacy_docbin import write_spacy
from annotator.core.jsonl import dumps_record
from annotator.core.models import AnnotatedDocument, AttributeSpec, Label, Status
from annotator.core.outputs import STDOUT_NAMES, folder_output, open_output
from annotator.core.splits import SPLIT_NAMES, assign_splits
from annotator.storage.native import native_lines
from annotator.storage.project import Project, Selection


def write_jsonl(
    project: Project,
    stream: TextIO,
    *,
    statuses: Iterable[Status] = (),
    labels: Iterable[str] = (),
    annotator: str | None = None,
) -> ExportReport:
    """The project's documents as native JSONL, streamed from one snapshot."""
    report = ExportReport()
    for line, spans, relations in native_lines(project, Selection.of(statuses, labels, annotator)):
        stream.write(line + "\n")
        report.documents += 1
        report.spans += spans
        report.relations += relations
    return report


def write_records(records: Iterable[AnnotatedDocument], stream: TextIO) -> ExportReport:
    """Native JSONL of records in memory (a split of an export), one document per line."""
    report = ExportReport()
    for record in records:
        stream.write(dumps_record(record) + "\n")
        report.documents += 1
        report.spans += len(record.spans)
        report.relations += len(record.relations)
    return report


def write_entities(project: Project, stream: TextIO) -> ExportReport:
    """The entity registry as JSONL, one entity per line, with its mention counts."""
    summary = ExportReport()
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
) -> ExportReport:
    """Write to ``output`` (see ``annotator.core.outputs``), or to ``stdout`` when None."""
    return _write(
        project,
        output,
        stdout,
        lambda stream: write_jsonl(
            project, stream, statuses=statuses, labels=labels, annotator=annotator
        ),
    )


def export_entities(project: Project, output: Path | None, stdout: TextIO) -> ExportReport:
    return _write(project, output, stdout, lambda stream: write_entities(project, stream))


def _write(
    project: Project,
    output: Path | None,
    stdout: TextIO,
    write: Callable[[TextIO], ExportReport],
) -> ExportReport:
    if output is None:
        return write(stdout)
    with open_output(output, stdout, project=project.path) as stream:
        return write(stream)


# -- training and interchange formats -----------------------------------------

STREAM_FORMATS = {
    "jsonl": ".jsonl",
    "conll": ".conll",
    "doccano": ".jsonl",
    "labelstudio": ".json",
    "prodigy": ".jsonl",
}
FOLDER_FORMATS = {"hf", "brat", "spacy"}
# Formats with a place for document attribute values (the others count them as not written).
DOC_ATTR_FORMATS = {"jsonl", "doccano", "labelstudio", "spacy", "hf"}
SPACY_NAMES = {"all": "train"}
FORMATS = ("jsonl", "entities", *sorted(set(STREAM_FORMATS) - {"jsonl"} | FOLDER_FORMATS))
TRAINING_FORMATS = frozenset({"hf", "spacy", "conll", "prodigy"})
"""Formats that train models: a document nobody has worked on would teach that nothing in
it is a span, so they take ``TRAINING_STATUSES`` unless ``--status`` names others."""
TRAINING_STATUSES = (Status.IN_PROGRESS, Status.DONE)
LEFT_OUT = "todo left out (not yet annotated; --status todo takes them)"


@dataclass(frozen=True, slots=True)
class FormatOptions:
    """Choices of single formats: doccano offsets and layout, the Hugging Face ner_tags layer."""

    offsets: Offsets = "utf16"
    doccano_layout: Layout = "spans"
    ner_layer: NerLayer = "entities"


def _write_stream(
    fmt: str,
    records: list[AnnotatedDocument],
    layers: Layers,
    stream: TextIO,
    options: FormatOptions,
) -> ExportReport:
    if fmt == "jsonl":
        return write_records(records, stream)
    if fmt == "conll":
        return write_conll(records, layers, stream)
    if fmt == "doccano":
        return write_doccano(records, stream, options.offsets, options.doccano_layout)
    if fmt == "labelstudio":
        return write_labelstudio(records, stream)
    if fmt == "prodigy":
        return write_prodigy(records, stream)
    raise ValueError(fmt)


def _merge(into: ExportReport, part: ExportReport) -> None:
    into.merge(part)


def export_format(
    project: Project,
    fmt: str,
    output: Path | None,
    stdout: TextIO,
    *,
    statuses: Iterable[Status] = (),
    labels: Iterable[str] = (),
    annotator: str | None = None,
    split: Sequence[int] | None = None,
    seed: int = 13,
    options: FormatOptions = FormatOptions(),
    force: bool = False,
) -> ExportReport:
    """Export in ``fmt``; with ``split``, one file (or folder) per split inside ``output``.

    Training formats (``TRAINING_FORMATS``) take documents in progress or done
    unless ``statuses`` says otherwise; the report counts the todo ones left out.

    A folder output is built beside ``output`` and renamed into place; ``force``
    lets it replace a folder that is not empty.
    """
    folder = bool(split) or fmt in FOLDER_FORMATS
    if folder and (output is None or str(output) in STDOUT_NAMES):
        raise AnnotatorError(f"{fmt} export{' with --split' if split else ''} needs -o FOLDER")
    layers = Layers.of(project.schema.span_labels)
    report = ExportReport()
    statuses = tuple(statuses)
    if not statuses and fmt in TRAINING_FORMATS:
        statuses = TRAINING_STATUSES
        if todo := project.stats().by_status.get(str(Status.TODO), 0):
            report.notes[LEFT_OUT] += todo

    def parts() -> dict[str, list[AnnotatedDocument]]:
        records = list(project.iter_records(statuses=statuses, labels=labels, annotator=annotator))
        if fmt not in DOC_ATTR_FORMATS:
            report.lose(
                "document attribute values (this format has no document classes)",
                sum(count_values(r.doc_attrs) for r in records),
            )
        if not split:
            return {"all": records}
        assignment = assign_splits(
            [(r.document.id or 0, r.document.text) for r in records], split, seed
        )
        return {
            name: [r for r in records if assignment[r.document.id or 0] == name]
            for name in SPLIT_NAMES[: len(split)]
        }

    if output is None:
        _merge(report, _write_stream(fmt, parts()["all"], layers, stdout, options))
    elif not folder:
        # The output is checked (and a FIFO's reader awaited) before the project is read.
        with open_output(output, stdout, project=project.path) as stream:
            _merge(report, _write_stream(fmt, parts()["all"], layers, stream, options))
        report.files.append(str(output))
    else:
        with folder_output(output, force=force, project=project.path) as building:
            _write_folder(
                report,
                fmt,
                parts(),
                layers,
                building,
                options,
                project.schema.labels,
                split=bool(split),
                doc_attributes=project.schema.document_attributes,
            )
            report.files = [_final(name, building, output) for name in dict.fromkeys(report.files)]
    return report


def _final(name: str, building: Path, output: Path) -> str:
    """A path inside the folder being built, as it will be named once in place."""
    inside = Path(name).relative_to(building)
    return str(output / inside) if inside.parts else str(output)


def _write_folder(
    report: ExportReport,
    fmt: str,
    parts: dict[str, list[AnnotatedDocument]],
    layers: Layers,
    output: Path,
    options: FormatOptions,
    labels: Sequence[Label],
    *,
    split: bool,
    doc_attributes: Sequence[AttributeSpec] = (),
) -> None:
    """Every split of a folder export into ``output``, a new empty folder."""
    if fmt == "spacy":  # one tokenizer and one config.cfg for every split
        written = write_spacy(
            {SPACY_NAMES.get(n, n): p for n, p in parts.items()}, layers, output, doc_attributes
        )
        report.merge(written)
        report.files += written.files
        return
    for name, part in parts.items():
        if fmt == "brat":
            folder = output / name if split else output
            _merge(report, write_brat(part, folder, labels))
            report.files.append(str(folder))
        elif fmt == "hf":
            target = output / f"{'train' if name == 'all' else name}.jsonl"
            with open_output(target) as stream:
                _merge(
                    report,
                    write_hf_split(part, layers, stream, options.ner_layer, doc_attributes),
                )
            report.files.append(str(target))
        else:
            target = output / f"{name}{STREAM_FORMATS[fmt]}"
            with open_output(target) as stream:
                _merge(report, _write_stream(fmt, part, layers, stream, options))
            report.files.append(str(target))
    if fmt == "hf":
        names = ["train"] if not split else list(parts)
        with open_output(output / "README.md") as stream:
            stream.write(dataset_card(layers, names, options.ner_layer, doc_attributes))
