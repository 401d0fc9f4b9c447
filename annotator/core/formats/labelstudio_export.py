"""Label Studio export: a JSON list of tasks, one annotation per annotator.

What a round trip needs goes where Label Studio keeps it: the external id
(the uid when none) and the title and url in ``data``, the status and the
annotators in the task's ``meta`` (Label Studio refuses users it does not
know in ``completed_by``), span attributes as per-region ``choices``,
document attribute values as ``choices`` of no region. ``labelstudio``
reads it all back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from annotator.core.doc_categories import choices_results
from annotator.core.formats import (
    SHOWN_META,
    ExportReport,
    lose_entity_links,
    task_id,
)
from annotator.core.models import AnnotatedDocument, Span, Status


def _region(span: Span, report: ExportReport) -> list[dict[str, Any]]:
    """A span as a labelled region and, for each attribute, a choice of that region."""
    region = f"s{span.id}"
    value = {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]}
    out: list[dict[str, Any]] = [
        {"id": region, "from_name": "label", "to_name": "text", "type": "labels", "value": value}
    ]
    for name, found in span.attrs.items():
        choices = [found] if isinstance(found, str) else found
        if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            report.lose("span attributes that are not text (Label Studio keeps choices)")
            continue
        out.append(
            {
                "id": region,
                "from_name": name,
                "to_name": "text",
                "type": "choices",
                "value": {"choices": choices},
            }
        )
    return out


def _annotations(record: AnnotatedDocument, report: ExportReport) -> list[dict[str, Any]]:
    """One annotation per annotator (Label Studio's way of keeping several people's work)."""
    results: dict[str | None, list[dict[str, Any]]] = {}
    layer_of: dict[int | None, str | None] = {}
    for s in record.spans:
        results.setdefault(s.annotator, []).extend(_region(s, report))
        layer_of[s.id] = s.annotator
    for r in record.relations:
        layer = layer_of[r.head]
        if layer_of[r.tail] != layer:
            report.lose(
                "relations between two annotators' spans (a Label Studio annotation "
                "holds one person's)"
            )
            continue
        results[layer].append(
            {
                "type": "relation",
                "from_id": f"s{r.head}",
                "to_id": f"s{r.tail}",
                "direction": "right",
                "labels": [r.label],
            }
        )
    report.lose("relation attributes", sum(1 for r in record.relations if r.attrs))
    if not results and record.document.status is not Status.TODO:
        results[None] = []  # worked on, nothing found: an annotation with no regions
    return [{"result": result} for result in results.values()]


def write_labelstudio(records: Iterable[AnnotatedDocument], stream: TextIO) -> ExportReport:
    """Tasks whose ``data`` carries the text, ``id`` (the external id, else the uid),
    ``doc_id`` and the title, url, source and date; ``meta`` the status and the
    annotators of the annotations, in order (Label Studio refuses users it does not
    know in ``completed_by``, so they are not written there)."""
    report = ExportReport()
    tasks = []
    for record in records:
        lose_entity_links(record, report)
        doc = record.document
        annotations = _annotations(record, report)
        if record.doc_attrs:
            annotations = annotations or [{"result": []}]
            annotations[0]["result"] += choices_results(record.doc_attrs)
        annotators = list(dict.fromkeys(s.annotator for s in record.spans))
        if annotators == [None]:
            annotators = []
        data = {"text": doc.text, "id": task_id(doc), "doc_id": doc.id}
        data |= {k: doc.meta[k] for k in SHOWN_META if k in doc.meta}
        meta: dict[str, Any] = {"status": str(doc.status)}
        if annotators:
            meta["annotators"] = annotators
        tasks.append({"data": data, "meta": meta, "annotations": annotations})
        report.documents += 1
        report.spans += len(record.spans)
        report.relations += sum(
            1 for a in annotations for item in a["result"] if item.get("type") == "relation"
        )
    json.dump(tasks, stream, ensure_ascii=False, indent=1)
    return report
