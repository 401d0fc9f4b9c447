"""Searching the corpus loosely: normalised query, exact offsets in the stored text.

The indexes (``storage.search_index``) narrow the documents; in each, the normalised query is
found in the normalised text and every hit is mapped back through
``normalize_with_offsets`` to code-point offsets in the text as stored, so
a hit can be selected, highlighted or tagged exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.arabic import is_dropped, normalize, normalize_with_offsets
from annotator.core.models import Status
from annotator.storage import search_index
from annotator.storage.project import Project

SNIPPET_CONTEXT = 40


@dataclass(frozen=True, slots=True)
class Hit:
    doc: int
    start: int
    end: int
    text: str
    snippet: str
    snippet_start: int  # where the hit (after its ⟦ mark) starts inside ``snippet``

    def to_json(self) -> dict[str, object]:
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "snippet": self.snippet,
        }


def find_in_text(text: str, query: str) -> list[tuple[int, int]]:
    """Code-point ranges of ``text`` whose normalised form is the normalised ``query``."""
    wanted = normalize(query).strip()
    if not wanted:
        return []
    norm, offsets = normalize_with_offsets(text)
    hits, at = [], norm.find(wanted)
    while at >= 0:
        start, end = offsets[at], offsets[at + len(wanted) - 1] + 1
        while end < len(text) and is_dropped(text[end]):
            end += 1  # the harakat of the last letter belong to it
        hits.append((start, end))
        at = norm.find(wanted, at + len(wanted))
    return hits


def _snippet(text: str, start: int, end: int) -> tuple[str, int]:
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(text), end + SNIPPET_CONTEXT)
    piece = text[left:start] + "⟦" + text[start:end] + "⟧" + text[end:right]
    piece = piece.replace("\n", " ")
    prefix = "…" if left else ""
    suffix = "…" if right < len(text) else ""
    return prefix + piece + suffix, start - left + len(prefix) + 1


def _documents_sql(
    project: Project,
    wanted: str,
    statuses: Iterable[Status],
    entity: int | None,
    label: str | None,
    annotator: str | None,
) -> tuple[str, list[object]] | None:
    """SQL for the ids of the documents that may hold ``wanted``, in id order, every filter
    joined in before any text is read; None when none can."""
    found = search_index.match(project.db, wanted)
    if found == search_index.NOTHING:
        return None
    where: list[str] = []
    params: list[object] = []
    if found is None:
        sql = "SELECT d.id FROM documents AS d"
        order = "d.id"
    else:
        # The index drives, in rowid order: a cursor stops reading it when enough hits are in.
        sql = f"SELECT d.id FROM {found.table} JOIN documents AS d ON d.id = {found.table}.rowid"
        where.append(f"{found.table} MATCH ?")
        params.append(found.fts)
        order = f"{found.table}.rowid"
    if names := [str(Status(s)) for s in statuses]:
        where.append(f"d.status IN ({', '.join('?' * len(names))})")
        params += names
    if entity is not None:
        where.append("d.id IN (SELECT doc_id FROM spans WHERE entity_id = ?)")
        params.append(entity)
    if label is not None or annotator is not None:
        span_where, span_params = _span_filter(label, annotator)
        where.append(f"d.id IN (SELECT doc_id FROM spans WHERE {span_where})")
        params += span_params
    if where:
        sql += " WHERE " + " AND ".join(where)
    return f"{sql} ORDER BY {order}", params


def _span_filter(label: str | None, annotator: str | None) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    for column, value in (("label", label), ("annotator", annotator)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    return " AND ".join(clauses), params


def candidates(
    project: Project,
    query: str,
    statuses: Iterable[Status] = (),
    entity: int | None = None,
) -> list[int]:
    """Documents that may contain the query, from the indexes.

    ``entity`` keeps the documents that mention that registry entity.
    """
    found = _documents_sql(project, normalize(query).strip(), statuses, entity, None, None)
    if found is None:
        return []
    return [row[0] for row in project.db.conn.execute(*found)]


def search(
    project: Project,
    query: str,
    *,
    statuses: Iterable[Status] = (),
    label: str | None = None,
    entity: int | None = None,
    annotator: str | None = None,
    limit: int = 200,
) -> list[Hit]:
    """Hits in document order. ``label`` and ``annotator`` keep hits inside a span with that
    label or by that annotator; ``entity`` keeps documents that mention the entity.

    Only the documents the indexes name are read; with a span filter, only those
    where a span of the filter holds the query.
    """
    wanted = normalize(query).strip()
    found = _documents_sql(project, wanted, statuses, entity, label, annotator)
    if found is None or not wanted or limit <= 0:
        return []
    conn = project.db.conn
    filtered = label is not None or annotator is not None
    span_where, span_params = _span_filter(label, annotator)
    hits: list[Hit] = []
    for (doc_id,) in conn.execute(*found):
        spans: list[tuple[int, int]] = []
        if filtered:
            spans = [
                (start, end)
                for start, end, text in conn.execute(
                    f'SELECT start, "end", text FROM spans WHERE doc_id = ? AND {span_where}',
                    [doc_id, *span_params],
                )
                if wanted in normalize(text)
            ]
            if not spans:
                continue  # no span of the filter holds the query: the text is not read
        (text,) = conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        for start, end in find_in_text(text, query):
            if filtered and not any(s <= start and end <= e for s, e in spans):
                continue
            snippet, at = _snippet(text, start, end)
            hits.append(Hit(doc_id, start, end, text[start:end], snippet, at))
            if len(hits) >= limit:
                return hits
    return hits
