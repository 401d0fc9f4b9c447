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

Import reads every annotation of a task, each as its author's layer (the
spans' ``annotator``: ``completed_by``, a user id or an email as Label Studio
wrote it), and every label of a region (``"labels": ["ACTOR", "CUE"]`` is two
spans). Cancelled annotations are skipped and counted; predictions are
counted and left out unless asked for, then each is a ``prediction VERSION``
layer. JSON-MIN exports (one row per annotation) are read too.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from annotator.core.errors import InputError
from annotator.core.formats import ExportReport, lose_entity_links
from annotator.core.json_input import loads_items
from annotator.core.layers import combine
from annotator.core.models import AnnotatedDocument, Document, Relation, Span
from annotator.core.shapes import is_id, mapping, objects, source_id
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


# Who made an annotation, as Label Studio exports it: ``completed_by`` is a user id in the
# JSON export of 1.x (an object with an email in some versions), ``annotator`` in JSON-MIN.
def _author(annotation: dict[str, Any]) -> str | None:
    who = annotation.get("completed_by", annotation.get("annotator"))
    if isinstance(who, dict):
        who = who.get("email") or who.get("id")
    if isinstance(who, bool) or not isinstance(who, int | str) or who == "":
        return None
    return str(who)


def _prediction_layer(prediction: dict[str, Any]) -> str:
    version = prediction.get("model_version")
    return (
        f"prediction {version}"
        if isinstance(version, str | int) and version != ""
        else "prediction"
    )


class _Layer:
    """The spans and relations of one annotation (or prediction) being read."""

    def __init__(self, text: str, converted: Counter[str]) -> None:
        self.text = text
        self.converted = converted
        self.spans: list[Span] = []
        self.relations: list[Relation] = []
        self._table: list[int] | None = None

    def _offsets(self, value: dict[str, Any], where: str) -> tuple[int, int]:
        text, start, end = self.text, value.get("start"), value.get("end")
        if type(start) is not int or type(end) is not int:
            raise InputError(f"{where}: needs integer start and end")
        wanted = value.get("text")
        if wanted is not None and text[start:end] != wanted:
            self._table = self._table or utf16_offsets(text)
            s, e = from_utf16(text, start, self._table), from_utf16(text, end, self._table)
            if s is None or e is None or text[s:e] != wanted:
                raise InputError(
                    f"{where}: text {wanted!r} is not at {start}-{end} "
                    "(nor at those UTF-16 offsets)"
                )
            self.converted["spans given in UTF-16 offsets, converted"] += 1
            start, end = s, e
        if not 0 <= start < end <= len(text):
            raise InputError(f"{where}: span {start}-{end} out of range")
        return start, end

    def read(self, result: list[dict[str, Any]], author: str | None, where: str) -> None:
        """Every labelled region (one span per label) and every relation between them."""
        first_span: dict[str, int] = {}  # region id -> its first span: what relations join
        for number, item in enumerate(result, start=1):
            if item.get("type") != "labels":
                continue
            at = f"{where}result {number}" + (
                f" (id {item['id']})" if is_id(item.get("id")) else ""
            )
            value = mapping(item.get("value"), "value")
            labels = value.get("labels")
            if (
                not isinstance(labels, list)
                or not labels
                or not all(isinstance(label, str) and label for label in labels)
            ):
                raise InputError(f"{at}: needs a list of labels")
            start, end = self._offsets(value, at)
            if is_id(item.get("id")):
                first_span.setdefault(str(item["id"]), len(self.spans))
            for label in dict.fromkeys(labels):  # "labels": ["ACTOR", "CUE"]: two spans
                span_id = len(self.spans)
                covered = self.text[start:end]
                self.spans.append(Span(start, end, label, covered, id=span_id, annotator=author))
        for number, item in enumerate(result, start=1):
            if item.get("type") != "relation":
                continue
            head, tail = (
                first_span.get(str(ref)) if is_id(ref) else None
                for ref in (item.get("from_id"), item.get("to_id"))
            )
            labels = item.get("labels") or []
            if head is None or tail is None or not labels or not isinstance(labels[0], str):
                raise InputError(
                    f"{where}result {number}: a relation must join two labelled regions "
                    "of its annotation and have a label"
                )
            if item.get("direction") == "left":
                head, tail = tail, head
            self.relations.append(
                Relation(labels[0], head, tail, id=len(self.relations), annotator=author)
            )


