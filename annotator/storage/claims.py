"""Who said what: each claim with its sources (and their stance) and its cues.

The first thing an analyst asks of a finished corpus; read by ``annotator
claims`` and usable from any script.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from annotator.core.models import Entity, Span
from annotator.storage.project import Project

CLAIM, SOURCE, CUE = "CLAIM", "SOURCE", "CUE"


@dataclass(frozen=True, slots=True)
class Source:
    span: Span
    entity: Entity | None
    stance: str | None


@dataclass(frozen=True, slots=True)
class Claim:
    doc_id: int
    span: Span
    sources: list[Source] = field(default_factory=list)
    cues: list[Span] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "doc": self.doc_id,
            "claim": {
                "id": self.span.id,
                "start": self.span.start,
                "end": self.span.end,
                "text": self.span.text,
                "attrs": dict(self.span.attrs),
            },
            "sources": [
                {
                    "text": s.span.text,
                    "entity": s.entity.name if s.entity else None,
                    "stance": s.stance,
                }
                for s in self.sources
            ],
            "cues": [{"text": c.text} for c in self.cues],
        }


def claims(project: Project, doc_id: int | None = None) -> list[Claim]:
    """Claims in document and reading order, with SOURCE and CUE links followed."""
    doc_ids = [doc_id] if doc_id is not None else [d.id for d in project.documents()]
    entities = {s.entity.id: s.entity for s in project.entities.all()}
    out: list[Claim] = []
    for current in doc_ids:
        spans = {s.id: s for s in project.spans(current)}
        links: dict[int, list[tuple[str, Span, dict[str, Any]]]] = defaultdict(list)
        for relation in project.relations(current):
            if relation.tail in spans:
                links[relation.head].append(
                    (relation.label, spans[relation.tail], dict(relation.attrs))
                )
        for span in spans.values():
            if span.label != CLAIM:
                continue
            claim = Claim(current, span)
            for label, target, attrs in links[span.id]:
                if label == SOURCE:
                    entity = entities.get(target.entity_id) if target.entity_id else None
                    claim.sources.append(Source(target, entity, attrs.get("stance")))
                elif label == CUE:
                    claim.cues.append(target)
            out.append(claim)
    return out
