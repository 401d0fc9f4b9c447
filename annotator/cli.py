"""The command line: import, export, list, stats, show, schema. No Qt.

Every command takes ``--db PATH`` (else ``$ANNOTATOR_DB``, else the default
project in the user data folder). Errors are one line on stderr and exit
status 1; ``--help`` works on every command.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from annotator import __version__
from annotator.core.errors import AnnotatorError
from annotator.core.format_names import EXPORT_FORMATS, IMPORT_FORMATS
from annotator.core.models import Status
from annotator.core.wording import count
from annotator.storage.location import ENV_VAR, resolve_project_path

if TYPE_CHECKING:
    from annotator.storage.project import Project

# Each command imports what it needs when it runs (the store, sqlite-utils, the readers,
# the writers, the terminal's bidi): `annotator --help` and every command start faster
# by what the others would have loaded (bench/README.md).

COMMANDS = (
    "import",
    "export",
    "list",
    "stats",
    "show",
    "claims",
    "search",
    "schema",
    "check",
    "backups",
    "train",
    "recommend",
    "assign",
    "merge",
    "agreement",
    "adjudicate",
)


class CliError(AnnotatorError):
    """A usage mistake: reported like any other error, exit status 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise CliError(f"{message} (see '{self.prog} --help')")


def _db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--db``, the one definition, before the command (``top``) and after it.

    After the command its default is SUPPRESS: a subparser's default would
    overwrite the value given before the command (``annotator --db X import f``
    once wrote into the default project).
    """
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help=f"project file (default: ${ENV_VAR}, else the default project)",
    )


def _command(
    sub: argparse._SubParsersAction[_Parser], name: str, help: str
) -> argparse.ArgumentParser:
    """A command's parser, with the options every command takes."""
    parser = sub.add_parser(name, help=help)
    _db_option(parser)
    return parser


def _bidi_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bidi",
        action="store_true",
        help="shape and reorder Arabic for terminals without bidi support",
    )


