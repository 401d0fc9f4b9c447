"""The project store: documents, labels, spans and relations as domain objects.

Every public method that writes is one transaction (``write_transaction``),
committed before it returns: an edit the user saw is on disk. Rows are turned
into the frozen dataclasses of ``annotator.core.models`` here and nowhere else.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import itemgetter
from pathlib import Path
from typing import Any

from annotator.core.errors import ImmutableTextError, SchemaError, SpanError, StoreError
from annotator.core.identity import document_uid
from annotator.core.models import (
    AnnotatedDocument,
    Document,
    Entity,
    Label,
    LabelKind,
    Relation,
    Span,
    Status,
)
from annotator.core.schema import Schema, check_attrs
from annotator.core.schema_rules import (
    check_record,
    doc_attrs,
    extend_document_attributes,
    extend_schema,
    relation_problem,
    require_label,
)
from annotator.core.spans import check_span
from annotator.core.text import check_document_text, sha256
from annotator.storage import search_index
from annotator.storage.connection import Database
from annotator.storage.database import connect, write_transaction
from annotator.storage.doc_attrs import Canonical, DocumentAttributes, filter_sql
from annotator.storage.entities import EntityRegistry
from annotator.storage.rows import (
    attrs_from_json,
    document_from_row,
    relation_from_row,
    relation_row,
    span_from_row,
    span_row,
    to_json,
)
from annotator.storage.schema_store import read_schema, write_schema

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
INDEX_BATCH = 1000  # texts of a bulk import read back and indexed at a time


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A row of the document list: enough to show it without loading its text."""

    id: int
    title: str
    status: Status
    span_count: int
    uid: str = ""
    external_id: str | None = None


@dataclass(frozen=True, slots=True)
class Stats:
    documents: int
    by_status: Mapping[str, int]
    spans_by_label: Mapping[str, int]
    relations_by_label: Mapping[str, int]


# Status by stored value: a dict lookup, not an enum call per row (10,000 rows at start-up).
_STATUS = {str(s): s for s in Status}


