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


def is_dropped(ch: str) -> bool:
    """Harakat, Quranic marks, tatweel and invisible format characters."""
    return ch == _TATWEEL or unicodedata.category(ch) in ("Mn", "Cf")


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """The comparison form of ``text`` and, per character of it, its offset in ``text``."""
    out: list[str] = []
    offsets: list[int] = []
    for index, ch in enumerate(text):
        if is_dropped(ch):
            continue
        for folded in _FOLD.get(ch, ch).casefold():
            out.append(folded)
            offsets.append(index)
    return "".join(out), offsets


def normalize(text: str) -> str:
    """The comparison form of ``text`` (see module docstring)."""
    return normalize_with_offsets(text)[0]


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
