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
layer. JSON-MIN exports (one row per annotation) are read too. A region's choices,
text or rating (a result with the region's ``id`` and another control's
``from_name``) become attributes of its spans; a relation without a label
is named by the schema on import (``import_rules``).

Export (``labelstudio_export``) writes what a round trip needs where Label
Studio keeps it, and this reader reads it back: ``data.id`` as the external
id, the status and the annotators from the task's ``meta``.

Document attribute values are ``choices`` results not bound to a region, one per attribute
(``from_name`` the attribute, ``to_name`` "text"). A task holds one set of
them: the first annotation's that has any; another annotation that chose
differently is counted, not imported (its spans still are, as its layer).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any, TextIO

from annotator.core.doc_categories import from_choices_results
from annotator.core.errors import InputError
from annotator.core.formats import (
    read_status,
)
from annotator.core.import_rules import UNLABELLED
from annotator.core.json_input import loads_items
from annotator.core.layers import combine
from annotator.core.models import AnnotatedDocument, Document, Relation, Span, Status
from annotator.core.shapes import is_id, mapping, objects, source_id
from annotator.core.utf16 import from_utf16, utf16_offsets


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
        self.doc_attrs: dict[str, list[str]] = {}
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
        """Every labelled region (one span per label), its attributes and every relation."""
        first_span: dict[str, int] = {}  # region id -> its first span: what relations join
        spans_of: dict[str, list[int]] = {}  # region id -> all its spans: what choices describe
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
                if is_id(item.get("id")):
                    spans_of.setdefault(str(item["id"]), []).append(span_id)
                covered = self.text[start:end]
                self.spans.append(Span(start, end, label, covered, id=span_id, annotator=author))
        self._attributes(result, spans_of)
        # Choices bound to no region are the document's own (its attribute values).
        self.doc_attrs = from_choices_results(item for item in result if not _bound(item, spans_of))
        for number, item in enumerate(result, start=1):
            if item.get("type") != "relation":
                continue
            refs = (item.get("from_id"), item.get("to_id"))
            head, tail = (first_span.get(str(ref)) if is_id(ref) else None for ref in refs)
            labels = item.get("labels") or []
            about = f"{where}result {number} (relation {refs[0]!r} -> {refs[1]!r})"
            if head is None or tail is None:
                raise InputError(
                    f"{about}: joins no labelled region of its annotation at "
                    f"{'from_id' if head is None else 'to_id'}"
                )
            if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
                raise InputError(f"{about}: labels must be a list of names")
            if item.get("direction") == "left":
                head, tail = tail, head
            # No label (Label Studio's default without <Relations>): the schema picks the type.
            for label in labels or [UNLABELLED]:
                self.relations.append(
                    Relation(label, head, tail, id=len(self.relations), annotator=author)
                )

    def _attributes(self, result: list[dict[str, Any]], spans_of: dict[str, list[int]]) -> None:
        """Per-region choices, text and ratings (the region's id, another control's
        ``from_name``) as attributes of the region's spans; the rest is counted."""
        attrs: dict[int, dict[str, Any]] = {}
        for item in result:
            kind = item.get("type")
            if kind in ("labels", "relation") or (kind == "choices" and not _bound(item, spans_of)):
                continue
            value = mapping(item.get("value"), "value")
            found = _attribute_value(kind, value)
            region = str(item["id"]) if is_id(item.get("id")) else None
            name = item.get("from_name")
            if region not in spans_of or found is None or not isinstance(name, str) or not name:
                self.converted[
                    "Label Studio results not read (only labels, relations and the choices, "
                    "text or rating of a labelled region are)"
                ] += 1
                continue
            for span_id in spans_of[region]:
                attrs.setdefault(span_id, {})[name] = found
        for span_id, values in attrs.items():
            self.spans[span_id] = replace(self.spans[span_id], attrs=values)


def _bound(item: dict[str, Any], spans_of: dict[str, list[int]]) -> bool:
    """Whether a result describes a labelled region (carries the region's id)."""
    return is_id(item.get("id")) and str(item["id"]) in spans_of


def _attribute_value(kind: Any, value: dict[str, Any]) -> Any:
    """A per-region control's value as an attribute: one choice as a string, several a list."""
    key = {"choices": "choices", "textarea": "text", "rating": "rating", "number": "number"}
    found = value.get(key.get(kind, ""))
    if isinstance(found, list) and all(isinstance(x, str) for x in found) and found:
        return found[0] if len(found) == 1 else found
    if kind in ("rating", "number") and type(found) in (int, float):
        return found
    return None


def parse_task(task: Any, converted: Counter[str], predictions: bool = False) -> AnnotatedDocument:
    """A task with every annotation that was not cancelled, each its annotator's layer."""
    if not isinstance(task, dict) or not isinstance(
        mapping(task.get("data"), "data").get("text"), str
    ):
        raise InputError("a Label Studio task has data.text")
    text = task["data"]["text"]
    annotations = objects(task.get("annotations"), "annotations")
    task_meta = mapping(task.get("meta"), "meta")
    written = task_meta.get("annotators")  # ours, when completed_by is not there
    if not isinstance(written, list) or len(written) != len(annotations):
        written = [None] * len(annotations)
    layers: list[_Layer] = []
    several = len(annotations) > 1
    for number, annotation in enumerate(annotations, start=1):
        if annotation.get("was_cancelled") is True:
            converted["cancelled Label Studio annotations skipped"] += 1
            continue
        layer = _Layer(text, converted)
        where = f"annotation {number}, " if several else ""
        author = _author(annotation) or _author({"completed_by": written[number - 1]})
        layer.read(objects(annotation.get("result"), "result"), author, where)
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
    data = task["data"]
    meta = {k: v for k, v in data.items() if k not in {"text", "doc_id", "id"}}
    external = source_id(data["id"], "data.id") if "id" in data else None
    document = Document(
        text,
        meta=meta,
        status=read_status(task_meta.get("status")) or Status.TODO,
        external_id=external or source_id(task.get("id"), "task 'id'"),
    )
    record = combine(document, ((layer.spans, layer.relations) for layer in layers))
    chosen = [layer.doc_attrs for layer in layers if layer.doc_attrs]
    if different := sum(1 for values in chosen[1:] if values != chosen[0]):
        converted["document attribute choices of a further annotation not imported"] += different
    return replace(record, doc_attrs=chosen[0]) if chosen else record


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
