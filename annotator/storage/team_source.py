"""Reading an analyst's work for a merge: their project file or a native JSONL export.

A project file is opened read-only (``mode=ro``): merging never migrates,
backs up or otherwise touches an analyst's file, and it reads one snapshot
while the analyst may still be working in it. Everything is read and
checked before the team project is written to.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.identity import document_uid
from annotator.core.jsonl import read_records
from annotator.core.layers import LayerState, owner_from_path
from annotator.core.models import Entity, Relation, Span
from annotator.core.schema import Schema
from annotator.storage.connection import Database
from annotator.storage.database import APPLICATION_ID
from annotator.storage.migrations import LATEST_VERSION
from annotator.storage.rows import attrs_from_json
from annotator.storage.schema_store import read_schema

_SQLITE_HEADER = b"SQLite format 3\x00"
_FIRST_READABLE_VERSION = 3  # relation types, entity links: what a merge reads
# Most spans have no attributes: one shared, read-only empty mapping for all of them.
_NO_ATTRS: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class SourceDocument:
    uid: str
    text: str
    meta: dict[str, object]
    layers: tuple[LayerState, ...]
    external_id: str | None = None


@dataclass
class Source:
    """One file's worth of analysts' work, read completely."""

    path: Path
    owner: str
    schema: Schema | None  # None: a JSONL export, which carries no schema
    entities: dict[int, Entity] = field(default_factory=dict)
    documents: list[SourceDocument] = field(default_factory=list)

    def labels_used(self) -> tuple[set[str], set[str]]:
        """Span labels and relation types the file's layers use."""
        spans: set[str] = set()
        relations: set[str] = set()
        for doc in self.documents:
            for layer in doc.layers:
                spans.update(s.label for s in layer.spans)
                relations.update(r.label for r in layer.relations)
        return spans, relations


def read_source(path: Path) -> Source:
    """The work in ``path``; ``InputError`` naming the file for anything unreadable."""
    try:
        with path.open("rb") as f:
            header = f.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    try:
        if header == _SQLITE_HEADER:
            return _read_project(path)
        return _read_jsonl(path)
    except InputError as exc:
        raise exc.located(path) from None
    except (AnnotatorError, sqlite3.DatabaseError) as exc:
        raise InputError(str(exc), path) from None


def _read_jsonl(path: Path) -> Source:
    owner = owner_from_path(path)
    # the file's time, written the way SQLite writes a project's (milliseconds, Z): comparable
    when = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    edited = when.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    source = Source(path, owner, None)
    try:
        with path.open(encoding="utf-8-sig") as stream:
            for _, record in read_records(stream):
                by_layer: dict[str, tuple[list[Span], list[Relation]]] = defaultdict(
                    lambda: ([], [])
                )
                by_layer[owner]  # the owner's layer exists even when it is empty
                for span in record.spans:
                    by_layer[span.annotator or owner][0].append(span)
                for rel in record.relations:
                    by_layer[rel.annotator or owner][1].append(rel)
                # JSONL entity ids are the record's own: keep them apart per record
                for entity_id, entity in record.entities.items():
                    source.entities.setdefault(entity_id, entity)
                status = str(record.document.status)
                layers = tuple(
                    LayerState(name, status, edited, tuple(spans), tuple(rels))
                    for name, (spans, rels) in sorted(by_layer.items())
                )
                text = record.document.text
                source.documents.append(
                    SourceDocument(
                        document_uid(text), text, dict(record.document.meta), layers,
                        record.document.external_id,
                    )
                )  # fmt: skip
    except UnicodeDecodeError:
        raise InputError(
            "not UTF-8 text (expected a project file or a native .jsonl export)"
        ) from None
    return source


def _connect_read_only(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.OperationalError:
        # A WAL file in a folder we may not write to (a read-only share) cannot get its
        # shared-memory file: read it as it is on disk, as nobody can be writing to it there.
        conn.close()
        conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        conn.close()
        raise InputError("not an annotator project")
    if not _FIRST_READABLE_VERSION <= version <= LATEST_VERSION:
        conn.close()
        newer = "newer" if version > LATEST_VERSION else "older"
        raise InputError(f"project schema version {version} is {newer} than this merge reads")
    return conn


def _read_project(path: Path) -> Source:
    conn = _connect_read_only(path)
    try:
        conn.execute("BEGIN")  # one snapshot, though the analyst may be working in it
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        row = None
        if "team_info" in tables:
            row = conn.execute("SELECT value FROM team_info WHERE key = 'analyst'").fetchone()
        owner = row[0] if row else owner_from_path(path)
        source = Source(path, owner, read_schema(Database(conn)))
        conn.row_factory = sqlite3.Row
        for r in conn.execute("SELECT * FROM entities"):
            source.entities[r["id"]] = Entity(
                r["name"], r["kind"], r["id"], r["type"], tuple(json.loads(r["aliases"])),
                r["wikidata"], r["geonames"], r["notes"],
            )  # fmt: skip
        spans: dict[int, list[Span]] = defaultdict(list)
        edited: dict[int, str] = {}
        span_rows = conn.execute(
            'SELECT id, doc_id, start, "end", label, text, attrs, annotator, entity_id, '
            "updated_at FROM spans ORDER BY doc_id, id"
        )
        span_rows.row_factory = None  # plain tuples: a file holds tens of thousands of spans
        for span_id, doc_id, start, end, label, text, attrs, name, entity, when in span_rows:
            spans[doc_id].append(
                Span(start, end, label, text, span_id, doc_id,
                     _NO_ATTRS if attrs == "{}" else attrs_from_json(attrs), name,
                     entity)
            )  # fmt: skip
            if when > edited.get(doc_id, ""):
                edited[doc_id] = when
        relations: dict[int, list[Relation]] = defaultdict(list)
        for r in conn.execute("SELECT * FROM relations ORDER BY doc_id, id"):
            relations[r["doc_id"]].append(
                Relation(r["label"], r["head"], r["tail"], r["id"], r["doc_id"],
                         attrs_from_json(r["attrs"]), r["annotator"])
            )  # fmt: skip
            edited[r["doc_id"]] = max(edited.get(r["doc_id"], ""), r["created_at"])
        columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
        external = "external_id" if "external_id" in columns else "NULL AS external_id"
        for r in conn.execute(
            f"SELECT id, text, status, meta, updated_at, {external} FROM documents"
        ):
            doc_id = r["id"]
            when = max(edited.get(doc_id, ""), r["updated_at"])
            by_layer: dict[str, tuple[list[Span], list[Relation]]] = {owner: ([], [])}
            for span in spans.get(doc_id, ()):
                by_layer.setdefault(span.annotator or owner, ([], []))[0].append(span)
            for rel in relations.get(doc_id, ()):
                by_layer.setdefault(rel.annotator or owner, ([], []))[1].append(rel)
            layers = tuple(
                LayerState(name, r["status"], when, tuple(s), tuple(rels))
                for name, (s, rels) in sorted(by_layer.items())
            )
            source.documents.append(
                SourceDocument(
                    document_uid(r["text"]),
                    r["text"],
                    json.loads(r["meta"]),
                    layers,
                    r["external_id"],
                )
            )
        conn.execute("COMMIT")
    finally:
        conn.close()
    return source
