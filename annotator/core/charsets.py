"""Which encoding a file without a byte-order mark is in: candidates and their plausibility.

General detectors (charset-normalizer, chardet) guess among every code page
of the world, and on a headline of twenty bytes they guess wrong: ISO-8859-6
Arabic came out as Thai, Windows-1256 as Cyrillic. An Arabic news corpus comes
in few encodings, so each of them is tried and the decoded texts are scored
by how much they read like Arabic or Latin-script text: Arabic letters
weighted by how common they are in Arabic prose (the wrong code page swaps
common letters for rare ones, or for Latin ones inside Arabic words), Latin
letters, digits, spaces and punctuation for, control characters, other
scripts, box drawing and mixed-script words against.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from annotator.core.arabic_pairs import pair_counts

# In the order ties are broken: the common encodings of Arabic pages first.
CANDIDATES = (
    "utf-16-le",
    "utf-16-be",
    "cp1256",
    "iso8859-6",
    "cp1252",
    "cp720",
    "mac-arabic",
)
# Rarer code pages win only by a margin, this much a non-ASCII character: ISO-8859-6 is far
# rarer than Windows-1256 (a word or two can read as real words in both); the DOS and classic
# Mac OS ones rarer still, and MacArabic reads ISO-8859-6's letters the same way.
RARE_HANDICAP = {"iso8859-6": 0.03, "cp720": 0.1, "mac-arabic": 0.1}
UTF16 = frozenset({"utf-16-le", "utf-16-be"})

_LETTERS = "".join(map(chr, range(0x0621, 0x063B))) + "".join(map(chr, range(0x0641, 0x064B)))
_PAIR_SHARE = 0.5  # what a pair's log-likelihood ratio adds to its letter's 1.0
_SMOOTHING = 0.1  # added to every pair's count: a pair never seen is rare, not impossible
_UNLIKELY = -3.0  # a character no text of ours holds: control, other script, box drawing
_MISPLACED_WEIGHT = -10.0  # a letter of the wrong code page inside a word: next to proof


def _pair_weights() -> dict[str, float]:
    """log P(next | letter) against a uniform guess: common pairs above 0, rare ones below."""
    counts = pair_counts()
    following: Counter[str] = Counter()
    for pair, n in counts.items():
        following[pair[0]] += n
    symbols = len(_LETTERS) + 1  # the letters and the word's end
    weights = {}
    for first in "<" + _LETTERS:
        total = following[first] + _SMOOTHING * symbols
        for second in _LETTERS + ">":
            pair = first + second
            weights[pair] = math.log((counts.get(pair, 0) + _SMOOTHING) / total * symbols)
    return weights


def _char_weights() -> dict[str, float]:
    weights = dict.fromkeys(_LETTERS, 1.0)  # and their pairs more or less (``_pairs_score``)
    for code in range(0x0671, 0x06D4):  # Persian and Urdu letters (cp1256 has some)
        weights.setdefault(chr(code), 0.3)
    for ch in "ًٌٍَُِّْ":  # harakat: placed by the rules below
        weights[ch] = 0.3
    weights["ـ"] = 0.0
    for ch in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        weights[ch] = 1.0
    for ch in "àâäçèéêëîïôöùûüÿœæßñáíóúãõåøìò":  # accented letters of Latin-script languages
        weights[ch] = 0.4
        weights[ch.upper()] = 0.1
    for ch in "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹":
        weights[ch] = 0.5
    for ch in " \n\t\r\u00a0":
        weights[ch] = 0.5
    for ch in ".,;:!?'\"()-«»،؛؟…–—“”‘’/%[]":
        weights[ch] = 0.3
    for ch in "#$&*+<=>@\\^_`{|}~€£°":
        weights[ch] = 0.0
    return weights


_WEIGHTS = _char_weights()
_PAIRS = _pair_weights()
_ARABIC = "\u0621-\u064a\u0671-\u06d3"
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
# Places where a character of a right decoding hardly ever stands.
_MISPLACED = re.compile(
    rf"[{_ARABIC}][{_LATIN}]|[{_LATIN}][{_ARABIC}]"  # a word of two scripts
    r"|[\u064b-\u064d][\u0621-\u064a]"  # tanween inside a word
    rf"|(?<![{_ARABIC}\u064b-\u0652])[\u064b-\u0652]"  # a haraka on no letter
    rf"|(?<![{_ARABIC}\u0640])\u0640"  # tatweel before a word ("بـ 5" has one after)
    rf"|[{_ARABIC}][\\[\]^_{{|}}]|[\\[\]^_{{|}}][{_ARABIC}]"  # a bracket stuck to a letter
)
_ARABIC_WORD = re.compile("[\u0621-\u063a\u0641-\u064a]+")


def plausibility(text: str) -> float:
    """How much ``text`` reads like Arabic or Latin-script prose: higher is likelier.

    Counted per distinct character (in C, so a large file costs little), plus a
    penalty per misplaced character.
    """
    score = sum(_WEIGHTS.get(ch, _UNLIKELY) * n for ch, n in Counter(text).items())
    for word, n in Counter(_ARABIC_WORD.findall(text)).items():
        score += n * _pairs_score(f"<{word}>")
    return score + _MISPLACED_WEIGHT * len(_MISPLACED.findall(text))


def _pairs_score(word: str) -> float:
    """The letter pairs of ``<word>``: a letter read through the wrong code page breaks them."""
    return _PAIR_SHARE * sum(_PAIRS[word[i : i + 2]] for i in range(len(word) - 1))


def unlikely_share(text: str) -> float:
    """The share of characters no Arabic or Latin-script text holds (0.0-1.0)."""
    if not text:
        return 0.0
    unlikely = sum(n for ch, n in Counter(text).items() if ch not in _WEIGHTS)
    return (unlikely + len(_MISPLACED.findall(text))) / len(text)


def utf16_layout(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` if the NUL bytes sit where UTF-16 puts them, else None.

    Latin text and the spaces of Arabic text are ``xx 00`` in UTF-16 LE: every
    NUL at an odd offset (even in BE). Arabic letters have 06 there instead, so
    a text with no Latin letter and no space has no NUL: the 06 then counts.
    """
    if len(data) % 2:
        return None
    high_le, high_be = data[1::2], data[0::2]
    for name, high, low in (("utf-16-le", high_le, high_be), ("utf-16-be", high_be, high_le)):
        if b"\x00" not in low and (high.count(0) + high.count(6)) * 10 >= len(high) * 8:
            return name
    return None
