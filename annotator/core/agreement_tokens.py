"""Tokens for agreement: the project's tokens, cut at every analyst's span edges, tagged BIO.

Kappa and alpha count tokens, so every analyst must be measured on the same
ones: the project's tokenizer (``core.tokens``), with a word cut wherever any
analyst's span begins or ends inside it (a clitic left out of a span is a
token of its own, for everyone).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from annotator.core.tokens import tokenize

SpanKey = tuple[int, int, str]  # start, end, label

_CHUNKS = re.compile(r"\S+")


def token_starts(text: str, edges: Iterable[int]) -> list[int]:
    """Start offsets of the project's tokens, cut at every edge that falls inside one.

    Same tokens as ``tokens.tokenize`` and ``tokens.align`` (a test holds them
    equal), found faster: a run of letters and digits between spaces, most of
    an article, is one token without looking at each character.
    """
    starts: list[int] = []
    ends: list[int] = []
    for m in _CHUNKS.finditer(text):
        chunk = m.group()
        if chunk.isalnum() and "_" not in chunk:
            starts.append(m.start())
            ends.append(m.end())
        else:
            offset = m.start()
            for token in tokenize(chunk):
                starts.append(offset + token.start)
                ends.append(offset + token.end)
    cuts = []
    for edge in set(edges):
        i = bisect_right(starts, edge) - 1
        if i >= 0 and starts[i] < edge < ends[i]:
            cuts.append(edge)
    if cuts:
        starts = sorted(starts + cuts)
    return starts


def bio_tags(starts: Sequence[int], spans: Iterable[SpanKey]) -> dict[str, dict[int, str]]:
    """``{label: {token index: "B" | "I"}}``; tokens not listed are O.

    A token that begins one span and lies inside another of the same label
    (nested, overlapping) is B.
    """
    tags: dict[str, dict[int, str]] = {}
    for start, end, label in spans:
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        if lo >= hi:
            continue
        by_label = tags.setdefault(label, {})
        for i in range(lo + 1, hi):
            by_label.setdefault(i, "I")
        by_label[lo] = "B"
    return tags
