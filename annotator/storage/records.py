"""Reading a project whole: counts, one consistent snapshot, every document as a record.

Part of ``Project`` (``storage.project``), with the ``Selection`` an export
takes and the merge of ordered cursors every streaming reader uses
(``iter_records`` here, ``storage.native``).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from annotator.core.models import AnnotatedDocument, Status
from annotator.storage.doc_attrs import Canonical
from annotator.storage.project_base import ProjectBase
from annotator.storage.rows import document_from_row, relation_from_row, span_from_row


@dataclass(frozen=True, slots=True)
class Stats:
    """What ``annotator stats`` prints: documents by status, spans and relations by label
    (every label of the schema, 0 where unused)."""

    documents: int
    by_status: Mapping[str, int]
    spans_by_label: Mapping[str, int]
    relations_by_label: Mapping[str, int]


class Records(ProjectBase):
    """Counts and streamed records of the whole project, read in one snapshot."""

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
