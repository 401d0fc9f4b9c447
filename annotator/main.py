"""The ``annotator`` command: a CLI command when one is named, else the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

# sqlite-utils imports pandas whenever it is installed (the `datasets` extra brings it), only to
# map pandas.Timestamp to TEXT; annotator never stores one. In the `annotator` command's own
# process that import is 0.35 s of every start (measured, bench/README.md), so it is skipped
# here, in the entry point only: a library user's pandas is never touched.
sys.modules.setdefault("pandas", None)  # type: ignore[arg-type]

from annotator import cli  # noqa: E402

_CLI_WORDS = {*cli.COMMANDS, "-h", "--help", "--version"}


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
        return arg in _CLI_WORDS or not arg.startswith("-")
    return False


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_cli(argv):
        return cli.main(argv)
    from annotator import app  # Qt is imported only for the window

    return app.run(argv)


if __name__ == "__main__":
    raise SystemExit(main())
