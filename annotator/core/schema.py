"""Label schemas: which span and relation labels a project uses.

A schema file is JSON (see ``resources/schema/default.json`` and
``docs/schema.md``). Span labels keep the order of the file; a hotkey is one of
"1".."9" and unique; colours are ``#RRGGBB``; a span label and a relation type
may share a name (CUE is both). Attributes are defined per label. Relations name the span labels
allowed at their head and tail. ``document_attributes`` label a whole article (topic, genre,
reliability of the outlet): choice attributes defined like a label's, optionally ``multiple``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from annotator.core.errors import InputError, SchemaError
from annotator.core.json_input import loads
from annotator.core.models import AttributeSpec, AttributeType, Display, Label, LabelKind

SCHEMA_FORMAT_VERSION = 1
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_\-]{0,39}")
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
_HOTKEYS = set("123456789")


@dataclass(frozen=True, slots=True)
class Schema:
    """The labels of a project, span labels first, each kind in its order."""

    labels: tuple[Label, ...]
    document_attributes: tuple[AttributeSpec, ...] = ()

    def document_attribute(self, name: str) -> AttributeSpec | None:
        return next((a for a in self.document_attributes if a.name == name), None)

    @property
    def span_labels(self) -> tuple[Label, ...]:
        return tuple(lb for lb in self.labels if lb.kind is LabelKind.SPAN)

    @property
    def relation_labels(self) -> tuple[Label, ...]:
        return tuple(lb for lb in self.labels if lb.kind is LabelKind.RELATION)

    def get(self, name: str, kind: LabelKind) -> Label | None:
        return next((lb for lb in self.labels if lb.name == name and lb.kind is kind), None)

    def names(self, kind: LabelKind) -> list[str]:
        return [lb.name for lb in self.labels if lb.kind is kind]


def _label(entry: Any, kind: LabelKind, order: int, where: str) -> Label:
    if not isinstance(entry, dict):
        raise SchemaError(f"{where}: expected an object, got {type(entry).__name__}")
    name = entry.get("name")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise SchemaError(
            f"{where}: label name {name!r} must be a letter then letters, digits, '_' or '-'"
        )
    color = entry.get("color", "#888888")
    if not isinstance(color, str) or not _COLOR.fullmatch(color):
        raise SchemaError(f"{where}: colour {color!r} of {name} is not #RRGGBB")
    hotkey = entry.get("hotkey")
    if hotkey is not None:
        hotkey = str(hotkey)
        if kind is LabelKind.RELATION or hotkey not in _HOTKEYS:
            raise SchemaError(f"{where}: hotkey {hotkey!r} of {name} must be one of 1-9")
    try:
        display = Display(entry.get("display", Display.BACKGROUND))
    except ValueError:
        raise SchemaError(
            f"{where}: display of {name} must be 'background' or 'underline'"
        ) from None
    raw_attributes = entry.get("attributes", [])
    if not isinstance(raw_attributes, list):
        raise SchemaError(f"{where}: 'attributes' of {name} must be a list")
    attributes = tuple(
        _attribute(a, f"{where}.attributes[{i}]") for i, a in enumerate(raw_attributes)
    )
    if len({a.name for a in attributes}) != len(attributes):
        raise SchemaError(f"{where}: {name} defines an attribute twice")
    head = tuple(entry.get("head", ()))
    tail = tuple(entry.get("tail", ()))
    return Label(
        name=name,
        kind=kind,
        color=color.upper(),
        hotkey=hotkey,
        order=order,
        description=str(entry.get("description", "")),
        head=head,
        tail=tail,
        display=display,
        attributes=attributes,
    )


def _attribute(entry: Any, where: str, *, document: bool = False) -> AttributeSpec:
    """One attribute definition: of a label's spans or relations, or of a whole ``document``.

    A document attribute is a choice list and may be ``multiple``; a span or
    relation attribute holds one value.
    """
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise SchemaError(f"{where}: an attribute is an object with a 'name'")
    name = entry["name"]
    try:
        kind = AttributeType(entry.get("type", AttributeType.CHOICE))
    except ValueError:
        raise SchemaError(f"{where}: type of {name} must be choice, bool or text") from None
    multiple = entry.get("multiple", False)
    if not isinstance(multiple, bool):
        raise SchemaError(f"{where}: 'multiple' of {name} is true or false")
    if document and (kind is not AttributeType.CHOICE or not _NAME.fullmatch(name)):
        raise SchemaError(
            f"{where}: a document attribute is a choice list named by a letter, then letters, "
            f"digits, '_' or '-' (not {name!r} of type {kind})"
        )
    if multiple and not document:
        raise SchemaError(f"{where}: only document attributes hold several values ({name})")
    choices: tuple[tuple[str, str], ...] = ()
    if kind is AttributeType.CHOICE:
        raw = entry.get("choices")
        if not isinstance(raw, dict) or not raw:
            raise SchemaError(f"{where}: {name} needs 'choices', an object of key: value")
        for key, value in raw.items():
            if len(key) != 1 or not isinstance(value, str) or not value:
                raise SchemaError(f"{where}: choice keys of {name} are single characters")
        if len(set(raw.values())) != len(raw):
            raise SchemaError(f"{where}: {name} lists a value twice")
        choices = tuple(raw.items())
    return AttributeSpec(name, kind, choices, str(entry.get("description", "")), multiple)


def build_schema(
    labels: Iterable[Label], document_attributes: Iterable[AttributeSpec] = ()
) -> Schema:
    """Check a set of labels as a whole: unique names and hotkeys, known relation ends."""
    labels = tuple(labels)
    document_attributes = tuple(document_attributes)
    if len({a.name for a in document_attributes}) != len(document_attributes):
        raise SchemaError("a document attribute is defined twice")
    seen: set[tuple[LabelKind, str]] = set()
    hotkeys: dict[str, str] = {}
    for lb in labels:
        if (lb.kind, lb.name) in seen:
            raise SchemaError(f"{lb.kind} label {lb.name} is defined twice")
        seen.add((lb.kind, lb.name))
        if lb.hotkey:
            if lb.hotkey in hotkeys:
                raise SchemaError(
                    f"hotkey {lb.hotkey} is used by both {hotkeys[lb.hotkey]} and {lb.name}"
                )
            hotkeys[lb.hotkey] = lb.name
    span_names = {lb.name for lb in labels if lb.kind is LabelKind.SPAN}
    if not span_names:
        raise SchemaError("a schema needs at least one span label")
    for lb in labels:
        unknown = [n for n in (*lb.head, *lb.tail) if n not in span_names]
        if unknown:
            raise SchemaError(f"relation {lb.name} refers to unknown span labels {unknown}")
    return Schema(labels, document_attributes)


def parse_schema(data: Any) -> Schema:
    """A ``Schema`` from the decoded JSON of a schema file."""
    if not isinstance(data, dict):
        raise SchemaError("a schema file holds a JSON object")
    version = data.get("format_version", SCHEMA_FORMAT_VERSION)
    if version != SCHEMA_FORMAT_VERSION:
        raise SchemaError(f"unsupported schema format_version {version!r}")
    spans = data.get("labels")
    if not isinstance(spans, list):
        raise SchemaError("'labels' must be a list")
    relations = data.get("relations", [])
    if not isinstance(relations, list):
        raise SchemaError("'relations' must be a list")
    labels = [_label(e, LabelKind.SPAN, i, f"labels[{i}]") for i, e in enumerate(spans)] + [
        _label(e, LabelKind.RELATION, i, f"relations[{i}]") for i, e in enumerate(relations)
    ]
    documents = data.get("document_attributes", [])
    if not isinstance(documents, list):
        raise SchemaError("'document_attributes' must be a list")
    return build_schema(
        labels,
        [
            _attribute(e, f"document_attributes[{i}]", document=True)
            for i, e in enumerate(documents)
        ],
    )


def load_schema_text(text: str) -> Schema:
    try:
        data = loads(text)
    except InputError as exc:
        raise SchemaError(f"not valid JSON (line {exc.line}): {exc.message}") from None
    return parse_schema(data)


def schema_to_json(schema: Schema) -> dict[str, Any]:
    """The schema in its file form, for ``annotator schema show``."""

    def entry(lb: Label) -> dict[str, Any]:
        out: dict[str, Any] = {"name": lb.name}
        if lb.hotkey:
            out["hotkey"] = lb.hotkey
        out["color"] = lb.color
        if lb.kind is LabelKind.SPAN and lb.display is not Display.BACKGROUND:
            out["display"] = str(lb.display)
        if lb.head:
            out["head"] = list(lb.head)
        if lb.tail:
            out["tail"] = list(lb.tail)
        if lb.description:
            out["description"] = lb.description
        if lb.attributes:
            out["attributes"] = [attribute(a) for a in lb.attributes]
        return out

    def attribute(spec: AttributeSpec) -> dict[str, Any]:
        out: dict[str, Any] = {"name": spec.name, "type": str(spec.type)}
        if spec.choices:
            out["choices"] = dict(spec.choices)
        if spec.multiple:
            out["multiple"] = True
        if spec.description:
            out["description"] = spec.description
        return out

    out: dict[str, Any] = {
        "format_version": SCHEMA_FORMAT_VERSION,
        "labels": [entry(lb) for lb in schema.span_labels],
        "relations": [entry(lb) for lb in schema.relation_labels],
    }
    if schema.document_attributes:
        out["document_attributes"] = [attribute(a) for a in schema.document_attributes]
    return out


def check_attrs(label: Label, attrs: Mapping[str, Any]) -> None:
    """Values of the attributes ``label`` defines must fit their definition.

    Keys the schema does not define are left alone: imported files may carry
    metadata of their own, and it round-trips untouched.
    """
    specs = {a.name: a for a in label.attributes}
    for name, value in attrs.items():
        spec = specs.get(name)
        if spec is None or value is None:
            continue
        check_value(spec, value, f"{label.name}.{name}")


def check_value(spec: AttributeSpec, value: Any, where: str) -> None:
    """One value must fit its attribute's definition: the rule spans, links and documents share."""
    if spec.type is AttributeType.CHOICE and value not in spec.values():
        raise SchemaError(f"{where} is one of {', '.join(spec.values())}, not {value!r}")
    if spec.type is AttributeType.BOOL and not isinstance(value, bool):
        raise SchemaError(f"{where} is true or false, not {value!r}")
    if spec.type is AttributeType.TEXT and not isinstance(value, str):
        raise SchemaError(f"{where} is text, not {value!r}")
