"""Code points <-> Qt positions, checked against a real QTextDocument."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from annotator.gui.article.text_offsets import OffsetMap

TEXTS = [
    "قالت وزارة الدفاع في أذربيجان",
    "قالت 😀 أذربيجان إن القتال",
    "😀😀 𝔸𝔹 قره باغ 🇦🇿 Baku",
    "mixed: قال Pompeo 😀 in واشنطن\nسطر ثان 𐎀",
    "windows\r\nline ends\r\nقره باغ 😀",
]


def qt_text(document: QTextDocument, start: int, end: int) -> str:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


@pytest.mark.parametrize("text", TEXTS)
def test_every_word_selects_the_same_text_in_qt(qapp, text: str):
    document = QTextDocument()
    document.setPlainText(text)
    offsets = OffsetMap(text)
    assert offsets.qt_length == document.characterCount() - 1
    start = 0
    for word in text.replace("\r\n", " ").replace("\n", " ").split(" "):
        start = text.index(word, start)
        end = start + len(word)
        qt_start, qt_end = offsets.range_to_qt(start, end)
        assert qt_text(document, qt_start, qt_end) == word
        assert offsets.range_from_qt(qt_start, qt_end) == (start, end)
        start = end


def test_astral_character_before_a_span():
    text = "قالت 😀 أذربيجان"
    offsets = OffsetMap(text)
    assert offsets.range_to_qt(7, 15) == (8, 16)
    assert offsets.from_qt(6) == 5  # inside the emoji's surrogate pair: its start


def test_identity_without_astral_characters():
    offsets = OffsetMap("قره باغ")
    assert [offsets.to_qt(i) for i in range(8)] == list(range(8))
    with pytest.raises(IndexError):
        offsets.to_qt(9)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_round_trip_for_any_text(text: str):
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        if i and text[i - 1] == "\r" and i < len(text) and text[i] == "\n":
            continue  # between CR and LF: no Qt position of its own
        assert offsets.from_qt(offsets.to_qt(i)) == i
