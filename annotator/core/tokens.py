"""Tokens for token-based formats (CoNLL, Hugging Face, Prodigy, spaCy), aligned to spans.

Words are runs of letters, marks (harakat), digits, tatweel and joiners, so a
vocalised word is one token; every other visible character (، ؛ ؟ quotes,
emoji) is a token of its own, with what the eye sees as part of it: an
emoji keeps its skin tone, variation selector and ZWJ partners (👍🏽, 👨‍👩‍👧),
a flag its two regional indicators (🇦🇲) or its tag characters. Spans are
mapped to tokens after white space is trimmed from their edges
(``token_edges``). Arabic clitics make spans begin or end inside a word
("وأذربيجان" with LOCATION on "أذربيجان"); ``align`` then splits the word at
the span edge, so no span is lost, and reports each split.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from annotator.core.span_rules import is_word_char

SENTENCE_END = frozenset(".!?؟…")
_ZWJ = "\u200d"


def _is_regional(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def _extends(ch: str) -> bool:
    """Characters that belong to the character before them (UAX #29 Extend, simplified)."""
    return (
        unicodedata.category(ch) in ("Mn", "Me", "Mc")
        or "\U0001f3fb" <= ch <= "\U0001f3ff"  # skin tones
        or "\U000e0020" <= ch <= "\U000e007f"  # tag characters (subdivision flags)
        or ch == "\u200c"
    )


def cluster_end(text: str, i: int) -> int:
    """End of the grapheme cluster (as the eye sees one character) that starts at ``i``."""
    n = len(text)
    j = i + 1
    if _is_regional(text[i]) and j < n and _is_regional(text[j]):
        j += 1
    while j < n:
        if _extends(text[j]):
            j += 1
        elif text[j] == _ZWJ and j + 1 < n and not text[j + 1].isspace():
            j += 2
        else:
            break
    return j


class Token(NamedTuple):
    """A word or a character as the eye sees one, at ``text[start:end]``.

    A named tuple rather than a frozen dataclass: an article has thousands and a
    frozen dataclass's ``__init__`` cost as much as finding them.
    """

    start: int
    end: int
    text: str

    @property
    def is_sentence_end(self) -> bool:
        return self.text in SENTENCE_END


_CHUNK = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W_]+")  # letters and digits (``str.isalnum``'s, with no underscore)


def tokenize(text: str) -> list[Token]:
    """Words and the characters between them, in text order (white space is no token).

    Read a run of non-space at a time (no token crosses white space: a grapheme
    cluster never takes a space in): a run of letters and digits alone, most of
    a news text, is one word at C speed (``str.isalnum``: the same letters
    and digits as ``is_word_char`` without its marks and joiners); only a run
    holding anything else (harakat, punctuation, emoji) is read a character at a
    time. A 5,000-word article: 12 ms before, a few now.
    """
    tokens: list[Token] = []
    for chunk in _CHUNK.finditer(text):
        word = chunk.group()
        i = chunk.start()
        if word.isalnum():
            tokens.append(Token(i, chunk.end(), word))
            continue
        n = chunk.end()
        while i < n:
            if is_word_char(text[i]):
                j = i + 1
                while j < n:
                    if run := _LETTERS.match(text, j, n):
                        j = run.end()
                    elif is_word_char(text[j]):
                        j += 1  # a mark or a joiner
                    else:
                        break
            else:
                j = min(cluster_end(text, i), n)
            tokens.append(Token(i, j, text[i:j]))
            i = j
    return tokens


def token_edges(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A span's edges without the white space at them; None when nothing else is left.

    Tokens hold no white space, so these are the edges a token format can keep.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


@dataclass(frozen=True, slots=True)
class Split:
    """A word cut at a span edge: what it was and where it was cut."""

    word: str
    at: int


def align(
    text: str, tokens: Sequence[Token], edges: Iterable[int]
) -> tuple[list[Token], list[Split]]:
    """Cut tokens so that every offset in ``edges`` is a token boundary."""
    cuts = sorted(set(edges))
    out: list[Token] = []
    splits: list[Split] = []
    k = 0
    for token in tokens:
        while k < len(cuts) and cuts[k] <= token.start:
            k += 1
        start = token.start
        while k < len(cuts) and cuts[k] < token.end:
            out.append(Token(start, cuts[k], text[start : cuts[k]]))
            splits.append(Split(token.text, cuts[k]))
            start = cuts[k]
            k += 1
        out.append(Token(start, token.end, text[start : token.end]))
    return out, splits


def sentences(text: str, tokens: Sequence[Token]) -> list[list[Token]]:
    """Tokens grouped into sentences: after . ! ? ؟ … and at line breaks."""
    groups: list[list[Token]] = []
    current: list[Token] = []
    for index, token in enumerate(tokens):
        current.append(token)
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        line_break = nxt is not None and "\n" in text[token.end : nxt.start]
        if token.is_sentence_end or line_break or nxt is None:
            groups.append(current)
            current = []
    return groups


# و/ف, then ب/ك, before the article and two more letters: وبالقاهرة -> و | ب | القاهرة.
_BEFORE_ARTICLE = re.compile(r"([وف]?)([بك]?)(?=ال\w\w)")


def clitic_cuts(word: str) -> list[int]:
    """Where a word's proclitics before the article end; [] when it has none."""
    m = _BEFORE_ARTICLE.match(word)
    if m is None:
        return []
    return sorted({m.end(1), m.end(2)} - {0})


def edge_cuts(tokens: Sequence[Token], edges: Iterable[int]) -> dict[str, set[int]]:
    """For each token text an edge falls inside, where (offsets into the token)."""
    cuts: dict[str, set[int]] = {}
    ordered = sorted(set(edges))
    k = 0
    for token in tokens:
        while k < len(ordered) and ordered[k] <= token.start:
            k += 1
        j = k
        while j < len(ordered) and ordered[j] < token.end:
            cuts.setdefault(token.text, set()).add(ordered[j] - token.start)
            j += 1
    return cuts


def segment(text: str, known: Mapping[str, Collection[int]]) -> list[Token]:
    """``tokenize``, then each word cut where ``known`` says and before the article.

    The same text always gives the same tokens: what a model trained on an
    export sees when it reads new text.
    """
    out: list[Token] = []
    for token in tokenize(text):
        points = sorted({*known.get(token.text, ()), *clitic_cuts(token.text)})
        start = token.start
        for point in points:
            if 0 < point < token.end - token.start:
                out.append(Token(start, token.start + point, text[start : token.start + point]))
                start = token.start + point
        out.append(Token(start, token.end, text[start : token.end]))
    return out
