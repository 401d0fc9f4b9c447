"""Merging analysts' work into a team project, each analyst's layer kept under their name.

Per file, in one transaction (a bad file rolls back alone, the others come in):

* the file's schema must fit the team project's (``schema_differences``);
* registry entities are matched by Wikidata id, then by normalised name and
  kind; two entities of one name and kind with different Wikidata ids are a
  conflict, listed, and kept apart;
* documents are matched by ``uid``; one the team project lacks is added;
* each layer (one analyst, one document) is compared with what the last merge
  stored (``layers``): the same fingerprint changes nothing, so merging a
  file again is a no-op; a different one replaces the stored layer whole
  (deletions included) unless the stored state is newer than the file's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.core.arabic import match_key
from annotator.core.errors import AnnotatorError, InputError
from annotator.core.layers import GOLD, LayerState
from annotator.core.models import AnnotatedDocument, Document, Entity, Label
from annotator.core.schema import Schema
from annotator.storage.database import write_transaction
from annotator.storage.project import Project
from annotator.storage.rows import to_json
from annotator.storage.team_source import Source, read_source


@dataclass
class MergeOutcome:
    """What one file brought; ``error`` set when it brought nothing."""

    path: Path
    owner: str = ""
    documents_added: int = 0
    layers_new: int = 0
    layers_replaced: int = 0
    layers_unchanged: int = 0
    layers_older: int = 0
    entities_added: int = 0
    conflicts: list[str] = field(default_factory=list)
    error: str | None = None

    def summary(self) -> str:
        parts = [
            f"{self.layers_new} new",
            f"{self.layers_replaced} updated",
            f"{self.layers_unchanged} unchanged",
        ]
        if self.layers_older:
            parts.append(f"{self.layers_older} older than the merged state, kept")
        extra = f", {self.documents_added} documents added" if self.documents_added else ""
        entities = f", {self.entities_added} entities added" if self.entities_added else ""
        return f"{self.path} ({self.owner}): layers {', '.join(parts)}{extra}{entities}"


def _label_rule(label: Label) -> str:
    attrs = "; ".join(
        f"{a.name}={a.type}:{'/'.join(a.values())}" for a in sorted(label.attributes, key=str)
    )
    ends = f" {'/'.join(label.head) or 'any'} → {'/'.join(label.tail) or 'any'}"
    return (ends if label.kind == "relation" else "") + (f" [{attrs}]" if attrs else "")


def schema_differences(
    team: Schema, theirs: Schema | None, used: tuple[set[str], set[str]]
) -> list[str]:
    """Why the file's labels do not fit the team project (empty: they do).

    A project file's whole schema must be a subset of the team's, with the
    same relation ends and attribute definitions; a JSONL export only needs
    the labels it uses. Colours, hotkeys and order may differ.
    """
    problems: list[str] = []
    mine = {(lb.kind, lb.name): lb for lb in team.labels}
    if theirs is None:
        for kind, names in zip(("span", "relation"), used, strict=True):
            problems += [
                f"{kind} label {n} is not in the team project"
                for n in sorted(names)
                if (kind, n) not in mine
            ]
        return problems
    for label in theirs.labels:
        ours = mine.get((label.kind, label.name))
        if ours is None:
            problems.append(f"{label.kind} label {label.name} is not in the team project")
        elif _label_rule(ours) != _label_rule(label):
            problems.append(
                f"{label.kind} label {label.name}:{_label_rule(label) or ' no attributes'} here, "
                f"{_label_rule(ours).strip() or 'no attributes'} in the team project"
            )
    return problems


class TeamMerge:
    """Merges files into one team project, each file in its own transaction."""

    def __init__(self, project: Project) -> None:
        self.project = project
        # Both read inside each file's transaction: a window may change the project meanwhile.
        self._docs: dict[str, int] = {}
        self._next_span = 0

    def merge_paths(self, paths: Iterable[Path]) -> list[MergeOutcome]:
        return [self.merge_file(Path(p)) for p in paths]

    def merge_file(self, path: Path) -> MergeOutcome:
        """Merge one file; never raises for bad input (the error is in the outcome)."""
        outcome = MergeOutcome(path)
        try:
            if self.project.path is not None and _same_file(path, self.project.path):
                raise InputError("is the team project itself", path)
            source = read_source(path)
            outcome.owner = source.owner
            problems = schema_differences(self.project.schema, source.schema, source.labels_used())
            if problems:
                raise InputError(
                    "schema differs from the team project: " + "; ".join(problems), path
                )
            try:
                with write_transaction(self.project.db):
                    self._merge(source, outcome)
            except sqlite3.DatabaseError as exc:  # a row the team project's rules refuse
                raise InputError(f"not merged: {exc}", path) from None
        except AnnotatorError as exc:
            message = str(exc)
            if not message.startswith(str(path)):
                message = f"{path}: {message}"
            return MergeOutcome(path, outcome.owner, error=message)
        return outcome

    # -- inside the file's transaction ----------------------------------------

    def _merge(self, source: Source, outcome: MergeOutcome) -> None:
        entity_ids = self._merge_entities(source.entities.values(), outcome)
        conn = self.project.db.conn
        # Read inside the write transaction: a window editing the team project meanwhile
        # cannot take the ids this file's spans are given.
        self._next_span = (conn.execute("SELECT max(id) FROM spans").fetchone()[0] or 0) + 1
        self._docs = {uid: i for i, uid in conn.execute("SELECT id, uid FROM documents")}
        stored = {
            (doc_id, name): (fp, edited)
            for doc_id, name, fp, edited in conn.execute(
                "SELECT doc_id, annotator, fingerprint, edited_at FROM layers"
            )
        }
        # Layers with rows here: only those have anything to delete before they are replaced.
        present = set(
            conn.execute("SELECT DISTINCT doc_id, annotator FROM spans WHERE annotator IS NOT NULL")
        )
        batch = _Batch(str(source.path))
        seen: set[str] = set()
        for doc in source.documents:
            if doc.uid in seen:
                raise InputError(f"holds document {doc.uid} twice; merge nothing from it")
            seen.add(doc.uid)
            doc_id = self._docs.get(doc.uid)
            if doc_id is None:
                doc_id = self.project.import_record(
                    AnnotatedDocument(
                        Document(doc.text, meta=doc.meta, external_id=doc.external_id)
                    )
                )
                self._docs[doc.uid] = doc_id
                outcome.documents_added += 1
            for layer in doc.layers:
                if layer.annotator == GOLD:
                    continue  # gold is made in the team project, never merged into it
                fp = layer.fingerprint(source.entities)
                before = stored.get((doc_id, layer.annotator))
                if before is not None and before[0] == fp:
                    outcome.layers_unchanged += 1
                    continue
                if before is not None and before[1] > layer.edited_at:
                    outcome.layers_older += 1
                    continue
                if (doc_id, layer.annotator) in present:
                    batch.deletes.append((doc_id, layer.annotator))
                self._next_span = batch.add(doc_id, layer, fp, entity_ids, self._next_span)
                if before is None:
                    outcome.layers_new += 1
                else:
                    outcome.layers_replaced += 1
        batch.write(conn)

    def _merge_entities(self, entities: Iterable[Entity], outcome: MergeOutcome) -> dict[int, int]:
        """Source entity id -> team entity id, adding what the team registry lacks."""
        registry = self.project.entities
        by_wikidata: dict[str, Entity] = {}
        by_name: dict[tuple[str, str], list[Entity]] = {}
        for summary in registry.all():
            _index(summary.entity, by_wikidata, by_name)
        mapping: dict[int, int] = {}
        for entity in entities:
            found = by_wikidata.get(entity.wikidata) if entity.wikidata else None
            if found is not None and found.kind != entity.kind:
                outcome.conflicts.append(
                    f"{entity.wikidata}: {entity.kind} {entity.name!r} here, "
                    f"{found.kind} {found.name!r} in the team registry"
                )
            if found is None:
                for candidate in _named(entity, by_name):
                    if entity.wikidata and candidate.wikidata not in (None, entity.wikidata):
                        outcome.conflicts.append(
                            f"{entity.kind} {entity.name!r}: {entity.wikidata} here, "
                            f"{candidate.wikidata} in the team registry; kept apart"
                        )
                        continue
                    found = candidate
                    break
            if found is None:
                found = registry.add(replace(entity, id=None))
                outcome.entities_added += 1
                _index(found, by_wikidata, by_name)
            elif (entity.wikidata and not found.wikidata) or (
                entity.geonames and not found.geonames
            ):
                found = replace(
                    found,
                    wikidata=found.wikidata or entity.wikidata,
                    geonames=found.geonames or entity.geonames,
                )
                registry.update(found)
                _index(found, by_wikidata, by_name)
            assert entity.id is not None and found.id is not None
            mapping[entity.id] = found.id
        return mapping


class _Batch:
    """Every layer a file replaces, written with one statement per table (200,000 spans)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.deletes: list[tuple[int, str]] = []
        self.spans: list[tuple[Any, ...]] = []
        self.relations: list[tuple[Any, ...]] = []
        self.layers: list[tuple[Any, ...]] = []

    def add(
        self, doc_id: int, layer: LayerState, fp: str, entity_ids: Mapping[int, int], next_id: int
    ) -> int:
        """Queue one layer with span ids from ``next_id``; returns the next free id."""
        ids: dict[int, int] = {}
        name = layer.annotator
        for span in layer.spans:
            ids[span.id] = next_id
            entity = entity_ids.get(span.entity_id) if span.entity_id is not None else None
            attrs = to_json(dict(span.attrs)) if span.attrs else "{}"
            self.spans.append(
                (next_id, doc_id, span.start, span.end, span.label, span.text, attrs, name, entity)
            )
            next_id += 1
        self.relations += [
            (doc_id, ids[r.head], ids[r.tail], r.label, to_json(dict(r.attrs)), name)
            for r in layer.relations
            if r.head in ids and r.tail in ids
        ]
        self.layers.append((doc_id, name, layer.status, self.source, layer.edited_at, fp))
        return next_id

    def write(self, conn: sqlite3.Connection) -> None:
        conn.executemany("DELETE FROM relations WHERE doc_id = ? AND annotator = ?", self.deletes)
        conn.executemany("DELETE FROM spans WHERE doc_id = ? AND annotator = ?", self.deletes)
        conn.executemany(
            'INSERT INTO spans (id, doc_id, start, "end", label, text, attrs, annotator, entity_id)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.spans,
        )
        conn.executemany(
            "INSERT INTO relations (doc_id, head, tail, label, attrs, annotator) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            self.relations,
        )
        conn.executemany(
            "INSERT INTO layers (doc_id, annotator, status, source, edited_at, fingerprint) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id, annotator) DO UPDATE SET "
            "status = excluded.status, source = excluded.source, edited_at = excluded.edited_at, "
            "fingerprint = excluded.fingerprint, "
            "merged_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            self.layers,
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _keys(entity: Entity) -> Sequence[tuple[str, str]]:
    return [(match_key(n), entity.kind) for n in (entity.name, *entity.aliases)]


def _index(
    entity: Entity, by_wikidata: dict[str, Entity], by_name: dict[tuple[str, str], list[Entity]]
) -> None:
    if entity.wikidata:
        by_wikidata[entity.wikidata] = entity
    for key in _keys(entity):
        items = by_name.setdefault(key, [])
        items[:] = [e for e in items if e.id != entity.id] + [entity]


def _named(entity: Entity, by_name: Mapping[tuple[str, str], list[Entity]]) -> list[Entity]:
    seen: dict[int | None, Entity] = {}
    for key in _keys(entity):
        for candidate in by_name.get(key, ()):
            seen.setdefault(candidate.id, candidate)
    return list(seen.values())
