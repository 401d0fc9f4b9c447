"""Inter-annotator agreement over a team's documents, pair by pair and label by label.

Input: each document with the spans and relations of every analyst who
annotated it (``DocumentLayers``). Only documents with two or more analysts
count. For every pair of analysts and every label:

* ``exact_f1``: spans with the same start, end and label;
* ``overlap_f1``: a maximum one-to-one matching of same-label spans that share
  at least one character (exact matches seeded first);
* ``kappa``: Cohen's kappa over tokens, each token tagged B, I or O for the
  label (the project's tokenizer, cut at every analyst's span edges so that a
  span ending inside a word still has tokens of its own);

and across all analysts Krippendorff's alpha (nominal, over the same tokens,
a document's missing analysts are missing values), relation agreement (a
relation agrees when the other analyst links the spans matched to its ends
with the same label) and a ranking of documents, worst first.

The measures are in ``agreement_measures``, the tokens in ``agreement_tokens``; this
module only counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from annotator.core.agreement_measures import (
    Pair,
    Table,
    add_unit,
    cohen_kappa,
    f1,
    krippendorff_alpha,
    max_matching,
    table,
)
from annotator.core.agreement_tokens import bio_tags, token_starts
from annotator.core.models import Relation, Span

FORMAT_VERSION = 1
NONE = ""  # the "other analyst marked nothing here" row and column of the confusion table

SpanKey = tuple[int, int, str]  # start, end, label
RelationKey = tuple[str, SpanKey, SpanKey]


@dataclass(frozen=True, slots=True)
class DocumentLayers:
    """One document with every analyst's spans and relations (an analyst may have none)."""

    doc_id: int
    text: str
    spans: Mapping[str, Sequence[Span]]
    relations: Mapping[str, Sequence[Relation]] = field(default_factory=dict)
    title: str = ""
    uid: str = ""


@dataclass
class PairLabel:
    """Two analysts on one label, over the documents both annotated."""

    annotators: tuple[str, str]
    label: str
    documents: int = 0
    a_spans: int = 0
    b_spans: int = 0
    exact: int = 0
    overlap: int = 0
    bio: Counter[Pair] = field(default_factory=Counter)

    @property
    def exact_f1(self) -> float | None:
        return f1(self.exact, self.a_spans, self.b_spans)

    @property
    def overlap_f1(self) -> float | None:
        return f1(self.overlap, self.a_spans, self.b_spans)

    @property
    def kappa(self) -> float | None:
        return cohen_kappa(self.bio)

    def add(self, other: PairLabel) -> None:
        self.a_spans += other.a_spans
        self.b_spans += other.b_spans
        self.exact += other.exact
        self.overlap += other.overlap
        self.bio.update(other.bio)

    def to_json(self) -> dict[str, Any]:
        return {
            "annotators": list(self.annotators),
            "label": self.label,
            "documents": self.documents,
            "exact_f1": _round(self.exact_f1),
            "overlap_f1": _round(self.overlap_f1),
            "kappa": _round(self.kappa),
            "a_spans": self.a_spans,
            "b_spans": self.b_spans,
            "exact_matches": self.exact,
            "overlap_matches": self.overlap,
        }


@dataclass
class RelationPair:
    annotators: tuple[str, str]
    label: str
    a_relations: int = 0
    b_relations: int = 0
    matched: int = 0

    @property
    def f1(self) -> float | None:
        return f1(self.matched, self.a_relations, self.b_relations)

    def to_json(self) -> dict[str, Any]:
        return {
            "annotators": list(self.annotators),
            "label": self.label,
            "f1": _round(self.f1),
            "a_relations": self.a_relations,
            "b_relations": self.b_relations,
            "matched": self.matched,
        }


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """How well a document's analysts agree: pooled over their pairs and labels."""

    doc_id: int
    uid: str
    title: str
    annotators: tuple[str, ...]
    exact_f1: float | None
    overlap_f1: float | None
    spans: int
    disagreements: int  # distinct spans (start, end, label) not marked by every analyst

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc_id,
            "uid": self.uid,
            "title": self.title,
            "annotators": list(self.annotators),
            "exact_f1": _round(self.exact_f1),
            "overlap_f1": _round(self.overlap_f1),
            "spans": self.spans,
            "disagreements": self.disagreements,
        }


