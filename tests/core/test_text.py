"""Canonical text form and direction detection."""

from __future__ import annotations

import unicodedata

from annotator.core.text import canonical_text, guess_language, text_direction


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
