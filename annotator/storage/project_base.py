"""What every part of the project store shares: the connection, the schema and row helpers.

``Project`` is assembled from parts that each hold one kind of thing
(``storage.documents``, ``storage.annotations``, ``storage.records``); they
meet here, on one connection and one cached schema, so a write in one part and
a read in another see the same transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from annotator.core.errors import SchemaError, SpanError, StoreError
from annotator.core.models import Label, LabelKind, NewSpan, Span
from annotator.core.schema import Schema
from annotator.core.schema_rules import require_label
from annotator.storage.connection import Database
from annotator.storage.doc_attrs import DocumentAttributes
from annotator.storage.entities import EntityRegistry
from annotator.storage.rows import relation_row, span_row
from annotator.storage.schema_store import read_schema, write_schema

NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


class ProjectBase:
    """The state the parts of ``Project`` share, and the helpers all of them write with."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path
        self._schema: Schema | None = None
        self.entities = EntityRegistry(db)
        # Article-level labels (topic, genre...): read and set through this.
        self.doc_attrs = DocumentAttributes(db, lambda: self.schema)
        # Documents stored inside ``bulk()`` and not yet in the search index, by id.
        self._unindexed: list[int] | None = None

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
        """Rows readable by column name, straight from sqlite3 (C-level, no dict per row)."""
        cursor = self.db.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, params)

    # -- schema ------------------------------------------------------------

    @property
    def schema(self) -> Schema:
        if self._schema is None:
            self._schema = read_schema(self.db)
        return self._schema

    def set_schema(self, schema: Schema) -> None:
        """Replace the label schema; labels still used by annotations cannot go."""
        write_schema(self.db, schema)
        self._schema = None

    def _require_label(self, name: str, kind: LabelKind) -> Label:
        try:
            return require_label(self.schema, name, kind)
        except SchemaError as exc:
            raise SpanError(str(exc)) from None

    def reload_schema(self) -> None:
        """Read the schema again: after a rolled-back savepoint that had changed it."""
        self._schema = None

    # -- rows ----------------------------------------------------------------

    def _insert(self, table: str, row: Mapping[str, Any]) -> int:
        return self.db.insert(table, row)

    def _insert_span(self, doc_id: int, span: NewSpan) -> Span:
        """Store ``span`` as a new row of the document: the stored span, with its id."""
        span_id = self._insert("spans", span_row(doc_id, span))
        return Span(
            span.start,
            span.end,
            span.label,
            span.text,
            span_id,
            doc_id,
            span.attrs,
            span.annotator,
            span.entity_id,
        )

    def _insert_relation(
        self,
        doc_id: int,
        label: str,
        head: int,
        tail: int,
        attrs: Mapping[str, Any],
        annotator: str | None,
    ) -> int:
        """Store a relation between the stored spans ``head`` and ``tail``: its id."""
        return self._insert("relations", relation_row(doc_id, label, head, tail, attrs, annotator))

    def _touch(self, doc_id: int, **values: Any) -> None:
        """Set columns of a document and its ``updated_at``; ``StoreError`` if it is not there."""
        sets = "".join(f"{k} = :{k}, " for k in values)
        cur = self.db.execute(
            f"UPDATE documents SET {sets}updated_at = {NOW} WHERE id = :id",
            {**values, "id": doc_id},
        )
        if cur.rowcount == 0:
            raise StoreError(f"no document with id {doc_id}")
