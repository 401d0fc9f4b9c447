"""How far to trust the model: k-fold cross-validation and a learning curve.

Documents, not sentences, are split into folds, so a name repeated inside one
article cannot be learnt from one paragraph and tested on the next. A proposal
counts only if its start, end and label are exactly an analyst's span. The
learning curve trains on 25 and 50% of the first training fold (100% is the
cross-validation itself): if F1 still climbs at 100%, more annotated documents
will still help. Seven trainings in all, so 200 documents take seconds.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotator.core.recommend.features import Gazetteer
from annotator.core.recommend.model import Example, Model, train

FRACTIONS = (0.25, 0.5, 1.0)
MIN_DOCUMENTS = 4  # fewer cannot be split into folds that each train on something


@dataclass(frozen=True, slots=True)
class Score:
    """Exact-match precision, recall and F1 of one label, with the counts behind them."""

    true_positives: int = 0
    proposed: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.proposed if self.proposed else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.true_positives + other.true_positives,
            self.proposed + other.proposed,
            self.gold + other.gold,
        )

    def as_json(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "true_positives": self.true_positives,
            "proposed": self.proposed,
            "gold": self.gold,
        }


@dataclass(frozen=True, slots=True)
class Evaluation:
    folds: int
    documents: int
    per_label: dict[str, Score] = field(default_factory=dict)
    # fraction of a training fold -> micro score (below 1.0: the first fold only)
    curve: dict[float, Score] = field(default_factory=dict)

    @property
    def micro(self) -> Score:
        return sum(self.per_label.values(), Score())


def score(
    proposed: Iterable[tuple[int, int, str]], gold: Iterable[tuple[int, int, str]]
) -> dict[str, Score]:
    """Per-label exact-match counts of one document."""
    p, g = set(proposed), set(gold)
    labels = {s[2] for s in p | g}
    return {
        lb: Score(
            len({s for s in p & g if s[2] == lb}),
            sum(1 for s in p if s[2] == lb),
            sum(1 for s in g if s[2] == lb),
        )
        for lb in labels
    }


def evaluate(model: Model, examples: Iterable[Example], gazetteer: Gazetteer) -> dict[str, Score]:
    totals: dict[str, Score] = {}
    for example in examples:
        found = [(p.start, p.end, p.label) for p in model.propose(example.text, gazetteer)]
        for label, s in score(found, example.spans).items():
            totals[label] = totals.get(label, Score()) + s
    return totals


def folds_of(n: int, k: int, seed: int = 0) -> list[list[int]]:
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def cross_validate(
    examples: Sequence[Example],
    registry: Iterable[tuple[str, str]] = (),
    *,
    k: int = 4,
    fractions: Sequence[float] = FRACTIONS,
    seed: int = 0,
) -> Evaluation | None:
    """Cross-validated scores, or None when there are too few documents to split.

    ``registry`` gives (name, label) pairs known before any annotation (the entity
    registry); each fold's gazetteer adds the span texts of its training documents
    only, so a test document's own names are never handed to the model.
    """
    if len(examples) < MIN_DOCUMENTS:
        return None
    k = min(k, len(examples))
    registry = list(registry)
    per_label: dict[str, Score] = {}
    curve_scores: dict[float, Score] = {f: Score() for f in fractions}
    rng = random.Random(seed)
    for fold, test_ids in enumerate(folds_of(len(examples), k, seed)):
        test = [examples[i] for i in test_ids]
        held = set(test_ids)
        train_all = [ex for i, ex in enumerate(examples) if i not in held]
        rng.shuffle(train_all)
        for fraction in fractions if fold == 0 else fractions[-1:]:
            part = train_all[: max(1, round(len(train_all) * fraction))]
            gazetteer = Gazetteer.of(
                registry + [(ex.text[s:e], lb) for ex in part for s, e, lb in ex.spans]
            )
            data, _ = train(part, gazetteer)
            scores = evaluate(Model(data), test, gazetteer)
            curve_scores[fraction] = curve_scores[fraction] + sum(scores.values(), Score())
            if fraction == fractions[-1]:
                for label, s in scores.items():
                    per_label[label] = per_label.get(label, Score()) + s
    return Evaluation(k, len(examples), per_label, curve_scores)
