"""Commands for a team: ``assign`` a corpus out, ``merge`` the analysts' files back,
measure ``agreement`` and ``adjudicate`` what they agree on into gold."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from annotator.cli.parser import CliError, open_project
from annotator.core.models import Status
from annotator.core.wording import count


def cmd_assign(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from annotator.core.assignment import parse_names
    from annotator.storage.team_assign import analyst_path, assign

    names = parse_names(args.annotators)
    status = Status(args.by_status) if args.by_status else None
    with open_project(args, reading=True) as project:  # writes files, not the corpus
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

    with open_project(args) as project:
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

    with open_project(args, reading=True) as project:
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

    with open_project(args) as project:
        result = auto_agreed(project)
    print(f"gold: {count(result.spans, 'span')} and {count(result.relations, 'relation')} added "
          f"from {count(result.documents, 'shared document')}", file=err)  # fmt: skip
    return 0
