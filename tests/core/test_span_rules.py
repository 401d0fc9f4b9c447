"""Selections become the spans analysts meant."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.span_rules import clean_selection, snap_to_words, strip_proclitic, trim

TEXT = "وقالت وزارة الدفاع في أذربيجان، إن «القتال» اندلع؟ (غوبادلي) “بعدما تكبد خسائر”"


def span(text: str, start: int, end: int) -> str:
    return text[start:end]


def sel(word: str, text: str = TEXT) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


def test_trailing_space_and_arabic_comma_are_trimmed():
    start, end = sel("أذربيجان، ")
    assert span(TEXT, *clean_selection(TEXT, start, end)) == "أذربيجان"


def test_quotes_brackets_question_mark_are_trimmed():
    for rough, clean in [
        ("«القتال» ", "القتال"),
        ("اندلع؟ ", "اندلع"),
        (" (غوبادلي)", "غوبادلي"),
        ("“بعدما تكبد خسائر”", "بعدما تكبد خسائر"),
    ]:
        assert span(TEXT, *clean_selection(TEXT, *sel(rough))) == clean


def test_a_selection_ending_mid_word_snaps_to_the_word():
    start, _ = sel("وزارة")
    end = TEXT.index("الدفاع") + 3  # "الد"
    assert span(TEXT, *clean_selection(TEXT, start, end)) == "وزارة الدفاع"
    assert span(TEXT, *clean_selection(TEXT, start + 2, end)) == "وزارة الدفاع"


def test_exact_mode_keeps_a_partial_word():
    start, _ = sel("أذربيجان")
    assert span(TEXT, *clean_selection(TEXT, start, start + 3, snap=False)) == "أذر"


def test_selection_of_only_spaces_and_punctuation_is_empty():
    start, end = sel("، ")
    s, e = clean_selection(TEXT, start, end)
    assert s == e


def test_reversed_selection_is_ordered():
    start, end = sel("الدفاع")
    assert span(TEXT, *clean_selection(TEXT, end, start)) == "الدفاع"


def test_diacritics_tatweel_and_zwnj_stay_inside_words():
    text = "قَالَ الرَّئِيسُ أذربيـــجان می\u200cخواهم"
    for word in ("الرَّئِيسُ", "أذربيـــجان", "می\u200cخواهم"):
        start, end = sel(word, text)
        assert span(text, *snap_to_words(text, start + 1, end - 1)) == word


def test_emoji_neighbours():
    text = "قالت 😀 أذربيجان"
    start, end = sel(" 😀 أذربيجان", text)
    assert span(text, *trim(text, start, end)) == "😀 أذربيجان"


def test_strip_proclitic():
    text = "وأذربيجان وبغداد فرنسا لو"
    for word, stripped in [("وأذربيجان", "أذربيجان"), ("وبغداد", "بغداد")]:
        start, end = sel(word, text)
        assert span(text, *strip_proclitic(text, start, end)) == stripped
    assert strip_proclitic(text, *sel("فرنسا", text)) == (
        text.index("رنسا"),
        text.index("رنسا") + 4,
    )
    assert strip_proclitic(text, *sel("لو", text)) is None
    assert strip_proclitic(text, *sel("أذربيجان", text)) is None


@given(st.text(min_size=1, max_size=40), st.data())
def test_clean_selection_stays_inside_the_text_and_never_grows_junk(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(0, len(text)))
    s, e = clean_selection(text, start, end)
    assert 0 <= s <= e <= len(text)
    if s < e:
        assert not text[s].isspace() and not text[e - 1].isspace()