def _at_least_one(value: str) -> int:
    """A count the user gives: 0 or less would print hits it asked not to see, or none."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="annotator",
        description="Annotate Arabic news articles. Without a command, opens the window; "
        "'annotator curate --db TEAM' opens a team project's agreement and Curate mode.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    _db_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = _command(sub, "import", "import articles and annotated files (creates the project)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
    p.add_argument(
        "--no-clean",
        action="store_true",
        help="keep .txt and .html pages as read (no removal of page furniture)",
    )
    p.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        help="read files as this format (default: by suffix and content)",
    )
    p.add_argument(
        "--offsets",
        choices=("utf16", "codepoints"),
        default="utf16",
        help="doccano offsets: UTF-16 units as doccano writes them (default) or code points",
    )
    p.add_argument(
        "--predictions",
        action="store_true",
        help="also import Label Studio predictions, one layer per model version",
    )
    p.add_argument(
        "--extend-schema",
        action="store_true",
        help="add labels and relation types the files bring to the schema (else refused)",
    )
    p.add_argument(
        "-v", "--verbose", action="store_true", help="a line for every file, every failure"
    )
    p.add_argument("--annotator", metavar="NAME", help="analyst for spans that name none")

    p = _command(sub, "export", "export documents with their annotations")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="jsonl", help="output format")
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="file (replaced atomically; symlinks written through, pipes and devices streamed)"
        " or folder (hf, brat, spacy, --split); default or '-': stdout",
    )
    p.add_argument("--force", action="store_true", help="replace a folder output that is not empty")
    p.add_argument(
        "--split", metavar="80/10/10", help="train/dev/test by document, near-duplicates together"
    )
    p.add_argument("--seed", type=int, help="seed of the split (default 13)")
    p.add_argument(
        "--offsets",
        choices=("utf16", "codepoints"),
        default="utf16",
        help="doccano offsets: UTF-16 units as doccano counts them (default) or code points",
    )
    p.add_argument(
        "--doccano-layout",
        choices=("spans", "relations", "classes"),
        default="spans",
        help="doccano: sequence labelling (default), relation extraction (keeps relations)"
        " or text classification (document attributes as topic=conflict)",
    )
    p.add_argument(
        "--ner-layer",
        choices=("entities", "claims"),
        default="entities",
        help="hf: the tag layer of the ner_tags column (default entities)",
    )
    p.add_argument(
        "--status",
        action="append",
        choices=[str(s) for s in Status],
        help="only these statuses (repeat it); default all, but in_progress and done for the "
        "training formats hf, spacy, conll and prodigy (todo documents would teach 'no span')",
    )
    p.add_argument(
        "--label",
        "--labels",
        action="append",
        metavar="LABEL[,LABEL]",
        help="only spans with these labels (repeat or separate with commas)",
    )
    p.add_argument("--annotator", metavar="NAME", help="only spans by this annotator")

    p = _command(sub, "list", "list documents")
    p.add_argument("--status", choices=[str(s) for s in Status], help="only this status")
    p.add_argument("--external-id", metavar="ID", help="only the document its source called ID")
    p.add_argument(
        "--uid", metavar="UID", help="only the document with this uid (or its first digits)"
    )
    p.add_argument(
        "--doc-attr",
        action="append",
        metavar="NAME=VALUE",
        help="only documents with this document attribute value, e.g. topic=conflict (repeat: all)",
    )
    _bidi_option(p)

    p = _command(sub, "stats", "documents by status, spans and relations by label")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = _command(sub, "show", "print a document with its spans marked")
    p.add_argument("doc", type=int, metavar="DOC", help="document id (see 'annotator list')")
    _bidi_option(p)

    p = _command(sub, "claims", "claims with their sources, stances and cues")
    p.add_argument("--doc", type=int, metavar="DOC", help="only this document")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    _bidi_option(p)

    p = _command(sub, "search", "find text across the corpus, Arabic spelling folded")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true", help="print a JSON list of hits")
    p.add_argument("--status", action="append", choices=[str(s) for s in Status])
    p.add_argument("--label", metavar="LABEL", help="only hits inside a span with this label")
    p.add_argument(
        "--entity", metavar="NAME", help="only documents that mention this registry entity"
    )
    p.add_argument("--annotator", metavar="NAME", help="only hits inside spans by this annotator")
    p.add_argument(
        "--limit",
        type=_at_least_one,
        default=200,
        metavar="N",
        help="at most this many hits, 1 or more (default 200)",
    )
    _bidi_option(p)

    p = _command(sub, "schema", "show or replace the project's label schema")
    schema_sub = p.add_subparsers(dest="schema_command", metavar="ACTION", parser_class=_Parser)
    schema_sub.required = True
    _command(schema_sub, "show", "print the schema as JSON")
    s = _command(schema_sub, "load", "replace the schema with a schema file")
    s.add_argument("file", metavar="FILE")

    _command(sub, "check", "check the project file for damage (exit 1: damaged)")
    p = _command(sub, "backups", "list the project's backups, or restore one")
    p.add_argument(
        "--restore",
        type=int,
        metavar="N",
        help="put backup N (1: newest) in place; the current file is kept aside",
    )

    p = _command(sub, "train", "train the recommender on the analysts' own spans")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--force", action="store_true", help="train even if nothing changed")

    p = _command(sub, "recommend", "the trained recommender's proposals for a document")
    p.add_argument("--doc", type=int, metavar="DOC", required=True, help="document id")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    _bidi_option(p)
    _team_parsers(sub)
    return parser


def _team_parsers(sub: argparse._SubParsersAction[_Parser]) -> None:
    p = _command(sub, "assign", "share a corpus out: one project file per analyst")
    p.add_argument("--annotators", required=True, metavar="A,B,...", help="the analysts' names")
    p.add_argument(
        "--overlap", type=float, default=0.0, help="share of documents given to two (0-1)"
    )
    p.add_argument("--seed", type=int, default=13, help="seed of the shuffle (default 13)")
    p.add_argument("--by-status", choices=[str(s) for s in Status], help="only these documents")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for the files")

    p = _command(sub, "merge", "bring analysts' project files and JSONL exports in")
    p.add_argument("paths", nargs="+", metavar="FILE")

    p = _command(sub, "agreement", "inter-annotator agreement over shared documents")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--labels", metavar="L,...", help="only these span labels")
    p.add_argument("--html", metavar="PATH", help="also write a self-contained HTML report")

    p = _command(sub, "adjudicate", "put what the analysts agree on into the gold layer")
    p.add_argument("--auto", choices=("agreed",), required=True, help="what to accept")


def _open(args: argparse.Namespace, *, create: bool = False, reading: bool = False) -> Project:
    """The project of ``--db``; only ``create`` (import) may make one where there is none.

    SQLite's quick_check runs first at any size, except for ``reading`` commands, which
    check files up to 64 MB and report damage they meet in larger ones.
    """
    from annotator.storage.project import Project

    path = resolve_project_path(args.db)
    if not create and not path.exists():
        raise CliError(f"no project at {path}")
    return Project.open(path, verify=None if reading else True)


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.layers import check_name
    from annotator.storage.import_summary import summarize
    from annotator.storage.importer import import_paths

    missing = [p for p in args.paths if not os.path.lexists(p)]
    if len(missing) == len(args.paths):  # a mistyped path makes no empty project
        raise CliError(f"no such file or folder: {missing[0]}")
    with _open(args, create=True) as project:
        report = import_paths(
            project,
            args.paths,
            clean=not args.no_clean,
            fmt=args.format,
            offsets=args.offsets,
            predictions=args.predictions,
            parallel=True,  # the command line runs one thread: reader processes may fork
            extend_schema=args.extend_schema,
            annotator=check_name(args.annotator) if args.annotator else None,
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
    print(summary.summary, file=err)
    return 1 if summary.errors else 0


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
    with _open(args) as project:
        if args.format == "entities":
            summary = export_entities(project, output, out)
            print(f"exported {count(summary.entities, 'entity')} to {output or 'stdout'}", file=err)
            return 0
        if unknown := sorted(set(args.label or ()) - {lb.name for lb in project.schema.labels}):
            raise CliError(f"unknown label {', '.join(unknown)}")
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


def cmd_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.terminal import for_terminal
    from annotator.storage.doc_attrs import doc_attr_filters

    with _open(args, reading=True) as project:
        rows = project.documents(
            Status(args.status) if args.status else None,
            external_id=args.external_id,
            uid=args.uid,
            doc_attrs=doc_attr_filters(project.schema, args.doc_attr or ()),
        )
    print(f"{'ID':>5}  {'STATUS':<11}  {'SPANS':>5}  TITLE", file=out)
    for row in rows:
        title = for_terminal(row.title, visual=args.bidi)
        print(f"{row.id:>5}  {row.status:<11}  {row.span_count:>5}  {title}", file=out)
    return 0


def cmd_stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with _open(args, reading=True) as project:
        stats = project.stats()
        classes = project.doc_attrs.counts()
    if args.json:
        data = {
            "format_version": 1,
            "documents": stats.documents,
            "by_status": dict(stats.by_status),
            "spans": dict(stats.spans_by_label),
            "relations": dict(stats.relations_by_label),
            "document_attributes": classes,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2), file=out)
        return 0
    print(f"documents  {stats.documents}", file=out)
    for status, n in stats.by_status.items():
        print(f"  {status:<11} {n}", file=out)
    print(f"spans      {sum(stats.spans_by_label.values())}", file=out)
    for label, n in stats.spans_by_label.items():
        print(f"  {label:<11} {n}", file=out)
    print(f"relations  {sum(stats.relations_by_label.values())}", file=out)
    for label, n in stats.relations_by_label.items():
        print(f"  {label:<11} {n}", file=out)
    for name, values in classes.items():  # documents per value of each document attribute
        print(f"{name:<10} {sum(values.values())}", file=out)
        for value, n in values.items():
            print(f"  {value:<11} {n}", file=out)
    return 0


def cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.doc_categories import categories
    from annotator.core.terminal import for_terminal, mark_spans

    with _open(args, reading=True) as project:
        doc = project.document(args.doc)
        spans = project.spans(args.doc)
        relations = project.relations(args.doc)
        classes = categories(project.doc_attrs.of(args.doc))
    print(f"# {args.doc}  [{doc.status}]  {len(spans)} spans, {len(relations)} relations", file=out)
    source = f"  source id {doc.external_id}" if doc.external_id else ""
    print(f"# uid {doc.uid}{source}", file=out)
    if classes:
        print(f"# {'  '.join(classes)}", file=out)
    print(for_terminal(mark_spans(doc.text, spans), visual=args.bidi), file=out)
    if spans:
        print("", file=out)
    for span in spans:
        text = for_terminal(span.text, visual=args.bidi)
        print(f"  span {span.id:>5}  {span.label:<10} {span.start}-{span.end}  {text}", file=out)
    for rel in relations:
        print(f"  rel  {rel.id:>5}  {rel.label:<10} {rel.head} -> {rel.tail}", file=out)
    return 0


def cmd_claims(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.terminal import for_terminal
    from annotator.storage.claims import claims

    with _open(args, reading=True) as project:
        if args.doc is not None:
            project.document(args.doc)  # a clear error for an unknown id
        found = claims(project, args.doc)
    if args.json:
        print(json.dumps([c.to_json() for c in found], ensure_ascii=False, indent=2), file=out)
        return 0

    def show(text: str) -> str:
        return for_terminal(text, visual=args.bidi)

    for claim in found:
        factuality = claim.span.attrs.get("factuality")
        mark = f" [{factuality}]" if factuality else ""
        print(f"#{claim.doc_id}  claim {claim.span.id}{mark}: {show(claim.span.text)}", file=out)
        for source in claim.sources:
            entity = f" = {show(source.entity.name)}" if source.entity else ""
            stance = source.stance or "no stance"
            print(f"    source ({stance}): {show(source.span.text)}{entity}", file=out)
        for cue in claim.cues:
            print(f"    cue: {show(cue.text)}", file=out)
    print(f"{count(len(found), 'claim')}", file=err)
    return 0


def cmd_search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.terminal import for_terminal
    from annotator.storage.search import search

    with _open(args, reading=True) as project:
        entity = None
        if args.entity:
            found = project.entities.candidates(args.entity)
            if not found:
                raise CliError(f"no entity like {args.entity!r} in the registry")
            entity = found[0].id
        hits = search(
            project,
            args.query,
            statuses=[Status(s) for s in args.status or ()],
            label=args.label,
            entity=entity,
            annotator=args.annotator,
            limit=args.limit,
        )
    if args.json:
        print(json.dumps([h.to_json() for h in hits], ensure_ascii=False, indent=2), file=out)
    else:
        for hit in hits:  # the snippet marks the hit ⟦like this⟧
            shown = for_terminal(hit.snippet, visual=args.bidi)
            print(f"#{hit.doc} {hit.start}-{hit.end}  {shown}", file=out)
    print(count(len(hits), "hit"), file=err)
    return 0


def cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.schema import load_schema_text, schema_to_json

    with _open(args, reading=args.schema_command == "show") as project:
        if args.schema_command == "load":
            try:
                text = Path(args.file).read_text(encoding="utf-8-sig")
            except OSError as exc:
                raise CliError(f"{args.file}: cannot read: {exc.strerror}") from None
            except UnicodeDecodeError:
                raise CliError(f"{args.file}: not UTF-8 text") from None
            try:
                schema = load_schema_text(text)
            except AnnotatorError as exc:
                raise CliError(f"{args.file}: {exc}") from None
            project.set_schema(schema)
            print(f"schema loaded: {len(schema.labels)} labels", file=err)
        else:
            print(
                json.dumps(schema_to_json(project.schema), ensure_ascii=False, indent=2), file=out
            )
    return 0


def cmd_assign(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.assignment import parse_names
    from annotator.storage.team_assign import analyst_path, assign

    names = parse_names(args.annotators)
    status = Status(args.by_status) if args.by_status else None
    with _open(args, reading=True) as project:  # writes files, not the corpus
        plan = assign(project, names, Path(args.output), overlap=args.overlap, seed=args.seed,
                      status=status)  # fmt: skip
    print(f"{'ANALYST':<20}  {'DOCUMENTS':>9}  {'SHARED':>6}  FILE", file=out)
    for name, n, shared in plan.rows():
        print(f"{name:<20}  {n:>9}  {shared:>6}  {analyst_path(Path(args.output), name)}", file=out)
    total = len({d for ids in plan.documents.values() for d in ids})
    print(f"assigned {count(total, 'document')}, {len(plan.shared)} to two analysts", file=err)
    return 0


def cmd_merge(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.storage.team_merge import TeamMerge

    with _open(args) as project:
        outcomes = TeamMerge(project).merge_paths(Path(p) for p in args.paths)
    for outcome in outcomes:
        print(
            f"annotator: error: {outcome.error}" if outcome.error else outcome.summary(), file=err
        )
        for conflict in outcome.conflicts:
            print(f"  entity conflict: {conflict}", file=err)
    failed = [str(o.path) for o in outcomes if o.error]
    summary = f"merged {count(len(outcomes) - len(failed), 'file')}"
    print(summary + (f"; failed: {', '.join(failed)}" if failed else ""), file=err)
    return 1 if failed else 0


def cmd_agreement(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core import agreement, agreement_html
    from annotator.core.agreement_text import text_lines
    from annotator.core.outputs import open_output
    from annotator.storage.team_layers import shared_documents

    with _open(args, reading=True) as project:
        labels = [lb.name for lb in project.schema.span_labels]
        if args.labels:
            wanted = [n for n in args.labels.split(",") if n]
            if unknown := sorted(set(wanted) - set(labels)):
                raise CliError(f"unknown label {', '.join(unknown)}")
            labels = wanted
        report = agreement.compute(shared_documents(project), labels, confusion=bool(args.html))
        if args.html:  # "-" streams the page to stdout
            with open_output(args.html, out, project=project.path) as stream:
                stream.write(agreement_html.render(report))
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2), file=out)
    else:
        print("\n".join(text_lines(report)), file=out)
    return 0


def cmd_adjudicate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.storage.adjudicate import auto_agreed

    with _open(args) as project:
        result = auto_agreed(project)
    print(f"gold: {count(result.spans, 'span')} and {count(result.relations, 'relation')} added "
          f"from {count(result.documents, 'shared document')}", file=err)  # fmt: skip
    return 0


def cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.storage.backups import damage_hint
    from annotator.storage.safety import check_file

    path = resolve_project_path(args.db)
    report = check_file(path)
    for problem in report.problems:
        print(f"{path}: {problem}", file=out)
    if report.ok:
        print(f"{path}: no damage ({count(report.spans_checked, 'span')} checked)", file=err)
        return 0
    print(f"{path}: damaged; {damage_hint(path)}", file=err)
    return 1


def cmd_backups(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.storage.backups import backup_folder, list_backups, restore

    path = resolve_project_path(args.db)
    if not path.exists() and not backup_folder(path).is_dir():
        raise CliError(f"no project at {path}")  # a lost project with backups can be restored
    if args.restore is not None:
        chosen, aside = restore(path, args.restore)
        print(f"restored {chosen.path.name} ({chosen.made}) to {path}", file=err)
        if aside.exists():
            print(f"the file it replaced is kept as {aside}", file=err)
        return 0
    copies = list_backups(path)
    for number, copy in enumerate(copies, start=1):
        size = f"{copy.size / 1e6:.1f} MB"
        print(f"{number:>3}  {copy.made}  {size:>10}  {copy.checked:<9}  {copy.path}", file=out)
    print(f"{count(len(copies), 'backup')} in {backup_folder(path)}", file=err)
    return 0


def cmd_train(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.storage.recommender import train_project

    with _open(args) as project:  # it stores the model
        result = train_project(project, force=args.force)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2), file=out)
        return 0
    report = result.as_json()
    for label, s in report["labels"].items():
        print(
            f"{label:<10} P {s['precision']:.2f}  R {s['recall']:.2f}  F1 {s['f1']:.2f}"
            f"  ({s['gold']} spans)",
            file=out,
        )
    if report["learning_curve"]:
        curve = ", ".join(f"{float(f):.0%}: {v:.2f}" for f, v in report["learning_curve"].items())
        print(f"learning curve (F1 by share of training documents): {curve}", file=out)
    for label, why in result.withheld.items():
        print(f"{label}: not proposed: {why}", file=err)
    if not result.stored:
        state = "nothing to learn from yet (spans in documents in progress or done); no model"
    elif result.unchanged:
        state = "model unchanged"
    else:
        state = "model stored in the project"
    print(
        f"{count(result.documents, 'document')}, {count(result.spans, 'span')}; {state}",
        file=err,
    )
    return 0


def cmd_recommend(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.terminal import for_terminal
    from annotator.storage.recommender import ProjectRecommender

    with _open(args, reading=True) as project:
        project.document(args.doc)  # a missing document is a clear error
        recommender = ProjectRecommender(project)
        proposals = recommender.proposals(args.doc) if recommender.trained else []
    if not recommender.trained:
        print("no trained model in this project: run 'annotator train' first", file=err)
    if args.json:
        rows = [
            {
                "start": p.start,
                "end": p.end,
                "label": p.label,
                "text": p.text,
                "score": round(p.score, 4),
            }
            for p in proposals
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2), file=out)
    else:
        for p in proposals:
            shown = for_terminal(p.text, visual=args.bidi)
            print(f"{p.start}-{p.end}  {p.label:<10} {p.score:.2f}  {shown}", file=out)
    print(count(len(proposals), "proposal"), file=err)
    return 0


HANDLERS = {
    "import": cmd_import,
    "export": cmd_export,
    "list": cmd_list,
    "stats": cmd_stats,
    "show": cmd_show,
    "claims": cmd_claims,
    "search": cmd_search,
    "schema": cmd_schema,
    "assign": cmd_assign,
    "merge": cmd_merge,
    "agreement": cmd_agreement,
    "adjudicate": cmd_adjudicate,
    "check": cmd_check,
    "backups": cmd_backups,
    "train": cmd_train,
    "recommend": cmd_recommend,
}


def _takes_value(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string, of every command, that reads the next word as its value."""
    found: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _takes_value(sub)
        elif action.option_strings and action.nargs != 0:
            found.update(action.option_strings)
    return found


