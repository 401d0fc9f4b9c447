"""Adjudication into the ``gold`` layer: what every analyst of a document agreed on.

``auto_agreed`` copies into gold each span that every analyst of the document
marked with the same start, end and label (with their attributes and entity
link when they agree on those too, else without), and each relation that all
of them drew between spans now in gold. Running it again adds nothing twice;
what a curator already put in gold stays.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.layers import GOLD
from annotator.core.models import NewSpan, Relation, Span
from annotator.storage.database import write_transaction
from annotator.storage.project import Project
from annotator.storage.rows import relation_row, span_row
from annotator.storage.team_layers import shared_documents

Key = tuple[int, int, str]


@dataclass
class Adjudication:
    documents: int = 0
    spans: int = 0
    relations: int = 0


def _key(span: Span) -> Key:
    return (span.start, span.end, span.label)


def _agreed_value(values: Sequence[Any]) -> Any:
    return values[0] if all(v == values[0] for v in values) else None


def auto_agreed(project: Project) -> Adjudication:
    """Agreed spans and relations into gold, in one transaction."""
    result = Adjudication()
    docs = list(shared_documents(project))
    conn = project.db.conn
    with write_transaction(project.db):
        for doc in docs:
            result.documents += 1
            gold = {
                (start, end, label): span_id
                for span_id, start, end, label in conn.execute(
                    'SELECT id, start, "end", label FROM spans WHERE doc_id = ? AND annotator = ?',
                    [doc.doc_id, GOLD],
                )
            }
            by_key: list[dict[Key, Span]] = [
                {_key(s): s for s in layer} for layer in doc.spans.values()
            ]
            agreed = set(by_key[0]).intersection(*by_key[1:])
            for key in sorted(agreed - gold.keys()):
                copies = [spans[key] for spans in by_key]
                attrs = _agreed_value([dict(s.attrs) for s in copies]) or {}
                entity = _agreed_value([s.entity_id for s in copies])
                new = NewSpan(*key, copies[0].text, attrs, GOLD, entity)
                gold[key] = project.db.insert("spans", span_row(doc.doc_id, new))
                result.spans += 1
            result.relations += _agreed_relations(
                project, doc.doc_id, doc.spans, doc.relations, gold
            )
            if gold:  # a gold layer begun; one with nothing agreed waits for a curator
                conn.execute(
                    "INSERT INTO layers (doc_id, annotator, status, source) "
                    "VALUES (?, ?, 'in_progress', 'adjudicate') ON CONFLICT DO NOTHING",
                    [doc.doc_id, GOLD],
                )
    return result


def _agreed_relations(
    project: Project,
    doc_id: int,
    spans: Mapping[str, Sequence[Span]],
    relations: Mapping[str, Sequence[Relation]],
    gold: Mapping[Key, int],
) -> int:
    conn = project.db.conn
    layers: list[dict[tuple[str, Key, Key], dict[str, Any]]] = []
    for name, layer in spans.items():
        keys = {s.id: _key(s) for s in layer}
        layers.append(
            {
                (r.label, keys[r.head], keys[r.tail]): dict(r.attrs)
                for r in relations.get(name, ())
                if r.head in keys and r.tail in keys
            }
        )
    agreed = set(layers[0]).intersection(*layers[1:]) if layers else set()
    existing = {
        tuple(row)
        for row in conn.execute(
            "SELECT label, head, tail FROM relations WHERE doc_id = ? AND annotator = ?",
            [doc_id, GOLD],
        )
    }
    added = 0
    for label, head, tail in sorted(agreed):
        if head not in gold or tail not in gold or (label, gold[head], gold[tail]) in existing:
            continue
        attrs = _agreed_value([layer[(label, head, tail)] for layer in layers]) or {}
        project.db.insert(
            "relations", relation_row(doc_id, label, gold[head], gold[tail], attrs, GOLD)
        )
        added += 1
    return added
