"""Document attribute values in the shapes other tools give whole-document classes.

The one naming every format shares: a value is the category
``"attribute=value"`` ("topic=conflict") wherever a tool has flat category
names (spaCy's ``doc.cats``, doccano's text-classification ``label`` and
``cats``). Label Studio keeps one ``choices`` result per attribute, named
by it; Hugging Face one class-id column per attribute. Writers get the
schema's attribute definitions so that every class is present (a 0.0 in
``doc.cats``, a name in a ``ClassLabel``); readers give back plain
``{attribute: [values]}`` for ``core.schema_rules.doc_attrs`` to check.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from annotator.core.errors import InputError
from annotator.core.models import AttributeSpec, DocValue

SEPARATOR = "="


def values_of(value: DocValue) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def category(name: str, value: str) -> str:
    return f"{name}{SEPARATOR}{value}"


def split_category(text: str) -> tuple[str, str]:
    """``"topic=conflict"`` as ``("topic", "conflict")``; a bare value is refused."""
    name, sep, value = text.partition(SEPARATOR)
    if not sep or not name or not value:
        raise InputError(
            f"category {text!r} does not name its attribute: ATTRIBUTE=VALUE, e.g. topic=conflict"
        )
    return name, value


def categories(values: Mapping[str, DocValue]) -> list[str]:
    """A document's values as category names, in the order given (canonical: schema order)."""
    return [category(name, v) for name, value in values.items() for v in values_of(value)]


def from_categories(names: Any, where: str) -> dict[str, list[str]]:
    """Category names read from a file, as ``{attribute: [values]}``."""
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise InputError(f"{where} must be a list of category names (topic=conflict)")
    out: dict[str, list[str]] = {}
    for text in names:
        name, value = split_category(text)
        out.setdefault(name, []).append(value)
    return out


def all_categories(specs: Sequence[AttributeSpec]) -> list[str]:
    """Every category the schema defines, in schema order."""
    return [category(a.name, v) for a in specs for v in a.values()]


def one_hot(values: Mapping[str, DocValue], specs: Sequence[AttributeSpec]) -> dict[str, float]:
    """spaCy's ``doc.cats``: every category of the schema, 1.0 for the document's values."""
    chosen = set(categories(values))
    return {name: 1.0 if name in chosen else 0.0 for name in all_categories(specs)}


def class_columns(
    values: Mapping[str, DocValue], specs: Sequence[AttributeSpec]
) -> dict[str, int | list[int]]:
    """Hugging Face columns: a class id per attribute (-1: unset, as ``ClassLabel`` has it),
    a list of them for an attribute that holds several."""
    out: dict[str, int | list[int]] = {}
    for spec in specs:
        ids = [spec.values().index(v) for v in values_of(values.get(spec.name, ()))]
        out[spec.name] = ids if spec.multiple else (ids[0] if ids else -1)
    return out


def choices_results(values: Mapping[str, DocValue]) -> list[dict[str, Any]]:
    """Label Studio ``choices`` results, one per attribute: ``from_name`` is the attribute
    (the name of its ``<Choices>`` tag), ``to_name`` the text."""
    return [
        {
            "id": f"doc-{name}",
            "from_name": name,
            "to_name": "text",
            "type": "choices",
            "value": {"choices": list(values_of(value))},
        }
        for name, value in values.items()
    ]


def from_choices_results(result: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
    """The ``choices`` results of a Label Studio annotation, as ``{attribute: [values]}``."""
    out: dict[str, list[str]] = {}
    for item in result:
        if item.get("type") != "choices":
            continue
        name = item.get("from_name")
        value = item.get("value")
        chosen = value.get("choices") if isinstance(value, Mapping) else None
        if not isinstance(name, str) or not name or not isinstance(chosen, list):
            raise InputError(f"result {item.get('id')}: choices need a from_name and a list")
        if not all(isinstance(c, str) for c in chosen):
            raise InputError(f"result {item.get('id')}: a choice is a string")
        out.setdefault(name, []).extend(chosen)
    return out


def count_values(values: Mapping[str, DocValue]) -> int:
    return sum(len(values_of(v)) for v in values.values())
