"""Rules every span obeys, whoever makes it (window, importer, store)."""

from __future__ import annotations

from annotator.core.errors import SpanError


def check_span(text: str, start: int, end: int, span_text: str | None = None) -> str:
    """Validate code-point offsets against ``text``; return the text they cover.

    Raises ``SpanError`` when the offsets are not integers, out of range,
    empty, or when ``span_text`` is given and differs from ``text[start:end]``.
    """
    if type(start) is not int or type(end) is not int:
        raise SpanError(f"offsets must be integers, got start={start!r} end={end!r}")
    if start == end and 0 <= start <= len(text):
        raise SpanError(f"span {start}-{end} is empty: it covers no character")
    if not 0 <= start < end <= len(text):
        raise SpanError(f"span {start}-{end} is out of range for a text of {len(text)} characters")
    covered = text[start:end]
    if span_text is not None and covered != span_text:
        raise SpanError(
            f"span {start}-{end} text {span_text!r} differs from the text at those offsets "
            f"{covered!r}"
        )
    return covered
