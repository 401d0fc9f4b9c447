"""Train and apply the CRF (python-crfsuite: a small C library, no numpy).

The model is bytes: stored inside the project so it travels with the file and
loaded again without a file on disk. Sequences are paragraphs (a line break ends
one): names do not cross them, and short sequences train fast.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pycrfsuite

from annotator.core.recommend.features import Gazetteer, model_tokens, token_features
from annotator.core.recommend.sequence import OUTSIDE, Proposal, spans_to_tags, tags_to_proposals
from annotator.core.tokens import Token

# L1 keeps the model small and sparse, L2 smooths; 60 L-BFGS iterations reach a plateau on
# a few hundred documents (bench/bench_recommend.py) in about a second.
PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 60, "feature.possible_transitions": True}
GAZETTEER_EVERY = 2  # documents described with the gazetteer while training: one in this many


@dataclass(frozen=True, slots=True)
class Example:
    """A document to learn from: its text and its spans of the recommended labels."""

    text: str
    spans: tuple[tuple[int, int, str], ...]


@dataclass(frozen=True, slots=True)
class TrainingReport:
    sequences: int
    tokens: int
    dropped_overlapping: int
    dropped_unaligned: int


def paragraphs(text: str, tokens: Sequence[Token]) -> list[list[Token]]:
    """Tokens grouped by line: each line is one sequence for the CRF."""
    groups: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        if current and "\n" in text[current[-1].end : token.start]:
            groups.append(current)
            current = []
        current.append(token)
    if current:
        groups.append(current)
    return groups


def train(
    examples: Iterable[Example], gazetteer: Gazetteer | None = None
) -> tuple[bytes, TrainingReport]:
    """A trained model's bytes and what went into it.

    Every name of the training spans is in the gazetteer, so a model that always saw
    the gazetteer learns "a name is what the gazetteer knows" and never proposes a name
    it has not seen. Half the documents (every other one) are therefore described
    without it: the model learns the context too, and the gazetteer still helps.
    """
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    sequences = tokens_seen = overlapping = unaligned = 0
    for number, example in enumerate(examples):
        tokens = model_tokens(example.text)
        tagged = spans_to_tags(tokens, example.spans)
        overlapping += tagged.dropped_overlapping
        unaligned += tagged.dropped_unaligned
        known = gazetteer if number % GAZETTEER_EVERY == 0 else None
        feats = token_features(example.text, tokens, known)
        index = 0
        for group in paragraphs(example.text, tokens):
            end = index + len(group)
            trainer.append(feats[index:end], tagged.tags[index:end])
            index = end
            sequences += 1
        tokens_seen += len(tokens)
    report = TrainingReport(sequences, tokens_seen, overlapping, unaligned)
    if sequences == 0:
        return b"", report
    fd, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(fd)
    try:
        trainer.train(path)
        with open(path, "rb") as model_file:
            return model_file.read(), report
    finally:
        os.unlink(path)


class Model:
    """A loaded model: proposals and uncertainty for a text."""

    def __init__(self, data: bytes) -> None:
        # CRFsuite reads the model in place and does not copy it: the bytes must live as
        # long as the tagger (freed bytes made it return empty tags).
        self._data = bytes(data)
        self._tagger = pycrfsuite.Tagger()
        if data:
            self._tagger.open_inmemory(self._data)
        self._empty = not data
        self.labels = frozenset() if self._empty else frozenset(self._tagger.labels())

    def propose(self, text: str, gazetteer: Gazetteer | None = None) -> list[Proposal]:
        """Every span the model tags in ``text``, scored by its least certain token."""
        if self._empty:
            return []
        tokens = model_tokens(text)
        feats = token_features(text, tokens, gazetteer)
        out: list[Proposal] = []
        index = 0
        for group in paragraphs(text, tokens):
            end = index + len(group)
            tags = self._tagger.tag(feats[index:end])
            # Only a proposal's tokens are scored: most tokens are outside every name.
            marginal = self._tagger.marginal
            scores = [1.0 if tag == OUTSIDE else marginal(tag, i) for i, tag in enumerate(tags)]
            out.extend(tags_to_proposals(text, group, tags, scores))
            index = end
        return out

    def uncertainty(self, text: str, gazetteer: Gazetteer | None = None) -> float:
        """How unsure the model is about ``text``: the mean, over tokens, of 1 - P(best tag).

        Tokens the model is sure are outside every name add nothing, so a long
        article of plain prose does not outrank a short one full of doubtful names.
        """
        if self._empty:
            return 0.0
        tokens = model_tokens(text)
        if not tokens:
            return 0.0
        feats = token_features(text, tokens, gazetteer)
        total = 0.0
        index = 0
        for group in paragraphs(text, tokens):
            end = index + len(group)
            tags = self._tagger.tag(feats[index:end])
            for i, tag in enumerate(tags):
                sure = self._tagger.marginal(tag, i)
                if not (tag == OUTSIDE and sure > 0.99):
                    total += 1.0 - sure
            index = end
        return total / len(tokens)
