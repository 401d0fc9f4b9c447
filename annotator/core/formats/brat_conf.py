"""brat's ``annotation.conf`` and ``visual.conf``: what a brat server needs to open an export.

Types come from the schema and from what the exported files hold (a label
missing from the schema still gets a line); relation arguments from the
schema's head/tail lists; attribute values from the schema's choices and the
values written. Overlapping spans are allowed (``<OVERLAP>``): a CLAIM holds
ACTORs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.formats.brat_names import encode_name, encode_value
from annotator.core.models import AttributeType, Label, LabelKind


@dataclass
class SeenTypes:
    """Names as written in the ``.ann`` files, collected while writing them."""

    entities: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    # attribute name -> (entity types it sits on, value columns; None = binary)
    attributes: dict[str, tuple[list[str], list[str | None]]] = field(default_factory=dict)

    def entity(self, name: str) -> None:
        if name not in self.entities:
            self.entities.append(name)

    def relation(self, name: str) -> None:
        if name not in self.relations:
            self.relations.append(name)

    def attribute(self, name: str, on: str, column: str | None) -> None:
        types, values = self.attributes.setdefault(name, ([], []))
        if on not in types:
            types.append(on)
        if column not in values:
            values.append(column)


def _names(labels: Sequence[str]) -> list[str]:
    return [n for n in (encode_name(label) for label in labels) if n]


def annotation_conf(labels: Sequence[Label], seen: SeenTypes) -> str:
    span_labels = [lb for lb in labels if lb.kind is LabelKind.SPAN]
    entities = _names([lb.name for lb in span_labels])
    entities += [name for name in seen.entities if name not in entities]
    any_entity = "|".join(entities) or "<ENTITY>"
    lines = ["# The types of this export (written by annotator).", "[entities]", *entities]
    lines.append("[relations]")
    written = []
    for lb in labels:
        name = encode_name(lb.name)
        if lb.kind is LabelKind.RELATION and name:
            head = "|".join(_names(lb.head)) or any_entity
            tail = "|".join(_names(lb.tail)) or any_entity
            lines.append(f"{name}\tArg1:{head}, Arg2:{tail}")
            written.append(name)
    for name in seen.relations:  # in the files but not in the schema: between any types
        if name not in written:
            lines.append(f"{name}\tArg1:{any_entity}, Arg2:{any_entity}")
    lines.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
    lines += ["[events]", "[attributes]"]
    attributes: dict[str, tuple[list[str], list[str | None]]] = {}
    for lb in span_labels:
        for spec in lb.attributes:
            name, on = encode_name(spec.name), encode_name(lb.name)
            if not name or not on:
                continue
            types, values = attributes.setdefault(name, ([], []))
            types.append(on)
            if spec.type is AttributeType.BOOL:
                values.append(None)
            values.extend(encode_value(v) for v in spec.values())
    for name, (seen_on, columns) in seen.attributes.items():
        types, values = attributes.setdefault(name, ([], []))
        types.extend(t for t in seen_on if t not in types)
        values.extend(c for c in columns if c not in values)
    for name, (types, values) in attributes.items():
        listed = sorted({v for v in values if v is not None})
        line = f"{name}\tArg:{'|'.join(dict.fromkeys(types))}"
        lines.append(line + (f", Value:{'|'.join(listed)}" if listed else ""))
    return "\n".join(lines) + "\n"


def visual_conf(labels: Sequence[Label]) -> str:
    lines = ["[labels]"]
    drawing = ["[drawing]"]
    for lb in labels:
        name = encode_name(lb.name)
        if not name:
            continue
        lines.append(f"{name} | {name}")
        key = "bgColor" if lb.kind is LabelKind.SPAN else "color"
        drawing.append(f"{name}\t{key}:{lb.color}")
    return "\n".join([*lines, *drawing]) + "\n"


def write_conf(folder: Path, labels: Sequence[Label], seen: SeenTypes) -> None:
    (folder / "annotation.conf").write_text(annotation_conf(labels, seen), encoding="utf-8")
    (folder / "visual.conf").write_text(visual_conf(labels), encoding="utf-8")
