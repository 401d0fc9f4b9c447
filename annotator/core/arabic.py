"""Loose Arabic matching: the one normalisation behind entity linking, search and suggestions.

Stored text is never normalised; these functions make comparison keys.
``normalize_with_offsets`` also says where each key character came from, so a
hit in the normalised text maps back to exact offsets in the stored text.

Folded: hamza and alef forms (أ إ آ ٱ -> ا), ta marbuta (ة -> ه), alef maksura
(ى -> ي), Persian/Urdu letter variants common in scraped text (ی -> ي, ک -> ك);
dropped: harakat and other Quranic marks, tatweel, invisible format characters
(ZWNJ, ZWJ, bidi marks). Latin letters are case-folded.
"""

from __future__ import annotations

import re
import unicodedata

_FOLD = {
    "\u0623": "\u0627",  # أ
    "\u0625": "\u0627",  # إ
    "\u0622": "\u0627",  # آ
    "\u0671": "\u0627",  # ٱ
    "\u0629": "\u0647",  # ة -> ه
    "\u0649": "\u064a",  # ى -> ي
    "\u06cc": "\u064a",  # ی -> ي
    "\u06a9": "\u0643",  # ک -> ك
}
_TATWEEL = "\u0640"
PROCLITICS = "وفبكل"
_MIN_STEM = 3  # letters a word keeps after a clitic is stripped


class _Table(dict[int, int | None]):
    """Code point -> folded code point, or None when dropped; filled as characters are met.

    ``str.translate`` looks every character up here in C, so the key of a
    whole document costs one pass instead of a Python loop per character
    (the search index normalises every imported document). Characters are
    classified once each, on first sight, instead of the whole of Unicode up
    front at import.
    """

    def __missing__(self, point: int) -> int | None:
        ch = chr(point)
        value = None if ch == _TATWEEL or unicodedata.category(ch) in ("Mn", "Cf") else point
        if ch in _FOLD:
            value = ord(_FOLD[ch])
        self[point] = value
        return value


_TABLE = _Table()


class _Marks(dict[int, int]):
    """Code point -> itself, or NUL where ``_TABLE`` drops it: finds the dropped in C."""

    def __missing__(self, point: int) -> int:
        value = 0 if _TABLE[point] is None else point
        self[point] = value
        return value


_MARKS = _Marks()
_DROPPED_RUNS = re.compile("\x00+")


def belongs_to_letter(ch: str) -> bool:
    """Harakat, other combining marks and tatweel: a match ends after those of its last
    letter. Not the invisible format characters matching also ignores: a direction mark or
    isolate after a word is not part of it (``span_rules.trim`` keeps them off span edges)."""
    return ch == _TATWEEL or unicodedata.category(ch) == "Mn"


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """The comparison form of ``text`` and, per character of it, its offset in ``text``.

    Opening a document computes this over its whole text (suggestions), so
    the usual cases stay in C: nothing dropped, or only marks dropped (their
    runs found by one regex pass). A character that casefolds to two (ß, İ)
    takes the character-by-character way.
    """
    kept = text.translate(_TABLE)
    key = kept.casefold()
    if len(key) == len(kept):
        if len(kept) == len(text):  # nothing dropped: character i came from i
            return key, list(range(len(text)))
        if "\x00" not in text:
            offsets: list[int] = []
            start = 0
            for run in _DROPPED_RUNS.finditer(text.translate(_MARKS)):
                offsets.extend(range(start, run.start()))
                start = run.end()
            offsets.extend(range(start, len(text)))
            return key, offsets
    out: list[str] = []
    offsets = []
    table = _TABLE
    for index, ch in enumerate(text):
        point = table[ord(ch)]
        if point is None:
            continue
        for folded in chr(point).casefold():
            out.append(folded)
            offsets.append(index)
    return "".join(out), offsets


# Blocks whose characters the fast path of ``normalize`` knows one by one: ASCII, Latin-1
# and the combining marks, Arabic and its supplements and presentation forms, general
# punctuation (direction marks, joiners). A text with any character outside them takes
# ``str.translate`` over the lazily filled table instead.
_KNOWN_BLOCKS = (
    (0x0000, 0x036F),
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0x2000, 0x206F),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)


class _FastPath:
    """What ``_TABLE`` does inside the known blocks, as two regular expressions.

    ``str.translate`` looks every character up in the table, about 45 ns a
    character: for an import it was a quarter of the whole time (normalising
    every text for the search index). Inside the known blocks only the eight
    folded letters and the dropped marks change; a scan for them runs in C at a
    few ns a character. Built on first use (a few thousand code points classified).
    """

    def __init__(self) -> None:
        blocks = "".join(f"{_char_class(a)}-{_char_class(b)}" for a, b in _KNOWN_BLOCKS)
        self.unknown = re.compile(f"[^{blocks}]")
        dropped = [
            _char_class(point)
            for first, last in _KNOWN_BLOCKS
            for point in range(first, last + 1)
            if _TABLE[point] is None
        ]
        self.dropped = re.compile(f"[{''.join(dropped)}]+")
        self.folds = [(a, b) for a, b in _FOLD.items()]


def _char_class(point: int) -> str:
    """``point`` written safely inside a regular-expression character class."""
    return f"\\U{point:08x}"


_FAST: list[_FastPath] = []


def normalize(text: str) -> str:
    """The comparison form of ``text`` (see module docstring).

    Casefolding is per character (no context), so folding the translated
    whole is the same as folding each kept character. Texts made only of the
    known blocks (nearly every Arabic article) take the fast path; a property
    test holds it to ``str.translate`` over the table.
    """
    if not _FAST:
        _FAST.append(_FastPath())
    fast = _FAST[0]
    if fast.unknown.search(text):
        return text.translate(_TABLE).casefold()
    for letter, folded in fast.folds:
        if letter in text:
            text = text.replace(letter, folded)
    return fast.dropped.sub("", text).casefold()


def strip_clitics(word: str) -> str:
    """A normalised word without leading proclitics and article: "وبالحكومه" -> "حكومه".

    Strips at most two proclitic letters, then "ال" (or the "ل" left of it
    after "ل": "للانسحاب"), keeping at least three letters.
    """
    for _ in range(2):
        if len(word) > _MIN_STEM and word[0] in PROCLITICS and not word.startswith("ال"):
            word = word[1:]
    if len(word) > _MIN_STEM + 1 and word.startswith("ال"):
        word = word[2:]
    return word


def match_key(text: str) -> str:
    """The key two spellings of one name share: normalised, clitics off each word.

    "أذربيجان", "اذربيجان", "وأذربيجان" and "لأذربيجان" all give "اذربيجان".
    """
    return " ".join(strip_clitics(w) for w in normalize(text).split())