class Project:
    """One annotation project: one SQLite file."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path
        self._schema: Schema | None = None
        self.entities = EntityRegistry(db)
        # Article-level labels (topic, genre...): read and set through this.
        self.doc_attrs = DocumentAttributes(db, lambda: self.schema)
        # Documents stored inside ``bulk()`` and not yet in the search index, by id.
        self._unindexed: list[int] | None = None

    @classmethod
    def open(cls, path: Path | str, *, verify: bool | None = None) -> Project:
        """Open or create the project at ``path``; a new project gets the default schema.

        A damaged file is refused before anything writes (``verify``: see
        ``storage.database.connect``).
        """
        db = connect(path, verify=verify)
        project = cls(db, None if str(path) == ":memory:" else Path(path))
        if not db.count("labels"):
            from annotator.assets import default_schema  # one place knows where assets are

            project.set_schema(default_schema())
        return project

    def close(self) -> None:
        self.db.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
        """Rows readable by column name, straight from sqlite3 (C-level, no dict per row)."""
        cursor = self.db.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, params)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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

    def extend_schema(self, records: Iterable[AnnotatedDocument]) -> list[Label]:
        """Add the labels and relation types of ``records`` the schema lacks; return them."""
        schema, added = extend_schema(self.schema, records)
        if added:
            self.set_schema(schema)
        return added

    def extend_document_attributes(self, records: Iterable[AnnotatedDocument]) -> list[str]:
        """Add the document attributes and values of ``records`` the schema lacks; return
        them as ``"name=value"``."""
        schema, added = extend_document_attributes(self.schema, records)
        if added:
            self.set_schema(schema)
        return added

    @contextlib.contextmanager
    def bulk(self) -> Iterator[None]:
        """One write transaction for many ``import_record`` calls (a batch of imported files).

        The search index is filled at the end, for the documents still there (a
        file whose savepoint rolled back left none), their texts read back a
        batch at a time. FTS5 writes its pending index out at every savepoint,
        and every file and record of an import is one: indexing each document as
        it came tripled the index's cost (bench/README.md). Only ids wait here,
        so a 100,000-document file is not held in memory. Nested calls join the
        outer one.
        """
        if self._unindexed is not None:
            yield
            return
        self._unindexed = []
        try:
            with write_transaction(self.db):
                yield
                for at in range(0, len(self._unindexed), INDEX_BATCH):
                    stored = self.db.conn.execute(
                        "SELECT id, text FROM documents "
                        "WHERE id IN (SELECT value FROM json_each(?))",
                        [json.dumps(self._unindexed[at : at + INDEX_BATCH])],
                    )
                    search_index.index_documents(self.db, stored.fetchall())
        finally:
            self._unindexed = None

    # -- documents -----------------------------------------------------------

    def find_by_text(self, text: str) -> int | None:
        return self._find_by_digest(sha256(text))

    def _find_by_digest(self, digest: str) -> int | None:
        row = self.db.execute("SELECT id FROM documents WHERE sha256 = ?", [digest]).fetchone()
        return row[0] if row else None

    def add_document(self, document: Document) -> int:
        """Store a document; ``StoreError`` if the same text is already there."""
        return self.import_record(AnnotatedDocument(document))

    def import_record(self, record: AnnotatedDocument) -> int:
        """Store a document with its spans and relations in one transaction.

        Span ids of the record are its own; relations refer to them and are
        mapped to the new ids. Entities the spans link to are found in the
        registry (same id and name, else same name or alias and kind) or
        added to it. Raises ``StoreError`` for a text already in the project,
        ``SchemaError`` for what the schema does not allow (``core.schema_rules``,
        the rules the window keeps too) and ``SpanError`` for a bad span.
        """
        doc = record.document
        check_document_text(doc.text)
        check_record(self.schema, record)
        digest = sha256(doc.text)
        with write_transaction(self.db):
            existing = self._find_by_digest(digest)
            if existing is not None:
                raise DuplicateDocumentError(existing)
            meta = dict(doc.meta)
            doc_id = self._insert(
                "documents",
                {
                    "title": str(meta.get("title") or doc.title),
                    "text": doc.text,
                    "sha256": digest,
                    "uid": document_uid(doc.text),
                    "external_id": doc.external_id,
                    "status": str(doc.status),
                    "meta": to_json(meta),
                    "raw": doc.raw,
                },
            )
            self.doc_attrs.insert(doc_id, doc_attrs(self.schema, record.doc_attrs))
            if self._unindexed is None:
                search_index.index_documents(self.db, [(doc_id, doc.text)])
            else:
                self._unindexed.append(doc_id)  # indexed at the end of bulk()
            new_ids: dict[int | None, int] = {}
            entity_ids: dict[int, int] = {}
            for span in record.spans:
                check_span(doc.text, span.start, span.end, span.text)
                if span.entity_id is not None:
                    if span.entity_id not in entity_ids:
                        entity_ids[span.entity_id] = self._resolve_entity(
                            record.entities.get(span.entity_id)
                            or Entity(f"#{span.entity_id}", span.label, id=span.entity_id)
                        )
                    span = replace(span, entity_id=entity_ids[span.entity_id])
                new_ids[span.id] = self._insert_span(doc_id, span)
            for relation in record.relations:
                self._insert_relation(
                    doc_id, relation, new_ids[relation.head], new_ids[relation.tail]
                )
        return doc_id

    def _resolve_entity(self, entity: Entity) -> int:
        if entity.id is not None:
            row = self.db.execute("SELECT name FROM entities WHERE id = ?", [entity.id]).fetchone()
            if row and row[0] == entity.name:
                return entity.id
        found = self.entities.find(entity.name, entity.kind)
        added = found or self.entities.add(replace(entity, id=None))
        assert added.id is not None
        return added.id

    def document(self, doc_id: int, *, with_raw: bool = False) -> Document:
        row = next(self._rows("SELECT * FROM documents WHERE id = ?", [doc_id]), None)
        if row is None:
            raise StoreError(f"no document with id {doc_id}")
        return document_from_row(row, with_raw=with_raw)

    def documents(
        self,
        status: Status | None = None,
        *,
        external_id: str | None = None,
        uid: str | None = None,
        doc_attrs: Iterable[tuple[str, str]] = (),
    ) -> list[DocumentSummary]:
        """All documents (or those with this status, external id, uid) in id order.

        ``uid`` may be the first digits of one (as a person copies it), which
        may match several. One query, answered from indexes: the list reads
        ``documents_listed``, a uid prefix a range of ``documents_by_uid``.
        ``doc_attrs``: only documents with every one of these ``(attribute, value)``.
        """
        sql = (
            "SELECT d.id, d.title, d.status, "
            "(SELECT count(*) FROM spans s WHERE s.doc_id = d.id), d.uid, d.external_id "
            "FROM documents d"
        )
        where: list[str] = []
        params: list[Any] = []
        for column, value in (("status", status), ("external_id", external_id)):
            if value is not None:
                where.append(f"d.{column} = ?")
                params.append(str(value))
        if uid is not None:
            # Uids are lower-case hex: every uid starting with the prefix sorts below prefix + "g".
            where.append("d.uid >= ? AND d.uid < ?")
            params += [uid.lower(), uid.lower() + "g"]
        attr_where, attr_params = filter_sql(doc_attrs)
        where += attr_where
        params += attr_params
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.id"
        return [
            DocumentSummary(
                id=r[0],
                title=r[1],
                status=_STATUS[r[2]],
                span_count=r[3],
                uid=r[4],
                external_id=r[5],
            )
            for r in self.db.execute(sql, params)
        ]

    def find_by_uid(self, uid: str) -> int | None:
        """The id of the document with this uid here (how merges find a document)."""
        row = self.db.execute("SELECT id FROM documents WHERE uid = ?", [uid]).fetchone()
        return row[0] if row else None

    def set_status(self, doc_id: int, status: Status) -> None:
        with write_transaction(self.db):
            self._touch(doc_id, status=str(Status(status)))

    def set_text(self, doc_id: int, text: str) -> None:
        """Change a document's text: only while it has no annotations."""
        with write_transaction(self.db):
            if self.db.execute("SELECT 1 FROM spans WHERE doc_id = ? LIMIT 1", [doc_id]).fetchone():
                raise ImmutableTextError(
                    f"document {doc_id} has annotations: its text can no longer change"
                )
            check_document_text(text)
            existing = self.find_by_text(text)
            if existing is not None and existing != doc_id:  # one document per uid
                raise DuplicateDocumentError(existing)
            search_index.unindex(self.db, doc_id, self.document(doc_id).text)
            self._touch(doc_id, text=text, sha256=sha256(text), uid=document_uid(text))
            search_index.index_documents(self.db, [(doc_id, text)])

    def _touch(self, doc_id: int, **values: Any) -> None:
        sets = "".join(f"{k} = :{k}, " for k in values)
        cur = self.db.execute(
            f"UPDATE documents SET {sets}updated_at = {_NOW} WHERE id = :id",
            {**values, "id": doc_id},
        )
        if cur.rowcount == 0:
            raise StoreError(f"no document with id {doc_id}")

    # -- spans and relations -------------------------------------------------

    def _insert_span(self, doc_id: int, span: Span) -> int:
        return self._insert("spans", span_row(doc_id, span))

    def _insert_relation(self, doc_id: int, relation: Relation, head: int, tail: int) -> int:
        return self._insert("relations", relation_row(doc_id, relation, head, tail))

    def _insert(self, table: str, row: Mapping[str, Any]) -> int:
        return self.db.insert(table, row)

    def add_span(
        self,
        doc_id: int,
        start: int,
        end: int,
        label: str,
        *,
        attrs: Mapping[str, Any] | None = None,
        annotator: str | None = None,
    ) -> Span:
        """Store a new span over ``text[start:end]`` of the document; return it with its id.

        A ``todo`` document becomes ``in_progress`` in the same transaction.
        """
        check_attrs(self._require_label(label, LabelKind.SPAN), attrs or {})
        with write_transaction(self.db):
            text = self.document(doc_id).text
            covered = check_span(text, start, end)
            span = Span(
                start, end, label, covered, doc_id=doc_id, attrs=attrs or {}, annotator=annotator
            )
            span_id = self._insert_span(doc_id, span)
            self._touch(doc_id)
            # The first annotation starts the work on a document: same transaction.
            self.db.execute(
                "UPDATE documents SET status = 'in_progress' WHERE id = ? AND status = 'todo'",
                [doc_id],
            )
        return Span(start, end, label, covered, span_id, doc_id, dict(attrs or {}), annotator)

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
                f'UPDATE spans SET start = ?, "end" = ?, text = ?, label = ?, updated_at = {_NOW} '
                "WHERE id = ?",
                [start, end, text, label, span_id],
            )
            self._touch(old.doc_id)  # type: ignore[arg-type]
        return Span(start, end, label, text, span_id, old.doc_id, old.attrs, old.annotator)

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
        assert span.id is not None and span.doc_id is not None
        with write_transaction(self.db):
            self._insert("spans", {"id": span.id, **span_row(span.doc_id, span)})
            for rel in relations:
                row = relation_row(span.doc_id, rel, rel.head, rel.tail)
                self._insert("relations", {"id": rel.id, **row})
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
            relation = Relation(
                label, head, tail, doc_id=doc_id, attrs=attrs or {}, annotator=annotator
            )
            rel_id = self._insert_relation(doc_id, relation, head, tail)
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
        assert relation.doc_id is not None
        with write_transaction(self.db):
            row = relation_row(relation.doc_id, relation, relation.head, relation.tail)
            self._insert("relations", {"id": relation.id, **row})

    def set_span_attrs(self, span_id: int, attrs: Mapping[str, Any]) -> Span:
        """Replace a span's attributes (checked against its label's definitions)."""
        with write_transaction(self.db):
            span = self.span(span_id)
            check_attrs(self._require_label(span.label, LabelKind.SPAN), attrs)
            self.db.execute(
                f"UPDATE spans SET attrs = ?, updated_at = {_NOW} WHERE id = ?",
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
            self.db.execute(
                f"UPDATE spans SET entity_id = ?, updated_at = {_NOW} WHERE id = ?",
                [entity_id, span_id],
            )
        return replace(span, entity_id=entity_id)

    # -- reading in bulk -----------------------------------------------------

    def stats(self) -> Stats:
        by_status = {str(s): 0 for s in Status}
        by_status.update(
            dict(self.db.execute("SELECT status, count(*) FROM documents GROUP BY status"))
        )
        spans = {lb.name: 0 for lb in self.schema.span_labels}
        spans.update(dict(self.db.execute("SELECT label, count(*) FROM spans GROUP BY label")))
        relations = {lb.name: 0 for lb in self.schema.relation_labels}
        relations.update(
            dict(self.db.execute("SELECT label, count(*) FROM relations GROUP BY label"))
        )
        return Stats(sum(by_status.values()), by_status, spans, relations)

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: every query inside sees the same project.

        Another process may write meanwhile; an export still reads one
        consistent state. Inside a transaction already, that one is the snapshot.
        """
        conn = self.db.conn
        own = not conn.in_transaction
        if own:
            conn.execute("BEGIN")
        try:
            yield conn
        finally:
            if own and conn.in_transaction:
                conn.execute("COMMIT")

    def iter_records(
        self,
        *,
        statuses: Iterable[Status] = (),
        labels: Iterable[str] = (),
        annotator: str | None = None,
    ) -> Iterator[AnnotatedDocument]:
        """Stream every document with its spans and relations, in id order.

        Three ordered cursors merged in step inside one snapshot, so memory
        stays flat however large the project. Spans and relations come in
        creation (id) order, which an import preserves, so export -> import ->
        export gives the same file. ``labels``/``annotator`` keep only
        matching spans; a relation is kept only when both its spans are.
        """
        selection = Selection.of(statuses, labels, annotator)
        with self.snapshot():
            yield from self._iter_records(selection)

    def _iter_records(self, selection: Selection) -> Iterator[AnnotatedDocument]:
        where, params = selection.documents()
        # Not the raw page: it is as large as the text and no export carries it.
        docs = self._rows(
            f"SELECT id, text, status, meta, uid, external_id FROM documents {where} ORDER BY id",
            params,
        )
        span_where, span_params = selection.spans()
        spans = self._rows(f"SELECT * FROM spans {span_where} ORDER BY doc_id, id", span_params)
        relations = self._rows("SELECT * FROM relations ORDER BY doc_id, id")
        span_rows = RowsByDocument(spans)
        relation_rows = RowsByDocument(relations)
        attr_rows = RowsByDocument(
            self.db.conn.execute("SELECT doc_id, name, value FROM doc_attrs ORDER BY doc_id"),
            itemgetter(0),
        )
        canonical = Canonical(self.schema)
        entities = {s.entity.id: s.entity for s in self.entities.all() if s.entity.id is not None}
        for row in docs:
            doc_spans = [span_from_row(r) for r in span_rows.take(row["id"])]
            kept = {s.id for s in doc_spans}
            doc_relations = [
                relation_from_row(r)
                for r in relation_rows.take(row["id"])
                if r["head"] in kept and r["tail"] in kept
            ]
            linked = {
                s.entity_id: entities[s.entity_id] for s in doc_spans if s.entity_id in entities
            }
            yield AnnotatedDocument(
                document_from_row(row),
                tuple(doc_spans),
                tuple(doc_relations),
                linked,
                canonical(r[1:] for r in values) if (values := attr_rows.take(row["id"])) else {},
            )


@dataclass(frozen=True, slots=True)
class Selection:
    """What an export takes: documents by status, spans by label and annotator.

    The one place that turns export filters into SQL, for every reader of the
    store that streams a selection (``iter_records``, ``storage.native``).
    A relation belongs to the selection only when both its spans do.
    """

    statuses: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    annotator: str | None = None

    @classmethod
    def of(
        cls,
        statuses: Iterable[Status] = (),
        labels: Iterable[str] = (),
        annotator: str | None = None,
    ) -> Selection:
        return cls(tuple(str(Status(s)) for s in statuses), tuple(labels), annotator)

    def documents(self) -> tuple[str, list[Any]]:
        """``WHERE`` clause (or "") and parameters over ``documents``.

        With an annotator, only the documents that annotator worked on (spans there, or a
        layer past ``todo``: "read it, nothing to mark"; the rule of
        ``team_layers.annotated``): exporting one analyst's layer, or ``gold``, must not pass
        the documents nobody looked at off as documents with nothing in them.
        """
        clauses: list[str] = []
        params: list[Any] = []
        if self.statuses:
            clauses.append(f"status IN ({', '.join('?' * len(self.statuses))})")
            params += self.statuses
        if self.annotator is not None:
            clauses.append(
                "id IN (SELECT doc_id FROM spans WHERE annotator = ? UNION "
                "SELECT doc_id FROM layers WHERE annotator = ? AND status != 'todo')"
            )
            params += [self.annotator, self.annotator]
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    def spans(self) -> tuple[str, list[Any]]:
        """``WHERE`` clause (or "") and parameters over ``spans``."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.labels:
            clauses.append(f"label IN ({', '.join('?' * len(self.labels))})")
            params += self.labels
        if self.annotator is not None:
            clauses.append("annotator = ?")
            params.append(self.annotator)
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params

    @property
    def filters_spans(self) -> bool:
        return bool(self.labels) or self.annotator is not None


class DuplicateDocumentError(StoreError):
    """The same text (same sha256) is already in the project."""

    def __init__(self, existing_id: int) -> None:
        super().__init__(f"the same text is already in the project as document {existing_id}")
        self.existing_id = existing_id


class RowsByDocument:
    """Rows ordered by document id, handed out one document at a time.

    How every reader streaming a selection merges its spans and relations
    with its documents (``iter_records``, ``storage.native``).
    """

    def __init__(
        self, rows: Iterator[Any], doc_id: Callable[[Any], int] = itemgetter("doc_id")
    ) -> None:
        self._rows = rows
        self._doc_id = doc_id
        self._next: Any = next(rows, None)

    def take(self, doc_id: int) -> list[Any]:
        out = []
        while self._next is not None and self._doc_id(self._next) <= doc_id:
            if self._doc_id(self._next) == doc_id:
                out.append(self._next)
            self._next = next(self._rows, None)
        return out
