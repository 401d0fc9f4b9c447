"""Text for terminals: span markers, and visual-order Arabic for terminals without bidi.

This is the one place python-bidi's ``get_display`` and arabic-reshaper are
used: a terminal that cannot shape or reorder Arabic shows logical-order text
as reversed, unjoined letters. ``--bidi`` on the CLI reshapes and reorders
each line for such terminals. Nothing produced here is ever stored.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.core.models import Span


def to_visual(line: str) -> str:
    """Shape (presentation forms) and reorder one line for a non-bidi terminal.

    Both libraries are imported here, for ``--bidi`` only: every command that
    prints Arabic imports this module, and only that option needs them.
    """
    import arabic_reshaper
    from bidi import get_display

    shown: str = get_display(arabic_reshaper.reshape(line))  # the libraries are untyped
    return shown


def mark_spans(text: str, spans: Sequence[Span]) -> str:
    """The text with ``[`` before each span and ``]LABEL`` after it, nesting kept.

    Markers are inserted in logical order; at one position closing markers
    come before opening ones, and longer spans open first, so nesting reads
    correctly in both directions.
    """
    inserts: list[tuple[int, int, int, str]] = []
    for span in spans:
        # Sort key: position, closings before openings, then nesting order.
        inserts.append((span.start, 1, -span.end, "["))
        inserts.append((span.end, 0, -span.start, f"]{span.label}"))
    inserts.sort()
    out, last = [], 0
    for position, _, _, marker in inserts:
        out.append(text[last:position])
        out.append(marker)
        last = position
    out.append(text[last:])
    return "".join(out)


def for_terminal(text: str, *, visual: bool) -> str:
    """Line by line, reordered for the terminal when ``visual`` is set."""
    if not visual:
        return text
    return "\n".join(to_visual(line) for line in text.split("\n"))
