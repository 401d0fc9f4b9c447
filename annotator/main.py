"""The ``annotator`` command: a CLI command when one is named, else the window."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator, Sequence

# Any word that is not an option names a command (the CLI says which ones exist), so the
# window's start never imports the command line and its import and export formats.
_CLI_OPTIONS = {"-h", "--help", "--version"}


# The window's options that take a value: ``annotator --lang ar`` opens the window.
_WINDOW_OPTIONS_WITH_VALUE = {"--db", "--lang"}

# The one command that opens a window: a team project's agreement and Curate mode.
TEAM_WINDOW = "curate"


def first_word(argv: Sequence[str]) -> str | None:
    """The first argument that is not an option or the value of ``--db`` or ``--lang``."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in _WINDOW_OPTIONS_WITH_VALUE:
            skip = True
            continue
        if arg in _CLI_OPTIONS or not arg.startswith("-"):
            return arg
    return None


def wants_cli(argv: Sequence[str]) -> bool:
    """A command word (or --help/--version) anywhere, options before it included.

    ``annotator --json stats`` is the command line as much as ``annotator stats
    --json``: options work on either side of the command. Only the window's own
    options (``--db PATH``, ``--lang ar|en``) and nothing else make a call the window's.
    """
    word = first_word(argv)
    return word is not None and word != TEAM_WINDOW


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
