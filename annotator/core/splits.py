"""Train/dev/test splits by document, near-duplicates kept on one side.

News wires republish the same story with a new headline or updated figures;
if one copy lands in train and another in test, scores lie. Documents that
share a fingerprint (their normalised text without digits, or their first or
last paragraph of some length) are grouped, and whole groups are assigned.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from annotator.core.arabic import normalize

SPLIT_NAMES = ("train", "dev", "test")
_DIGITS = re.compile(r"[\d\u0660-\u0669\u06f0-\u06f9]+")
_MIN_PARAGRAPH = 40


def parse_ratios(text: str) -> tuple[int, ...]:
    """ "80/10/10" -> (80, 10, 10); two or three parts, percentages adding up to 100."""
    try:
        parts = tuple(int(p) for p in text.split("/"))
    except ValueError:
        raise ValueError(f"split {text!r} is not like 80/10/10") from None
    if not 2 <= len(parts) <= 3 or any(p < 0 for p in parts) or sum(parts) == 0:
        raise ValueError(f"split {text!r} is not like 80/10/10")
    if sum(parts) != 100:
        raise ValueError(f"split {text!r} adds up to {sum(parts)}: its parts are percentages (100)")
    return parts


def _fingerprints(text: str) -> set[str]:
    # Digits and all white space out: "اليوم 12،" and "اليوم،" are the same sentence here.
    body = _DIGITS.sub("", normalize(text))
    prints = {"all:" + "".join(body.split())}
    paragraphs = ["".join(p.split()) for p in body.split("\n")]
    paragraphs = [p for p in paragraphs if len(p) >= _MIN_PARAGRAPH]
    if paragraphs:
        prints.add("first:" + paragraphs[0])
        prints.add("last:" + paragraphs[-1])
    return prints


def assign_splits(
    docs: Sequence[tuple[int, str]], ratios: Sequence[int], seed: int = 13
) -> dict[int, str]:
    """Document id -> split name, by groups of near-duplicates, in the given proportions."""
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for index, (_, text) in enumerate(docs):
        for fp in _fingerprints(text):
            if fp in owner:
                parent[find(index)] = find(owner[fp])
            else:
                owner[fp] = index
    groups: dict[int, list[int]] = {}
    for index in range(len(docs)):
        groups.setdefault(find(index), []).append(index)
    ordered = sorted(groups.values(), key=lambda g: docs[g[0]][0])
    random.Random(seed).shuffle(ordered)
    total, names = sum(ratios), SPLIT_NAMES[: len(ratios)]
    targets = [len(docs) * r / total for r in ratios]
    counts = [0] * len(ratios)
    out: dict[int, str] = {}
    for group in ordered:
        # The split furthest below its share takes the whole group.
        k = max(range(len(ratios)), key=lambda i: (targets[i] - counts[i]) / (targets[i] or 1))
        counts[k] += len(group)
        for index in group:
            out[docs[index][0]] = names[k]
    return out