def parse_task(task: Any, converted: Counter[str], predictions: bool = False) -> AnnotatedDocument:
    """A task with every annotation that was not cancelled, each its annotator's layer."""
    if not isinstance(task, dict) or not isinstance(
        mapping(task.get("data"), "data").get("text"), str
    ):
        raise InputError("a Label Studio task has data.text")
    text = task["data"]["text"]
    annotations = objects(task.get("annotations"), "annotations")
    layers: list[_Layer] = []
    several = len(annotations) > 1
    for number, annotation in enumerate(annotations, start=1):
        if annotation.get("was_cancelled") is True:
            converted["cancelled Label Studio annotations skipped"] += 1
            continue
        layer = _Layer(text, converted)
        where = f"annotation {number}, " if several else ""
        layer.read(objects(annotation.get("result"), "result"), _author(annotation), where)
        layers.append(layer)
    found = objects(task.get("predictions"), "predictions")
    if predictions:
        for number, prediction in enumerate(found, start=1):
            layer = _Layer(text, converted)
            layer.read(
                objects(prediction.get("result"), "result"),
                _prediction_layer(prediction),
                f"prediction {number}, ",
            )
            layers.append(layer)
    elif found:
        converted["Label Studio predictions not imported (import them with --predictions)"] += len(
            found
        )
    meta = {k: v for k, v in task["data"].items() if k not in {"text", "doc_id"}}
    document = Document(text, meta=meta, external_id=source_id(task.get("id"), "task 'id'"))
    return combine(document, ((layer.spans, layer.relations) for layer in layers))


_MIN_KEYS = frozenset({"id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time"})


def _is_regions(values: Any) -> bool:
    return (
        isinstance(values, list)
        and bool(values)
        and all(isinstance(v, dict) and "labels" in v for v in values)
    )


def _from_json_min(rows: list[tuple[int, Any]]) -> list[tuple[int, Any]]:
    """JSON-MIN rows (one per annotation, the task's data at the top) as full tasks.

    JSON-MIN keeps each control's regions under its name (``"label": [{"start": ...,
    "labels": [...]}]``) and the author under ``annotator``; rows of one task (the
    same ``id`` and text) become that task's annotations, at the line of its first row.
    """
    tasks: dict[Any, dict[str, Any]] = {}
    out: list[tuple[int, Any]] = []
    for line, row in rows:
        if not isinstance(row, dict) or "data" in row or not isinstance(row.get("text"), str):
            out.append((line, row))  # a full task (or a bad one, refused by parse_task)
            continue
        regions = [k for k, v in row.items() if _is_regions(v)]
        result = [{"type": "labels", "value": v} for k in regions for v in row[k]]
        data = {k: v for k, v in row.items() if k not in _MIN_KEYS and k not in regions}
        annotation = {"annotator": row.get("annotator"), "result": result}
        key = (row.get("id"), row["text"]) if is_id(row.get("id")) else len(out)
        if key in tasks:
            tasks[key]["annotations"].append(annotation)
            continue
        tasks[key] = {"id": row.get("id"), "data": data, "annotations": [annotation]}
        out.append((line, tasks[key]))
    return out


def read_labelstudio(
    stream: TextIO, converted: Counter[str], predictions: bool = False
) -> list[tuple[int, AnnotatedDocument]]:
    """``(line, record)`` for every task of a JSON export (or JSON-MIN rows), the line where
    the task starts; ``predictions`` adds each model's layer."""
    out = []
    tasks = _from_json_min(loads_items(stream.read()))
    for number, (line, task) in enumerate(tasks, start=1):
        try:
            out.append((line, parse_task(task, converted, predictions)))
        except InputError as exc:
            raise InputError(f"task {number}: {exc.message}", line=line) from None
    return out