@dataclass
class Agreement:
    """Everything ``annotator agreement`` reports."""

    labels: tuple[str, ...]
    documents: int = 0
    annotators: tuple[str, ...] = ()
    pairs: dict[tuple[tuple[str, str], str], PairLabel] = field(default_factory=dict)
    relations: dict[tuple[tuple[str, str], str], RelationPair] = field(default_factory=dict)
    coincidence: dict[str, Table] = field(default_factory=dict)
    ranking: list[DocumentScore] = field(default_factory=list)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def overall(self, annotators: tuple[str, str]) -> PairLabel:
        """One pair over every label: span counts summed, kappa over (token, label) units."""
        total = PairLabel(annotators, "*")
        for (pair, _), item in self.pairs.items():
            if pair == annotators:
                total.add(item)
                total.documents = item.documents
        return total

    @property
    def alpha(self) -> float | None:
        pooled = table()
        for counts in self.coincidence.values():
            for pair, n in counts.items():
                pooled[pair] += n
        return krippendorff_alpha(pooled)

    def alpha_by_label(self) -> dict[str, float | None]:
        return {label: krippendorff_alpha(self.coincidence.get(label, {})) for label in self.labels}

    def pair_names(self) -> list[tuple[str, str]]:
        return sorted({pair for pair, _ in self.pairs})

    def pair_items(self) -> list[PairLabel]:
        """Every pair's labels in schema order, each pair followed by its ``overall`` ("*")."""
        items: list[PairLabel] = []
        for pair in self.pair_names():
            items += [item for (names, _), item in self.pairs.items() if names == pair]
            items.append(self.overall(pair))
        return items

    def to_json(self) -> dict[str, Any]:
        return {
            "format_version": FORMAT_VERSION,
            "documents": self.documents,
            "annotators": list(self.annotators),
            "labels": list(self.labels),
            "pairs": [item.to_json() for item in self.pairs.values()],
            "overall": [self.overall(pair).to_json() for pair in self.pair_names()],
            "alpha": _round(self.alpha),
            "alpha_by_label": {k: _round(v) for k, v in self.alpha_by_label().items()},
            "relations": [item.to_json() for item in self.relations.values()],
            "ranking": [score.to_json() for score in self.ranking],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# -- counting ----------------------------------------------------------------


def _overlaps(a: SpanKey, b: SpanKey) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(a: Sequence[SpanKey], b: Sequence[SpanKey]) -> dict[SpanKey, SpanKey]:
    """Maximum one-to-one matching of same-label spans sharing a character; exact ones first."""
    b_index = {key: j for j, key in enumerate(b)}
    seed = {i: b_index[key] for i, key in enumerate(a) if key in b_index}
    if len(seed) < min(len(a), len(b)):  # else the exact matches are already a maximum
        edges = {
            i: [j for j, other in enumerate(b) if other[2] == key[2] and _overlaps(key, other)]
            for i, key in enumerate(a)
        }
        seed = max_matching(edges, seed)
    return {a[i]: b[j] for i, j in seed.items()}


def _relation_keys(spans: Sequence[Span], relations: Sequence[Relation]) -> set[RelationKey]:
    keys = {s.id: (s.start, s.end, s.label) for s in spans}
    return {
        (r.label, keys[r.head], keys[r.tail])
        for r in relations
        if r.head in keys and r.tail in keys
    }


def compute(
    documents: Iterable[DocumentLayers], labels: Sequence[str], *, confusion: bool = False
) -> Agreement:
    """Agreement over the documents that two or more analysts annotated.

    ``labels``: the span labels to measure (others are ignored everywhere);
    ``confusion``: also count which label the other analyst gave to an
    overlapping span (the report's heat map).
    """
    wanted = set(labels)
    result = Agreement(tuple(labels))
    analysts: set[str] = set()
    for doc in documents:
        names = sorted(doc.spans)
        if len(names) < 2:
            continue
        result.documents += 1
        analysts.update(names)
        kept = {n: [s for s in doc.spans[n] if s.label in wanted] for n in names}
        keys = {n: sorted({(s.start, s.end, s.label) for s in kept[n]}) for n in names}
        by_label: dict[tuple[str, str], list[SpanKey]] = {}
        for n in names:
            for key in keys[n]:
                by_label.setdefault((n, key[2]), []).append(key)
        edges = [e for n in names for k in keys[n] for e in k[:2]]
        starts = token_starts(doc.text, edges)
        tags = {n: bio_tags(starts, keys[n]) for n in names}
        _alpha_units(result, names, tags, len(starts))
        matched_exact = matched_overlap = total = 0
        for a, b in combinations(names, 2):
            mapping: dict[SpanKey, SpanKey] = {}
            for label in labels:
                item = result.pairs.setdefault(((a, b), label), PairLabel((a, b), label))
                item.documents += 1
                a_keys = by_label.get((a, label), [])
                b_keys = by_label.get((b, label), [])
                b_set = set(b_keys)
                exact = sum(1 for k in a_keys if k in b_set)
                matching = match_spans(a_keys, b_keys)
                mapping.update(matching)
                item.a_spans += len(a_keys)
                item.b_spans += len(b_keys)
                item.exact += exact
                item.overlap += len(matching)
                _count_bio(item.bio, tags[a].get(label, {}), tags[b].get(label, {}), len(starts))
                matched_exact += exact
                matched_overlap += len(matching)
                total += len(a_keys) + len(b_keys)
            _count_relations(result, (a, b), doc, kept, mapping)
            if confusion:
                _count_confusion(result.confusion, keys[a], keys[b])
                _count_confusion(result.confusion, keys[b], keys[a])
        every = set.intersection(*(set(keys[n]) for n in names))
        marked = set().union(*(set(keys[n]) for n in names))
        result.ranking.append(
            DocumentScore(
                doc.doc_id,
                doc.uid,
                doc.title,
                tuple(names),
                f1(matched_exact, total, 0) if total else None,
                f1(matched_overlap, total, 0) if total else None,
                sum(len(keys[n]) for n in names),
                len(marked - every),
            )
        )
    result.annotators = tuple(sorted(analysts))
    result.ranking.sort(key=_worst_first)
    return result


def _worst_first(score: DocumentScore) -> tuple[float, int, int]:
    value = 1.0 if score.exact_f1 is None else score.exact_f1
    return (value, -score.disagreements, score.doc_id)


def _count_bio(
    counts: Counter[Pair], a: Mapping[int, str], b: Mapping[int, str], tokens: int
) -> None:
    marked = a.keys() | b.keys()
    for i in marked:
        counts[(a.get(i, "O"), b.get(i, "O"))] += 1
    if tokens > len(marked):
        counts[("O", "O")] += tokens - len(marked)


def _alpha_units(
    result: Agreement,
    names: Sequence[str],
    tags: Mapping[str, Mapping[str, dict[int, str]]],
    tokens: int,
) -> None:
    """Add one document's tokens as units, one value per analyst, for every label."""
    for label in result.labels:
        counts = result.coincidence.setdefault(label, table())
        by_analyst = [tags[n].get(label, {}) for n in names]
        marked: set[int] = set().union(*(t.keys() for t in by_analyst))
        for i in marked:
            add_unit(counts, [t.get(i, "O") for t in by_analyst])
        if tokens > len(marked):
            add_unit(counts, ["O"] * len(names), times=tokens - len(marked))


def _count_relations(
    result: Agreement,
    pair: tuple[str, str],
    doc: DocumentLayers,
    kept: Mapping[str, Sequence[Span]],
    mapping: Mapping[SpanKey, SpanKey],
) -> None:
    a, b = pair
    a_rel = _relation_keys(kept[a], doc.relations.get(a, ()))
    b_rel = _relation_keys(kept[b], doc.relations.get(b, ()))
    for label in sorted({r[0] for r in a_rel | b_rel}):
        item = result.relations.setdefault((pair, label), RelationPair(pair, label))
        mine = {r for r in a_rel if r[0] == label}
        theirs = {r for r in b_rel if r[0] == label}
        item.a_relations += len(mine)
        item.b_relations += len(theirs)
        item.matched += sum(
            1
            for _, head, tail in mine
            if head in mapping
            and tail in mapping
            and (label, mapping[head], mapping[tail]) in theirs
        )


def _count_confusion(
    counts: Counter[tuple[str, str]], mine: Sequence[SpanKey], theirs: Sequence[SpanKey]
) -> None:
    """For each of my spans: the other's label on the same stretch (same label first)."""
    for key in mine:
        best, best_overlap = NONE, 0
        for other in theirs:
            if other[0] >= key[1]:
                break  # sorted by start: nothing further can overlap
            shared = min(key[1], other[1]) - max(key[0], other[0])
            if shared <= 0:
                continue
            if other[2] == key[2]:
                best = key[2]
                break
            if shared > best_overlap:
                best, best_overlap = other[2], shared
        counts[(key[2], best)] += 1
