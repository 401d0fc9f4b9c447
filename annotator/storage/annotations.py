"""The annotations of a project: spans, relations, their attributes and entity links.

Part of ``Project`` (``storage.project``). Every write checks the schema's
rules (labels, relation ends, attributes) inside its own transaction and
returns the stored object; deletes return what they removed, for undo.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from annotator.core.errors import SpanError, StoreError
from annotator.core.models import LabelKind, NewSpan, Relation, Span
from annotator.core.schema import check_attrs
from annotator.core.schema_rules import relation_problem
from annotator.core.spans import check_span
from annotator.storage.database import write_transaction
from annotator.storage.documents import Documents
from annotator.storage.project_base import NOW
from annotator.storage.rows import (
    attrs_from_json,
    relation_from_row,
    relation_row,
    span_from_row,
    span_row,
    to_json,
)


class Annotations(Documents):
    """Spans and relations on the documents, with their attributes and entity links."""

    def add_span(self, doc_id: int, span: NewSpan) -> Span:
        """Store ``span`` on the document; return it as stored, with its id.

        ``SpanError`` unless its text is what its offsets cover. A ``todo``
        document becomes ``in_progress`` in the same transaction.
        """
        check_attrs(self._require_label(span.label, LabelKind.SPAN), span.attrs)
        with write_transaction(self.db):
            check_span(self.document(doc_id).text, span.start, span.end, span.text)
            self._require_entity(span.entity_id)
            stored = self._insert_span(doc_id, span)
            self._touch(doc_id)
            # The first annotation starts the work on a document: same transaction.
            self.db.execute(
                "UPDATE documents SET status = 'in_progress' WHERE id = ? AND status = 'todo'",
                [doc_id],
            )
        return stored

    def _require_entity(self, entity_id: int | None) -> None:
        """A link names an entity of the registry: said in words, not as a foreign-key error."""
        if (
            entity_id is not None
            and not self.db.execute("SELECT 1 FROM entities WHERE id = ?", [entity_id]).fetchone()
        ):
            raise StoreError(f"no entity with id {entity_id} in the registry")

    def span(self, span_id: int) -> Span:
        row = next(self._rows("SELECT * FROM spans WHERE id = ?", [span_id]), None)
        if row is None:
            raise StoreError(f"no span with id {span_id}")
        return span_from_row(row)

    def update_span(
        self,
        span_id: int,
        *,
        start: int | None = None,
        end: int | None = None,
        label: str | None = None,
    ) -> Span:
        """Move or relabel a span; relations must still fit their schema rules."""
        with write_transaction(self.db):
            old = self.span(span_id)
            start = old.start if start is None else start
            end = old.end if end is None else end
            label = old.label if label is None else label
            self._require_label(label, LabelKind.SPAN)
            if label != old.label:
                self._check_relations_allow(span_id, label)
            text = check_span(self.document(old.doc_id).text, start, end)  # type: ignore[arg-type]
            self.db.execute(
                f'UPDATE spans SET start = ?, "end" = ?, text = ?, label = ?, updated_at = {NOW} '
                "WHERE id = ?",
                [start, end, text, label, span_id],
            )
            self._touch(old.doc_id)  # type: ignore[arg-type]
        return replace(old, start=start, end=end, label=label, text=text)

    def _check_relations_allow(self, span_id: int, label: str) -> None:
        """The span's links must still fit their types with the span relabelled."""
        for rel in self._rows(
            "SELECT r.label, r.head, r.tail, h.label AS head_label, t.label AS tail_label "
            "FROM relations r JOIN spans h ON h.id = r.head JOIN spans t ON t.id = r.tail "
            "WHERE r.head = ? OR r.tail = ?",
            [span_id, span_id],
        ):
            rule = self.schema.get(rel["label"], LabelKind.RELATION)
            if rule is None:
                continue
            head = label if rel["head"] == span_id else rel["head_label"]
            tail = label if rel["tail"] == span_id else rel["tail_label"]
            if problem := relation_problem(rule, head, tail):
                raise SpanError(f"{problem}; remove the link first")

    def restore_span(self, span: Span, relations: Iterable[Relation] = ()) -> None:
        """Put back a deleted span and its relations with their old ids (undo of delete)."""
        assert span.doc_id is not None
        with write_transaction(self.db):
            self._insert("spans", {"id": span.id, **span_row(span.doc_id, span)})
            for rel in relations:
                self._restore_relation(rel)
            self._touch(span.doc_id)

    def spans(self, doc_id: int) -> list[Span]:
        """The document's spans in reading order (start, then longer first).

        Read with the bare cursor: opening a document waits on this.
        """
        rows = self.db.conn.execute(
            'SELECT id, start, "end", label, text, attrs, annotator, entity_id FROM spans '
            'WHERE doc_id = ? ORDER BY start, "end" DESC, id',
            [doc_id],
        )
        return [
            Span(
                start, end, label, text, span_id, doc_id, attrs_from_json(attrs), annotator, entity
            )
            for span_id, start, end, label, text, attrs, annotator, entity in rows
        ]

    def relations(self, doc_id: int) -> list[Relation]:
        return [
            relation_from_row(r)
            for r in self._rows("SELECT * FROM relations WHERE doc_id = ? ORDER BY id", [doc_id])
        ]

    def delete_span(self, span_id: int) -> tuple[Span, list[Relation]]:
        """Delete a span; its relations go with it. Returns both, for undo."""
        with write_transaction(self.db):
            span = self.span(span_id)
            relations = [
                relation_from_row(r)
                for r in self._rows(
                    "SELECT * FROM relations WHERE head = ? OR tail = ? ORDER BY id",
                    [span_id, span_id],
                )
            ]
            self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])  # relations cascade
            self._touch(span.doc_id)  # type: ignore[arg-type]
        return span, relations

    def add_relation(
        self,
        label: str,
        head: int,
        tail: int,
        *,
        attrs: Mapping[str, Any] | None = None,
        annotator: str | None = None,
    ) -> Relation:
        rel_label = self._require_label(label, LabelKind.RELATION)
        check_attrs(rel_label, attrs or {})
        with write_transaction(self.db):
            ends = {
                r[0]: (r[1], r[2])
                for r in self.db.execute(
                    "SELECT id, doc_id, label FROM spans WHERE id IN (?, ?)", [head, tail]
                )
            }
            if head not in ends or tail not in ends:
                raise SpanError("a relation needs two existing spans")
            (doc_id, head_label), (tail_doc, tail_label) = ends[head], ends[tail]
            if doc_id != tail_doc:
                raise SpanError("a relation must link two spans of the same document")
            if problem := relation_problem(rel_label, head_label, tail_label):
                raise SpanError(problem)
            rel_id = self._insert_relation(doc_id, label, head, tail, attrs or {}, annotator)
        return Relation(label, head, tail, rel_id, doc_id, dict(attrs or {}), annotator)

    def relation(self, relation_id: int) -> Relation:
        row = next(self._rows("SELECT * FROM relations WHERE id = ?", [relation_id]), None)
        if row is None:
            raise StoreError(f"no relation with id {relation_id}")
        return relation_from_row(row)

    def delete_relation(self, relation_id: int) -> Relation:
        """Delete one relation; returns it, for undo."""
        with write_transaction(self.db):
            relation = self.relation(relation_id)
            self.db.execute("DELETE FROM relations WHERE id = ?", [relation_id])
        return relation

    def restore_relation(self, relation: Relation) -> None:
        """Put back a deleted relation with its old id (undo)."""
        with write_transaction(self.db):
            self._restore_relation(relation)

    def _restore_relation(self, r: Relation) -> None:
        assert r.doc_id is not None
        row = relation_row(r.doc_id, r.label, r.head, r.tail, r.attrs, r.annotator)
        self._insert("relations", {"id": r.id, **row})

    def set_span_attrs(self, span_id: int, attrs: Mapping[str, Any]) -> Span:
        """Replace a span's attributes (checked against its label's definitions)."""
        with write_transaction(self.db):
            span = self.span(span_id)
            check_attrs(self._require_label(span.label, LabelKind.SPAN), attrs)
            self.db.execute(
                f"UPDATE spans SET attrs = ?, updated_at = {NOW} WHERE id = ?",
                [to_json(dict(attrs)), span_id],
            )
        return replace(span, attrs=dict(attrs))

    def set_relation_attrs(self, relation_id: int, attrs: Mapping[str, Any]) -> Relation:
        with write_transaction(self.db):
            relation = self.relation(relation_id)
            check_attrs(self._require_label(relation.label, LabelKind.RELATION), attrs)
            self.db.execute(
                "UPDATE relations SET attrs = ? WHERE id = ?", [to_json(dict(attrs)), relation_id]
            )
        return replace(relation, attrs=dict(attrs))

    def link_entity(self, span_id: int, entity_id: int | None) -> Span:
        """Link a mention to a registry entity (None unlinks it)."""
        with write_transaction(self.db):
            span = self.span(span_id)
            self._require_entity(entity_id)
            self.db.execute(
                f"UPDATE spans SET entity_id = ?, updated_at = {NOW} WHERE id = ?",
                [entity_id, span_id],
            )
        return replace(span, entity_id=entity_id)