_PROGRAM_OPTIONS = frozenset({"-h", "--help", "--version"})


def command_first(argv: Sequence[str], parser: argparse.ArgumentParser) -> list[str]:
    """Options given before the command moved after it: ``--json stats`` = ``stats --json``.

    argparse reads a command's options only after the command's word; the command
    line's convention is that they work on either side. ``--help``, ``--version``
    and ``--db`` stay where they are: they are the program's own (``--db`` after the
    command wins over ``--db`` before it, as the nearer).
    """
    argv = list(argv)
    values = _takes_value(parser)
    front: list[str] = []
    moved: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--" or not arg.startswith("-") or arg == "-":
            if arg in COMMANDS and moved:
                return [*front, arg, *argv[i + 1 :], *moved]
            return argv
        width = 2 if arg in values and "=" not in arg else 1
        keep = arg in _PROGRAM_OPTIONS or arg == "--db" or arg.startswith("--db=")
        (front if keep else moved).extend(argv[i : i + width])
        i += width
    return argv


def _refuse_empty_paths(args: argparse.Namespace) -> None:
    """``--db ""`` or ``-o ""`` (an unset shell variable) is a mistake, never "the default"."""
    for option, name in (("db", "--db"), ("output", "-o/--output"), ("html", "--html")):
        if getattr(args, option, None) == "":
            raise CliError(f"{name} names no path (an empty string)")
    if any(path == "" for path in getattr(args, "paths", None) or ()):
        raise CliError("an empty string is not a file or folder to read")


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run one command; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        argv = command_first(sys.argv[1:] if argv is None else argv, parser)
        args = parser.parse_args(argv)
        _refuse_empty_paths(args)
        if args.command is None:
            parser.print_help(out)
            return 0
        return HANDLERS[args.command](args, out, err)
    except AnnotatorError as exc:
        print(f"annotator: error: {exc}", file=err)
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted", file=err)
        return 130
    except BrokenPipeError:  # `annotator export | head`
        return 0
    except sqlite3.DatabaseError as exc:  # damage met while reading a large project
        path = resolve_project_path(getattr(args, "db", None))
        corrupt = type(exc) is sqlite3.DatabaseError  # SQLITE_CORRUPT, SQLITE_NOTADB
        from annotator.storage.backups import damage_hint

        hint = f"; {damage_hint(path)}" if corrupt else ""
        print(f"annotator: error: {path}: {exc}{hint}", file=err)
        return 1
