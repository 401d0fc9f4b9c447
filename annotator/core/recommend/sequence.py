"""Spans to token tags and back, with the proclitic kept outside as the tagging rules do.

Tags are BIO with one twist for Arabic: a name is often glued to a proclitic
(وأذربيجان, لوزارة) and the analysts' span starts after it. Cutting the token at
the span edge works for training but not for prediction, where the edge is what
we want to find. So the first token of a span says how many letters it skips:
``B-LOCATION`` starts at the token, ``B1-LOCATION`` one letter in (و ف ب ل ك),
``B2-LOCATION`` two (وب، ول، فل...). The CRF learns which, from the letters and
the context, and the proposal's offsets come out exact.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.core.tokens import Token

OUTSIDE = "O"
MAX_SKIP = 2  # proclitic letters a span may leave outside its first token


@dataclass(frozen=True, slots=True)
class Proposal:
    """A span the model proposes; nothing is stored until an analyst accepts it."""

    start: int
    end: int
    label: str
    text: str
    score: float


@dataclass(frozen=True, slots=True)
class Tagged:
    """Tags for one document, and what the tags could not hold."""

    tags: list[str]
    dropped_overlapping: int
    dropped_unaligned: int


def begin_tag(label: str, skip: int) -> str:
    return f"B-{label}" if skip == 0 else f"B{skip}-{label}"


def parse_tag(tag: str) -> tuple[str, str, int]:
    """``("B", label, skip)``, ``("I", label, 0)`` or ``("O", "", 0)``."""
    if tag == OUTSIDE:
        return OUTSIDE, "", 0
    head, _, label = tag.partition("-")
    if head == "I":
        return "I", label, 0
    return "B", label, int(head[1:] or 0)


def spans_to_tags(tokens: Sequence[Token], spans: Iterable[tuple[int, int, str]]) -> Tagged:
    """Tags for ``tokens`` from (start, end, label) spans, one layer: overlaps go, counted."""
    tags = [OUTSIDE] * len(tokens)
    starts = [t.start for t in tokens]
    overlapping = unaligned = 0
    taken_until = -1
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < taken_until:
            overlapping += 1
            continue
        covered = []
        i = _first_token(starts, start)
        while i < len(tokens) and tokens[i].start < end:
            if tokens[i].end > start:
                covered.append(i)
            i += 1
        if not covered:
            unaligned += 1
            continue
        skip = start - tokens[covered[0]].start
        if not 0 <= skip <= MAX_SKIP or skip >= len(tokens[covered[0]].text):
            unaligned += 1
            continue
        tags[covered[0]] = begin_tag(label, skip)
        for i in covered[1:]:
            tags[i] = f"I-{label}"
        taken_until = end
    return Tagged(tags, overlapping, unaligned)


def _first_token(starts: Sequence[int], offset: int) -> int:
    """Index of the last token starting at or before ``offset`` (0 if none)."""
    return max(bisect_right(starts, offset) - 1, 0)


def tags_to_proposals(
    text: str, tokens: Sequence[Token], tags: Sequence[str], scores: Sequence[float]
) -> list[Proposal]:
    """Proposals from predicted tags; each scored by its least certain token."""
    out: list[Proposal] = []
    i = 0
    while i < len(tags):
        if tags[i] == OUTSIDE:  # most tokens: not worth parsing
            i += 1
            continue
        kind, label, skip = parse_tag(tags[i])
        if kind != "B":
            i += 1  # an I- without its B- is not a proposal
            continue
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}":
            j += 1
        start = tokens[i].start + skip
        end = tokens[j - 1].end
        if start < end:
            out.append(Proposal(start, end, label, text[start:end], min(scores[i:j])))
        i = j
    return out
