"""What the schema allows: the one place the window and every importer ask.

A span's label must be a span label of the schema, its attributes must fit
their definitions; a relation's type must be a relation type of the schema,
and the labels of the spans at its head and tail must be ones it allows.
The window refuses an edit that breaks these (``storage.project``); an
import refuses the file, naming the line and the reason. ``extend_schema``
is the explicit way in for labels and relation types a file brings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from annotator.core.errors import SchemaError
from annotator.core.models import AnnotatedDocument, Label, LabelKind
from annotator.core.schema import Schema, build_schema, check_attrs

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


def check_record(schema: Schema, record: AnnotatedDocument) -> None:
    """Raise ``SchemaError`` naming the first span or relation the schema does not allow."""
    labels: dict[object, str] = {}
    for span in record.spans:
        origin = record.origins.get(span.id) if span.id is not None else None
        name, line = origin or (f"spans[{span.id}]", None)
        try:
            check_attrs(require_label(schema, span.label, LabelKind.SPAN), span.attrs)
        except SchemaError as exc:
            error = type(exc)(f"{name} ({span.label}): {exc}")
            error.line = line
            raise error from None
        labels[span.id] = span.label
    for index, relation in enumerate(record.relations):
        where = f"relation {relation.id}" if relation.id is not None else f"relations[{index}]"
        where, line = record.relation_origins.get(index, (where, None))
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
    return build_schema(labels), added


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
