"""The command line: import, export, reading, schema, safety, team and recommender commands.

No Qt. ``parser`` holds every command's options and the conventions they share;
the commands live in modules grouped by what they serve, each importing the
store and the formats it needs only when it runs, so ``annotator --help`` and
every command start without what the others would have loaded (bench/README.md).
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Sequence
from typing import TextIO

from annotator.cli import import_export, reading, recommender, safety, schema, team
from annotator.cli.parser import (
    COMMANDS,
    CliError,
    build_parser,
    command_first,
    refuse_empty_paths,
)
from annotator.core.errors import AnnotatorError
from annotator.storage.location import resolve_project_path

__all__ = ["COMMANDS", "HANDLERS", "CliError", "build_parser", "command_first", "main"]

HANDLERS = {
    "import": import_export.cmd_import,
    "export": import_export.cmd_export,
    "list": reading.cmd_list,
    "stats": reading.cmd_stats,
    "show": reading.cmd_show,
    "claims": reading.cmd_claims,
    "search": reading.cmd_search,
    "schema": schema.cmd_schema,
    "assign": team.cmd_assign,
    "merge": team.cmd_merge,
    "agreement": team.cmd_agreement,
    "adjudicate": team.cmd_adjudicate,
    "check": safety.cmd_check,
    "backups": safety.cmd_backups,
    "train": recommender.cmd_train,
    "recommend": recommender.cmd_recommend,
}


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
        refuse_empty_paths(args)
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
