"""How a rough selection becomes a clean span: trim, snap to words, strip a proclitic.

Analysts select fast, with the mouse or Ctrl+Shift+arrows (which in an RTL
line takes the trailing space along). These rules turn that selection into
the span they meant, on code-point offsets, for any script:

* ``trim``: white space and punctuation (Arabic ، ؛ ؟, quotes “ ” « », brackets,
  dashes...) leave both edges;
* ``snap_to_words``: an edge inside a word moves out to the word's edge;
* ``strip_proclitic``: "وأذربيجان" -> "أذربيجان" (و ف ب ل ك), on request only,
  since many words start with those letters.
"""

from __future__ import annotations

import unicodedata

PROCLITICS = frozenset("وفبلك")
# Joiners belong to the word they sit in (Persian ZWNJ, emoji ZWJ sequences).
_JOINERS = frozenset("\u200c\u200d")


def is_word_char(ch: str) -> bool:
    """Letters, combining marks (harakat), digits, tatweel and joiners."""
    return ch in _JOINERS or unicodedata.category(ch)[0] in "LMN"


def _is_edge_junk(ch: str) -> bool:
    """White space, punctuation, and invisible format characters at a span edge."""
    return (
        ch.isspace()
        or unicodedata.category(ch)[0] in "PZ"
        or (unicodedata.category(ch) == "Cf" and ch not in _JOINERS)
    )


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space and punctuation from both edges; (start, start) if nothing is left."""
    while start < end and _is_edge_junk(text[start]):
        start += 1
    while end > start and _is_edge_junk(text[end - 1]):
        end -= 1
    return start, end


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen edges that fall inside a word to the whole word."""
    if start >= end:
        return start, end
    while 0 < start < len(text) and is_word_char(text[start - 1]) and is_word_char(text[start]):
        start -= 1
    while 0 < end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]):
        end += 1
    return start, end


def clean_selection(text: str, start: int, end: int, *, snap: bool = True) -> tuple[int, int]:
    """The span an analyst meant by selecting ``text[start:end]``."""
    start, end = trim(text, min(start, end), max(start, end))
    if snap:
        start, end = trim(text, *snap_to_words(text, start, end))
    return start, end


def strip_proclitic(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Offsets without one leading proclitic letter, or None when there is none to strip.

    The rest of the word must keep at least two letters ("وهو" stays whole
    only if the analyst does not ask; "وأذربيجان" -> "أذربيجان").
    """
    if end - start < 3 or text[start] not in PROCLITICS:
        return None
    rest = start + 1
    word_end = rest
    while word_end < end and is_word_char(text[word_end]):
        word_end += 1
    if word_end - rest < 2 or not unicodedata.category(text[rest]).startswith("L"):
        return None
    return rest, end
