"""What the schema allows: the one place the window and every importer ask.

A span's label must be a span label of the schema, its attributes must fit
their definitions; a relation's type must be a relation type of the schema,
and the labels of the spans at its head and tail must be ones it allows.
A document's attribute values must be choices of the schema's document
attributes, one value unless the attribute is ``multiple``.
The window refuses an edit that breaks these (``storage.project``); an
import refuses the file, naming the line and the reason. ``extend_schema``
is the explicit way in for labels and relation types a file brings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from annotator.core.errors import SchemaError
from annotator.core.models import AnnotatedDocument, AttributeSpec, DocValue, Label, LabelKind
from annotator.core.schema import Schema, build_schema, check_attrs, check_value

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_\-]{0,39}")
# Colour-blind-safe colours for labels a file brings, after the default schema's own.
_PALETTE = (
    "#56B4E9",
    "#F0E442",
    "#999933",
    "#882255",
    "#44AA99",
    "#AA4499",
    "#332288",
    "#DDCC77",
    "#117733",
    "#88CCEE",
)


class UnknownLabelError(SchemaError):
    """A label or relation type the schema lacks: ``--extend-schema`` may add it."""


def _a(label: str) -> str:
    return f"an {label}" if label[:1].upper() in "AEIOU" else f"a {label}"


def relation_problem(rule: Label, head_label: str, tail_label: str) -> str | None:
    """Why relation type ``rule`` cannot go from a ``head_label`` to a ``tail_label`` span."""
    if rule.allows(head_label, tail_label):  # the rule itself lives on the label
        return None
    bad_head = bool(rule.head) and head_label not in rule.head
    bad_tail = bool(rule.tail) and tail_label not in rule.tail
    wrong = [f"start at {_a(head_label)}"] if bad_head else []
    wrong += [f"point at {_a(tail_label)}"] if bad_tail else []
    wanted = f"{'/'.join(rule.head) or 'any'} → {'/'.join(rule.tail) or 'any'}"
    return (
        f"{rule.name} cannot {' or '.join(wrong)}: "
        f"{rule.name} links {wanted}, not {head_label} → {tail_label}"
    )


def require_label(schema: Schema, name: str, kind: LabelKind) -> Label:
    label = schema.get(name, kind)
    if label is None:
        what = "span label" if kind is LabelKind.SPAN else "relation type"
        known = ", ".join(schema.names(kind)) or "none"
        raise UnknownLabelError(f"unknown {what} {name!r} (the schema has {known})")
    return label


def _values(name: str, value: object) -> list[str]:
    """A document attribute's value as a list: one string, or a list of strings."""
    if value is None:
        return []
    items = list(value) if isinstance(value, list | tuple) else [value]
    strings = [v for v in items if isinstance(v, str) and v]
    if len(strings) != len(items):
        raise SchemaError(f"doc_attrs.{name}: a value is a string or a list of strings")
    return strings


def doc_attrs(schema: Schema, attrs: Mapping[str, object]) -> dict[str, DocValue]:
    """A document's attribute values checked against the schema, in canonical form.

    Canonical: attributes in schema order, a single-choice value as a string,
    a ``multiple`` one as a tuple in the order of its choices; unset ones
    (None, []) left out. An attribute or value the schema lacks raises
    ``UnknownLabelError`` (``--extend-schema`` may add it); two values for a
    single-choice attribute raise ``SchemaError``.
    """
    out: dict[str, DocValue] = {}
    for name in attrs:
        if schema.document_attribute(name) is None:
            known = ", ".join(a.name for a in schema.document_attributes) or "none"
            raise UnknownLabelError(f"unknown document attribute {name!r} (the schema has {known})")
    for spec in schema.document_attributes:
        given = _values(spec.name, attrs.get(spec.name))
        for value in given:
            try:
                check_value(spec, value, f"doc_attrs.{spec.name}")
            except SchemaError as exc:
                raise UnknownLabelError(str(exc)) from None
        if len(set(given)) != len(given):
            raise SchemaError(f"doc_attrs.{spec.name} names a value twice")
        if not given:
            continue
        if spec.multiple:
            out[spec.name] = tuple(v for v in spec.values() if v in given)
        elif len(given) == 1:
            out[spec.name] = given[0]
        else:
            raise SchemaError(f"doc_attrs.{spec.name} holds one value, not {len(given)}")
    return out


