"""Prodigy: JSONL with ``tokens``, ``spans`` (with token indices) and ``relations``.

Character offsets are code points. A span's offsets leave out white space
at its edges (tokens hold none); a span of white space only is counted as
lost. A relation's ``head`` and ``child`` are
the index of the last token of each span, as Prodigy's relation interface
writes them; ``head_span`` and ``child_span`` carry the spans themselves.

``meta`` carries the document's identity for a round trip: ``external_id``
(its ``uid`` when it has none), ``status`` and the title, url, source and
date; ``_annotator_id`` (Prodigy's own field) names the annotator when one
person made every span. On import, examples answered ``reject`` or
``ignore`` are skipped and counted: they are not annotations to learn from.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.core.formats import (
    SHOWN_META,
    ExportReport,
    export_id,
    lose_entity_links,
    only_annotator,
    read_status,
)
from annotator.core.formats.tokenized import token_spans
from annotator.core.json_input import read_lines
from annotator.core.jsonl import escape_line_breaks
from annotator.core.models import AnnotatedDocument, Document, Relation, Span, Status
from annotator.core.shapes import is_id, mapping, objects, optional_str, source_id

_IDENTITY = ("doc_id", "external_id")


def write_prodigy(records: Iterable[AnnotatedDocument], stream: TextIO) -> ExportReport:
    report = ExportReport()
    for record in records:
        text = record.document.text
        mapped = token_spans(record, report)
        tokens = mapped.tokens
        first = {t.start: i for i, t in enumerate(tokens)}
        last = {t.end: i for i, t in enumerate(tokens)}
        token_rows = [
            {
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "id": i,
                "ws": i + 1 < len(tokens) and tokens[i + 1].start > t.end,
            }
            for i, t in enumerate(tokens)
        ]
        spans: dict[int | None, dict[str, Any]] = {}
        for s in mapped.spans:
            spans[s.id] = {
                "start": s.start,
                "end": s.end,
                "label": s.label,
                "token_start": first[s.start],
                "token_end": last[s.end],
            }
        relations = []
        for r in record.relations:
            head, child = spans.get(r.head), spans.get(r.tail)
            if head is None or child is None:
                report.lose("relations of a span that could not be written")
                continue
            relations.append(
                {
                    "head": head["token_end"],
                    "child": child["token_end"],
                    "label": r.label,
                    "head_span": head,
                    "child_span": child,
                }
            )
        report.lose(
            "span and relation attributes",
            sum(1 for s in record.spans if s.attrs) + sum(1 for r in record.relations if r.attrs),
        )
        doc = record.document
        meta = {"doc_id": doc.id, "external_id": export_id(doc), "status": str(doc.status)}
        meta |= {k: doc.meta[k] for k in SHOWN_META if k in doc.meta}
        line: dict[str, Any] = {
            "text": text,
            "tokens": token_rows,
            "spans": list(spans.values()),
            "relations": relations,
            "meta": meta,
        }
        if (annotator := only_annotator(record)) is not None:
            line["_annotator_id"] = annotator
        elif any(s.annotator for s in record.spans):
            report.lose("annotators of documents several people annotated (Prodigy keeps one)")
        lose_entity_links(record, report)
        stream.write(escape_line_breaks(json.dumps(line, ensure_ascii=False)) + "\n")
        report.documents += 1
        report.spans += len(spans)
        report.relations += len(relations)
    return report


def parse_prodigy(data: Any) -> AnnotatedDocument:
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError("a Prodigy record is an object with a 'text'")
    text = data["text"]
    spans: list[Span] = []
    at: dict[tuple[Any, Any, Any], int] = {}
    for index, item in enumerate(objects(data.get("spans"), "spans")):
        start, end, label = item.get("start"), item.get("end"), item.get("label")
        if (
            type(start) is not int
            or type(end) is not int
            or not isinstance(label, str)
            or not 0 <= start < end <= len(text)
        ):
            raise InputError(f"spans[{index}]: {start}-{end} ({label}) does not fit the text")
        if "text" in item and item["text"] != text[start:end]:
            raise InputError(f"spans[{index}]: text {item['text']!r} is not at {start}-{end}")
        at[(start, end, label)] = len(spans)
        spans.append(Span(start, end, label, text[start:end], id=len(spans)))
    relations = []
    for index, rel in enumerate(objects(data.get("relations"), "relations")):
        ends = []
        for key in ("head_span", "child_span"):
            span = mapping(rel.get(key), f"relations[{index}].{key}")
            key_ = (span.get("start"), span.get("end"), span.get("label"))
            found = at.get(key_) if all(is_id(part) for part in key_) else None
            if found is None:
                raise InputError(f"relations[{index}]: {key} is not one of the record's spans")
            ends.append(found)
        relations.append(Relation(str(rel.get("label")), ends[0], ends[1], id=index))
    meta = dict(mapping(data.get("meta"), "meta"))
    status = read_status(meta.get("status"))
    if status is not None:
        del meta["status"]
    document = Document(
        text,
        meta={k: v for k, v in meta.items() if k not in _IDENTITY},
        status=status or Status.TODO,
        external_id=source_id(meta.pop("external_id", None), "meta.external_id"),
    )
    annotator = optional_str(data.get("_annotator_id"), "_annotator_id") or None
    if annotator is not None:
        spans = [replace(s, annotator=annotator) for s in spans]
        relations = [replace(r, annotator=annotator) for r in relations]
    return AnnotatedDocument(document, tuple(spans), tuple(relations))


def _answered(data: Any) -> AnnotatedDocument | str:
    """The record, or why it is skipped: Prodigy's ``reject`` and ``ignore`` answers."""
    answer = data.get("answer") if isinstance(data, dict) else None
    if answer in ("reject", "ignore"):
        return f"Prodigy examples answered {answer!r} skipped (not annotations)"
    return parse_prodigy(data)


def read_prodigy(
    stream: TextIO, notes: Counter[str] | None = None
) -> Iterator[tuple[int, AnnotatedDocument]]:
    """Every accepted (or unanswered) example; ``notes`` counts the ones skipped."""
    for line, record in read_lines(stream, _answered):
        if isinstance(record, str):
            if notes is not None:
                notes[record] += 1
            continue
        yield line, record
