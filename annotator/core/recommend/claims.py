"""Claims proposed: the clause finder's candidates, ranked by a small classifier.

A claim is a clause, not a name, so it is not tagged token by token: the
candidates are the reported clauses the window's clause key selects
(``core.clauses``: after إن / أن / بأن up to the clause end) and quotations of
three words or more («…», “…”, "…"), and a classifier
learns from the analysts' CLAIM spans which candidates they take. A candidate
matching a CLAIM span (most of either covered by the other) is a claim; one an
analyst rejected, or one that no CLAIM covers in a document with claims ("بعد
أن وصل الوفد": أن after بعد reports nothing), is not.

The classifier is a maximum-entropy model: CRFsuite on sequences of one item,
which is a logistic regression, so no new dependency. Its features say what an
analyst reads: the cue before the clause and its form, whether a source stands
between them, the word before the complementizer, the complementizer, the
sentence's first word (a reporting verb the cue list lacks), the clause's first
word and length, how it ends.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pycrfsuite

from annotator.core.arabic import normalize
from annotator.core.clauses import attributions, sentence_at
from annotator.core.recommend.evaluation import Score, folds_of
from annotator.core.recommend.model import PARAMS
from annotator.core.recommend.sequence import Proposal
from annotator.core.suggest import CUE_WORDS

CLAIM = "CLAIM"
YES, NO = "claim", "other"
OVERLAP = 0.6  # share of the candidate and of the span the other must cover to match
Range = tuple[int, int]
_CUES = frozenset(normalize(w) for w in CUE_WORDS)


@dataclass(frozen=True, slots=True)
class ClaimExample:
    """A worked document: its text, its CLAIM spans and the CLAIMs rejected in it."""

    text: str
    claims: tuple[Range, ...]
    rejected: tuple[Range, ...] = ()


def _words(text: str) -> list[str]:
    return normalize(text).split()


def _bucket(n: int) -> str:
    return "1-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 else "21+"


_QUOTE = re.compile(r"«([^»\n]+)»|“([^”\n]+)”|\"([^\"\n]+)\"")


def candidates(text: str) -> list[tuple[Range, list[str]]]:
    """Every reported clause and every quotation of ``text`` with its features, in order."""
    out = _clauses(text)
    taken = [r for r, _ in out]
    for match in _QUOTE.finditer(text):
        group = next(i for i in (1, 2, 3) if match.group(i) is not None)
        start, end = match.span(group)
        inside = _words(text[start:end])
        if len(inside) < 3 or any(s < end and start < e for s, e in taken):
            continue  # a word or two in quotes is a name or a term, not a claim
        sentence = _words(text[sentence_at(text, start)[0] : start])
        feats = [
            "bias",
            "kind=quote",
            f"mark={text[match.start()]}",
            f"has_cue={any(w in _CUES or (w[:1] in 'وف' and w[1:] in _CUES) for w in sentence)}",
            f"opens={sentence[0] if sentence else '-'}",
            f"first={inside[0]}",
            f"length={_bucket(len(inside))}",
        ]
        out.append(((start, end), feats))
    return sorted(out)


def _clauses(text: str) -> list[tuple[Range, list[str]]]:
    out = []
    for found in attributions(text):
        start, end = found.clause
        lead = found.cue[1] if found.cue else max(0, start - 12)
        before = _words(text[max(0, lead - 40) : start])
        clause = _words(text[start:end])
        tail = text[end : end + 1]
        sentence = _words(text[sentence_at(text, start)[0] : start])
        feats = [
            "bias",
            "kind=clause",
            f"cue={normalize(text[found.cue[0] : found.cue[1]]) if found.cue else '-'}",
            f"has_cue={found.cue is not None}",
            f"source={_bucket(len(_words(text[found.source[0] : found.source[1]])))}"
            if found.source
            else "source=-",
            f"prev={before[-2] if len(before) > 1 else '-'}",
            f"comp={before[-1] if before else '-'}",
            f"first={clause[0] if clause else '-'}",
            f"opens={sentence[0] if sentence else '-'}",  # a cue verb the list lacks (ذكر)
            f"length={_bucket(len(clause))}",
            f"ends={tail if tail.strip() else 'space'}",
        ]
        out.append(((start, end), feats))
    return out


def _matches(candidate: Range, spans: Iterable[Range]) -> bool:
    s, e = candidate
    for cs, ce in spans:
        common = min(e, ce) - max(s, cs)
        if common > 0 and common >= OVERLAP * (e - s) and common >= OVERLAP * (ce - cs):
            return True
    return False


def _items(examples: Iterable[ClaimExample]) -> list[tuple[list[str], str]]:
    """Labelled candidates. In a document with no CLAIM the analyst may not have come to
    the claims yet: only its rejected candidates say "not a claim" there."""
    items = []
    for ex in examples:
        for candidate, feats in candidates(ex.text):
            if _matches(candidate, ex.claims):
                items.append((feats, YES))
            elif ex.claims or _matches(candidate, ex.rejected):
                items.append((feats, NO))
    return items


def train_claims(examples: Iterable[ClaimExample]) -> bytes:
    """The classifier's bytes; empty when the candidates are all of one kind."""
    items = _items(examples)
    if len({label for _, label in items}) < 2:
        return b""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    for feats, label in items:
        trainer.append([feats], [label])
    fd, path = tempfile.mkstemp(suffix=".crfsuite")
    os.close(fd)
    try:
        trainer.train(path)
        with open(path, "rb") as model_file:
            return model_file.read()
    finally:
        os.unlink(path)


class ClaimModel:
    """A loaded classifier: the candidates of a text it takes for claims, with P(claim)."""

    def __init__(self, data: bytes) -> None:
        self._data = bytes(data)  # CRFsuite reads the bytes in place: they must stay alive
        self._tagger = pycrfsuite.Tagger()
        if data:
            self._tagger.open_inmemory(self._data)
        self._empty = not data

    def propose(self, text: str) -> list[Proposal]:
        if self._empty:
            return []
        out = []
        for (start, end), feats in candidates(text):
            self._tagger.set([feats])
            score = self._tagger.marginal(YES, 0)
            if score >= 0.5:
                out.append(Proposal(start, end, CLAIM, text[start:end], score))
        return out


def cross_validate_claims(examples: Sequence[ClaimExample], k: int = 4) -> Score | None:
    """Scores of the proposals against the analysts' CLAIMs (matched as in training), by
    document folds, over the documents that say something about claims: with a CLAIM or a
    rejected one (None with fewer of them than folds)."""
    examples = [ex for ex in examples if ex.claims or ex.rejected]
    if len(examples) < k:
        return None
    total = Score()
    for test_ids in folds_of(len(examples), k):
        held = set(test_ids)
        model = ClaimModel(train_claims(ex for i, ex in enumerate(examples) if i not in held))
        for i in test_ids:
            ex = examples[i]
            proposed = [(p.start, p.end) for p in model.propose(ex.text)]
            hits = sum(1 for p in proposed if _matches(p, ex.claims))
            total = total + Score(hits, len(proposed), len(ex.claims))
    return total
