"""Reading a team project's analyst layers, document by document, for agreement and adjudication.

An analyst *annotated* a document when their layer there has spans or a
status past ``todo`` (they marked it done with nothing in it: that is an
answer too). The ``gold`` layer and spans naming no analyst are nobody's layer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from annotator.core.agreement import DocumentLayers
from annotator.core.layers import GOLD
from annotator.core.models import Relation, Span
from annotator.storage.project import Project
from annotator.storage.rows import attrs_from_json

_LAYER_SPANS = """
    SELECT id, doc_id, start, "end", label, text, attrs, annotator, entity_id FROM spans
    WHERE annotator IS NOT NULL AND annotator != ? ORDER BY doc_id, id
"""
_LAYER_RELATIONS = """
    SELECT id, doc_id, head, tail, label, attrs, annotator FROM relations
    WHERE annotator IS NOT NULL AND annotator != ? ORDER BY doc_id, id
"""


def annotated(project: Project) -> dict[int, set[str]]:
    """Analysts by document, for every document at least one analyst annotated.

    The same rule selects an annotator's documents for export (``project.Selection``).
    """
    found: dict[int, set[str]] = defaultdict(set)
    conn = project.db.conn
    for doc_id, name in conn.execute(
        "SELECT DISTINCT doc_id, annotator FROM spans "
        "WHERE annotator IS NOT NULL AND annotator != ?",
        [GOLD],
    ):
        found[doc_id].add(name)
    for doc_id, name in conn.execute(
        "SELECT doc_id, annotator FROM layers WHERE status != 'todo' AND annotator != ?", [GOLD]
    ):
        found[doc_id].add(name)
    return found


def has_layer(project: Project, name: str) -> bool:
    """Whether anything in the project is filed under analyst ``name`` (``gold`` included)."""
    (found,) = project.db.conn.execute(
        "SELECT EXISTS (SELECT 1 FROM spans WHERE annotator = ?) "
        "OR EXISTS (SELECT 1 FROM layers WHERE annotator = ?)",
        [name, name],
    ).fetchone()
    return bool(found)


def layer_names(project: Project) -> list[str]:
    """Every analyst name the project's spans and layers are filed under, sorted."""
    rows = project.db.conn.execute(
        "SELECT annotator FROM spans WHERE annotator IS NOT NULL UNION SELECT annotator FROM layers"
    )
    return sorted(name for (name,) in rows)


def shared_documents(project: Project, *, minimum: int = 2) -> Iterator[DocumentLayers]:
    """Every document ``minimum`` analysts or more annotated, with their layers, in id order."""
    with project.snapshot() as conn:
        analysts = {d: n for d, n in annotated(project).items() if len(n) >= minimum}
        spans: dict[int, dict[str, list[Span]]] = defaultdict(lambda: defaultdict(list))
        for row in conn.execute(_LAYER_SPANS, [GOLD]):
            span_id, doc_id, start, end, label, text, attrs, name, entity = row
            if doc_id in analysts:
                spans[doc_id][name].append(
                    Span(start, end, label, text, span_id, doc_id, attrs_from_json(attrs), name,
                         entity)
                )  # fmt: skip
        relations: dict[int, dict[str, list[Relation]]] = defaultdict(lambda: defaultdict(list))
        for rel_id, doc_id, head, tail, label, attrs, name in conn.execute(
            _LAYER_RELATIONS, [GOLD]
        ):
            if doc_id in analysts:
                relations[doc_id][name].append(
                    Relation(label, head, tail, rel_id, doc_id, attrs_from_json(attrs), name)
                )
        for doc_id, text, title, uid in conn.execute(
            "SELECT id, text, title, uid FROM documents ORDER BY id"
        ):
            if doc_id not in analysts:
                continue
            layers = {name: spans[doc_id].get(name, []) for name in sorted(analysts[doc_id])}
            yield DocumentLayers(doc_id, text, layers, dict(relations[doc_id]), title, uid)
