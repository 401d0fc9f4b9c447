"""The project store: one SQLite file, its documents, annotations and records.

``Project`` is the one object callers hold. It is assembled from parts that
each hold one kind of thing: ``storage.documents`` (documents, what an import
stores), ``storage.annotations`` (spans, relations, attributes, entity links)
and ``storage.records`` (counts, snapshots, streamed export records), on the
connection and schema of ``storage.project_base``. Here: opening, closing and
the transactions that span the parts (``bulk``).

Every public method that writes is one transaction (``write_transaction``),
committed before it returns: an edit the user saw is on disk. Rows are turned
into the frozen dataclasses of ``annotator.core.models`` in ``storage.rows``
and nowhere else.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.core.models import AnnotatedDocument, Label
from annotator.core.schema_rules import extend_document_attributes, extend_schema
from annotator.storage import search_index
from annotator.storage.annotations import Annotations
from annotator.storage.database import connect, write_transaction
from annotator.storage.documents import DocumentSummary, DuplicateDocumentError
from annotator.storage.records import Records, RowsByDocument, Selection, Stats

__all__ = [
    "DocumentSummary",
    "DuplicateDocumentError",
    "Project",
    "RowsByDocument",
    "Selection",
    "Stats",
]

INDEX_BATCH = 1000  # texts of a bulk import read back and indexed at a time


class Project(Annotations, Records):
    """One annotation project: one SQLite file."""

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

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
