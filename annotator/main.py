"""The ``annotator`` command: a CLI command when one is named, else the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from annotator import cli


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    return cli.main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
