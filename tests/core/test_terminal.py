"""Terminal output: markers in logical order, visual order only on request."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.models import Span
from annotator.core.terminal import for_terminal, mark_spans, to_visual


def test_nested_spans_are_marked_in_logical_order():
    text = "قالت وزارة الدفاع في أذربيجان إن"
    claim = Span(0, 32, "CLAIM", text[0:32], 1)
    actor = Span(5, 17, "ACTOR", text[5:17], 2)
    place = Span(21, 29, "LOCATION", text[21:29], 3)
    assert mark_spans(text, [place, claim, actor]) == (
        "[قالت [وزارة الدفاع]ACTOR في [أذربيجان]LOCATION إن]CLAIM"
    )


def test_adjacent_spans_close_before_they_open():
    text = "أبجد"
    spans = [Span(0, 2, "A", "أب", 1), Span(2, 4, "B", "جد", 2)]
    assert mark_spans(text, spans) == "[أب]A[جد]B"


def test_visual_order_only_when_asked():
    line = "قره باغ"
    assert for_terminal(line, visual=False) == line
    visual = to_visual(line)
    # The last word first, each word's letters reversed as joined glyph forms:
    # غ isolated, ا final, ب initial; ه final, ر final, ق initial.
    assert visual == "\ufecd\ufe8e\ufe91 \ufee9\ufeae\ufed7"
    assert for_terminal(f"{line}\n{line}", visual=True) == f"{visual}\n{visual}"


def test_what_the_eye_sees_as_one_character_stays_whole_and_in_order():
    # A letter keeps its harakat after it (a terminal draws a mark on the letter before it).
    assert to_visual("قالَ") == "\ufedd\u064e\ufe8e\ufed7"
    assert to_visual("إنّ") == "\ufee5\u0651\ufe87"
    # An emoji keeps its skin tone, a family its joiners, a flag its two letters.
    visual = to_visual("أكد 👍🏽 و👨\u200d👩\u200d👧 🇦🇲")
    assert visual.startswith("🇦🇲 ") and "👍🏽" in visual
    assert "👨\u200d👩\u200d👧" in visual


def test_direction_marks_are_left_out_and_latin_stays_as_it_is():
    assert (
        to_visual("\u202bالوزير\u202c قال\u200f")
        == "\ufedd\ufe8e\ufed7 \ufeae\ufef3\ufeaf\ufeee\ufedf\ufe8d"
    )
    assert to_visual("Baku says (talks) go on 👍🏽 2020") == "Baku says (talks) go on 👍🏽 2020"


_HARAKAT = "\u064e\u0651"
_LINE = st.text(
    alphabet=st.sampled_from([*"قال الوزير إن", *_HARAKAT, "👍", "\U0001f3fd", "\u200d", "(", ")",
                              "1", "a", " "]),
    max_size=30,
)  # fmt: skip


def _kept(text: str) -> Counter[str]:
    """What reordering must keep: every character but the Arabic letters (shaping turns
    those into presentation forms, "لا" into one ligature), a bracket as either bracket
    (mirrored in a right-to-left run). A joiner is left out: inside an emoji it stays (the
    test above), alone there is nothing of it to see."""
    return Counter(
        "()" if ch in "()" else ch
        for ch in text
        if ch in _HARAKAT
        or not ("\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff" or ch == "\u200d")
    )


@given(_LINE)
def test_visual_order_moves_characters_and_never_drops_or_adds_one(line):
    assert _kept(to_visual(line)) == _kept(line)
