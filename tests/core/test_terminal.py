"""Terminal output: markers in logical order, visual order only on request."""

from __future__ import annotations

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
