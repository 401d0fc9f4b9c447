"""The ``annotator`` command: a CLI command when one is named, else the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

# Any word that is not an option names a command (the CLI says which ones exist), so the
# window's start never imports the command line and its import and export formats.
_CLI_OPTIONS = {"-h", "--help", "--version"}


def wants_cli(argv: Sequence[str]) -> bool:
    """A command word (or --help/--version) anywhere before a lone ``--db`` value."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--db":
            skip = True
            continue
        if arg.startswith("--db="):
            continue
        return arg in _CLI_OPTIONS or not arg.startswith("-")
    return False


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_cli(argv):
        from annotator import cli

        return cli.main(argv)
    from annotator import app  # Qt is imported only for the window

    return app.run(argv)


if __name__ == "__main__":
    raise SystemExit(main())
