"""Commands that bring articles in and write them out: ``import``, ``export``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from annotator.cli.parser import CliError, open_project
from annotator.core.models import Status
from annotator.core.wording import count
from annotator.storage.location import resolve_project_path

if TYPE_CHECKING:
    from annotator.storage.project import Project


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.layers import check_name
    from annotator.storage.import_summary import summarize
    from annotator.storage.importer import import_paths

    missing = [p for p in args.paths if not os.path.lexists(p)]
    if len(missing) == len(args.paths):  # a mistyped path makes no empty project
        raise CliError(f"no such file or folder: {missing[0]}")
    # Checked before the project is opened: a bad name makes no empty project.
    annotator = check_name(args.annotator) if args.annotator is not None else None
    target = resolve_project_path(args.db)
    made = _missing_folders(target.parent) if not target.exists() else None
    with open_project(args, create=True) as project:
        report = import_paths(
            project,
            args.paths,
            clean=not args.no_clean,
            fmt=args.format,
            offsets=args.offsets,
            predictions=args.predictions,
            parallel=True,  # the command line runs one thread: reader processes may fork
            extend_schema=args.extend_schema,
            annotator=annotator,
        )
    summary = summarize(report, verbose=args.verbose)
    for line in summary.notes:
        print(line, file=err)
    if report.added:
        added = ", ".join(f"{lb.kind} {lb.name}" for lb in report.added)
        print(f"schema extended: {added}", file=err)
    if report.added_values:
        values = ", ".join(report.added_values)
        print(f"schema extended: document attribute values {values}", file=err)
    for line in summary.errors:
        print(f"annotator: error: {line}", file=err)
    if any(o.unknown_label for o in report.failed):
        print("annotator: hint: --extend-schema adds the files' new labels to the schema", file=err)
    if made is not None and report.imported == 0 and not report.added:
        _remove_new_project(target, made)  # made by this call, holding nothing: not left behind
        print(f"no project made at {target}: nothing was imported", file=err)
    print(summary.summary, file=err)
    return 1 if summary.errors else 0


def _missing_folders(folder: Path) -> list[Path]:
    """The folders, innermost first, that opening a project in ``folder`` will create."""
    made = []
    while not folder.exists() and folder != folder.parent:
        made.append(folder)
        folder = folder.parent
    return made


def _remove_new_project(path: Path, folders: list[Path]) -> None:
    """Remove a project this import created and put nothing in, and the folders made for it."""
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", ".lock"))):
        leftover.unlink(missing_ok=True)
    for folder in folders:
        try:
            folder.rmdir()  # only if empty: never what someone else put there since
        except OSError:
            break


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.splits import parse_ratios
    from annotator.storage.exporter import (
        FormatOptions,
        export_entities,
        export_format,
        export_jsonl,
    )

    output = Path(args.output) if args.output not in (None, "", "-") else None
    args.label = [n.strip() for item in args.label or () for n in item.split(",") if n.strip()]
    if args.seed is not None and not args.split:
        raise CliError("--seed chooses how --split shuffles: give --split too")
    with open_project(args) as project:
        if args.format == "entities":
            summary = export_entities(project, output, out)
            print(f"exported {count(summary.entities, 'entity')} to {output or 'stdout'}", file=err)
            return 0
        if unknown := sorted(set(args.label or ()) - {lb.name for lb in project.schema.labels}):
            raise CliError(f"unknown label {', '.join(unknown)}")
        if args.annotator is not None:
            _check_layer(project, args.annotator)
        if args.format != "jsonl" or args.split:
            try:
                ratios = parse_ratios(args.split) if args.split else None
            except ValueError as exc:
                raise CliError(str(exc)) from None
            report = export_format(
                project,
                args.format,
                output,
                out,
                statuses=[Status(s) for s in args.status or ()],
                labels=args.label or (),
                annotator=args.annotator,
                split=ratios,
                seed=13 if args.seed is None else args.seed,
                options=FormatOptions(args.offsets, args.doccano_layout, args.ner_layer),
                force=args.force,
            )
            for line in report.lines():
                print(line, file=err)
            return 0
        summary = export_jsonl(
            project,
            output,
            out,
            statuses=[Status(s) for s in args.status or ()],
            labels=args.label or (),
            annotator=args.annotator,
        )
    where = output or "stdout"
    print(
        f"exported {count(summary.documents, 'document')}, {count(summary.spans, 'span')}, "
        f"{count(summary.relations, 'relation')} to {where}",
        file=err,
    )
    return 0


def _check_layer(project: Project, name: str) -> None:
    """A mistyped analyst, or gold before ``adjudicate``, would export an empty training
    set over the last one: refused, naming the layers there are."""
    from annotator.storage.team_layers import has_layer, layer_names

    if not has_layer(project, name):
        names = ", ".join(layer_names(project)) or "none"
        hint = "; annotator adjudicate makes gold" if name == "gold" else ""
        raise CliError(f"nothing in the project is by {name!r} (analysts: {names}){hint}")
