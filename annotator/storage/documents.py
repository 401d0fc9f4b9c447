"""The documents of a project: storing them (with what an import brings), finding, listing.

Part of ``Project`` (``storage.project``). A document's text is fixed once it
carries annotations; one text is one document (its sha256 and uid).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from annotator.core.errors import ImmutableTextError, StoreError
from annotator.core.identity import document_uid
from annotator.core.models import AnnotatedDocument, Document, Entity, Status
from annotator.core.schema_rules import check_record, doc_attrs
from annotator.core.spans import check_span
from annotator.core.text import check_document_text, sha256
from annotator.storage import search_index
from annotator.storage.database import write_transaction
from annotator.storage.doc_attrs import filter_sql
from annotator.storage.project_base import ProjectBase
from annotator.storage.rows import document_from_row, span_row, to_json


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A row of the document list: enough to show it without loading its text."""

    id: int
    title: str
    status: Status
    span_count: int
    uid: str = ""
    external_id: str | None = None


class DuplicateDocumentError(StoreError):
    """The same text (same sha256) is already in the project."""

    def __init__(self, existing_id: int) -> None:
        super().__init__(f"the same text is already in the project as document {existing_id}")
        self.existing_id = existing_id


# Status by stored value: a dict lookup, not an enum call per row (10,000 rows at start-up).
_STATUS = {str(s): s for s in Status}


class Documents(ProjectBase):
    """Documents: one row each, with their text, status, metadata and search index entry."""

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
            new_ids: dict[int, int] = {}
            entity_ids: dict[int, int] = {}
            for span in record.spans:
                check_span(doc.text, span.start, span.end, span.text)
                # A row straight from the file's span (its id is the file's; the row gets
                # its own): no stored Span is needed here, and a file holds thousands.
                row = span_row(doc_id, span)
                if span.entity_id is not None:
                    if span.entity_id not in entity_ids:
                        entity_ids[span.entity_id] = self._resolve_entity(
                            record.entities.get(span.entity_id)
                            or Entity(f"#{span.entity_id}", span.label, id=span.entity_id)
                        )
                    row["entity_id"] = entity_ids[span.entity_id]
                new_ids[span.id] = self._insert("spans", row)
            for rel in record.relations:
                self._insert_relation(
                    doc_id,
                    rel.label,
                    new_ids[rel.head],
                    new_ids[rel.tail],
                    rel.attrs,
                    rel.annotator,
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
