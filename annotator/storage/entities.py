"""The entity registry: canonical actors and places that mentions across documents link to.

Matching is loose on purpose (``annotator.core.arabic.match_key``): hamza and
alef forms, ta marbuta, diacritics, tatweel and leading clitics do not keep
"وأذربيجان" from finding "أذربيجان". Stored names are kept as typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from annotator.core.arabic import match_key
from annotator.core.errors import StoreError
from annotator.core.models import Entity, Span
from annotator.storage.connection import Database
from annotator.storage.database import write_transaction
from annotator.storage.rows import span_from_row

_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


@dataclass(frozen=True, slots=True)
class EntitySummary:
    entity: Entity
    mentions: int
    documents: int


@dataclass(frozen=True, slots=True)
class Merge:
    """What a merge changed, so it can be undone exactly."""

    kept: Entity  # as it was before the merge
    gone: Entity
    moved_spans: tuple[int, ...]


def _entity(row: dict[str, Any]) -> Entity:
    return Entity(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        type=row["type"],
        aliases=tuple(json.loads(row["aliases"])),
        wikidata=row["wikidata"],
        geonames=row["geonames"],
        notes=row["notes"],
    )


def _row(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "kind": entity.kind,
        "type": entity.type,
        "aliases": json.dumps(list(entity.aliases), ensure_ascii=False),
        "wikidata": entity.wikidata,
        "geonames": entity.geonames,
        "notes": entity.notes,
    }


def keys_of(entity: Entity) -> set[str]:
    return {match_key(n) for n in (entity.name, *entity.aliases)}


class EntityRegistry:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, entity_id: int) -> Entity:
        row = next(self.db.query("SELECT * FROM entities WHERE id = ?", [entity_id]), None)
        if row is None:
            raise StoreError(f"no entity with id {entity_id}")
        return _entity(row)

    def all(self, kind: str | None = None) -> list[EntitySummary]:
        """Every entity with its mention and document counts, by name."""
        where, params = ("WHERE e.kind = ?", [kind]) if kind else ("", [])
        rows = self.db.query(
            "SELECT e.*, count(s.id) AS mentions, count(DISTINCT s.doc_id) AS documents "
            f"FROM entities e LEFT JOIN spans s ON s.entity_id = e.id {where} "
            "GROUP BY e.id ORDER BY e.name",
            params,
        )
        return [EntitySummary(_entity(r), r["mentions"], r["documents"]) for r in rows]

    def add(self, entity: Entity) -> Entity:
        if not entity.name.strip():
            raise StoreError("an entity needs a name")
        with write_transaction(self.db):
            row = {"id": entity.id, **_row(entity)} if entity.id else _row(entity)
            entity_id = self.db.insert("entities", row)
        return replace(entity, id=entity_id)

    def update(self, entity: Entity) -> None:
        with write_transaction(self.db):
            self.db.execute(
                "UPDATE entities SET name = :name, kind = :kind, type = :type, "
                "aliases = :aliases, wikidata = :wikidata, geonames = :geonames, notes = :notes, "
                f"updated_at = {_NOW} WHERE id = :id",
                {**_row(entity), "id": entity.id},
            )

    def delete(self, entity_id: int) -> None:
        """Remove an entity; its mentions stay, unlinked (ON DELETE SET NULL)."""
        with write_transaction(self.db):
            self.db.execute("DELETE FROM entities WHERE id = ?", [entity_id])

    def candidates(self, text: str, kind: str | None = None, limit: int = 10) -> list[Entity]:
        """Entities whose name or an alias matches ``text`` loosely, best first.

        Same key first (any spelling of the same name), then keys that start
        with the typed text, then keys that contain it.
        """
        wanted = match_key(text)
        if not wanted:
            return []
        scored: list[tuple[int, str, Entity]] = []
        for summary in self.all(kind):
            keys = keys_of(summary.entity)
            if wanted in keys:
                rank = 0
            elif any(k.startswith(wanted) for k in keys):
                rank = 1
            elif any(wanted in k for k in keys):
                rank = 2
            else:
                continue
            scored.append((rank, summary.entity.name, summary.entity))
        return [entity for _, _, entity in sorted(scored, key=lambda t: t[:2])][:limit]

    def find(self, name: str, kind: str) -> Entity | None:
        """The entity this exact name (or alias) denotes, if the registry has it."""
        exact = [e for e in self.candidates(name, kind) if name in (e.name, *e.aliases)]
        return exact[0] if exact else None

    def mentions(self, entity_id: int) -> list[Span]:
        return [
            span_from_row(r)
            for r in self.db.query(
                'SELECT * FROM spans WHERE entity_id = ? ORDER BY doc_id, start, "end"', [entity_id]
            )
        ]

    def merge(self, keep_id: int, gone_id: int) -> Merge:
        """Fold ``gone`` into ``keep``: its mentions move, its names become aliases."""
        if keep_id == gone_id:
            raise StoreError("an entity cannot be merged into itself")
        with write_transaction(self.db):
            kept, gone = self.get(keep_id), self.get(gone_id)
            moved = tuple(
                r[0] for r in self.db.execute("SELECT id FROM spans WHERE entity_id = ?", [gone_id])
            )
            aliases = list(dict.fromkeys([*kept.aliases, gone.name, *gone.aliases]))
            aliases = [a for a in aliases if a != kept.name]
            self.update(
                replace(
                    kept,
                    aliases=tuple(aliases),
                    wikidata=kept.wikidata or gone.wikidata,
                    geonames=kept.geonames or gone.geonames,
                )
            )
            self.db.execute(
                "UPDATE spans SET entity_id = ? WHERE entity_id = ?", [keep_id, gone_id]
            )
            self.db.execute("DELETE FROM entities WHERE id = ?", [gone_id])
        return Merge(kept, gone, moved)

    def unmerge(self, merge: Merge) -> None:
        """Undo a merge: the gone entity back with its id, its mentions back to it."""
        with write_transaction(self.db):
            self.update(merge.kept)
            self.add(merge.gone)
            for span_id in merge.moved_spans:
                self.db.execute(
                    "UPDATE spans SET entity_id = ? WHERE id = ?", [merge.gone.id, span_id]
                )
