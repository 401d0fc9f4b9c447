"""The normalisation table and the matching keys."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.arabic import match_key, normalize, normalize_with_offsets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أإآٱا", "ااااا"),
        ("مدرسة", "مدرسه"),
        ("مستشفى", "مستشفي"),
        ("أذربيـــجان", "اذربيجان"),
        ("مُحَمَّدٌ", "محمد"),
        ("می\u200cخواهم", "ميخواهم"),
        ("کتاب", "كتاب"),
        ("Baku", "baku"),
        ("قره باغ", "قره باغ"),
    ],
)
def test_normalisation_table(text: str, expected: str):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    "spelling", ["أذربيجان", "اذربيجان", "وأذربيجان", "لأذربيجان", "بأذربيجان", "أذَرْبيجان"]
)
def test_spellings_of_azerbaijan_share_a_key(spelling: str):
    assert match_key(spelling) == match_key("أذربيجان") == "اذربيجان"


def test_article_and_proclitics_come_off_each_word():
    assert match_key("والحكومة الأذرية") == match_key("الحكومة الاذرية") == "حكومه اذريه"
    assert match_key("للانسحاب") == "انسحاب"
    assert match_key("وزارة الدفاع") == match_key("لوزارة الدفاع")
    assert match_key("باكو") == match_key("وباكو")


def test_short_words_keep_their_letters():
    assert match_key("لو") == "لو"
    assert match_key("بل") == "بل"


@given(st.text(max_size=40))
def test_offsets_point_back_into_the_original(text: str):
    normalized, offsets = normalize_with_offsets(text)
    assert len(normalized) == len(offsets)
    assert offsets == sorted(offsets)
    assert all(0 <= i < len(text) for i in offsets)


def _one_character_at_a_time(text: str) -> tuple[str, list[int]]:
    """The rule of the module docstring, spelled out character by character."""
    folds = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي", "ک": "ك"}
    out, offsets = [], []
    for index, ch in enumerate(text):
        if ch == "\u0640" or unicodedata.category(ch) in ("Mn", "Cf"):
            continue
        for folded in folds.get(ch, ch).casefold():
            out.append(folded)
            offsets.append(index)
    return "".join(out), offsets


# Arabic letters and marks, Latin letters that casefold to two (ß, İ), format characters, emoji.
_MIXED = st.text(
    st.sampled_from("أإآٱاةهىيیکك\u064e\u0651\u0640\u200c\u200f\u202eßİSsΣς 😀a\n")
    | st.characters(),
    max_size=60,
)


@given(_MIXED)
def test_the_fast_key_is_the_character_rule(text: str):
    assert normalize_with_offsets(text) == _one_character_at_a_time(text)
    assert normalize(text) == _one_character_at_a_time(text)[0]


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        st.sampled_from(list("أإآٱةىیکـًٌٍَُِّْٰ\u200c\u200d\u200f\u061c قال Ünd ßIİ"))
        | st.characters(max_codepoint=0x06FF)
        | st.characters(min_codepoint=0x2000, max_codepoint=0x206F)
        | st.characters(blacklist_categories=("Cs",)),
        max_size=60,
    )
)
def test_the_fast_path_of_normalize_is_translate_over_the_table(text):
    from annotator.core.arabic import _TABLE

    assert normalize(text) == text.translate(_TABLE).casefold()
