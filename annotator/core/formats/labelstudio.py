"""Label Studio: a JSON list of tasks with ``labels`` and ``relation`` results.

::

    [{"data": {"text": "...", "doc_id": 1}, "annotations": [{"result": [
        {"id": "s7", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 7, "end": 15, "text": "أذربيجان", "labels": ["ACTOR"]}},
        {"type": "relation", "from_id": "s9", "to_id": "s7", "direction": "right",
         "labels": ["SOURCE"]}]}]}]

Label Studio counts code points and keeps each span's ``text``. On import
the text is checked: when it does not match at the code-point offsets but
does at UTF-16 offsets (written by another tool), the offsets are converted
and counted; otherwise the task is refused with its number.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.core.formats import ExportReport, lose_entity_links
from annotator.core.json_input import loads_items
from annotator.core.models import AnnotatedDocument, Document, Relation, Span
from annotator.core.shapes import mapping, objects, source_id
from annotator.core.utf16 import from_utf16, utf16_offsets


def write_labelstudio(records: Iterable[AnnotatedDocument], stream: TextIO) -> ExportReport:
    report = ExportReport()
    tasks = []
    for record in records:
        result: list[dict[str, Any]] = []
        for s in record.spans:
            value: dict[str, Any] = {
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "labels": [s.label],
            }
            result.append(
                {
                    "id": f"s{s.id}",
                    "from_name": "label",
                    "to_name": "text",
                    "type": "labels",
                    "value": value,
                }
            )
        for r in record.relations:
            result.append(
                {
                    "type": "relation",
                    "from_id": f"s{r.head}",
                    "to_id": f"s{r.tail}",
                    "direction": "right",
                    "labels": [r.label],
                }
            )
        report.lose(
            "span attributes (Label Studio keeps them in other controls)",
            sum(1 for s in record.spans if s.attrs),
        )
        report.lose("relation attributes", sum(1 for r in record.relations if r.attrs))
        lose_entity_links(record, report)
        doc = record.document
        tasks.append(
            {
                "data": {"text": doc.text, "doc_id": doc.id, "title": doc.title},
                "annotations": [{"result": result}],
            }
        )
        report.documents += 1
        report.spans += len(record.spans)
        report.relations += len(record.relations)
    json.dump(tasks, stream, ensure_ascii=False, indent=1)
    return report


def parse_task(task: Any, converted: Counter[str]) -> AnnotatedDocument:
    if not isinstance(task, dict) or not isinstance(
        mapping(task.get("data"), "data").get("text"), str
    ):
        raise InputError("a Label Studio task has data.text")
    text = task["data"]["text"]
    annotations = objects(task.get("annotations"), "annotations") or [{"result": []}]
    result = objects(annotations[0].get("result"), "result")
    spans: list[Span] = []
    ids: dict[str, int] = {}
    table: list[int] | None = None
    for item in result:
        if item.get("type") != "labels":
            continue
        value = mapping(item.get("value"), "value")
        start, end, labels = value.get("start"), value.get("end"), value.get("labels") or []
        where = f"result {item.get('id')}"
        if type(start) is not int or type(end) is not int or not labels:
            raise InputError(f"{where}: needs integer start/end and a label")
        wanted = value.get("text")
        if wanted is not None and text[start:end] != wanted:
            table = table or utf16_offsets(text)
            s, e = from_utf16(text, start, table), from_utf16(text, end, table)
            if s is None or e is None or text[s:e] != wanted:
                raise InputError(
                    f"{where}: text {wanted!r} is not at {start}-{end} "
                    "(nor at those UTF-16 offsets)"
                )
            start, end = s, e
            converted["spans given in UTF-16 offsets, converted"] += 1
        if not 0 <= start < end <= len(text):
            raise InputError(f"{where}: span {start}-{end} out of range")
        ids[str(item.get("id"))] = len(spans)
        spans.append(Span(start, end, labels[0], text[start:end], id=len(spans)))
    relations: list[Relation] = []
    for item in result:
        if item.get("type") == "relation":
            head, tail = ids.get(str(item.get("from_id"))), ids.get(str(item.get("to_id")))
            labels = item.get("labels") or []
            if head is None or tail is None or not labels:
                raise InputError(
                    "a relation must join two labelled spans of its task and have a label"
                )
            if item.get("direction") == "left":
                head, tail = tail, head
            relations.append(Relation(labels[0], head, tail, id=len(relations)))
    meta = {k: v for k, v in task["data"].items() if k not in {"text", "doc_id"}}
    document = Document(text, meta=meta, external_id=source_id(task.get("id"), "task 'id'"))
    return AnnotatedDocument(document, tuple(spans), tuple(relations))


def read_labelstudio(
    stream: TextIO, converted: Counter[str]
) -> list[tuple[int, AnnotatedDocument]]:
    """``(line, record)`` for every task, the line where the task starts in the file."""
    out = []
    for number, (line, task) in enumerate(loads_items(stream.read()), start=1):
        try:
            out.append((line, parse_task(task, converted)))
        except InputError as exc:
            raise InputError(f"task {number}: {exc.message}", line=line) from None
    return out
