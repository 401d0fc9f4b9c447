"""doccano: JSONL in its sequence-labelling layout, or its relation-extraction layout.

The default is what doccano's sequence-labelling import reads with its
default settings (columns ``text`` and ``label``)::

    {"id": 1, "text": "...", "label": [[8, 16, "ACTOR"]]}

``layout="relations"`` writes the relation-extraction layout, which keeps
relations (a project with "Use relation labeling" reads it)::

    {"id": 1, "text": "...", "entities": [{"id": 7, "label": "ACTOR",
      "start_offset": 8, "end_offset": 16}], "relations": [{"id": 2,
      "from_id": 9, "to_id": 7, "type": "SOURCE"}]}

doccano 1.8 counts offsets in UTF-16 code units (its browser UI): after an
emoji they are one higher per astral character than Python's. Export and
import convert by default; ``offsets="codepoints"`` writes and reads Python
offsets. The sequence-labelling layout ``"label": [[start, end, "LABEL"]]``
is read too (``labels`` in older exports), and so is the older layout that
lists every user's labels under ``annotations``, each with its ``user``:
each user's labels become that user's layer (the spans' ``annotator``).
doccano stores no span text, so offsets are checked against the text's
bounds and surrogate pairs only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal, TextIO

from annotator.core.errors import InputError
from annotator.core.formats import ExportReport, lose_entity_links
from annotator.core.json_input import read_lines
from annotator.core.models import AnnotatedDocument, Document, Relation, Span
from annotator.core.shapes import is_id, objects, source_id
from annotator.core.utf16 import from_utf16, utf16_offsets

Offsets = Literal["utf16", "codepoints"]
Layout = Literal["spans", "relations"]
NO_RELATIONS = "relations (the sequence-labelling layout has none: --doccano-layout relations)"
OVERLAPS = "spans overlapping another: tick 'Allow overlapping entity' in the doccano project"


def overlapping(spans: Iterable[Span]) -> int:
    """How many spans share a character with another span of the document."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    hit: set[int] = set()
    reach, holder = -1, -1
    for i, span in enumerate(ordered):
        if span.start < reach:
            hit.update((i, holder))
        if span.end > reach:
            reach, holder = span.end, i
    return len(hit)


def write_doccano(
    records: Iterable[AnnotatedDocument],
    stream: TextIO,
    offsets: Offsets = "utf16",
    layout: Layout = "spans",
) -> ExportReport:
    report = ExportReport()
    for record in records:
        text = record.document.text
        table = utf16_offsets(text) if offsets == "utf16" else None

        def unit(offset: int, table: list[int] | None = table) -> int:
            return table[offset] if table else offset

        line: dict[str, Any] = {"id": record.document.id, "text": text}
        if layout == "spans":
            line["label"] = [[unit(s.start), unit(s.end), s.label] for s in record.spans]
            report.lose(NO_RELATIONS, len(record.relations))
        else:
            line["entities"] = [
                {
                    "id": s.id,
                    "label": s.label,
                    "start_offset": unit(s.start),
                    "end_offset": unit(s.end),
                }
                for s in record.spans
            ]
            line["relations"] = [
                {"id": r.id, "from_id": r.head, "to_id": r.tail, "type": r.label}
                for r in record.relations
            ]
        lost_attrs = sum(1 for s in record.spans if s.attrs) + sum(
            1 for r in record.relations if r.attrs and layout == "relations"
        )
        report.lose("span and relation attributes (doccano has none)", lost_attrs)
        lose_entity_links(record, report)
        if n := overlapping(record.spans):
            report.notes[OVERLAPS] += n
        stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        report.documents += 1
        report.spans += len(record.spans)
        report.relations += len(line.get("relations", ()))
    return report


def _offset(text: str, value: Any, table: list[int] | None, where: str) -> int:
    if type(value) is not int:
        raise InputError(f"{where}: offset {value!r} is not an integer")
    if table is None:
        return value
    converted = from_utf16(text, value, table)
    if converted is None:
        raise InputError(
            f"{where}: UTF-16 offset {value} falls inside a character (an emoji's two halves)"
        )
    return converted


_NOT_META = frozenset({"id", "text", "entities", "relations", "label", "labels", "annotations"})


def _user(value: Any, where: str) -> str | None:
    """The layer of a label: doccano's ``user`` (an id, or a name in some exports)."""
    if value is None:
        return None
    if not is_id(value):
        raise InputError(f"{where}: user {value!r} is not a number or a name")
    return str(value)


def parse_doccano(data: Any, offsets: Offsets = "utf16") -> AnnotatedDocument:
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError("a doccano record is an object with a 'text'")
    text = data["text"]
    table = utf16_offsets(text) if offsets == "utf16" else None
    spans: list[Span] = []
    ids: dict[Any, int] = {}
    raw: list[tuple[Any, Any, Any, Any, str | None]]
    field = next((k for k in ("entities", "annotations") if k in data), None)
    if field is not None:  # "annotations": older doccano, one per user's label
        raw = [
            (
                e.get("start_offset"),
                e.get("end_offset"),
                e.get("label"),
                e.get("id"),
                _user(e.get("user"), f"{field}[{index}]"),
            )
            for index, e in enumerate(objects(data[field], field))
        ]
    else:
        field = "labels" if "labels" in data and "label" not in data else "label"
        labels = data.get(field) or []
        if not isinstance(labels, list) or not all(
            isinstance(item, list) and len(item) == 3 for item in labels
        ):
            raise InputError(f"'{field}' must be a list of [start, end, label]")
        raw = [(item[0], item[1], item[2], None, None) for item in labels]
    for index, (start, end, label, ext_id, user) in enumerate(raw):
        where = f"{field}[{index}]"
        if type(label) is int:
            raise InputError(
                f"{where}: label {label} is a doccano label id: export with label names "
                "(JSONL) from doccano"
            )
        s, e = _offset(text, start, table, where), _offset(text, end, table, where)
        if not (0 <= s < e <= len(text)) or not isinstance(label, str):
            raise InputError(
                f"{where}: span {start}-{end} ({label}) does not fit a text of "
                f"{len(text)} characters"
            )
        key = ext_id if ext_id is not None else index
        if not is_id(key):
            raise InputError(f"{where}: id {key!r} is not a number or a string")
        ids[key] = index
        spans.append(Span(s, e, label, text[s:e], id=index, annotator=user))
    relations = []
    for index, rel in enumerate(objects(data.get("relations"), "relations")):
        head, tail = (
            ids.get(ref) if is_id(ref) else None for ref in (rel.get("from_id"), rel.get("to_id"))
        )
        if head is None or tail is None or not isinstance(rel.get("type"), str):
            raise InputError(f"relations[{index}]: from_id/to_id must name entities of this record")
        relations.append(Relation(rel["type"], head, tail, id=index))
    meta = {k: v for k, v in data.items() if k not in _NOT_META}
    document = Document(text, meta=meta, external_id=source_id(data.get("id"), "'id'"))
    return AnnotatedDocument(document, tuple(spans), tuple(relations))


def read_doccano(
    stream: TextIO, offsets: Offsets = "utf16"
) -> Iterator[tuple[int, AnnotatedDocument]]:
    return read_lines(stream, lambda data: parse_doccano(data, offsets))
