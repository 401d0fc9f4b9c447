"""The label schema in the project file.

Span labels live in ``labels``, relation types in ``relation_types``; both
carry their attribute definitions as JSON. Document attributes live in
``document_attributes``, one row each, their choices as a JSON object.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.core.errors import SchemaError
from annotator.core.models import AttributeSpec, AttributeType, Display, Label, LabelKind
from annotator.core.schema import Schema, build_schema
from annotator.storage.connection import Database
from annotator.storage.database import write_transaction


def _attributes_to_json(specs: tuple[AttributeSpec, ...]) -> str:
    return json.dumps(
        [
            {
                "name": a.name,
                "type": str(a.type),
                "choices": dict(a.choices),
                "description": a.description,
            }
            for a in specs
        ],
        ensure_ascii=False,
    )


def _attributes_from_json(text: str) -> tuple[AttributeSpec, ...]:
    return tuple(
        AttributeSpec(
            a["name"],
            AttributeType(a["type"]),
            tuple(a.get("choices", {}).items()),
            a.get("description", ""),
        )
        for a in json.loads(text)
    )


def read_schema(db: Database) -> Schema:
    labels = [
        Label(
            name=r["name"],
            kind=LabelKind.SPAN,
            color=r["color"],
            hotkey=r["hotkey"],
            order=r["ord"],
            description=r["description"],
            display=Display(r["display"]),
            attributes=_attributes_from_json(r["attributes"]),
        )
        for r in db.query("SELECT * FROM labels ORDER BY ord, name")
    ]
    relations = [
        Label(
            name=r["name"],
            kind=LabelKind.RELATION,
            color=r["color"],
            order=r["ord"],
            description=r["description"],
            head=tuple(json.loads(r["head"])),
            tail=tuple(json.loads(r["tail"])),
            attributes=_attributes_from_json(r["attributes"]),
        )
        for r in db.query("SELECT * FROM relation_types ORDER BY ord, name")
    ]
    documents = [
        AttributeSpec(
            r["name"],
            AttributeType.CHOICE,
            tuple(json.loads(r["choices"]).items()),
            r["description"],
            bool(r["multiple"]),
        )
        for r in db.query("SELECT * FROM document_attributes ORDER BY ord, name")
    ]
    return Schema(tuple(labels + relations), tuple(documents))


def _replace(db: Database, table: str, used_sql: str, rows: list[dict[str, Any]]) -> None:
    keep = {r["name"] for r in rows}
    used = {r[0] for r in db.execute(used_sql)}
    if missing := sorted(used - keep):
        kind = "labels" if table == "labels" else "relation types"
        raise SchemaError(
            f"{kind} {', '.join(missing)} are used by annotations and must stay in the schema"
        )
    for (name,) in db.execute(f"SELECT name FROM {table}").fetchall():
        if name not in keep:
            db.execute(f"DELETE FROM {table} WHERE name = ?", [name])
    if rows:
        for row in rows:
            db.insert(table, row, pk="name")


def write_schema(db: Database, schema: Schema) -> None:
    """Replace the schema; labels and relation types still in use cannot go."""
    schema = build_schema(schema.labels, schema.document_attributes)
    with write_transaction(db):
        _write_document_attributes(db, schema)
        _replace(
            db,
            "labels",
            "SELECT DISTINCT label FROM spans",
            [
                {
                    "name": lb.name,
                    "kind": "span",
                    "color": lb.color,
                    "hotkey": lb.hotkey,
                    "ord": lb.order,
                    "description": lb.description,
                    "display": str(lb.display),
                    "attributes": _attributes_to_json(lb.attributes),
                }
                for lb in schema.span_labels
            ],
        )
        _replace(
            db,
            "relation_types",
            "SELECT DISTINCT label FROM relations",
            [
                {
                    "name": lb.name,
                    "color": lb.color,
                    "ord": lb.order,
                    "description": lb.description,
                    "head": json.dumps(list(lb.head)),
                    "tail": json.dumps(list(lb.tail)),
                    "attributes": _attributes_to_json(lb.attributes),
                }
                for lb in schema.relation_labels
            ],
        )


def _write_document_attributes(db: Database, schema: Schema) -> None:
    """Replace the document attributes; an attribute or a value still given to a document
    cannot go, nor can an attribute holding several values on a document become single."""
    specs = {a.name: a for a in schema.document_attributes}
    in_use = db.execute(
        "SELECT name, value, max(n) FROM (SELECT name, value, "
        "count(*) OVER (PARTITION BY doc_id, annotator, name) AS n FROM doc_attrs) "
        "GROUP BY name, value"
    ).fetchall()
    for name, value, most in in_use:
        spec = specs.get(name)
        if spec is None or value not in spec.values():
            raise SchemaError(
                f"document attribute value {name}={value} is given to documents and must stay "
                "in the schema"
            )
        if most > 1 and not spec.multiple:
            raise SchemaError(f"documents hold several values of {name}: it must stay multiple")
    _replace(
        db,
        "document_attributes",
        "SELECT DISTINCT name FROM doc_attrs",
        [
            {
                "name": a.name,
                "ord": i,
                "multiple": int(a.multiple),
                "choices": json.dumps(dict(a.choices), ensure_ascii=False),
                "description": a.description,
            }
            for i, a in enumerate(schema.document_attributes)
        ],
    )
