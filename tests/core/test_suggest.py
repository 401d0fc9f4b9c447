"""Suggestions from known names: normalised, clitic-aware, never on what is tagged already."""

from __future__ import annotations

from annotator.core.suggest import Known, cue_suggestions, suggest

TEXT = "قالت أذربيجان إن اذربيجان ووأذربيجان ولأذربيجانَ تقاتل، وباكوري ليست باكو"


def texts(suggestions) -> list[str]:
    return [s.text for s in suggestions]


def test_every_spelling_with_clitics_left_outside():
    found = suggest(TEXT, [Known("أذربيجان", "LOCATION", entity_id=3)])
    assert texts(found) == ["أذربيجان", "اذربيجان", "أذربيجان", "أذربيجانَ"]
    assert {s.entity_id for s in found} == {3}
    assert all(TEXT[s.start : s.end] == s.text for s in found)


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
