"""A strict IOB2 check, by seqeval's rules (mode="strict", scheme=IOB2), for the tests.

A chunk starts with ``B-X``; ``I-X`` only continues a ``B-X`` or ``I-X``
just before it in the same row. seqeval's strict mode drops a chunk that
breaks this, so a writer must never produce one.
"""

from __future__ import annotations

from collections.abc import Sequence


def strict_iob2_errors(rows: Sequence[Sequence[str]]) -> list[str]:
    """Every place a row breaks strict IOB2, as ``row R token T: TAG after PREV``."""
    errors = []
    for r, row in enumerate(rows):
        previous = "O"
        for t, tag in enumerate(row):
            if tag != "O" and tag[:2] not in ("B-", "I-"):
                errors.append(f"row {r} token {t}: {tag!r} is not O, B-X or I-X")
            elif tag.startswith("I-") and previous[2:] != tag[2:]:
                errors.append(f"row {r} token {t}: {tag} after {previous}")
            previous = tag
    return errors


def chunks(row: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last, label) of each chunk of a strictly valid row."""
    out: list[tuple[int, int, str]] = []
    for i, tag in enumerate(row):
        if tag.startswith("B-"):
            out.append((i, i, tag[2:]))
        elif tag.startswith("I-"):
            first, _, label = out[-1]
            out[-1] = (first, i, label)
    return out
