"""Layer fingerprints: equal for equal work whatever the row ids and order, different otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.layers import check_name, fingerprint, owner_from_path
from annotator.core.models import Entity, Relation, Span

TEXT = "قال وزير الخارجية إن باكو ترفض"


def spans(base: int) -> list[Span]:
    return [
        Span(4, 17, "ACTOR", TEXT[4:17], id=base + 1, entity_id=9),
        Span(21, 25, "LOCATION", TEXT[21:25], id=base + 2, attrs={"loc_type": "city/town"}),
    ]


ENTITIES = {9: Entity("وزير الخارجية", "ACTOR", 9, wikidata="Q1")}


def test_same_work_same_fingerprint_whatever_the_ids_and_order():
    first = fingerprint("done", spans(0), [Relation("SOURCE", 2, 1, 1)], ENTITIES)
    moved = list(reversed(spans(100)))
    other_ids = {9: Entity("وزير الخارجية", "ACTOR", 50, wikidata="Q1")}
    relinked = [Span(**{**_fields(s), "entity_id": 50 if s.entity_id else None}) for s in moved]
    second = fingerprint("done", relinked, [Relation("SOURCE", 102, 101, 7)], {50: other_ids[9]})
    assert first == second


def _fields(s: Span) -> dict:
    return {f: getattr(s, f) for f in Span.__slots__}


@pytest.mark.parametrize(
    "change",
    ["status", "attrs", "relation", "entity", "deleted"],
)
def test_any_change_changes_it(change: str):
    base = fingerprint("done", spans(0), [Relation("SOURCE", 2, 1, 1)], ENTITIES)
    s, rels, status, entities = spans(0), [Relation("SOURCE", 2, 1, 1)], "done", ENTITIES
    if change == "status":
        status = "in_progress"
    elif change == "attrs":
        s[1] = Span(21, 25, "LOCATION", TEXT[21:25], id=2, attrs={"loc_type": "country"})
    elif change == "relation":
        rels = []
    elif change == "entity":
        entities = {9: Entity("وزير الخارجية", "ACTOR", 9, wikidata="Q2")}
    else:
        s = s[:1]
    assert fingerprint(status, s, rels, entities) != base


def test_names():
    assert owner_from_path(Path("team/alice.annotator.db")) == "alice"
    with pytest.raises(InputError, match="whose work"):
        owner_from_path(Path(".annotator.db"))
    assert check_name("مريم") == "مريم"
    for bad in ("a/b", "", ".hidden", " x"):
        with pytest.raises(InputError):
            check_name(bad)
