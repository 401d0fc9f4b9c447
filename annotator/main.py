"""The ``annotator`` command: a CLI command when one is named, else the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def load_sqlite_utils() -> None:
    """Import sqlite-utils with numpy and pandas hidden from it, then unhide them.

    sqlite-utils imports both whenever they are installed (the test extra's
    spaCy and datasets bring them) only to map their scalar types to column
    types; annotator never stores one. In the ``annotator`` command's own
    process that was 0.35 s (pandas) and 0.04 s (numpy) of every start
    (bench/README.md). They are hidden only while sqlite-utils loads: the
    spaCy export still imports numpy when it runs, and a library user's
    sqlite-utils is untouched.
    """
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]


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
    if not _CLI_OPTIONS.intersection(argv):  # help alone opens no project: no sqlite-utils
        load_sqlite_utils()
    if wants_cli(argv):
        from annotator import cli

        return cli.main(argv)
    from annotator import app  # Qt is imported only for the window

    return app.run(argv)


if __name__ == "__main__":
    raise SystemExit(main())
