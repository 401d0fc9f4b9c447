"""Typed errors raised by the core and the store.

The command line and the window turn these into one clear message; they never
show a traceback for bad input. ``InputError`` carries the file and line so the
message can name them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


class AnnotatorError(Exception):
    """Base of every error the user is meant to read."""


@dataclass
class InputError(AnnotatorError):
    """Bad input: a file that cannot be decoded, parsed or validated."""

    message: str
    path: Path | str | None = None
    line: int | None = None

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        return where + self.message

    def located(self, path: Path | str, line: int | None = None) -> InputError:
        """The same error, pinned to a file (and line) found by the caller."""
        return InputError(self.message, path, line if line is not None else self.line)


class SpanError(AnnotatorError):
    """A span whose offsets or text do not fit its document, or an unknown label."""


class SchemaError(AnnotatorError):
    """A label schema file that is malformed, or a change the project cannot take.

    ``line``: the line of an imported file the refused span is on, when its record
    spans several lines (a brat ``.ann``).
    """

    line: int | None = None


class StoreError(AnnotatorError):
    """The project file cannot be opened, read or written."""


class ImmutableTextError(StoreError):
    """An attempt to change the text of a document that already has annotations."""


def invalid_json(exc: json.JSONDecodeError) -> str:
    """json's complaint with its column, said once ("Invalid control character at" ends in "at")."""
    return f"invalid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"
