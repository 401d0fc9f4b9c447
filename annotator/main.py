"""The ``annotator`` command: a CLI command when one is named, else the window."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator, Sequence

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

    return app.run(argv)


if __name__ == "__main__":
    raise SystemExit(main())
