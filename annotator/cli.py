"""The command line: import, export, list, stats, show, schema. No Qt.

Every command takes ``--db PATH`` (else ``$ANNOTATOR_DB``, else the default
project in the user data folder). Errors are one line on stderr and exit
status 1; ``--help`` works on every command.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from annotator import __version__
from annotator.core.errors import AnnotatorError
from annotator.core.importing import IMPORT_FORMATS
from annotator.core.models import Status
from annotator.core.schema import load_schema_text, schema_to_json
from annotator.core.splits import parse_ratios
from annotator.core.terminal import for_terminal, mark_spans
from annotator.core.wording import count
from annotator.storage.claims import claims
from annotator.storage.exporter import FORMATS as EXPORT_FORMATS
from annotator.storage.exporter import (
    FormatOptions,
    export_entities,
    export_format,
    export_jsonl,
)
from annotator.storage.import_summary import summarize
from annotator.storage.importer import import_paths
from annotator.storage.location import ENV_VAR, resolve_project_path
from annotator.storage.project import Project
from annotator.storage.search import search

COMMANDS = (
    "import",
    "export",
    "list",
    "stats",
    "show",
    "claims",
    "search",
    "schema",
    "train",
    "recommend",
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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="annotator",
        description="Annotate Arabic news articles. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    _db_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = _command(sub, "import", "import articles and annotated files (creates the project)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (recursive)")
    p.add_argument(
        "--no-clean",
        action="store_true",
        help="keep .txt pages as decoded (no removal of page furniture)",
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
        "--extend-schema",
        action="store_true",
        help="add labels and relation types the files bring to the schema (else refused)",
    )
    p.add_argument(
        "-v", "--verbose", action="store_true", help="a line for every file, every failure"
    )

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
    p.add_argument("--seed", type=int, default=13, help="seed of the split (default 13)")
    p.add_argument(
        "--offsets",
        choices=("utf16", "codepoints"),
        default="utf16",
        help="doccano offsets: UTF-16 units as doccano counts them (default) or code points",
    )
    p.add_argument(
        "--doccano-layout",
        choices=("spans", "relations"),
        default="spans",
        help="doccano: sequence labelling (default) or relation extraction (keeps relations)",
    )
    p.add_argument(
        "--ner-layer",
        choices=("entities", "claims"),
        default="entities",
        help="hf: the tag layer of the ner_tags column (default entities)",
    )
    p.add_argument(
        "--status", action="append", choices=[str(s) for s in Status], help="only these statuses"
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
    p.add_argument("--limit", type=int, default=200, help="at most this many hits (default 200)")
    _bidi_option(p)

    p = _command(sub, "schema", "show or replace the project's label schema")
    schema_sub = p.add_subparsers(dest="schema_command", metavar="ACTION", parser_class=_Parser)
    schema_sub.required = True
    _command(schema_sub, "show", "print the schema as JSON")
    s = _command(schema_sub, "load", "replace the schema with a schema file")
    s.add_argument("file", metavar="FILE")

    p = _command(sub, "train", "train the recommender on the analysts' own spans")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--force", action="store_true", help="train even if nothing changed")
    p.add_argument(
        "--rank",
        type=int,
        metavar="N",
        default=0,
        help="then rank up to N todo documents, the model's least sure first",
    )
    p.add_argument(
        "--background",
        action="store_true",
        help="run at low priority, so a window's keys come first (the window trains so)",
    )

    p = _command(sub, "recommend", "the trained recommender's proposals for a document")
    p.add_argument("--doc", type=int, metavar="DOC", required=True, help="document id")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    _bidi_option(p)
    return parser


def _open(args: argparse.Namespace, *, create: bool = False) -> Project:
    """The project of ``--db``; only ``create`` (import) may make one where there is none."""
    path = resolve_project_path(args.db)
    if not create and not path.exists():
        raise CliError(f"no project at {path}")
    return Project.open(path)


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with _open(args, create=True) as project:
        report = import_paths(
            project,
            args.paths,
            clean=not args.no_clean,
            fmt=args.format,
            offsets=args.offsets,
            parallel=True,  # the command line runs one thread: reader processes may fork
            extend_schema=args.extend_schema,
        )
    summary = summarize(report, verbose=args.verbose)
    for line in summary.notes:
        print(line, file=err)
    if report.added:
        added = ", ".join(f"{lb.kind} {lb.name}" for lb in report.added)
        print(f"schema extended: {added}", file=err)
    for line in summary.errors:
        print(f"annotator: error: {line}", file=err)
    if any(o.unknown_label for o in report.failed):
        print("(to add new labels and relation types to the schema: --extend-schema)", file=err)
    print(summary.summary, file=err)
    return 1 if summary.errors else 0


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    output = Path(args.output) if args.output not in (None, "", "-") else None
    args.label = [name for item in args.label or () for name in item.split(",") if name]
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
                seed=args.seed,
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
    with _open(args) as project:
        rows = project.documents(
            Status(args.status) if args.status else None,
            external_id=args.external_id,
            uid=args.uid,
        )
    print(f"{'ID':>5}  {'STATUS':<11}  {'SPANS':>5}  TITLE", file=out)
    for row in rows:
        title = for_terminal(row.title, visual=args.bidi)
        print(f"{row.id:>5}  {row.status:<11}  {row.span_count:>5}  {title}", file=out)
    return 0


def cmd_stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with _open(args) as project:
        stats = project.stats()
    if args.json:
        data = {
            "documents": stats.documents,
            "by_status": dict(stats.by_status),
            "spans": dict(stats.spans_by_label),
            "relations": dict(stats.relations_by_label),
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
    return 0


def cmd_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    with _open(args) as project:
        doc = project.document(args.doc)
        spans = project.spans(args.doc)
        relations = project.relations(args.doc)
    print(f"# {args.doc}  [{doc.status}]  {len(spans)} spans, {len(relations)} relations", file=out)
    source = f"  source id {doc.external_id}" if doc.external_id else ""
    print(f"# uid {doc.uid}{source}", file=out)
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
    with _open(args) as project:
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
    with _open(args) as project:
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
    with _open(args) as project:
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


def cmd_train(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.storage.recommender import ProjectRecommender, train_project

    if args.background and hasattr(os, "nice"):
        os.nice(10)  # POSIX; elsewhere the child runs at normal priority
    with _open(args) as project:
        result = train_project(project, force=args.force)
        ranked = ProjectRecommender(project).ranking(args.rank) if args.rank > 0 else []
    if args.json:
        report = result.as_json()
        if args.rank > 0:
            report["most_useful"] = [{"doc": d, "uncertainty": round(u, 4)} for d, u in ranked]
        print(json.dumps(report, ensure_ascii=False, indent=2), file=out)
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
    for doc_id, uncertainty in ranked:
        print(f"#{doc_id}  uncertainty {uncertainty:.4f}", file=out)
    return 0


def cmd_recommend(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.storage.recommender import ProjectRecommender

    with _open(args) as project:
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
    "train": cmd_train,
    "recommend": cmd_recommend,
}


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run one command; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
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
