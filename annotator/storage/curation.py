"""Curation of one document: the analysts' disagreements, resolved into the ``gold`` layer.

What the window's Curate mode (and any other front end) steps through and
calls. ``disagreements`` groups the spans that not every analyst of the
document marked identically into stretches of overlapping spans; a curator
accepts one analyst's span(s), both, or none (``reject``) for each. Every
operation is one transaction and returns a ``Curation`` record of exactly
what it changed, which ``revert`` undoes: an undo stack needs nothing else.
Relations follow the spans: once both ends of an analyst's relation have an
identical span in gold, the relation is drawn there too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from annotator.core.layers import GOLD
from annotator.core.models import Relation, Span
from annotator.storage.database import write_transaction
from annotator.storage.project import Project
from annotator.storage.rows import relation_row

Key = tuple[int, int, str]


def _key(span: Span) -> Key:
    return (span.start, span.end, span.label)


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A stretch of text where the analysts' spans differ, with what gold holds there."""

    start: int
    end: int
    candidates: tuple[Span, ...]  # the analysts' spans, by start (each names its analyst)
    gold: tuple[Span, ...]

    @property
    def annotators(self) -> tuple[str, ...]:
        return tuple(sorted({s.annotator or "" for s in self.candidates}))


@dataclass
class Curation:
    """What one curation step changed: gold spans and relations added, gold spans removed."""

    added: list[int] = field(default_factory=list)
    removed: list[tuple[Span, list[Relation]]] = field(default_factory=list)
    relations: list[int] = field(default_factory=list)


def _layers(project: Project, doc_id: int) -> tuple[dict[str, list[Span]], list[Span]]:
    by_analyst: dict[str, list[Span]] = {}
    gold: list[Span] = []
    for span in project.spans(doc_id):
        if span.annotator == GOLD:
            gold.append(span)
        elif span.annotator is not None:
            by_analyst.setdefault(span.annotator, []).append(span)
    return by_analyst, gold


def disagreements(project: Project, doc_id: int) -> list[Disagreement]:
    """The document's disputed stretches in reading order (overlapping spans grouped)."""
    by_analyst, gold = _layers(project, doc_id)
    if not by_analyst:
        return []
    keys = [{_key(s) for s in spans} for spans in by_analyst.values()]
    agreed = set.intersection(*keys) if len(keys) > 1 else set()
    disputed = sorted(
        (s for spans in by_analyst.values() for s in spans if _key(s) not in agreed),
        key=lambda s: (s.start, -s.end, s.annotator or ""),
    )
    groups: list[list[Span]] = []
    reach = -1
    for span in disputed:
        if groups and span.start < reach:
            groups[-1].append(span)
            reach = max(reach, span.end)
        else:
            groups.append([span])
            reach = span.end
    out = []
    for group in groups:
        start, end = group[0].start, max(s.end for s in group)
        inside = tuple(g for g in gold if g.start < end and start < g.end)
        out.append(Disagreement(start, end, tuple(group), inside))
    return out


def accept(project: Project, doc_id: int, spans: Iterable[Span]) -> Curation:
    """Copy these analysts' spans into gold (not twice); relations whose ends are in gold follow."""
    change = Curation()
    with write_transaction(project.db):
        _, gold = _layers(project, doc_id)
        present = {_key(g) for g in gold}
        for span in spans:
            if _key(span) in present:
                continue
            added = project.add_span(doc_id, replace(span.unsaved(), annotator=GOLD))
            present.add(_key(span))
            change.added.append(added.id)
        change.relations = _follow_relations(project, doc_id)
    return change


def accept_agreed(project: Project, doc_id: int) -> Curation:
    """Into gold, what every analyst of the document marked identically (what is not there yet).

    Opening a document for curation starts here; a document opened again writes nothing.
    """
    by_analyst, gold = _layers(project, doc_id)
    if len(by_analyst) < 2:
        return Curation()
    keys = [{_key(s): s for s in spans} for spans in by_analyst.values()]
    present = {_key(g) for g in gold}
    agreed = set(keys[0]).intersection(*keys[1:]) - present
    if not agreed:
        return Curation()
    return accept(project, doc_id, [keys[0][k] for k in sorted(agreed)])


def reject(project: Project, disagreement: Disagreement) -> Curation:
    """Accept none of the stretch's spans: whatever gold holds there goes."""
    change = Curation()
    with write_transaction(project.db):
        for span in disagreement.gold:
            change.removed.append(project.delete_span(span.id))
    return change


def revert(project: Project, change: Curation) -> None:
    """Undo one step exactly: its additions go, what it removed comes back with its ids."""
    with write_transaction(project.db):
        for relation_id in change.relations:
            project.delete_relation(relation_id)
        for span_id in change.added:
            project.delete_span(span_id)
        for span, relations in change.removed:
            project.restore_span(span, relations)


def mark_curated(project: Project, doc_id: int) -> None:
    """The curator is done with the document: its gold layer is final."""
    with write_transaction(project.db):
        project.db.execute(
            "INSERT INTO layers (doc_id, annotator, status, source) VALUES (?, ?, 'curated', "
            "'curation') ON CONFLICT (doc_id, annotator) DO UPDATE SET status = 'curated'",
            [doc_id, GOLD],
        )


def _follow_relations(project: Project, doc_id: int) -> list[int]:
    spans = project.spans(doc_id)
    key_of = {s.id: _key(s) for s in spans}
    gold_ids = {_key(s): s.id for s in spans if s.annotator == GOLD}
    existing = {
        (r.label, key_of[r.head], key_of[r.tail])
        for r in project.relations(doc_id)
        if r.annotator == GOLD
    }
    added: list[int] = []
    for relation in project.relations(doc_id):
        if relation.annotator in (None, GOLD):
            continue
        head, tail = key_of[relation.head], key_of[relation.tail]
        wanted = (relation.label, head, tail)
        if wanted in existing or head not in gold_ids or tail not in gold_ids:
            continue
        ends = (gold_ids[head], gold_ids[tail])
        row = relation_row(doc_id, relation.label, *ends, relation.attrs, GOLD)
        existing.add(wanted)
        added.append(project.db.insert("relations", row))
    return added


def pick(disagreement: Disagreement, annotators: Sequence[str]) -> list[Span]:
    """The stretch's spans by these analysts (the "accept analyst 1", "accept both" keys)."""
    return [s for s in disagreement.candidates if s.annotator in annotators]
