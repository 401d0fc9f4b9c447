"""The native JSONL format: one annotated document per line.

::

    {"format_version": 1, "id": 3, "uid": "5f0c...", "external_id": "agency-0042",
     "text": "...", "status": "todo",
     "meta": {"title": ..., "source": ..., "url": ..., "published": ...,
              "lang": ..., "direction": ...},
     "doc_attrs": {"topic": ["conflict"], "genre": "news"},
     "spans": [{"id": 7, "start": 0, "end": 8, "label": "ACTOR",
                "text": "...", "attrs": {}, "annotator": "...",
                "entity": {"id": 3, "name": "..."}}],
     "relations": [{"id": 2, "label": "SOURCE", "head": 7, "tail": 9, "attrs": {}}]}

``id`` is the exporting project's row id; ``uid`` the document's identity in
every project (``core.identity``), checked against the text on reading;
``external_id`` the id its first source gave it (null when none). A file
from elsewhere without ``external_id`` has its ``id`` kept as the external id.
Offsets are code points, end exclusive; ``head``/``tail`` are span ids of
the same line. ``doc_attrs`` (written only when the document has values)
holds its document attribute values: a string, or a list for an attribute
that holds several; they are checked against the schema on import. Keys are
written in that fixed order, Arabic unescaped
(``ensure_ascii=False``). Reading validates everything and raises
``InputError`` with the line number; it never shifts an offset to fit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any, TextIO

from annotator.core.errors import InputError, SpanError
from annotator.core.identity import document_uid
from annotator.core.json_input import read_lines
from annotator.core.models import AnnotatedDocument, Document, Entity, Relation, Span, Status
from annotator.core.shapes import is_id, mapping, optional_str, source_id
from annotator.core.spans import check_span
from annotator.core.text import check_document_text

FORMAT_VERSION = 1


def _with_annotator(fields: dict[str, Any], annotator: str | None) -> dict[str, Any]:
    """``annotator`` is written only when known, so files from elsewhere round-trip."""
    if annotator is not None:
        fields["annotator"] = annotator
    return fields


def span_to_json(span: Span, entities: Mapping[int, Entity] | None = None) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": span.id,
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "text": span.text,
        "attrs": dict(span.attrs),
    }
    if span.entity_id is not None:
        entity = (entities or {}).get(span.entity_id)
        fields["entity"] = {"id": span.entity_id, "name": entity.name if entity else None}
    return _with_annotator(fields, span.annotator)


def relation_to_json(relation: Relation) -> dict[str, Any]:
    return _with_annotator(
        {
            "id": relation.id,
            "label": relation.label,
            "head": relation.head,
            "tail": relation.tail,
            "attrs": dict(relation.attrs),
        },
        relation.annotator,
    )


def record_to_json(record: AnnotatedDocument) -> dict[str, Any]:
    doc = record.document
    out: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "id": doc.id,
        "uid": doc.uid or document_uid(doc.text),
        "external_id": doc.external_id,
        "text": doc.text,
        "status": str(doc.status),
        "meta": dict(doc.meta),
    }
    if record.doc_attrs:
        out["doc_attrs"] = doc_attrs_to_json(record.doc_attrs)
    out["spans"] = [span_to_json(s, record.entities) for s in record.spans]
    out["relations"] = [relation_to_json(r) for r in record.relations]
    return out


def doc_attrs_to_json(values: Mapping[str, Any]) -> dict[str, Any]:
    """Document attribute values as JSON: a string, or a list for several."""
    return {k: v if isinstance(v, str) else list(v) for k, v in values.items()}


# Characters JSON lets stand raw inside a string but ``str.splitlines`` (and JavaScript
# before ES2019) breaks lines at: written escaped, so every reader sees one record a line.
_LINE_BREAKS = re.compile("[\u2028\u2029\x85]")  # the controls below U+0020 JSON escapes itself


def escape_line_breaks(line: str) -> str:
    """A JSON line with the line breaks other readers split at written as ``\\uXXXX``."""
    if _LINE_BREAKS.search(line) is None:
        return line
    return _LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", line)


def dumps_record(record: AnnotatedDocument) -> str:
    """One line of native JSONL (without the newline)."""
    line = json.dumps(record_to_json(record), ensure_ascii=False, separators=(",", ":"))
    return escape_line_breaks(line)


def parse_record(data: Any) -> AnnotatedDocument:
    """Validate one decoded JSON object and build the record it describes.

    Spans and relations get their position in the record as id; relation
    heads and tails are mapped from the file's own span ids (an int or a
    string, the span's position when absent) to those positions. A relation's
    own id in the file names it in error messages (``relation_origins``).
    """
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object, got {type(data).__name__}")
    version = data.get("format_version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise InputError(f"unsupported format_version {version!r} (this version reads 1)")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("'text' must be a non-empty string")
    check_document_text(text)
    try:
        status = Status(data.get("status") or Status.TODO)
    except ValueError:
        raise InputError(
            f"unknown status {data.get('status')!r} (todo, in_progress or done)"
        ) from None
    meta = mapping(data.get("meta"), "'meta'")
    doc_attrs = mapping(data.get("doc_attrs"), "'doc_attrs'")
    raw_spans = data.get("spans") or []
    raw_relations = data.get("relations") or []
    if not isinstance(raw_spans, list) or not isinstance(raw_relations, list):
        raise InputError("'spans' and 'relations' must be lists")

    spans: list[Span] = []
    entities: dict[int, Entity] = {}
    ids: dict[Any, int] = {}  # the file's span ids -> positions, which become the span ids
    for index, item in enumerate(raw_spans):
        where = f"spans[{index}]"
        if not isinstance(item, dict):
            raise InputError(f"{where} must be an object")
        label = item.get("label")
        if not isinstance(label, str) or not label:
            raise InputError(f"{where}: 'label' must be a non-empty string")
        span_text = optional_str(item.get("text"), f"{where}.text")
        try:
            covered = check_span(text, item.get("start"), item.get("end"), span_text)  # type: ignore[arg-type]
        except SpanError as exc:
            raise InputError(f"{where} ({label}): {exc}") from None
        span_id = item.get("id", index)
        if not is_id(span_id) or span_id in ids:
            raise InputError(f"{where}: id {span_id!r} is missing, repeated or not an int/str")
        ids[span_id] = index
        entity_id = _entity_ref(item.get("entity"), label, where, entities)
        spans.append(
            Span(
                start=item["start"],
                end=item["end"],
                label=label,
                text=covered,
                id=index,
                attrs=mapping(item.get("attrs"), f"{where}.attrs"),
                annotator=optional_str(item.get("annotator"), f"{where}.annotator"),
                entity_id=entity_id,
            )
        )

    relations: list[Relation] = []
    relation_origins: dict[int, tuple[str, int | None]] = {}
    for index, item in enumerate(raw_relations):
        where = f"relations[{index}]"
        if not isinstance(item, dict):
            raise InputError(f"{where} must be an object")
        label = item.get("label")
        if not isinstance(label, str) or not label:
            raise InputError(f"{where}: 'label' must be a non-empty string")
        head, tail = item.get("head"), item.get("tail")
        for end_name, ref in (("head", head), ("tail", tail)):
            if not is_id(ref) or ref not in ids:
                raise InputError(
                    f"{where}: {end_name} {ref!r} is not the id of a span in this record"
                )
        relations.append(
            Relation(
                label=label,
                head=ids[head],
                tail=ids[tail],
                id=index,
                attrs=mapping(item.get("attrs"), f"{where}.attrs"),
                annotator=optional_str(item.get("annotator"), f"{where}.annotator"),
            )
        )
        named = item.get("id")
        relation_origins[index] = (where if named is None else f"relation {named}", None)

    doc_id = data.get("id")
    document = Document(
        text=text,
        id=doc_id if isinstance(doc_id, int) and not isinstance(doc_id, bool) else None,
        meta=meta,
        status=status,
        uid=_checked_uid(data.get("uid"), text),
        external_id=source_id(
            data.get("external_id", doc_id), "'external_id'" if "external_id" in data else "'id'"
        ),
    )
    return AnnotatedDocument(
        document,
        tuple(spans),
        tuple(relations),
        entities,
        doc_attrs,
        relation_origins=relation_origins,
    )


def _checked_uid(value: Any, text: str) -> str | None:
    """A record's uid must be the one its text has: else the text was changed, or the
    uid copied from another document, and a merge by uid would join the wrong work."""
    if value is None:
        return None  # the store derives it
    uid = document_uid(text)
    if value != uid:
        raise InputError(f"uid {value!r} does not match the text (its uid is {uid})")
    return uid


def _entity_ref(value: Any, label: str, where: str, entities: dict[int, Entity]) -> int | None:
    """A span's ``entity``: ``{"id": int, "name": str}``, registered in ``entities``."""
    if value is None:
        return None
    entity_id = value.get("id") if isinstance(value, dict) else None
    name = value.get("name") if isinstance(value, dict) else None
    if not isinstance(entity_id, int) or isinstance(entity_id, bool) or not isinstance(name, str):
        raise InputError(f"{where}.entity must be an object with an integer id and a name")
    known = entities.get(entity_id)
    if known is not None and known.name != name:
        raise InputError(f"{where}.entity {entity_id} is called {known.name!r} elsewhere")
    entities[entity_id] = Entity(name, label, id=entity_id)
    return entity_id


def read_records(stream: TextIO) -> Iterator[tuple[int, AnnotatedDocument]]:
    """Yield ``(line_number, record)`` for each non-blank line; errors carry the line."""
    return read_lines(stream, parse_record)
