"""UTF-16 code units <-> code points, for formats that count the JavaScript way (doccano).

The window has its own converter for Qt (``gui/text_offsets``), which also
folds CRLF; file formats count CR and LF as two units, so this one does not.
"""

from __future__ import annotations

from itertools import accumulate


def utf16_offsets(text: str) -> list[int]:
    """UTF-16 offset of each code-point offset 0..len(text)."""
    return [0, *accumulate(2 if ord(ch) > 0xFFFF else 1 for ch in text)]


def to_utf16(text: str, offset: int, table: list[int] | None = None) -> int:
    return (table or utf16_offsets(text))[offset]


def from_utf16(text: str, unit: int, table: list[int] | None = None) -> int | None:
    """Code-point offset at UTF-16 offset ``unit``; None inside a surrogate pair or past the end."""
    table = table or utf16_offsets(text)
    lo, hi = 0, len(table) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if table[mid] == unit:
            return mid
        if table[mid] < unit:
            lo = mid + 1
        else:
            hi = mid - 1
    return None
