"""IOB2 tags for one layer of spans over aligned tokens."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.core.models import Span
from annotator.core.tokens import Token


def iob2(tokens: Sequence[Token], spans: Sequence[Span]) -> tuple[list[str], list[Span]]:
    """Tags for ``tokens``; spans that overlap an earlier-chosen one are returned as dropped.

    Longer spans are chosen first. Tokens must already be aligned to span edges.
    """
    tags = ["O"] * len(tokens)
    dropped: list[Span] = []
    index_of_start = {t.start: i for i, t in enumerate(tokens)}
    index_of_end = {t.end: i for i, t in enumerate(tokens)}
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        first, last = index_of_start.get(span.start), index_of_end.get(span.end)
        if first is None or last is None or any(t != "O" for t in tags[first : last + 1]):
            dropped.append(span)
            continue
        tags[first] = f"B-{span.label}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{span.label}"
    return tags, dropped
