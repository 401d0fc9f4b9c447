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
is read too (``labels`` in older exports, ``data`` for the text in doccano
1.x), and so is the older layout that
lists every user's labels under ``annotations``, each with its ``user``:
each user's labels become that user's layer (the spans' ``annotator``).
The text-classification layout ``"label": ["topic=conflict"]`` (``textcat``)
is read as document attribute values; in the other layouts they go in
``cats`` ("attribute=value" names), where doccano's intent-detection-and-
slot-filling projects read them (other project types keep the column as
metadata). doccano stores no span text, so offsets are checked against the
text's bounds and surrogate pairs only.

Export writes the document's external id (its uid when none) as ``id`` and
the status, title and url as columns of their own, which doccano keeps as
the document's metadata and exports again; import reads them back.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, Literal, TextIO

from annotator.core.doc_categories import categories, from_categories
from annotator.core.errors import InputError
from annotator.core.formats import (
    SHOWN_META,
    ExportReport,
    lose_entity_links,
    lose_unheld,
    read_status,
    task_id,
)
from annotator.core.formats.textcat import write_textcat
from annotator.core.json_input import read_lines
from annotator.core.jsonl import escape_line_breaks
from annotator.core.models import AnnotatedDocument, Document, Relation, Span, Status
from annotator.core.shapes import is_id, objects, source_id
from annotator.core.utf16 import from_utf16, utf16_offsets

Offsets = Literal["utf16", "codepoints"]
Layout = Literal["spans", "relations", "classes"]
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
    if layout == "classes":
        return write_textcat(records, stream)
    report = ExportReport()
    for record in records:
        text = record.document.text
        table = utf16_offsets(text) if offsets == "utf16" else None

        def unit(offset: int, table: list[int] | None = table) -> int:
            return table[offset] if table else offset

        doc = record.document
        # doccano keeps columns it does not know as the document's metadata and exports them
        # again: the status, title and url come back with it.
        line: dict[str, Any] = {"id": task_id(doc), "text": text, "status": str(doc.status)}
        line |= {k: doc.meta[k] for k in SHOWN_META if k in doc.meta}
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
        if record.doc_attrs:
            line["cats"] = categories(record.doc_attrs)
        lost_attrs = sum(1 for s in record.spans if s.attrs) + sum(
            1 for r in record.relations if r.attrs and layout == "relations"
        )
        report.lose("span and relation attributes (doccano has none)", lost_attrs)
        lose_entity_links(record, report)
        lose_unheld(record, report, "doccano", annotators=True)
        if n := overlapping(record.spans):
            report.notes[OVERLAPS] += n
        stream.write(escape_line_breaks(json.dumps(line, ensure_ascii=False)) + "\n")
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
    if converted is None and not 0 <= value <= table[-1]:
        raise InputError(f"{where}: offset {value} is outside the text ({table[-1]} UTF-16 units)")
    if converted is None:
        raise InputError(
            f"{where}: UTF-16 offset {value} falls inside a character (an emoji's two halves)"
        )
    return converted


_NOT_META = frozenset(
    {"id", "text", "entities", "relations", "label", "labels", "annotations", "cats"}
)


def _user(value: Any, where: str) -> str | None:
    """The layer of a label: doccano's ``user`` (an id, or a name in some exports)."""
    if value is None:
        return None
    if not is_id(value):
        raise InputError(f"{where}: user {value!r} is not a number or a name")
    return str(value)


MISPLACED = (
    "doccano spans whose own text is not at their offsets (UTF-16 or code points? see --offsets)"
)


def parse_doccano(
    data: Any, offsets: Offsets = "utf16", notes: Counter[str] | None = None
) -> AnnotatedDocument:
    """One record; ``notes`` counts spans whose ``text`` (where the file gives one) is not
    at their offsets: the sign of offsets counted the other way (``--offsets``)."""
    if isinstance(data, dict) and "text" not in data and isinstance(data.get("data"), str):
        data = {"text": data["data"], **{k: v for k, v in data.items() if k != "data"}}  # 1.x
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError("a doccano record is an object with a 'text' (or 'data')")
    text = data["text"]
    table = utf16_offsets(text) if offsets == "utf16" else None
    spans: list[Span] = []
    ids: dict[Any, int] = {}
    doc_attrs = from_categories(data["cats"], "'cats'") if "cats" in data else {}
    labels = data.get("label")
    if isinstance(labels, list) and labels and all(isinstance(item, str) for item in labels):
        doc_attrs = from_categories(labels, "'label'")  # the text-classification layout
        data = {k: v for k, v in data.items() if k != "label"}
    raw: list[tuple[Any, Any, Any, Any, str | None, Any]]
    field = next((k for k in ("entities", "annotations") if k in data), None)
    if field is not None:  # "annotations": older doccano, one per user's label
        raw = [
            (
                e.get("start_offset"),
                e.get("end_offset"),
                e.get("label"),
                e.get("id"),
                _user(e.get("user"), f"{field}[{index}]"),
                e.get("text"),
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
        raw = [(item[0], item[1], item[2], None, None, None) for item in labels]
    for index, (start, end, label, ext_id, user, given) in enumerate(raw):
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
        if isinstance(given, str) and given != text[s:e] and notes is not None:
            notes[MISPLACED] += 1
        spans.append(Span(s, e, label, text[s:e], id=index, annotator=user))
    relations = []
    for index, rel in enumerate(objects(data.get("relations"), "relations")):
        head, tail = (
            ids.get(ref) if is_id(ref) else None for ref in (rel.get("from_id"), rel.get("to_id"))
        )
        if head is None or tail is None or not isinstance(rel.get("type"), str):
            raise InputError(f"relations[{index}]: from_id/to_id must name entities of this record")
        relations.append(Relation(rel["type"], head, tail, id=index))
    origins = {i: (f"{field}[{i}]", None) for i in range(len(spans))}
    # doccano writes "Comments": [] on every record: an empty list tells nothing.
    meta = {k: v for k, v in data.items() if k not in _NOT_META and v != []}
    status = read_status(meta.get("status"))  # ours; any other is the file's own
    if status is not None:
        del meta["status"]
    document = Document(
        text, meta=meta, status=status or Status.TODO, external_id=source_id(data.get("id"), "'id'")
    )
    relation_origins = {i: (f"relations[{i}]", None) for i in range(len(relations))}
    return AnnotatedDocument(
        document,
        tuple(spans),
        tuple(relations),
        origins=origins,
        relation_origins=relation_origins,
        doc_attrs=doc_attrs,
    )


def read_doccano(
    stream: TextIO, offsets: Offsets = "utf16", notes: Counter[str] | None = None
) -> Iterator[tuple[int, AnnotatedDocument]]:
    return read_lines(stream, lambda data: parse_doccano(data, offsets, notes))
