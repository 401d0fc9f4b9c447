"""Link candidates follow the schema and come nearest first."""

from __future__ import annotations

from annotator.assets import default_schema
from annotator.core.models import Relation, Span
from annotator.core.relations import link_options

SCHEMA = default_schema()
CLAIM = Span(100, 160, "CLAIM", "c" * 60, id=1)
NEAR_ACTOR = Span(80, 95, "ACTOR", "a" * 15, id=2)
FAR_ACTOR = Span(900, 910, "ACTOR", "b" * 10, id=3)
CUE = Span(96, 99, "CUE", "قال", id=4)
PLACE = Span(140, 150, "LOCATION", "p" * 10, id=5)


def test_claim_candidates_nearest_first_with_their_types():
    options = link_options(CLAIM, [FAR_ACTOR, NEAR_ACTOR, CUE, PLACE], SCHEMA.relation_labels)
    assert [o.other.id for o in options] == [4, 2, 5, 3]
    by_id = {o.other.id: [t.describe() for t in o.types] for o in options}
    assert by_id[2] == ["→ SOURCE", "→ ABOUT"]
    assert by_id[4] == ["→ CUE"]
    assert by_id[5] == ["→ ABOUT", "→ OCCURRED_AT"]


def test_the_nearest_of_each_label_comes_before_nearer_spans_of_a_label_seen_already():
    places = [Span(161 + 10 * i, 165 + 10 * i, "LOCATION", "pppp", id=10 + i) for i in range(5)]
    actor = Span(20, 30, "ACTOR", "a" * 10, id=2)
    options = link_options(CLAIM, [*places, actor, FAR_ACTOR], SCHEMA.relation_labels)
    assert [o.other.id for o in options][:2] == [10, 2]  # nearest place, nearest actor
    assert [o.other.id for o in options][2:] == [11, 12, 13, 14, 3]


def test_from_the_actor_side_links_point_back():
    options = link_options(NEAR_ACTOR, [CLAIM, FAR_ACTOR], SCHEMA.relation_labels)
    by_id = {o.other.id: [t.describe() for t in o.types] for o in options}
    assert by_id[1] == ["← SOURCE", "← ABOUT"]
    assert by_id[3] == ["→ AFFILIATED_WITH", "← AFFILIATED_WITH"]


def test_existing_links_are_not_offered_again():
    existing = [Relation("SOURCE", CLAIM.id, NEAR_ACTOR.id, id=9)]
    [option] = link_options(CLAIM, [NEAR_ACTOR], SCHEMA.relation_labels, existing)
    assert [t.describe() for t in option.types] == ["→ ABOUT"]
