"""Several annotators' work on one document, put together as layers.

Exports from team tools hold one set of spans per annotator (Label Studio's
annotations, doccano's per-user files). Each set keeps its own span ids,
which its relations refer to; ``combine`` numbers them into one record
whose spans keep their ``annotator`` (the layer) and whose relations still
join the spans they joined.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from annotator.core.models import AnnotatedDocument, Document, Relation, Span

Layer = tuple[Sequence[Span], Sequence[Relation]]


def with_annotator(layer: Layer, annotator: str | None) -> Layer:
    """The layer's spans and relations credited to ``annotator`` where they name nobody."""
    spans, relations = layer
    return (
        [s if s.annotator is not None else replace(s, annotator=annotator) for s in spans],
        [r if r.annotator is not None else replace(r, annotator=annotator) for r in relations],
    )


def combine(document: Document, layers: Iterable[Layer]) -> AnnotatedDocument:
    """One record of ``document`` with every layer's spans and relations, renumbered."""
    spans: list[Span] = []
    relations: list[Relation] = []
    for layer_spans, layer_relations in layers:
        ids = {s.id: len(spans) + i for i, s in enumerate(layer_spans)}
        spans.extend(replace(s, id=ids[s.id]) for s in layer_spans)
        relations.extend(
            replace(r, id=len(relations) + i, head=ids[r.head], tail=ids[r.tail])
            for i, r in enumerate(layer_relations)
        )
    return AnnotatedDocument(document, tuple(spans), tuple(relations))
