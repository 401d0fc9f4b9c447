"""Annotation layers: one analyst's spans and relations on one document.

A team project keeps every analyst's layer side by side, told apart by the
``annotator`` every span and relation carries. A layer's *fingerprint* is a
digest of what an analyst would see as its content (status, spans with their
attributes and entity links, relations between them), independent of row
ids and of the file it came in: merging the same work twice is recognised
and changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.models import AnnotatedDocument, Entity, Relation, Span

GOLD = "gold"
"""The layer adjudication writes and the training set is exported from."""

_NAME = re.compile(r"^[^\s/\\:*?\"<>|.][^/\\:*?\"<>|]{0,63}$")


def check_name(name: str) -> str:
    """An analyst's name, usable as a file name on every system; ``InputError`` if not."""
    if not _NAME.match(name) or name != name.strip():
        raise InputError(f"{name!r} is not a usable analyst name (letters, digits, - and _)")
    return name


def owner_from_path(path: Path) -> str:
    """The analyst a file belongs to by its name: ``alice.annotator.db`` -> ``alice``."""
    return path.name.split(".", 1)[0]


def name_layer(record: AnnotatedDocument, annotator: str | None) -> AnnotatedDocument:
    """The record with ``annotator`` on every span and relation that names none."""
    if annotator is None:
        return record
    return replace(
        record,
        spans=tuple(s if s.annotator else replace(s, annotator=annotator) for s in record.spans),
        relations=tuple(
            r if r.annotator else replace(r, annotator=annotator) for r in record.relations
        ),
    )


@dataclass(frozen=True, slots=True)
class Layer:
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
