"""Who annotates what: a corpus shared out among analysts, some documents twice.

Every document goes to at least one analyst and ``round(overlap × N)`` of them
to two, so agreement can be measured on those. The shared documents go round
the pairs of analysts in turn (every pair gets its share, so every pair's
agreement is measured), each time to the least loaded pair; the rest go one
by one to the least loaded analyst. Every pair shares as many documents as
any other, give or take one; loads differ by one document, by two at most when
nearly every document is shared among six or more analysts. The order is a
seeded shuffle: the same seed gives the same plan.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from annotator.core.errors import InputError
from annotator.core.layers import GOLD, check_name


@dataclass(frozen=True, slots=True)
class Plan:
    """Document ids by analyst, and which documents two analysts share."""

    documents: dict[str, list[int]]
    shared: frozenset[int]

    def rows(self) -> list[tuple[str, int, int]]:
        """(analyst, documents, of which shared) in the order the analysts were given."""
        return [
            (name, len(ids), sum(1 for i in ids if i in self.shared))
            for name, ids in self.documents.items()
        ]


def parse_names(value: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    if not names:
        raise InputError("--annotators needs at least one name")
    for name in names:
        check_name(name)
        if name == GOLD:
            raise InputError(f"{GOLD!r} is the adjudicated layer, not an analyst")
    if len(set(names)) != len(names):
        raise InputError("an analyst is named twice in --annotators")
    return names


def plan(doc_ids: Sequence[int], analysts: Sequence[str], overlap: float, seed: int) -> Plan:
    if not 0 <= overlap <= 1:
        raise InputError(f"--overlap must be between 0 and 1, not {overlap}")
    shared_count = round(overlap * len(doc_ids))
    if shared_count and len(analysts) < 2:
        raise InputError("--overlap needs two analysts or more")
    order = list(doc_ids)
    rng = random.Random(seed)
    rng.shuffle(order)
    load = dict.fromkeys(analysts, 0)
    position = {name: i for i, name in enumerate(analysts)}
    documents: dict[str, list[int]] = {name: [] for name in analysts}
    pairs = list(combinations(analysts, 2))
    pair_load = dict.fromkeys(pairs, 0)
    for doc_id in order[:shared_count]:
        a, b = min(pairs, key=lambda p: (pair_load[p], load[p[0]] + load[p[1]], position[p[0]]))
        pair_load[(a, b)] += 1
        for name in (a, b):
            documents[name].append(doc_id)
            load[name] += 1
    for doc_id in order[shared_count:]:
        name = min(analysts, key=lambda n: (load[n], position[n]))
        documents[name].append(doc_id)
        load[name] += 1
    for ids in documents.values():
        ids.sort()
    return Plan(documents, frozenset(order[:shared_count]))
