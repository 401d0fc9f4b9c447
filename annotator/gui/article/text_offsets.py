"""The one conversion between stored offsets (code points) and Qt positions.

Qt counts UTF-16 code units: a character outside the Basic Multilingual Plane
(an emoji, 𝔸, a cuneiform sign) is two positions in Qt and one in Python.
``QTextDocument`` also turns CRLF into a single paragraph separator. Every Qt
position that reaches the core passes through here, and nowhere else.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

_BLOCK_BREAK = re.compile("\r\n|[\n\r\u2029]")


class OffsetMap:
    """Code point <-> Qt position for one text.

    Texts without astral characters or CR map one to one (the common case,
    no table is built). Otherwise a table of Qt positions per code-point
    index is built once, O(n), and lookups are O(1) / O(log n).
    """

    __slots__ = ("_length", "_qt", "_qt_length")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._qt: array[int] | None = None
        if "\r" not in text and (text.isascii() or max(text, default="\0") <= "\uffff"):
            self._qt_length = len(text)
            return
        table = array("q", [0]) * (len(text) + 1)
        position = 0
        previous = ""
        for index, ch in enumerate(text):
            table[index] = position
            if not (ch == "\n" and previous == "\r"):  # CRLF is one Qt separator
                position += 2 if ch > "\uffff" else 1
            previous = ch
        table[len(text)] = position
        self._qt = table
        self._qt_length = position

    @property
    def qt_length(self) -> int:
        return self._qt_length

    def to_qt(self, offset: int) -> int:
        """The Qt position of code-point offset ``offset`` (0..len(text))."""
        if not 0 <= offset <= self._length:
            raise IndexError(f"offset {offset} outside 0..{self._length}")
        return offset if self._qt is None else self._qt[offset]

    def from_qt(self, position: int) -> int:
        """The code-point offset at Qt position ``position``.

        A position inside a surrogate pair rounds down to the character's
        start; the position after a CRLF separator maps after the LF.
        """
        position = max(0, min(position, self._qt_length))
        if self._qt is None:
            return position
        return bisect_right(self._qt, position) - 1

    def block_starts(self, text: str) -> list[int]:
        """Qt positions where each paragraph (QTextBlock) of ``text`` starts.

        QTextDocument starts a new block after LF, CR, CRLF and U+2029.
        """
        return [0] + [self.to_qt(m.end()) for m in _BLOCK_BREAK.finditer(text)]

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def range_from_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.from_qt(start), self.from_qt(end)
