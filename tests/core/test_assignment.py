"""Sharing a corpus out: complete, balanced per analyst and per pair, reproducible."""

from __future__ import annotations

from itertools import combinations

import pytest

from annotator.core.assignment import parse_names, plan
from annotator.core.errors import InputError


def test_plans_stay_balanced_across_sizes():
    for n in range(1, 120, 7):
        for k in range(2, 7):
            for overlap in (0.0, 0.2, 0.5, 1.0):
                result = plan(list(range(n)), [f"a{i}" for i in range(k)], overlap, seed=n)
                loads = [len(ids) for ids in result.documents.values()]
                assert max(loads) - min(loads) <= (2 if overlap == 1.0 else 1)
                shared = [
                    len(set(result.documents[a]) & set(result.documents[b]))
                    for a, b in combinations(result.documents, 2)
                ]
                assert max(shared) - min(shared) <= 1
                assert sum(shared) == round(overlap * n)


def test_plan_is_balanced_complete_and_seeded():
    docs = list(range(1, 101))
    result = plan(docs, ["a", "b", "c"], 0.2, seed=7)
    assigned = [d for ids in result.documents.values() for d in ids]
    assert set(assigned) == set(docs)
    assert len(result.shared) == 20 and len(assigned) == 120
    loads = [len(ids) for ids in result.documents.values()]
    assert max(loads) - min(loads) <= 1
    for name, n, shared in result.rows():  # every pair shares some documents
        assert shared >= 13, (name, n, shared)
    assert plan(docs, ["a", "b", "c"], 0.2, seed=7) == result
    assert plan(docs, ["a", "b", "c"], 0.2, seed=8) != result
    with pytest.raises(InputError):
        plan(docs, ["a"], 0.2, seed=1)


def test_names_are_checked():
    assert parse_names("alice, bob ,مريم") == ["alice", "bob", "مريم"]
    for bad in ("", "a,a", "gold", "a/b"):
        with pytest.raises(InputError):
            parse_names(bad)
