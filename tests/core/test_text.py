"""Canonical text form and direction detection."""

from __future__ import annotations

import unicodedata

from bidi import get_base_level
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text import canonical_text, guess_language, paragraph_direction, text_direction


def test_presentation_forms_become_ordinary_letters():
    # "لا" written as the lam-alef ligature, and "سلام" as isolated/final forms.
    assert canonical_text("\ufefb") == "\u0644\u0627"
    assert canonical_text("\ufeb3\ufee0\ufe8e\ufee1") == "سلام"


def test_line_ends_bom_and_nfc():
    decomposed = "e\u0301"  # é as two code points
    text = "\ufeffأ\r\nب\rج\n" + decomposed
    assert canonical_text(text) == "أ\nب\nج\n\u00e9"


def test_compatibility_characters_outside_arabic_forms_are_kept():
    # NFKC would turn these into "fi" and "2"; only presentation forms are mapped.
    assert canonical_text("ﬁ ²") == "ﬁ ²"


def test_arabic_diacritics_keep_their_order_and_are_composed():
    vocalised = "مُحَمَّد"
    assert canonical_text(vocalised) == unicodedata.normalize("NFC", vocalised)


def test_direction_from_paragraph_base_levels():
    assert text_direction(["مرحبا", "عالم"]) == "rtl"
    assert text_direction(["hello", "world"]) == "ltr"
    assert text_direction(["مرحبا", "Share on twitter"]) == "mixed"
    # A paragraph that starts with a Latin name but is Arabic by first strong letter rules.
    assert text_direction(["2020", "قال Pompeo"]) == "rtl"


def test_language_guess():
    assert guess_language("قال وزير الخارجية") == "ar"
    assert guess_language("این یک متن فارسی است که گفتگو می‌کند") == "fa"
    assert guess_language("The minister said") == "en"
    assert guess_language("2020") is None


# Letters of both directions, digits and neutrals, isolates (LRI RLI FSI PDI), embeddings.
_BIDI_TEXT = st.text(
    st.sampled_from(list("قال Pompeo 2020 ،.!\u2066\u2067\u2068\u2069\u202a\u202b\u202e\u202c"))
    # Unassigned code points (Cn) take default classes that differ between Unicode versions.
    | st.characters(blacklist_categories=("Cs", "Cn")),
    max_size=30,
)


@given(_BIDI_TEXT)
def test_paragraph_direction_is_python_bidi_over_the_whole_paragraph(paragraph: str):
    if not any(unicodedata.bidirectional(ch) in ("L", "R", "AL") for ch in paragraph):
        expected = None
    else:
        expected = "rtl" if get_base_level(paragraph) == 1 else "ltr"
    assert paragraph_direction(paragraph) == expected


def test_a_strong_letter_inside_an_isolate_does_not_decide():
    # P2 skips isolates: the Arabic inside RLI...PDI leaves the Latin word to decide.
    assert paragraph_direction("\u2067قال\u2069 said") == "ltr"
