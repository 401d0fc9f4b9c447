"""The ``annotator`` command: a CLI command when one is named, else the window."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator, Sequence


def _import_sqlite_utils_alone() -> None:
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


_import_sqlite_utils_alone()

# Any word that is not an option names a command (the CLI says which ones exist), so the
# window's start never imports the command line and its import and export formats.
_CLI_OPTIONS = {"-h", "--help", "--version"}


# The one command that opens a window: a team project's agreement and Curate mode.
TEAM_WINDOW = "curate"


def first_word(argv: Sequence[str]) -> str | None:
    """The first argument that is not ``--db`` or its value."""
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
        return arg
    return None


def wants_cli(argv: Sequence[str]) -> bool:
    """A command word (or --help/--version) anywhere before a lone ``--db`` value."""
    word = first_word(argv)
    return (
        word is not None
        and word != TEAM_WINDOW
        and (word in _CLI_OPTIONS or not word.startswith("-"))
    )


@contextlib.contextmanager
def terminated_as_exit() -> Iterator[None]:
    """SIGTERM ends a command as an exception would, so an export removes its temporary files.

    Killed outright, an export leaves its hidden temporary file (or folder) beside the
    target; as ``SystemExit(143)`` it unwinds through the writer, which removes them.
    """

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_cli(argv):
        from annotator import cli

        with terminated_as_exit():
            return cli.main(argv)
    from annotator import app  # Qt is imported only for the window

    if first_word(argv) == TEAM_WINDOW:
        argv.remove(TEAM_WINDOW)
        return app.run_team(argv)
    return app.run(argv)


if __name__ == "__main__":
    raise SystemExit(main())
