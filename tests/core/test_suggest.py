"""Suggestions from known names: normalised, clitic-aware, never on what is tagged already."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.suggest import Known, cue_suggestions, suggest

TEXT = "قالت أذربيجان إن اذربيجان ووأذربيجان ولأذربيجانَ تقاتل، وباكوري ليست باكو"


def texts(suggestions) -> list[str]:
    return [s.text for s in suggestions]


def test_every_spelling_with_clitics_left_outside():
    found = suggest(TEXT, [Known("أذربيجان", "LOCATION", entity_id=3)])
    assert texts(found) == ["أذربيجان", "اذربيجان", "أذربيجان", "أذربيجانَ"]
    assert {s.entity_id for s in found} == {3}
    assert all(TEXT[s.start : s.end] == s.text for s in found)


def test_a_suggestion_ends_before_a_direction_mark_after_the_name():
    text = "قال \u202bالوزير\u202c إن \u200fأذربيجانَ\u200e ترفض"
    found = suggest(text, [Known("الوزير", "ACTOR"), Known("أذربيجان", "LOCATION")])
    assert texts(found) == ["الوزير", "أذربيجانَ"]


def test_word_edges_are_respected():
    assert texts(suggest(TEXT, [Known("باكو", "LOCATION")])) == ["باكو"]  # not inside باكوري


def test_already_tagged_places_are_not_suggested():
    first = TEXT.index("أذربيجان")
    found = suggest(TEXT, [Known("أذربيجان", "LOCATION")], taken=[(first, first + 8, "LOCATION")])
    assert len(found) == 3 and found[0].start > first


def test_longer_names_win():
    text = "قالت وزارة الدفاع الأذرية إن"
    found = suggest(text, [Known("الأذرية", "LOCATION"), Known("وزارة الدفاع الأذرية", "ACTOR")])
    assert (found[0].text, found[0].label) == ("وزارة الدفاع الأذرية", "ACTOR")


def test_cues():
    assert texts(cue_suggestions("قالت الوزارة، ونفت المصادر، بحسب بيان")) == [
        "قالت",
        "نفت",
        "بحسب",
    ]


def _overlap_rule(found: list, start: int, end: int, label: str) -> bool:
    return any(s.start < end and start < s.end and s.label == label for s in found)


@given(
    st.lists(
        st.sampled_from(["أذربيجان", "باكو", "وزارة الدفاع", "الدفاع", "قره باغ", " "]), max_size=40
    ),
    st.lists(
        st.tuples(
            st.sampled_from(["أذربيجان", "اذربيجان", "الدفاع", "وزارة الدفاع", "باكو", "قره"]),
            st.sampled_from(["LOCATION", "ACTOR"]),
        ),
        max_size=6,
    ),
)
def test_no_two_proposals_of_a_label_meet_and_none_is_lost(words: list[str], names: list):
    text = " ".join(words) or "نص"
    found = suggest(text, [Known(name, label) for name, label in names])
    for i, s in enumerate(found):
        assert text[s.start : s.end] == s.text
        assert not _overlap_rule(found[:i] + found[i + 1 :], s.start, s.end, s.label)
    # Every occurrence of a known name is proposed, or meets a proposal of its label.
    for name, label in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            edges = (at == 0 or text[at - 1] == " ") and (end == len(text) or text[end] == " ")
            if edges:
                assert _overlap_rule(found, at, end, label)
            at = text.find(name, at + 1)
