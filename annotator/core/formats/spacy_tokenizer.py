"""The tokenizer a spaCy export ships with: registered as ``annotator.arabic_tokenizer.v1``.

spaCy's Arabic tokenizer leaves clitics on the word ("وأذربيجان"), so
``spacy train`` re-tokenizing our texts lost every entity that starts after
a clitic. This tokenizer cuts text as the export did: ``tokens.segment``,
with the cuts the export made at span edges (``splits``: ``"و|أذربيجان"``)
written into the export's ``config.cfg``. Training and prediction then see
the same tokens, and a trained pipeline cuts those words, and words with
proclitics before the article, in new text.

Found by spaCy through the ``spacy_tokenizers`` entry point; spaCy is
imported only when a tokenizer is made (``pip install annotator[spacy]``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

from annotator.core.tokens import segment

NAME = "annotator.arabic_tokenizer.v1"


def split_strings(cuts: Mapping[str, Collection[int]]) -> list[str]:
    """``{"وأذربيجان": {1}}`` -> ``["و|أذربيجان"]``: readable in a config file."""
    out = []
    for word, points in sorted(cuts.items()):
        edges = [0, *sorted(points), len(word)]
        out.append("|".join(word[a:b] for a, b in pairwise(edges)))
    return out


def parse_splits(splits: Iterable[str]) -> dict[str, set[int]]:
    cuts: dict[str, set[int]] = {}
    for item in splits:
        pieces = item.split("|")
        word = "".join(pieces)
        at = 0
        for piece in pieces[:-1]:
            at += len(piece)
            cuts.setdefault(word, set()).add(at)
    return cuts


class ArabicTokenizer:
    """``segment`` as a spaCy tokenizer: text in, ``Doc`` out, text unchanged."""

    def __init__(self, vocab: Any, splits: Iterable[str] = ()) -> None:
        self.vocab = vocab
        self.cuts = parse_splits(splits)

    def __call__(self, text: str) -> Any:
        from spacy.tokens import Doc
        from spacy.util import get_words_and_spaces

        words, spaces = get_words_and_spaces([t.text for t in segment(text, self.cuts)], text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Any]:
        for text in texts:
            yield self(text)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(split_strings(self.cuts), ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ArabicTokenizer:
        self.cuts = parse_splits(json.loads(data.decode("utf-8")))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ArabicTokenizer:
        return self.from_bytes(Path(path).read_bytes())


def create_tokenizer(splits: list[str] | None = None) -> Callable[[Any], ArabicTokenizer]:
    """The registered factory: ``[nlp.tokenizer] @tokenizers = "annotator.arabic_tokenizer.v1"``."""

    def make(nlp: Any) -> ArabicTokenizer:
        return ArabicTokenizer(nlp.vocab, splits or ())

    return make
