"""Counted nouns for summaries: "1 document", "3 spans", "2 entities"."""

from __future__ import annotations


def count(n: int, noun: str) -> str:
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {noun[:-1]}ies" if noun.endswith("y") else f"{n} {noun}s"
