"""Article-level labels in the project: a document's values of the schema's document attributes.

One row per value and analyst in ``doc_attrs`` (migration v10). Values are read back in
canonical form (``core.schema_rules.doc_attrs``, ``Canonical``): attributes in schema order,
a single-choice value as a string, a ``multiple`` one as a tuple in the order
of its choices. Reading in bulk (``all``, ``by_document``) is what the
document list, exports and agreement over documents use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any

from annotator.core.doc_categories import split_category
from annotator.core.errors import SchemaError, StoreError
from annotator.core.models import DocValue
from annotator.core.schema import Schema
from annotator.core.schema_rules import doc_attrs
from annotator.storage.connection import Database
from annotator.storage.database import write_transaction

DocAttrs = dict[str, DocValue]


@dataclass(frozen=True, slots=True)
class DocAttrsChange:
    """What one edit of a document's attributes changed: undo sets ``before`` again."""

    doc_id: int
    before: DocAttrs
    after: DocAttrs


def doc_attr_filters(schema: Schema, texts: Iterable[str]) -> list[tuple[str, str]]:
    """``["topic=conflict"]`` as ``[("topic", "conflict")]``, each a value of the schema:
    a misspelt filter says so instead of listing nothing."""
    out = []
    for text in texts:
        name, value = split_category(text)
        spec = schema.document_attribute(name)
        if spec is None or value not in spec.values():
            known = ", ".join(
                f"{a.name}={v}" for a in schema.document_attributes for v in a.values()
            )
            raise SchemaError(f"{text!r} is not a document attribute value ({known or 'none'})")
        out.append((name, value))
    return out


class Canonical:
    """Stored ``(name, value)`` rows of one document in canonical form (``schema_rules.doc_attrs``).

    Stored values were checked when written (and the database keeps them among
    the choices), so reading only orders them: a tenth of the cost of checking
    again, which the document list pays for every document at start-up.
    """

    def __init__(self, schema: Schema) -> None:
        self._order = {
            a.name: (i, a.multiple, {v: j for j, v in enumerate(a.values())})
            for i, a in enumerate(schema.document_attributes)
        }

    def __call__(self, pairs: Iterable[tuple[str, str]]) -> DocAttrs:
        grouped: dict[str, list[str]] = {}
        for name, value in pairs:
            if name in grouped:
                grouped[name].append(value)
            else:
                grouped[name] = [value]
        if len(grouped) > 1:
            grouped = dict(sorted(grouped.items(), key=lambda item: self._order[item[0]][0]))
        out: DocAttrs = {}
        for name, values in grouped.items():
            _, multiple, rank = self._order[name]
            # Several analysts' rows (a team project read whole): each value once.
            out[name] = tuple(sorted(set(values), key=rank.__getitem__)) if multiple else values[0]
        return out


class DocumentAttributes:
    """The document attribute values of one project (``Project.doc_attrs``).

    Rows carry the analyst who set them (``annotator``, '' when unknown). An
    analyst's own project has one set per document: read and write it with
    ``layer=None``. A team project holds each analyst's set side by side
    (``layer="amal"``), as it holds their spans; ``by_layer`` gives them all,
    for agreement over documents.
    """

    def __init__(self, db: Database, schema: Callable[[], Schema]) -> None:
        self.db = db
        self._schema = schema

    def of(self, doc_id: int, layer: str | None = None) -> DocAttrs:
        """One document's values (empty when it has none); ``layer``: one analyst's only."""
        sql = "SELECT name, value FROM doc_attrs WHERE doc_id = ?"
        params: list[Any] = [doc_id]
        if layer is not None:
            sql += " AND annotator = ?"
            params.append(layer)
        return Canonical(self._schema())(self.db.execute(sql, params))

    def all(self, layer: str | None = None) -> dict[int, DocAttrs]:
        """Every document that has values, by id: one query (the document list reads it)."""
        if layer is None:
            return dict(self.by_document(self.db.execute(_ALL)))
        rows = self.db.execute(_LAYER, [layer])
        return dict(self.by_document(rows))

    def by_layer(self) -> dict[str, dict[int, DocAttrs]]:
        """Every analyst's values: ``{annotator: {doc_id: values}}`` (agreement reads this)."""
        out: dict[str, dict[int, DocAttrs]] = {}
        for (annotator,) in self.db.execute("SELECT DISTINCT annotator FROM doc_attrs"):
            out[annotator] = self.all(annotator)
        return out

    def by_document(self, rows: Iterable[Any]) -> Iterator[tuple[int, DocAttrs]]:
        """``(doc_id, values)`` from ``(doc_id, name, value)`` rows ordered by doc_id."""
        canonical = Canonical(self._schema())
        for doc_id, group in groupby(rows, itemgetter(0)):
            yield doc_id, canonical(row[1:] for row in group)

    def set(
        self,
        doc_id: int,
        values: Mapping[str, Any],
        *,
        annotator: str | None = None,
        layer: str | None = None,
    ) -> DocAttrsChange:
        """Replace a document's values (checked against the schema): one transaction.

        ``layer=None`` replaces all of them, written as ``annotator``'s (an
        analyst's own project, the window); ``layer="amal"`` only that analyst's.
        """
        after = doc_attrs(self._schema(), values)
        with write_transaction(self.db):
            before = self.of(doc_id, layer)
            cur = self.db.execute(
                "UPDATE documents SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                "WHERE id = ?",
                [doc_id],
            )
            if cur.rowcount == 0:
                raise StoreError(f"no document with id {doc_id}")
            if layer is None:
                self.db.execute("DELETE FROM doc_attrs WHERE doc_id = ?", [doc_id])
            else:
                self.db.execute(
                    "DELETE FROM doc_attrs WHERE doc_id = ? AND annotator = ?", [doc_id, layer]
                )
            self.insert(doc_id, after, layer if layer is not None else annotator)
        return DocAttrsChange(doc_id, before, after)

    def insert(self, doc_id: int, values: DocAttrs, annotator: str | None = None) -> None:
        """Store checked, canonical values of a new document (inside the caller's transaction)."""
        self.db.conn.executemany(
            "INSERT INTO doc_attrs (doc_id, annotator, name, value) VALUES (?, ?, ?, ?)",
            [
                (doc_id, annotator or "", name, item)
                for name, value in values.items()
                for item in ((value,) if isinstance(value, str) else value)
            ],
        )

    def counts(self) -> dict[str, dict[str, int]]:
        """Documents per value of every document attribute (zeros included), for ``stats``."""
        out = {a.name: dict.fromkeys(a.values(), 0) for a in self._schema().document_attributes}
        for name, value, n in self.db.execute(
            "SELECT name, value, count(DISTINCT doc_id) FROM doc_attrs GROUP BY name, value"
        ):
            out.setdefault(name, {})[value] = n
        return out


_ALL = "SELECT doc_id, name, value FROM doc_attrs ORDER BY doc_id"
_LAYER = "SELECT doc_id, name, value FROM doc_attrs WHERE annotator = ? ORDER BY doc_id"


def filter_sql(filters: Iterable[tuple[str, str]], alias: str = "d") -> tuple[list[str], list[str]]:
    """``WHERE`` conditions (joined by AND) and parameters: documents with every one of the
    ``(name, value)`` filters; the ``doc_attrs_by_value`` index answers each."""
    clauses, params = [], []
    for name, value in filters:
        clauses.append(f"{alias}.id IN (SELECT doc_id FROM doc_attrs WHERE name = ? AND value = ?)")
        params += [name, value]
    return clauses, params
