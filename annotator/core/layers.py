"""Annotation layers: each annotator's spans and relations on one document.

A layer is one annotator's work, told apart from the others' by the
``annotator`` every span and relation carries. Exports from team tools hold
one set of spans per annotator (Label Studio's annotations, doccano's
per-user files); each set keeps its own span ids, which its relations refer
to, and ``combine`` numbers them into one record whose spans keep their
layer. A team project keeps every analyst's layer side by side; a layer's
*fingerprint* is a digest of what an analyst would see as its content
(status, spans with their attributes and entity links, relations between
them), independent of row ids and of the file it came in, so merging the
same work twice is recognised and changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.models import AnnotatedDocument, Document, Entity, Relation, Span

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


GOLD = "gold"
"""The layer adjudication writes and the training set is exported from."""

_NAME = re.compile(r"^[^\s/\\:*?\"<>|.][^/\\:*?\"<>|]{0,63}$")


def check_name(name: str) -> str:
    """An analyst's name, usable as a file name on every system; ``InputError`` if not."""
    if not _NAME.match(name) or name != name.strip():
        raise InputError(f"{name!r} is not a usable analyst name (letters, digits, - and _)")
    return name


def owner_from_path(path: Path) -> str:
    """The analyst a file belongs to by its name: ``alice.annotator.db`` -> ``alice``.

    ``InputError`` when the name cannot be an analyst's (the file should be renamed
    ``NAME.jsonl`` or ``NAME.annotator.db``).
    """
    name = path.name.split(".", 1)[0]
    try:
        return check_name(name)
    except InputError:
        raise InputError(
            f"cannot tell whose work this is from its name {path.name!r}: "
            "call it NAME.annotator.db or NAME.jsonl"
        ) from None


def name_layer(record: AnnotatedDocument, annotator: str | None) -> AnnotatedDocument:
    """The record with ``annotator`` on every span and relation that names none."""
    if annotator is None:
        return record
    spans, relations = with_annotator((record.spans, record.relations), annotator)
    return replace(record, spans=tuple(spans), relations=tuple(relations))


@dataclass(frozen=True, slots=True)
class LayerState:
    """One analyst's work on one document, as it came from their file.

    Span and relation ids are the source file's; ``entities`` resolves the
    spans' ``entity_id``. ``edited_at`` is when the analyst last changed it
    (ISO 8601, comparable as text).
    """

    annotator: str
    status: str
    edited_at: str
    spans: tuple[Span, ...] = ()
    relations: tuple[Relation, ...] = ()

    def fingerprint(self, entities: Mapping[int, Entity]) -> str:
        return fingerprint(self.status, self.spans, self.relations, entities)


def _entity_ref(
    entity_id: int | None, entities: Mapping[int, Entity]
) -> tuple[str | None, ...] | None:
    if entity_id is None:
        return None
    entity = entities.get(entity_id)
    if entity is None:
        return (str(entity_id),)
    return (entity.name, entity.kind, entity.wikidata)


def fingerprint(
    status: str,
    spans: Sequence[Span],
    relations: Sequence[Relation],
    entities: Mapping[int, Entity],
) -> str:
    """Digest of a layer's content; equal for equal work, whatever the row ids."""
    keys = {s.id: (s.start, s.end, s.label) for s in spans}
    # repr of tuples of ints and strings: unambiguous, and far cheaper than JSON per span
    # (a merge fingerprints every layer of every file); attributes, rarer, go through JSON.
    span_items = sorted(
        repr((s.start, s.end, s.label, _dumps(s.attrs) if s.attrs else "",
              _entity_ref(s.entity_id, entities)))
        for s in spans
    )  # fmt: skip
    relation_items = sorted(
        repr((r.label, keys.get(r.head), keys.get(r.tail), _dumps(r.attrs) if r.attrs else ""))
        for r in relations
    )
    content = "\x1e".join([status, *span_items, "", *relation_items])
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:32]


def _dumps(value: object) -> str:
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=dict
    )
