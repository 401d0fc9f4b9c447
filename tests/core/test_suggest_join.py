"""Known names and the recommender's proposals as one list of suggestions."""

from __future__ import annotations

from annotator.core.suggest import Suggestion, join_proposals


def test_a_proposal_the_name_match_made_too_lends_it_its_score_and_keeps_its_entity():
    found = [Suggestion(0, 4, "ACTOR", "أحمد", entity_id=7)]
    joined = join_proposals(found, [Suggestion(0, 4, "ACTOR", "أحمد", score=0.8)])
    assert joined == [Suggestion(0, 4, "ACTOR", "أحمد", entity_id=7, score=0.8)]


def test_a_proposal_overlapping_a_known_name_of_its_label_is_left_out_others_stay():
    found = [Suggestion(5, 12, "LOCATION", "القاهرة")]
    proposed = [
        Suggestion(5, 9, "LOCATION", "القا", score=0.6),  # inside the known name: left out
        Suggestion(5, 12, "ACTOR", "القاهرة", score=0.7),  # another label: kept
        Suggestion(0, 4, "ACTOR", "أحمد", score=0.9),
    ]
    joined = join_proposals(found, proposed)
    assert [(s.start, s.end, s.label) for s in joined] == [
        (0, 4, "ACTOR"),
        (5, 12, "LOCATION"),
        (5, 12, "ACTOR"),
    ]