def check_record(schema: Schema, record: AnnotatedDocument) -> None:
    """Raise ``SchemaError`` naming the first span or relation the schema does not allow."""
    doc_attrs(schema, record.doc_attrs)
    labels: dict[int, str] = {}
    for span in record.spans:
        name, line = record.origins.get(span.id) or (f"spans[{span.id}]", None)
        try:
            check_attrs(require_label(schema, span.label, LabelKind.SPAN), span.attrs)
        except SchemaError as exc:
            error = type(exc)(f"{name} ({span.label}): {exc}")
            error.line = line
            raise error from None
        labels[span.id] = span.label
    for index, relation in enumerate(record.relations):
        where, line = record.relation_origins.get(index, (f"relation {relation.id}", None))
        try:
            rule = require_label(schema, relation.label, LabelKind.RELATION)
            check_attrs(rule, relation.attrs)
            problem = relation_problem(rule, labels[relation.head], labels[relation.tail])
            if problem:
                raise SchemaError(problem)
        except SchemaError as exc:
            error = type(exc)(f"{where}: {exc}")
            error.line = line
            raise error from None


def extend_schema(
    schema: Schema, records: Iterable[AnnotatedDocument]
) -> tuple[Schema, list[Label]]:
    """The schema with every span label and relation type of ``records`` it lacks, and those.

    A new span label gets an unused colour and the next free hotkey; a new
    relation type may link any two spans (the schema file can narrow it later).
    """
    labels = list(schema.labels)
    added: list[Label] = []
    for record in records:
        wanted = [(s.label, LabelKind.SPAN) for s in record.spans]
        wanted += [(r.label, LabelKind.RELATION) for r in record.relations]
        for name, kind in wanted:
            if any(lb.name == name and lb.kind is kind for lb in labels):
                continue
            if not _NAME.fullmatch(name):
                raise SchemaError(
                    f"label {name!r} cannot join the schema: a name is a letter, then letters, "
                    "digits, '_' or '-'"
                )
            label = _new_label(name, kind, labels)
            labels.append(label)
            added.append(label)
    if not added:
        return schema, []
    return build_schema(labels, schema.document_attributes), added


def extend_document_attributes(
    schema: Schema, records: Iterable[AnnotatedDocument]
) -> tuple[Schema, list[str]]:
    """The schema with every document attribute and value of ``records`` it lacks, and those
    (as ``"topic=sport"``).

    A new attribute holds several values when a record gives it a list; a new
    value gets a free key: its first letter if free, else the first free of a-z, 0-9.
    """
    specs = {a.name: a for a in schema.document_attributes}
    added: list[str] = []
    for record in records:
        for name, value in record.doc_attrs.items():
            if not _NAME.fullmatch(name):
                raise SchemaError(
                    f"document attribute {name!r} cannot join the schema: a name is a letter, "
                    "then letters, digits, '_' or '-'"
                )
            spec = specs.get(name) or AttributeSpec(name, multiple=isinstance(value, list))
            for item in _values(name, value):
                if item not in spec.values():
                    spec = replace(spec, choices=(*spec.choices, (_free_key(spec, item), item)))
                    added.append(f"{name}={item}")
            if spec.choices:
                specs[name] = spec
    if not added:
        return schema, []
    return build_schema(schema.labels, specs.values()), added


def _free_key(spec: AttributeSpec, value: str) -> str:
    taken = {key for key, _ in spec.choices}
    candidates: list[str] = [value[:1].lower(), *"abcdefghijklmnopqrstuvwxyz0123456789"]
    for key in candidates:
        if key and key not in taken:
            return key
    raise SchemaError(f"document attribute {spec.name} has no free key for {value!r}")


def _new_label(name: str, kind: LabelKind, labels: Sequence[Label]) -> Label:
    same_kind = [lb for lb in labels if lb.kind is kind]
    used_colors = {lb.color for lb in labels}
    color = next((c for c in _PALETTE if c not in used_colors), "#888888")
    hotkey = None
    if kind is LabelKind.SPAN:
        taken = {lb.hotkey for lb in same_kind}
        hotkey = next((k for k in "123456789" if k not in taken), None)
    order = max((lb.order for lb in same_kind), default=-1) + 1
    return replace(Label(name, kind), color=color, hotkey=hotkey, order=order)
