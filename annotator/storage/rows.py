"""Rows to domain objects and back: the one place that knows the column layout."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from sqlite3 import Row
from typing import Any

from annotator.core.models import Document, NewSpan, Relation, Span, Status

# A row read by column name: a dict, or sqlite3's own Row (no dict built per row).
RowLike = Mapping[str, Any] | Row


def to_json(value: Mapping[str, Any] | Sequence[Any]) -> str:
    return json.dumps(value, ensure_ascii=False)


def attrs_from_json(value: str) -> dict[str, Any]:
    return {} if value == "{}" else json.loads(value)  # most spans have none: skip the parser


def span_from_row(row: RowLike) -> Span:
    return Span(
        id=row["id"],
        doc_id=row["doc_id"],
        start=row["start"],
        end=row["end"],
        label=row["label"],
        text=row["text"],
        attrs=attrs_from_json(row["attrs"]),
        annotator=row["annotator"],
        entity_id=row["entity_id"],
    )


def relation_from_row(row: RowLike) -> Relation:
    return Relation(
        id=row["id"],
        doc_id=row["doc_id"],
        head=row["head"],
        tail=row["tail"],
        label=row["label"],
        attrs=attrs_from_json(row["attrs"]),
        annotator=row["annotator"],
    )


def document_from_row(row: RowLike, *, with_raw: bool = False) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        meta=json.loads(row["meta"]),
        status=Status(row["status"]),
        raw=row["raw"] if with_raw else None,
        uid=row["uid"],
        external_id=row["external_id"],
    )


def span_row(doc_id: int, span: Span | NewSpan) -> dict[str, Any]:
    """The columns of a span's content (not its id: the row's own, or set by the caller)."""
    return {
        "doc_id": doc_id,
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "text": span.text,
        "attrs": to_json(dict(span.attrs)),
        "annotator": span.annotator,
        "entity_id": span.entity_id,
    }


def relation_row(
    doc_id: int,
    label: str,
    head: int,
    tail: int,
    attrs: Mapping[str, Any],
    annotator: str | None,
) -> dict[str, Any]:
    """The columns of a relation (not its id), between the stored spans ``head`` and ``tail``."""
    return {
        "doc_id": doc_id,
        "head": head,
        "tail": tail,
        "label": label,
        "attrs": to_json(dict(attrs)),
        "annotator": annotator,
    }
