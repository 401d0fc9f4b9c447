"""What an import settles in a record before the schema sees it: repeats and unnamed links.

Files from other tools hold things a project would refuse or double: the same
span written twice (two clicks on one word, a merge of two exports), the same
relation twice, and Label Studio relations without a label (its default when
the labelling config has no ``<Relations>`` list). ``settle`` stores each span
and relation once and names an unlabelled relation by the schema when exactly
one relation type fits its two ends; each change is counted for the summary.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from annotator.core.models import AnnotatedDocument, Label, Relation, Span

UNLABELLED = ""
"""The label of a relation its file gave none; ``settle`` names it or leaves it out."""

REPEATED_SPANS = "identical spans repeated in a record, stored once"
REPEATED_RELATIONS = "identical relations repeated in a record, stored once"
NAMED = "relations without a label named by the only relation type that fits them"
UNNAMED = "relations without a label left out (no single relation type fits them)"


def _attrs_key(attrs: Mapping[str, Any]) -> str:
    if not attrs:
        return ""  # most spans: no JSON to build
    return json.dumps(attrs, sort_keys=True, ensure_ascii=False, default=str)


def _span_key(span: Span) -> tuple[object, ...]:
    return (
        span.start,
        span.end,
        span.label,
        span.annotator,
        span.entity_id,
        _attrs_key(span.attrs),
    )


def settle(
    record: AnnotatedDocument, relation_types: Sequence[Label], notes: Counter[str]
) -> AnnotatedDocument:
    """``record`` with repeats stored once and unlabelled relations named or left out."""
    kept: dict[tuple[object, ...], Span] = {}
    same: dict[int, int] = {}  # a repeated span's id -> the id of the one kept
    for span in record.spans:
        same[span.id] = kept.setdefault(_span_key(span), span).id
    labels = {s.id: s.label for s in record.spans}
    relations: dict[tuple[object, ...], Relation] = {}
    origins: dict[int, tuple[str, int | None]] = {}  # by the position each kept relation takes
    changed = len(kept) < len(record.spans)
    for index, relation in enumerate(record.relations):
        head, tail = same.get(relation.head, relation.head), same.get(relation.tail, relation.tail)
        if (head, tail) != (relation.head, relation.tail):
            relation = replace(relation, head=head, tail=tail)
        if relation.label == UNLABELLED:
            fits = [t for t in relation_types if t.allows(labels[head], labels[tail])]
            if len(fits) != 1:
                notes[UNNAMED] += 1
                changed = True
                continue
            relation = replace(relation, label=fits[0].name)
            notes[NAMED] += 1
            changed = True
        key = (relation.label, head, tail, relation.annotator, _attrs_key(relation.attrs))
        if key in relations:
            notes[REPEATED_RELATIONS] += 1
            changed = True
            continue
        if index in record.relation_origins:
            origins[len(relations)] = record.relation_origins[index]
        relations[key] = relation
    if not changed:
        return record  # the common case: nothing repeated, every relation named
    if repeated := len(record.spans) - len(kept):
        notes[REPEATED_SPANS] += repeated
    return replace(
        record,
        spans=tuple(kept.values()),
        relations=tuple(relations.values()),
        relation_origins=origins,
    )
