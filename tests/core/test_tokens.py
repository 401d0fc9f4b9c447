"""Tokenising Arabic for token-based formats, and cutting words at span edges."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.tokens import align, sentences, tokenize

TEXT = "قالت 😀 وأذربيجان، إن الرَّئِيسَ «نفى» ذلك؟ نعم.\nسطر ثانٍ"


def words(tokens) -> list[str]:
    return [t.text for t in tokens]


def test_arabic_punctuation_and_emoji_are_tokens_and_harakat_stay_in_words():
    assert words(tokenize(TEXT)) == [
        "قالت",
        "😀",
        "وأذربيجان",
        "،",
        "إن",
        "الرَّئِيسَ",
        "«",
        "نفى",
        "»",
        "ذلك",
        "؟",
        "نعم",
        ".",
        "سطر",
        "ثانٍ",
    ]


def test_align_cuts_a_clitic_off_at_a_span_edge():
    tokens = tokenize(TEXT)
    start = TEXT.index("أذربيجان")
    aligned, splits = align(TEXT, tokens, [start, start + len("أذربيجان")])
    assert "و" in words(aligned) and "أذربيجان" in words(aligned)
    assert [(s.word, s.at) for s in splits] == [("وأذربيجان", start)]


def test_sentences_end_at_question_marks_and_lines():
    groups = sentences(TEXT, tokenize(TEXT))
    assert [words(g)[-1] for g in groups] == ["؟", ".", "ثانٍ"]


@given(st.text(max_size=40), st.lists(st.integers(0, 40), max_size=6))
def test_aligned_tokens_cover_the_same_characters(text, edges):
    edges = [e for e in edges if e <= len(text)]
    aligned, _ = align(text, tokenize(text), edges)
    assert "".join(t.text for t in aligned) == "".join(t.text for t in tokenize(text))
    for t in aligned:
        assert text[t.start : t.end] == t.text
    inside = {e for e in edges for t in aligned if t.start < e < t.end}
    assert not inside
