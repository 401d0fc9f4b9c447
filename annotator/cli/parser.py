"""The command line's parser and conventions: every command's options, one place.

Every command takes ``--db PATH`` (else ``$ANNOTATOR_DB``, else the default
project in the user data folder). Errors are one line on stderr and exit
status 1; ``--help`` works on every command.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from annotator import __version__
from annotator.core.errors import AnnotatorError
from annotator.core.format_names import EXPORT_FORMATS, IMPORT_FORMATS
from annotator.core.models import Status
from annotator.storage.location import ENV_VAR, resolve_project_path

if TYPE_CHECKING:
    from annotator.storage.project import Project

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


def _lang_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--lang``: the window's, accepted anywhere so that one command line serves both."""
    parser.add_argument(
        "--lang",
        choices=("ar", "en"),
        default=None if top else argparse.SUPPRESS,
        help="the window's interface language (default: the last chosen, else the system's); "
        "the command line speaks English",
    )


def _command(
    sub: argparse._SubParsersAction[_Parser], name: str, help: str
) -> argparse.ArgumentParser:
    """A command's parser, with the options every command takes."""
    parser = sub.add_parser(name, help=help)
    _db_option(parser)
    _lang_option(parser)
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


def _offsets_option(parser: argparse.ArgumentParser) -> None:
    """How doccano files count offsets: the same option for reading and for writing them."""
    parser.add_argument(
        "--offsets",
        choices=("utf16", "codepoints"),
        default="utf16",
        help="doccano offsets: UTF-16 units as doccano counts them (default) or code points",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="annotator",
        description="Annotate Arabic news articles. Without a command, opens the window; "
        "'annotator curate --db TEAM' opens a team project's agreement and Curate mode.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    _db_option(parser, top=True)
    _lang_option(parser, top=True)
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
    _offsets_option(p)
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
    _offsets_option(p)
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


def open_project(
    args: argparse.Namespace, *, create: bool = False, reading: bool = False
) -> Project:
    """The project of ``--db``; only ``create`` (import) may make one where there is none.

    SQLite's quick_check runs first at any size, except for ``reading`` commands, which
    check files up to 64 MB and report damage they meet in larger ones.
    """
    from annotator.storage.project import Project

    path = resolve_project_path(args.db)
    if not create and not path.exists():
        raise CliError(f"no project at {path}")
    return Project.open(path, verify=None if reading else True)


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
        keep = arg in _PROGRAM_OPTIONS or arg.split("=", 1)[0] in ("--db", "--lang")
        (front if keep else moved).extend(argv[i : i + width])
        i += width
    return argv


def refuse_empty_paths(args: argparse.Namespace) -> None:
    """``--db ""`` or ``-o ""`` (an unset shell variable) is a mistake, never "the default"."""
    for option, name in (("db", "--db"), ("output", "-o/--output"), ("html", "--html")):
        if getattr(args, option, None) == "":
            raise CliError(f"{name} names no path (an empty string)")
    if any(path == "" for path in getattr(args, "paths", None) or ()):
        raise CliError("an empty string is not a file or folder to read")
